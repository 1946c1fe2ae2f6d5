#!/bin/sh
# hq-postgres.sh: HQ's own database for real.  A PostgreSQL server made in
# a scratch directory (listening on a Unix socket there only, stopped at
# the end whatever happens), the tables of sql/flashfix.sql, two shops'
# exports loaded as flashfix(5) says (a session in both files), loaded
# again (nothing added), then only what is new; the server's counts per
# error, family, step, shop and month held to flashfix stats on the same
# files.  Skipped only where PostgreSQL's server is not installed.
. "${top_srcdir:-.}/tests/lib.sh"

PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$PGBIN" ] && [ -x "$PGBIN/initdb" ] && [ -x "$PGBIN/psql" ] ||
	skip_all "PostgreSQL's server (Debian's postgresql) is not installed"
SQL=$top_srcdir/sql

# initdb refuses to run as root: the server runs as nobody then, in a
# directory of its own.
P=$(mktemp -d /tmp/flashfix-pg.XXXXXX) || exit 99
chmod 0755 "$P"
as=
if [ "$(id -u)" = 0 ]; then
	as="runuser -u nobody --"
	mkdir "$P/run" && chown nobody "$P/run"
else
	mkdir "$P/run"
fi
pg_stop() {
	[ -f "$P/run/data/postmaster.pid" ] &&
		$as "$PGBIN/pg_ctl" -D "$P/run/data" -m immediate -w stop >/dev/null 2>&1
	rm -rf "$P" "$T"
}
trap pg_stop EXIT
trap 'exit 1' INT TERM HUP

$as "$PGBIN/initdb" -D "$P/run/data" -A trust -U hq -E UTF8 --locale=C --no-sync \
	>"$P/initdb.log" 2>&1
ok $? "initdb: a cluster in a scratch directory"
$as "$PGBIN/pg_ctl" -D "$P/run/data" -l "$P/run/log" -w -t 60 \
	-o "-c listen_addresses= -k $P/run -c fsync=off" start >/dev/null 2>&1
r=$?
ok $r "the server starts, on a Unix socket only"
if [ $r -ne 0 ]; then
	sed 's/^/# /' "$P/initdb.log" "$P/run/log" 2>/dev/null | tail -n 20
	done_testing
	exit 1
fi
Q() { $as "$PGBIN/psql" -h "$P/run" -U hq -d "${DB:-postgres}" -X -q -A -t -v ON_ERROR_STOP=1 "$@"; }
is "$(Q -c "show listen_addresses")" "" "no TCP address is listened on"

# Two shops.  Sessions through the wizard, as a bench makes them.
A=$P/a.csv
B=$P/b.csv
session() { # RECORDS ANSWERS...
	f=$1
	shift
	answers "$@" | "$FLASHFIX" --plain --records "$f" --state-dir "$T/state" >/dev/null 2>&1
}
session "$A" platform=2 version=2.0.11 error='Sahara communication failed' pick=1 step=n step=y detail=ana detail=CPH2023 detail=SN1
session "$A" platform=1 version=1 error='DL system ERR' pick=1 step=y detail=ana detail= detail=
session "$A" platform=2 version=2.0.11 error='Sahara communication failed' pick=1 step=y detail=bob detail= detail=
session "$A" platform=1 version=1 error='BROM ERROR : S_FT_ENABLE_DRAM_FAIL (4032)' pick=1 step=n step=s step=n step=n step=n step=n step=n detail=bob detail= detail=
session "$B" platform=1 version=4 error='WCSM code：4009' pick=1 step=y detail=cho detail= detail=
session "$B" platform=2 version=2.0.11 error='Sahara communication failed' pick=1 step=n step=n step=y detail=cho detail= detail=
# An error no base lists: the general steps.
session "$B" platform=1 version=1 error='zzqx unheard of' pick=0 step=n step=y detail=dee detail= detail=
# Sessions of other months and time zones, as another shop's clock wrote
# them (the month is the UTC one: 2026-11-01 02:00 at +08:00 is October).
head -n 1 "$A" | grep -q ',account$' && ok 0 "the records are of this layout" || ok 1 "the records are of this layout"
cat >>"$B" <<'REC'
"69047a50-0000a1","2026-11-01T02:00:00+08:00","2026-11-01T02:10:00+08:00","eve","shop-b","","","qcom","2.0.11","Sahara","sahara","fixed","1","1 update fixed 2026-11-01T02:05:00+08:00 1","","","MsmDownloadTool","qcom-sahara","0123456789abcdef","0.1.0","eve"
"692c5650-0000a2","2026-11-30T10:30:00-05:00","2026-11-30T10:50:00-05:00","eve","shop-b","","","mtk","1","DL system ERR","dl-system-err","escalated","","1 package not_fixed 2026-11-30T10:40:00-05:00 1: a note, with a ""quote""","","","SP Flash Tool","vendor-package","0123456789abcdef","0.1.0","eve"
REC
# A session of shop A copied into shop B's file: one session.
awk '/^"[0-9a-f]+-[0-9a-f]+","/ { n++ } n == 2' "$A" >"$P/copy"
cat "$P/copy" >>"$B"
SJ() { "$FLASHFIX" stats --json --records "$A" --records "$B" "$@"; }
SJ >"$P/stats.json"
total=$("$JSONCHECK" sessions <"$P/stats.json")
is "$total" 9 "stats: nine sessions, the copy counted once"

