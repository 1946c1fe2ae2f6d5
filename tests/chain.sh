#!/bin/sh
# chain.sh: records a chain can trust: times that keep their offset, the
# records file the command line names, a missing file said, report --last
# for this engineer of a shared file, and each record naming the flashfix,
# knowledge base and flash tool that answered.
. "${top_srcdir:-.}/tests/lib.sh"

me=$(id -un)
host=$(hostname)
qcom() { answers platform=2 version=2.0.11 error='Sahara communication failed' pick=1 "$@"; }

# Times: ISO 8601 with the offset as +08:00.
S=$T/sh
qcom step=n step=y detail=ana detail= detail= |
	TZ=Asia/Shanghai "$FLASHFIX" --plain --state-dir "$S" >/dev/null 2>&1
J=$("$FLASHFIX" history --json --state-dir "$S")
like "$(printf '%s' "$J" | "$JSONCHECK" 0.started)" \
	'^20[0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]\+08:00$' \
	"the start keeps its offset, as +08:00"
like "$(printf '%s' "$J" | "$JSONCHECK" 0.steps.0.at)" '\+08:00$' "and each step's time"
if command -v sqlite3 >/dev/null 2>&1; then
	started=$(printf '%s' "$J" | "$JSONCHECK" 0.started)
	is "$(sqlite3 :memory: "select datetime('$started') is not null")" 1 \
		"SQLite's datetime() reads it"
	is "$(sqlite3 :memory: "select strftime('%s', '$started')")" "$(date -d "$started" +%s)" \
		"as the same instant"
else
	ok 0 "# SKIP sqlite3 not installed"
	ok 0 "# SKIP sqlite3 not installed"
fi

# A session cut off and taken up again under TZ=Asia/Shanghai: its start
# and end in order, with the same offset.
S=$T/resumed
rm -f "$T/fifo"; mkfifo "$T/fifo"
TZ=Asia/Shanghai "$FLASHFIX" --plain --engineer ana --state-dir "$S" <"$T/fifo" >"$T/o1" 2>&1 &
pid=$!
exec 3>"$T/fifo"
qcom step=n >&3
i=0
while ! ls "$S/sessions/"*.csv >/dev/null 2>&1 || ! grep -q "not_fixed" "$S/sessions/"*.csv 2>/dev/null; do
	[ $i -lt 400 ] || break
	sleep 0.05; i=$((i + 1))
done
kill -TERM "$pid"; wait "$pid"; exec 3>&-
answers step=y detail= detail= detail= |
	TZ=Asia/Shanghai "$FLASHFIX" --plain --resume --engineer ana --state-dir "$S" >"$T/o2" 2>&1
J=$("$FLASHFIX" history --json --state-dir "$S")
started=$(printf '%s' "$J" | "$JSONCHECK" 0.started)
finished=$(printf '%s' "$J" | "$JSONCHECK" 0.finished)
is "$(printf '%s' "$J" | "$JSONCHECK" 0.outcome)" fixed "the resumed session is recorded fixed"
like "$started $finished" '\+08:00 .*\+08:00$' "start and end both at +08:00"
s=$(date -d "$started" +%s)
f=$(date -d "$finished" +%s)
ok "$([ "$s" -le "$f" ] && [ $((f - s)) -lt 600 ] && echo 0 || echo 1)" \
	"the end follows the start ($started, $finished)"
is "$(printf '%s' "$J" | "$JSONCHECK" 0.steps.0.at | cut -c1-13)" "$(printf '%s' "$started" | cut -c1-13)" \
	"the step taken before the cut keeps its hour"

# --since: a day in UTC, whatever the time zone stats runs in.
R=$T/tz.csv
{
	echo 'id,started,finished,engineer,host,model,serial,platform,tool_version,query,error_id,outcome,fixed_at_step,steps,stage,log'
	# 2026-11-01T07:30Z: on the day.
	echo '"6904b1a8-000001","2026-10-31T23:30:00-08:00","2026-10-31T23:40:00-08:00","ana","h","","","mtk","1","q","dl-system-err","fixed","1","1 retry fixed 2026-10-31T23:35:00-08:00","",""'
	# 2026-10-31T16:30Z: the day before.
	echo '"6904e3a8-000002","2026-11-01T00:30:00+08:00","2026-11-01T00:40:00+08:00","bob","h","","","mtk","1","q","dl-system-err","fixed","1","1 retry fixed 2026-11-01T00:35:00+0800","",""'
} >"$R"
for tz in UTC Asia/Shanghai America/Los_Angeles; do
	is "$(TZ=$tz "$FLASHFIX" stats --json --since 2026-11-01 --records "$R" | "$JSONCHECK" sessions)" 1 \
		"--since 2026-11-01 under TZ=$tz: the one started that day (UTC)"
done
is "$("$FLASHFIX" stats --json --records "$R" | "$JSONCHECK" sessions)" 2 \
	"both read: the extended offset and the earlier +0800"

# --records beats FLASHFIX_RECORDS, for the wizard too.
E=$T/env.csv
O=$T/opt.csv
qcom step=y detail= detail= detail= |
	FLASHFIX_RECORDS=$E "$FLASHFIX" --plain --records "$O" --state-dir "$T/s2" >"$T/out" 2>&1
is "$(FLASHFIX_RECORDS=$E "$FLASHFIX" history --json --records "$O" | "$JSONCHECK" '#')" 1 \
	"the wizard recorded to --records"
ok "$([ ! -e "$E" ] && echo 0 || echo 1)" "and not to FLASHFIX_RECORDS"
qcom step=y detail= detail= detail= |
	FLASHFIX_RECORDS=$E "$FLASHFIX" --plain --state-dir "$T/s2" >"$T/out" 2>&1
