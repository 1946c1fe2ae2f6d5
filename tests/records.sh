#!/bin/sh
# records.sh: the records under load and faults (concurrent appends, a
# full or read-only disk, a file that is not a records file, damaged
# lines), flashfix report in every format, and flashfix stats.
. "${top_srcdir:-.}/tests/lib.sh"

S=$T/state
R=$S/records.csv
H() { "$FLASHFIX" history --json --state-dir "$S" "$@"; }
# A fixed session (DL system ERR, fixed at step 1) with the given options.
fixed_session() {
	answers platform=1 version=1 error='DL system ERR' pick=1 step=y \
		detail= detail= detail= |
		"$FLASHFIX" --plain --state-dir "$S" "$@" >/dev/null 2>&1
}

# Eight processes finishing fifty sessions each into one shared file.
C=$T/shared.csv
for p in 1 2 3 4 5 6 7 8; do
	(
		i=0
		while [ $i -lt 50 ]; do
			fixed_session --records "$C" --engineer "eng$p"
			i=$((i + 1))
		done
	) &
done
wait
run "$FLASHFIX" history --json --state-dir "$S" --records "$C"
is "$rc" 0 "concurrent appends: history reads the shared file"
is "$(printf '%s' "$out" | "$JSONCHECK" '#')" 400 "8 x 50 sessions: 400 whole records"
is "$err" "" "none damaged"
is "$(grep -c '^"' "$C")" 400 "400 lines that start a record"
is "$(printf '%s' "$out" | grep -o '"engineer":"eng[1-8]"' | sort -u | wc -l)" 8 \
	"records from all eight processes"

# A file that is not a records file is never appended to.
printf 'my notes\nline two\n' >"$T/notes.txt"
cp "$T/notes.txt" "$T/notes.orig"
answers platform=1 version=1 error='DL system ERR' pick=1 step=y \
		detail= detail= detail= |
	"$FLASHFIX" --plain --state-dir "$T/s2" --records "$T/notes.txt" >/dev/null 2>"$T/err"
is "$?" 3 "not a records file: exit 3"
like "$(cat "$T/err")" "is not a flashfix records file" "and it says so"
cmp -s "$T/notes.txt" "$T/notes.orig"
ok $? "the file is left as it was"
is "$(ls "$T/s2/sessions" | wc -l)" 1 "the session is kept to be offered again"

# A file size limit (a full disk as a process sees it): the append fails,
# the records are untouched, the session is kept, and goes in later.
i=0
while [ $i -lt 20 ]; do fixed_session; i=$((i + 1)); done
cp "$R" "$T/records.orig"
before=$(H | "$JSONCHECK" "#")
(
	ulimit -f 2
	answers platform=1 version=1 error='DL system ERR' pick=1 step=y \
		detail= detail= detail= |
		"$FLASHFIX" --plain --state-dir "$S" >"$T/out" 2>"$T/err"
	echo $? >"$T/rc"
)
is "$(cat "$T/rc")" 3 "file size limit: exit 3"
like "$(cat "$T/err")" "cannot write .*records.csv: File too large" "and says why"
like "$(cat "$T/err")" "kept and offered at the next start" "and that the session is kept"
cmp -s "$R" "$T/records.orig"
ok $? "the records are untouched"
is "$(ls "$S/sessions" | wc -l)" 1 "the session is in progress"
answers detail= detail= detail= | "$FLASHFIX" --plain --resume --state-dir "$S" >"$T/out" 2>&1
is "$(H | "$JSONCHECK" '#')" $((before + 1)) "once the disk has room, it is recorded"
is "$(ls "$S/sessions" | wc -l)" 0 "and no longer in progress"