# HQ's tables, and each shop's export loaded as flashfix(5) says.
Q -f "$SQL/flashfix.sql"
ok $? "sql/flashfix.sql makes the tables"
is "$(Q -c "select string_agg(column_name, ',' order by ordinal_position) from information_schema.columns where table_name = 'sessions'")" \
	"$("$FLASHFIX" export --records "$A" | head -n 1)" "the sessions table's columns are the export's, in order"
is "$(Q -c "select string_agg(column_name, ',' order by ordinal_position) from information_schema.columns where table_name = 'steps'")" \
	"$("$FLASHFIX" export --steps --records "$A" | head -n 1)" "and the steps table's"
load() { # FILE...: each shop's export, sessions then steps
	for f in "$@"; do
		"$FLASHFIX" export --records "$f" >"$P/s.csv" &&
		"$FLASHFIX" export --steps --records "$f" >"$P/t.csv" &&
		Q -f "$SQL/load-sessions.sql" <"$P/s.csv" &&
		Q -f "$SQL/load-steps.sql" <"$P/t.csv" || return 1
	done
}
load "$A" "$B"
ok $? "both shops load (the session in both files is no error)"
is "$(Q -c "select count(*) from sessions")" "$total" "the server holds stats' sessions, the copy once"
is "$(Q -c "select count(*) from steps")" "$(Q -c "select sum(steps) from sessions")" \
	"each session's steps are there"
load "$A" "$B"
is "$(Q -c "select count(*) || ' ' || (select count(*) from steps) from sessions")" \
	"$total $(Q -c "select sum(steps) from sessions")" "loaded again: nothing added"

# Empty values are NULL, numbers numbers, times instants.
is "$(Q -c "select count(*) from sessions where fixed_at_step is null")" \
	"$(($total - $("$JSONCHECK" fixed <"$P/stats.json")))" "fixed_at_step is NULL where nothing fixed it"
is "$(Q -c "select count(*) from sessions where model = '' or serial = '' or error_id = ''")" 0 \
	"no empty texts: NULLs"
is "$(Q -c "select count(*) from sessions where started is null or finished < started")" 0 \
	"every start is a time, every end after it"
is "$(Q -c "select to_char(started at time zone 'UTC', 'YYYY-MM-DD HH24:MI') from sessions where id = '69047a50-0000a1'")" \
	"2026-10-31 18:00" "the offset kept: +08:00 read as the instant"
is "$(Q -c "select note from steps where session_id = '692c5650-0000a2'")" \
	'a note, with a "quote"' "a note with a comma and quotes"
is "$(Q -c "select family || ' ' || kb_digest || ' ' || tool from sessions where id = '69047a50-0000a1'")" \
	"qcom-sahara 0123456789abcdef MsmDownloadTool" "each session names its family, base and tool"
