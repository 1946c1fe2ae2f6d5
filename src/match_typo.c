/* match_typo.c: the words of the index that a query's word may stand
 * for: itself, words it begins (a message typed in part), and words
 * within one or two edits (a typo), found through a trigram index built
 * on first need.  Layer: match (query side, above the index). */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "match_int.h"
#include "tokens.h"
#include "util.h"

/* The tuning of the candidates, each a trade between finding what was
 * meant and finding what was not:
 * PREFIX_BASE, PREFIX_SPAN: a word typed in part is worth 0.55 at least
 *   and 0.9 when it is nearly whole (0.55 + 0.35 * typed / whole): never
 *   as much as the word itself, so a whole word wins a tie.
 * PREFIX_MAX: at most this many words per prefix, so a short prefix
 *   ("co") cannot touch half the vocabulary and slow every keystroke.
 * TYPO_ONE, TYPO_TWO: a word one edit away is worth 0.85, two 0.7: a typo
 *   still finds its error, below the exact spelling.
 * TYPO_MIN, TYPO_MAX_LEN: typos are looked for in words of 4 to 64 bytes;
 *   in shorter words one edit makes another word (code, mode), longer
 *   ones are not typed.  From TYPO_TWO_LEN bytes two edits are allowed.
 * SHORT_WORD: words up to this long also try every word of their first
 *   letter, as a swap leaves them too few shared trigrams. */
#define PREFIX_BASE 0.55
#define PREFIX_SPAN 0.35
#define PREFIX_MAX 64
#define TYPO_ONE 0.85
#define TYPO_TWO 0.7
#define TYPO_MIN 4
#define TYPO_MAX_LEN 64
#define TYPO_TWO_LEN 8
#define SHORT_WORD 6
/* A word of the base of at most this many bytes, typed as it is, gets no
 * typo candidates. */
#define TYPO_KNOWN_MAX 6


static uint32_t
tri_key(const char *w, size_t n, size_t i)
{
	/* w is padded on both ends: position 0 is the start marker. */
	unsigned char a = i == 0 ? 1 : (unsigned char)w[i - 1];
	unsigned char b = (unsigned char)w[i];
	unsigned char c = i + 1 < n ? (unsigned char)w[i + 1] : 2;
	return (uint32_t)a << 16 | (uint32_t)b << 8 | c;
}

static size_t
tri_slot(const struct match_index *ix, uint32_t key)
{
	size_t h = (size_t)((key * 2654435761u) & (ix->tcap - 1));
	while (ix->tkey[h] != UINT32_MAX && ix->tkey[h] != key)
		h = (h + 1) & (ix->tcap - 1);
	return h;
}

static uint32_t *
tri_keys_new(size_t cap)
{
	uint32_t *t = xmalloc(cap * sizeof *t);

	for (size_t i = 0; i < cap; i++)
		t[i] = UINT32_MAX;
	return t;
}

/* Doubles the trigram table, keeping its keys. */
static void
tri_grow(struct match_index *ix)
{
	uint32_t *old = ix->tkey;
	size_t oldcap = ix->tcap;

	ix->tcap *= 2;
	ix->tkey = tri_keys_new(ix->tcap);
	for (size_t i = 0; i < oldcap; i++)
		if (old[i] != UINT32_MAX)
			ix->tkey[tri_slot(ix, old[i])] = old[i];
	free(old);
}

