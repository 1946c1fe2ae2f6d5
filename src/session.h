/* session.h: the session in progress, saved after every answer (to a
 * temporary file, fsync'd, renamed over the last one) so that a dropped
 * connection or a killed process loses nothing, and offered again at the
 * next start.  Layer: sessions (above records). */
#ifndef FLASHFIX_SESSION_H
#define FLASHFIX_SESSION_H

#include <stdbool.h>

#include "output.h"
#include "records.h"
#include "wizard.h"

/* Saves w as it stands; false with a message in *err (malloc'd). */
bool session_save(const char *state, const struct wizard *w,
    const char *host, char **err);
/* Removes the saved copy of w (it is recorded), and its lock file. */
void session_remove(const char *state, const char *id);

/* Takes the lock of session id (STATE/sessions/.ID.lock, holding the
 * process and host) for as long as the returned descriptor is open, so
 * that two flashfix processes (a frozen SSH link, then a reconnect) never
 * take up one session.  -1 when another process holds it, with
 * "pid N on HOST" in *who (malloc'd), or when it cannot be made (*who
 * NULL: then nothing can be locked, and nothing is refused). */
int session_lock(const char *state, const char *id, const char *host,
    char **who);
/* Removes what processes killed on this host left in state: lock files
 * no one holds, of a process that is gone, and temporary files of one,
 * older than an hour.  Run at every start of the wizard. */
void session_clean(const char *state, const char *host);
/* Gives the lock up, and removes its file. */
void session_unlock(const char *state, const char *id, int fd);

/* Adds the saved sessions of engineer (all when NULL) to set, oldest
 * first by when each was last saved; damaged files, and files that are
 * not this user's own (another account's, or writable by others), are
 * reported to d and left out. */
void session_list(const char *state, const char *engineer,
    struct recset *set, struct diag *d);

/* How much of a saved session the knowledge base still fits. */
enum restore {
	RESTORE_NONE,     /* none of it */
	RESTORE_WHOLE,
	RESTORE_STEPS,    /* all up to a step that changed, asked again */
	RESTORE_ERROR,    /* its error is gone: the error is asked again */
	RESTORE_VERSION,  /* its version no longer reads: asked again */
};

/* Rebuilds w (initialised over the knowledge base) from a saved session
 * r: the same id, answers, notes and times, at the same question, as far
 * as the knowledge base (updated since, perhaps) still fits it; with RESTORE_STEPS, *step (when step is
 * not NULL) is the first step asked again, 1-based. */
enum restore session_restore(struct wizard *w, const struct rec *r,
    size_t *step);

/* Rebuilds w from a finished record, for a report: the plan with its
 * fixes, the answers and their times.  False when the knowledge base no
 * longer fits it. */
bool session_replay(struct wizard *w, const struct rec *r);

/* One line that tells a saved session apart ("WCSM code：4009, step 2 of
 * 3, started 10:42"), in the interface language, the error's message in
 * the knowledge base's lang.  malloc'd. */
char *session_describe(const struct wizard *w, const struct rec *r,
    enum lang lang);

/* The unfinished sessions offered at start, and what became of them. */
struct offer {
	struct recset set;   /* oldest first */
	char **desc;         /* session_describe of each */
	bool *abandon;       /* to be recorded as abandoned (its lock
	                      * held in held[], until it is) */
	int *held;           /* the lock of each to be abandoned, or -1 */
	bool *ended;         /* ended in another flashfix since it was
	                      * listed: no longer offered */
	size_t n;
	long resumed;        /* the one taken up, or -1 */
	bool settled;        /* nothing is to be asked of them */
	char **busy;         /* "pid N on HOST" of one open elsewhere */
	const char *state, *host, *records;
	int lockfd;          /* the lock of the one taken up, or -1 */
	char *why;           /* why the last offer_resume() failed */
	char *changed;       /* what a knowledge-base update changed for
	                      * the one taken up, or NULL */
};

/* Lists the sessions of engineer; one already in the records file
 * (recorded, then cut off before its saved copy went) is removed, never
 * offered.  One that the knowledge base no longer fits whole (it was
 * updated) is offered with what changed: taken up, what no longer fits
 * is asked again. */
void offer_init(struct offer *of, const char *state, const char *engineer,
    const struct kb *kb, const char *records, const char *host,
    enum lang lang, struct diag *d);
/* The session whose id is id (NULL: the newest, saved last); -1 when
 * none is. */
long offer_find(const struct offer *of, const char *id);
void offer_free(struct offer *of);
/* Takes up session i in w, with its lock, as its file holds it now;
 * false (why in of->why) if it is open in another flashfix, was ended
 * there since it was listed, or cannot be rebuilt. */
bool offer_resume(struct offer *of, size_t i, struct wizard *w);
/* Marks session i to be recorded as abandoned, taking its lock, held
 * until offer_free(): false (why in of->why) if it is open in another
 * flashfix (which alone may end it) or was ended there meanwhile. */
bool offer_abandon(struct offer *of, size_t i);

#endif
