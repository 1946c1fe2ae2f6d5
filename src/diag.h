/* diag.h: problems found in input files, as FILE:LINE:COLUMN: message.
 * Layer: base. */
#ifndef FLASHFIX_DIAG_H
#define FLASHFIX_DIAG_H

#include <stddef.h>
#include <stdio.h>

enum diag_level { DIAG_WARNING, DIAG_ERROR };

struct diag_item {
	char *file;
	unsigned long line, col;
	enum diag_level level;
	char *msg;
};

struct diag {
	struct diag_item *items;
	size_t n, cap;
	size_t errors, warnings;
	size_t dropped;  /* problems beyond DIAG_MAX, counted only */
};

/* Errors, and warnings, kept and printed (each): beyond these, a base
 * with a problem in every row is said in one more line, not millions. */
#define DIAG_MAX 1000

void diag_init(struct diag *d);
void diag_free(struct diag *d);
/* Records a problem; line 0 means the whole file (printed without a
 * position).  Beyond DIAG_MAX errors (or warnings) it is only counted. */
void diag_add(struct diag *d, enum diag_level level, const char *file,
    unsigned long line, unsigned long col, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/* Writes every problem as FILE:LINE:COLUMN: level: message, then how
 * many more there were when some were only counted. */
void diag_print(const struct diag *d, FILE *fp);

#endif
