/* records.c: the records file: its columns, writing a session as one
 * record, appending it under a lock, and reading records back.
 * Layer: records. */
#include <config.h>

#include "records.h"

#include <errno.h>
#include <pwd.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csv.h>

#include "files.h"
#include "i18n.h"
#include "output.h"
#include "records_int.h"
#include "util.h"

#define TEXT(f) offsetof(struct record, f)
const struct records_column records_cols[NCOLS] = {
	{ "id", TEXT(id) }, { "started", TEXT(started) },
	{ "finished", TEXT(finished) }, { "engineer", TEXT(engineer) },
	{ "host", TEXT(host) }, { "model", TEXT(model) },
	{ "serial", TEXT(serial) }, { "platform", TEXT(platform) },
	{ "tool_version", TEXT(tool_version) }, { "query", TEXT(query) },
	{ "error_id", TEXT(error_id) }, { "outcome", RECORDS_PARSED },
	{ "fixed_at_step", TEXT(fixed_at_step) }, { "steps", TEXT(steps) },
	{ "stage", RECORDS_PARSED }, { "log", TEXT(log) },
	{ "tool", TEXT(tool) }, { "family", TEXT(family) },
	{ "kb", TEXT(kb) }, { "flashfix", TEXT(flashfix) },
	{ "account", TEXT(account) },
};

/* The base this process answers from, as 16 hex digits; "" unknown. */
static char base_digest[17];

void
records_set_base(uint64_t digest)
{
	snprintf(base_digest, sizeof base_digest, "%016llx",
	    (unsigned long long)digest);
}

const char *
records_account(void)
{
	struct passwd *pw = getpwuid(getuid());

	return pw && pw->pw_name ? pw->pw_name : "";
}

/* The name of the flash tool of w's platform and version, as tools.csv
 * names it: the release chosen, else the platform's tool ("" when the
 * platform is not known). */
static const char *
tool_name(const struct wizard *w)
{
	const char *any = "";

	if (!w->platform || !w->kb)
		return "";
	for (size_t i = 0; i < w->kb->ntools; i++) {
		const struct tool *t = &w->kb->tools[i];
		if (!(t->platform & w->platform))
			continue;
		if (w->version_text && strcmp(t->version_text,
		    w->version_text) == 0)
			return t->name;
		if (!*any)
			any = t->name;
	}
	return any;
}

/* ---- writing ---- */

static char *
header_of(size_t ncols)
{
	struct buf h;

	buf_init(&h);
	for (size_t i = 0; i < ncols; i++)
		buf_printf(&h, "%s%s", i ? "," : "", records_cols[i].name);
	buf_addc(&h, '\n');
	return buf_take(&h);
}

char *
records_header(void)
{
	return header_of(NCOLS);
}

void
records_time_str(char *out, size_t n, time_t t)
{
	struct tm tm;
	long off, h, m;
	size_t k;

	out[0] = '\0';
	if (!t || n < RECORDS_TIME_MAX || !localtime_r(&t, &tm) ||
	    (k = strftime(out, n, "%Y-%m-%dT%H:%M:%S", &tm)) == 0) {
		out[0] = '\0';
		return;
	}
	/* ISO 8601's extended offset, +08:00: the form SQLite's datetime()
	 * and PostgreSQL's timestamptz read (strftime's %z has no colon). */
	off = tm.tm_gmtoff;
	h = (off < 0 ? -off : off) / 3600;
	m = (off < 0 ? -off : off) / 60 % 60;
	snprintf(out + k, n - k, "%c%02ld:%02ld", off < 0 ? '-' : '+', h, m);
}

/* The steps column: one line per answered step, "N level answer TIME
 * FIX" and ": note" when there is one, FIX being the fix's own step
 * number in fixes.csv (or generic.csv for an error not listed): with the
 * session's error id, which fix it was, whatever the plan's order.  A
 * session in progress also keeps the note of the step being asked, as
 * "N level pending - FIX: note". */
