#!/bin/sh
# cli-wizard.sh: whole sessions in the line mode, driven through standard
# input as a script would, and the records they leave (flashfix history).
. "${top_srcdir:-.}/tests/lib.sh"

S=$T/state
J() { "$FLASHFIX" history --json --state-dir "$S" | "$JSONCHECK" "$@"; }

run "$FLASHFIX" history --json --state-dir "$S"
is "$rc/$out" "0/[]" "no sessions yet: an empty history"

# The session of the issue: Qualcomm, 2.0.11, Sahara, not fixed, fixed.
answers platform=2 version=2.0.11 error='Sahara communication failed' \
	pick=1 step=n step=y |
	"$FLASHFIX" --plain --model CPH2023 --engineer ana --state-dir "$S" \
	>"$T/out" 2>"$T/err"
is "$?" 0 "a scripted session exits 0"
like "$(cat "$T/out")" "Step 1 of 3 \(tool update\)" "step 1 of 3 is asked"
like "$(cat "$T/out")" "Fixed at step 2" "the outcome is shown"
like "$(cat "$T/out")" "Recorded as .* in $S/records.csv" "and where it went"
is "$(J 0.outcome)" fixed "history: outcome fixed"
is "$(J 0.fixed_at_step)" 2 "history: fixed at step 2"
is "$(J 0.platform)" qcom "history: platform"
is "$(J 0.tool_version)" 2.0.11 "history: tool version"
is "$(J 0.error_id)" sahara "history: error id"
is "$(J 0.query)" "Sahara communication failed" "history: what was typed"
is "$(J 0.model)" CPH2023 "history: --model prefilled the model"
is "$(J 0.engineer)" ana "history: --engineer prefilled the engineer"
is "$(J 0.steps.#)" 2 "history: two steps answered"
is "$(J 0.steps.0.answer)/$(J 0.steps.0.level)" not_fixed/update \
	"history: step 1 not fixed, a tool update"
is "$(J 0.steps.1.answer)" fixed "history: step 2 fixed"
is "$(stat -c %a "$S")" 700 "the state directory is private (0700)"
is "$(head -n 1 "$S/records.csv" | cut -d, -f1-3)" "id,started,finished" \
	"records.csv has a header for spreadsheets"

# End of input before the outcome: recorded as abandoned.
answers platform=1 version=4 error='DL system ERR' pick=1 |
	"$FLASHFIX" --plain --state-dir "$S" >/dev/null 2>&1
is "$(J 0.outcome)" abandoned "end of input mid-session: abandoned"
is "$(J 0.tool_version)" "" "don't know leaves the version empty"
answers platform=1 version=9 version=4 error='DL system ERR' pick=1 step=y |
	"$FLASHFIX" --plain --state-dir "$S" >"$T/out" 2>&1
like "$(cat "$T/out")" "Answer a number from 1 to 4" \
	"a number not in the list is asked again"
is "$(J '#')" 3 "three records, newest first"

# Not listed: the generic ladder; escalated with notes, and back.  Its
# last step is to escalate: that is the outcome (e), not a fix to try.
answers platform=3 version=5 error='the screen went purple' pick=1 \
	step='n: tried twice' step=b step=s step=n step=n step=n step=n step=n \
	step=n step=e detail= detail=CPH1 detail=SN9 |
	"$FLASHFIX" --plain --state-dir "$S" >"$T/out" 2>&1
like "$(cat "$T/out")" "No known error matches" "nonsense: no match offered"
like "$(cat "$T/out")" "general steps" "not listed leads to the general steps"
is "$(J 0.outcome)" escalated "every general step failed: escalated"
is "$(J 0.error_id)" null "no error id for a session not listed"
is "$(J 0.steps.0.answer)" skipped "back changed step 1 to skipped"
is "$(J 0.model)/$(J 0.serial)" CPH1/SN9 "job details typed after the outcome"
is "$(J 0.steps.0.note)" "tried twice" "b, then the step answered again: its note kept"
like "$(cat "$T/out")" "Note: tried twice" "the step gone back to shows its note"
like "$(cat "$T/out")" "Answered before: not fixed" "and its earlier answer"
like "$(cat "$T/out")" "Nothing above fixed it: escalate to HQ" \
	"the escalate step is asked as the outcome"