# A read-only file system, and a full one, where they can be made.
if mkdir "$T/ro" && mount -t tmpfs -o ro,size=64k tmpfs "$T/ro" 2>/dev/null; then
	answers platform=1 version=1 error='DL system ERR' pick=1 step=y |
		"$FLASHFIX" --plain --state-dir "$T/ro/state" >"$T/out" 2>"$T/err"
	is "$?" 3 "read-only file system: exit 3"
	like "$(cat "$T/err")" "Cannot use the state directory .*Read-only" "and says why"
	like "$(cat "$T/out")" "Step 1 of 1" "the wizard still runs"
	umount "$T/ro"
	mkdir "$T/full"
	mount -t tmpfs -o size=16k tmpfs "$T/full"
	F=$T/full/records.csv
	fixed_session --records "$F" --state-dir "$T/sf"
	dd if=/dev/zero of="$T/full/filler" bs=1k count=64 2>/dev/null
	# Appends fill the last page of the file; then one fails.
	i=0
	while [ $i -lt 40 ]; do
		cp "$F" "$T/full.orig"
		answers platform=1 version=1 error='DL system ERR' pick=1 step=y \
		detail= detail= detail= |
			"$FLASHFIX" --plain --state-dir "$T/sf" --records "$F" \
			>/dev/null 2>"$T/err" || break
		i=$((i + 1))
	done
	like "$(cat "$T/err")" "No space left on device" "full disk: it says why"
	cmp -s "$F" "$T/full.orig"
	ok $? "full disk: the records are untouched"
	is "$(ls "$T/sf/sessions" | wc -l)" 1 "full disk: the session is kept"
	umount "$T/full"
else
	ok 0 "# SKIP cannot mount a tmpfs here (the file size limit above covers write failures)"
fi

# Damaged lines: reported with their line and skipped.
D=$T/damaged
mkdir "$D"
fixed_session --records "$D/records.csv" --engineer one
fixed_session --records "$D/records.csv" --engineer two
{
	head -n 2 "$D/records.csv"
	echo 'garbage line from an editor'
	printf '"6b000000-1","2026-11-24T10:00:00+0000","cut short\n'
	sed -n 3p "$D/records.csv"
	printf '"6b000000-2","2026-11-24T10:00:00+0000",'
} >"$D/mixed.csv"
run "$FLASHFIX" history --json --state-dir "$S" --records "$D/mixed.csv"
is "$rc" 0 "damaged lines: history still works"
is "$(printf '%s' "$out" | "$JSONCHECK" '#')" 2 "the two whole records are read"
like "$err" "mixed.csv:3:1: warning: damaged record skipped \(wrong number of fields\)" \
	"the garbage line is named with its line"
like "$err" "mixed.csv:4:1: warning: damaged record skipped \(cut short\)" \
	"the record cut short is named"
like "$err" "mixed.csv:6:1: warning: damaged record skipped" \
	"the last line cut short is named"
run "$FLASHFIX" stats --json --state-dir "$S" --records "$D/mixed.csv"
is "$rc/$(printf '%s' "$out" | "$JSONCHECK" sessions)" 0/2 "stats reads past them"
run "$FLASHFIX" report --last --state-dir "$S" --records "$D/mixed.csv"
is "$rc" 0 "report reads past them"

# Reports: a fixed, an escalated and an abandoned session.
P=$T/rep
ESC=$(printf '\033')
answers platform=2 version=2.0.11 error='Sahara communication failed' pick=1 \
	step="$(printf 'n: cable \033[2J swapped')" step=y detail=ana \
	detail=CPH2023 detail='SN 1' |
	"$FLASHFIX" --plain --state-dir "$P" >/dev/null 2>&1
fixed_id=$("$FLASHFIX" history --json --state-dir "$P" | "$JSONCHECK" 0.id)
answers platform=1 version=1 error='WCSM code 4009' pick=1 step=n \
	detail= detail=CPH1 detail= report=y |
	"$FLASHFIX" --plain --state-dir "$P" >"$T/out" 2>&1
like "$(cat "$T/out")" "Report for HQ: $P/reports/.*\.txt" \
	"line mode: an escalation offers its report, and says where"
esc_id=$("$FLASHFIX" history --json --state-dir "$P" | "$JSONCHECK" 0.id)
answers platform=1 version=1 error='DL system ERR' pick=1 |
	"$FLASHFIX" --plain --state-dir "$P" >/dev/null 2>&1
