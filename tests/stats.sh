#!/bin/sh
# stats.sh: flashfix stats and history over sessions run in the line mode:
# a session quit before an error was chosen is counted apart, never under
# "(not listed)", which is the general steps'.
. "${top_srcdir:-.}/tests/lib.sh"

S=$T/state
SJ() { "$FLASHFIX" stats --json --state-dir "$S" | "$JSONCHECK" "$@"; }

# Quit at the error question (Qualcomm, 2.0.11, then q).
printf '2\n2.0.11\nq\n' | "$FLASHFIX" --plain --state-dir "$S" \
	>"$T/out" 2>&1
like "$(cat "$T/out")" "Recorded as .*\(abandoned\)" \
	"quit at the error question: recorded as abandoned"
has "$(cut -d, -f15 "$S/records.csv")" '"at_symptom"' \
	"the record says where it was left: at_symptom"
run "$FLASHFIX" stats --state-dir "$S"
has "$out" "(no error chosen)            1     0" \
	"stats: the quit session under (no error chosen)"
hasnt "$out" "(not listed)" "stats: and not under (not listed)"
is "$(SJ no_error_chosen)/$(SJ errors.#)" 1/0 \
	"stats --json: no_error_chosen 1, no error bucket"
run "$FLASHFIX" history --state-dir "$S"
like "$out" "abandoned  \(no error chosen\)" \
	"history: the quit session as no error chosen"
hasnt "$out" "(not listed)" "history: not as not listed"

# Not listed (the general steps), then q at the first step.
printf '2\n2.0.11\nzzzz qqqq\n1\nq\n' | "$FLASHFIX" --plain --state-dir "$S" \
	>"$T/out" 2>&1
like "$(cat "$T/out")" "general steps" "nonsense, then not listed"
run "$FLASHFIX" stats --state-dir "$S"
has "$out" "(not listed)                 1     0" \
	"stats: the general steps' session under (not listed), alone"
has "$out" "(no error chosen)            1     0" \
	"stats: the quit one still apart"
has "$out" "Sessions: 2 (fixed 0, escalated 0, abandoned 2)" \
	"stats: both in the totals"
is "$(SJ no_error_chosen)/$(SJ errors.#)/$(SJ errors.0.sessions)" 1/1/1 \
	"stats --json: one apart, one not listed"
is "$(SJ errors.0.error_id)" null "stats --json: the not listed one's id"
run "$FLASHFIX" history --state-dir "$S"
like "$out" "abandoned  \(not listed\)  zzzz qqqq" \
	"history: the general steps' session as not listed"
like "$out" "abandoned  \(no error chosen\)" "history: the other as before"

# Quit at the version question: no error chosen either.
printf '1\nq\n' | "$FLASHFIX" --plain --state-dir "$S" >/dev/null 2>&1
is "$(SJ no_error_chosen)/$(SJ sessions)" 2/3 \
	"stats --json: quit at the version question counted apart too"

# A record of an earlier build (no stage written) stays where it was.
cp "$S/records.csv" "$T/old.csv"
sed '2s/"at_symptom"/""/' "$T/old.csv" >"$S/records.csv"
is "$(SJ no_error_chosen)" 1 \
	"an abandoned record with no stage: not counted apart"
has "$("$FLASHFIX" stats --state-dir "$S")" "(not listed)                 2" \
	"but under (not listed), as earlier builds had it"

# The knowledge base's to-do list, from records of known content: what
# was typed in sessions with no error id, grouped by case and spaces.
R=$T/todo.csv
head -n 1 "$S/records.csv" >"$R"
# rec ID QUERY ERROR_ID OUTCOME: one finished record.
rec() {
	printf '"%s","2026-11-24T10:00:00+08:00","2026-11-24T10:05:00+08:00",' \
		"$1" >>"$R"
	printf '"ana","h","","","qcom","2.0.11","%s","%s","%s","","","",' \
		"$2" "$3" "$4" >>"$R"
	printf '"","","","","",""\n' >>"$R"
}
rec t1 'Phone  will not enter 9008' '' escalated
rec t2 'phone will not enter 9008 ' '' fixed
rec t3 'PHONE WILL NOT ENTER 9008' '' abandoned
rec t4 '9008 port drops' '' fixed
rec t5 '9008 port drops' '' escalated
rec t6 'Sahara fail' sahara fixed
rec t7 'Sahara fail' sahara fixed
rec t8 'Sahara fail' sahara fixed
rec t9 "$(printf 'bad\033[31m text')" '' escalated
i=0
while [ $i -lt 21 ]; do
	rec "u$i" "rare text $i" '' escalated
	i=$((i + 1))
done
TJ() { "$FLASHFIX" stats --json --records "$R" | "$JSONCHECK" "$@"; }
run "$FLASHFIX" stats --records "$R"
like "$out" "phone will not enter 9008 +3 +1 +1 +1" \
	"to-do: three spellings as one text, fixed/escalated/abandoned"
like "$out" "9008 port drops +2 +1 +1 +0" "to-do: the next most frequent"
hasnt "$out" "PHONE WILL" "to-do: not in the typed case"
hasnt "$out" "sahara fail" "to-do: a text that got an answer is not listed"
like "$out" "  sahara +3 +3 " "... though its error is counted"
has "$out" 'bad\x1B[31m text' "to-do: a control character shown escaped"
hasnt "$out" "$(printf '\033')" "... never raw"
is "$(TJ todo.#)" 20 "to-do --json: at most 20"
is "$(TJ todo.0.text)/$(TJ todo.0.sessions)/$(TJ todo.0.fixed)" \
	"phone will not enter 9008/3/1" "to-do --json: the most frequent first"
is "$(TJ todo.0.escalated)/$(TJ todo.0.abandoned)" 1/1 \
	"to-do --json: how those sessions ended"
is "$(TJ todo.1.text)/$(TJ todo.1.sessions)" "9008 port drops/2" \
	"to-do --json: the second"
is "$(printf '%s\n' "$out" | grep -c 'rare text')" 17 \
	"to-do: 20 lines in all (3 above, 17 of the rare ones)"
run "$FLASHFIX" stats --records "$S/records.csv"
has "$out" "zzzz qqqq" "to-do from the line mode: the text typed, not listed"
hasnt "$out" "xyzzy plugh" "... and nothing else typed yet"
# Typed, then quit at the matches: what was typed is kept with the session.
printf '2\n2.0.11\nXyzzy  plugh\nq\n' | "$FLASHFIX" --plain --state-dir "$S" \
	>/dev/null 2>&1
run "$FLASHFIX" history --state-dir "$S"
like "$out" "abandoned  \(no error chosen\)  Xyzzy  plugh" \
	"history: quit at the matches, the text typed recorded"
run "$FLASHFIX" stats --records "$S/records.csv"
like "$out" "xyzzy plugh +1 +0 +0 +1" "to-do: a text typed and quit at the matches"

done_testing
