#!/bin/sh
# resume.sh: a session killed by SIGHUP, SIGTERM or SIGKILL after any
# answer is offered at the next start, taken up at the same question with
# the answers so far, and recorded as if nothing had happened.
. "${top_srcdir:-.}/tests/lib.sh"

# The whole session: Qualcomm, 2.0.11, Sahara, the first match, step 1 not
# fixed (with a note), step 2 can't, step 3 fixed, the job details.
all() { printf '%s\n' 2 2.0.11 "Sahara communication failed" 1 "n: first" s y "" CPH2023 "SN 7"; }
from() { all | tail -n +"$(( $1 + 1 ))"; }

# What matters in a record: everything but id and times.
summary() {
	"$FLASHFIX" history --json --state-dir "$1" | "$JSONCHECK" 0 |
		sed -e 's/"id":"[^"]*"//' -e 's/"started":"[^"]*"//' \
		    -e 's/"finished":"[^"]*"//' -e 's/"at":"[^"]*"//g'
}

# The session without interruption.
all | "$FLASHFIX" --plain --engineer ana --state-dir "$T/ref" >/dev/null 2>&1
want=$(summary "$T/ref")
like "$want" '"outcome":"fixed".*"fixed_at_step":3' "the uninterrupted session is fixed at step 3"

# Which answer the resumed session asks first, after k answers: the
# typed error is only kept once a match is chosen; the job details are
# asked again from the first.
resume_from() {
	case $1 in
	3) echo 2 ;;
	8|9) echo 7 ;;
	*) echo "$1" ;;
	esac
}

prompts() { grep -o '> ' "$1" 2>/dev/null | wc -l; }

# start_session STATE: a line-mode flashfix for ana, fed through a FIFO
# on descriptor 3, that has answered the platform and waits ($pid);
# unfinished STATE: the same, then stopped by SIGTERM, its session left
# unfinished in STATE.
start_session() {
	rm -f "$T/fifo" "$T/out"; mkfifo "$T/fifo"
	"$FLASHFIX" --plain --engineer ana --state-dir "$1" <"$T/fifo" >"$T/out" 2>&1 &
	pid=$!
	exec 3>"$T/fifo"
	answers platform=1 >&3
	i=0
	while [ "$(prompts "$T/out")" -le 1 ] && [ $i -lt 400 ]; do sleep 0.05; i=$((i + 1)); done
}
unfinished() {
	start_session "$1"
	kill -TERM "$pid"; wait "$pid"; exec 3>&-
}

for sig in HUP TERM KILL; do
	for k in 1 2 3 4 5 6 7 8 9; do
		S=$T/s-$sig-$k
		rm -f "$T/fifo" "$T/out"
		mkfifo "$T/fifo"
		"$FLASHFIX" --plain --engineer ana --state-dir "$S" <"$T/fifo" \
			>"$T/out" 2>"$T/err" &
		pid=$!
		exec 3>"$T/fifo"
		all | head -n "$k" >&3
		# Wait for the question after the k-th answer.
		i=0
		while [ "$(prompts "$T/out")" -le "$k" ] && [ $i -lt 400 ]; do
			sleep 0.05
			i=$((i + 1))
		done
		kill -s "$sig" "$pid"
		wait "$pid" 2>/dev/null
		rc=$?
		exec 3>&-
		left=$(ls "$S/sessions" 2>/dev/null | wc -l)
		if [ "$left" -ne 1 ]; then
			ok 1 "SIG$sig after answer $k: one session saved (found $left)"
			continue
		fi
		if [ "$sig" != KILL ]; then
			case $rc in
			129|143) ok 0 "SIG$sig after answer $k: a clean exit ($rc)" ;;
			*) ok 1 "SIG$sig after answer $k: a clean exit (got $rc)" ;;
			esac
		fi
		# Resume: from a script, --resume takes the newest up.
		from "$(resume_from "$k")" |
			"$FLASHFIX" --plain --resume --engineer ana --state-dir "$S" \
			>"$T/out2" 2>&1
		rc=$?
		# Its exit status too: under AddressSanitizer a use after free
		# on the way out shows only there.
		is "$rc" 0 "SIG$sig after answer $k: the resumed run exits 0"
		if ! grep -q "Resuming: " "$T/out2"; then
			ok 1 "SIG$sig after answer $k: the session is offered"
			sed 's/^/#   /' "$T/out2" | head -20
			continue
		fi
		is "$(summary "$S")" "$want" \
			"SIG$sig after answer $k: resumed, the same record"
		is "$(ls "$S/sessions" | wc -l)" 0 \
			"SIG$sig after answer $k: nothing left in progress"
	done
done

