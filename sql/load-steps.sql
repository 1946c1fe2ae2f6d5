-- load-steps.sql: adds the steps of an export --steps read on standard
-- input, leaving out those already there (load their sessions first):
--   flashfix export --steps > t.csv
--   psql -d hq -v ON_ERROR_STOP=1 -f load-steps.sql < t.csv
BEGIN;
CREATE TEMP TABLE steps_new (LIKE steps) ON COMMIT DROP;
\copy steps_new FROM pstdin WITH (FORMAT csv, HEADER true)
INSERT INTO steps SELECT * FROM steps_new
    ON CONFLICT (session_id, step) DO NOTHING;
COMMIT;