ab_id=$("$FLASHFIX" history --json --state-dir "$P" | "$JSONCHECK" 0.id)
RJ() { "$FLASHFIX" report --format json --state-dir "$P" "$@"; }

run "$FLASHFIX" report "$fixed_id" --state-dir "$P"
is "$rc" 0 "report ID: text"
like "$out" "Outcome: +fixed" "text: the outcome"
like "$out" "Fixed at step: +2" "text: the step that fixed it"
like "$out" "Phone model: +CPH2023" "text: the phone"
like "$out" "Platform: +Qualcomm" "text: the platform"
like "$out" "Tool version: +2\.0\.11" "text: the tool version"
like "$out" "Recognised: +Sahara communication failed\. \(sahara\)" "text: the error recognised"
like "$out" "Cause: +The tool version is abnormal" "text: the cause"
like "$out" "1\. tool update, not fixed, 20" "text: step 1 with its level, answer and time"
like "$out" "Note: cable .*swapped" "text: the note"
widest=$(printf '%s\n' "$out" | LC_ALL=C.UTF-8 wc -L)
ok "$([ "$widest" -le 72 ] && [ "$widest" -ge 60 ]; echo $?)" "text: wrapped at 72 columns ($widest)"
case $out in *"$ESC"*) r=1 ;; *) r=0 ;; esac
ok $r "text: the escape sequence typed in a note is not raw"

run "$FLASHFIX" report "$esc_id" --state-dir "$P"
like "$out" "Outcome: +not fixed: escalated to HQ" "escalated: the outcome"
like "$out" "HQ needs: +The phone's SN" "escalated: what HQ needs"
like "$out" "\[ \] a screenshot of the error" "escalated: what to attach"
like "$out" "\[ \] the phone's serial or IMEI" "escalated: the serial not recorded is to attach"
run "$FLASHFIX" report "$ab_id" --state-dir "$P"
like "$out" "Outcome: +abandoned" "abandoned: the outcome"
like "$out" "none" "abandoned: no step tried"

is "$(RJ "$fixed_id" | "$JSONCHECK" outcome)" fixed "json: outcome"
is "$(RJ "$fixed_id" | "$JSONCHECK" fixed_at_step)" 2 "json: fixed_at_step"
is "$(RJ "$fixed_id" | "$JSONCHECK" steps.#)" 2 "json: two steps"
is "$(RJ "$fixed_id" | "$JSONCHECK" steps.0.answer)" not_fixed "json: step 1 answer"
like "$(RJ "$fixed_id" | "$JSONCHECK" steps.0.action_en)" "latest version" "json: step 1 action"
is "$(RJ "$fixed_id" | "$JSONCHECK" serial)" "SN 1" "json: serial"
is "$(RJ "$esc_id" | "$JSONCHECK" outcome)" escalated "json: escalated"
like "$(RJ "$esc_id" | "$JSONCHECK" hq_needs_en)" "SN" "json: what HQ needs"
is "$(RJ "$esc_id" | "$JSONCHECK" to_attach.#)" 4 "json: four items to attach"
is "$(RJ "$ab_id" | "$JSONCHECK" steps.#)" 0 "json: abandoned before a step"
RJ "$fixed_id" | "$JSONCHECK"
ok $? "json: parses"

run "$FLASHFIX" report "$esc_id" --format markdown --state-dir "$P"
like "$out" "^# flashfix session report" "markdown: a title"
like "$out" "^- \*\*Outcome:\*\* not fixed: escalated to HQ" "markdown: fields as a list"
like "$out" "^- \[ \] a screenshot of the error" "markdown: a checklist to attach"
run "$FLASHFIX" report "$fixed_id" --format csv --state-dir "$P"
is "$(printf '%s\n' "$out" | head -n 1 | cut -d, -f1-3)" "id,started,finished" "csv: a header"
is "$(printf '%s\n' "$out" | wc -l)" 3 "csv: one row per step"
is "$(printf '%s\n' "$out" | sed -n 2p | cut -d, -f1)" "\"$fixed_id\"" "csv: the session id on each row"
run "$FLASHFIX" report "$fixed_id" --lang zh --state-dir "$P"
like "$out" "工具版本异常" "--lang zh: the cause in Chinese"

