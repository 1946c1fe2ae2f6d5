/* digest.c: four independent multiply-rotate lanes over 32-byte blocks,
 * so a core keeps several multiplications in flight (about a byte a
 * cycle), then a final mix of the lanes, the tail and the length.
 * Layer: base. */
#include <config.h>

#include "digest.h"

#include <string.h>

#define K1 0x9e3779b97f4a7c15ULL
#define K2 0xd6e8feb86659fd93ULL

static uint64_t
rotl(uint64_t x, int r)
{
	return x << r | x >> (64 - r);
}

static uint64_t
load64(const unsigned char *p)
{
	uint64_t w;

	memcpy(&w, p, 8);
	return w;
}

static void
block(uint64_t lane[4], const unsigned char *p)
{
	for (int i = 0; i < 4; i++)
		lane[i] = rotl(lane[i] ^ load64(p + 8 * i) * K2, 29) * K1;
}

/* Spreads every bit of x over the result. */
static uint64_t
mix(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ULL;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebULL;
	return x ^ x >> 31;
}

void
digest_init(struct digest *g)
{
	memset(g, 0, sizeof *g);
	for (int i = 0; i < 4; i++)
		g->lane[i] = K1 * (uint64_t)(i + 1);
}

void
digest_add(struct digest *g, const void *p_, size_t n)
{
	const unsigned char *p = p_;

	g->total += n;
	if (g->ntail) {
		size_t k = 32 - g->ntail < n ? 32 - g->ntail : n;
		memcpy(g->tail + g->ntail, p, k);
		g->ntail += k;
		p += k;
		n -= k;
		if (g->ntail < 32)
			return;
		block(g->lane, g->tail);
		g->ntail = 0;
	}
	for (; n >= 32; p += 32, n -= 32)
		block(g->lane, p);
	memcpy(g->tail, p, n);
	g->ntail = n;
}

uint64_t
digest_end(const struct digest *g)
{
	uint64_t h = g->total * K2;

	for (int i = 0; i < 4; i++)
		h = mix(h ^ g->lane[i]);
	for (size_t i = 0; i < g->ntail; i++)
		h = (h ^ g->tail[i]) * K1;
	return mix(h ^ g->ntail);
}

uint64_t
digest_of(const void *p, size_t n)
{
	struct digest g;

	digest_init(&g);
	digest_add(&g, p, n);
	return digest_end(&g);
}
