-- flashfix.sql: HQ's tables for what `flashfix export` writes, in
-- PostgreSQL: sessions (one row per session) and steps (one per step
-- answered), their columns in the export's order.  flashfix(5) says what
-- each column holds, how to load a shop's export and how to load only
-- what is new.  Run once:  psql -d hq -f flashfix.sql
--
-- Empty values are exported unquoted, so COPY ... csv loads them as NULL.
-- Times carry their offset (2026-12-03T08:58:23+08:00): timestamptz keeps
-- the instant.

CREATE TABLE IF NOT EXISTS sessions (
    id               text PRIMARY KEY,          -- start time and 24 random bits, hex
    started          timestamptz,               -- NULL only for a hand-edited time
    finished         timestamptz,
    engineer         text,
    host             text,                      -- the shop's machine
    model            text,
    serial           text,
    platform         text CHECK (platform IN ('mtk', 'qcom')),
    tool_version     text,
    query            text,                      -- the error as typed or pasted
    error_id         text,                      -- NULL: not listed (general steps)
    outcome          text NOT NULL
                     CHECK (outcome IN ('fixed', 'escalated', 'abandoned')),
    fixed_at_step    integer CHECK (fixed_at_step > 0),
    steps            integer NOT NULL CHECK (steps >= 0),
    tool             text,                      -- the flash tool's name
    family           text,                      -- the error's family
    kb_digest        text,                      -- the knowledge base that answered
    flashfix_version text,
    log_line         text                       -- the log's decisive line
);

CREATE TABLE IF NOT EXISTS steps (
    session_id text NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    step       integer NOT NULL CHECK (step > 0),   -- its place in the session
    level      text NOT NULL,
    answer     text NOT NULL CHECK (answer IN ('fixed', 'not_fixed', 'skipped')),
    at         timestamptz,
    note       text,
    fix_error  text,        -- which fix: this error's (NULL: general steps)
    fix_step   integer CHECK (fix_step > 0), -- ...step of fixes.csv or generic.csv
    PRIMARY KEY (session_id, step)
);

CREATE INDEX IF NOT EXISTS sessions_started ON sessions (started);
CREATE INDEX IF NOT EXISTS sessions_error ON sessions (error_id);
CREATE INDEX IF NOT EXISTS steps_fix ON steps (fix_error, fix_step);
