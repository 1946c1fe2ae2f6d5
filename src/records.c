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
#include "util.h"

/* The columns, in the order written.  The texts of struct record are
 * found by offset; outcome and stage are texts in the file and parsed
 * into struct record's enumerations. */
enum { COL_OUTCOME = 11, COL_STAGE = 14, NCOLS = 16 };
#define TEXT(f) offsetof(struct record, f)
#define PARSED ((size_t)-1)
static const struct column {
	const char *name;
	size_t off;  /* of the text in struct record, or PARSED */
} cols[NCOLS] = {
	{ "id", TEXT(id) }, { "started", TEXT(started) },
	{ "finished", TEXT(finished) }, { "engineer", TEXT(engineer) },
	{ "host", TEXT(host) }, { "model", TEXT(model) },
	{ "serial", TEXT(serial) }, { "platform", TEXT(platform) },
	{ "tool_version", TEXT(tool_version) }, { "query", TEXT(query) },
	{ "error_id", TEXT(error_id) }, { "outcome", PARSED },
	{ "fixed_at_step", TEXT(fixed_at_step) }, { "steps", TEXT(steps) },
	{ "stage", PARSED }, { "log", TEXT(log) },
};
/* Files written before the later columns were added hold the first 14
 * (before stage) or 15 (before log); a record appended to one of them is
 * written in its columns. */
#define NCOLS_V1 14

static const char **
text_of(struct record *r, size_t col)
{
	return (const char **)(void *)((char *)r + cols[col].off);
}

/* ---- writing ---- */

static char *
header_of(size_t ncols)
{
	struct buf h;

	buf_init(&h);
	for (size_t i = 0; i < ncols; i++)
		buf_printf(&h, "%s%s", i ? "," : "", cols[i].name);
	buf_addc(&h, '\n');
	return buf_take(&h);
}

char *
records_header(void)
{
	return header_of(NCOLS);
}

static void
time_str(char *out, size_t n, time_t t)
{
	struct tm tm;

	if (!t || !localtime_r(&t, &tm) ||
	    strftime(out, n, "%Y-%m-%dT%H:%M:%S%z", &tm) == 0)
		out[0] = '\0';
}

/* The steps column: one line per answered step, "N level answer TIME"
 * and ": note" when there is one. */
