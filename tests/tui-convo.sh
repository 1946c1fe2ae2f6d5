#!/bin/sh
# tui-convo.sh: the full screen asks what the conversation layer decides,
# as the line mode does: Enter with nothing typed browses, b goes back on
# a step, escalating is the outcome, back preselects the earlier choice,
# choices cut at 40x12 stay told apart, lines pasted without bracketed
# paste are a paste, the first screen offers no Esc back.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

S=$T/state
tstart 80x24 "$FLASHFIX --state-dir $S"
screen_has "Which platform" "started"
screen_has "Up/Down move  Enter choose  l language  \\? help  q quit" \
	"the first screen's keys line: no Esc back"
hasnt "$screen" "Esc back" "and none offered there"
keys 1
screen_has "Which version" "MTK"
keys Enter
screen_has "What does the error say" "the newest release"
keys Enter
screen_has "Which kind of error\\?" "Enter with nothing typed browses by kind"
hasnt "$screen" "Cause:" "and starts no error's steps"
keys Escape
screen_has "What does the error say" "Esc: back at the error"
keys Escape
screen_has "Which version" "back at the version"
screen_has "> SP MultiPort Flash Download \\(DownloadTool\\) 19\\.36\\.101" \
	"the version chosen before is preselected"
keys Down Enter
screen_has "What does the error say" "another version"
keys "S_FT_ENABLE_DRAM_FAIL" Enter
screen_has "Cause:" "an error chosen"
screen_has "Level: a known error" "with the answer's level"
keys Enter
screen_has "Step 1 of" "step 1"
keys n
screen_has "Step 2 of" "n: step 2"
keys b
screen_has "Step 1 of" "b on a step goes back"
screen_has "Answered before: not fixed" "the step revisited shows its earlier answer"
keys q y
screen_has "EXIT=0" "quit"

# Escalating: the general ladder's last step is the outcome, not y/n.
tstart 80x24 "$FLASHFIX --state-dir $S"
screen_has "Which platform" "started for the general steps"
keys 3 End Enter "the screen went purple" Enter
screen_has "Cause:|Not in the knowledge base" "not listed: the general steps"
keys Enter
screen_has "Step 1 of 8" "step 1 of the general steps"
keys n n n n n n n
screen_has "Nothing above fixed it: escalate to HQ" "the last step is to escalate"
screen_has "e escalate to HQ" "e is its key"
hasnt "$screen" "y fixed" "with no y: fixed"
keys y
screen_has "Nothing above fixed it" "y does not answer it"
keys e
screen_has "Not fixed: escalate to HQ" "e: escalated, the outcome"
keys r
screen_has "A report for HQ will be written" "r: a report asked for"
said=$(printf '%s\n' "$screen" | grep -c "A report for HQ will be written")
is "$said" 1 "said once, not twice"
keys Enter Enter Enter Enter
screen_has "Report for HQ: " "recorded with its report"
is "$("$FLASHFIX" history --json --state-dir "$S" | "$JSONCHECK" 0.outcome)" escalated \
	"recorded as escalated"
is "$("$FLASHFIX" history --json --state-dir "$S" | "$JSONCHECK" 0.steps.#)" 7 \
	"the escalate step not recorded as a fix tried"

# At 40x12 the two MTK releases, cut, stay told apart.
tstart 40x12 "$FLASHFIX --state-dir $S"
screen_has "Which platform" "40x12"
keys 1
screen_has "Which version" "the MTK releases"
screen_has "19\\.36\\.101 *$" "the newer one's version shows, cut in the middle"
screen_has "19\\.36\\.91 *$" "and the older one's"
keys F10 y
screen_has "EXIT=0" "quit"

# Lines pasted where the terminal does not mark a paste (no bracketed
# paste): they come faster than anyone types, and are read as a log's.
tstart 80x24 "$FLASHFIX --state-dir $S"
screen_has "Which platform" "started for an unmarked paste"
keys 1 End Enter
screen_has "What does the error say" "the error question"
tmx set-buffer "$(printf '%s\n' "DA_handler - Sending DA, done" "BROM ERROR : S_FT_ENABLE_DRAM_FAIL (4032)" "Download failed")"
tmx paste-buffer
screen_has "From the log: pasted text, 3 lines" "three lines pasted without brackets: a log's"
screen_has "Cause: The DA could not bring up the external DRAM" "its error chosen"
hasnt "$screen" "Step 1 of" "no pasted line answered a step"
keys q y
screen_has "EXIT=0" "quit"
is "$("$FLASHFIX" history --json --state-dir "$S" | "$JSONCHECK" 0.query)" \
	"BROM ERROR : S_FT_ENABLE_DRAM_FAIL (4032)" "recorded as typed: the decisive line"
# The same in the line mode on a terminal: the pasted lines are one
# answer, not the answers to the questions after it.
tstart 80x24 "$FLASHFIX --plain --state-dir $T/plainpaste"
screen_has "Which platform" "line mode started for an unmarked paste"
keys 1 Enter
screen_has "Which version" "line mode: the version question"
keys 1 Enter
screen_has "What does the error say" "line mode: the error question"
printf '%s\n' "DA_handler - Sending DA, done" "BROM ERROR : S_FT_ENABLE_DRAM_FAIL (4032)" \
	"Download failed" >"$T/paste.txt"
tmx load-buffer "$T/paste.txt"
tmx paste-buffer
screen_has "From the log: pasted text, 3 lines" "line mode: three pasted lines read as a log"
screen_has "Step 1 of" "its error's steps follow"
hasnt "$screen" "Answer a number" "no pasted line taken as an answer"
keys q Enter
screen_has "EXIT=" "line mode: quit"

# No step applies: said why, the general steps offered.
tstart 80x24 "$FLASHFIX --state-dir $S"
screen_has "Which platform" "started for Login area"
keys 2 2.0.17 Enter "Login area does not match OFP" Enter
screen_has "None of this error's steps applies" "no step applies: said why"
hasnt "$screen" "0 steps to try" "not 0 steps to try"
keys g
screen_has "Step 1 of 8" "g: the general steps"
keys q y
screen_has "EXIT=0" "quit"
tstop

done_testing
