/* diag.c: problems found in input files, as FILE:LINE:COLUMN: message.
 * Layer: base. */
#include <config.h>

#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>

#include "i18n.h"
#include "text.h"
#include "util.h"

void
diag_init(struct diag *d)
{
	d->items = NULL;
	d->n = d->cap = 0;
	d->errors = d->warnings = 0;
	d->dropped = 0;
}

void
diag_free(struct diag *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->items[i].file);
		free(d->items[i].msg);
	}
	free(d->items);
	diag_init(d);
}

void
diag_add(struct diag *d, enum diag_level level, const char *file,
    unsigned long line, unsigned long col, const char *fmt, ...)
{
	struct diag_item *it;
	va_list ap;

	/* Errors and warnings are kept apart: a warning in every row
	 * never hides the errors after them. */
	if ((level == DIAG_ERROR ? d->errors++ : d->warnings++) >= DIAG_MAX) {
		d->dropped++;
		return;
	}
	d->items = xgrow(d->items, &d->cap, d->n + 1, sizeof *d->items);
	it = &d->items[d->n++];
	it->file = xstrdup(file);
	it->line = line;
	it->col = col;
	it->level = level;
	va_start(ap, fmt);
	it->msg = xvasprintf(fmt, ap);
	va_end(ap);
}

void
diag_print(const struct diag *d, FILE *fp)
{
	for (size_t i = 0; i < d->n; i++) {
		const struct diag_item *it = &d->items[i];
		const char *lv = it->level == DIAG_ERROR ? _("error") : _("warning");
		char *file = text_sanitize(it->file, text_terminal_utf8());
		char *msg = text_sanitize(it->msg, text_terminal_utf8());

		/* A problem with the whole file (it cannot be opened) has
		 * no position: none is made up. */
		if (it->line)
			fprintf(fp, "%s:%lu:%lu: %s: %s\n", file, it->line,
			    it->col ? it->col : 1, lv, msg);
		else
			fprintf(fp, "%s: %s: %s\n", file, lv, msg);
		free(file);
		free(msg);
	}
	if (d->dropped)
		fprintf(fp, ngettext("flashfix: %zu more problem is not shown; "
		    "mend the ones above first\n", "flashfix: %zu more problems "
		    "are not shown; mend the ones above first\n", d->dropped),
		    d->dropped);
}
