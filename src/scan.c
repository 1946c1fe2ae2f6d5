/* scan.c: the decisive error in a whole log.  Layer: scan. */
#include <config.h>

#include "scan.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>

#include "digest.h"
#include "i18n.h"
#include "logline.h"
#include "logread.h"
#include "util.h"

#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

void
scan_init(struct scan *s, struct match_index *ix, unsigned platform)
{
	memset(s, 0, sizeof *s);
	s->ix = ix;
	s->platform = platform;
	s->waiting = -1;
	buf_init(&s->text);
	buf_add(&s->text, "", 0);
	scan_cache_init(&s->cache);
}

static void
free_lines(struct scan_line *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].text);
}

void
scan_forget(struct scan *s, size_t from)
{
	for (size_t i = from; i < s->n; i++) {
		free(s->f[i].text);
		free_lines(s->f[i].before, s->f[i].nbefore);
		free_lines(s->f[i].after, s->f[i].nafter);
	}
	if (from < s->n)
		s->n = from;
	if (s->waiting >= (long)s->n)
		s->waiting = -1;
}

void
scan_free(struct scan *s)
{
	scan_forget(s, 0);
	free(s->f);
	buf_free(&s->text);
	scan_cache_free(&s->cache);
	memset(s, 0, sizeof *s);
	s->waiting = -1;
}


/* At most SCAN_KEEP bytes of text, not cutting a UTF-8 character. */
static size_t
keep_len(const char *text, size_t n)
{
	if (n <= SCAN_KEEP)
		return n;
	n = SCAN_KEEP;
	while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
		n--;
	return n;
}

/* The decoded text of n raw bytes, malloc'd, at most SCAN_KEEP bytes. */
static char *
decoded(const char *raw, size_t n)
{
	struct buf b;
	char *t;

	buf_init(&b);
	logread_decode(raw, n, &b);
	t = xstrndup(b.s, keep_len(b.s, b.len));
	buf_free(&b);
	return t;
}

static void
remember(struct scan *s, unsigned long line, const char *text, size_t n)
{
	size_t k = keep_len(text, n);
	char *slot = s->ring[s->ringat];

	memcpy(slot, text, k);
	slot[k] = '\0';
	s->ringline[s->ringat] = line;
	s->ringat = (s->ringat + 1) % SCAN_CONTEXT;
	if (s->ringn < SCAN_CONTEXT)
		s->ringn++;
}

/* The finding of error e in the current run, or NULL. */
static struct scan_finding *
same_in_run(struct scan *s, const struct kb_error *e)
{
	for (size_t i = s->n; i-- > 0;) {
		if (s->f[i].run != s->run)
			break;
		if (s->f[i].res.err == e)
			return &s->f[i];
	}
	return NULL;
}

static long
add_finding(struct scan *s, const char *file, unsigned long line,
    const char *text, size_t n, const struct match_result *r,
    bool ambiguous)
{
	struct scan_finding *f;

	if (s->n == SCAN_MAX) {
		s->dropped++;
		return -1;
	}
	s->f = xgrow(s->f, &s->cap, s->n + 1, sizeof *s->f);
	f = &s->f[s->n];
	memset(f, 0, sizeof *f);
	f->res = *r;
	f->ambiguous = ambiguous;
	f->file = file;
	f->line = line;
	f->text = xstrndup(text, keep_len(text, n));
	f->count = 1;
	f->run = s->run;
	/* The lines before it, oldest first, kept as read. */
	for (size_t i = 0; i < s->ringn; i++) {
		size_t at = (s->ringat + SCAN_CONTEXT - s->ringn + i) %
		    SCAN_CONTEXT;
		f->before[f->nbefore].line = s->ringline[at];
		f->before[f->nbefore++].text = decoded(s->ring[at],
		    strlen(s->ring[at]));
	}
	s->waiting = (long)s->n;
	return (long)s->n++;
}

/* What the text of a line (after its time stamps) says. */
static void
judge(struct scan *s, const char *text, size_t n, struct scan_verdict *v)
{
	struct match_result r[4];
	size_t k;

	memset(v, 0, sizeof *v);
	v->kind = SCAN_QUIET;
	if (logline_success(text, n)) {
		v->kind = SCAN_SUCCESS;
	} else if (logline_maybe_error(text, n) && !logline_benign(text, n)) {
		char *z = xstrndup(text, n);
		s->asked++;
		k = match_query(s->ix, z, s->platform, r, 4);
		free(z);
		if (k > 0) {
			v->kind = SCAN_ERROR;
			v->res = r[0];
			v->ambiguous = match_ambiguous_code(r, k);
		}
	}
}

