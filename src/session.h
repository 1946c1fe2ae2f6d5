/* session.h: the session in progress, saved after every answer (to a
 * temporary file, fsync'd, renamed over the last one) so that a dropped
 * connection or a killed process loses nothing, and offered again at the
 * next start.  Layer: sessions (above records). */
#ifndef FLASHFIX_SESSION_H
#define FLASHFIX_SESSION_H

#include <stdbool.h>

#include "records.h"
#include "wizard.h"

/* Saves w as it stands; false with a message in *err (malloc'd). */
bool session_save(const char *state, const struct wizard *w,
    const char *host, char **err);
/* Removes the saved copy of w (it is recorded). */
void session_remove(const char *state, const char *id);

/* Adds the saved sessions of engineer (all when NULL) to set, oldest
 * first; damaged files are reported to d. */
void session_list(const char *state, const char *engineer,
    struct recset *set, struct diag *d);

/* Rebuilds w (initialised over the knowledge base) from a saved session:
 * the same id, answers, notes and times, at the same question.  False
 * when the knowledge base no longer has its error or plan. */
bool session_restore(struct wizard *w, const struct rec *r);

/* Rebuilds w from a finished record, for a report: the plan with its
 * fixes, the answers and their times.  False when the knowledge base no
 * longer fits it. */
bool session_replay(struct wizard *w, const struct rec *r);

/* One line that tells a saved session apart ("WCSM code：4009, step 2 of
 * 3, started 10:42"), in the interface language.  malloc'd. */
char *session_describe(const struct wizard *w, const struct rec *r);

/* The unfinished sessions offered at start, and what became of them. */
struct offer {
	struct recset set;   /* oldest first */
	char **desc;         /* session_describe of each */
	bool *abandon;       /* to be recorded as abandoned */
	size_t n;
	long resumed;        /* the one taken up, or -1 */
	bool settled;        /* nothing is to be asked of them */
};

/* Lists the sessions of engineer that kb can rebuild; one already in the
 * records file (recorded, then cut off before its saved copy went) is
 * removed, never offered. */
void offer_init(struct offer *of, const char *state, const char *engineer,
    const struct kb *kb, const char *records, struct diag *d);
/* The session whose id is id (NULL: the newest); -1 when none is. */
long offer_find(const struct offer *of, const char *id);
void offer_free(struct offer *of);
/* Takes up session i in w; false if it cannot be rebuilt. */
bool offer_resume(struct offer *of, size_t i, struct wizard *w);

#endif
