/* records_int.h: the records file's columns, shared by writing
 * (records.c) and reading (records_read.c).  Internal.  Layer: records. */
#ifndef FLASHFIX_RECORDS_INT_H
#define FLASHFIX_RECORDS_INT_H

#include <stddef.h>

#include "records.h"

/* The columns, in the order written.  The texts of struct record are
 * found by offset; outcome and stage are texts in the file and parsed
 * into struct record's enumerations. */
enum { COL_OUTCOME = 11, COL_STAGE = 14, NCOLS = 21 };
/* Files written before the later columns were added hold the first 14
 * (before stage), 15 (before log) or 16 (before tool, family, kb,
 * flashfix and account); a record appended to one of them is written in
 * its columns. */
#define NCOLS_V1 14
#define RECORDS_PARSED ((size_t)-1)

struct records_column {
	const char *name;
	size_t off;  /* of the text in struct record, or RECORDS_PARSED */
};
extern const struct records_column records_cols[NCOLS];

/* Opens the records file at path (flags as open(2); created with the
 * permissions the umask leaves): a regular file only, never through a
 * symbolic link, never blocking on a FIFO.  -1 with a message in *err. */
int records_open(const char *path, int flags, char **err);

/* The text of column col of r (not a parsed one). */
static inline const char **
records_text_of(struct record *r, size_t col)
{
	return (const char **)(void *)((char *)r + records_cols[col].off);
}

#endif
