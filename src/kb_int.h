/* kb_int.h: what the loader shares with the cache (internal to kb.c and
 * kb_cache.c). */
#ifndef FLASHFIX_KB_INT_H
#define FLASHFIX_KB_INT_H

#include <stdbool.h>

#include "csvfile.h"
#include "kb.h"

/* The files of a base, in the order they are read. */
enum kb_file { KB_F_ERRORS, KB_F_FIXES, KB_F_TOOLS, KB_F_GENERIC, KB_NFILES };
extern const char *const kb_file_names[KB_NFILES];

/* An empty base. */
struct kb *kb_new(void);
/* kb_load, also giving what was read of each file (sums[KB_NFILES]). */
struct kb *kb_load_sums(const char *dir, struct diag *d,
    struct csvsum *sums);
/* Whether s is a valid error id. */
bool kb_valid_id(const char *s);
/* Whether s is a valid error code: 1 to 9 digits. */
bool kb_valid_code(const char *s);
/* The notes n, kept with kb (or kb_no_notes when all are NULL). */
const struct kb_notes *kb_keep_notes(struct kb *kb, const struct kb_notes *n);
/* Adds e; false when its id is already there. */
bool kb_add_error(struct kb *kb, const struct kb_error *e);

#endif