# On a terminal the line mode offers them: n starts afresh and leaves the
# old one offered; a and a number records it as abandoned.  (From a
# script they are left alone: below.)
. "$top_srcdir/tests/tmux.sh"
S=$T/choice
unfinished "$S"
id=$(ls "$S/sessions" | sed 's/\.csv$//')
tstart 100x30 "$FLASHFIX --plain --engineer ana --state-dir $S"
screen_has "Unfinished sessions" "on a terminal, the line mode offers it"
keys n Enter
screen_has "Which platform" "n: a new session"
keys C-c
wait_for "EXIT=" >/dev/null
is "$(ls "$S/sessions" | grep -c "$id")" 1 "n: the old one stays offered"
tstart 100x30 "$FLASHFIX --plain --engineer bob --state-dir $S"
screen_has "Which platform" "another engineer starts anew"
if printf '%s\n' "$screen" | grep -q "Unfinished sessions"; then r=1; else r=0; fi
ok $r "another engineer is not offered it"
keys C-c
wait_for "EXIT=" >/dev/null
tstart 100x30 "$FLASHFIX --plain --engineer ana --state-dir $S"
screen_has "Unfinished sessions" "offered again"
keys a1 Enter
screen_has "Which platform" "a1: on to a new session"
keys C-c
wait_for "EXIT=" >/dev/null
tstop
is "$(ls "$S/sessions" | grep -c "$id")" 0 "a1: no longer in progress"
is "$("$FLASHFIX" report "$id" --format json --state-dir "$S" | "$JSONCHECK" outcome)" \
	abandoned "a1: recorded as abandoned"

# From a script, unfinished sessions are left alone: the README's piped
# example answers its own session, and stderr says how many wait.
unfinished "$S"
answers platform=2 version=2.0.11 error='Sahara communication failed' pick=1 \
	step=n step=y | "$FLASHFIX" --plain --engineer ana --model CPH2023 \
	--state-dir "$S" >"$T/out" 2>"$T/err"
is "$?" 0 "a script with a session waiting: exit 0"
like "$(cat "$T/err")" "1 unfinished session waits; --resume takes up the newest" \
	"stderr says one waits, and how to take it up"
is "$("$FLASHFIX" history --json --state-dir "$S" | "$JSONCHECK" 0.error_id)/$("$FLASHFIX" history --json --state-dir "$S" | "$JSONCHECK" 0.fixed_at_step)" \
	sahara/2 "the script's own session is recorded as it answered"
is "$(ls "$S/sessions" | wc -l)" 1 "the waiting session is left alone"
answers platform=1 | "$FLASHFIX" --plain --resume=nosuch --engineer ana --state-dir "$S" \
	>"$T/out" 2>"$T/err"
is "$?" 1 "--resume=ID of no session: exit 1"
like "$(cat "$T/err")" "no unfinished session 'nosuch'" "and says so"
wid=$(ls "$S/sessions" | sed 's/\.csv$//')
answers version=1 error='DL system ERR' pick=1 step=y detail= detail= detail= |
	"$FLASHFIX" --plain --resume="$wid" --engineer ana --state-dir "$S" >"$T/out" 2>&1
like "$(cat "$T/out")" "Resuming: " "--resume=ID takes that one up"
is "$(ls "$S/sessions" | wc -l)" 0 "and records it"
is "$("$FLASHFIX" history --json --state-dir "$S" | "$JSONCHECK" 0.id)" "$wid" "under its own id"

# A session in use is locked: a second flashfix (a reconnect while the
# first hangs on a frozen link) cannot take it up.
Z=$T/locked
start_session "$Z"
answers version=1 error='DL system ERR' pick=1 step=y detail= detail= detail= |
	"$FLASHFIX" --plain --resume --engineer ana --state-dir "$Z" >"$T/out2" 2>"$T/err2"
is "$?" 1 "the first still runs: --resume refuses it, exit 1"
like "$(cat "$T/err2")" "open in another flashfix \\(pid $pid on [^)]+\\)" \
	"and says which flashfix has it: its pid and host"
kill -TERM "$pid"; wait "$pid"; exec 3>&-
answers version=1 error='DL system ERR' pick=1 step=y detail= detail= detail= |
	"$FLASHFIX" --plain --resume --engineer ana --state-dir "$Z" >"$T/out2" 2>&1
like "$(cat "$T/out2")" "Resuming: " "once it is gone, the session is taken up"
is "$("$FLASHFIX" history --json --state-dir "$Z" | "$JSONCHECK" '#')" 1 "and recorded once"

