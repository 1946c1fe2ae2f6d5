#!/bin/sh
# tui.sh: the full-screen wizard in a real terminal (tmux): a whole session,
# resizing, locales, terminal types, colours, quitting, browsing.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

S=$T/state
FF="$FLASHFIX --state-dir $S"
J() { "$FLASHFIX" history --json --state-dir "$S" | "$JSONCHECK" "$@"; }

# A whole session at 80x24.
tstart 80x24 "TERM=xterm-256color $FF --engineer ana"
screen_has "Which platform is the phone\?" "the wizard starts on the platform"
screen_has "> 1\) MTK" "the first platform is selected"
is "$(cursor)" "1,4" "the cursor rests on the selected item"
keys 2
screen_has "Which version of the flash tool" "2 chooses Qualcomm"
screen_has "flashfix . Qualcomm" "the header shows the platform"
keys 2.0.11
screen_has "Version: 2\.0\.11" "typing goes to the version field"
screen_has "> MsmDownloadTool 2\.0\.11" "the list is filtered to the release"
is "$(cursor)" "16,3" "the cursor rests in the field"
keys Enter
screen_has "What does the error say" "the symptom is asked next"
keys "Sahara comm"
screen_has "> Sahara communication failed\." "the best match is highlighted as one types"
keys Enter
screen_has "Cause: The tool version is abnormal" "the cause is shown"
screen_has "3 steps to try, in the order their source gives" "with the number of steps"
keys Enter
screen_has "Step 1 of 3 \(tool update\)" "step 1: update the tool, the version is old"
keys i
screen_has "Source: vendor FAQ" "i: where the step comes from"
keys : "tried twice" Enter
screen_has "Note: tried twice" "a note is kept for the step"
keys n
screen_has "Step 2 of 3 \(power\)" "n: not fixed, on to step 2"
keys Escape
screen_has "Step 1 of 3" "Esc goes back to step 1"
keys s
screen_has "Step 2 of 3" "s: can't do it here, on to step 2"
keys y
screen_has "Fixed at step 2\." "y: fixed at step 2"
screen_has "1\. tool update: can't do it here - tried twice" \
	"the outcome lists the answers and notes"
keys Enter
screen_has "Engineer *: ana" "the job details, prefilled"
keys Enter CPH2023 Enter 'SN 42' Enter
screen_has "Recorded as [0-9a-f-]+ in $S/records.csv" "the session is recorded"
screen_has "EXIT=0" "and the wizard exits 0"
is "$(J 0.outcome)/$(J 0.fixed_at_step)" fixed/2 "history: fixed at step 2"
is "$(J 0.query)" "Sahara comm" "history: what was typed"
is "$(J 0.platform)/$(J 0.tool_version)" qcom/2.0.11 "history: platform and version"
is "$(J 0.steps.0.answer)/$(J 0.steps.0.note)" "skipped/tried twice" \
	"history: step 1 skipped, with its note"
is "$(J 0.engineer)/$(J 0.model)/$(J 0.serial)" "ana/CPH2023/SN 42" \
	"history: the job details"

# Resizing keeps the state; below 40x12 it says so until it grows.
tstart 80x24 "$FF"
screen_has "Which platform" "started again"
keys 1 Enter "DL sys"
screen_has "> DL system ERR" "MTK, newest release, a partial message"
tmx resize-window -x 40 -y 12
screen_has "^Enter choose  F1 help  F10 quit *$" "at 40x12 the keys that matter most"
capture
wide=$(printf '%s\n' "$screen" | LC_ALL=C.UTF-8 wc -L)
is "$wide" 40 "every line fits in 40 columns"
like "$screen" "Error: DL sys" "the typed text is kept at 40x12"
tmx resize-window -x 30 -y 10
screen_has "Terminal too small: 30x10" "below 40x12: terminal too small"
tmx resize-window -x 80 -y 24
screen_has "> DL system ERR" "back at 80x24: the same list"
like "$screen" "Error: DL sys" "and the same text"
keys Enter
screen_has "Cause:" "and the session goes on"

# q asks first when a session is under way; y records it as abandoned.
keys q
screen_has "Quit\? The session will be recorded as abandoned" "q asks first"
keys x
wait_for "Enter: the first step|Enter first step"
keys q
screen_has "Quit\?" "asked again"
keys y
screen_has "EXIT=0" "y: quits"
is "$(J 0.outcome)/$(J 0.error_id)" abandoned/dl-system-err "history: abandoned"