static void
tri_build(struct match_index *ix)
{
	size_t total = 0;
	uint32_t *fill;

	for (size_t v = 0; v < ix->nv; v++)
		if (ix->vkind[v] == TK_WORD)
			total += ix->vlen[v];
	/* Words share most of their trigrams: the table holds the
	 * distinct ones, at most half full, doubling as they come. */
	ix->tcap = 64;
	ix->tkey = tri_keys_new(ix->tcap);
	for (size_t v = 0, distinct = 0; v < ix->nv; v++) {
		if (ix->vkind[v] != TK_WORD)
			continue;
		for (size_t i = 0; i < ix->vlen[v]; i++) {
			uint32_t k = tri_key(ix->vstr[v], ix->vlen[v], i);
			size_t s = tri_slot(ix, k);
			if (ix->tkey[s] != UINT32_MAX)
				continue;
			ix->tkey[s] = k;
			if (++distinct * 2 > ix->tcap)
				tri_grow(ix);
		}
	}
	ix->tstart = xcalloc(ix->tcap + 1, sizeof *ix->tstart);
	ix->tvid = xmalloc((total ? total : 1) * sizeof *ix->tvid);
	for (size_t v = 0; v < ix->nv; v++) {
		if (ix->vkind[v] != TK_WORD)
			continue;
		for (size_t i = 0; i < ix->vlen[v]; i++) {
			uint32_t k = tri_key(ix->vstr[v], ix->vlen[v], i);
			size_t s = tri_slot(ix, k);
			ix->tkey[s] = k;
			ix->tstart[s + 1]++;
		}
	}
	for (size_t s = 0; s < ix->tcap; s++)
		ix->tstart[s + 1] += ix->tstart[s];
	fill = xmalloc((ix->tcap + 1) * sizeof *fill);
	memcpy(fill, ix->tstart, (ix->tcap + 1) * sizeof *fill);
	for (size_t v = 0; v < ix->nv; v++) {
		if (ix->vkind[v] != TK_WORD)
			continue;
		for (size_t i = 0; i < ix->vlen[v]; i++) {
			size_t s = tri_slot(ix, tri_key(ix->vstr[v],
			    ix->vlen[v], i));
			ix->tvid[fill[s]++] = (uint32_t)v;
		}
	}
	free(fill);
	ix->tri_built = true;
}

/* Optimal string alignment distance between a and b, or k + 1 when it is
 * more than k. */
static size_t
edit_distance(const char *a, size_t n, const char *b, size_t m, size_t k)
{
	size_t rows[3][66];
	size_t *pp = rows[0], *p = rows[1], *c = rows[2];

	if (n > 64 || m > 64)
		return k + 1;
	if ((n > m ? n - m : m - n) > k)
		return k + 1;
	for (size_t j = 0; j <= m; j++)
		p[j] = j;
	for (size_t i = 1; i <= n; i++) {
		size_t best;
		c[0] = i;
		best = c[0];
		for (size_t j = 1; j <= m; j++) {
			size_t cost = a[i - 1] != b[j - 1];
			size_t d = p[j - 1] + cost;
			if (p[j] + 1 < d)
				d = p[j] + 1;
			if (c[j - 1] + 1 < d)
				d = c[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && pp[j - 2] + 1 < d)
				d = pp[j - 2] + 1;
			c[j] = d;
			if (d < best)
				best = d;
		}
		if (best > k)
			return k + 1;
		size_t *t = pp;
		pp = p;
		p = c;
		c = t;
	}
	return p[m];
}

/* Adds a candidate, keeping the best similarity per word. */
static void
cand_add(struct cand **cv, size_t *n, size_t *cap, size_t vid, double sim)
{
	for (size_t i = 0; i < *n; i++)
		if ((*cv)[i].vid == vid) {
			if (sim > (*cv)[i].sim)
				(*cv)[i].sim = sim;
			return;
		}
	*cv = xgrow(*cv, cap, *n + 1, sizeof **cv);
	(*cv)[(*n)++] = (struct cand){ vid, sim };
}

/* Word w is a typo's candidate: the first time in this query (its stamp
 * is old), its count starts at 0 and it joins *hit. */
static void
hit_word(struct match_index *ix, size_t w, size_t **hit, size_t *nhit,
    size_t *cap)
{
	if (ix->vstamp[w] == ix->stamp)
		return;
	ix->vstamp[w] = ix->stamp;
	ix->vcount[w] = 0;
	*hit = xgrow(*hit, cap, *nhit + 1, sizeof **hit);
	(*hit)[(*nhit)++] = w;
}

