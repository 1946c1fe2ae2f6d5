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
	    (path = scan_written_path(text)) != NULL) {
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
