/* summary.h: what the records say of each step ("this step fixed it 7 of
 * 9 times"), kept as a small summary in the cache directory and brought
 * up to date from the records file's appended tail only: the wizard's
 * first question does not wait for a million records.  The records file
 * is append-only; a summary whose file no longer starts with the same
 * bytes, or is shorter than it read, is made again from the whole file.
 * Layer: stats. */
#ifndef FLASHFIX_SUMMARY_H
#define FLASHFIX_SUMMARY_H

#include <stdbool.h>

#include "diag.h"
#include "stats.h"

/* The step figures of the records file at path into st (set up here),
 * through the summary in cachedir (NULL: none: the whole file is read).
 * Damaged records are reported to d.  False when the file cannot be
 * read (st holds what was read). */
bool summary_load(struct stats *st, const char *path, const char *cachedir,
    struct diag *d);

#endif
