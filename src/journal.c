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

#include "csvfile.h"
#include "i18n.h"
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

/* Adds a CSV field: quoted, quotes doubled, control characters escaped
 * so that nothing raw reaches a spreadsheet or a terminal. */
static void
field(struct buf *b, const char *s, bool first)
{
	char *e = text_escape(s ? s : "", strlen(s ? s : ""), TEXT_KEEP_NL);

	if (!first)
		buf_addc(b, ',');
	buf_addc(b, '"');
	for (const char *p = e; *p; p++) {
		if (*p == '"')
			buf_addc(b, '"');
		buf_addc(b, *p);
	}
	buf_addc(b, '"');
	free(e);
}

static void
time_str(char *out, size_t n, time_t t)
{
	struct tm tm;

	if (!t || !localtime_r(&t, &tm) ||
	    strftime(out, n, "%Y-%m-%dT%H:%M:%S%z", &tm) == 0)
		out[0] = '\0';
}

/* Writes all of s, retrying after interruptions and short writes. */
static bool
write_all(int fd, const char *s, size_t n)
{
	while (n) {
		ssize_t k = write(fd, s, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return false;
		s += k;
		n -= (size_t)k;
	}
	return true;
}

bool
journal_append(const char *path, const struct wizard *w, const char *host,
    char **idp, char **err)
{
	struct buf b, steps;
	char started[40], finished[40], id[40], num[24];
	struct stat st;
	off_t before;
	int fd;

	*err = NULL;
	snprintf(id, sizeof id, "%lx-%lx", (unsigned long)w->started,
	    (unsigned long)getpid());
	time_str(started, sizeof started, w->started);
	time_str(finished, sizeof finished, w->finished ? w->finished :
	    time(NULL));
	buf_init(&steps);
	buf_add(&steps, "", 0);
	for (size_t i = 0; i < w->nsteps; i++) {
		const struct wiz_step *s = &w->steps[i];
		if (s->answer == ANS_NONE)
			continue;
		if (steps.len)
			buf_addc(&steps, '\n');
		buf_printf(&steps, "%zu %s %s", i + 1,
		    kb_level_key(s->fix->level), wizard_answer_key(s->answer));
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
	buf_init(&b);
	field(&b, id, true);
	field(&b, started, false);
	field(&b, finished, false);
	field(&b, w->engineer, false);
	field(&b, host, false);
	field(&b, w->model, false);
	field(&b, w->serial, false);
	field(&b, w->platform ? kb_platform_key(w->platform) : "", false);
	field(&b, w->version_text, false);
	field(&b, w->query, false);
	field(&b, w->error ? w->error->id : "", false);
	field(&b, wizard_outcome_key(w->outcome), false);
	snprintf(num, sizeof num, "%zu", w->fixed_at);
	field(&b, w->fixed_at ? num : "", false);
	field(&b, steps.s, false);
	buf_addc(&b, '\n');
	buf_free(&steps);

	fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW,
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
		buf_init(&h);
		for (size_t i = 0; i < NCOLS; i++)
			buf_printf(&h, "%s%s", i ? "," : "", record_cols[i]);
		buf_addc(&h, '\n');
		buf_add(&h, b.s, b.len);
		buf_free(&b);
		b = h;
	}
	if (!write_all(fd, b.s, b.len) || fsync(fd) != 0) {
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
	if (idp)
		*idp = xstrdup(id);
	return true;
fail:
	close(fd);
	buf_free(&b);
	return false;
}

struct readctx {
	record_fn fn;
	void *ctx;
};

static void
record_row(const struct csvrec *r, void *ctx)
{
	struct readctx *rc = ctx;
	struct record rec = {
		r->v[0], r->v[1], r->v[2], r->v[3], r->v[4], r->v[5], r->v[6],
		r->v[7], r->v[8], r->v[9], r->v[10], r->v[11], r->v[12],
		r->v[13], r->start.line,
	};
	rc->fn(&rec, rc->ctx);
}

bool
journal_read(const char *path, struct diag *d, record_fn fn, void *ctx)
{
	struct csvcol cols[NCOLS];
	struct readctx rc = { fn, ctx };

	for (size_t i = 0; i < NCOLS; i++) {
		cols[i].name = record_cols[i];
		cols[i].required = i == 0 || i == 11;
	}
	return csvfile_read(path, path, cols, NCOLS, d, record_row, &rc);
}