# q when the terminal is too small: it quits, the session kept saved.
tstart 80x24 "$FLASHFIX --state-dir $T/smallq"
screen_has "Which platform" "started again, to quit small"
keys 1 Enter "DL sys"
screen_has "> DL system ERR" "a session under way"
keys Enter
screen_has "Cause:" "its error chosen"
tmx resize-window -x 30 -y 10
screen_has "Terminal too small: 30x10" "too small"
screen_has "under way is kept" "says q keeps the session under way"
keys q
screen_has "EXIT=0" "q quits while too small, as it said: exit 0, not a failure"
is "$(ls "$T/smallq/sessions" | wc -l)" 1 "and the session is kept, to be offered"
# On the job details (an outcome), q records it, and the screen says so.
tstart 80x24 "$FLASHFIX --state-dir $T/smallr"
screen_has "Which platform" "started, to be small at the details"
keys 1 Enter "DL sys"
screen_has "> DL system ERR" "a session under way, for the details"
keys Enter Enter y Enter
screen_has "Engineer" "on the job details"
tmx resize-window -x 20 -y 6
screen_has "q to record" "20x6: q is said to record the session"
keys q
screen_has "EXIT=0" "q records it"
is "$("$FLASHFIX" history --json --state-dir "$T/smallr" | "$JSONCHECK" 0.outcome)" fixed \
	"recorded as fixed, as the screen said"
tstart 30x10 "$FLASHFIX --state-dir $T/small"
screen_has "Terminal too small" "too small from the start"
keys F10
screen_has "EXIT=0" "F10 quits it, nothing under way: exit 0"

# q on the first screen: nothing under way, nothing recorded.
n_before=$(J '#')
tstart 80x24 "$FF"
screen_has "Which platform" "started again"
keys q
screen_has "EXIT=0" "q on the first screen quits at once"
is "$(J '#')" "$n_before" "and records nothing"

# Browsing by kind, and the question for errors that share a message.
tstart 80x24 "$FF"
screen_has "Which platform" "started again"
keys 3 End Enter
screen_has "What does the error say" "not sure, don't know"
keys Tab
screen_has "Which kind of error\?" "Tab: browse by kind"
screen_has "MTK: DRAM initialisation \([0-9]+\)" "the kinds are the families, with their counts"
keys Escape
screen_has "What does the error say" "Esc: back to the search"
# What lookup would refuse is never the highlighted best match.
keys "All command exec done!"
screen_has "> not listed: the general steps" \
	"a success line: not listed is highlighted, no guess"
keys C-u "USB cable not detected"
screen_has "> SP FLASH TOOL ERROR: \(8100\)" \
	"a cable not detected: the USB port error, not an unrelated one"
keys C-u "BROM ERROR : S_FT_DOWNLOAD_FAIL (4008)"
screen_has "> BROM ERROR : S_FT_DOWNLOAD_FAIL \(4008\)" \
	"BROM's 4008 highlights MediaTek's download failure, not WCSM"
keys C-u
keys "Incorrect verification code" Enter
screen_has "Errors with this message differ\. Which fits\?" \
	"a shared message: the wizard asks which fits"
keys 2
screen_has "Cause:" "the answer chooses the error"
keys q y
screen_has "EXIT=0" "quit"

# Help, and a field where letters are typing, not keys.
tstart 80x24 "$FF"
screen_has "Which platform" "started again"
keys '?'
screen_has "On a step: y fixed" "? shows the keys"
keys x
screen_has "Which platform" "any key goes back"
keys 1 Enter
screen_has "What does the error say" "on the symptom"
keys "q?l"
screen_has "Error: q\?l" "q, ? and l are typed into the field"
keys F1
screen_has "On a step: y fixed" "F1 shows the help from a field"
keys x F10
screen_has "Quit\?" "F10 asks to quit from a field"
keys y
screen_has "EXIT=0" "quit"

# The C locale: English, ASCII lines, nothing else.
tstart 80x24 "LANG=C LC_ALL=C $FF"
screen_has "Which platform" "LANG=C: the wizard starts"
keys 2 End Enter "4009" Enter
screen_has "Cause:" "LANG=C: a session runs"
capture
like "$screen" "^-{80}$" "LANG=C: ASCII rules"
nonascii=$(printf '%s' "$screen" | LC_ALL=C grep -c '[^ -~]')
is "$nonascii" 0 "LANG=C: nothing but ASCII on the screen"
keys l
screen_has "needs a UTF-8 terminal" "LANG=C: l says Chinese needs UTF-8"
keys q y
screen_has "EXIT=0" "quit"