static char *
steps_str(const struct wizard *w, bool in_progress)
{
	struct buf steps;

	buf_init(&steps);
	buf_add(&steps, "", 0);
	for (size_t i = 0; i < w->nsteps; i++) {
		const struct wiz_step *s = &w->steps[i];
		char at[40];
		bool pending = s->answer == ANS_NONE;
		if (pending && !(in_progress && i == w->cur && s->note &&
		    w->outcome == OUT_NONE))
			continue;
		if (steps.len)
			buf_addc(&steps, '\n');
		records_time_str(at, sizeof at, pending ? 0 : s->at);
		buf_printf(&steps, "%zu %s %s %s %u", i + 1,
		    kb_level_key(s->fix->level), pending ? RECORDS_PENDING :
		    wizard_answer_key(s->answer), *at ? at : "-",
		    (unsigned)s->fix->step);
		if (s->note) {
			/* One line per step: a note's line breaks become
			 * spaces. */
			char *n = xstrdup(s->note);
			for (char *p = n; *p; p++)
				if (*p == '\n' || *p == '\r')
					*p = ' ';
			buf_printf(&steps, ": %s", n);
			free(n);
		}
	}
	return buf_take(&steps);
}

/* The first ncols columns of w's record. */
static char *
line_of(const struct wizard *w, const char *host, bool in_progress,
    size_t ncols)
{
	struct record r;
	struct buf b;
	char started[40], finished[40], num[24];
	char *steps = steps_str(w, in_progress);

	records_time_str(started, sizeof started, w->started);
	records_time_str(finished, sizeof finished, w->finished ? w->finished :
	    time(NULL));
	snprintf(num, sizeof num, "%zu", w->fixed_at);
	r = (struct record){
		.id = w->id, .started = started,
		.finished = in_progress ? "" : finished,
		.engineer = w->engineer, .host = host, .model = w->model,
		.serial = w->serial,
		.platform = w->platform ? kb_platform_key(w->platform) : "",
		.tool_version = w->version_text, .query = w->query,
		.error_id = w->error ? w->error->id : "",
		.fixed_at_step = w->fixed_at ? num : "", .steps = steps,
		.log = w->log ? w->log : "",
		.tool = tool_name(w),
		.family = w->error ? kb_family_key((enum family)
		    w->error->family) : "",
		.kb = base_digest, .flashfix = PACKAGE_VERSION,
		.account = records_account(),
	};
	buf_init(&b);
	for (size_t i = 0; i < ncols; i++) {
		const char *v;
		if (i == COL_OUTCOME)
			v = in_progress ? "" : wizard_outcome_key(w->outcome);
		else if (i == COL_STAGE)
			/* In progress: the question it is at; abandoned: the
			 * one it was left at. */
			v = in_progress || w->outcome == OUT_ABANDONED ?
			    wizard_stage_key(w->stage) : "";
		else
			v = *records_text_of(&r, i);
		/* Quoting the id lets a reader find where records start. */
		csv_field(&b, v ? v : "", i == 0);
	}
	buf_addc(&b, '\n');
	free(steps);
	return buf_take(&b);
}

char *
records_line(const struct wizard *w, const char *host, bool in_progress)
{
	return line_of(w, host, in_progress, NCOLS);
}

/* How many columns the records file open on fd has: its first line is
 * this header or one of an earlier layout (its first columns).  0 (with
 * a message in *err) when it is not a records file. */
static size_t
file_columns(int fd, const char *path, char **err)
{
	char *head = records_header();
	size_t n = strlen(head), ncols = 0;
	char *got = xmalloc(n);
	ssize_t k = pread(fd, got, n, 0);

	for (size_t c = NCOLS; c >= NCOLS_V1 && !ncols; c--) {
		char *h = header_of(c);
		size_t hn = strlen(h);
		if (k >= (ssize_t)hn && memcmp(got, h, hn) == 0)
			ncols = c;
		free(h);
	}
	if (!ncols)
		*err = xasprintf(_("%s is not a flashfix records file (its first "
		    "line is not the records header); nothing was written to "
		    "it. Choose another with --records, or, if it holds "
		    "records whose header was lost, put this line back at its "
		    "top: %.*s"), path, (int)(n - 1), head);
	free(head);
	free(got);
	return ncols;
}

