#!/bin/sh
# split.sh: the rule that puts each line of the development corpus in the
# tune part or the measure part, by thread, never by line.
#
#   split.sh key SOURCE...     print the thread key of each source field
#   split.sh part SOURCE...    print "tune" or "measure" for each
#   split.sh split IN TUNE MEASURE
#                              append the rows of IN (a header, then rows
#                              with the columns of lines-tune.tsv) to the
#                              part each belongs in
#   split.sh check TUNE MEASURE
#                              name every row in the wrong part, and every
#                              thread with rows in both; exit 1 if any
#
# A thread's key is its source field up to the first " (" or " ;",
# lower-cased, with the scheme, "www." and a trailing "/#anchor",
# "/page-N" or "/" dropped, and github.com/OWNER/REPO/issues/N (or /pull/N) written
# OWNER/REPO#N.  A row goes to the tune part when any of its threads
# (several are separated by " ; ") is listed in pinned.txt (the threads of
# ../../../shared/corpus, those data/*.csv cited when the split was made,
# and the sources of ../../../shared/reference/errors.tsv).  Otherwise a thread that logs/index.tsv (the whole logs) puts in a
# part goes to that part, so that the two corpora agree.  Otherwise a row
# goes to the tune part when h mod 10 < 6, h being the hash of its first
# thread's key: h = (h * 31 + byte) mod 1000003 over the key's bytes, from
# 0: about 60% of the threads tune, 40% measure.  The shared corpus's own
# rows (ids A.., B.., C..) are all in the tune part.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
mode=${1:-}
[ $# -gt 0 ] && shift
prog='
function key(s,    p, n) {
	s = tolower(s)
	sub(/ \(.*/, "", s); sub(/ ;.*/, "", s)
	sub(/^[ \t]+/, "", s); sub(/[ \t]+$/, "", s)
	sub(/^https?:\/\//, "", s); sub(/^www\./, "", s)
	if (s ~ /^github\.com\/[^\/]+\/[^\/]+\/(issues|pull)\/[0-9]+/) {
		n = split(s, p, "/"); sub(/[^0-9].*/, "", p[5])
		s = p[2] "/" p[3] "#" p[5]
	}
	sub(/\/#.*$/, "", s); sub(/\/page-[0-9]+\/?$/, "", s); sub(/\/+$/, "", s)
	return s
}
function hash(s,    h, i) {
	h = 0
	for (i = 1; i <= length(s); i++)
		h = (h * 31 + ord[substr(s, i, 1)]) % 1000003
	return h
}
function part(src,    n, t, i, k) {
	n = split(src, t, / ; /)
	for (i = 1; i <= n; i++) if ((k = key(t[i])) != "" && (k in pin)) return "tune"
	for (i = 1; i <= n; i++) if ((k = key(t[i])) in logpart) return logpart[k]
	return hash(key(src)) % 10 < 6 ? "tune" : "measure"
}
BEGIN {
	for (i = 1; i < 256; i++) ord[sprintf("%c", i)] = i
	while ((getline l < pins) > 0) if (l !~ /^#/ && l != "") pin[l] = 1
	# The whole logs: source in column 5, part in column 7.
	while ((getline l < logs) > 0) {
		nf = split(l, f, "\t")
		if (nf >= 7 && f[7] ~ /^(tune|measure)$/) logpart[key(f[5])] = f[7]
	}
	FS = "\t"
}
'
case $mode in
key|part)
	for s in "$@"; do printf '%s\n' "$s"; done |
	LC_ALL=C awk -v pins="$here/pinned.txt" -v logs="$here/logs/index.tsv" -v mode="$mode" "$prog"'
	{ print (mode == "key" ? key($0) : part($0)) }' ;;
split)
	LC_ALL=C awk -v pins="$here/pinned.txt" -v logs="$here/logs/index.tsv" -v t="$2" -v m="$3" "$prog"'
	FNR > 1 { print >> ($1 ~ /^[ABC]/ || part($4) == "tune" ? t : m) }' "$1" ;;
check)
	LC_ALL=C awk -v pins="$here/pinned.txt" -v logs="$here/logs/index.tsv" -v t="$1" "$prog"'
	FNR == 1 { want = FILENAME == t ? "tune" : "measure"; next }
	{
		k = key($4); seen[k, want] = 1
		if ($1 ~ /^[ABC]/) { if (want != "tune") { print FILENAME ": " $1 ": a shared row, belongs in tune"; bad = 1 }; next }
		got = part($4)
		if (got != want) { print FILENAME ": " $1 ": source \047" $4 "\047 belongs in " got; bad = 1 }
	}
	END {
		for (x in seen) { split(x, kw, SUBSEP)
			if (kw[2] == "tune" && ((kw[1], "measure") in seen)) { print "thread " kw[1] " is in both parts"; bad = 1 } }
		exit bad
	}' "$1" "$2" ;;
*) sed -n '2,/^set -eu/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2 ;;
esac
