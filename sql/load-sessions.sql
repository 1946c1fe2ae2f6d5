-- load-sessions.sql: adds the sessions of an export read on standard
-- input to the table of flashfix.sql, leaving out those already there,
-- so that loading the same rows twice adds nothing (flashfix(5)):
--   flashfix export > s.csv
--   psql -d hq -v ON_ERROR_STOP=1 -f load-sessions.sql < s.csv
BEGIN;
CREATE TEMP TABLE sessions_new (LIKE sessions) ON COMMIT DROP;
\copy sessions_new FROM pstdin WITH (FORMAT csv, HEADER true)
INSERT INTO sessions SELECT * FROM sessions_new ON CONFLICT (id) DO NOTHING;
COMMIT;
