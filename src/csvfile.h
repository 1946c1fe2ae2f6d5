/* csvfile.h: reading a CSV file with libcsv into records keyed by header
 * name, with the source line and column of every value. */
#ifndef FLASHFIX_CSVFILE_H
#define FLASHFIX_CSVFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

/* A position in the source file: line and column count from 1; columns
 * count characters, not bytes. */
struct csvpos {
	unsigned long line, col;
};

/* A column the caller knows. */
struct csvcol {
	const char *name;
	bool required;
};

/* One data row, as the caller's columns. */
struct csvrec {
	const char *file;
	struct csvpos start;   /* where the row starts */
	const char *const *v;  /* value per caller column; "" when absent */
	const size_t *len;
	const struct csvpos *pos; /* per column; the row start when absent */
	const bool *present;   /* column is in the header */
};

typedef void (*csvfile_fn)(const struct csvrec *rec, void *ctx);

/* Largest file accepted, in bytes. */
#define CSVFILE_MAX_BYTES (64UL * 1024 * 1024)

/* Reads path (shown as name in messages), calling fn for every data row.
 * Every problem goes to d.  Returns false when the file could not be read
 * or its header is unusable, true otherwise (rows may still have had
 * errors: see d). */
bool csvfile_read(const char *path, const char *name,
    const struct csvcol *cols, size_t ncols, struct diag *d, csvfile_fn fn,
    void *ctx);

#endif