is "$("$FLASHFIX" history --json --records "$E" | "$JSONCHECK" '#')" 1 \
	"without --records, FLASHFIX_RECORDS is used"
run env FLASHFIX_RECORDS="$E" "$FLASHFIX" stats --json --records "$O"
is "$(printf '%s' "$out" | "$JSONCHECK" sessions)" 1 "stats reads --records alone, not both"

# A records file that does not exist: exit 3, said.
for c in history stats export "report --last"; do
	run "$FLASHFIX" $c --records "$T/typo.csv"
	is "$rc" 3 "$c --records on a missing file: exit 3"
	like "$err" "no records file .*typo.csv" "$c says which"
done
run env FLASHFIX_RECORDS="$T/typo.csv" "$FLASHFIX" stats
is "$rc" 3 "FLASHFIX_RECORDS naming a missing file: exit 3 too"
run "$FLASHFIX" stats --state-dir "$T/fresh"
is "$rc/$out" "0/Sessions: 0 (fixed 0, escalated 0, abandoned 0)" \
	"the default file, before a first session: no sessions, exit 0"

# report --last of a shared file: this engineer's newest on this host.
Sh=$T/shared.csv
qcom step=n step=y detail= detail=MINE detail= |
	"$FLASHFIX" --plain --records "$Sh" --state-dir "$T/s3" >/dev/null 2>&1
tail -n +2 "$Sh" | sed -z 's/^"[0-9a-f]*-[0-9a-f]*"/"7fffffff-abcdef"/; s/"MINE"/"THEIRS"/; s/"[^"]*"\n$/"someone-else"\n/' >"$T/theirs"
cat "$T/theirs" >>"$Sh"
is "$("$FLASHFIX" history --json --records "$Sh" | "$JSONCHECK" '#')" 2 \
	"a shared file: mine, then a newer one of another account"
run "$FLASHFIX" report --last --format json --records "$Sh"
is "$rc/$(printf '%s' "$out" | "$JSONCHECK" model)" 0/MINE "report --last: my own, not the newer of another account"
run "$FLASHFIX" report 7fffffff-abcdef --format json --records "$Sh"
is "$(printf '%s' "$out" | "$JSONCHECK" model)" THEIRS "theirs by its id"
{ head -n 1 "$Sh"; cat "$T/theirs"; } >"$T/only-theirs.csv"
run "$FLASHFIX" report --last --records "$T/only-theirs.csv"
is "$rc" 1 "none of mine: exit 1"
like "$err" "no session of $me on $host" "saying whose"

# Each record names who answered: flashfix's version, the base's digest,
# the flash tool.
digest=$("$FLASHFIX" --version | sed -n 's/.*(digest \([0-9a-f]*\)).*/\1/p')
run "$FLASHFIX" report --last --records "$Sh"
has "$out" "MsmDownloadTool" "the report names the flash tool"
like "$out" "flashfix version: +0\\.[0-9]" "flashfix's version"
like "$out" "Knowledge base digest: +$digest" "and the base's digest, as --version gives it"
run "$FLASHFIX" report --last --format json --records "$Sh"
is "$(printf '%s' "$out" | "$JSONCHECK" kb_digest)/$(printf '%s' "$out" | "$JSONCHECK" tool)" \
	"$digest/MsmDownloadTool" "JSON too"
is "$(printf '%s' "$out" | "$JSONCHECK" flashfix_version)" \
	"$("$FLASHFIX" --version | sed -n '1s/^flashfix //p')" "and the version"

# "This step fixed it N of M times" by fix: after-sales-mode's two
# config steps, the second of which fixed it twice.
S=$T/fix
for i in 1 2; do
	answers platform=2 version=2.0.11 error='Unable to select after sales' pick=1 step=n step=y \
		detail= detail= detail= | "$FLASHFIX" --plain --state-dir "$S" >/dev/null 2>&1
done
answers platform=2 version=2.0.11 error='Unable to select after sales' pick=1 step=n step=y \
	detail= detail= detail= | "$FLASHFIX" --plain --state-dir "$S" >"$T/out" 2>&1
is "$(grep -o 'fixed it [0-9]* of [0-9]*' "$T/out" | tr '\n' ' ')" \
	"fixed it 0 of 2 fixed it 2 of 2 " "two steps of one level: each its own figures (0 of 2, 2 of 2)"
J=$("$FLASHFIX" stats --json --state-dir "$S")
is "$(printf '%s' "$J" | "$JSONCHECK" errors.0.steps.0.fix_step) $(printf '%s' "$J" | "$JSONCHECK" errors.0.steps.0.fixed) $(printf '%s' "$J" | "$JSONCHECK" errors.0.steps.1.fix_step) $(printf '%s' "$J" | "$JSONCHECK" errors.0.steps.1.fixed)" \
	"1 0 2 3" "stats --json: per fix, by its step in the base"
# Per shop and per month.
is "$(printf '%s' "$J" | "$JSONCHECK" hosts.0.host)/$(printf '%s' "$J" | "$JSONCHECK" hosts.0.sessions)" \
	"$host/3" "stats --json: per shop (host)"
is "$(printf '%s' "$J" | "$JSONCHECK" months.0.month)/$(printf '%s' "$J" | "$JSONCHECK" months.0.sessions)" \
	"$(date -u +%Y-%m)/3" "stats --json: per month (UTC)"
run "$FLASHFIX" stats --state-dir "$S"
like "$out" "Per shop \(host\)" "stats text: per shop"
like "$out" "$(date -u +%Y-%m) +3 +3 +0 +0" "stats text: per month"

done_testing
