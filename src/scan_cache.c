/* scan_cache.c: a line's verdict, judged once.  Layer: scan. */
#include <config.h>

#include "scan_cache.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

struct scan_cache_slot {
	uint64_t hash;
	unsigned short len;       /* 0: empty */
	struct scan_verdict v;
	char key[SCAN_CACHE_KEY];
};

struct scan_glance_slot {
	uint64_t hash;
	unsigned short len;       /* 0: empty */
	unsigned char glance;
	char key[SCAN_GLANCE_KEY];
};

/* A hash of the bytes, eight at a time (a multiply and a shift each),
 * never 0 (0 marks nothing). */
uint64_t
scan_hash(const char *s, size_t n)
{
	uint64_t h = 0x9e3779b97f4a7c15ULL ^ n, w;
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdULL;
		h ^= h >> 32;
	}
	if (i < n) {
		w = 0;
		memcpy(&w, s + i, n - i);
		h = (h ^ w) * 0xc4ceb9fe1a85ec53ULL;
		h ^= h >> 29;
	}
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	return h ? h : 1;
}

void
scan_cache_init(struct scan_cache *c)
{
	c->slot = xcalloc(SCAN_CACHE_SLOTS, sizeof *c->slot);
	c->hits = c->misses = 0;
}

void
scan_cache_free(struct scan_cache *c)
{
	free(c->slot);
	c->slot = NULL;
}

void
scan_glance_init(struct scan_glance *g)
{
	g->slot = xcalloc(SCAN_GLANCE_SLOTS, sizeof *g->slot);
	g->hits = g->misses = g->skip = 0;
	g->tried = g->found = 0;
}

void
scan_glance_free(struct scan_glance *g)
{
	free(g->slot);
	g->slot = NULL;
}

bool
scan_glance_use(struct scan_glance *g)
{
	if (g->skip > 0) {
		g->skip--;
		return false;
	}
	if (g->tried == SCAN_GLANCE_ROUND) {
		if (g->found < SCAN_GLANCE_ROUND / 4)
			g->skip = SCAN_GLANCE_SKIP;
		g->tried = g->found = 0;
		if (g->skip > 0)
			return false;
	}
	return true;
}

bool
scan_glance_get(struct scan_glance *g, const char *key, size_t n,
    uint64_t h, unsigned *glance)
{
	const struct scan_glance_slot *s = &g->slot[h % SCAN_GLANCE_SLOTS];

	g->tried++;
	if (n == 0 || n > SCAN_GLANCE_KEY || s->len != n || s->hash != h ||
	    memcmp(s->key, key, n) != 0) {
		g->misses++;
		return false;
	}
	g->hits++;
	g->found++;
	*glance = s->glance;
	return true;
}

void
scan_glance_put(struct scan_glance *g, const char *key, size_t n,
    uint64_t h, unsigned glance)
{
	struct scan_glance_slot *s = &g->slot[h % SCAN_GLANCE_SLOTS];

	if (n == 0 || n > SCAN_GLANCE_KEY)
		return;
	s->hash = h;
	s->len = (unsigned short)n;
	s->glance = (unsigned char)glance;
	memcpy(s->key, key, n);
}

bool
scan_cache_get(struct scan_cache *c, const char *key, size_t n, uint64_t h,
    struct scan_verdict *v)
{
	struct scan_cache_slot *s;

	if (n == 0 || n > SCAN_CACHE_KEY) {
		c->misses++;
		return false;
	}
	s = &c->slot[h % SCAN_CACHE_SLOTS];
	if (s->len != n || s->hash != h || memcmp(s->key, key, n) != 0) {
		c->misses++;
		return false;
	}
	c->hits++;
	*v = s->v;
	return true;
}

void
scan_cache_put(struct scan_cache *c, const char *key, size_t n, uint64_t h,
    const struct scan_verdict *v)
{
	struct scan_cache_slot *s;

	if (n == 0 || n > SCAN_CACHE_KEY)
		return;
	s = &c->slot[h % SCAN_CACHE_SLOTS];
	s->hash = h;
	s->len = (unsigned short)n;
	s->v = *v;
	memcpy(s->key, key, n);
}
