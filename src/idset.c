/* idset.c: a set of session ids kept by open addressing.  Layer: base. */
#include <config.h>

#include "idset.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

void
idset_init(struct idset *s)
{
	memset(s, 0, sizeof *s);
}

void
idset_free(struct idset *s)
{
	for (size_t i = 0; i < s->cap; i++)
		free(s->v[i]);
	free(s->v);
	free(s->k);
	memset(s, 0, sizeof *s);
}

/* An id of the form flashfix makes, "TIME-RANDOM" in lower-case hex (at
 * most 9 and exactly 6 digits), as one number; false for any other. */
static bool
pack(const char *id, uint64_t *out)
{
	uint64_t v = 0;
	size_t i = 0, dash = 0;

	for (; id[i]; i++) {
		char c = id[i];
		if (c == '-' && !dash && i > 0 && i <= 9) {
			dash = i;
			continue;
		}
		if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
			return false;
		v = v << 4 | (uint64_t)(c <= '9' ? c - '0' : c - 'a' + 10);
	}
	if (!dash || i - dash - 1 != 6)
		return false;
	/* Leading zeros would make two ids one: "0a-..." and "a-...". */
	if (id[0] == '0' && dash > 1)
		return false;
	*out = v;
	return true;
}

static size_t
hash64(uint64_t k, size_t cap)
{
	k ^= k >> 33;
	k *= 0xff51afd7ed558ccdULL;
	k ^= k >> 33;
	return (size_t)k & (cap - 1);
}

static bool
seen_packed(struct idset *s, uint64_t key)
{
	size_t h;

	key++;
	if (4 * (s->nk + 1) > 3 * s->capk) {
		size_t cap = s->capk ? s->capk * 2 : 1024;
		uint64_t *k = xcalloc(cap, sizeof *k);
		for (size_t i = 0; i < s->capk; i++) {
			if (!s->k[i])
				continue;
			h = hash64(s->k[i], cap);
			while (k[h])
				h = (h + 1) & (cap - 1);
			k[h] = s->k[i];
		}
		free(s->k);
		s->k = k;
		s->capk = cap;
	}
	h = hash64(key, s->capk);
	while (s->k[h]) {
		if (s->k[h] == key)
			return true;
		h = (h + 1) & (s->capk - 1);
	}
	s->k[h] = key;
	s->nk++;
	return false;
}

/* Where id is in v (cap a power of two), or the free slot it would
 * take. */
static size_t
slot(char **v, size_t cap, const char *id)
{
	size_t h = (size_t)util_fnv1a(id, strlen(id)) & (cap - 1);

	while (v[h] && strcmp(v[h], id) != 0)
		h = (h + 1) & (cap - 1);
	return h;
}

bool
idset_seen(struct idset *s, const char *id)
{
	uint64_t key;
	size_t h;

	if (pack(id, &key))
		return seen_packed(s, key);
	if (4 * (s->n + 1) > 3 * s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 64;
		char **v = xcalloc(cap, sizeof *v);
		for (size_t i = 0; i < s->cap; i++)
			if (s->v[i])
				v[slot(v, cap, s->v[i])] = s->v[i];
		free(s->v);
		s->v = v;
		s->cap = cap;
	}
	h = slot(s->v, s->cap, id);
	if (s->v[h])
		return true;
	s->v[h] = xstrdup(id);
	s->n++;
	return false;
}
