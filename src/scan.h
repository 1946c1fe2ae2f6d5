/* scan.h: the decisive error in a whole log: every line that may report a
 * failure is asked of the knowledge base; success, progress and debug
 * lines never are.  The decisive error is the first of the last run of
 * errors, the run that no success line followed: the stage that failed,
 * not a later consequence, nor an earlier error the tool got past.
 * Streaming: memory does not grow with the log.
 * Layer: scan (above the store). */
#ifndef FLASHFIX_SCAN_H
#define FLASHFIX_SCAN_H

#include <stdbool.h>
#include <stddef.h>

#include "match.h"
#include "scan_cache.h"
#include "util.h"

/* Lines kept on each side of a finding, and the bytes of each kept. */
#define SCAN_CONTEXT 2
/* A line of the ring copied into it (struct scan's ringgen). */
#define SCAN_OWNED ((unsigned long)-1)
#define SCAN_KEEP 512
/* At most this many distinct findings are kept (the rest are counted). */
#define SCAN_MAX 64

struct scan_line {
	unsigned long line;
	char *text;               /* cleaned, at most SCAN_KEEP bytes; until
				     scan_settle(), when raw, len bytes as
				     read */
	size_t len;
	bool raw;
};

struct scan_finding {
	struct match_result res;  /* the entry (NULL err: another tool's) */
	const char *other;        /* another tool's error: its name */
	bool stopped;             /* no error line: the log stops at a stage
				     that hangs when it fails */
	bool ambiguous;           /* a bare number of several code systems */
	const char *file;
	unsigned long line;
	char *text;               /* the line, at most SCAN_KEEP bytes */
	struct scan_line before[SCAN_CONTEXT], after[SCAN_CONTEXT];
	size_t nbefore, nafter;
	unsigned long count;      /* lines naming the same error in its run */
	unsigned long run;        /* which run of errors it belongs to */
	bool retry;               /* its line says the tool tries again */
};

struct scan {
	struct match_index *ix;
	unsigned platform;        /* asked for (0: any) */
	unsigned votes[2];        /* lines framed by MTK's, Qualcomm's tools */
	unsigned long framed;     /* lines of this log looked at for it */
	const char *last_file;    /* the log being read */
	struct scan_finding *f;
	size_t n, cap;
	unsigned long dropped;    /* findings past SCAN_MAX */
	unsigned long run;        /* the current run of errors */
	bool run_has_errors;
	bool in_trace;            /* in a Python traceback's frames */
	/* the last lines, for the context before a finding: where the
	 * caller keeps them (see scan_borrow), or copied into ring */
	const char *ringp[SCAN_CONTEXT];
	unsigned long ringgen[SCAN_CONTEXT]; /* *gen then; SCAN_OWNED: in
	                              * ring */
	char ring[SCAN_CONTEXT][SCAN_KEEP + 1];
	unsigned long ringline[SCAN_CONTEXT];
	size_t ringlen[SCAN_CONTEXT];
	const unsigned long *gen;  /* see scan_borrow(), or NULL */
	int ringmod[SCAN_CONTEXT];   /* its module's stage (enum family,
	                              * FAM_COUNT none), -2 not yet read */
	int ringstage[SCAN_CONTEXT]; /* its stop stage (scan_stop.h), -1
	                              * none, -2 not
	                              * yet read */
	size_t ringn, ringat;
	long waiting;             /* the finding whose after-context grows */
	unsigned long lines, asked; /* lines read, and judged (not cached) */
	struct buf text;          /* the line being looked at, decoded */
	struct scan_cache cache;  /* what lines already judged were */
	struct scan_glance glance; /* what the last lines looked like */
	bool timed;               /* for a benchmark: judge_ns is kept */
	unsigned long long judge_ns; /* the time spent judging lines */
};

void scan_init(struct scan *s, struct match_index *ix, unsigned platform);
/* Makes text of the lines around finding f, kept as read while the log
 * was scanned (a long log makes and drops thousands of findings): call
 * it before reading them. */
void scan_settle(struct scan_finding *f);
void scan_free(struct scan *s);
/* The lines given to scan_line() from now on stay where they are until
 * *gen has grown by two (struct logread's gen), and are not copied as
 * they come: only the two last ones are, when *gen has grown by one.
 * With NULL (as after scan_init()), each line is copied. */
void scan_borrow(struct scan *s, const unsigned long *gen);
/* One line of file (its number, its bytes as read: logread_decode()
 * makes text of them when they need a closer look); returns the index of
 * a new finding it made, or -1. */
long scan_line(struct scan *s, const char *file, unsigned long line,
    const char *text, size_t n);
/* The platform the log's own lines name (its tools' frames), when it is
 * clear, or what was asked for; 0: not known. */
unsigned scan_platform(const struct scan *s);
/* Ends a file: a log that stops at a stage that hangs when it fails
 * (edl uploading its loader) gets that stage's family as its finding;
 * the next file's lines are not the context of this one's. */
void scan_end_file(struct scan *s);
/* Forgets the findings from index from on (a log that turned out not to
 * be text). */
void scan_forget(struct scan *s, size_t from);
/* The index of the decisive finding, or -1 when there is none. */
long scan_decisive(const struct scan *s);

/* How far a scan of a large log has come, for a terminal: the bytes
 * read, of total when known (0: not known, as for a pipe), the share
 * read, and the errors found so far.  malloc'd. */
char *scan_progress(unsigned long long bytes, unsigned long long total,
    unsigned long errors);

/* The same for n bytes of pasted text, its lines as a log's. */
bool scan_log_text(struct match_index *ix, unsigned platform,
    const char *text, size_t n, const struct kb_error **err,
    char **evidence);

/* The path that text names when it names a regular file (what a terminal
 * gives for a file dropped on it: quoted, or a file:// URL, percent-
 * decoded; ~/ as $HOME), malloc'd; NULL when it names none. */
char *scan_log_path(const char *text);
/* The path text is written as (from /, ~/, ./ or ../, quoted, with "\ "
 * for a space, or a file:// URL), whether or not there is a file there,
 * so that one that is not can be said to be missing; malloc'd, or NULL
 * for text that is words. */
char *scan_written_path(const char *text);

/* Reads the log at path (a regular file) and finds its decisive error:
 * true with it in *err and, in *evidence (malloc'd), the log's name, size
 * and digest, then the decisive line and the lines around it, numbered.
 * False with why in *why (malloc'd): the file cannot be read, or holds no
 * known error. */
bool scan_log_file(struct match_index *ix, unsigned platform,
    const char *path, const struct kb_error **err, char **evidence,
    char **why);

#endif
