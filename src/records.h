/* records.h: the records file's format, owned here and nowhere else: its
 * columns and header; a session written as one record, appended to the
 * records file or saved as a session in progress; and records read back
 * with their steps, for history, report, stats and resuming.
 * Layer: records (above the wizard; below stats, sessions and reports). */
#ifndef FLASHFIX_RECORDS_H
#define FLASHFIX_RECORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include "arena.h"
#include "diag.h"
#include "wizard.h"

/* One record as read back.  The texts are as written; outcome and stage
 * are parsed once, here. */
struct record {
	const char *id, *started, *finished, *engineer, *host, *model,
	    *serial, *platform, *tool_version, *query, *error_id,
	    *fixed_at_step, *steps;
	const char *log;           /* the log line the error was read from */
	/* Who answered: the flash tool's name, the error's family, the
	 * knowledge base's digest (16 hex digits), flashfix's version, and
	 * the account that recorded it ("" in files of earlier layouts). */
	const char *tool, *family, *kb, *flashfix, *account;
	enum wiz_outcome outcome;  /* OUT_NONE: a session in progress */
	int stage;                 /* enum wiz_stage in progress, or where
				      an abandoned session was left; else
				      -1 (abandoned ones of earlier
				      builds too) */
	unsigned long line;
	uint64_t offset, end;      /* its bytes in the file */
};

/* The knowledge base this process answers from, by its digest (as
 * kb_digest() gives it), written into every record it makes. */
void records_set_base(uint64_t digest);

/* Whether r was abandoned before an error was chosen (at the platform,
 * version or error question): its empty error id is no error chosen,
 * not "not listed" (the general steps). */
bool records_no_error_chosen(const struct record *r);

/* The login name of the account running this process, as records name
 * it ("" when unknown). */
const char *records_account(void);

/* The header line of a records file.  malloc'd. */
char *records_header(void);
/* The session as one record line, finished, or (in_progress) with the
 * question it is at.  malloc'd. */
char *records_line(const struct wizard *w, const char *host,
    bool in_progress);

/* What records_append() did. */
enum records_put {
	RECORDS_FAILED,   /* nothing written; why in *err */
	RECORDS_WRITTEN,  /* this call wrote the record */
	RECORDS_THERE,    /* the session was in the file already (another
	                   * process recorded it): nothing written */
};
/* Appends the session as one record: one locked write, then fsync.  On
 * failure returns RECORDS_FAILED and a message in *err (malloc'd); the
 * file is left as it was.  A file that is not a records file is refused.
 * A session the file holds already (looked for under the lock, in its
 * last MiB) is not written again: RECORDS_THERE, with the outcome it
 * was recorded with in *was (when was is not NULL; OUT_NONE if it
 * cannot be read). */
enum records_put records_append(const char *path, const struct wizard *w,
    const char *host, enum wiz_outcome *was, char **err);

/* Whether the records file at path already holds session id, anywhere
 * in it (read newest first, in large chunks). */
bool records_has(const char *path, const char *id);

typedef void (*record_fn)(const struct record *r, void *ctx);
/* Reads every record of path; damaged records are reported to d (as
 * warnings, with their line) and skipped.  False when the file cannot be
 * read or is not a records file. */
bool records_read(const char *path, struct diag *d, record_fn fn,
    void *ctx);

/* The answer word of a session in progress's step that has a note but
 * no answer yet (ANS_NONE when read). */
#define RECORDS_PENDING "pending"

struct rstep {
	unsigned long step;  /* 1-based place in the session's plan */
	unsigned long fix;   /* the fix's step number in the knowledge base
				(of the session's error, or of the general
				ladder); 0 in records of earlier builds */
	const char *level, *at, *note; /* note may be NULL */
	enum wiz_answer answer; /* ANS_NONE: pending, with a note */
};

struct rec {
	struct record r;
	struct rstep *steps;
	size_t nsteps;
};

struct recset {
	struct rec *v;       /* in file order: oldest first */
	size_t n, cap;
	struct arena a;
};

