#!/bin/sh
# live-sessions.sh: a session open in one flashfix (a line-mode process
# fed slowly through a FIFO) is offered to a second one (on a terminal)
# as open elsewhere, with the pid and host that have it; the second can
# neither take it up nor abandon it, in either order, and no process
# prints "Recorded as" for a record it did not write.  Each order is
# checked in the records file and in both processes' output.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

host=$(hostname)

# wait_file FILE REGEX: until FILE matches (grep -E), at most $TWAIT s.
wait_file() {
	i=0
	while ! grep -Eq -- "$2" "$1" 2>/dev/null && [ $i -lt $((TWAIT * 20)) ]; do
		sleep 0.05
		i=$((i + 1))
	done
	grep -Eq -- "$2" "$1" 2>/dev/null
}

# first STATE: a line-mode flashfix for ana ($p1, output in $T/out1, its
# answers on descriptor 3) at step 1 of Sahara, its session saved ($id).
first() {
	rm -f "$T/fifo" "$T/out1"; mkfifo "$T/fifo"
	"$FLASHFIX" --plain --engineer ana --state-dir "$1" <"$T/fifo" \
		>"$T/out1" 2>&1 &
	p1=$!
	exec 3>"$T/fifo"
	answers platform=2 version=2.0.11 error="Sahara communication failed" \
		pick=1 >&3
	wait_file "$T/out1" "Step 1 of 3"
	ok $? "$2: the first flashfix is at step 1"
	id=$(ls "$1/sessions" | sed -n 's/\.csv$//p')
	like "$id" '^[0-9a-f]+-[0-9a-f]+$' "$2: its session is saved"
}

# finish: the first one answers fixed at step 1 and the job details.
finish() {
	answers step=y detail= detail=CPH2023 detail="SN 1" >&3
	exec 3>&-
	wait "$p1"
	rc1=$?
}

# second STATE: a line-mode flashfix for ana on a terminal, offered the
# session.
second() {
	tstart 300x40 "$FLASHFIX --plain --engineer ana --state-dir $1"
	screen_has "Unfinished sessions" "$2: the second flashfix offers it"
}

# records STATE: "outcome/count" of the records of session $id.
records() {
	"$FLASHFIX" history --json --state-dir "$1" >"$T/h.json"
	printf '%s/%s\n' "$(grep -o "\"id\":\"$id\"" "$T/h.json" | wc -l | tr -d ' ')" \
		"$("$JSONCHECK" 0.outcome <"$T/h.json")"
}

# 1. Abandoned from the second while the first is live: refused; the
# first records its fix.
S=$T/live
first "$S" "live"
second "$S" "live"
screen_has "open in another flashfix: pid $p1 on $host" \
	"live: shown as open elsewhere, with its pid and host"
keys a1 Enter
screen_has "open in another flashfix \(pid $p1 on $host\): it cannot be abandoned from here" \
	"live: a1 is refused, saying who has it"
keys 1 Enter
screen_has "this session is open in another flashfix \(pid $p1 on $host\); finish it there" \
	"live: taking it up is refused too"
keys n Enter
screen_has "Which platform" "live: n starts a new session instead"
keys q Enter
wait_for "EXIT=0" >/dev/null
ok $? "live: the second exits 0"
hasnt "$screen" "Recorded as" "live: the second claims no record"
# The full screen refuses it the same way.
tstart 300x24 "$FLASHFIX --engineer ana --state-dir $S"
screen_has "open in another flashfix: pid $p1 on $host" "live, full screen: shown as open elsewhere"
keys a
screen_has "Record this session as abandoned\?" "live, full screen: a asks"
keys y
screen_has "it cannot be abandoned from here" "live, full screen: and is refused"
keys q
wait_for "EXIT=0" >/dev/null
ok $? "live, full screen: q exits 0"
hasnt "$screen" "Recorded as" "live, full screen: it claims no record"
finish
is "$rc1" 0 "live: the first exits 0"
like "$(cat "$T/out1")" "Recorded as $id in $S/records.csv \(fixed\)\." \
	"live: the first says it recorded its fix"
is "$(records "$S")" "1/fixed" "live: the records file holds it once, fixed"
tstop