/* Why path cannot be opened (errno e): with its owner and mode when it
 * exists, and what to do.  malloc'd. */
static char *
open_error(const char *path, int e)
{
	struct stat st;
	struct passwd *pw;

	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode))
		return xasprintf(_("%s is a symbolic link; records are never "
		    "read or written through one (it could lead anywhere). "
		    "Give the file itself with --records."), path);
	if (e == EACCES && stat(path, &st) == 0) {
		pw = getpwuid(st.st_uid);
		return xasprintf(_("cannot open %s: %s (it belongs to %s and "
		    "its mode is %04o); a shared records file needs a group "
		    "that every engineer is in and mode 0664: see flashfix(1)"),
		    path, strerror(e), pw ? pw->pw_name : "?",
		    (unsigned)(st.st_mode & 07777));
	}
	return xasprintf(_("cannot open %s: %s"), path, strerror(e));
}

/* Opens the records file at path (flags as open(2); created with the
 * permissions the umask leaves, so that a shop's group can share it): a
 * regular file only, never through a symbolic link, never blocking on a
 * FIFO.  -1 with a message in *err. */
int
records_open(const char *path, int flags, char **err)
{
	struct stat st;
	int fd = open(path, flags | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK |
	    O_NOCTTY, 0666);

	if (fd < 0) {
		*err = open_error(path, errno);
		return -1;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		*err = xasprintf(_("%s is not a regular file (a FIFO, a device "
		    "or a directory); records go to a plain file. Choose "
		    "another with --records."), path);
		close(fd);
		return -1;
	}
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	return fd;
}

/* Where the quoted field opened at s[i] closes: the index of its closing
 * quote ("" inside is one quote), or n when it does not close in s[0..n). */
static size_t
quoted_end(const char *s, size_t i, size_t n)
{
	for (i++; i < n; i++)
		if (s[i] == '"') {
			if (i + 1 < n && s[i + 1] == '"')
				i++;
			else
				break;
		}
	return i;
}

/* The outcome of the record line at s (n bytes, from its first quote):
 * its twelfth quoted field.  OUT_NONE when it cannot be read. */
static enum wiz_outcome
outcome_of_line(const char *s, size_t n)
{
	size_t i = 0;
	char word[32];

	for (int field = 0; field < COL_OUTCOME; field++) {
		if (i >= n || s[i] != '"')
			return OUT_NONE;
		i = quoted_end(s, i, n);
		if (i + 2 >= n || s[i + 1] != ',')
			return OUT_NONE;
		i += 2;
	}
	if (i >= n || s[i] != '"')
		return OUT_NONE;
	const char *w = s + i + 1, *q = memchr(w, '"', n - i - 1);
	if (!q || (size_t)(q - w) >= sizeof word)
		return OUT_NONE;
	memcpy(word, w, (size_t)(q - w));
	word[q - w] = '\0';
	return wizard_outcome_parse(word);
}

/* Whether the record of session id is already in the records file open
 * on fd (size bytes): looked for at the start of a line in its last MiB,
 * where a session that was recorded and then cut off before its saved
 * copy went, or that another process recorded meanwhile, would be; the
 * outcome it was recorded with in *was. */
