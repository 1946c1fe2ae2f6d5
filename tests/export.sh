#!/bin/sh
# export.sh: flashfix export for HQ's own database: the records of two
# shops (one record copied into both), one row per session and per step,
# loaded into SQLite (Debian's sqlite3) and held to flashfix stats.
. "${top_srcdir:-.}/tests/lib.sh"

A=$T/a
B=$T/b
session() { # STATE ANSWERS...
	s=$1
	shift
	answers "$@" | "$FLASHFIX" --plain --state-dir "$s" >/dev/null 2>&1
}
session "$A" platform=2 version=2.0.11 error='Sahara communication failed' pick=1 step=n step=y detail=ana detail=CPH2023 detail=SN1
session "$A" platform=1 version=1 error='DL system ERR' pick=1 step=y detail=ana detail= detail=
session "$A" platform=1 version=1 error='BROM ERROR : S_FT_ENABLE_DRAM_FAIL (4032)' pick=1 step=n step=n step=s step=n step=n step=n step=n detail=bob detail= detail=
session "$B" platform=1 version=4 error='WCSM code：4009' pick=1 step=y detail=cho detail= detail=
# A record of shop A copied into shop B's file: it is one session.  The
# whole record (the last one's steps take several lines), from the line
# that starts it.
awk '/^"[0-9a-f]+-[0-9a-f]+","/ { rec = "" } { rec = rec $0 "\n" } END { printf "%s", rec }' \
	"$A/records.csv" >>"$B/records.csv"
is "$(tail -n 1 "$B/records.csv")" "$(tail -n 1 "$A/records.csv")" "the copy ends as the original"
run "$FLASHFIX" history --records "$B/records.csv"
is "$err" "" "the copy is a whole record: nothing damaged"

run "$FLASHFIX" export --records "$A/records.csv" --records "$B/records.csv"
is "$rc" 0 "export: exit 0"
is "$(printf '%s\n' "$out" | head -n 1)" \
	"id,started,finished,engineer,host,model,serial,platform,tool_version,query,error_id,outcome,fixed_at_step,steps,tool,family,kb_digest,flashfix_version,log_line" \
	"the sessions' header, the documented schema"
printf '%s\n' "$out" >"$T/sessions.csv"
is "$(($(wc -l <"$T/sessions.csv") - 1))" 4 "four sessions: the copy merged"
is "$("$FLASHFIX" stats --json --records "$A/records.csv" --records "$B/records.csv" | "$JSONCHECK" sessions)" 4 \
	"stats counts the session in both files once, as export writes it"
is "$("$FLASHFIX" stats --json --records "$B/records.csv" | "$JSONCHECK" sessions)" 2 \
	"shop B's own file holds two (its own and the copy)"
"$FLASHFIX" export --steps --records "$A/records.csv" --records "$B/records.csv" >"$T/steps.csv"
is "$(head -n 1 "$T/steps.csv")" "session_id,step,level,answer,at,note,fix_error,fix_step" "the steps' header"
is "$(($(wc -l <"$T/steps.csv") - 1))" 11 "eleven steps in all"

if command -v sqlite3 >/dev/null 2>&1; then
	db=$T/hq.db
	# flashfix(5)'s recipe: sql/sqlite.sql makes the tables and loads
	# what .import read.
	sqlite3 "$db" ".import --csv $T/sessions.csv sessions_new" ".import --csv $T/steps.csv steps_new" \
		".read $top_srcdir/sql/sqlite.sql"
	ok $? "both load into SQLite"
	is "$(sqlite3 "$db" "select typeof(fixed_at_step) from sessions where outcome = 'fixed' limit 1")/$(sqlite3 "$db" "select count(*) from sessions where fixed_at_step = '' or model = ''")" \
		"integer/0" "numbers are integers, empty values NULL"
	is "$(sqlite3 "$db" "select round(avg(fixed_at_step), 3) from sessions")" \
		"$(sqlite3 "$db" "select round(avg(fixed_at_step), 3) from sessions where outcome = 'fixed'")" \
		"avg(fixed_at_step) is over the fixed sessions alone"
	is "$(sqlite3 "$db" "select count(*) from sessions where datetime(started) is null or datetime(finished) is null")" 0 \
		"datetime() reads every time"
	sqlite3 "$db" ".import --csv $T/sessions.csv sessions_new" ".import --csv $T/steps.csv steps_new" \
		".read $top_srcdir/sql/sqlite.sql"
	is "$(sqlite3 "$db" "select count(*) || ' ' || (select count(*) from steps) from sessions")" "4 11" \
		"loaded twice: nothing added"
	"$FLASHFIX" stats --json --records "$A/records.csv" --records "$B/records.csv" --state-dir "$T/none" >"$T/st.json"
	i=0; want=
	while [ $i -lt "$("$JSONCHECK" errors.# <"$T/st.json")" ]; do
		want="$want$("$JSONCHECK" errors.$i.error_id <"$T/st.json") $("$JSONCHECK" errors.$i.sessions <"$T/st.json") $("$JSONCHECK" errors.$i.fixed <"$T/st.json");"
		i=$((i + 1))
	done
	is "$(sqlite3 "$db" "select group_concat(e, ';') || ';' from (select coalesce(error_id, 'null') || ' ' || count(*) || ' ' || sum(outcome = 'fixed') e from sessions group by error_id order by count(*) desc, error_id)")" \
		"$want" "per error: SQLite's sessions and fixed are stats'"
	is "$(sqlite3 "$db" "select m || ' ' || count(*) from (select strftime('%Y-%m', started) m from sessions) group by m")" \
		"$("$JSONCHECK" months.0.month <"$T/st.json") $("$JSONCHECK" months.0.sessions <"$T/st.json")" \
		"per month (UTC): SQLite's are stats'"
	is "$(sqlite3 "$db" "select count(*) from steps s join sessions t on s.session_id = t.id where s.fix_step is not null and (s.fix_error is t.error_id)")" 11 \
		"each step names its fix: the session's error and the fix's step"
	SJ() { "$FLASHFIX" stats --json --records "$A/records.csv" --records "$B/records.csv" --state-dir "$T/none"; }
	is "$(sqlite3 "$db" 'select count(*) from sessions')" "$(SJ | "$JSONCHECK" sessions)" \
		"SQLite's sessions are stats' sessions"
	is "$(sqlite3 "$db" "select count(*) from sessions where outcome = 'fixed'")" \
		"$(SJ | "$JSONCHECK" fixed)" "and its fixed ones"
	is "$(sqlite3 "$db" "select count(*) from sessions where outcome = 'escalated'")" \
		"$(SJ | "$JSONCHECK" escalated)" "and its escalated ones"
	is "$(sqlite3 "$db" 'select count(distinct id) = count(*) from sessions')" 1 \
		"ids are unique: shops merge without duplicates"
	is "$(sqlite3 "$db" "select group_concat(s.answer, ' ') from steps s join sessions t on s.session_id = t.id where t.error_id = 'sahara' order by s.step")" \
		"not_fixed fixed" "steps join their sessions (sahara: not fixed, then fixed)"
	is "$(sqlite3 "$db" "select sum(steps) from sessions")" \
		"$(sqlite3 "$db" 'select count(*) from steps')" "each session's step count matches its step rows"
