#!/bin/sh
# kb-edit.sh: causes and steps are read from the knowledge base when they
# are shown.  A file replaced while the wizard runs (a spreadsheet's save)
# changes nothing; a file written over in place is not trusted, and the
# screen says so instead of showing other bytes.
. "${top_srcdir:-.}/tests/lib.sh"

prompts() { grep -o '> ' "$1" 2>/dev/null | wc -l; }

# session EDIT: a line-mode session on a copy of the base, EDIT run (in
# the copy's directory) after the version is answered and before the
# error is chosen; the output in $T/out.
session() {
	rm -rf "$T/kb" "$T/st" "$T/fifo"
	cp -R "$DATA" "$T/kb"
	chmod -R u+w "$T/kb"
	mkfifo "$T/fifo"
	"$FLASHFIX" --plain --engineer ana --state-dir "$T/st" --data "$T/kb" \
		<"$T/fifo" >"$T/out" 2>"$T/err" &
	pid=$!
	exec 3>"$T/fifo"
	answers platform=2 version=2.0.11 >&3
	i=0
	while [ "$(prompts "$T/out")" -lt 3 ] && [ $i -lt 400 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	(cd "$T/kb" && eval "$1")
	printf 'Sahara communication failed\n1\ny\n\n\n\n' >&3
	exec 3>&-
	wait "$pid"
	rc=$?
}

session :
is "$rc" 0 "untouched: the session ends"
like "$(cat "$T/out")" "Cause: The tool version is abnormal" "untouched: the cause is shown"

# Saved by a spreadsheet: a new file renamed over the old one.
session 'sed "s/The tool version is abnormal/EDITED/" errors.csv >errors.new && mv errors.new errors.csv'
is "$rc" 0 "replaced: the session ends"
like "$(cat "$T/out")" "Cause: The tool version is abnormal" \
	"replaced by rename: the cause as it was loaded"
if grep -q EDITED "$T/out"; then r=1; else r=0; fi
ok $r "replaced by rename: nothing of the new file"

# Written over in place, with another time; the same length, so the
# old place in the file still holds one well-formed value.
session 'sed "s/is abnormal/IS ABNORMAL/" errors.csv >errors.new && cat errors.new >errors.csv && touch -d "2001-01-01" errors.csv'
is "$rc" 0 "written over: the session ends"
# The message is wrapped to the terminal: read it as one line.
like "$(tr '\n' ' ' <"$T/out" | tr -s ' ')" \
	"Cause: \[text not shown: [^]]*errors\.csv was changed after flashfix started; start flashfix again\]" \
	"written over in place: the cause says the file changed"
if grep -q ABNORMAL "$T/out"; then r=1; else r=0; fi
ok $r "written over in place: no bytes of the new file"
like "$(cat "$T/out")" "Step 1 of 3 \(tool update\): Make sure you use the latest" \
	"the steps' file, untouched, is read as before"
like "$("$FLASHFIX" history --json --state-dir "$T/st")" \
	'"outcome":"fixed"' "written over in place: the session is recorded"

done_testing
