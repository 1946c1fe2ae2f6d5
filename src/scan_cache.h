/* scan_cache.h: what scan made of a line, kept for the next time the
 * same text comes (a tool prints the same line thousands of times in a
 * long session, each time after another time stamp): looked up by the
 * text after its stamps, judged once.  Bounded: a fixed number of lines,
 * each of a bounded length (a longer one is judged each time); a line
 * that comes in place of another pushes it out.  Layer: scan. */
#ifndef FLASHFIX_SCAN_CACHE_H
#define FLASHFIX_SCAN_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "match.h"

/* Lines kept, and the longest text kept. */
#define SCAN_CACHE_SLOTS 1024
#define SCAN_CACHE_KEY 256

/* What a line is: nothing to say, a success (what failed before was got
 * past), an error (its best match), or another tool's error (outside
 * what the base knows). */
enum scan_kind { SCAN_QUIET, SCAN_SUCCESS, SCAN_ERROR, SCAN_OTHER };

struct scan_verdict {
	enum scan_kind kind;
	bool ambiguous;           /* a bare number of several code systems */
	bool retry;               /* the tool says it tries again */
	unsigned platform;        /* the platform it was judged for */
	bool own_frame;           /* the line names its platform itself */
	bool unknown;             /* it reads as an error the base does not
				     know, nor another tool's */
	bool module;              /* framed as mtkclient's: a module's name
				     and " - " first */
	struct match_result res;  /* SCAN_ERROR: the entry */
	const char *other;        /* SCAN_OTHER: the other tool's name */
};

struct scan_cache {
	struct scan_cache_slot *slot;  /* SCAN_CACHE_SLOTS of them */
	unsigned long hits, misses;
};

/* The glance (logline_glance) at each of the last lines, by the text
 * after its stamps: most of a long log is the same lines again, and
 * hashing one is cheaper than glancing at it. */
#define SCAN_GLANCE_SLOTS 4096
#define SCAN_GLANCE_KEY 256

struct scan_glance {
	struct scan_glance_slot *slot;  /* SCAN_GLANCE_SLOTS of them */
	unsigned long hits, misses;
	/* A log whose lines are nearly all new is glanced at without the
	 * cache for a while (scan_glance_use): the hash would only add. */
	unsigned tried, found;    /* of the lookups of this round */
	unsigned long skip;       /* lines left to glance at without it */
};

/* A hash of the n bytes at s, never 0. */
uint64_t scan_hash(const char *s, size_t n);

void scan_glance_init(struct scan_glance *g);
void scan_glance_free(struct scan_glance *g);
/* The glance kept for the n bytes at key, whose scan_hash() is h: true
 * with it in *glance. */
bool scan_glance_get(struct scan_glance *g, const char *key, size_t n,
    uint64_t h, unsigned *glance);
/* Whether to look the next line up: false for SCAN_GLANCE_SKIP lines
 * after a round of SCAN_GLANCE_ROUND lookups found fewer than a quarter
 * kept. */
#define SCAN_GLANCE_ROUND 1024
#define SCAN_GLANCE_SKIP 16384
bool scan_glance_use(struct scan_glance *g);
/* Keeps the glance at the n bytes at key (not when they are too long). */
void scan_glance_put(struct scan_glance *g, const char *key, size_t n,
    uint64_t h, unsigned glance);

void scan_cache_init(struct scan_cache *c);
void scan_cache_free(struct scan_cache *c);
/* The verdict kept for the n bytes at key, whose scan_hash() is h: true
 * with it in *v. */
bool scan_cache_get(struct scan_cache *c, const char *key, size_t n,
    uint64_t h, struct scan_verdict *v);
/* Keeps v for the n bytes at key (not when they are too long). */
void scan_cache_put(struct scan_cache *c, const char *key, size_t n,
    uint64_t h, const struct scan_verdict *v);

#endif
