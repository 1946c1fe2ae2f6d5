/* kb_cache.h: a checked knowledge base as the bytes of its compiled copy
 * (kb_cache.c), and the name of the file that store.c keeps them in.
 * Internal; the tests and the fuzzer use it.  Layer: kb. */
#ifndef FLASHFIX_KB_CACHE_H
#define FLASHFIX_KB_CACHE_H

#include <stddef.h>

#include "kb.h"
#include "util.h"

/* Bumped whenever the layout, what the loader accepts, or how the match
 * index cached beside the base weighs words (stop words) changes. */
#define KB_CACHE_FORMAT 5

/* Writes kb as the cache's two parts: its texts, each ending in NUL, and
 * its records (counts, enumerations, and texts as 1 + their offset in
 * strings, 0 for none). */
void kb_cache_encode(const struct kb *kb, struct buf *strings,
    struct buf *records);

/* Rebuilds a base from the two parts, checking every count, offset,
 * enumeration and text; NULL when anything is wrong.  Takes strings (a
 * malloc'd block of nstrings bytes) over in every case.  The base's long
 * texts are not yet tied to their files. */
struct kb *kb_cache_decode(char *strings, size_t nstrings,
    const unsigned char *records, size_t nrecords);


#endif
