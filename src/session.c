/* session.c: the session in progress, saved atomically after every
 * answer, listed and rebuilt at the next start.  Layer: sessions. */
#include <config.h>

#include "session.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "diag.h"
#include "i18n.h"
#include "files.h"
#include "paths.h"
#include "util.h"

bool
session_save(const char *state, const struct wizard *w, const char *host,
    char **err)
{
	char *dir = paths_sessions(state), *path = NULL;
	char *head = NULL, *rec = NULL;
	bool ok = false;

	*err = NULL;
	/* Checked at every save, not once: a directory swapped since the
	 * start must not receive the session. */
	if (!files_private_dir(state, "--state-dir", err))
		goto out;
	if (!files_make_dir(dir)) {
		*err = xasprintf(_("cannot create %s: %s"), dir,
		    strerror(errno));
		goto out;
	}
	path = paths_session_file(state, w->id);
	head = records_header();
	rec = records_line(w, host, true);
	const struct files_part parts[] = {
		{ head, strlen(head) }, { rec, strlen(rec) },
	};
	if (!files_write_atomic(path, parts, 2, 0600, FILES_REPLACE)) {
		*err = xasprintf(_("cannot save the session to %s: %s"), path,
		    strerror(errno));
		goto out;
	}
	ok = true;
out:
	free(dir);
	free(path);
	free(head);
	free(rec);
	return ok;
}

/* STATE/sessions/.ID.lock: hidden, as the temporary files are, so that
 * only sessions are listed. */
static char *
lock_path(const char *state, const char *id)
{
	return xasprintf("%s/sessions/.%s.lock", state, id);
}

void
session_remove(const char *state, const char *id)
{
	char *path = paths_session_file(state, id);
	char *lock = lock_path(state, id);

	if (unlink(path) != 0 && errno != ENOENT) {
		/* It will be offered again; nothing is lost. */
	}
	unlink(lock);
	free(lock);
	free(path);
}

/* Whether path still names the file open on fd. */
static bool
same_path(int fd, const char *path)
{
	struct stat a, b;

	return fstat(fd, &a) == 0 && lstat(path, &b) == 0 &&
	    a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

/* Temporary files older than this, of a process gone from this host,
 * were left by a kill and are removed. */
#define STALE_AGE 3600

/* Removes the lock file sessions/name if a process killed on this host
 * left it: no one holds it (the lock is the proof: no age is needed),
 * and it names this host and a process that is gone. */
static void
clean_lock(int dirfd_, const char *name, const char *host)
{
	int fd = openat(dirfd_, name, O_RDWR | O_CLOEXEC | O_NOFOLLOW |
	    O_NONBLOCK);
	char line[128], h[100] = "";
	unsigned long pid = 0;
	struct stat st;
	ssize_t k;

	if (fd < 0)
		return;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    st.st_uid == getuid() && flock(fd, LOCK_EX | LOCK_NB) == 0 &&
	    (k = pread(fd, line, sizeof line - 1, 0)) > 0) {
		line[k] = '\0';
		if (sscanf(line, "%lu %99s", &pid, h) == 2 && pid > 0 &&
		    strcmp(h, host && *host ? host : "?") == 0 &&
		    (pid_t)pid != getpid() && kill((pid_t)pid, 0) != 0 &&
		    errno == ESRCH)
			unlinkat(dirfd_, name, 0);
	}
	close(fd);
}

void
session_clean(const char *state, const char *host)
{
	char *dir = paths_sessions(state), *reports = paths_reports(state);
	DIR *dp = opendir(dir);
	struct dirent *de;

	while (dp && (de = readdir(dp)) != NULL) {
		size_t len = strlen(de->d_name);
		if (de->d_name[0] == '.' && len > 6 &&
		    strcmp(de->d_name + len - 5, ".lock") == 0)
			clean_lock(dirfd(dp), de->d_name, host);
	}
	if (dp)
		closedir(dp);
	files_clean_temps(dir, STALE_AGE);
	files_clean_temps(reports, STALE_AGE);
	files_clean_temps(state, STALE_AGE);
	free(reports);
	free(dir);
}

