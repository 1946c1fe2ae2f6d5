#!/bin/sh
# scan-score.sh: holds flashfix scan to the score it was measured at on
# the whole real logs of tests/corpus/logs/ (tests/logscore.sh counts
# it): at least this share of the measure part (logs never tuned on) and
# of the tune part right.  The floors are the figures measured when the
# choice of the decisive line last changed, less a margin for logs added
# since; raise them when scan gets better, never lower them to pass.
. "${top_srcdir:-.}/tests/lib.sh"

MEASURE_FLOOR=83   # measured: 16 of 18 (88.9%), 2026-12-04
TUNE_FLOOR=85      # measured: 36 of 41 (87.8%), 2026-12-04

sh "$top_srcdir/tests/logscore.sh" >"$T/score" 2>&1
for part in measure tune; do
	line=$(grep "^# logs, $part part:" "$T/score")
	pct=$(printf '%s' "$line" | sed -n 's/.*right (\([0-9]*\)%).*/\1/p')
	if [ "$part" = measure ]; then floor=$MEASURE_FLOOR; else floor=$TUNE_FLOOR; fi
	[ -n "$pct" ] && [ "$pct" -ge "$floor" ]
	ok $? "$part part: ${pct:-?}% right, at least $floor% ($(printf '%s' "$line" | sed 's/^# logs, //'))"
done
done_testing