else
	ok 0 "# SKIP sqlite3 not installed"
fi

# JSON lines: one object a session, its steps inside.
"$FLASHFIX" export --format jsonl --records "$A/records.csv" --records "$B/records.csv" >"$T/s.jsonl"
is "$(wc -l <"$T/s.jsonl")" 4 "jsonl: one line a session"
bad=0
while IFS= read -r l; do
	printf '%s' "$l" | "$JSONCHECK" id >/dev/null || bad=$((bad + 1))
done <"$T/s.jsonl"
is "$bad" 0 "every line is a JSON object with its id"
like "$(head -n 1 "$T/s.jsonl")" '"steps":\[\{"step":1,' "steps nested"
# --steps in JSON lines: the CSV's step rows, one object each.
"$FLASHFIX" export --steps --format jsonl --records "$A/records.csv" --records "$B/records.csv" >"$T/t.jsonl"
"$FLASHFIX" export --steps --records "$A/records.csv" --records "$B/records.csv" >"$T/t2.csv"
is "$(wc -l <"$T/t.jsonl")" "$(($(wc -l <"$T/t2.csv") - 1))" "jsonl --steps: one line a step, as many as the CSV's rows"
bad=0
while IFS= read -r l; do
	printf '%s' "$l" | "$JSONCHECK" session_id >/dev/null || bad=$((bad + 1))
done <"$T/t.jsonl"
is "$bad" 0 "every step line is a JSON object with its session_id"
like "$(head -n 1 "$T/t.jsonl")" '^\{"session_id":"[0-9a-f-]*","step":1,"level":' "a step line: its session, then the step"
run "$FLASHFIX" export --since 2999-01-01 --records "$A/records.csv"
is "$(printf '%s\n' "$out" | wc -l)" 1 "--since: only the header when nothing is that recent"
run "$FLASHFIX" export --format xml
is "$rc" 2 "--format xml: a usage error"
run "$FLASHFIX" export --last
is "$rc" 2 "an option of report's is not export's"

# Many records: history reads them back in spans of 256, newest first,
# across the spans' edges, a damaged line skipped (said once).
M=$T/many.csv
# A file of an earlier layout (16 columns, offsets without a colon).
echo 'id,started,finished,engineer,host,model,serial,platform,tool_version,query,error_id,outcome,fixed_at_step,steps,stage,log' >"$M"
awk 'BEGIN { for (i = 0; i < 700; i++) {
	if (i == 300) print "\"damaged"
	printf "\"%08x-%06x\",\"2024-01-01T09:00:00+0800\",\"2024-01-01T09:01:00+0800\",\"ana\",\"h\",\"\",\"\",\"mtk\",\"1\",\"q\",\"sahara\",\"fixed\",\"1\",\"1 retry fixed 2024-01-01T09:00:30+0800\",\"\",\"\"\n", 1700000000 + i, i
} }' >>"$M"
run "$FLASHFIX" history --records "$M"
is "$rc" 0 "700 records and a damaged line: history succeeds"
is "$(printf '%s\n' "$out" | wc -l)" 700 "every whole record listed once"
is "$(printf '%s\n' "$out" | cut -d' ' -f1 | tr '\n' ' ')" \
	"$(sed -n 's/^"\([0-9a-f]*-[0-9a-f]*\)".*/\1/p' "$M" | tac | tr '\n' ' ')" \
	"newest first: the file's order reversed, across spans"
is "$(printf '%s\n' "$err" | grep -c 'damaged record')" 1 "the damaged line said once"
like "$err" "many.csv:302:" "with its file and line"

done_testing
