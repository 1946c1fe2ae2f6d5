#!/bin/sh
# logscore.sh: the whole real logs of tests/corpus/logs/ (see
# tests/corpus/logs/README.md).  As a test (make check) it holds the index
# to its format: every row's file exists, its decisive lines are in the
# file, its families are known ones, and its part is the one its thread's
# hash gives; then it prints, as TAP comments, flashfix scan's score on
# each part.  The score is reported, never asserted: the tune part is
# material to work on, the measure part only measures.
#   tests/logscore.sh BUILDDIR   (by hand: the same, from a build directory)
# A log is right when scan's decisive finding is on a decisive line (give
# or take one) with an accepted family, or when scan finds nothing where
# `success` or `other` is accepted.
if [ -z "${FLASHFIX:-}" ] && [ -n "${1:-}" ]; then
	top_builddir=$(cd "$1" && pwd)
	top_srcdir=$(cd "$(dirname "$0")/.." && pwd)
	FLASHFIX=$top_builddir/src/flashfix
	export top_builddir top_srcdir FLASHFIX
fi
. "${top_srcdir:-.}/tests/lib.sh"
dir=$top_srcdir/tests/corpus/logs
index=$dir/index.tsv
families=" mtk-brom mtk-da mtk-dram mtk-auth mtk-image mtk-download mtk-storage qcom-driver qcom-sahara qcom-firehose qcom-auth qcom-storage qcom-state vendor-account vendor-package vendor-tool success other "

# part THREAD: tune or measure, by the thread's MD5 (60/40).  The shared
# seed logs (L001..L020) are tuned on, so their threads are too.
part() {
	if cut -f1,5 "$index" | grep -E '^L0[0-9][0-9]	' | cut -f2 | cut -d' ' -f1 | grep -qxF -- "$1"; then
		echo tune
		return
	fi
	h=$(printf '%s' "$1" | md5sum | cut -c1-2)
	if [ "$(printf '%d' "0x$h")" -lt 154 ]; then echo tune; else echo measure; fi
}

head -n 1 "$index" >"$T/header"
is "$(cat "$T/header")" "$(printf 'id\tfile\tdecisive_line_number\tfamily\tsource\tnote\tpart')" \
	"the index's header names its seven columns"
# An empty field becomes "-": read would fold two tabs into one.
tail -n +2 "$index" | awk -F '\t' -v OFS='\t' '{ for (i = 1; i <= NF; i++) if ($i == "") $i = "-"; print }' >"$T/rows"
rows=$(wc -l <"$T/rows")
ok "$([ "$rows" -ge 20 ]; echo $?)" "the index has its logs ($rows)"
is "$(cut -f1 "$T/rows" | sort | uniq -d)" "" "every id is once in the index"

bad=""
while IFS='	' read -r id file lines fams src note prt rest; do
	f=$dir/$file
	if [ ! -f "$f" ] || [ "$file" != "$id.log" ]; then bad="$bad $id:file"; continue; fi
	[ -z "$rest" ] && [ -n "$src" ] && [ -n "$note" ] || bad="$bad $id:columns"
	nl=$(wc -l <"$f")
	[ "$lines" != - ] || lines=""
	for l in $(printf '%s' "$lines" | tr ';' ' '); do
		case $l in *[!0-9]*) bad="$bad $id:line=$l" ;; *) [ "$l" -ge 1 ] && [ "$l" -le "$nl" ] || bad="$bad $id:line=$l" ;; esac
	done
	errs=0
	for fam in $(printf '%s' "$fams" | tr ';' ' '); do
		case $families in *" $fam "*) ;; *) bad="$bad $id:family=$fam" ;; esac
		case $fam in success | other) ;; *) errs=1 ;; esac
	done
	[ "$errs" -eq 0 ] || [ -n "$lines" ] || bad="$bad $id:no-decisive-line"
	want=$(part "$(printf '%s' "$src" | cut -d' ' -f1)")
	[ "$prt" = "$want" ] || bad="$bad $id:part=$prt(not $want)"
done <"$T/rows"
is "$bad" "" "every row: its file, its columns, decisive lines inside the file, known families, the part its thread's hash gives"

# The score, for each part.
for p in tune measure; do
	total=0 right=0 wrongfam=0 wrongline=0 missed=0 alarm=0 wrongs=""
	while IFS='	' read -r id file lines fams src note prt; do
		[ "$prt" = "$p" ] || continue
		[ "$lines" != - ] || lines=""
		total=$((total + 1))
		"$FLASHFIX" scan --json "$dir/$file" >"$T/scan.json" 2>/dev/null
		got_line=$(grep -o '"line":[0-9]*' "$T/scan.json" | head -n 1 | cut -d: -f2)
		got_fam=$(grep -o '"family":"[^"]*"' "$T/scan.json" | head -n 1 | cut -d'"' -f4)
		quiet_ok=0
		case ";$fams;" in *";success;"* | *";other;"*) quiet_ok=1 ;; esac
		if [ -z "$got_line" ]; then
			if [ "$quiet_ok" -eq 1 ]; then right=$((right + 1)); else missed=$((missed + 1)); wrongs="$wrongs $id:none"; fi
			continue
		fi
		case ";$fams;" in
		*";$got_fam;"*)
			near=0
			for l in $(printf '%s' "$lines" | tr ';' ' '); do
				d=$((got_line - l))
				[ "$d" -ge -1 ] && [ "$d" -le 1 ] && near=1
			done
			if [ "$near" -eq 1 ]; then right=$((right + 1)); else wrongline=$((wrongline + 1)); wrongs="$wrongs $id:line$got_line"; fi ;;
		*)
			if [ "$fams" = success ] || [ "$fams" = other ] || [ "$fams" = "other;success" ] || [ "$fams" = "success;other" ]; then
				alarm=$((alarm + 1))
			else
				wrongfam=$((wrongfam + 1))
			fi
			wrongs="$wrongs $id:${got_fam:-?}@$got_line" ;;
		esac
	done <"$T/rows"
	pct=0
	[ "$total" -gt 0 ] && pct=$((right * 100 / total))
	echo "# logs, $p part: $right of $total right ($pct%); wrong family $wrongfam, right family on another line $wrongline, missed $missed, a finding on a success or other tool's log $alarm"
	echo "#   not right:$wrongs"
done
done_testing
