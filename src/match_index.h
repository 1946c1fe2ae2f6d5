/* match_index.h: the life of the index that match.h queries: built over
 * a knowledge base's messages, aliases and codes, and freed.
 * Layer: match (the index, below the query side and the cache). */
#ifndef FLASHFIX_MATCH_INDEX_H
#define FLASHFIX_MATCH_INDEX_H

#include "kb.h"

struct match_index;

/* Builds the index over kb's messages, aliases and codes.  kb must
 * outlive it. */
struct match_index *match_index_new(const struct kb *kb);
void match_index_free(struct match_index *ix);

#endif
