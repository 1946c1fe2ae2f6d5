/* journal.h: where sessions are kept: the state directory and the
 * append-only records file. */
#ifndef FLASHFIX_JOURNAL_H
#define FLASHFIX_JOURNAL_H

#include <stdbool.h>

#include "diag.h"
#include "wizard.h"

/* The state directory: dir if given, else $XDG_STATE_HOME/flashfix, else
 * ~/.local/state/flashfix.  malloc'd. */
char *journal_state_dir(const char *dir);
/* Creates dir (and its parents) with mode 0700; false with errno set. */
bool journal_make_dir(const char *dir);
/* The records file: records if given, else STATE/records.csv. */
char *journal_records_path(const char *state_dir, const char *records);

/* The header line of a records file, and the session as one record line
 * (outcome NULL: the session's own; else that word, for a session in
 * progress).  malloc'd. */
char *journal_header(void);
char *journal_record(const struct wizard *w, const char *host,
    const char *outcome);

/* Appends the session as one record: one locked write, then fsync.  On
 * failure returns false and a message in *err (malloc'd); the file is
 * left as it was.  A file that is not a records file is refused. */
bool journal_append(const char *path, const struct wizard *w,
    const char *host, char **err);

/* One record as read back. */
struct record {
	const char *id, *started, *finished, *engineer, *host, *model,
	    *serial, *platform, *tool_version, *query, *error_id, *outcome,
	    *fixed_at_step, *steps;
	unsigned long line;
};

typedef void (*record_fn)(const struct record *r, void *ctx);
/* Reads every record of path; damaged records are reported to d (as
 * warnings, with their line) and skipped.  False when the file cannot be
 * read or is not a records file. */
bool journal_read(const char *path, struct diag *d, record_fn fn, void *ctx);

#endif