int
session_lock(const char *state, const char *id, const char *host,
    char **who)
{
	char *dir = paths_sessions(state);
	char *path = lock_path(state, id);
	char line[128];
	int fd = -1, tries = 0;

	*who = NULL;
	if (!files_make_dir(dir))
		goto out;
again:
	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (fd < 0)
		goto out;
	if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		ssize_t k = errno == EWOULDBLOCK ?
		    pread(fd, line, sizeof line - 1, 0) : -1;
		unsigned long pid = 0;
		char h[100] = "";
		if (k > 0) {
			line[k] = '\0';
			if (sscanf(line, "%lu %99s", &pid, h) < 1)
				pid = 0;
		}
		*who = pid ? xasprintf(_("pid %lu on %s"), pid, *h ? h : "?") :
		    xstrdup(_("another process"));
		close(fd);
		fd = -1;
		goto out;
	}
	if (!same_path(fd, path) && tries++ < 100) {
		/* Removed as stale while we opened it: the new one. */
		close(fd);
		fd = -1;
		goto again;
	}
	snprintf(line, sizeof line, "%ld %s\n", (long)getpid(),
	    host && *host ? host : "?");
	if (ftruncate(fd, 0) != 0 || pwrite(fd, line, strlen(line), 0) < 0) {
		/* The lock holds all the same; only its note is missing. */
	}
out:
	free(path);
	free(dir);
	return fd;
}

void
session_unlock(const char *state, const char *id, int fd)
{
	char *lock;

	if (fd < 0)
		return;
	lock = lock_path(state, id);
	/* Its file goes with it, whether the session is saved or not: one
	 * that opened it meanwhile finds, once it has the lock, that the
	 * path no longer names it and takes it on a new file
	 * (session_lock).  Only the holder removes it, so the path still
	 * names the file it holds. */
	if (same_path(fd, lock))
		unlink(lock);
	close(fd);
	free(lock);
}

/* A saved session's file, with when it was last saved. */
struct saved {
	char *name;
	struct timespec at;
};

/* Oldest saved first; the same time (within the clock's resolution) by
 * name. */
static int
cmp_saved(const void *a, const void *b)
{
	const struct saved *x = a, *y = b;

	if (x->at.tv_sec != y->at.tv_sec)
		return x->at.tv_sec < y->at.tv_sec ? -1 : 1;
	if (x->at.tv_nsec != y->at.tv_nsec)
		return x->at.tv_nsec < y->at.tv_nsec ? -1 : 1;
	return strcmp(x->name, y->name);
}

void
session_list(const char *state, const char *engineer, struct recset *set,
    struct diag *d)
{
	char *dir = paths_sessions(state);
	DIR *dp = opendir(dir);
	struct dirent *de;
	struct saved *names = NULL;
	size_t n = 0, cap = 0;

