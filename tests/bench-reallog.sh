#!/bin/sh
# bench-reallog.sh BUILDDIR [MB]: flashfix scan on large logs made of real
# tool output against grep -c -i error on the same file, in the same run.
# Reports, never asserts.
#
# The lines come from tests/corpus/bench-lines.tsv: success, progress and
# debug lines that people posted in public threads (mtkclient, antumbra,
# SP Flash Tool's debug log and console, edl, QFIL, qdl, and Chinese
# threads), each block with its source.  A mix repeats those blocks as a
# long session does, in an order fixed by a seed, each line with its
# tool's own timestamp (none for tools that print none), until the file
# has MB megabytes (BENCH_SCAN_MB, default 200), and ends in one real
# error:
#   en     mtkclient, antumbra, SP Flash Tool, edl, QFIL and qdl lines in
#          English; ends in SP Flash Tool's BROM ERROR S_BROM_DOWNLOAD_DA_FAIL
#   zh     mostly Chinese lines with some tool lines; ends in the Chinese
#          SP Flash Tool message for S_FT_ENABLE_DRAM_FAIL
#   utf16  the English mix ending in edl's Sahara upload error, written as
#          UTF-16LE with a byte-order mark, as some Windows tools save logs
# BENCH_MIXES picks mixes (default "en zh utf16"); BENCH_RUNS the runs of
# each command, the best kept (default 1: the files are large);
# BENCH_KEEP=DIR keeps the logs there (MIX.log) to study them.
set -u
b=$1
mb=${2:-${BENCH_SCAN_MB:-200}}
mixes=${BENCH_MIXES:-en zh utf16}
runs=${BENCH_RUNS:-1}
here=$(cd "$(dirname "$0")" && pwd)
pool=$here/corpus/bench-lines.tsv
test -r "$pool" || { echo "bench-reallog.sh: cannot read $pool" >&2; exit 1; }
ff=$b/src/flashfix
work=$(mktemp -d "${TMPDIR:-/tmp}/flashfix-bench-reallog.XXXXXX")
trap 'rm -rf "$work"' EXIT
XDG_CACHE_HOME=$work/cache
export XDG_CACHE_HOME

# gen MIX FILE: the mix's log; prints the number of its decisive line.
gen() {
	case $1 in
	en | utf16)
		w="mtk-connect=2 mtk-config=2 mtk-retry=1 mtk-dump=3 mtk-gui=2 antumbra=2 spft-debug=3 spft-console=3 edl-connect=2 edl-firehose=2 edl-write=4 qfil=3 qfil-config=1 qdl=2"
		if [ "$1" = en ]; then end=end-brom; else end=end-sahara; fi ;;
	zh)
		w="zh=8 spft-console=1 qfil=1 qfil-config=1 mtk-dump=1 spft-debug=1"
		end=end-zh ;;
	esac
	case $1 in utf16) size=$((mb * 512)) ;; *) size=$((mb * 1024)) ;; esac
	awk -F '\t' -v kb="$size" -v weights="$w" -v endblock="$end" -v out="$2" '
	NR == 1 { next }
	{ nb = ++len[$1]; text[$1, nb] = $3; stamp[$1, nb] = $2 }
	function stamped(s, t,   ms, h, m, sec, d) {
		ms = int(clock % 1000); sec = int(clock / 1000)
		h = int(sec / 3600) % 24; m = int(sec / 60) % 60; d = int(sec / 86400) % 28 + 1
		sec = sec % 60
		if (s == "hms") return sprintf("[%02d:%02d:%02d]: %s", h, m, sec, t)
		if (s == "qfil") return sprintf("2025-07-%02d %02d:%02d:%02d.%03d    %s", d, h, m, sec, ms, t)
		if (s == "spft") return sprintf("08/%02d/2014 %02d:%02d:%02d.%03d %s", d, h, m, sec, ms, t)
		return t
	}
	function emit(blk,   i, l) {
		for (i = 1; i <= len[blk]; i++) {
			clock += 1 + (seed % 37); seed = (seed * 1103515245 + 12345) % 2147483648
			l = stamped(stamp[blk, i], text[blk, i])
			print l > out
			size += length(l) + 1; lines++
		}
	}
	END {
		n = split(weights, wl, " "); total = 0
		for (i = 1; i <= n; i++) { split(wl[i], kv, "="); name[i] = kv[1]; total += kv[2]; cum[i] = total }
		target = kb * 1024; seed = 20260; clock = 9 * 3600000
		while (size < target) {
			seed = (seed * 1103515245 + 12345) % 2147483648
			r = int(seed / 65536) % total
			for (i = 1; i <= n; i++) if (r < cum[i]) break
			emit(name[i])
		}
		# The decisive line: the last line of the error block that is not
		# the follow-up text of a dialog; for these blocks, its first
		# error line.
		first = lines + 1
		emit(endblock)
		if (endblock == "end-sahara") first += 2
		print first
	}' "$pool"
}

best() {
	for i in $(seq "$runs"); do
		"$b/tests/bench" measure "$@"
	done | sort -n | head -n 1
}

# The base compiled into the cache first, as on a shop machine.
"$ff" lookup 4009 >/dev/null 2>&1
for mix in $mixes; do
	log=$work/$mix.log
	want=$(gen "$mix" "$work/gen.log") || exit 1
	# The share of bytes outside ASCII, counted in UTF-8.
	high=$(LC_ALL=C tr -d '\000-\177' <"$work/gen.log" | wc -c)
	high=$((high * 100 / $(wc -c <"$work/gen.log")))
	if [ "$mix" = utf16 ]; then
		{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$work/gen.log"; } >"$log"
	else
		mv "$work/gen.log" "$log"
	fi
	rm -f "$work/gen.log"
	bytes=$(wc -c <"$log")
	s=$(best "$ff" scan "$log")
	g=$(best grep -c -i error "$log")
	got=$("$ff" scan --json "$log" 2>/dev/null | head -c 4096 | grep -o '"line":[0-9]*' | head -n 1 | cut -d: -f2)
	awk -v mix="$mix" -v s="$s" -v g="$g" -v bytes="$bytes" -v want="$want" -v got="${got:-none}" -v high="$high" 'BEGIN {
		split(s, a, " "); split(g, c, " "); mib = bytes / 1048576
		printf "== scan on real lines, mix %s: %.0f MiB (%d%% of its UTF-8 bytes not ASCII), decisive line %d\n", mix, mib, high, want
		printf "  flashfix scan:      %7.0f ms (CPU %5.0f ms), %6.1f MB/s, peak RSS %.1f MB   (goal: under 16 MB)\n", a[1], a[3], mib * 1000 / a[1], a[2] / 1024
		printf "  grep -c -i error:   %7.0f ms (CPU %5.0f ms), %6.1f MB/s, peak RSS %.1f MB\n", c[1], c[3], mib * 1000 / c[1], c[2] / 1024
		printf "  scan / grep:        %7.2fx, CPU %.2fx   (goal: within 2x)\n", a[1] / c[1], a[3] / c[3]
		printf "  scan found line:    %s (%s)\n", got, (got == want || got == want + 1 || got == want - 1) ? "the decisive one" : "NOT the decisive one"
	}'
	# The matcher's cost on it, in one process: lines judged, each's cost.
	"$b/tests/bench" scan "$here/../data" "$log" | sed 's/^/  matcher: /'
	if [ -n "${BENCH_KEEP:-}" ]; then mv "$log" "$BENCH_KEEP/$mix.log"; else rm -f "$log"; fi
done
