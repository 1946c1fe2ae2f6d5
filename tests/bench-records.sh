#!/bin/sh
# bench-records.sh BUILDDIR [N...]: years of records.  For each size
# (default 100,000 and 1,000,000 sessions) a generated records file like a
# busy shop's, then the wall time and peak RSS (best of three whole
# processes) of: the wizard's first question (line mode, input at its
# end: the start-up the engineer waits for, the step figures kept as a
# summary in the cache and brought up to date from the appended tail),
# the same after 100 sessions appended, stats, history --json, report of
# the first session, and Python's csv module reading the same file (when
# python3 is there).  Reports, never asserts.
set -u
b=$1
shift
[ $# -gt 0 ] || set -- ${BENCH_RECORDS:-100000 1000000}
ff=$b/src/flashfix
work=$(mktemp -d "${TMPDIR:-/tmp}/flashfix-bench-records.XXXXXX")
trap 'rm -rf "$work"' EXIT
XDG_CACHE_HOME=$work/cache
export XDG_CACHE_HOME

# gen FILE N [FIRST]: N sessions as the wizard writes them, ids from
# FIRST: a mix of errors, outcomes and two to four steps with notes.
gen() {
	awk -v n="$2" -v first="${3:-0}" -v header="$(test -n "${3:-}" || echo 1)" 'BEGIN {
		if (header)
			print "id,started,finished,engineer,host,model,serial,platform,tool_version,query,error_id,outcome,fixed_at_step,steps,stage,log"
		split("sahara|wcsm-4009|brom-handshake|firehose-check-rsp|dl-system-err|wcsm-3001|da-dram-fail|private-key", err, "|")
		split("relogin|settings|config|update|connection|power|hardware|escalate", lv, "|")
		split("ana|bo|chen|dev|eli", eng, "|")
		for (i = first; i < first + n; i++) {
			d = int(i / 800)
			t = sprintf("2024-%02d-%02dT%02d:%02d:%02d+0800", d / 28 % 12 + 1, d % 28 + 1, 9 + i % 9, i % 60, i % 59)
			e = err[i % 8 + 1]
			ns = 2 + i % 3
			fixed = (i % 5 == 4) ? 0 : 1 + i % ns
			out = fixed ? "fixed" : "escalated"
			steps = ""
			for (k = 1; k <= ns && (fixed == 0 || k <= fixed); k++)
				steps = steps (k > 1 ? "\n" : "") k " " lv[(i + k) % 8 + 1] " " \
				    (k == fixed ? "fixed" : "not_fixed") " " t (k == 1 ? " cable swapped, same" : "")
			printf "\"%08x-%06x\",\"%s\",\"%s\",\"%s\",\"shop-%d\",\"Model %d\",\"SN%09d\",\"%s\",\"2.0.11\",\"%s\",\"%s\",\"%s\",\"%s\",\"%s\",\"\",\"\"\n",
			    1700000000 + i, i, t, t, eng[i % 5 + 1], i % 7, i % 40, i, (i % 2 ? "qcom" : "mtk"),
			    "error " e, e, out, fixed ? fixed : "", steps
		}
	}' >>"$1"
}

# best CMD...: the best of three runs through "bench measure": "MS KB".
best() {
	for i in 1 2 3; do
		"$b/tests/bench" measure "$@"
	done | sort -n | head -n 1
}
show() {
	echo "$2" | awk -v what="$1" '{ printf "  %-34s %8.1f ms, peak RSS %6.1f MB\n", what, $1, $2 / 1024 }'
}

echo "== records: $(nproc) cores"
"$ff" lookup 4009 >/dev/null 2>&1 # the base compiled into the cache
for n in "$@"; do
	st=$work/state-$n
	mkdir -p "$st" && chmod 700 "$st"
	rec=$st/records.csv
	gen "$rec" "$n"
	echo
	echo "== $n sessions, $(($(wc -c <"$rec") / 1048576)) MiB"
	first=$(sed -n '2s/^"\([^"]*\)".*/\1/p' "$rec")
	# The first start makes the summary: measured on its own.
	show "wizard, first start (summary made)" "$("$b/tests/bench" measure "$ff" --plain --state-dir "$st" </dev/null)"
	# Input ends at the first question: nothing is recorded, so each
	# start reads the summary alone.
	show "wizard's first question" "$(best "$ff" --plain --state-dir "$st" </dev/null)"
	gen "$rec" 100 "$((n + 10))"
	show "  after 100 sessions appended" "$(best "$ff" --plain --state-dir "$st" </dev/null)"
	show "stats" "$(best "$ff" stats --records "$rec")"
	show "history --json" "$(best "$ff" history --json --records "$rec")"
	show "report (the first session)" "$(best "$ff" report "$first" --records "$rec")"
	if command -v python3 >/dev/null 2>&1; then
		show "python3 csv module, reading" "$(best python3 -c 'import csv, sys
n = 0
with open(sys.argv[1], newline="") as f:
    for row in csv.reader(f):
        n += 1' "$rec")"
	fi
	show "wc -l" "$(best wc -l "$rec")"
done
echo "  (goals: the first question under 50 ms at any size; stats, history and report under 16 MB; stats faster than python3's csv)"