static bool
already_recorded(int fd, off_t size, const char *id, enum wiz_outcome *was)
{
	size_t n = size > 1048576 ? 1048576 : (size_t)size;
	char *tail = xmalloc(n + 1), *needle = xasprintf("\n\"%s\",", id);
	ssize_t k = pread(fd, tail, n, size - (off_t)n);
	const char *at = NULL;

	*was = OUT_NONE;
	if (k > 0) {
		tail[k] = '\0';
		at = memmem(tail, (size_t)k, needle, strlen(needle));
	}
	/* Its fields may hold line ends (the steps do): read as quoted. */
	if (at)
		*was = outcome_of_line(at + 1, (size_t)(tail + k - at - 1));
	free(tail);
	free(needle);
	return at != NULL;
}

/* Whether the record of session id is anywhere in the file open on fd:
 * read in large chunks, newest first (a session recorded and cut off
 * just before is near the end), each chunk overlapping the next by the
 * needle, so that no record of any age is missed. */
static bool
recorded_anywhere(int fd, const char *id)
{
	enum { CHUNK = 4 << 20 };
	char *needle = xasprintf("\n\"%s\",", id);
	size_t nl = strlen(needle);
	char *buf = xmalloc(CHUNK + nl);
	struct stat st;
	bool found = false;
	off_t end;

	if (fstat(fd, &st) != 0) {
		free(buf);
		free(needle);
		return false;
	}
	end = st.st_size;
	while (end > 0 && !found) {
		off_t from = end > CHUNK ? end - CHUNK : 0;
		/* The chunk and the start of the one after it. */
		size_t want = (size_t)(end - from) + (end < st.st_size ? nl - 1 : 0);
		ssize_t k = pread(fd, buf, want, from);
		if (k <= 0)
			break;
		found = memmem(buf, (size_t)k, needle, nl) != NULL;
		end = from;
	}
	free(buf);
	free(needle);
	return found;
}

bool
records_has(const char *path, const char *id)
{
	char *err = NULL;
	int fd = records_open(path, O_RDONLY, &err);
	bool found;

	free(err);
	if (fd < 0)
		return false;
	found = recorded_anywhere(fd, id);
	close(fd);
	return found;
}

/* How many quoted fields the first line of the file open on fd has,
 * when that line is a record as flashfix writes them (each field quoted,
 * the first an id): a records file that lost its header.  0 when it is
 * not one. */
static size_t
headless_columns(int fd)
{
	char buf[65536];
	ssize_t k = pread(fd, buf, sizeof buf, 0);
	size_t nf = 0, i = 0, n = k > 0 ? (size_t)k : 0;

	while (i < n && buf[i] == '"') {
		i = quoted_end(buf, i, n);
		if (i >= n)
			return 0;
		nf++;
		i++;
		if (i < n && buf[i] == '\n')
			return nf >= NCOLS_V1 && nf <= NCOLS ? nf : 0;
		if (i >= n || buf[i] != ',')
			return 0;
		i++;
	}
	return 0;
}

/* Puts the header of ncols columns back at the top of the records file
 * at path, open and locked on fd: the header and the file's bytes to a
 * temporary file, renamed over path, as flashfix(1) asks of every
 * program that rewrites the file.  A writer waiting for the lock of the
 * old file sees that the path names another and opens it again. */
static bool
put_header_back(int fd, const char *path, size_t ncols, off_t size,
    char **err)
{
	char *h = header_of(ncols);
	char *data = xmalloc(size > 0 ? (size_t)size : 1);
	ssize_t k = pread(fd, data, (size_t)size, 0);
	struct stat st;
	bool ok = k == (ssize_t)size && fstat(fd, &st) == 0;

	if (ok) {
		const struct files_part parts[] = {
			{ h, strlen(h) }, { data, (size_t)size },
		};
		ok = files_write_atomic(path, parts, 2,
		    (int)(st.st_mode & 0777), FILES_REPLACE);
	}
	if (!ok)
		*err = xasprintf(_("%s has lost its header line and could not "
		    "be repaired (%s); put this line back at its top: %s"), path,
		    strerror(errno ? errno : EIO), h);
	free(h);
	free(data);
	return ok;
}

/* Whether the records file open on fd is still the file path names
 * (dev and inode): a program that replaced it by rename under the lock
 * (a clean-up, a repair) leaves the old file to no one. */
