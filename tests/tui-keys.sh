#!/bin/sh
# tui-keys.sh: the full-screen wizard's keys as an engineer meets them over
# SSH: escape sequences the terminal type does not name, a held Backspace,
# editing inside a field, Esc on the first screen, confirmations, the keys
# line and the help at small sizes, cut text.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

S=$T/state
FF="$FLASHFIX --state-dir $S"

# tmux sends xterm's sequences whatever TERM says: under vt100, F10 is
# ESC [ 2 1 ~, which vt100's description does not name.
tstart 80x24 "TERM=vt100 $FF"
screen_has "Which platform" "vt100: started"
keys 1
screen_has "Which version" "vt100: on the version question"
keys 19.3
screen_has "Version: 19\.3 *$" "vt100: typed into the field"
keys F10
screen_has "Quit\? The session will be recorded as abandoned" \
	"vt100: F10 asks to quit, as labelled"
keys n
screen_has "Version: 19\.3 *$" "vt100: stayed; the field holds only what was typed"
hasnt "$screen" "21~" "vt100: nothing of the sequence was typed"
keys M-b
keys 6
screen_has "Version: 19\.36 *$" "Alt-b is swallowed whole: no b, no going back"
like "$screen" "Which version" "Alt-b: still on the version question"
keys Left Left X
screen_has "Version: 19\.X36 *$" "vt100: Left moves in the field (ESC O D)"
keys F1
screen_has "On a step: y fixed" "vt100: F1 (ESC O P) opens the help"
keys q
screen_has "Which version" "any key leaves the help"
keys C-c
screen_has "EXIT=" "Ctrl-C stops it"

# A held Backspace clears the field and goes back at most once.
tstart 80x24 "$FLASHFIX --state-dir $T/bs"
screen_has "Which platform" "started for Backspace"
keys 1
screen_has "Which version" "on the version question"
keys 2.0
screen_has "Version: 2\.0 *$" "2.0 typed"
keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
screen_has "Version: *$" "eleven Backspaces at key-repeat speed empty the field"
like "$screen" "Which version" "and stay on the version question"
hasnt "$screen" "Quit?" "they do not reach the quit question"
# Tapped again after a pause, Backspace on the empty field goes back.
sleep 1.2
keys BSpace
screen_has "Which platform" "a Backspace after a pause goes back one screen"
keys BSpace BSpace BSpace
sleep 0.3
capture
like "$screen" "Which platform" "Backspace held on: still the first question"
hasnt "$screen" "Quit?" "not the quit question"

# Editing inside a field.
keys 2 End Enter
screen_has "What does the error say" "on the error question"
keys "Sahara failed"
screen_has "Error: Sahara failed *$" "typed"
keys Home Right Right Right Right Right Right Right "communication "
screen_has "Error: Sahara communication failed *$" "Home, Right and typing insert mid-field"
screen_has "> Sahara communication failed\." "the list follows the edited text"
is "$(cursor)" "29,3" "the cursor rests after what was inserted"
keys End C-w
screen_has "Error: Sahara communication *$" "End, Ctrl-W erases the last word"
keys C-a Delete
screen_has "Error: ahara communication *$" "Ctrl-A, Delete erases the first character"
is "$(cursor)" "8,3" "the cursor at the field's start"
keys C-e BSpace
screen_has "Error: ahara communication *$" "Ctrl-E, Backspace erases the space at the end"
keys C-a Right C-k
screen_has "Error: a *$" "Ctrl-K cuts to the end"
keys C-u
screen_has "Error: *$" "Ctrl-U cuts to the start"

# A long text in the field: the cut start is marked, the cursor shown.
long="BROM ERROR : S_FT_ENABLE_DRAM_FAIL (4032) while downloading preloader from the scatter file"
keys "$long"
screen_has "Error: …[A-Z_]+ \(4032\).*scatter file *$" "a field too long for the screen starts with an ellipsis"
keys Home
screen_has "Error: BROM ERROR.*…$" "at its start, the cut end has one"
keys C-c
screen_has "EXIT=" "stopped"

