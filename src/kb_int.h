/* kb_int.h: what the model (kb.c), the loader (kb_load.c) and the cache's
 * bytes (kb_cache.c) share.  Internal.  Layer: kb. */
#ifndef FLASHFIX_KB_INT_H
#define FLASHFIX_KB_INT_H

#include <stdbool.h>

#include "csvfile.h"
#include "kb.h"

/* The files of a base, in the order they are read. */
enum kb_file { KB_F_ERRORS, KB_F_FIXES, KB_F_TOOLS, KB_F_GENERIC, KB_NFILES };
extern const char *const kb_file_names[KB_NFILES];

/* The keys of the levels and categories, as the files write them. */
extern const char *const kb_level_keys[LEVEL_COUNT];
extern const char *const kb_cat_keys[CAT_COUNT];
extern const char *const kb_family_keys[FAM_COUNT];
/* The index of the key of len bytes at s in keys[n]; -1 when absent. */
int kb_key_find(const char *const *keys, int n, const char *s, size_t len);
/* Builds the id table again, for the errors as they now are. */
void kb_idtab_rebuild(struct kb *kb);

/* The items of a list cell, split at any of seps and trimmed, kept in a;
 * returns how many (*out NULL for none). */
size_t kb_split(const char *s, const char *seps, const char ***out,
    struct arena *a);
/* Parses "qcom < 2.0.11 or mtk < 19.36.101" into cond (clauses in kb's
 * arena, scratch in tmp); false with a message in *why (malloc'd). */
bool kb_cond_parse(struct kb *kb, struct arena *tmp, const char *s,
    struct condition *cond, char **why);

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
