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

/* FNV-1a over the bytes, never 0 (0 marks nothing). */
static uint64_t
hash_of(const char *s, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
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

bool
scan_cache_get(struct scan_cache *c, const char *key, size_t n,
    struct scan_verdict *v)
{
	uint64_t h;
	struct scan_cache_slot *s;

	if (n == 0 || n > SCAN_CACHE_KEY) {
		c->misses++;
		return false;
	}
	h = hash_of(key, n);
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
scan_cache_put(struct scan_cache *c, const char *key, size_t n,
    const struct scan_verdict *v)
{
	uint64_t h;
	struct scan_cache_slot *s;

	if (n == 0 || n > SCAN_CACHE_KEY)
		return;
	h = hash_of(key, n);
	s = &c->slot[h % SCAN_CACHE_SLOTS];
	s->hash = h;
	s->len = (unsigned short)n;
	s->v = *v;
	memcpy(s->key, key, n);
}