/* Past what failed before: a new run starts. */
static void
succeeded(struct scan *s)
{
	if (s->run_has_errors) {
		s->run++;
		s->run_has_errors = false;
	}
}

long
scan_line(struct scan *s, const char *file, unsigned long line,
    const char *raw, size_t rn)
{
	struct scan_verdict v;
	struct scan_finding *same;
	long made = -1;
	size_t n, stamp, kn;
	unsigned glance;
	const char *text, *key;
	bool is_text = false;  /* s->text holds the line decoded */

	s->lines++;
	/* The context after the last finding. */
	if (s->waiting >= 0) {
		struct scan_finding *f = &s->f[s->waiting];
		f->after[f->nafter].line = line;
		f->after[f->nafter++].text = decoded(raw, rn);
		if (f->nafter == SCAN_CONTEXT)
			s->waiting = -1;
	}
	/* A glance at the bytes as read, or at the text when escapes or
	 * another encoding hide the words. */
	glance = logline_glance(raw, rn);
	if (glance == LOGLINE_HIDDEN) {
		logread_decode(raw, rn, &s->text);
		is_text = true;
		glance = logline_glance(s->text.s, s->text.len);
	}
	if (glance == LOGLINE_MAYBE_OK) {
		/* A word of success and none of failure. */
		succeeded(s);
		remember(s, line, raw, rn);
		return -1;
	}
	if (!glance) {
		/* Most of a log: neither an error nor a success. */
		remember(s, line, raw, rn);
		return -1;
	}
	/* The same text after another time stamp is judged once: looked up
	 * by its bytes after the stamp (as read: the text is a function of
	 * them), is_text only when it must be judged or shown. */
	key = is_text ? s->text.s : raw;
	kn = is_text ? s->text.len : rn;
	stamp = logline_stamp(key, kn);
	if (!scan_cache_get(&s->cache, key + stamp, kn - stamp, &v)) {
		struct timespec t0, t1;
		size_t at = stamp;
		if (!is_text) {
			logread_decode(raw, rn, &s->text);
			is_text = true;
		}
		text = s->text.s;
		n = s->text.len;
		stamp = logline_stamp(text, n);
		if (s->timed)
			clock_gettime(CLOCK_MONOTONIC, &t0);
		judge(s, text + stamp, n - stamp, &v);
		if (s->timed) {
			clock_gettime(CLOCK_MONOTONIC, &t1);
			s->judge_ns += (unsigned long long)((t1.tv_sec -
			    t0.tv_sec) * 1000000000LL + (t1.tv_nsec -
			    t0.tv_nsec));
		}
		scan_cache_put(&s->cache, key + at, kn - at, &v);
	}
	if (v.kind == SCAN_SUCCESS) {
		succeeded(s);
	} else if (v.kind == SCAN_ERROR) {
		s->run_has_errors = true;
		if ((same = same_in_run(s, v.res.err)) != NULL) {
			same->count++;
		} else {
			if (!is_text)
				logread_decode(raw, rn, &s->text);
			made = add_finding(s, file, line, s->text.s,
			    s->text.len, &v.res, v.ambiguous);
		}
	}
	remember(s, line, raw, rn);
	return made;
}

void
scan_end_file(struct scan *s)
{
	/* Another log: another run. */
	if (s->run_has_errors) {
		s->run++;
		s->run_has_errors = false;
	}
	s->ringn = 0;
	s->ringat = 0;
	s->waiting = -1;
}

long
scan_decisive(const struct scan *s)
{
	unsigned long last;

	if (s->n == 0)
		return -1;
	/* The first finding of the run of the last finding. */
	last = s->f[s->n - 1].run;
	for (size_t i = 0; i < s->n; i++)
		if (s->f[i].run == last)
			return (long)i;
	return -1;
}

char *
scan_progress(unsigned long long bytes, unsigned long long total,
    unsigned long errors)
{
	char *read, *found, *t;
	double mb = (double)bytes / 1048576.0;

	if (total && bytes <= total)
		read = xasprintf(_("%.1f of %.1f MB read (%d%%)"), mb,
		    (double)total / 1048576.0, (int)(bytes * 100 / total));
	else
		read = xasprintf(_("%.1f MB read"), mb);
	found = xasprintf(ngettext("%lu error so far", "%lu errors so far",
	    errors), errors);
	t = xasprintf("%s, %s", read, found);
	free(read);
	free(found);
	return t;
}

/* The evidence of the decisive finding of s: head, then the decisive
 * line and the lines around it, numbered.  malloc'd. */
