/* kb_cache.h: the compiled copy of a checked knowledge base that
 * kb_load_cached() keeps: its bytes (kb_cache.c) and its file
 * (kb_cachefile.c).  Internal; the tests and the fuzzer use it. */
#ifndef FLASHFIX_KB_CACHE_H
#define FLASHFIX_KB_CACHE_H

#include <stddef.h>

#include "kb.h"
#include "util.h"

/* Bumped whenever the layout, or what the loader accepts, changes. */
#define KB_CACHE_FORMAT 2

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

/* The file that caches the base in the directory whose real path is real
 * (malloc'd). */
char *kb_cache_path(const char *cachedir, const char *real);

#endif