"$FLASHFIX" report --last --state-dir "$P" --output "$T/r.txt"
is "$?" 0 "--output writes the report"
like "$(cat "$T/r.txt")" "Outcome: +abandoned" "the file holds the last session's report"
run "$FLASHFIX" report "$fixed_id" --state-dir "$P" --output "$T/r.txt"
is "$rc" 3 "an existing file is not replaced"
like "$err" "exists; add --force" "and it says how"
like "$(cat "$T/r.txt")" "abandoned" "the file is as it was"
run "$FLASHFIX" report "$fixed_id" --state-dir "$P" --output "$T/r.txt" --force
is "$rc/$(grep -c 'Outcome: *fixed' "$T/r.txt")" 0/1 "--force replaces it"
echo precious >"$T/target"
ln -s "$T/target" "$T/link"
run "$FLASHFIX" report "$fixed_id" --state-dir "$P" --output "$T/link" --force
is "$rc" 3 "a symbolic link is refused, even with --force"
is "$(cat "$T/target")" precious "and what it points to is untouched"
is "$(ls "$T" | grep -c '\.tmp\.')" 0 "no temporary file is left behind"
run "$FLASHFIX" report nosuchid --state-dir "$P"
is "$rc" 1 "an unknown id: exit 1"
run "$FLASHFIX" report --state-dir "$P"
is "$rc" 2 "no id: exit 2"
run "$FLASHFIX" report --format pdf --last --state-dir "$P"
is "$rc" 2 "an unknown format: exit 2"

# Stats against records with known content.
now=$(date +%Y-%m-%dT%H:%M:%S%z)
old=$(date -d '30 days ago' +%Y-%m-%dT%H:%M:%S%z)
K=$T/known.csv
{
	echo 'id,started,finished,engineer,host,model,serial,platform,tool_version,query,error_id,outcome,fixed_at_step,steps'
	echo "\"a1\",\"$now\",\"$now\",\"ana\",\"h\",\"\",\"\",\"qcom\",\"\",\"4009\",\"wcsm-4009\",\"fixed\",\"1\",\"1 account fixed $now\""
	echo "\"a2\",\"$now\",\"$now\",\"ana\",\"h\",\"\",\"\",\"qcom\",\"\",\"4009\",\"wcsm-4009\",\"escalated\",\"\",\"1 account not_fixed $now\""
	printf '"b1","%s","%s","bob","h","","","qcom","2.0.11","sahara","sahara","fixed","2","1 update not_fixed %s 1\n2 power fixed %s 2"\n' "$now" "$now" "$now" "$now"
	echo "\"b2\",\"$old\",\"$old\",\"bob\",\"h\",\"\",\"\",\"qcom\",\"2.0.0\",\"sahara\",\"sahara\",\"fixed\",\"1\",\"1 update fixed $old 1\""
	echo "\"b3\",\"$now\",\"$now\",\"bob\",\"h\",\"\",\"\",\"mtk\",\"\",\"\",\"\",\"abandoned\",\"\",\"\""
} >"$K"
SJ() { "$FLASHFIX" stats --json --records "$K" --state-dir "$S" "$@"; }
SJ | "$JSONCHECK"
ok $? "stats --json parses"
is "$(SJ | "$JSONCHECK" sessions)/$(SJ | "$JSONCHECK" fixed)/$(SJ | "$JSONCHECK" escalated)/$(SJ | "$JSONCHECK" abandoned)" \
	5/3/1/1 "stats: sessions, fixed, escalated, abandoned"
is "$(SJ | "$JSONCHECK" errors.0.error_id)/$(SJ | "$JSONCHECK" errors.0.sessions)/$(SJ | "$JSONCHECK" errors.0.fixed)" \
	sahara/2/2 "stats: sahara, 2 sessions, 2 fixed (most first, ties by id)"