static char *
evidence_of(const struct scan_finding *f, const char *head)
{
	struct buf ev;

	buf_init(&ev);
	buf_adds(&ev, head);
	for (size_t i = 0; i < f->nbefore; i++)
		buf_printf(&ev, "\n  %lu: %s", f->before[i].line,
		    f->before[i].text);
	buf_printf(&ev, "\n> %lu: %s", f->line, f->text);
	for (size_t i = 0; i < f->nafter; i++)
		buf_printf(&ev, "\n  %lu: %s", f->after[i].line,
		    f->after[i].text);
	return buf_take(&ev);
}

bool
scan_log_file(struct match_index *ix, unsigned platform, const char *path,
    const struct kb_error **err, char **evidence, char **why)
{
	struct scan s;
	struct logread r;
	struct digest dg;
	struct stat st;
	long d;
	unsigned pct;
	char *enc;
	bool checked = false;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY), k;

	*err = NULL;
	*evidence = *why = NULL;
	if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		*why = xasprintf(_("cannot read %s as a log: %s"), path,
		    fd < 0 ? strerror(errno) : _("not a regular file"));
		if (fd >= 0)
			close(fd);
		return false;
	}
	scan_init(&s, ix, platform);
	logread_init(&r, fd);
	digest_init(&dg);
	r.dg = &dg;
	while ((k = logread_next(&r)) > 0) {
		scan_line(&s, path, r.lineno, r.cur, r.curlen);
		/* Binary data: no need to read it all. */
		if (!checked && r.counted >= 1048576) {
			checked = true;
			if (logread_not_text(&r, &pct))
				break;
		}
	}
	if (k == 0 && logread_flush(&r) == 1)
		scan_line(&s, path, r.lineno, r.cur, r.curlen);
	d = scan_decisive(&s);
	enc = r.unsure ? xstrdup(_("its encoding could not be told: read "
	    "as UTF-8")) : r.enc > LR_UTF8 ? xasprintf(_("read as %s"),
	    logread_encoding(&r)) : NULL;
	if (k < 0)
		*why = xasprintf(_("cannot read %s as a log: %s"), path,
		    strerror(errno));
	else if (logread_not_text(&r, &pct))
		*why = xasprintf(_("%s is not text (%u%% of its bytes are "
		    "control characters): no error read from it"), path, pct);
	else if (d < 0 && enc)
		*why = xasprintf(_("no known error in the log %s (%s)"), path,
		    enc);
	else if (d < 0)
		*why = xasprintf(_("no known error in the log %s"), path);
	else {
		char *head = enc ? xasprintf(_("log %s, %llu bytes, %s, digest "
		    "%016llx"), path, (unsigned long long)r.bytes, enc,
		    (unsigned long long)digest_end(&dg)) :
		    xasprintf(_("log %s, %llu bytes, digest %016llx"),
		    path, (unsigned long long)r.bytes,
		    (unsigned long long)digest_end(&dg));
		*evidence = evidence_of(&s.f[d], head);
		*err = s.f[d].res.err;
		free(head);
	}
	free(enc);
	logread_free(&r);
	close(fd);
	scan_free(&s);
	return *err != NULL;
}

bool
scan_log_text(struct match_index *ix, unsigned platform, const char *text,
    size_t n, const struct kb_error **err, char **evidence)
{
	struct scan s;
	unsigned long line = 0;
	long d;

	*err = NULL;
	*evidence = NULL;
	scan_init(&s, ix, platform);
	for (size_t i = 0; i < n;) {
		size_t k = i;
		while (k < n && text[k] != '\n')
			k++;
		scan_line(&s, "-", ++line, text + i, k - i);
		i = k + 1;
	}
	d = scan_decisive(&s);
	if (d >= 0) {
		char *head = xasprintf(_("pasted text, %lu lines"), line);
		*evidence = evidence_of(&s.f[d], head);
		*err = s.f[d].res.err;
		free(head);
	}
	scan_free(&s);
	return *err != NULL;
}

char *
scan_log_path(const char *text)
{
	struct stat st;
	size_t n;
	char *p;

	while (*text == ' ')
		text++;
	if (strncmp(text, "file://", 7) == 0)
		text += 7;
	p = xstrdup(text);
	n = strlen(p);
	while (n && p[n - 1] == ' ')
		p[--n] = '\0';
	if (n >= 2 && (p[0] == '\'' || p[0] == '"') && p[n - 1] == p[0]) {
		memmove(p, p + 1, n - 2);
		p[n - 2] = '\0';
	}
	if (!*p || (*p != '/' && *p != '.' && *p != '~' && !strchr(p, '/') &&
	    !strchr(p, '.')) || stat(p, &st) != 0 || !S_ISREG(st.st_mode)) {
		free(p);
		return NULL;
	}
	return p;
}
