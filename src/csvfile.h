/* csvfile.h: reading a CSV file with libcsv into records keyed by header
 * name, with the source line and column of every value.
 * Layer: formats. */
#ifndef FLASHFIX_CSVFILE_H
#define FLASHFIX_CSVFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "csvbound.h"
#include "diag.h"
#include "util.h"

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

/* Where a value's bytes are in the file, as written there (quotes and
 * all): csvfile_field() gives the value back from them.  ok is false
 * when they do not (the file was converted from another encoding, or the
 * value had to be escaped). */
struct csvspan {
	unsigned long off, len;
	bool ok;
};

/* One data row, as the caller's columns. */
struct csvrec {
	const char *file;
	struct csvpos start;   /* where the row starts */
	const char *const *v;  /* value per caller column; "" when absent */
	const size_t *len;
	const struct csvpos *pos; /* per column; the row start when absent */
	const bool *present;   /* column is in the header */
	const struct csvspan *span; /* per column */
};

typedef void (*csvfile_fn)(const struct csvrec *rec, void *ctx);


/* Reads path (shown as name in messages), calling fn for every data row.
 * Every problem goes to d.  Returns false when the file could not be read
 * or its header is unusable, true otherwise (rows may still have had
 * errors: see d). */
bool csvfile_read(const char *path, const char *name,
    const struct csvcol *cols, size_t ncols, struct diag *d, csvfile_fn fn,
    void *ctx);

/* The bytes a read went through: how many, their digest (digest.h), and
 * whether that was the whole file. */
struct csvsum {
	uint64_t size, digest;
	bool whole;
};

/* The same, keeping the file open: once it could be opened, *fd is the
 * open file, for csvfile_field() later; the caller closes it.  sum, when
 * not NULL, is set to what was read. */
bool csvfile_read_keep(const char *path, const char *name,
    const struct csvcol *cols, size_t ncols, struct diag *d, csvfile_fn fn,
    void *ctx, int *fd, struct csvsum *sum);

/* Reads the value whose bytes sp gave, from the file fd, into out (NUL
 * terminated, line ends as LF, as the row handler saw it).  False, with
 * errno set or 0, when they no longer hold one value. */
bool csvfile_field(int fd, const struct csvspan *sp, struct buf *out);

#endif