/* The vocabulary words that a query token may stand for. */
size_t
match_candidates(struct match_index *ix, const char *t, size_t n,
    enum tok_kind kind, struct cand **cv, size_t *cap)
{
	size_t nc = 0, v = match_vocab_find(ix, t, n);
	bool known = v != SIZE_MAX && ix->vkind[v] == kind;

	if (known)
		cand_add(cv, &nc, cap, v, 1.0);
	if (kind != TK_WORD)
		return nc;
	if (n >= 3) {
		/* Words that start with t: a message typed in part. */
		size_t lo = 0, hi = ix->nv, seen = 0;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (strcmp(ix->vstr[ix->sorted[mid]], t) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (size_t i = lo; i < ix->nv && seen < PREFIX_MAX; i++) {
			size_t w = ix->sorted[i];
			if (strncmp(ix->vstr[w], t, n) != 0)
				break;
			if (ix->vlen[w] > n && ix->vkind[w] == TK_WORD) {
				cand_add(cv, &nc, cap, w, PREFIX_BASE +
				    PREFIX_SPAN * (double)n /
				    (double)ix->vlen[w]);
				seen++;
			}
		}
	}
	/* A short word the base knows as it is is no typo of another
	 * ("port" is not "part", "boot" not "root"); a long one may be the
	 * other spelling of a word ("unauthorized", "unauthorised"). */
	if (known && n <= TYPO_KNOWN_MAX)
		return nc;
	if (n >= TYPO_MIN && n <= TYPO_MAX_LEN) {
		/* Words within one edit (two for long words): a typo. */
		size_t k = n >= TYPO_TWO_LEN ? 2 : 1;
		size_t need = n > 3 * k ? n - 3 * k : 1;
		size_t *hit = NULL, nhit = 0, caphit = 0;

		if (!ix->tri_built)
			tri_build(ix);
		ix->stamp++;
		for (size_t i = 0; i < n; i++) {
			size_t s = tri_slot(ix, tri_key(t, n, i));
			if (ix->tkey[s] == UINT32_MAX)
				continue;
			for (size_t j = ix->tstart[s]; j < ix->tstart[s + 1];
			    j++) {
				size_t w = ix->tvid[j];
				hit_word(ix, w, &hit, &nhit, &caphit);
				ix->vcount[w]++;
			}
		}
		if (n <= SHORT_WORD) {
			/* Short words share too few trigrams after a swap
			 * (wscm, wcsm): try the words with the same first
			 * letter as well. */
			size_t lo = 0, hi = ix->nv;
			while (lo < hi) {
				size_t mid = (lo + hi) / 2;
				if ((unsigned char)ix->vstr[ix->sorted[mid]][0] <
				    (unsigned char)t[0])
					lo = mid + 1;
				else
					hi = mid;
			}
			for (size_t i = lo; i < ix->nv &&
			    ix->vstr[ix->sorted[i]][0] == t[0]; i++) {
				size_t w = ix->sorted[i];
				if (ix->vkind[w] != TK_WORD ||
				    ix->vlen[w] + 1 < n || ix->vlen[w] > n + 1)
					continue;
				hit_word(ix, w, &hit, &nhit, &caphit);
				ix->vcount[w] = need;
			}
		}
		for (size_t i = 0; i < nhit; i++) {
			size_t w = hit[i], d;
			const char *ws = ix->vstr[w];
			if (ix->vcount[w] < need || w == v)
				continue;
			/* A word of the base with a letter put before it is
			 * another word, a name: "fblock" is no "block",
			 * "xflash" no "flash". */
			if (ix->vlen[w] + 1 == n && memcmp(ws, t + 1,
			    ix->vlen[w]) == 0)
				continue;
			d = edit_distance(t, n, ws, ix->vlen[w], k);
			if (d <= k)
				cand_add(cv, &nc, cap, w, d == 1 ? TYPO_ONE :
				    TYPO_TWO);
		}
		free(hit);
	}
	return nc;
}
