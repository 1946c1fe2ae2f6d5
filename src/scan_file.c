/* scan_file.c: a whole log file, or pasted text, scanned for the wizard
 * (its decisive error with its evidence, or why there is none), a path
 * dropped on a terminal, and the progress text of a long scan.
 * Layer: scan (one module with scan.c). */
#include <config.h>

#include "scan.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "digest.h"
#include "i18n.h"
#include "logread.h"
#include "util.h"

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
evidence_of(struct scan_finding *f, const char *head)
{
	struct buf ev;

	scan_settle(f);
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
	scan_borrow(&s, &r.gen);
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
	scan_end_file(&s);
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
	else if (d >= 0 && s.f[d].other)
		*why = xasprintf(_("the decisive error of the log %s is another "
		    "tool's (%s), outside what flashfix knows"), path,
		    s.f[d].other);
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
	scan_end_file(&s);
	d = scan_decisive(&s);
	if (d >= 0 && !s.f[d].other) {
		char *head = xasprintf(_("pasted text, %lu lines"), line);
		*evidence = evidence_of(&s.f[d], head);
		*err = s.f[d].res.err;
		free(head);
	}
	scan_free(&s);
	return *err != NULL;
}

/* A hex digit's value, or 16. */
static unsigned
hexval(char ch)
{
	return ch >= '0' && ch <= '9' ? (unsigned)(ch - '0') :
	    ch >= 'a' && ch <= 'f' ? (unsigned)(ch - 'a' + 10) :
	    ch >= 'A' && ch <= 'F' ? (unsigned)(ch - 'A' + 10) : 16;
}

/* Percent-decodes a file:// URL's path in place (%20 is a space). */
static void
percent_decode(char *s)
{
	char *o = s;

	for (; *s; s++) {
		unsigned hi, lo;
		if (*s == '%' && s[1] && s[2] &&
		    (hi = hexval(s[1])) < 16 && (lo = hexval(s[2])) < 16) {
			*o++ = (char)(hi << 4 | lo);
			s += 2;
		} else {
			*o++ = *s;
		}
	}
	*o = '\0';
}

/* text as a path is written by a person or a terminal's drop: without
 * the spaces around it, unquoted, a file:// URL's path percent-decoded,
 * ~/ as $HOME.  *url and *quoted say which it was.  malloc'd. */
static char *
path_clean(const char *text, bool *url, bool *quoted)
{
	size_t n;
	char *p;

	*url = *quoted = false;
	while (*text == ' ')
		text++;
	p = xstrdup(text);
	n = strlen(p);
	while (n && p[n - 1] == ' ')
		p[--n] = '\0';
	if (n >= 2 && (p[0] == '\'' || p[0] == '"') && p[n - 1] == p[0]) {
		memmove(p, p + 1, n - 2);
		p[n - 2] = '\0';
		*quoted = true;
	}
	if (strncmp(p, "file://", 7) == 0) {
		memmove(p, p + 7, strlen(p + 7) + 1);
		percent_decode(p);
		*url = true;
	}
	if (strncmp(p, "~/", 2) == 0 && getenv("HOME")) {
		char *h = xasprintf("%s%s", getenv("HOME"), p + 1);
		free(p);
		p = h;
	}
	return p;
}

char *
scan_log_path(const char *text)
{
	struct stat st;
	bool url, quoted;
	char *p = path_clean(text, &url, &quoted);

	if (!*p || (*p != '/' && *p != '.' && !strchr(p, '/') &&
	    !strchr(p, '.')) || stat(p, &st) != 0 || !S_ISREG(st.st_mode)) {
		free(p);
		return NULL;
	}
	return p;
}

char *
scan_written_path(const char *text)
{
	bool url, quoted;
	char *p = path_clean(text, &url, &quoted);

	if (!url && !quoted) {
		/* Unquoted, a space is a path's only as "\ " (as a shell
		 * and a terminal's drop write it): else it is words. */
		char *o = p;
		for (const char *q = p; *q; q++) {
			if (*q == ' ' && (q == p || q[-1] != '\\')) {
				free(p);
				return NULL;
			}
			if (*q == '\\' && q[1] == ' ')
				continue;
			*o++ = *q;
		}
		*o = '\0';
	}
	if (!strchr(p, '\n') && (url || *p == '/' || strncmp(p, "./", 2) == 0 ||
	    strncmp(p, "../", 3) == 0))
		return p;
	free(p);
	return NULL;
}