# In the full-screen wizard every confirmed field is saved at once: a
# note kept with Enter before the step is answered, a job detail
# confirmed with Enter before the details are finished.
N=$T/confirmed
tstart 80x24 "$FLASHFIX --engineer ana --state-dir $N"
screen_has "Which platform" "full screen: started"
keys 2 2.0.11 Enter "Sahara comm" Enter Enter
screen_has "Step 1 of 3" "full screen: at step 1"
keys : "cable swapped" Enter
screen_has "Note: cable swapped" "a note kept with Enter"
tstop
tstart 80x24 "$FLASHFIX --engineer ana --state-dir $N"
screen_has "Unfinished sessions" "the dropped session is offered"
keys Enter
screen_has "Step 1 of 3" "taken up at step 1"
screen_has "Note: cable swapped" "with the note kept before the link dropped"
keys n
screen_has "Step 2 of 3" "the step answered"
keys y Enter
screen_has "Engineer *: ana" "on the job details"
keys Enter CPH2023 Enter
screen_has "Serial or IMEI *: *$" "the model confirmed, on the serial"
tstop
tstart 80x24 "$FLASHFIX --engineer ana --state-dir $N"
screen_has "Unfinished sessions" "dropped again on the details: offered"
keys Enter
screen_has "Fixed at step 2" "taken up at the outcome"
keys Enter
screen_has "Phone model *: CPH2023" "the model confirmed before the drop is there"
keys Enter Enter "SN 9" Enter
screen_has "Recorded as" "recorded"
tstop
is "$("$FLASHFIX" history --json --state-dir "$N" | "$JSONCHECK" 0.steps.0.note)" \
	"cable swapped" "the record has the note"
is "$("$FLASHFIX" history --json --state-dir "$N" | "$JSONCHECK" 0.model)/$("$FLASHFIX" history --json --state-dir "$N" | "$JSONCHECK" 0.serial)" \
	"CPH2023/SN 9" "and the model and serial"
is "$("$FLASHFIX" stats --json --state-dir "$N" | "$JSONCHECK" sessions)" 1 \
	"one session in the statistics"

# A knowledge-base update does not orphan unfinished sessions: they are
# offered with what changed, and what no longer fits is asked again.
K=$T/kbup
cp -R "$DATA" "$T/data2"
tstart 80x24 "$FLASHFIX --engineer ana --state-dir $K --data $T/data2"
screen_has "Which platform" "kb update: started"
keys 2 2.0.11 Enter "Sahara comm" Enter Enter
screen_has "Step 1 of 3" "kb update: at step 1"
keys n
screen_has "Step 2 of 3 \(power\)" "kb update: step 1 answered, at step 2"
tstop
# Step 1 of that error's plan changes its level.
sed -i 's/^sahara,1,update,/sahara,1,settings,/' "$T/data2/fixes.csv"
tstart 80x24 "$FLASHFIX --engineer ana --state-dir $K --data $T/data2"
screen_has "Unfinished sessions" "kb update (steps): still offered"
screen_has "its steps from step 1 on are asked again" \
	"kb update (steps): with what changed"
keys Enter
screen_has "Step 1 of 3 \(tool settings\)" "taken up at the step that changed"
screen_has "its steps from step 1 on are asked again" "saying why"
tstop
# The error itself leaves the knowledge base.
sed -i 's/^sahara,/sahara-x,/' "$T/data2/fixes.csv" "$T/data2/errors.csv"
tstart 80x24 "$FLASHFIX --engineer ana --state-dir $K --data $T/data2"
screen_has "Unfinished sessions" "kb update (error gone): still offered"
screen_has "its error sahara is no longer in it" "kb update (error gone): with what changed"
keys Enter
screen_has "What does the error say" "taken up at the error question"
screen_has "Error: Sahara comm" "with what was typed"
screen_has "> Sahara communication failed\." "which finds the error under its new id"
keys Enter Enter y Enter Enter Enter Enter
screen_has "Recorded as" "and the session is recorded"
tstop
is "$("$FLASHFIX" history --json --state-dir "$K" | "$JSONCHECK" 0.error_id)" \
	sahara-x "recorded with the error as the knowledge base has it now"
is "$(ls "$K/sessions" | grep -c csv)" 0 "no session file is left behind"

# "ssh host flashfix" without -t: no terminal, but a person types.  The
# unfinished sessions are offered in words no script's answer is; any
# other line starts a new session and answers its first question.
W=$T/ssh
unfinished "$W"
sid=$(ls "$W/sessions" | sed -n 's/\.csv$//p')
like "$sid" '^[0-9a-f]' "ssh without -t: a session was left unfinished"
printf '%s\n' 2 2.0.11 q | SSH_CONNECTION='10.0.0.2 5 10.0.0.1 22' \
	"$FLASHFIX" --plain --engineer ana --state-dir "$W" >"$T/out" 2>"$T/err"