	if (!dp) {
		free(dir);
		return;
	}
	while ((de = readdir(dp)) != NULL) {
		size_t len = strlen(de->d_name);
		struct stat st;
		if (de->d_name[0] == '.' || len < 5 ||
		    strcmp(de->d_name + len - 4, ".csv") != 0 ||
		    fstatat(dirfd(dp), de->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0)
			continue;
		if (!S_ISREG(st.st_mode) || st.st_uid != getuid() ||
		    (st.st_mode & (S_IWGRP | S_IWOTH))) {
			/* Planted by another account (or open to one):
			 * never offered, never recorded. */
			struct passwd *pw = getpwuid(st.st_uid);
			char *path = xasprintf("%s/%s", dir, de->d_name);
			diag_add(d, DIAG_WARNING, path, 0, 0, _("not a session "
			    "of yours (it belongs to %s with mode %04o); it is "
			    "not offered"), pw ? pw->pw_name : "?",
			    (unsigned)(st.st_mode & 07777));
			free(path);
			continue;
		}
		names = xgrow(names, &cap, n + 1, sizeof *names);
		names[n].name = xstrdup(de->d_name);
		names[n++].at = st.st_mtim;
	}
	closedir(dp);
	/* By when each was last saved, not by id: ids made within one
	 * second, or after the clock went back, do not sort by time. */
	if (n)
		qsort(names, n, sizeof *names, cmp_saved);
	for (size_t i = 0; i < n; i++) {
		char *path = xasprintf("%s/%s", dir, names[i].name);
		size_t before = set->n;
		recset_load(set, path, d);
		/* Keep only this engineer's, and only sessions in progress. */
		for (size_t j = before; j < set->n;) {
			const struct record *r = &set->v[j].r;
			if ((engineer && strcmp(r->engineer, engineer) != 0) ||
			    r->outcome != OUT_NONE) {
				free(set->v[j].steps);
				set->v[j] = set->v[--set->n];
			} else {
				j++;
			}
		}
		free(path);
		free(names[i].name);
	}
	free(names);
	free(dir);
}

/* Rebuilds w from r up to stage.  Strict: all of it or RESTORE_NONE.
 * Else as far as the knowledge base still fits r: where it no longer
 * does (an error gone, a step changed) w stops at that question, and
 * the answer says what was kept; *step is then the first step asked
 * again. */
static enum restore
replay(struct wizard *w, const struct rec *r, int stage, bool strict,
    size_t *step)
{
	time_t t = records_time(r->r.started);
	/* Where the steps no longer fit: the answers from there on. */
	enum restore lost = strict ? RESTORE_NONE : RESTORE_STEPS;

	*step = 0;
	snprintf(w->id, sizeof w->id, "%s", r->r.id);
	if (t != (time_t)-1)
		w->started = t;
	wizard_details(w, r->r.engineer, r->r.model, r->r.serial);
	if (stage >= STAGE_VERSION)
		wizard_set_platform(w, kb_platform_parse(r->r.platform,
		    strlen(r->r.platform)));
	if (stage >= STAGE_SYMPTOM && !wizard_set_version(w,
	    *r->r.tool_version ? r->r.tool_version : NULL))
		return strict ? RESTORE_NONE : RESTORE_VERSION;
	if (stage >= STAGE_STEPS) {
		const struct kb_error *e = NULL;
		if (*r->r.error_id && !(e = kb_find(w->kb, r->r.error_id))) {
			if (strict)
				return RESTORE_NONE;
			/* Asked again, with what was typed. */
			free(w->query);
			w->query = xstrdup(r->r.query);
			return RESTORE_ERROR;
		}
		wizard_choose(w, e, r->r.query);
		/* None of the error's own steps applied: the general ones
		 * were tried instead (wizard_general). */
		if (e && w->nsteps == 0 && r->nsteps)
			wizard_general(w);
		if (*r->r.log)
			wizard_set_log(w, r->r.log);
		for (size_t i = 0; i < r->nsteps; i++) {
			const struct rstep *st = &r->steps[i];
			const struct wiz_step *cur = wizard_step(w);
			enum wiz_answer a = st->answer;
			if (!cur || st->step != w->cur + 1 ||
			    strcmp(kb_level_key(cur->fix->level), st->level)) {
				*step = w->cur + 1;
				return lost;
			}
			if (a == ANS_NONE) {
				/* The note of the step being asked: last. */
				if (i + 1 != r->nsteps) {
					*step = w->cur + 1;
					return lost;
				}
				wizard_note(w, st->note);
				break;
			}
			wizard_answer(w, a, st->note);
			t = records_time(st->at);
			if (t != (time_t)-1) {
				w->steps[st->step - 1].at = t;
				if (w->outcome != OUT_NONE)
					w->finished = t;
			}
		}
	}
	return RESTORE_WHOLE;
}

enum restore
session_restore(struct wizard *w, const struct rec *r, size_t *step)
{
	size_t dummy;

	return r->r.outcome == OUT_NONE && r->r.stage >= 0 ? replay(w, r, r->r.stage, false, step ? step :
	    &dummy) : RESTORE_NONE;
}

bool
session_replay(struct wizard *w, const struct rec *r)
{
	time_t t;

	size_t step;

	if (replay(w, r, *r->r.error_id || r->nsteps ? STAGE_STEPS :
	    STAGE_SYMPTOM, true, &step) != RESTORE_WHOLE)
		return false;
	if (r->r.outcome == OUT_ABANDONED)
		wizard_abandon(w);
	t = records_time(r->r.finished);
	if (t != (time_t)-1)
		w->finished = t;
	return true;
}

char *
session_describe(const struct wizard *w, const struct rec *r,
    enum lang lang)
{
	const char *what = w->error ? pick(lang, w->error->error_en,
	    w->error->error_zh) : *r->r.query ? r->r.query : NULL;
	/* "2026-11-24T10:42:13+0800": the hour and minute. */
	char hm[6] = "";
	char *where, *s;

