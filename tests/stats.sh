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

done_testing
