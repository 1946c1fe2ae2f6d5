/* convo_log.c: the error question's text that is not an error message:
 * nothing (browse by kind), several pasted lines (a log's), a log file's
 * path (read, or said why not).  Layer: conversation. */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "convo.h"
#include "convo_int.h"
#include "i18n.h"
#include "scan.h"
#include "util.h"

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

/* The path that text means when it is written as a path (from /, ~/ or
 * ./, quoted, or a file:// URL, as a terminal gives a file dropped on
 * it), whether or not it is there; malloc'd, or NULL. */
static char *
written_path(const char *text)
{
	size_t n;
	char *p;
	bool url = false, quoted = false;

	while (*text == ' ')
		text++;
	p = xstrdup(text);
	n = strlen(p);
	while (n && p[n - 1] == ' ')
		p[--n] = '\0';
	if (n >= 2 && (p[0] == '\'' || p[0] == '"') && p[n - 1] == p[0]) {
		memmove(p, p + 1, n - 2);
		p[n - 2] = '\0';
		quoted = true;
	}
	if (strncmp(p, "file://", 7) == 0) {
		memmove(p, p + 7, strlen(p + 7) + 1);
		percent_decode(p);
		url = true;
	}
	if (strncmp(p, "~/", 2) == 0 && getenv("HOME")) {
		char *h = xasprintf("%s%s", getenv("HOME"), p + 1);
		free(p);
		p = h;
	}
	if (!url && !quoted) {
		/* Unquoted, a space is a path's only as "\ " (as a shell
		 * and a terminal's drop write it): else it is words. */
		char *o = p;
		for (const char *q = p; *q; q++) {
			if (*q == ' ' && (q == p || q[-1] != '\\'))
				goto words;
			if (*q == '\\' && q[1] == ' ')
				continue;
			*o++ = *q;
		}
		*o = '\0';
	}
	if (!strchr(p, '\n') && (url || *p == '/' || strncmp(p, "./", 2) == 0 ||
	    strncmp(p, "../", 3) == 0))
		return p;
words:
	free(p);
	return NULL;
}

/* The error read from a log file: chosen with its line, or why not. */
static void
from_log(struct convo *c, const char *path, const char *typed)
{
	const struct kb_error *e = NULL;
	char *evidence = NULL, *why = NULL;

	if (scan_log_file(c->ix, c->w->platform, path, &e, &evidence, &why)) {
		convo_choose_error(c, e, typed);
		wizard_set_log(c->w, evidence);
	} else {
		convo_say(c, why);
		why = NULL;
	}
	free(evidence);
	free(why);
}

/* The decisive line of pasted text, the one its error was read from. */
static char *
decisive_line(const struct convo *c, const char *text, size_t n)
{
	struct scan s;
	unsigned long line = 0;
	char *out = NULL;
	long d;

	scan_init(&s, c->ix, c->w->platform);
	for (size_t i = 0; i < n;) {
		size_t k = i;
		while (k < n && text[k] != '\n')
			k++;
		scan_line(&s, "-", ++line, text + i, k - i);
		i = k + 1;
	}
	if ((d = scan_decisive(&s)) >= 0)
		out = xstrdup(s.f[d].text);
	scan_free(&s);
	return out;
}

/* Several lines pasted at the error question: a log's lines. */
static void
from_paste(struct convo *c, const char *text)
{
	const struct kb_error *e = NULL;
	char *evidence = NULL;
	size_t n = strlen(text);

	while (n && (text[n - 1] == '\n' || text[n - 1] == '\r'))
		n--;
	if (scan_log_text(c->ix, c->w->platform, text, n, &e, &evidence)) {
		char *line = decisive_line(c, text, n);
		convo_choose_error(c, e, line ? line : "");
		wizard_set_log(c->w, evidence);
		free(line);
	} else {
		convo_say(c, xstrdup(_("No known error in the pasted lines.")));
	}
	free(evidence);
}

/* Text at the error question: nothing (browse), a paste, a log's path
 * (one that cannot be read is said so), else what to match. */
bool
convo_error_text(struct convo *c, const char *text)
{
	char *path;
	struct stat st;

	if (!*text) {
		c->fam_chosen = false;
		convo_go(c, CV_FAMILY);
		return true;
	}
	if (strchr(text, '\n') && strchr(text, '\n')[1]) {
		from_paste(c, text);
		return true;
	}
	if ((path = scan_log_path(text)) != NULL ||
	    (path = written_path(text)) != NULL) {
		if (stat(path, &st) != 0)
			convo_say(c, xasprintf(_("cannot read %s as a log: %s"), path,
			    strerror(errno)));
		else
			from_log(c, path, text);
		free(path);
		return true;
	}
	return false;
}
