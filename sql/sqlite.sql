-- sqlite.sql: the tables of flashfix.sql for SQLite, and the load of an
-- export imported into sessions_new and steps_new (flashfix(5)):
--   sqlite3 hq.db '.import --csv s.csv sessions_new' \
--       '.import --csv t.csv steps_new' '.read sqlite.sql'
-- Empty values become NULL, numbers integers; sessions and steps already
-- there are left as they are, so a second load adds nothing.  Times stay
-- text with their offset, which datetime() and strftime() read.

CREATE TABLE IF NOT EXISTS sessions (
    id               text PRIMARY KEY,
    started          text,
    finished         text,
    engineer         text,
    host             text,
    model            text,
    serial           text,
    platform         text,
    tool_version     text,
    query            text,
    error_id         text,
    outcome          text NOT NULL,
    fixed_at_step    integer,
    steps            integer NOT NULL,
    tool             text,
    family           text,
    kb_digest        text,
    flashfix_version text,
    log_line         text
);

CREATE TABLE IF NOT EXISTS steps (
    session_id text NOT NULL REFERENCES sessions (id),
    step       integer NOT NULL,
    level      text NOT NULL,
    answer     text NOT NULL,
    at         text,
    note       text,
    fix_error  text,
    fix_step   integer,
    PRIMARY KEY (session_id, step)
);

-- What .import left: its tables, made if the export had no rows.
CREATE TABLE IF NOT EXISTS sessions_new (id, started, finished, engineer,
    host, model, serial, platform, tool_version, query, error_id, outcome,
    fixed_at_step, steps, tool, family, kb_digest, flashfix_version,
    log_line);
CREATE TABLE IF NOT EXISTS steps_new (session_id, step, level, answer, at,
    note, fix_error, fix_step);

INSERT OR IGNORE INTO sessions
SELECT nullif(id, ''), nullif(started, ''), nullif(finished, ''),
    nullif(engineer, ''), nullif(host, ''), nullif(model, ''),
    nullif(serial, ''), nullif(platform, ''), nullif(tool_version, ''),
    nullif(query, ''), nullif(error_id, ''), outcome,
    CAST(nullif(fixed_at_step, '') AS integer), CAST(steps AS integer),
    nullif(tool, ''), nullif(family, ''), nullif(kb_digest, ''),
    nullif(flashfix_version, ''), nullif(log_line, '')
FROM sessions_new;

INSERT OR IGNORE INTO steps
SELECT session_id, CAST(step AS integer), level, answer, nullif(at, ''),
    nullif(note, ''), nullif(fix_error, ''),
    CAST(nullif(fix_step, '') AS integer)
FROM steps_new;

DROP TABLE sessions_new;
DROP TABLE steps_new;