is "$(SJ | "$JSONCHECK" errors.0.steps.0.level)/$(SJ | "$JSONCHECK" errors.0.steps.0.tried)/$(SJ | "$JSONCHECK" errors.0.steps.0.fixed)" \
	update/2/1 "stats: the update was tried twice and fixed it once"
is "$(SJ | "$JSONCHECK" errors.0.this_week)" 1 "stats: one sahara this week"
is "$(SJ | "$JSONCHECK" errors.1.error_id)/$(SJ | "$JSONCHECK" errors.1.escalated)" \
	wcsm-4009/1 "stats: wcsm-4009 escalated once"
is "$(SJ | "$JSONCHECK" engineers.0.engineer)/$(SJ | "$JSONCHECK" engineers.0.escalation_rate)" \
	ana/0.5000 "stats: ana escalated half her sessions"
is "$(SJ | "$JSONCHECK" engineers.1.escalation_rate)" 0.0000 "stats: bob none"
is "$(SJ --since "$(date -d '10 days ago' +%Y-%m-%d)" | "$JSONCHECK" sessions)" 4 \
	"stats --since leaves out the old session"
run "$FLASHFIX" stats --records "$K" --state-dir "$S"
like "$out" "Sessions: 5 \(fixed 3, escalated 1, abandoned 1\)" "stats text: the totals"
like "$out" "ana +2 +1 +50%" "stats text: the escalation rate"
like "$out" "sahara +2 +2  █" "stats text: a bar"
run "$FLASHFIX" stats --since yesterday --records "$K"
is "$rc" 2 "--since takes a date"
# The wizard shows how often a step fixed the error here.
answers platform=2 version=2.0.11 error='Sahara communication failed' \
	pick=1 step=n step=y |
	"$FLASHFIX" --plain --records "$K" --state-dir "$S" >"$T/out" 2>&1
like "$(cat "$T/out")" "this step fixed it 1 of 2 times" "the wizard shows a step's history"

# Shared records: created as the umask allows (a shop's 002 in a group
# directory gives 0664), never a FIFO, never through a symbolic link.
U=$T/shared
mkdir -p "$U"
(
	umask 002
	answers platform=1 version=1 error='DL system ERR' pick=1 step=y \
		detail= detail= detail= |
		"$FLASHFIX" --plain --records "$U/records.csv" --state-dir "$T/su" >/dev/null 2>&1
)
is "$(stat -c %a "$U/records.csv")" 664 "umask 002: the records file is 0664, for the group"
(
	umask 077
	answers platform=1 version=1 error='DL system ERR' pick=1 step=y \
		detail= detail= detail= |
		"$FLASHFIX" --plain --records "$U/private.csv" --state-dir "$T/su" >/dev/null 2>&1
)
is "$(stat -c %a "$U/private.csv")" 600 "umask 077: 0600"
mkfifo "$U/fifo.csv"
run timeout 10 "$FLASHFIX" history --records "$U/fifo.csv" --state-dir "$T/su"
is "$rc" 3 "a FIFO as records: history refuses at once (no hang), exit 3"
like "$err" "fifo.csv is not a regular file" "and says what it is"
run timeout 10 "$FLASHFIX" stats --records "$U/fifo.csv" --state-dir "$T/su"
is "$rc" 3 "stats too"
answers platform=1 version=1 error='DL system ERR' pick=1 step=y detail= detail= detail= |
	timeout 10 "$FLASHFIX" --plain --records "$U/fifo.csv" --state-dir "$T/su" >"$T/out" 2>"$T/err"
is "$?" 3 "the wizard runs, and cannot record to a FIFO: exit 3"
like "$(cat "$T/err")" "not a regular file" "it says why"
ln -s "$U/records.csv" "$U/link.csv"
run "$FLASHFIX" history --records "$U/link.csv" --state-dir "$T/su"
is "$rc" 3 "a symbolic link as records: refused"
like "$err" "link.csv is a symbolic link; records are never read or written through one" \
	"and why"

