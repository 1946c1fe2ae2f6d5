#!/bin/sh
# scan-tty.sh: flashfix scan says how far it has come on standard error
# while a log is read, when standard error is a terminal (tmux), and says
# nothing of it when it is not.  The log comes through a FIFO, fed a line
# at a time until the progress shows, so that no test waits on a clock.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

mkfifo "$T/fifo" || skip_all "no FIFO here"
line="[2024-03-01 10:42:13] firehose - [LIB]: Couldn't detect MaxPayloadSizeFromTargetinBytes"

# feed TEXT: feeds fd 3 a noise line at a time until the screen shows
# TEXT (or 15 s pass).
feed() {
	i=0
	while [ "$i" -lt 300 ]; do
		printf '%s\n' "$line" >&3
		capture
		printf '%s\n' "$screen" | grep -Eq -- "$1" && return 0
		i=$((i + 1))
		sleep 0.05
	done
	return 1
}

# On a terminal: bytes read and errors so far, then cleared.
tstart 120x60 "$FLASHFIX" scan "$T/fifo"
exec 3>"$T/fifo"
printf '%s\n' "BROM ERROR : S_FT_ENABLE_DRAM_FAIL (4032)" >&3
feed "flashfix: scanning $T/fifo: [0-9.]+ MB read, 1 error so far"
ok $? "on a terminal: the bytes read and the errors so far (a pipe: no size)"
printf '%s\n' "Sahara communication failed" >&3
feed "2 errors so far"
ok $? "updated as it reads"
exec 3>&-
screen_has "EXIT=0" "the scan ends"
screen_has "The decisive error:" "with its report on standard output"
hasnt "$screen" "errors so far" "and the progress line is cleared"
tstop

# Standard error not a terminal: nothing of it, however long the scan.
"$FLASHFIX" scan "$T/fifo" >"$T/out" 2>"$T/err" &
pid=$!
exec 3>"$T/fifo"
printf '%s\n' "BROM ERROR : S_FT_ENABLE_DRAM_FAIL (4032)" >&3
i=0
while [ "$i" -lt 20 ]; do
	printf '%s\n' "$line" >&3
	i=$((i + 1))
	sleep 0.05
done
exec 3>&-
wait "$pid"
is "$?" 0 "standard error redirected: the scan ends, exit 0"
like "$(cat "$T/out")" "BROM ERROR : S_FT_ENABLE_DRAM_FAIL" "its report on standard output"
is "$(cat "$T/err")" "" "and nothing on standard error"

done_testing