like "$(Q -c "select log_line is null from sessions limit 1")" "^[tf]$" "the log line column is there"
is "$(Q -c "select count(*) from steps where fix_step is null")" 0 "each step names its fix"
is "$(Q -c "select count(*) from steps st join sessions s on s.id = st.session_id where s.error_id is null and st.fix_error is null")" \
	"$(Q -c "select count(*) from steps st join sessions s on s.id = st.session_id where s.error_id is null")" \
	"a step of the general ladder names no error"

# The server's counts, and stats', per error, family, step, shop, month.
js() { "$JSONCHECK" "$1" <"$P/stats.json"; }
n_of() { js "$1.#"; }
# The export's error_id is empty both for the general steps and for a
# session quit before an error was chosen, which stats counts apart
# (no_error_chosen, all abandoned): on the server they are one null, so
# stats' are added to its null line for the comparison.
# with_unchosen ZEROS: the lines read, with "- N ZEROS" added, summed by key.
with_unchosen() {
	{ cat; u=$(js no_error_chosen); [ "$u" -gt 0 ] && echo "- $u $1"; } |
		awk '{ for (k = 2; k <= NF; k++) t[$1, k] += $k; w[$1] = NF }
		END { for (e in w) { l = e; for (k = 2; k <= w[e]; k++)
			l = l " " t[e, k]; print l } }' | sort
}
per_error() {
	i=0; n=$(n_of errors)
	while [ $i -lt "$n" ]; do
		e=$(js errors.$i.error_id); [ "$e" = null ] && e=-
		echo "$e $(js errors.$i.sessions) $(js errors.$i.fixed) $(js errors.$i.escalated)"
		i=$((i + 1))
	done | with_unchosen "0 0"
}
is "$(Q -c "select coalesce(error_id, '-') || ' ' || count(*) || ' ' || count(*) filter (where outcome = 'fixed') || ' ' || count(*) filter (where outcome = 'escalated') from sessions group by error_id" | sort)" \
	"$(per_error)" "per error: the server's sessions, fixed, escalated are stats'"