# Recorded, then cut off before its saved copy went: never recorded twice.
D=$T/twice
answers platform=1 version=1 error='DL system ERR' pick=1 step=y \
	detail= detail= detail= | "$FLASHFIX" --plain --state-dir "$D" >/dev/null 2>&1
mkdir -p "$D/sessions"
id=$("$FLASHFIX" history --json --state-dir "$D" | "$JSONCHECK" 0.id)
like "$id" '^[0-9a-f]+-[0-9a-f]{6}$' "a session id: its start and 24 random bits"
# Its saved copy as a kill at the wrong moment leaves it.
{ head -n 1 "$D/records.csv"; tail -n 1 "$D/records.csv"; } |
	sed 's/,"fixed","1",/,"","1",/; s/,"",""\(\(,"[^"]*"\)\{5\}\)$/,"at_details",""\1/' >"$D/sessions/$id.csv"
answers detail= detail= detail= | "$FLASHFIX" --plain --resume --state-dir "$D" >"$T/out" 2>&1
is "$("$FLASHFIX" history --json --state-dir "$D" | "$JSONCHECK" '#')" 1 \
	"the next start does not record it again"
is "$(ls "$D/sessions" | wc -l)" 0 "and its leftover copy is gone"
like "$(cat "$T/out")" "no unfinished session to take up" "nothing to take up"

# End of input with nothing answered: nothing recorded.
E=$T/empty
: | "$FLASHFIX" --plain --state-dir "$E" >/dev/null 2>&1
is "$?" 0 "end of input before any answer: exit 0"
is "$(ls "$E/records.csv" 2>/dev/null | wc -l)" 0 "and no empty session recorded"
answers platform=1 | "$FLASHFIX" --plain --state-dir "$E" >/dev/null 2>&1
is "$("$FLASHFIX" history --json --state-dir "$E" | "$JSONCHECK" 0.outcome)" abandoned \
	"with an answer given, end of input records it abandoned"

# Reports hold serials: their owner's only.
"$FLASHFIX" report --last --output "$T/r.txt" --state-dir "$D" 2>/dev/null
is "$(stat -c %a "$T/r.txt")" 600 "a report is written 0600"
mkdir -p "$T/shop" && chmod 2775 "$T/shop"
(umask 002; "$FLASHFIX" report --last --output "$T/shop/r.txt" --state-dir "$D" 2>/dev/null)
is "$(stat -c %a "$T/shop/r.txt")" 660 "in a shop's shared (setgid) directory, its group's too"

# A state directory that others can write, or a link to one, or one of
# another account: refused, as ssh refuses such a ~/.ssh; its sessions
# are never offered.
P=$T/open
mkdir -p "$P/sessions" && chmod 777 "$P"
answers platform=1 version=1 error='DL system ERR' pick=1 step=y detail= detail= detail= |
	"$FLASHFIX" --plain --state-dir "$P" >"$T/out" 2>"$T/err"
is "$?" 3 "a state directory others can write: the session runs, exit 3"
like "$(cat "$T/err")" "open belongs to [a-z]+ with mode 0777; flashfix keeps its state only in a directory that is yours" \
	"and says why, with the owner and mode"
like "$(cat "$T/out")" "Fixed at step 1" "the wizard still ran"
is "$(ls "$P/records.csv" 2>/dev/null | wc -l)" 0 "nothing written there"
mkdir -p "$T/real"
ln -s "$T/real" "$T/linkstate"
answers platform=1 | "$FLASHFIX" --plain --state-dir "$T/linkstate" >"$T/out" 2>"$T/err"
like "$(cat "$T/err")" "linkstate is a symbolic link; flashfix keeps its state only in a directory of your own" \
	"a state directory that is a symbolic link: refused"
