#!/bin/sh
# faults.sh: the records file and the state directory after a bad day:
# a torn last record, a lost header, a full disk that frees up, a long
# file, what kill -9 leaves behind, and the newest session by time.
. "${top_srcdir:-.}/tests/lib.sh"

S=$T/state
R=$S/records.csv
fixed() {
	answers platform=1 version=1 error='DL system ERR' pick=1 step=y \
		detail= detail= detail= |
		"$FLASHFIX" --plain --state-dir "$S" "$@"
}
count() { "$FLASHFIX" history --json --state-dir "$S" "$@" 2>/dev/null | "$JSONCHECK" '#'; }

# 1. A file that does not end its last line: the next record starts a
# line of its own; the torn one is reported once, with its line.
fixed --engineer one >/dev/null 2>&1
printf '"6b000000-00dead","2026-12-02T10:00:00+0000","' >>"$R"
run fixed --engineer two
is "$rc" 0 "torn tail: the session is recorded"
id=$(printf '%s\n' "$out" | sed -n 's/^Recorded as \([^ ]*\) in .*/\1/p')
like "$id" '^[0-9a-f]+-[0-9a-f]+$' "and flashfix says as what"
run "$FLASHFIX" history --json --state-dir "$S"
has "$out" "\"id\":\"$id\"" "the record after the torn tail is read"
is "$(printf '%s' "$out" | "$JSONCHECK" '#')" 2 "both whole records are read"
like "$err" "records.csv:3:1: warning: damaged record skipped \(cut short\)" \
	"the torn tail is reported at its line"
is "$(printf '%s\n' "$err" | grep -c 'damaged record')" 1 "once"
is "$(grep -c "^\"$id\"," "$R")" 1 "the new record starts its own line"

# 13. A records file that lost its header line (truncated without the
# lock at the wrong moment, then appended to) is repaired under the lock.
sed 1d "$R" | grep -v dead >"$T/headless.csv"
cp "$T/headless.csv" "$R"
run fixed --engineer three
is "$rc" 0 "no header: the session is recorded all the same"
like "$(head -n 1 "$R")" '^id,started,finished,' "the header is back at the top"
is "$(count)" 3 "the records are all read again"
# One that is not records is left alone, and the message says how to
# mend one that is.
printf 'notes, not records\n' >"$T/notes.csv"
run fixed --engineer four --records "$T/notes.csv"
is "$rc" 3 "not records: refused"
like "$err" "put this line back at its top: id,started,finished," "with the way to repair it"
is "$(cat "$T/notes.csv")" "notes, not records" "and the file is left as it was"

# 5. A full disk: after a failed save the next answers are saved again
# once there is room (space freed during the session helps).
prompts() { grep -o '> ' "$1" 2>/dev/null | wc -l; }
wait_prompts() {
	i=0
	while [ "$(prompts "$T/out")" -lt "$1" ] && [ $i -lt 400 ]; do sleep 0.05; i=$((i + 1)); done
}
if [ "$(id -u)" -eq 0 ] && mkdir "$T/full" && mount -t tmpfs -o size=64k tmpfs "$T/full" 2>/dev/null; then
	F=$T/full/state
	mkdir -p "$F/sessions" && chmod 700 "$F" "$F/sessions"
	dd if=/dev/zero of="$T/full/filler" bs=1k count=128 2>/dev/null
	rm -f "$T/fifo"; mkfifo "$T/fifo"
	"$FLASHFIX" --plain --engineer ana --state-dir "$F" <"$T/fifo" >"$T/out" 2>"$T/err" &
	pid=$!
	exec 3>"$T/fifo"
	answers platform=1 >&3
	wait_prompts 2
	like "$(cat "$T/err")" "The session cannot be saved .*No space left" "full disk: the failed save is said"
	is "$(ls "$F/sessions" | wc -l)" 0 "and nothing was saved"
	rm "$T/full/filler"
	answers version=1 error='DL system ERR' >&3
	wait_prompts 4
	answers pick=1 >&3
	wait_prompts 5
	kill -KILL "$pid"; wait "$pid" 2>/dev/null; exec 3>&-
	like "$(cat "$T/err")" "saved again" "space freed: it says the session is saved again"
	is "$(ls "$F/sessions" | grep -c '\.csv$')" 1 "the session was saved after the failure"
	like "$(cat "$F"/sessions/*.csv)" 'dl-system-err' "with the answers given after it"
	is "$(grep -c 'cannot be saved' "$T/err")" 1 "the failure is said once"
	umount "$T/full"
else
	ok 0 "# SKIP cannot mount a small tmpfs here (needs root)"
fi

done_testing
