#!/bin/sh
# bench-scan.sh BUILDDIR [MB]: flashfix scan on a generated log of MB
# megabytes (default 200) against grep -c -i error on the same file: the
# wall time and peak RSS of each whole process (best of three), and the
# throughput.  Reports, never asserts.  The log is what a long SP Flash
# Tool / mtkclient session prints: progress, info and debug lines, now and
# then a retried step, and the error that stopped it near the end.
set -u
b=$1
mb=${2:-${BENCH_SCAN_MB:-200}}
ff=$b/src/flashfix
data=$(cd "$(dirname "$0")/.." && pwd)/data
work=$(mktemp -d "${TMPDIR:-/tmp}/flashfix-bench-scan.XXXXXX")
trap 'rm -rf "$work"' EXIT
XDG_CACHE_HOME=$work/cache
export XDG_CACHE_HOME

log=$work/big.log
awk -v mb="$mb" 'BEGIN {
	target = mb * 1048576; size = 0; n = 0
	split("Download flash|Format flash|Write partition|Read back", verb, "|")
	while (size < target) {
		n++
		t = sprintf("[2024-03-01 %02d:%02d:%02d.%03d] ", (n / 3600000) % 24, (n / 60000) % 60, (n / 1000) % 60, n % 1000)
		k = n % 9
		if (k == 0) l = t "INFO: " verb[n % 4 + 1] " " (n % 100) "%"
		else if (k == 1) l = t "DA_handler - Sending block " n " at offset: 0x" sprintf("%x", n * 4096)
		else if (k == 2) l = t "DEBUG: buffer size = 1048576, lun = 0"
		else if (k == 3) l = t "Preloader - [LIB]: CPU: MT6765(Helio P35) hw_code 0x766"
		else if (k == 4) l = t "firehose - [LIB]: Writing sector " n ", 100% done"
		else if (k == 5 && n % 50000 == 5) l = t "Preloader - [LIB]: Status: Handshake failed, retrying..."
		else if (k == 5) l = t "Port - Device detected :)"
		else if (k == 6) l = t "INFO: TARGET SAID: '"'"'INFO: Calling handler for program'"'"'"
		else if (k == 7) l = t "Checksum of partition " n " OK"
		else l = t "main - Progress: " (n % 100) "% (" n " of 10000000 blocks)"
		print l
		size += length(l) + 1
	}
	print "[2024-03-01 23:59:59.999] BROM ERROR : S_FT_ENABLE_DRAM_FAIL (4032)"
	print "[2024-03-01 23:59:59.999] Download failed"
}' >"$log"
bytes=$(wc -c <"$log")
lines=$(wc -l <"$log")
echo "== scan: a log of $((bytes / 1048576)) MiB, $lines lines"
# The base compiled into the cache first, as on a shop machine.
"$ff" lookup 4009 >/dev/null 2>&1

# best CMD...: the best of three runs through "bench measure": "MS KB
# CPU-MS".
best() {
	for i in 1 2 3; do
		"$b/tests/bench" measure "$@"
	done | sort -n | head -n 1
}
# compare NAME LOG: scan against grep on LOG, wall time (and, as the
# machine may be shared, CPU time) and peak RSS.
compare() {
	s=$(best "$ff" scan "$2")
	g=$(best grep -c -i error "$2")
	awk -v s="$s" -v g="$g" -v mb="$(($(wc -c <"$2") / 1048576))" 'BEGIN {
		split(s, a, " "); split(g, c, " ")
		printf "  flashfix scan:      %7.0f ms (CPU %5.0f ms), %6.1f MB/s, peak RSS %.1f MB   (goal: under 16 MB)\n", a[1], a[3], mb * 1000 / a[1], a[2] / 1024
		printf "  grep -c -i error:   %7.0f ms (CPU %5.0f ms), %6.1f MB/s, peak RSS %.1f MB\n", c[1], c[3], mb * 1000 / c[1], c[2] / 1024
		printf "  scan / grep:        %7.2fx, CPU %.2fx   (goal: within 2x)\n", a[1] / c[1], a[3] / c[3]
	}'
}
compare generated "$log"
"$ff" scan --json "$log" 2>/dev/null | head -c 200 | grep -o '"line":[0-9]*,"text":"[^"]*"' | head -n 1 |
	sed 's/^/  decisive: /'
# The matcher's cost, in this process: lines judged, and what each cost.
"$b/tests/bench" scan "$data" "$log" | sed 's/^/  matcher: /'

# Random bytes of the same size: not text, no decisive error.
head -c "$bytes" /dev/urandom >"$log"
echo "== scan: $((bytes / 1048576)) MiB of random bytes"
t=$("$b/tests/bench" measure "$ff" scan "$log")
"$ff" scan "$log" >"$work/out" 2>"$work/err"
echo "  exit $?, $(wc -c <"$work/out") bytes on standard output, ${t%% *} ms: $(head -n 1 "$work/err")"