static char *
steps_str(const struct wizard *w)
{
	struct buf steps;

	buf_init(&steps);
	buf_add(&steps, "", 0);
	for (size_t i = 0; i < w->nsteps; i++) {
		const struct wiz_step *s = &w->steps[i];
		char at[40];
		if (s->answer == ANS_NONE)
			continue;
		if (steps.len)
			buf_addc(&steps, '\n');
		time_str(at, sizeof at, s->at);
		buf_printf(&steps, "%zu %s %s %s", i + 1,
		    kb_level_key(s->fix->level), wizard_answer_key(s->answer),
		    *at ? at : "-");
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
	char *steps = steps_str(w);

	time_str(started, sizeof started, w->started);
	time_str(finished, sizeof finished, w->finished ? w->finished :
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
	};
	buf_init(&b);
	for (size_t i = 0; i < ncols; i++) {
		const char *v;
		if (i == COL_OUTCOME)
			v = in_progress ? "" : wizard_outcome_key(w->outcome);
		else if (i == COL_STAGE)
			v = in_progress ? wizard_stage_key(w->stage) : "";
		else
			v = *text_of(&r, i);
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
		    "it. Choose another with --records."), path);
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
static int
open_records(const char *path, int flags, char **err)
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

/* Whether the record of session id is already in the records file open
 * on fd (size bytes): looked for at the start of a line in its last MiB,
 * where a session that was recorded and then cut off before its saved
 * copy went would be. */
static bool
already_recorded(int fd, off_t size, const char *id)
{
	size_t n = size > 1048576 ? 1048576 : (size_t)size;
	char *tail = xmalloc(n + 1), *needle = xasprintf("\n\"%s\",", id);
	ssize_t k = pread(fd, tail, n, size - (off_t)n);
	bool found = false;

	if (k > 0) {
		tail[k] = '\0';
		found = memmem(tail, (size_t)k, needle, strlen(needle)) != NULL;
	}
	free(tail);
	free(needle);
	return found;
}

bool
records_has(const char *path, const char *id)
{
	struct stat st;
	char *err = NULL;
	int fd = open_records(path, O_RDONLY, &err);
	bool found;

	free(err);
	if (fd < 0)
		return false;
	found = fstat(fd, &st) == 0 && already_recorded(fd, st.st_size, id);
	close(fd);
	return found;
}

bool
records_append(const char *path, const struct wizard *w, const char *host,
    char **err)
{
	struct stat st;
	char *head = NULL, *rec = NULL;
	size_t ncols;
	int fd;
	bool ok = false;

	*err = NULL;
	fd = open_records(path, O_RDWR | O_APPEND | O_CREAT, err);
	if (fd < 0)
		return false;
	if (flock(fd, LOCK_EX) != 0 || fstat(fd, &st) != 0) {
		*err = xasprintf(_("cannot lock %s: %s"), path,
		    strerror(errno));
		goto out;
	}
	/* A new file gets the header first, in the same write. */
	ncols = st.st_size == 0 ? NCOLS : file_columns(fd, path, err);
	if (!ncols)
		goto out;
	/* Recorded before, and cut off before its saved copy went: once
	 * is enough. */
	if (st.st_size > 0 && already_recorded(fd, st.st_size, w->id)) {
		ok = true;
		goto out;
	}
	rec = line_of(w, host, false, ncols);
	if (st.st_size == 0) {
		head = records_header();
		char *both = xasprintf("%s%s", head, rec);
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
	return ok;
}

/* ---- reading ----
 * Records are split by hand, so that a damaged one (cut short by a
 * crash, edited by hand) is reported and skipped, and never stops the
 * reader.  A record is the lines from one that starts a field to the one
 * that closes every quote; each record is then parsed on its own. */

struct readctx {
	const char *path;
	struct diag *d;
	record_fn fn;
	void *ctx;
	int map[NCOLS];        /* column of each record field, or -1 */
	size_t ncols;          /* columns in the header; 0: no header yet */
	char **v;              /* the fields of the record being parsed */
	size_t nv, capv;
	bool too_many;
};

static void
on_field(void *s, size_t n, void *ctx)
{
	struct readctx *rc = ctx;

	if (rc->nv >= NCOLS * 4) {
		rc->too_many = true;
		return;
	}
	rc->v = xgrow(rc->v, &rc->capv, rc->nv + 1, sizeof *rc->v);
	rc->v[rc->nv++] = xstrndup(s ? s : "", s ? n : 0);
}

static void
clear_fields(struct readctx *rc)
{
	for (size_t i = 0; i < rc->nv; i++)
		free(rc->v[i]);
	rc->nv = 0;
	rc->too_many = false;
}

static void
damaged(struct readctx *rc, unsigned long line, const char *why)
{
	diag_add(rc->d, DIAG_WARNING, rc->path, line, 1, _("damaged record "
	    "skipped (%s); the other records are read"), why);
}

/* The header: which column holds which field.  False when this is not a
 * records file. */
static bool
header(struct readctx *rc)
{
	for (size_t i = 0; i < NCOLS; i++)
		rc->map[i] = -1;
	for (size_t c = 0; c < rc->nv; c++)
		for (size_t i = 0; i < NCOLS; i++)
			if (strcmp(rc->v[c], cols[i].name) == 0)
				rc->map[i] = (int)c;
	rc->ncols = rc->nv;
	return rc->map[0] >= 0 && rc->map[COL_OUTCOME] >= 0;
}

/* The record's outcome and stage from their columns.  A session saved
 * before the stage had a column kept it in the outcome.  False (and why)
 * when the outcome is no outcome. */
static bool
parse_state(struct record *r, const char *outcome, const char *stage,
    const char **why)
{
	r->outcome = wizard_outcome_parse(outcome);
	r->stage = wizard_stage_parse(stage);
	if (r->stage < 0 && r->outcome == OUT_NONE)
		r->stage = wizard_stage_parse(outcome);
	if (r->outcome == OUT_NONE && r->stage < 0) {
		*why = _("no outcome");
		return false;
	}
	return true;
}

/* Hands a record whose fields are in rc->v to the reader's function. */
static void
deliver(struct readctx *rc, unsigned long line)
{
	struct record rec = { .line = line };
	const char *f[NCOLS], *why = NULL;

	for (size_t i = 0; i < NCOLS; i++)
		f[i] = rc->map[i] >= 0 ? rc->v[rc->map[i]] : "";
	for (size_t i = 0; i < NCOLS; i++)
		if (cols[i].off != PARSED)
			*text_of(&rec, i) = f[i];
	if (!*rec.id)
		damaged(rc, line, _("no id"));
	else if (!parse_state(&rec, f[COL_OUTCOME], f[COL_STAGE], &why))
		damaged(rc, line, why);
	else
		rc->fn(&rec, rc->ctx);
}

/* Parses one record's text; false when the file is not a records file. */
static bool
parse_one(struct readctx *rc, const char *s, size_t n, unsigned long line)
{
	struct csv_parser p;
	bool ok;

	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		xnomem();
	ok = csv_parse(&p, s, n, on_field, NULL, rc) == n &&
	    csv_fini(&p, on_field, NULL, rc) == 0;
	csv_free(&p);
	if (!rc->ncols) {
		bool is = ok && header(rc);
		clear_fields(rc);
		if (!is)
			diag_add(rc->d, DIAG_ERROR, rc->path, line, 1,
			    _("not a flashfix records file: the first line "
			    "is not the records header"));
		return is;
	}
	if (!ok)
		damaged(rc, line, _("not valid CSV"));
	else if (rc->too_many || rc->nv != rc->ncols)
		damaged(rc, line, _("wrong number of fields"));
	else
		deliver(rc, line);
	clear_fields(rc);
	return true;
}

/* Whether a line opens a record as this program writes them: a quoted
 * id, then the next field. */
static bool
starts_record(const char *s)
{
	size_t n;

	if (*s != '"')
		return false;
	n = strspn(s + 1, "0123456789abcdef-");
	return n > 0 && n < 40 && strncmp(s + 1 + n, "\",\"", 3) == 0;
}

bool
records_read(const char *path, struct diag *d, record_fn fn, void *ctx)
{
	struct readctx rc = { .path = path, .d = d, .fn = fn, .ctx = ctx };
	struct buf rec;
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	unsigned long lineno = 0, start = 0;
	bool open_quote = false, ok = true;
	char *why = NULL;
	int fd = open_records(path, O_RDONLY, &why);
	FILE *fp = fd >= 0 ? fdopen(fd, "r") : NULL;

	if (!fp) {
		diag_add(d, DIAG_ERROR, path, 0, 0, "%s", why ? why :
		    strerror(errno));
		free(why);
		if (fd >= 0)
			close(fd);
		return false;
	}
	buf_init(&rec);
	while (ok && (len = getline(&line, &cap, fp)) >= 0) {
		lineno++;
		if (rec.len && open_quote && starts_record(line)) {
			/* The record before never closed its quote: cut
			 * short.  This line starts the next one. */
			damaged(&rc, start, _("cut short"));
			buf_reset(&rec);
			open_quote = false;
		}
		if (!rec.len)
			start = lineno;
		buf_add(&rec, line, (size_t)len);
		for (ssize_t i = 0; i < len; i++)
			if (line[i] == '"')
				open_quote = !open_quote;
		if (open_quote && len > 0)
			continue;
		/* A whole record (or the last line without its end). */
		while (rec.len && (rec.s[rec.len - 1] == '\n' ||
		    rec.s[rec.len - 1] == '\r'))
			rec.s[--rec.len] = '\0';
		if (rec.len == 0 && rc.ncols) {
			buf_reset(&rec);
			continue;
		}
		if (open_quote)
			damaged(&rc, start, _("cut short"));
		else
			ok = parse_one(&rc, rec.s ? rec.s : "", rec.len, start);
		buf_reset(&rec);
		open_quote = false;
	}
	if (ok && rec.len)
		damaged(&rc, start, _("cut short"));
	if (ok && ferror(fp)) {
		diag_add(d, DIAG_ERROR, path, 0, 0, _("cannot read: %s"),
		    strerror(errno));
		ok = false;
	}
	fclose(fp);
	free(line);
	buf_free(&rec);
	clear_fields(&rc);
	free(rc.v);
	return ok;
}

/* ---- records kept in memory, with their steps ---- */

void
recset_init(struct recset *set)
{
	memset(set, 0, sizeof *set);
	arena_init(&set->a);
}

void
recset_free(struct recset *set)
{
	for (size_t i = 0; i < set->n; i++)
		free(set->v[i].steps);
	free(set->v);
	arena_free(&set->a);
	memset(set, 0, sizeof *set);
}

static const char *
keep(struct recset *set, const char *s, size_t n)
{
	return arena_strndup(&set->a, s, n);
}

/* One line of the steps column: "N level answer [TIME][: note]". */
static bool
parse_step(struct recset *set, const char *s, size_t n, struct rstep *st)
{
	const char *end = s + n, *note = NULL, *p = s;
	const char *tok[4] = { 0 };
	size_t len[4] = { 0 };
	int k = 0;
	char *e, *answer;

	for (const char *q = s; q + 1 < end; q++)
		if (q[0] == ':' && q[1] == ' ') {
			note = q + 2;
			end = q;
			break;
		}
	while (p < end && k < 4) {
		while (p < end && *p == ' ')
			p++;
		if (p == end)
			break;
		tok[k] = p;
		while (p < end && *p != ' ')
			p++;
		len[k] = (size_t)(p - tok[k]);
		k++;
	}
	if (k < 3)
		return false;
	st->step = strtoul(tok[0], &e, 10);
	if (e != tok[0] + len[0] || st->step == 0)
		return false;
	answer = xstrndup(tok[2], len[2]);
	st->answer = wizard_answer_parse(answer);
	free(answer);
	if (st->answer == ANS_NONE)
		return false;
	st->level = keep(set, tok[1], len[1]);
	st->at = k > 3 && !(len[3] == 1 && *tok[3] == '-') ?
	    keep(set, tok[3], len[3]) : "";
	st->note = note ? keep(set, note, (size_t)(s + n - note)) : NULL;
	return true;
}

static void
collect(const struct record *r, void *ctx)
{
	struct recset *set = ctx;
	struct rec *c;
	const char *s;
	size_t cap = 0;

	set->v = xgrow(set->v, &set->cap, set->n + 1, sizeof *set->v);
	c = &set->v[set->n++];
	memset(c, 0, sizeof *c);
	c->r = *r;
	for (size_t i = 0; i < NCOLS; i++)
		if (cols[i].off != PARSED) {
			const char **t = text_of(&c->r, i);
			*t = keep(set, *t, strlen(*t));
		}
	for (s = c->r.steps; *s;) {
		size_t n = strcspn(s, "\n");
		struct rstep st;
		if (parse_step(set, s, n, &st)) {
			c->steps = xgrow(c->steps, &cap, c->nsteps + 1,
			    sizeof *c->steps);
			c->steps[c->nsteps++] = st;
		}
		s += n;
		if (*s)
			s++;
	}
}

bool
recset_load(struct recset *set, const char *path, struct diag *d)
{
	if (access(path, F_OK) != 0 && errno == ENOENT)
		return true;
	return records_read(path, d, collect, set);
}

const struct rec *
recset_find(const struct recset *set, const char *id)
{
	for (size_t i = set->n; i-- > 0;)
		if (strcmp(set->v[i].r.id, id) == 0)
			return &set->v[i];
	return NULL;
}

time_t
records_time(const char *s)
{
	struct tm tm;
	const char *end;

	memset(&tm, 0, sizeof tm);
	end = strptime(s, "%Y-%m-%dT%H:%M:%S%z", &tm);
	if (!end || *end)
		return (time_t)-1;
	return timegm(&tm) - tm.tm_gmtoff;
}