void recset_init(struct recset *set);
void recset_free(struct recset *set);
/* Adds the records of path (damaged ones reported to d and skipped).  A
 * missing file adds nothing; false when the file cannot be read. */
bool recset_load(struct recset *set, const char *path, struct diag *d);
/* The same for the records whose bytes lie in [from, to) of path (record
 * offsets from an earlier read): a long file read back to front in small
 * spans, newest first, without keeping it. */
bool records_read_span(const char *path, struct diag *d, uint64_t from,
    uint64_t to, record_fn fn, void *ctx);

/* Each record of path with its steps, in file order, without keeping
 * them: r lives during the call only, so memory does not grow with the
 * file.  A missing file has none; false when it cannot be read. */
bool records_each(const char *path, struct diag *d,
    void (*fn)(const struct rec *r, void *ctx), void *ctx);
/* The last record of session id in path (the last of all when id is
 * NULL) into out, which holds it alone (or nothing); streaming.  False
 * when the file cannot be read. */
bool records_find(const char *path, struct diag *d, const char *id,
    struct recset *out);
/* Whose records: this account on this host (for report --last). */
struct records_who {
	const char *account, *engineer, *host;
};
/* Whether r was recorded by who: on who's host, by who's account (or,
 * in a record of an earlier layout that names no account, under who's
 * engineer name). */
bool records_by(const struct record *r, const struct records_who *who);
/* The last record of path that who recorded, into out (as
 * records_find()). */
bool records_find_last(const char *path, struct diag *d,
    const struct records_who *who, struct recset *out);
/* records_each() over the records in [from, to) of path. */
bool records_each_span(const char *path, struct diag *d, uint64_t from,
    uint64_t to, void (*fn)(const struct rec *r, void *ctx), void *ctx);
/* A recorded time s in ISO 8601's extended form: one of an earlier build
 * ("+0800") with its offset as "+08:00", into out (RECORDS_TIME_MAX
 * bytes); any other text as it is.  Returns out, or s. */
const char *records_time_ext(const char *s, char *out);
/* The decisive line of a record's log column (the text of its "> N: "
 * line), malloc'd; NULL when there is none. */
char *records_log_line(const char *log);
/* The error whose fix a step was: the session's error; NULL for the
 * general ladder (an error not listed) or when the record does not say
 * (an earlier build: s->fix is 0). */
const char *records_fix_error(const struct rec *r, const struct rstep *s);

/* r as one JSON object on fp, its steps nested: the fields that history
 * --json and the export write (flashfix(1), flashfix(5)).  An empty
 * error id or step time is null; with empty_null, every empty text. */
void records_json(FILE *fp, const struct rec *r, bool empty_null);
/* One step's fields, without braces. */
void records_json_step(FILE *fp, const struct rec *r, const struct rstep *s,
    bool empty_null);

/* Session w as the record records_append() writes of it (finished),
 * read back from memory as a reader of the file would, into out: the
 * report at the end of a session is made of what was just recorded,
 * without reading the file again.  False when it cannot be made. */
bool records_of_session(const struct wizard *w, const char *host,
    struct recset *out);

/* A copy of r kept in set (its texts in set's arena). */
void recset_add(struct recset *set, const struct rec *r);

/* The record with that id, or NULL. */
const struct rec *recset_find(const struct recset *set, const char *id);

/* A time as the records write it, in the local time with its offset in
 * ISO 8601's extended form, "2026-11-24T10:42:13+08:00"; "" for 0.  out
 * holds RECORDS_TIME_MAX bytes at least. */
#define RECORDS_TIME_MAX 32
void records_time_str(char *out, size_t n, time_t t);
/* Parses "2026-11-24T10:42:13+08:00" (also +0800, as earlier builds
 * wrote, and Z); (time_t)-1 when it is not one. */
time_t records_time(const char *s);
/* The month (UTC) of the time s, as "2026-11", into out; false ("")
 * when s is not a time. */
bool records_month(const char *s, char out[8]);

#endif