# Esc on the first screen says how to quit; it does not quit.
tstart 80x24 "$FLASHFIX --state-dir $T/esc"
screen_has "Which platform" "started for Esc"
keys Escape
screen_has "This is the first question: q or F10 quits\." "Esc on the first question: a hint"
like "$screen" "Which platform" "and the wizard stays"
keys q
screen_has "EXIT=0" "q quits it, nothing under way"

# Ctrl-C before a session exists does not claim a session was saved.
tstart 80x24 "$FLASHFIX --state-dir $T/cc"
screen_has "Which platform" "started for Ctrl-C"
keys C-c
screen_has "EXIT=130" "Ctrl-C: exit 130"
like "$screen" "stopped; no session was under way" "and it says nothing was under way"
hasnt "$screen" "session is saved" "not that a session is saved"

# An unfinished session: a abandons only after y.
tstart 80x24 "$FLASHFIX --state-dir $T/ab"
screen_has "Which platform" "started for the resume list"
keys 2 End Enter "Sahara comm" Enter
screen_has "Cause:" "a session under way"
keys C-c
screen_has "EXIT=130" "cut off"
like "$screen" "session is saved" "and it says it is saved"
tstart 80x24 "$FLASHFIX --state-dir $T/ab"
screen_has "Unfinished sessions" "offered"
keys a
screen_has "Record this session as abandoned\? y: yes" "a asks first"
keys n
screen_has "Unfinished sessions" "n: still offered"
hasnt "$screen" "It will be recorded as abandoned" "n: not marked"
keys a y
screen_has "It will be recorded as abandoned" "a, y: marked"
keys Escape
screen_has "This is the first question" "Esc on the resume list does not quit"
keys q
screen_has "EXIT=0" "q leaves"
is "$("$FLASHFIX" history --json --state-dir "$T/ab" | "$JSONCHECK" 0.outcome)" \
	abandoned "the session marked is recorded as abandoned"

# 80x24: the error screen's keys line has room for every key.
tstart 80x24 "$FLASHFIX --state-dir $T/w"
screen_has "Which platform" "started at 80x24"
keys 1 End Enter
screen_has "Enter choose  Tab browse  Esc back  F1 help  F10 quit" "80x24: Esc and F10 on the keys line"
keys C-c
wait_for "EXIT="

# 40x12: the quit question is whole, the help scrolls, cut text is marked.
tstart 40x12 "$FLASHFIX --state-dir $T/s"
screen_has "Which platform" "started at 40x12"
keys 1 19.36.101.20240101 Enter
screen_has "What does the error say" "at 40x12, a long version typed"
keys "DL sys" Enter
screen_has "Cause:" "at 40x12, on the cause"
row_has 1 "^ flashfix · MTK · 19\.36\.101\.20240101 · …$" \
	"the header cut to 40 columns ends in an ellipsis"
keys q
screen_has "any other key: stay" "40x12: the quit question is shown whole"
like "$screen" "Quit\? The session will be" "from its start"
keys n
screen_has "Cause:" "n stays"
keys '?'
row_has 3 "^ *Keys *$" "the help at 40x12, from its heading"
hasnt "$screen" "Ctrl-L draws the screen" "its end is below the screen"
keys Down
row_has 3 "^ *Up/Down or j/k: move" "Down scrolls the help a line"
keys End
screen_has "Ctrl-L draws the screen" "End scrolls the help to its end"
keys Escape
screen_has "Cause:" "Esc leaves the help"
keys Escape
screen_has "Error: DL sys" "Esc: back to the error question"
screen_has "  BROM ERROR .*…$" "a list item too long for 40 columns ends in an ellipsis"
keys C-c
wait_for "EXIT="

tstart 40x12 "$FLASHFIX --state-dir $T/a --ascii"
screen_has "Which platform" "started with --ascii"
keys 1 End Enter
screen_has "What does the error say" "--ascii: the error question"
keys "DL sys"
screen_has "  BROM ERROR .*\.\.\.$" "--ascii: the cut is marked with ..."
keys C-c
wait_for "EXIT="

done_testing