# LANG=C: text with an ASCII form keeps it (the full-width colon).
tstart 80x24 "LANG=C LC_ALL=C $FLASHFIX --state-dir $T/langc"
screen_has "Which platform" "LANG=C: starts"
keys 2 End Enter "4009"
screen_has "WCSM code:4009" "LANG=C: the full-width colon as ':'"
hasnt "$screen" "code?4009" "not as '?'"
keys C-c
screen_has "EXIT=" "Ctrl-C stops it"

# --ascii under UTF-8: ASCII lines.
tstart 80x24 "$FF --ascii"
screen_has "Which platform" "--ascii: the wizard starts"
like "$screen" "^-{80}$" "--ascii: ASCII rules"
keys q
screen_has "EXIT=0" "quit"

# A Chinese locale: the interface through gettext, the knowledge base in
# Chinese, aligned.
if locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; then
	tstart 80x24 "LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 $FF"
	screen_has "手机是哪个平台" "zh_CN: the interface in Chinese"
	keys 2 End Enter "Sahara" Enter
	screen_has "原因：" "zh_CN: the cause in Chinese"
	capture
	rule=$(printf '%s\n' "$screen" | sed -n 2p | LC_ALL=zh_CN.UTF-8 wc -L)
	is "$rule" 80 "zh_CN: the rule is 80 columns"
	widest=$(printf '%s\n' "$screen" | LC_ALL=zh_CN.UTF-8 wc -L)
	is "$widest" 80 "zh_CN: no line is wider than the terminal"
	keys l
	screen_has "Sahara communication failed\." "l: English and Chinese"
	col=$(printf '%s\n' "$screen" | awk '/原因：/ { getline; match($0, /[^ ]/); print RSTART - 1 }')
	is "$col" 7 "zh_CN: the cause wraps under its text, not its label"
	keys q y
	screen_has "EXIT=0" "quit"
	# --ascii is for lines and borders: Chinese text stays text.
	tstart 80x24 "LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 $FF --ascii"
	screen_has "手机是哪个平台" "zh_CN --ascii: the interface still in Chinese"
	like "$screen" "^-{80}$" "zh_CN --ascii: ASCII rules"
	hasnt "$screen" "????" "zh_CN --ascii: no question marks for text"
	keys q
	screen_has "EXIT=0" "quit"
else
	ok 0 "# SKIP zh_CN.UTF-8 locale not installed"
fi

# TERM=vt100: function keys and lines still work.
tstart 80x24 "TERM=vt100 $FF"
screen_has "Which platform" "TERM=vt100: the wizard starts"
keys 1 Enter
screen_has "What does the error say" "TERM=vt100: the symptom"
keys F1
screen_has "On a step: y fixed" "TERM=vt100: F1 help"
keys x Escape
screen_has "Which version" "TERM=vt100: Esc goes back"
keys Escape
screen_has "Which platform" "TERM=vt100: Esc goes back again"
keys q
screen_has "Quit\?" "TERM=vt100: q asks, a session is under way"
keys y
screen_has "EXIT=0" "TERM=vt100: quit"
# vt100 has no alternate screen: the wizard's last screen is cleared, not
# left under the prompt.
hasnt "$screen" "Quit?" "TERM=vt100: nothing of the wizard is left on the terminal"
hasnt "$screen" "flashfix ·" "TERM=vt100: not even its title line"

# Ctrl-L paints over stray output (a wall message) on the terminal.
tstart 80x24 "$FF"
screen_has "Which platform" "Ctrl-L: the wizard starts"
printf 'STRAY WALL MESSAGE' >"$(tmx display-message -p '#{pane_tty}')"
screen_has "STRAY WALL MESSAGE" "Ctrl-L: stray output lands on the screen"
keys C-l
# Polled until the stray text goes (or a time limit): never a bare sleep.
capture
i=0
while printf '%s\n' "$screen" | grep -q "STRAY WALL" && [ $i -lt 100 ]; do
	sleep 0.05
	capture
	i=$((i + 1))
done
hasnt "$screen" "STRAY WALL" "Ctrl-L: it is painted over"
has "$screen" "Which platform" "Ctrl-L: the screen is whole again"

# Colours, and none with NO_COLOR or --no-color: reverse video marks
# the selection instead.
tstart 80x24 "TERM=xterm-256color $FF"
screen_has "Which platform" "colours: starts"
capture -e
like "$screen" "$(printf '\033')\[[0-9;]*4[0-7]m" "colours: a background colour is used"
keys q
tstart 80x24 "TERM=xterm-256color NO_COLOR=1 $FF"
screen_has "Which platform" "NO_COLOR: starts"
capture -e
colours=$(printf '%s\n' "$screen" | grep -c "$(printf '\033')\[[0-9;]*[34][0-7]m")
is "$colours" 0 "NO_COLOR: no colour at all"
like "$screen" "$(printf '\033')\[[0-9;]*7m" "NO_COLOR: reverse video marks the selection"
keys q
tstart 80x24 "TERM=xterm-256color $FF --no-color"
screen_has "Which platform" "--no-color: starts"
capture -e
colours=$(printf '%s\n' "$screen" | grep -c "$(printf '\033')\[[0-9;]*[34][0-7]m")
is "$colours" 0 "--no-color: no colour"
keys q

