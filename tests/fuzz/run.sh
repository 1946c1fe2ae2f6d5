#!/bin/sh
# run.sh OUTDIR SECONDS [TARGET...]: runs each fuzz target for SECONDS,
# its corpus seeded from the shipped data and the test fixtures; a crash
# is kept as OUTDIR/crash-* and makes the run fail.
set -u
out=$1
secs=$2
shift 2
src=$(cd "$(dirname "$0")/../.." && pwd)
[ $# -gt 0 ] || set -- kb cache records lookup version scan
fail=0
for t in "$@"; do
	corpus=$out/corpus-$t
	mkdir -p "$corpus"
	case $t in
	kb)
		{ cat "$src/data/errors.csv"; printf '\n%%%%\n'
		  cat "$src/data/fixes.csv"; printf '\n%%%%\n'
		  cat "$src/data/tools.csv"; printf '\n%%%%\n'
		  cat "$src/data/generic.csv"; } >"$corpus/shipped"
		;;
	cache)
		# Unedited, and the shipped base's cache cut at its middle.
		printf '\000\000\000' >"$corpus/whole"
		printf '\000\001\000' >"$corpus/cut"
		;;
	records)
		printf '%s\n' 'id,started,finished,engineer,host,model,serial,platform,tool_version,query,error_id,outcome,fixed_at_step,steps' \
		  '"6b0-1","2026-11-24T10:00:00+0000","2026-11-24T10:05:00+0000","ana","h","M","S","qcom","2.0.11","Sahara","sahara","fixed","2","1 update not_fixed 2026-11-24T10:01:00+0000: a note' \
		  '2 power fixed 2026-11-24T10:02:00+0000"' >"$corpus/one"
		;;
	lookup)
		i=0
		cut -f2 "$src/tests/fixtures/queries.tsv" | while IFS= read -r q; do
			i=$((i + 1)); printf '%s' "$q" >"$corpus/q$i"
		done
		;;
	scan)
		printf '%s\n' "Port - Device detected :)" "BROM ERROR : S_FT_ENABLE_DRAM_FAIL (4032)" \
			"All command exec done!" "sahara - [LIB]: Error: Invalid ELF header received" >"$corpus/log"
		printf '\377\376S\000a\000h\000a\000r\000a\000\n\000' >"$corpus/utf16"
		printf '\033[31mERROR : STATUS_ERR (0xC0010001)\033[0m\r\n' >"$corpus/ansi"
		;;
	version)
		for v in 2.0.11 19.36.101 V1936.91 2..1 1.2.3.4.5.6.7; do
			printf '%s' "$v" >"$corpus/$v"
		done
		;;
	esac
	echo "== fuzz_$t for ${secs}s"
	if ! "$out/fuzz_$t" -max_total_time="$secs" -timeout=10 \
		-rss_limit_mb=1024 -max_len=65536 -artifact_prefix="$out/" \
		-print_final_stats=1 "$corpus" 2>"$out/fuzz_$t.log"; then
		fail=1
		tail -40 "$out/fuzz_$t.log"
	fi
	grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb)' \
		"$out/fuzz_$t.log" | sed "s/^/fuzz_$t: /"
done
exit $fail
