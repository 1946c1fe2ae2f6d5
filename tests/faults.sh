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

# 6. A session recorded, then cut off before its saved copy went, and
# offered again after more than 1 MiB was appended (a note of 1.1 MB):
# found in the records all the same, never recorded twice.
# unfinished_in STATE ERROR [SIGNAL]: a session left at its first step,
# its flashfix stopped by SIGNAL (default TERM).
unfinished_in() {
	rm -f "$T/fifo" "$T/out"; mkfifo "$T/fifo"
	"$FLASHFIX" --plain --engineer ana --state-dir "$1" <"$T/fifo" >"$T/out" 2>&1 &
	pid=$!
	exec 3>"$T/fifo"
	answers platform=1 version=1 error="$2" pick=1 >&3
	i=0
	while ! grep -q "Step 1 of" "$T/out" && [ $i -lt 400 ]; do sleep 0.05; i=$((i + 1)); done
	kill -"${3:-TERM}" "$pid"; wait "$pid" 2>/dev/null; exec 3>&-
}
L=$T/long
unfinished_in "$L" 'DL system ERR'
saved=$(ls "$L"/sessions/*.csv)
cp "$saved" "$T/saved.csv"
answers step=y detail= detail= detail= |
	"$FLASHFIX" --plain --resume --engineer ana --state-dir "$L" >/dev/null 2>&1
sid=$(basename "$saved" .csv)
is "$(grep -c "^\"$sid\"," "$L/records.csv")" 1 "the session is recorded"
big=$(head -c 1153434 /dev/zero | tr '\0' 'n')
answers platform=1 version=1 error='DL system ERR' pick=1 step="y: $big" \
	detail= detail= detail= | "$FLASHFIX" --plain --engineer bo --state-dir "$L" >/dev/null 2>&1
[ "$(wc -c <"$L/records.csv")" -gt 1153434 ]; ok $? "more than 1 MiB appended after it"
cp "$T/saved.csv" "$saved"
answers step=y detail= detail= detail= |
	"$FLASHFIX" --plain --resume --engineer ana --state-dir "$L" >"$T/out" 2>"$T/err"
like "$(cat "$T/err")" "no unfinished session to take up" "its saved copy is not offered again"
is "$(grep -c "^\"$sid\"," "$L/records.csv")" 1 "and it is recorded once"
is "$(ls "$L/sessions" | grep -c '\.csv$')" 0 "the copy is removed"

# 15. --resume takes up the session saved last, not the one whose id
# sorts last (two made within a second, or after the clock went back).
U=$T/two
unfinished_in "$U" 'DL system ERR'
unfinished_in "$U" 'DL userdata ERR'
is "$(ls "$U/sessions" | grep -c '\.csv$')" 2 "two unfinished sessions"
# The one whose id sorts first was saved last.
first=$(ls "$U/sessions" | grep '\.csv$' | sort | head -n 1)
touch -d '+1 minute' "$U/sessions/$first"
want=$(sed -n 2p "$U/sessions/$first" | grep -o 'DL [a-z]* ERR')
answers step=y detail= detail= detail= |
	"$FLASHFIX" --plain --resume --engineer ana --state-dir "$U" >"$T/out" 2>&1
like "$want" '^DL (system|userdata) ERR$' "the one saved last is known ($want)"
like "$(cat "$T/out")" "Resuming: $want" "--resume takes up the one saved last"

# 4. Another account: a parent it owns, a state directory its group may
# write, a session file it planted; checked at every use, not once.
if [ "$(id -u)" -eq 0 ] && command -v useradd >/dev/null 2>&1 &&
	other=ffx$$ && useradd -M -N -s /bin/sh "$other" 2>/dev/null; then
	trap 'userdel "$other" 2>/dev/null; rm -rf "$T"' EXIT
	A=$T/acct
	mkdir -p "$A/theirs/state" && chmod 700 "$A/theirs/state"
	chown "$other" "$A/theirs"
	run fixed --state-dir "$A/theirs/state"
	is "$rc" 3 "a parent of another account: nothing recorded, exit 3"
	like "$err" "state is in .*/theirs, which belongs to $other with mode 0755: another account could move or replace it" \
		"and says which parent and whose"
	is "$(ls "$A/theirs/state" | wc -l)" 0 "nothing written there"
	mkdir -p "$A/group" && chmod 770 "$A/group"
	run fixed --state-dir "$A/group"
	is "$rc" 3 "a group-writable state directory: refused"
	like "$err" "group belongs to root with mode 0770" "and says its mode"
	# Checked at use: a parent handed to another account mid-session.
	mkdir -p "$A/mid/state" && chmod 700 "$A/mid/state"
	rm -f "$T/fifo" "$T/out"; mkfifo "$T/fifo"
	"$FLASHFIX" --plain --engineer ana --state-dir "$A/mid/state" <"$T/fifo" >"$T/out" 2>"$T/err" &
	pid=$!
	exec 3>"$T/fifo"
	answers platform=1 version=1 error='DL system ERR' pick=1 >&3
	i=0
	while ! grep -q "Step 1 of" "$T/out" && [ $i -lt 400 ]; do sleep 0.05; i=$((i + 1)); done
	is "$(ls "$A/mid/state/sessions" | grep -c '\.csv$')" 1 "mid-session: saved while the parent was safe"
	chown "$other" "$A/mid"
	answers step=y detail= detail= detail= >&3
	exec 3>&-
	wait "$pid"
	is "$?" 3 "a parent given to another account mid-session: not recorded"
	like "$(cat "$T/err")" "which belongs to $other" "checked at use, and said"
	is "$(ls "$A/mid/state/records.csv" 2>/dev/null | wc -l)" 0 "no record lands there"
	# A session file planted by another account: never offered.
	V=$T/victim
	unfinished_in "$V" 'DL system ERR'
	chown "$other" "$V"/sessions/*.csv
	answers step=y detail= detail= detail= |
		"$FLASHFIX" --plain --resume --engineer ana --state-dir "$V" >"$T/out" 2>"$T/err"
	is "$?" 1 "a planted session: --resume finds none to take up"
	like "$(cat "$T/err")" "not a session of yours \(it belongs to $other with mode 0600\); it is not offered" \
		"and says whose it is"
	hasnt "$(cat "$T/out")" "Resuming" "it is not taken up"
	is "$(ls "$V/records.csv" 2>/dev/null | wc -l)" 0 "nor recorded"
	userdel "$other" 2>/dev/null
else
	ok 0 "# SKIP needs root and useradd for a second account"
fi

# 14. What kill -9 leaves (temporary files, locks of sessions never
# saved) is removed at the next start once stale: older than an hour,
# of a process gone, made on this host; nothing else.
Z=$T/stale
fixed --state-dir "$Z" >/dev/null 2>&1
sh -c 'exit 0' & dead=$!
wait "$dead"
host=$(hostname)
h=$(printf '%s' "$host" | tr './' '__')
zs=$Z/sessions
: >"$zs/6b000001-000001.csv.tmp.$h.$dead.Ab12Cd"
: >"$Z/records.csv.tmp.$h.$dead.Ef34Gh"
printf '%s %s\n' "$dead" "$host" >"$zs/.6b000001-000002.lock"
: >"$zs/6b000001-000003.csv.tmp.$h.$$.Ij56Kl"
: >"$zs/6b000001-000004.csv.tmp.other-host.$dead.Mn78Op"
printf '%s %s\n' "$dead" other-host >"$zs/.6b000001-000005.lock"
touch -d '-2 hours' "$zs"/* "$zs"/.*.lock "$Z/records.csv.tmp.$h.$dead.Ef34Gh"
: >"$zs/6b000001-000006.csv.tmp.$h.$dead.Qr90St"
answers platform=1 | "$FLASHFIX" --plain --state-dir "$Z" >/dev/null 2>&1
left=$(ls -a "$zs" "$Z" | sort | tr '\n' ' ')
hasnt "$left" "000001.csv.tmp" "a stale temporary file of a process gone: removed"
hasnt "$left" "records.csv.tmp" "in the state directory too"
hasnt "$left" ".6b000001-000002.lock" "a stale lock of a process gone: removed"
has "$left" "000003.csv.tmp" "a temporary file of a live process: kept"
has "$left" "000004.csv.tmp" "one made on another host: kept"
has "$left" ".6b000001-000005.lock" "a lock of another host: kept"
has "$left" "000006.csv.tmp" "a fresh one: kept"

# 8 of issue 23. Lock files after a kill -9: the lock of a process gone
# from this host that no one holds goes at the next start at once (the
# lock is the proof; no hour to wait); a session given up leaves none.
K=$T/killed
unfinished_in "$K" 'DL system ERR' KILL
kid=$(ls "$K/sessions" | sed -n 's/\.csv$//p')
has "$(ls -a "$K/sessions")" ".$kid.lock" "kill -9: its lock file is left, beside the session"
answers platform=1 | "$FLASHFIX" --plain --engineer ana --state-dir "$K" >"$T/out" 2>"$T/err"
like "$(cat "$T/err")" "1 unfinished session waits" "the next start: the session is still offered"
is "$(ls -a "$K/sessions" | grep -c '\.lock$')" 0 "and no lock file is left, the killed one's nor its own"
answers step=y detail= detail= detail= |
	"$FLASHFIX" --plain --resume --engineer ana --state-dir "$K" >"$T/out" 2>&1
like "$(cat "$T/out")" "Recorded as $kid in " "taken up and recorded"
is "$(ls -a "$K/sessions" | grep -c '\.csv$\|\.lock$')" 0 "nothing left in sessions/"

# 16. The cache's refusal names the cache's own way out.
mkdir -p "$T/elsewhere" "$T/xdg"
ln -s "$T/elsewhere" "$T/xdg/flashfix"
XDG_CACHE_HOME=$T/xdg "$FLASHFIX" lookup --limit 1 4009 >"$T/out" 2>"$T/err"
like "$(cat "$T/err")" "is a symbolic link.*choose another with XDG_CACHE_HOME \(or --no-cache\)" \
	"a cache that is a link: refused, pointing to XDG_CACHE_HOME"
hasnt "$(cat "$T/err")" "--state-dir" "not to --state-dir"

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