# A terminal curses cannot drive: the line mode, with a message.
tstart 80x24 "TERM=dumb $FF"
screen_has "cannot move the cursor; using the line mode" "TERM=dumb: the line mode, said"
keys 1 Enter
screen_has "Which version" "TERM=dumb: the line mode asks"
tstart 80x24 "TERM=no-such-terminal $FF"
screen_has "'no-such-terminal' is not known here; using the line" \
	"an unknown TERM: the line mode, said"
tstart 80x24 "unset TERM; $FF"
screen_has "TERM is not set; using the line mode" "no TERM: the line mode, said"

# A state directory that cannot be written is said on the first screen.
tstart 80x24 "$FLASHFIX --state-dir /proc/flashfix-cannot"
screen_has "Cannot use the state directory /proc/flashfix-cannot" \
	"an unusable state directory is said on the first screen"
keys q
screen_has "EXIT=0" "quit"

# A save that fails is said on the screen at the answer that met it (no
# file may grow: the session file cannot be written), and the session
# goes on.
tstart 80x24 "ulimit -f 0; trap '' XFSZ; $FLASHFIX --state-dir $T/nosave"
screen_has "Which platform" "a save that fails: started"
keys 1
screen_has "The session cannot be saved \(cannot save the session" "a save that fails: said on the screen"
screen_has "Which version of the flash tool" "and the session goes on"
keys C-c
screen_has "EXIT=" "Ctrl-C stops it"

# An escalation, and its report for HQ asked for on the outcome screen.
tstart 80x24 "$FF --engineer ana"
screen_has "Which platform" "escalation: started"
keys 1 Enter "WCSM code 4009" Enter Enter n
screen_has "Not fixed: escalate to HQ" "escalation: the outcome"
screen_has "HQ needs: The phone's SN" "escalation: what HQ needs"
keys r
screen_has "A report for HQ will be written" "r: a report is asked for"
keys Enter Enter Enter Enter
screen_has "Report for HQ: $S/reports/.*\.txt" "the report is written and its place said"
like "$(cat "$S"/reports/*.txt)" "Outcome: +not fixed: escalated to HQ" \
	"the report holds the escalation"

# Other terminal types curses drives.
for term in linux vt220 screen tmux-256color xterm; do
	tstart 80x24 "TERM=$term $FLASHFIX --state-dir $T/terms"
	screen_has "Which platform" "TERM=$term: the wizard starts"
	keys q
	screen_has "EXIT=0" "TERM=$term: quits"
done

# Cut off: SIGTERM restores the terminal and keeps the session; SIGHUP
# (the window closed) and SIGKILL keep it too; the next start offers it
# and it goes on at the same step.
S=$T/cut
for sig in TERM HUP KILL; do
	tstart 80x24 "$FLASHFIX --state-dir $S --engineer ana"
	screen_has "Which platform" "$sig: started"
	keys 2 2.0.11 Enter "Sahara comm" Enter Enter
	screen_has "Step 1 of 3" "$sig: at step 1"
	keys : "cable swapped" Enter n
	screen_has "Step 2 of 3" "$sig: at step 2"
	pid=$(pgrep -P "$(tmx display-message -p '#{pane_pid}')" flashfix)
	case $sig in
	HUP) tstop ;;
	*) kill -s "$sig" "$pid" ;;
	esac
	if [ "$sig" = TERM ]; then
		screen_has "EXIT=143" "TERM: a clean exit"
		like "$screen" "the session is saved" "TERM: it says the session is kept"
	fi
	i=0
	while kill -0 "$pid" 2>/dev/null && [ $i -lt 100 ]; do
		sleep 0.05; i=$((i + 1))
	done
	tstart 80x24 "$FLASHFIX --state-dir $S --engineer ana"
	screen_has "Unfinished sessions" "$sig: the session is offered"
	screen_has "> 1\) Sahara communication failed\., step 2 of 3, started" \
		"$sig: described by its error and step"
	keys Enter
	screen_has "Step 2 of 3" "$sig: taken up at step 2"
	keys y Enter Enter Enter Enter
	screen_has "Recorded as" "$sig: recorded"
	is "$(J 0.outcome)/$(J 0.fixed_at_step)/$(J 0.steps.0.note)" \
		"fixed/2/cable swapped" "$sig: the record has every answer"
	is "$(ls "$S/sessions" | wc -l)" 0 "$sig: nothing left in progress"