like "$(cat "$T/out")" "e = escalate to HQ, b = back" "e escalates, b goes back"
hasnt "$(sed -n '/Nothing above fixed/,$p' "$T/out")" "y = fixed" \
	"the escalate step offers no y: fixed"
is "$(J 0.steps.#)" 7 "escalating is the outcome, not a step answered"

# The shared message is told apart by asking.
answers platform=1 version=4 error='Incorrect verification code' pick=1 \
	pick=2 step=y |
	"$FLASHFIX" --plain --state-dir "$S" >"$T/out" 2>&1
like "$(cat "$T/out")" "Which fits" "the wizard asks which one fits"
is "$(J 0.error_id)" wcsm-3003 "and records the one chosen"

# Browse by kind with an empty symptom.
answers platform=1 version=4 error= pick=6 pick=1 step=y |
	"$FLASHFIX" --plain --state-dir "$S" >/dev/null 2>&1
is "$(J 0.outcome)/$(J 0.error_id)" fixed/oppo-custom-err \
	"browsing by family (MTK: writing and formatting, first entry) works"

# Hostile text never reaches the screen or the records raw.
answers platform=1 version=4 \
	error="$(printf 'zz\033]52;c;aGk=\007 \342\200\256x')" pick=1 step=y |
	"$FLASHFIX" --plain --state-dir "$S" >"$T/out" 2>&1
has "$(cat "$T/out")" 'zz\x1B]52;c;aGk=\x07' "the typed escape is echoed, escaped"
hasnt "$(cat "$T/out")" "$(printf '\033')" "an escape sequence typed is not echoed raw"
has "$(cat "$S/records.csv")" 'zz' "the typed text is in records.csv"
hasnt "$(cat "$S/records.csv")" "$(printf '\033')" "nor written raw to records.csv"
hist=$("$FLASHFIX" history --state-dir "$S")
has "$hist" '\u202Ex' "history shows the bidirectional override, escaped"
hasnt "$hist" "$(printf '\342\200\256')" "history shows no raw bidirectional override"

# A state directory that cannot be written: said at start, still runs.
touch "$T/file"
answers platform=1 version=4 error='DL system ERR' pick=1 step=y |
	"$FLASHFIX" --plain --state-dir "$T/file/x" >"$T/out" 2>"$T/err"
is "$?" 3 "an unusable state directory: the session runs, exit 3"
like "$(cat "$T/err")" "[Cc]annot use the state directory .*--state-dir" "and says so"
like "$(cat "$T/out")" "Fixed at step 1" "the wizard still ran"

# The line mode's answers: b on the first step goes back to the error; q
# quits (recorded as abandoned, exit 0); a wrong number says what is
# expected; end of input mid-session is recorded as abandoned, exit 1.
L=$T/linemode
answers platform=1 version=4 error='DL system ERR' pick=1 step=b \
	error='Sahara communication failed' pick=1 step=y detail= detail= detail= |
	"$FLASHFIX" --plain --state-dir "$L" >"$T/out" 2>&1
is "$?" 0 "b on step 1, another error, fixed: exit 0"
is "$("$FLASHFIX" history --json --state-dir "$L" | "$JSONCHECK" 0.error_id)" sahara \
	"b on step 1 went back to the error question"
answers platform=1 version=4 error='DL system ERR' pick=99 pick=1 q |
	"$FLASHFIX" --plain --state-dir "$L" >"$T/out" 2>"$T/err"
is "$?" 0 "q quits: exit 0"
like "$(cat "$T/out")" "Answer a number from 1 to [0-9]+, or q to quit" \
	"a number not in the list: what is expected"
is "$("$FLASHFIX" history --json --state-dir "$L" | "$JSONCHECK" 0.outcome)" abandoned \
	"q: recorded as abandoned"
answers platform=1 version=4 error='DL system ERR' pick=1 |
	"$FLASHFIX" --plain --state-dir "$L" >"$T/out" 2>"$T/err"