per_step() {
	i=0; n=$(n_of errors)
	while [ $i -lt "$n" ]; do
		e=$(js errors.$i.error_id); [ "$e" = null ] && e=-
		k=0; m=$(js errors.$i.steps.#)
		while [ $k -lt "$m" ]; do
			echo "$e $(js errors.$i.steps.$k.fix_step) $(js errors.$i.steps.$k.tried) $(js errors.$i.steps.$k.fixed)"
			k=$((k + 1))
		done
		i=$((i + 1))
	done | sort
}
is "$(Q -c "select coalesce(s.error_id, '-') || ' ' || st.fix_step || ' ' || count(*) || ' ' || count(*) filter (where answer = 'fixed') from steps st join sessions s on s.id = st.session_id where answer <> 'skipped' group by s.error_id, st.fix_step" | sort)" \
	"$(per_step)" "per step (by fix): the server's tried and fixed are stats'"
groups() { # KEY NAME
	i=0; n=$(n_of "$1")
	while [ $i -lt "$n" ]; do
		g=$(js "$1.$i.$2"); [ "$g" = null ] && g=-
		echo "$g $(js "$1.$i.sessions") $(js "$1.$i.fixed")"
		i=$((i + 1))
	done | sort
}
is "$(Q -c "select coalesce(family, '-') || ' ' || count(*) || ' ' || count(*) filter (where outcome = 'fixed') from sessions group by family" | sort)" \
	"$(groups families family | with_unchosen 0)" "per family: the server's are stats'"
is "$(Q -c "select m || ' ' || n || ' ' || f from (select to_char(started at time zone 'UTC', 'YYYY-MM') m, count(*) n, count(*) filter (where outcome = 'fixed') f from sessions group by 1) x" | sort)" \
	"$(groups months month)" "per month (UTC): the server's are stats'"
is "$(groups months month | wc -l)" 3 "three months: October and November by other clocks, and now"
is "$(Q -c "select host || ' ' || count(*) || ' ' || count(*) filter (where outcome = 'fixed') from sessions group by host" | sort)" \
	"$(groups hosts host)" "per shop (host): the server's are stats'"

# Only what is new: after the last session loaded, by its id and by the
# server's latest end.
last=$("$FLASHFIX" history --json --records "$A" | "$JSONCHECK" 0.id)
since=$(Q -c "select max(finished) from sessions")
sleep 1
session "$A" platform=1 version=1 error='DL system ERR' pick=1 step=y detail=fay detail= detail=
session "$A" platform=2 version=2.0.11 error='Sahara communication failed' pick=1 step=n step=n step=n detail=fay detail= detail=
"$FLASHFIX" export --after "$last" --records "$A" >"$P/new.csv"
is "$(($(wc -l <"$P/new.csv") - 1))" 2 "export --after ID: the two sessions since"
"$FLASHFIX" export --after "$since" --records "$A" --records "$B" >"$P/new2.csv"
like "$(($(wc -l <"$P/new2.csv") - 1))" '^[2-9]$' "export --after the server's latest end: the new ones (and that second's again)"
"$FLASHFIX" export --steps --after "$last" --records "$A" >"$P/new-t.csv"
Q -f "$SQL/load-sessions.sql" <"$P/new2.csv" && Q -f "$SQL/load-steps.sql" <"$P/new-t.csv"
ok $? "the new rows load"
SJ >"$P/stats.json"
total=$("$JSONCHECK" sessions <"$P/stats.json")
is "$(Q -c "select count(*) from sessions")" "$total" "the server holds stats' sessions again ($total)"
is "$(Q -c "select count(*) from steps")" "$(Q -c "select sum(steps) from sessions")" "and every step"
is "$(Q -c "select coalesce(error_id, '-') || ' ' || count(*) || ' ' || count(*) filter (where outcome = 'fixed') || ' ' || count(*) filter (where outcome = 'escalated') from sessions group by error_id" | sort)" \
	"$(per_error)" "per error, after the incremental load"
is "$(Q -c "select coalesce(s.error_id, '-') || ' ' || st.fix_step || ' ' || count(*) || ' ' || count(*) filter (where answer = 'fixed') from steps st join sessions s on s.id = st.session_id where answer <> 'skipped' group by s.error_id, st.fix_step" | sort)" \
	"$(per_step)" "per step, after the incremental load"

# The plain load flashfix(5) shows first: \copy ... csv header.
Q -c "create database plain" && DB=plain Q -f "$SQL/flashfix.sql"
"$FLASHFIX" export --records "$A" --records "$B" >"$P/all.csv"
"$FLASHFIX" export --steps --records "$A" --records "$B" >"$P/all-t.csv"
chmod 0644 "$P/all.csv" "$P/all-t.csv"
DB=plain Q -c "\\copy sessions from '$P/all.csv' csv header" &&
	DB=plain Q -c "\\copy steps from '$P/all-t.csv' csv header"
ok $? "psql's copy sessions from FILE csv header: loads as it is"
is "$(DB=plain Q -c "select count(*) from sessions")" "$total" "every session, once"
is "$(DB=plain Q -c "select round(avg(fixed_at_step), 3) from sessions")" \
	"$(Q -c "select round(avg(fixed_at_step), 3) from sessions")" "avg(fixed_at_step) over the fixed ones alone"

# JSON lines into a jsonb column, backslashes and all (flashfix(5)).
"$FLASHFIX" export --format jsonl --records "$A" --records "$B" >"$P/all.jsonl"
chmod 0644 "$P/all.jsonl"
DB=plain Q -c "create table raw (doc jsonb)" &&
	DB=plain Q -c "\\copy raw from '$P/all.jsonl' csv quote e'\\x01' delimiter e'\\x02'"
ok $? "JSON lines load into jsonb"
is "$(DB=plain Q -c "select count(*) from raw where doc->>'id' in (select id from sessions)")" "$total" \
	"one document a session"

done_testing
