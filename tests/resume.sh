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
		# Resume: the offer first, y takes the newest up.
		{ echo y; from "$(resume_from "$k")"; } |
			"$FLASHFIX" --plain --engineer ana --state-dir "$S" \
			>"$T/out2" 2>&1
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

# n starts afresh and leaves the old one offered; a and a number records
# it as abandoned.
S=$T/choice
answers platform=1 | "$FLASHFIX" --plain --engineer ana --state-dir "$S" >/dev/null 2>&1 &
wait
# End of input there records it as abandoned; make one cut off instead.
rm -f "$T/fifo" "$T/out"; mkfifo "$T/fifo"
"$FLASHFIX" --plain --engineer ana --state-dir "$S" <"$T/fifo" >"$T/out" 2>&1 &
pid=$!
exec 3>"$T/fifo"
answers platform=1 >&3
i=0
while [ "$(prompts "$T/out")" -le 1 ] && [ $i -lt 400 ]; do sleep 0.05; i=$((i + 1)); done
kill -TERM "$pid"; wait "$pid"; exec 3>&-
answers resume=n | "$FLASHFIX" --plain --engineer ana --state-dir "$S" >"$T/out" 2>&1
like "$(cat "$T/out")" "Unfinished sessions" "the unfinished session is offered"
is "$(ls "$S/sessions" | wc -l)" 1 "n: it stays offered"
answers platform=1 | "$FLASHFIX" --plain --engineer bob --state-dir "$S" >"$T/out" 2>&1
if grep -q "Unfinished sessions" "$T/out"; then r=1; else r=0; fi
ok $r "another engineer is not offered it"
id=$(ls "$S/sessions" | sed 's/\.csv$//')
printf 'a1\n' | "$FLASHFIX" --plain --engineer ana --state-dir "$S" >"$T/out" 2>&1
is "$(ls "$S/sessions" | wc -l)" 0 "a1: no longer in progress"
is "$("$FLASHFIX" report "$id" --format json --state-dir "$S" | "$JSONCHECK" outcome)" \
	abandoned "a1: recorded as abandoned"

done_testing