	if (strlen(r->r.started) >= 16)
		snprintf(hm, sizeof hm, "%.5s", r->r.started + 11);
	if (w->stage == STAGE_STEPS && wizard_step(w))
		where = xasprintf(_("step %zu of %zu"), w->cur + 1, w->nsteps);
	else if (w->stage == STAGE_DETAILS)
		where = xstrdup(_("at the outcome"));
	else
		where = xstrdup(_("before the error was chosen"));
	s = xasprintf(_("%s, %s, started %s"), what ? what :
	    _("(no error yet)"), where, hm);
	free(where);
	return s;
}

/* What a knowledge-base update changed for a saved session. */
static char *
changed_note(enum restore how, size_t from, const char *error_id)
{
	char *s;

	/* Escaped where it is shown, as every description is. */
	switch (how) {
	case RESTORE_STEPS:
		s = xasprintf(_("the knowledge base has changed: its steps "
		    "from step %zu on are asked again"), from);
		break;
	case RESTORE_ERROR:
		s = xasprintf(_("the knowledge base has changed: its error "
		    "%s is no longer in it; the error is asked again"),
		    error_id);
		break;
	default:
		s = xstrdup(_("the knowledge base has changed: the tool "
		    "version is asked again"));
		break;
	}
	return s;
}

void
offer_init(struct offer *of, const char *state, const char *engineer,
    const struct kb *kb, const char *records, const char *host,
    enum lang lang, struct diag *d)
{
	memset(of, 0, sizeof *of);
	of->resumed = -1;
	of->lockfd = -1;
	of->state = state;
	of->host = host;
	of->records = records;
	recset_init(&of->set);
	if (state) {
		/* What kill -9 left here before: stale locks and
		 * temporary files. */
		session_clean(state, host);
		session_list(state, engineer, &of->set, d);
	}
	of->desc = xcalloc(of->set.n + 1, sizeof *of->desc);
	of->abandon = xcalloc(of->set.n + 1, sizeof *of->abandon);
	of->held = xcalloc(of->set.n + 1, sizeof *of->held);
	of->ended = xcalloc(of->set.n + 1, sizeof *of->ended);
	of->busy = xcalloc(of->set.n + 1, sizeof *of->busy);
	for (size_t i = 0; i <= of->set.n; i++)
		of->held[i] = -1;
	for (size_t i = 0; i < of->set.n; i++) {
		struct wizard w;
		enum restore how;
		size_t from;
		if (records && records_has(records, of->set.v[i].r.id)) {
			/* Recorded already: only its saved copy was left. */
			session_remove(state, of->set.v[i].r.id);
			free(of->set.v[i].steps);
			continue;
		}
		wizard_init(&w, kb);
		how = session_restore(&w, &of->set.v[i], &from);
		if (how != RESTORE_NONE) {
			/* Kept in the order found; the newest is last.  One
			 * open in another flashfix says so. */
			char *who = NULL, *d0;
			int fd = session_lock(state, of->set.v[i].r.id, host,
			    &who);
			session_unlock(state, of->set.v[i].r.id, fd);
			of->set.v[of->n] = of->set.v[i];
			d0 = session_describe(&w, &of->set.v[i], lang);
			if (how != RESTORE_WHOLE) {
				char *c = changed_note(how, from,
				    of->set.v[i].r.error_id);
				char *both = xasprintf("%s (%s)", d0, c);
				free(d0);
				free(c);
				d0 = both;
			}
			if (who) {
				of->desc[of->n] = xasprintf(_("%s (open in "
				    "another flashfix: %s)"), d0, who);
				free(d0);
			} else {
				of->desc[of->n] = d0;
			}
			of->busy[of->n++] = who;
		} else {
			diag_add(d, DIAG_WARNING, of->set.v[i].r.id, 0, 0,
			    _("this unfinished session no longer fits the "
			    "knowledge base; it is left as it is"));
			free(of->set.v[i].steps);
		}
		wizard_free(&w);
	}
	of->set.n = of->n;
}

void
offer_free(struct offer *of)
{
	for (size_t i = 0; i < of->n; i++) {
		free(of->desc[i]);
		free(of->busy[i]);
		session_unlock(of->state, of->set.v[i].r.id, of->held[i]);
	}
	free(of->desc);
	free(of->abandon);
	free(of->held);
	free(of->ended);
	free(of->busy);
	free(of->why);
	free(of->changed);
	if (of->resumed >= 0)
		session_unlock(of->state, of->set.v[of->resumed].r.id,
		    of->lockfd);
	recset_free(&of->set);
}

/* Session i read again from its file, under its lock: another flashfix
 * may have saved more answers since it was listed, or ended it.  False
 * (why in of->why) when it is no longer an unfinished session here. */
static bool
reload(struct offer *of, size_t i)
{
	const char *id = of->set.v[i].r.id;
	char *path = paths_session_file(of->state, id);
	size_t before = of->set.n;
	struct stat st;
	struct diag d;
	bool ok = false;

	diag_init(&d);
	if (lstat(path, &st) == 0 && S_ISREG(st.st_mode) &&
	    st.st_uid == getuid() && !(st.st_mode & (S_IWGRP | S_IWOTH)) &&
	    !(of->records && records_has(of->records, id)))
		recset_load(&of->set, path, &d);
	for (size_t j = before; j < of->set.n; j++) {
		struct rec *r = &of->set.v[j];
		if (!ok && strcmp(r->r.id, id) == 0 && r->r.stage >= 0 &&
		    strcmp(r->r.engineer, of->set.v[i].r.engineer) == 0) {
			free(of->set.v[i].steps);
			of->set.v[i] = *r;
			ok = true;
		} else {
			free(r->steps);
		}
	}
	of->set.n = before;
	if (!ok) {
		of->ended[i] = true;
		of->why = xstrdup(_("this session was ended in another "
		    "flashfix since it was offered (recorded there, or "
		    "abandoned); it is no longer offered"));
	}
	diag_free(&d);
	free(path);
	return ok;
}

enum take { TAKEN, BUSY, ENDED };

/* Takes the lock of session i (in *fd) and reads it again: BUSY or
 * ENDED (why in of->why) when it is open elsewhere or was ended there.
 * When no lock can be made here, *fd is -1 and nothing is refused. */
static enum take
take(struct offer *of, size_t i, int *fd)
{
	char *who = NULL;

	free(of->why);
	of->why = NULL;
	*fd = session_lock(of->state, of->set.v[i].r.id, of->host, &who);
	if (*fd < 0 && who) {
		/* Who has it now, seen when it was listed or not. */
		free(of->busy[i]);
		of->busy[i] = xstrdup(who);
		of->why = xasprintf(_("this session is open in another "
		    "flashfix (%s); finish it there, or end that one first"),
		    who);
		free(who);
		return BUSY;
	}
	if (!reload(of, i)) {
		session_unlock(of->state, of->set.v[i].r.id, *fd);
		*fd = -1;
		return ENDED;
	}
	return TAKEN;
}

bool
offer_resume(struct offer *of, size_t i, struct wizard *w)
{
	int fd;
	enum restore how;
	size_t from;

	if (i >= of->n || of->ended[i] || of->abandon[i])
		return false;
	if (take(of, i, &fd) != TAKEN)
		return false;
	how = session_restore(w, &of->set.v[i], &from);
	if (how == RESTORE_NONE) {
		session_unlock(of->state, of->set.v[i].r.id, fd);
		of->why = xstrdup(_("this session cannot be taken up again"));
		return false;
	}
	of->resumed = (long)i;
	of->lockfd = fd;
	free(of->changed);
	of->changed = how == RESTORE_WHOLE ? NULL : changed_note(how, from,
	    of->set.v[i].r.error_id);
	return true;
}

bool
offer_abandon(struct offer *of, size_t i)
{
	int fd;

	if (i >= of->n || of->ended[i])
		return false;
	if (of->abandon[i])
		return true;
	switch (take(of, i, &fd)) {
	case BUSY:
		/* Only the flashfix that has it may end it. */
		free(of->why);
		of->why = xasprintf(_("This session is open in another "
		    "flashfix (%s): it cannot be abandoned from here."),
		    of->busy[i]);
		return false;
	case ENDED:
		return false;
	case TAKEN:
		break;
	}
	of->abandon[i] = true;
	of->held[i] = fd;
	return true;
}

long
offer_find(const struct offer *of, const char *id)
{
	if (!id)
		return of->n ? (long)of->n - 1 : -1;
	for (size_t i = 0; i < of->n; i++)
		if (strcmp(of->set.v[i].r.id, id) == 0)
			return (long)i;
	return -1;
}
