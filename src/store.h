/* store.h: a knowledge base loaded together with its match index,
 * through a compiled copy of both kept in the user's cache directory.
 * Layer: store (above the knowledge base and the match index). */
#ifndef FLASHFIX_STORE_H
#define FLASHFIX_STORE_H

#include <stdbool.h>

#include "diag.h"
#include "kb.h"
#include "match.h"

struct store {
	struct kb *kb;
	struct match_index *ix;  /* NULL when the base has errors */
};

/* Loads the base in dir, reporting every problem to d, and its index,
 * through the compiled copy in cachedir (NULL: none) used while the files
 * hold the same bytes: a start then reads it instead of parsing and
 * checking every row and indexing every message.  A base with errors is
 * never cached (nor indexed); one that loads without is, for the next
 * start.  Anything wrong with the cache makes it parse the files, as
 * kb_load.  False (st empty) only when nothing usable could be read;
 * callers that need a valid base also check d->errors. */
bool store_load(struct store *st, const char *dir, const char *cachedir,
    struct diag *d);
void store_free(struct store *st);

/* The file that caches the base in the directory whose real path is real
 * (malloc'd); for the tests. */
char *kb_cache_path(const char *cachedir, const char *real);

#endif
