#!/bin/sh
# bench.sh BUILDDIR [N...]: speed, reported, never asserted.  For each size
# (default 1,000, 10,000 and 100,000 errors) a synthetic knowledge base:
# in-process load, index, lookup median and p99, peak RSS (tests/bench);
# then whole processes on the same data and queries: flashfix lookup,
# grep -i -F and fzf --filter (skipped, said, when fzf is absent).
set -u
b=$1
shift
[ $# -gt 0 ] || set -- 1000 10000 100000
ff=$b/src/flashfix
work=$(mktemp -d "${TMPDIR:-/tmp}/flashfix-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
QN=${BENCH_PROCESSES:-40}
# flashfix lookup caches the compiled base here: the first process writes
# it, the others read it.
XDG_CACHE_HOME=$work/cache
export XDG_CACHE_HOME

# whole CMD-TEMPLATE: runs it once per query (the first $QN), the query
# in "$q", through "bench measure"; prints the median milliseconds of a
# whole process and the largest peak RSS among them.
whole() {
	head -n "$QN" "$kb/queries.txt" | while IFS= read -r q; do
		eval "\"\$b/tests/bench\" measure $1"
	done | sort -n | awk '{ v[NR] = $1; if ($2 > m) m = $2 }
	    END { printf "%.1f ms, peak RSS %.1f MB", v[int((NR + 1) / 2)], m / 1024 }'
}

echo "machine: $(nproc) cores, $(uname -sr), $(sed -n 's/^PRETTY_NAME=//p' /etc/os-release 2>/dev/null | tr -d '\"')"
for n in "$@"; do
	kb=$work/kb-$n
	"$b/tests/bench" gen "$kb" "$n" || exit 1
	echo
	echo "== $n errors ($(du -k "$kb/errors.csv" "$kb/fixes.csv" | awk '{ s += $1 } END { print s }') KiB of CSV)"
	"$b/tests/bench" run "$kb" | sed 's/^/  /'
	echo "  whole processes, median of $QN queries:"
	# The first process compiles the base into the cache: measured on
	# its own, so the others each read the cache as a user's would.
	q=$(head -n 1 "$kb/queries.txt")
	printf '    flashfix lookup, first start (writes the cache): %s\n' \
		"$("$b/tests/bench" measure "$ff" --data "$kb" lookup -- "$q" |
		awk '{ printf "%.1f ms, peak RSS %.1f MB", $1, $2 / 1024 }')"
	printf '    flashfix lookup:  %s\n' "$(whole '"$ff" --data "$kb" lookup -- "$q"')"
	printf '    (--no-cache:      %s)\n' "$(whole '"$ff" --no-cache --data "$kb" lookup -- "$q"')"
	printf '    grep -i -F:       %s\n' "$(whole 'grep -i -F -- "$q" "$kb/errors.csv"')"
	if command -v fzf >/dev/null; then
		printf '    fzf --filter:     %s\n' "$(whole 'fzf --filter "$q" <"$kb/errors.csv"')"
	else
		echo "    fzf --filter:     skipped (fzf is not installed; Debian package fzf)"
	fi
done
