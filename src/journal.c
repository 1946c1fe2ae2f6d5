/* journal.c: the state directory and the append-only records file. */
#include <config.h>

#include "journal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csv.h>

#include "i18n.h"
#include "output.h"
#include "text.h"
#include "util.h"

static const char *const record_cols[] = {
	"id", "started", "finished", "engineer", "host", "model", "serial",
	"platform", "tool_version", "query", "error_id", "outcome",
	"fixed_at_step", "steps",
};
#define NCOLS (sizeof record_cols / sizeof *record_cols)

char *
journal_state_dir(const char *dir)
{
	const char *x = getenv("XDG_STATE_HOME"), *home = getenv("HOME");

	if (dir && *dir)
		return xstrdup(dir);
	if (x && *x == '/')
		return xasprintf("%s/flashfix", x);
	return xasprintf("%s/.local/state/flashfix", home && *home ? home :
	    ".");
}

bool
journal_make_dir(const char *dir)
{
	char *p = xstrdup(dir);
	bool ok = true;

	for (char *s = p + 1; ok; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;
		*s = '\0';
		if (mkdir(p, 0700) != 0 && errno != EEXIST)
			ok = false;
		*s = c;
		if (!c)
			break;
	}
	if (ok) {
		struct stat st;
		if (stat(dir, &st) != 0)
			ok = false;
		else if (!S_ISDIR(st.st_mode)) {
			errno = ENOTDIR;
			ok = false;
		}
	}
	free(p);
	return ok;
}

char *
journal_records_path(const char *state_dir, const char *records)
{
	if (records && *records)
		return xstrdup(records);
	return xasprintf("%s/records.csv", state_dir);
}

static void
time_str(char *out, size_t n, time_t t)
{
	struct tm tm;

	if (!t || !localtime_r(&t, &tm) ||
	    strftime(out, n, "%Y-%m-%dT%H:%M:%S%z", &tm) == 0)
		out[0] = '\0';
}

/* Whether the file open on fd starts with the records header, so that a
 * wrong --records never gets a record appended to it. */
static bool
looks_like_records(int fd, const char *path, char **err)
{
	char *head = journal_header();
	size_t n = strlen(head);
	char *got = xmalloc(n);
	ssize_t k = pread(fd, got, n, 0);
	bool ok = k == (ssize_t)n && memcmp(got, head, n) == 0;

	if (!ok)
		*err = xasprintf(_("%s is not a flashfix records file (its first "
		    "line is not the records header); nothing was written to "
		    "it. Choose another with --records."), path);
	free(head);
	free(got);
	return ok;
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

char *
journal_header(void)
{
	struct buf h;

	buf_init(&h);
	for (size_t i = 0; i < NCOLS; i++)
		buf_printf(&h, "%s%s", i ? "," : "", record_cols[i]);
	buf_addc(&h, '\n');
	return buf_take(&h);
}

char *
journal_record(const struct wizard *w, const char *host, const char *outcome)
{
	struct buf b;
	char started[40], finished[40], num[24];
	char *steps = steps_str(w);

	time_str(started, sizeof started, w->started);
	time_str(finished, sizeof finished, w->finished ? w->finished :
	    time(NULL));
	buf_init(&b);
	csv_field(&b, w->id, true);
	csv_field(&b, started, false);
	csv_field(&b, outcome ? "" : finished, false);
	csv_field(&b, w->engineer, false);
	csv_field(&b, host, false);
	csv_field(&b, w->model, false);
	csv_field(&b, w->serial, false);
	csv_field(&b, w->platform ? kb_platform_key(w->platform) : "", false);
	csv_field(&b, w->version_text, false);
	csv_field(&b, w->query, false);
	csv_field(&b, w->error ? w->error->id : "", false);
	csv_field(&b, outcome ? outcome : wizard_outcome_key(w->outcome), false);
	snprintf(num, sizeof num, "%zu", w->fixed_at);
	csv_field(&b, w->fixed_at ? num : "", false);
	csv_field(&b, steps, false);
	buf_addc(&b, '\n');
	free(steps);
	return buf_take(&b);
}

bool
journal_append(const char *path, const struct wizard *w, const char *host,
    char **err)
{
	struct buf b;
	struct stat st;
	off_t before;
	int fd;
	char *rec = journal_record(w, host, NULL);

	*err = NULL;
	buf_init(&b);
	buf_adds(&b, rec);
	free(rec);

	fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW,
	    0600);
	if (fd < 0) {
		*err = xasprintf(_("cannot open %s: %s"), path,
		    strerror(errno));
		buf_free(&b);
		return false;
	}
	if (flock(fd, LOCK_EX) != 0 || fstat(fd, &st) != 0) {
		*err = xasprintf(_("cannot lock %s: %s"), path,
		    strerror(errno));
		goto fail;
	}
	before = st.st_size;
	if (st.st_size == 0) {
		/* A new file: the header first, in the same write. */
		struct buf h;
		char *head = journal_header();
		buf_init(&h);
		buf_adds(&h, head);
		buf_add(&h, b.s, b.len);
		free(head);
		buf_free(&b);
		b = h;
	} else if (!looks_like_records(fd, path, err)) {
		goto fail;
	}
	if (!write_full(fd, b.s, b.len) || fsync(fd) != 0) {
		*err = xasprintf(_("cannot write %s: %s"), path,
		    strerror(errno ? errno : EIO));
		/* Take back a partial record: the file stays whole. */
		if (ftruncate(fd, before) != 0) {
			/* Nothing more to do: the message says it failed. */
		}
		goto fail;
	}
	if (close(fd) != 0) {
		*err = xasprintf(_("cannot write %s: %s"), path,
		    strerror(errno));
		buf_free(&b);
		return false;
	}
	buf_free(&b);
	return true;
fail:
	close(fd);
	buf_free(&b);
	return false;
}

/* Reading: records are split by hand, so that a damaged one (cut short
 * by a crash, edited by hand) is reported and skipped, and never stops
 * the reader.  A record is the lines from one that starts a field to the
 * one that closes every quote; each record is then parsed on its own. */

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
			if (strcmp(rc->v[c], record_cols[i]) == 0)
				rc->map[i] = (int)c;
	rc->ncols = rc->nv;
	return rc->map[0] >= 0 && rc->map[11] >= 0;
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
	else {
		const char *f[NCOLS];
		for (size_t i = 0; i < NCOLS; i++)
			f[i] = rc->map[i] >= 0 ? rc->v[rc->map[i]] : "";
		if (!*f[0])
			damaged(rc, line, _("no id"));
		else {
			struct record rec = {
				f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7],
				f[8], f[9], f[10], f[11], f[12], f[13], line,
			};
			rc->fn(&rec, rc->ctx);
		}
	}
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
journal_read(const char *path, struct diag *d, record_fn fn, void *ctx)
{
	struct readctx rc = { .path = path, .d = d, .fn = fn, .ctx = ctx };
	struct buf rec;
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	unsigned long lineno = 0, start = 0;
	bool open_quote = false, ok = true;
	FILE *fp = fopen(path, "re");

	if (!fp) {
		diag_add(d, DIAG_ERROR, path, 0, 0, _("cannot open: %s"),
		    strerror(errno));
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