is "$?" 1 "the input ends mid-session: exit 1"
like "$(cat "$T/err")" "input ended before the session did" "and says so"
is "$("$FLASHFIX" history --json --state-dir "$L" | "$JSONCHECK" '#')" 3 \
	"recorded as abandoned all the same"

# The newest known release chosen: the update step says so.
L=$T/latest
answers platform=2 version=2.0.17 error='Sahara communication failed' pick=1 \
	step=s step=y detail= detail= detail= >"$T/in17"
run "$FLASHFIX" --plain --state-dir "$L" <"$T/in17"
is "$rc" 0 "2.0.17: the session ends"
has "$out" "You have 2.0.17, the newest release of MsmDownloadTool" "the update step says the engineer has the newest known release"
answers platform=2 version=2.0.11 error='Sahara communication failed' pick=1 \
	step=y detail= detail= detail= >"$T/in11"
run "$FLASHFIX" --plain --state-dir "$L" <"$T/in11"
has "$out" "Make sure you use the latest version of the tool" "2.0.11: the same update step"
hasnt "$out" "the newest release of" "and nothing said of having the newest"

# A symptom typed after the platform was chosen that names only a stage
# of it: that stage's family is offered, with its ladder.
answers platform=1 version=1 error='the handshake keeps failing' pick=1 \
	step=y detail= detail= detail= >"$T/instage"
run "$FLASHFIX" --plain --state-dir "$T/stage" <"$T/instage"
has "$out" "1) An MTK BROM or preloader connection problem" "MTK, 'the handshake keeps failing': BROM's family offered first"
answers platform=2 version=2.0.11 error='the handshake keeps failing' pick=1 \
	step=y detail= detail= detail= >"$T/instage2"
run "$FLASHFIX" --plain --state-dir "$T/stage2" <"$T/instage2"
has "$out" "No known error matches." "the same words on Qualcomm: no family of MTK's, no match"
hasnt "$out" "BROM or preloader connection problem" "and BROM's family is not offered"

# Platform not known, and a message both platforms' tools print: each
# platform's error is offered, named by its platform, and the one chosen
# is recorded.
answers platform=3 version=7 error='usb.core.NoBackendError: No backend available' \
	pick=1 step=y detail= detail= detail= >"$T/both"
run "$FLASHFIX" --plain --state-dir "$T/bothst" <"$T/both"
has "$out" "Tools of both platforms print this. Which is it?" "pyusb's message, platform not sure: both platforms' errors offered"
has "$out" "1) usb.core.NoBackendError: No backend available (MTK)" "the MTK tools' error, named by its platform"
has "$out" "2) usb.core.NoBackendError: No backend available (Qualcomm)" "and edl's"
run "$FLASHFIX" history --json --state-dir "$T/bothst"
is "$(printf '%s' "$out" | "$JSONCHECK" 0.error_id)" mtk-brom-no-backend "the one chosen is recorded"

# From a script the answers are echoed after their prompts, so that a
# transcript reads; typed through "ssh host flashfix" without -t (sshd
# sets SSH_CONNECTION and no SSH_TTY) the engineer's terminal shows them
# already: not echoed a second time.
answers platform=2 version=2.0.11 error='Sahara communication failed' pick=1 \
	step=y detail=echo-one detail= detail= |
	"$FLASHFIX" --plain --state-dir "$T/echo" >"$T/out" 2>&1
like "$(cat "$T/out")" "> echo-one$" "from a script: the answer echoed after its prompt"
answers platform=2 version=2.0.11 error='Sahara communication failed' pick=1 \
	step=y detail=echo-two detail= detail= |
	SSH_CONNECTION="192.0.2.7 50022 192.0.2.1 22" "$FLASHFIX" --plain \
	--state-dir "$T/echo" >"$T/out" 2>&1
like "$(cat "$T/out")" "Recorded as " "over ssh without -t: the session is recorded"
hasnt "$(cat "$T/out")" "echo-two" "over ssh without -t: no answer echoed"
is "$("$FLASHFIX" history --json --state-dir "$T/echo" | "$JSONCHECK" 0.engineer)" \
	echo-two "and the answer was taken"