# 2. The other order: offered while the first is live, abandoned after
# the first recorded it.  The second says it was ended there.
S=$T/after
first "$S" "after"
second "$S" "after"
screen_has "open in another flashfix: pid $p1 on $host" "after: shown as open elsewhere"
finish
is "$rc1" 0 "after: the first exits 0"
like "$(cat "$T/out1")" "Recorded as $id in $S/records.csv \(fixed\)\." \
	"after: the first records its fix"
keys a1 Enter
screen_has "this session was ended in another flashfix since it was offered" \
	"after: a1 says it was ended in the other flashfix"
screen_has "Which platform" "after: none left, a new session"
keys q Enter
wait_for "EXIT=0" >/dev/null
ok $? "after: the second exits 0"
hasnt "$screen" "Recorded as" "after: the second claims no record"
is "$(records "$S")" "1/fixed" "after: the records file holds it once, fixed"
tstop

# 3. A session the second abandons is locked by it until recorded: a
# third flashfix cannot take it up meanwhile.
S=$T/held
first "$S" "held"
kill -TERM "$p1"; wait "$p1"; exec 3>&-
second "$S" "held"
keys a1 Enter
screen_has "It will be recorded as abandoned" "held: a1 of a session no one has"
screen_has "Which platform" "held: on to a new session"
p2=$(pgrep -P "$(tmx list-panes -F '#{pane_pid}')")
answers step=y detail= detail= detail= |
	"$FLASHFIX" --plain --resume --engineer ana --state-dir "$S" >"$T/out3" 2>&1
is "$?" 1 "held: a third flashfix's --resume is refused"
like "$(cat "$T/out3")" "open in another flashfix \(pid $p2 on $host\)" \
	"held: naming the one that abandons it"
keys q Enter
screen_has "Recorded as $id in $S/records.csv \(abandoned\)" \
	"held: the second records it as abandoned"
is "$(records "$S")" "1/abandoned" "held: once"
tstop

# 4. Where no lock can be made (here: a directory where the lock file
# goes), nothing is refused, but no process claims what it did not
# write.  The second abandons first: the first's fix is not claimed.
S=$T/nolock
first "$S" "nolock"
rm -f "$S/sessions/.$id.lock"; mkdir "$S/sessions/.$id.lock"
second "$S" "nolock"
keys a1 Enter
screen_has "It will be recorded as abandoned" "nolock: a1 is taken (no lock to refuse it)"
keys q Enter
screen_has "Recorded as $id in $S/records.csv \(abandoned\)" \
	"nolock: the second records it as abandoned"
finish
is "$rc1" 3 "nolock: the first exits 3: its outcome is not recorded"
like "$(cat "$T/out1")" "Not recorded: $id is in $S/records.csv already \(abandoned\), recorded by another flashfix or an earlier run; that record stands, and the outcome here \(fixed\) is not in the file" \
	"nolock: the first says another recorded it, and as what"
hasnt "$(cat "$T/out1")" "Recorded as" "nolock: the first claims no record"
is "$(records "$S")" "1/abandoned" "nolock: the records file holds it once, as written"
tstop

# 5. No lock, the other order: the second chose to abandon it, the first
# recorded its fix before the second ended.
S=$T/nolock2
first "$S" "nolock2"
rm -f "$S/sessions/.$id.lock"; mkdir "$S/sessions/.$id.lock"
second "$S" "nolock2"
keys a1 Enter
screen_has "Which platform" "nolock2: a1 taken, on to a new session"
finish
like "$(cat "$T/out1")" "Recorded as $id in $S/records.csv \(fixed\)\." \
	"nolock2: the first records its fix"
keys q Enter
screen_has "Not recorded: $id is in $S/records.csv already \(fixed\)" \
	"nolock2: the second says another recorded it"
screen_has "that record stands, and the outcome here \(abandoned\) is not in the file" \
	"nolock2: as fixed, and that its abandon is not in the file"
hasnt "$screen" "Recorded as" "nolock2: the second claims no record"
is "$(records "$S")" "1/fixed" "nolock2: the records file holds it once, fixed"
tstop

done_testing
