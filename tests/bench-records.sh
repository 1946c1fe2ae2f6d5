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

. "$(dirname "$0")/bench-gen.sh"

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
