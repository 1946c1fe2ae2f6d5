#!/bin/sh
# timeout.sh TEST [ARG...]: runs one test of make check with its standard
# input from /dev/null, so that a test waiting on input meets its end
# rather than hang on whatever make was given (an open pipe in CI), and
# stops it after FLASHFIX_TEST_TIMEOUT seconds (default 900), saying so in
# TAP, so that one hung test fails the suite instead of stalling it.
limit=${FLASHFIX_TEST_TIMEOUT:-900}
if command -v timeout >/dev/null 2>&1; then
	start=$(date +%s)
	timeout -k 10 "$limit" "$@" </dev/null
	status=$?
	echo "# $1 took $(($(date +%s) - start)) s"
	if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
		echo "Bail out! $1 did not finish within $limit seconds"
	fi
	exit "$status"
fi
exec "$@" </dev/null