has "$(cat "$T/out")" "Unfinished sessions:" "ssh without -t: the person is offered the session"
has "$(cat "$T/out")" "resume = resume the newest" "in words"
has "$(cat "$T/out")" "MsmDownloadTool 2.0.11" "a script's 2 answers the platform question (Qualcomm)"
hasnt "$(cat "$T/out")" "Resuming:" "and takes up no session"
ok "$([ -f "$W/sessions/$sid.csv" ]; echo $?)" "the unfinished session still waits"
printf '%s\n' resume q | SSH_CONNECTION='10.0.0.2 5 10.0.0.1 22' \
	"$FLASHFIX" --plain --engineer ana --state-dir "$W" >"$T/out" 2>"$T/err"
has "$(cat "$T/out")" "Resuming:" "ssh without -t: resume takes it up"
has "$(cat "$T/out")" "Which version of the flash tool" "at its next question"
unfinished "$W"
sid=$(ls "$W/sessions" | sed -n 's/\.csv$//p')
printf '%s\n' 'abandon 1' n q | SSH_CONNECTION='10.0.0.2 5 10.0.0.1 22' \
	"$FLASHFIX" --plain --engineer ana --state-dir "$W" >"$T/out" 2>"$T/err"
has "$(cat "$T/out")" "Which platform is the phone?" "abandon 1, then n: a new session"
like "$("$FLASHFIX" history --json --state-dir "$W")" "\"id\":\"$sid\".*\"outcome\":\"abandoned\"" \
	"abandon 1 records that session as abandoned"
ok "$([ ! -f "$W/sessions/$sid.csv" ]; echo $?)" "and it no longer waits"
# Without SSH_CONNECTION a script is never asked: only a hint on stderr.
unfinished "$W"
printf '%s\n' 1 q | "$FLASHFIX" --plain --engineer ana --state-dir "$W" >"$T/out" 2>"$T/err"
hasnt "$(cat "$T/out")" "Unfinished sessions:" "a script is not offered the session"
has "$(cat "$T/err")" "--resume takes up the newest" "but told on stderr"
has "$(cat "$T/out")" "Which version of the flash tool" "and its answers run a new session"

# A session open in another flashfix can be neither taken up nor
# abandoned from here, and no process claims a record it did not write.
V=$T/live
start_session "$V"
sid=$(ls "$V/sessions" | sed -n 's/\.csv$//p')
printf '%s\n' 'abandon 1' q | COLUMNS=200 SSH_CONNECTION='10.0.0.2 5 10.0.0.1 22' \
	"$FLASHFIX" --plain --engineer ana --state-dir "$V" >"$T/outb" 2>&1
has "$(cat "$T/outb")" "open in another flashfix" "a live session: offered as open elsewhere"
has "$(cat "$T/outb")" "it cannot be abandoned from here" "abandon refused"
hasnt "$(cat "$T/outb")" "(abandoned)" "nothing recorded as abandoned"
answers version=1 error='DL system ERR' pick=1 step=y detail= detail= detail= report=n >&3
exec 3>&-
wait "$pid"
has "$(cat "$T/out")" "Recorded as $sid" "the live one records it"
is "$(grep -c "^\"$sid\",.*\"fixed\"" "$V/records.csv")" 1 "once, as fixed"
is "$(grep -c "^\"$sid\"," "$V/records.csv")" 1 "and no other record of it"
# Offered here while no one had it, taken up and finished elsewhere, then
# abandoned here: not claimed.
unfinished "$V"
sid=$(ls "$V/sessions" | sed -n 's/\.csv$//p')
rm -f "$T/fifo2"; mkfifo "$T/fifo2"
COLUMNS=200 SSH_CONNECTION='10.0.0.2 5 10.0.0.1 22' "$FLASHFIX" --plain --engineer ana \
	--state-dir "$V" <"$T/fifo2" >"$T/outb" 2>&1 &
bpid=$!
exec 4>"$T/fifo2"
i=0
while ! grep -q "resume = resume the newest" "$T/outb" && [ $i -lt 400 ]; do sleep 0.05; i=$((i + 1)); done
answers version=1 error='DL system ERR' pick=1 step=y detail= detail= detail= report=n |
	"$FLASHFIX" --plain --resume --engineer ana --state-dir "$V" >"$T/outc" 2>&1
has "$(cat "$T/outc")" "Recorded as $sid" "taken up and finished elsewhere meanwhile"
printf '%s\n' 'abandon 1' q >&4
exec 4>&-
wait "$bpid"
has "$(cat "$T/outb")" "this session was ended in another flashfix since it was offered" \
	"abandoned here after that: said ended there, at once"
hasnt "$(cat "$T/outb")" "Recorded as $sid" "never claimed"
is "$(grep -c "^\"$sid\"," "$V/records.csv")" 1 "one record of it"
is "$(grep -c "^\"$sid\",.*\"fixed\"" "$V/records.csv")" 1 "the fixed one"

done_testing