answers platform=2 version=2.0.11 error='Sahara communication failed' pick=1 \
	step=y detail=echo-three detail= detail= |
	SSH_CONNECTION="192.0.2.7 50022 192.0.2.1 22" SSH_TTY=/dev/pts/3 \
	"$FLASHFIX" --plain --state-dir "$T/echo" >"$T/out" 2>&1
like "$(cat "$T/out")" "> echo-three$" "over ssh -t, piped from a script: echoed"

# A log path that is not there is said so, with why, not taken as the
# error's text (#20, 3).
answers platform=2 version=2.0.11 error=/no/such/dir/QFIL.log |
	"$FLASHFIX" --plain --state-dir "$T/paths" >"$T/out" 2>&1
has "$(cat "$T/out")" "cannot read /no/such/dir/QFIL.log as a log" "a missing log path: said so"
has "$(cat "$T/out")" "No such file" "with why"
hasnt "$(cat "$T/out")" "Step 1 of" "and no ladder started from it"
# A file:// path is percent-decoded and read as the log (#20, 4).
printf 'Start\n[ERROR] sahara - [LIB]: Sahara communication failed.\n' >"$T/QFIL log.txt"
answers platform=2 version=2.0.11 error="file://$T/QFIL%20log.txt" |
	"$FLASHFIX" --plain --state-dir "$T/paths" >"$T/out" 2>&1
has "$(cat "$T/out")" "From the log: log $T/QFIL log.txt" "file://...%20...: the log is read"
has "$(cat "$T/out")" "> 2: [ERROR] sahara - [LIB]: Sahara communication failed." "its decisive line shown"
has "$(cat "$T/out")" "Step 1 of 3 (tool update)" "and the Sahara steps follow"
# "not sure", then a release only Qualcomm's tool has: the platform is
# narrowed, so browsing offers no MTK family (#20, 11).
answers platform=3 version=4 error= |
	"$FLASHFIX" --plain --state-dir "$T/narrow" >"$T/out" 2>&1
has "$(cat "$T/out")" "Qualcomm: Sahara (programmer upload)" "not sure + MsmDownloadTool: Qualcomm's families"
hasnt "$(cat "$T/out")" "MTK: " "and no MTK family"
is "$("$FLASHFIX" history --json --state-dir "$T/narrow" | "$JSONCHECK" 0.platform)" qcom \
	"recorded as Qualcomm"

# The answer's level: a family's own entry says it is only the family.
answers platform=2 version=2.0.11 error='sahara upload' pick=1 |
	"$FLASHFIX" --plain --state-dir "$T/level" >"$T/out" 2>&1
has "$(cat "$T/out")" "A Qualcomm Sahara problem (the programmer upload)" "a family's entry chosen"
has "$(cat "$T/out")" "Level: only the family: the text names it, but no known error of it" \
	"its level said"
answers platform=2 version=2.0.11 error='Sahara communication failed' pick=1 |
	"$FLASHFIX" --plain --state-dir "$T/level" >"$T/out" 2>&1
has "$(cat "$T/out")" "Level: a known error" "a known error's level said"
hasnt "$(cat "$T/out")" "Level: only the family" "not the family's"

# On the newest release, a step that asks for the newest tool says it may
# not matter; the FAQ's special builds for Winsock 12045 (V1936.91_3, a
# lower number than 19.36.101) are the fix whatever the release (#21).
answers platform=2 version=2.0.17 error='Winsock exception:12045' pick=1 |
	COLUMNS=200 "$FLASHFIX" --plain --state-dir "$T/newest" >"$T/out" 2>&1
has "$(cat "$T/out")" "Use the special tool versions" "Winsock 12045 on the newest tool: its special builds"
hasnt "$(cat "$T/out")" "matters only if a newer one has come out" "never waved past as 'the newest'"
answers platform=2 version=2.0.17 error='Sahara communication failed' pick=1 |
	COLUMNS=200 "$FLASHFIX" --plain --state-dir "$T/newest" >"$T/out" 2>&1
has "$(cat "$T/out")" "You have 2.0.17, the newest release of MsmDownloadTool" \
	"a step for the latest version still says the newest is in use"

done_testing