if [ "$(id -u)" -eq 0 ] && id nobody >/dev/null 2>&1; then
	mkdir -p "$T/theirs" && chown nobody "$T/theirs" && chmod 700 "$T/theirs"
	answers platform=1 | "$FLASHFIX" --plain --state-dir "$T/theirs" >"$T/out" 2>"$T/err"
	like "$(cat "$T/err")" "theirs belongs to nobody" "another account's state directory: refused"
	C=$T/cachehome
	mkdir -p "$C/flashfix" && chmod 777 "$C/flashfix"
	XDG_CACHE_HOME=$C "$FLASHFIX" lookup --limit 1 4009 >"$T/out" 2>"$T/err"
	like "$(cat "$T/err")" "read without its cache" "a cache directory others can write: not used, said"
	like "$(cat "$T/out")" "WCSM code" "and lookup still answers"
else
	ok 0 "# SKIP not root: cannot make another account's directory"
fi

# A save that fails is said at once, not at the end.
F=$T/nosave
(
	# No file may grow: saving fails; stderr goes through a pipe.
	ulimit -f 0
	trap '' XFSZ
	answers platform=1 version=1 error='DL system ERR' pick=1 step=y \
		detail= detail= detail= |
		"$FLASHFIX" --plain --state-dir "$F" 2>&1 >/dev/null
) | cat >"$T/err"
like "$(cat "$T/err")" "The session cannot be saved \\(.*\\): if the connection drops, these answers are lost" \
	"a save that fails: said"
is "$(grep -c 'cannot be saved' "$T/err")" 1 "once, at the first failure"
like "$(head -n 1 "$T/err")" "cannot be saved" "before anything else is said"

# The same records as flashfix writes them (every field quoted) and as a
# spreadsheet saves them (quotes only where needed; a quote inside, a
# comma, a step list over lines) read the same.
Q=$T/quoted.csv
P=$T/plain.csv
hdr='id,started,finished,engineer,host,model,serial,platform,tool_version,query,error_id,outcome,fixed_at_step,steps,stage,log'
{
	echo "$hdr"
	printf '"c1","2026-01-02T10:00:00+0800","2026-01-02T10:05:00+0800","ana","h","X ""Pro""","","qcom","2.0.11","Sahara, again","sahara","fixed","2","1 update not_fixed 2026-01-02T10:01:00+0800\n2 power fixed 2026-01-02T10:04:00+0800: cable, new","",""\n'
	printf '"c2","2026-01-02T11:00:00+0800","2026-01-02T11:01:00+0800","bob","h","","","mtk","","4032","","escalated","","","",""\n'
} >"$Q"
{
	echo "$hdr"
	printf 'c1,2026-01-02T10:00:00+0800,2026-01-02T10:05:00+0800,ana,h,"X ""Pro""",,qcom,2.0.11,"Sahara, again",sahara,fixed,2,"1 update not_fixed 2026-01-02T10:01:00+0800\n2 power fixed 2026-01-02T10:04:00+0800: cable, new",,\n'
	printf 'c2,2026-01-02T11:00:00+0800,2026-01-02T11:01:00+0800,bob,h,,,mtk,,4032,,escalated,,,,\n'
} >"$P"
run "$FLASHFIX" history --json --records "$Q"
q=$out
run "$FLASHFIX" history --json --records "$P"
is "$rc/$err" "0/" "a spreadsheet's quoting: read without a word"
is "$out" "$q" "and the same records as flashfix's own quoting"
is "$(printf '%s' "$q" | "$JSONCHECK" 1.model)" 'X "Pro"' "a doubled quote is one quote"
is "$(printf '%s' "$q" | "$JSONCHECK" 1.steps.1.note)" 'cable, new' "a step's note with a comma, on the second line"
printf '"c3","2026-01-02T12:00:00+0800","x"y,"bob","h","","","mtk","","","","fixed","","","",""\n' >>"$Q"
run "$FLASHFIX" history --json --records "$Q"
like "$err" "quoted.csv:5:1: warning: damaged record skipped" "a quote closed before a space: damaged, said with its line"
is "$(printf '%s' "$out" | "$JSONCHECK" '#')" 2 "and the others read"

done_testing