static bool
still_named(int fd, const char *path)
{
	struct stat a, b;

	return fstat(fd, &a) == 0 && lstat(path, &b) == 0 &&
	    a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

/* Opens and locks the records file that path names, once the lock is
 * held: -1 with a message in *err. */
static int
open_locked(const char *path, char **err)
{
	for (int tries = 0; tries < 1000; tries++) {
		int fd = records_open(path, O_RDWR | O_APPEND | O_CREAT, err);
		if (fd < 0)
			return -1;
		if (flock(fd, LOCK_EX) != 0) {
			*err = xasprintf(_("cannot lock %s: %s"), path,
			    strerror(errno));
			close(fd);
			return -1;
		}
		if (still_named(fd, path))
			return fd;
		/* Replaced (or removed) while we waited: the new one. */
		close(fd);
	}
	*err = xasprintf(_("cannot lock %s: it is replaced again and "
	    "again"), path);
	return -1;
}

enum records_put
records_append(const char *path, const struct wizard *w, const char *host,
    enum wiz_outcome *was, char **err)
{
	struct stat st;
	char *head = NULL, *rec = NULL, last = '\n';
	size_t ncols = 0;
	int fd;
	bool ok = false, there = false;
	enum wiz_outcome dummy;

	*err = NULL;
	if (!was)
		was = &dummy;
	*was = OUT_NONE;
	for (int repaired = 0;; repaired++) {
		fd = open_locked(path, err);
		if (fd < 0)
			return RECORDS_FAILED;
		if (fstat(fd, &st) != 0) {
			*err = xasprintf(_("cannot read %s: %s"), path,
			    strerror(errno));
			goto out;
		}
		/* A new file gets the header first, in the same write. */
		if (st.st_size == 0) {
			ncols = NCOLS;
			break;
		}
		ncols = file_columns(fd, path, err);
		if (ncols)
			break;
		/* Records whose header line went (an unlocked truncation
		 * at the wrong moment): put it back, once. */
		size_t hc = repaired ? 0 : headless_columns(fd);
		if (!hc)
			goto out;
		free(*err);
		*err = NULL;
		if (!put_header_back(fd, path, hc, st.st_size, err))
			goto out;
		close(fd);
	}
	/* Recorded before (by a process cut off before its saved copy
	 * went, or by another one meanwhile): once is enough, and it was
	 * not this call that wrote it. */
	if (st.st_size > 0 && already_recorded(fd, st.st_size, w->id, was)) {
		ok = there = true;
		goto out;
	}
	/* A file that does not end a line (a torn record: a full disk and
	 * a kill, a power cut, an editor) gets one first, so that this
	 * record starts a line of its own and the torn one stays apart. */
	if (st.st_size > 0 && pread(fd, &last, 1, st.st_size - 1) != 1)
		last = '\n';
	rec = line_of(w, host, false, ncols);
	if (st.st_size == 0) {
		head = records_header();
		char *both = xasprintf("%s%s", head, rec);
		free(rec);
		rec = both;
	} else if (last != '\n') {
		char *both = xasprintf("\n%s", rec);
		free(rec);
		rec = both;
	}
	if (!write_full(fd, rec, strlen(rec)) || fsync(fd) != 0) {
		*err = xasprintf(_("cannot write %s: %s"), path,
		    strerror(errno ? errno : EIO));
		/* Take back a partial record: the file stays whole. */
		if (ftruncate(fd, st.st_size) != 0) {
			/* Nothing more to do: the message says it failed. */
		}
		goto out;
	}
	ok = true;
out:
	if (close(fd) != 0 && ok) {
		*err = xasprintf(_("cannot write %s: %s"), path,
		    strerror(errno));
		ok = false;
	}
	free(head);
	free(rec);
	return !ok ? RECORDS_FAILED : there ? RECORDS_THERE : RECORDS_WRITTEN;
}