done

# Cut off at every point of a session, by each signal; taken up again it
# gives the record of an uninterrupted session.
# seg N: the keys of part N of the session, and the text that shows it done.
seg() {
	case $1 in
	1) keys 2; wait_for "Which version" ;;
	2) keys 2.0.11 Enter; wait_for "What does the error say" ;;
	3) keys "Sahara comm"; wait_for "> Sahara communication"; keys Enter
	   wait_for "Cause:" ;;
	4) keys Enter; wait_for "Step 1 of 3"; keys : cable Enter n
	   wait_for "Step 2 of 3" ;;
	5) keys y; wait_for "Fixed at step 2" ;;
	6) keys Enter; wait_for "Job details"; keys Enter Enter Enter
	   wait_for "Recorded as" ;;
	esac
}
summary() { "$FLASHFIX" history --json --state-dir "$1" | "$JSONCHECK" 0 |
	sed -e 's/"id":"[^"]*"//' -e 's/"started":"[^"]*"//' \
	    -e 's/"finished":"[^"]*"//' -e 's/"at":"[^"]*"//g'; }
tstart 80x24 "$FLASHFIX --state-dir $T/ref --engineer ana"
wait_for "Which platform"
for part in 1 2 3 4 5 6; do seg $part; done
want=$(summary "$T/ref")
like "$want" '"fixed_at_step":2.*"note":"cable"' "the uninterrupted session in curses"
for sig in TERM HUP KILL; do
	for at in 1 2 3 4 5; do
		S=$T/every-$sig-$at
		tstart 80x24 "$FLASHFIX --state-dir $S --engineer ana"
		wait_for "Which platform"
		part=1
		while [ $part -le $at ]; do seg $part; part=$((part + 1)); done
		pid=$(pgrep -P "$(tmx display-message -p '#{pane_pid}')" flashfix)
		case $sig in
		HUP) tstop ;;
		*) kill -s "$sig" "$pid"; wait_for "EXIT=" ;;
		esac
		tstart 80x24 "$FLASHFIX --state-dir $S --engineer ana"
		wait_for "Unfinished sessions"
		keys Enter
		# Taken up where it was: the step screen after the cause.
		[ $at -eq 3 ] && { wait_for "Step 1 of 3"; keys : cable Enter n;
			wait_for "Step 2 of 3"; part=5; }
		while [ $part -le 6 ]; do seg $part; part=$((part + 1)); done
		is "$(summary "$S")" "$want" "SIG$sig after part $at in curses: the same record"
	done
done

tstop
# A log's path at the error question: its decisive error is chosen.
printf '%s\n' "Port - Device detected :)" "Sahara communication failed" \
	"Disconnect!" >"$T/tool.log"
tstart 80x24 "$FLASHFIX --state-dir $T/logstate"
screen_has "Which platform" "a new session, for a log"
keys 2 End Enter
screen_has "What does the error say" "to the error question"
keys "$T/tool.log" Enter
screen_has "From the log: log $T/tool" "the log is scanned: its name"
screen_has "> 2: Sahara communication failed" "and its decisive line, on the cause"
screen_has "Cause: The tool version is abnormal" "the error of that line is chosen"
keys q y
screen_has "EXIT=0" "quit"

# A multi-line paste is text, never keys: several log lines pasted into
# the error field are scanned as a log (bracketed paste).
tstart 80x24 "$FLASHFIX --state-dir $T/paste"
screen_has "Which platform" "a new session, for a paste"
keys 1 End Enter
screen_has "What does the error say" "to the error question"
tmx set-buffer "$(printf '%s\n' "Port - Device detected :)" "BROM ERROR : S_FT_ENABLE_DRAM_FAIL (4032)" "Download failed")"
tmx paste-buffer -p
screen_has "From the log: pasted text, 3 lines" "three pasted lines: scanned as a log"
screen_has "> 2: BROM ERROR : S_FT_ENABLE_DRAM_FAIL" "its decisive line shown"
screen_has "Cause: The DA could not bring up the external DRAM" "its error chosen; no line acted as Enter"
keys Escape
screen_has "What does the error say" "back to the error field"
keys C-u
tmx set-buffer "Sahara communication failed"
tmx paste-buffer -p
screen_has "Error: Sahara communication failed" "one pasted line is typed into the field"
screen_has "> Sahara communication failed\." "and ranked as typed"
keys C-c
screen_has "EXIT=" "Ctrl-C stops it"

done_testing
