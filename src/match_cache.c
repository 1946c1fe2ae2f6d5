/* match_cache.c: the match index as bytes, kept in the knowledge base's
 * cache next to the base itself, so that a start reads the index instead
 * of tokenising every message again.
 *
 * The bytes are a header of counts, then the index's arrays, each at an
 * offset that is a multiple of 8, in the host's order (the cache's header
 * says which); the words last, each ending in NUL.  Read back, the arrays
 * are used where they lie (nothing is copied), after every count, id and
 * offset has been checked, so that a damaged cache can give a poor
 * ranking at worst, never a read out of bounds or a loop without end.
 *
 * Layer: match (above the index, beside the query side). */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "match.h"
#include "match_int.h"

#define HEAD_BYTES 40

static void
pad8(struct buf *out)
{
	static const char zero[8];

	buf_add(out, zero, (8 - out->len % 8) % 8);
}

static void
put(struct buf *out, const void *p, size_t n)
{
	buf_add(out, p, n);
	pad8(out);
}

void
match_index_encode(const struct match_index *ix, struct buf *out)
{
	uint32_t head[8] = {
		(uint32_t)ix->nerr, (uint32_t)ix->nv, (uint32_t)ix->ndocs,
		ix->nv ? ix->pstart[ix->nv] : 0, (uint32_t)ix->ncodes,
		(uint32_t)ix->hcap, 0, 0,
	};
	uint32_t *woff = xmalloc((ix->nv ? ix->nv : 1) * sizeof *woff);
	struct buf words;

	buf_init(&words);
	for (size_t v = 0; v < ix->nv; v++) {
		woff[v] = (uint32_t)words.len;
		buf_add(&words, ix->vstr[v], ix->vlen[v] + 1);
	}
	head[6] = (uint32_t)words.len;
	pad8(out);
	buf_add(out, head, sizeof head);
	buf_add(out, &ix->max_idf, sizeof ix->max_idf);
	put(out, woff, ix->nv * sizeof *woff);
	put(out, ix->vlen, ix->nv * sizeof *ix->vlen);
	put(out, ix->vkind, ix->nv);
	put(out, ix->df, ix->nv * sizeof *ix->df);
	put(out, ix->weight, ix->nv * sizeof *ix->weight);
	put(out, ix->htab, ix->hcap * sizeof *ix->htab);
	put(out, ix->sorted, ix->nv * sizeof *ix->sorted);
	put(out, ix->doc_err, ix->ndocs * sizeof *ix->doc_err);
	put(out, ix->doc_total, ix->ndocs * sizeof *ix->doc_total);
	put(out, ix->pstart, (ix->nv + 1) * sizeof *ix->pstart);
	put(out, ix->pdoc, head[3] * sizeof *ix->pdoc);
	put(out, ix->codes, ix->ncodes * sizeof *ix->codes);
	put(out, words.s, words.len);
	buf_free(&words);
	free(woff);
}

struct cursor {
	unsigned char *p, *end;
	bool bad;
};

/* The next n items of size bytes; NULL (and bad) past the end. */
static void *
take(struct cursor *c, size_t n, size_t size)
{
	size_t bytes = n * size, room = (size_t)(c->end - c->p);
	void *at = c->p;

	bytes += (8 - bytes % 8) % 8;
	if (c->bad || bytes > room) {
		c->bad = true;
		return NULL;
	}
	c->p += bytes;
	return at;
}

static bool
all_below(const uint32_t *v, size_t n, uint32_t limit)
{
	for (size_t i = 0; i < n; i++)
		if (v[i] >= limit)
			return false;
	return true;
}

static bool
all_finite(const float *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isfinite(v[i]) || v[i] < 0)
			return false;
	return true;
}

/* The words, the hash table and the postings: every id in range, every
 * word a string of its length, a free slot to end each probe. */
static bool
sound(const struct match_index *ix, const uint32_t *woff, const char *words,
    size_t wbytes)
{
	size_t npost = ix->pstart[ix->nv], free_slots = 0;

	for (size_t v = 0; v < ix->nv; v++) {
		if (ix->vlen[v] == 0 || woff[v] >= wbytes ||
		    ix->vlen[v] >= wbytes - woff[v] ||
		    words[woff[v] + ix->vlen[v]] != '\0' ||
		    memchr(words + woff[v], '\0', ix->vlen[v]) ||
		    ix->vkind[v] > TK_NUM || ix->df[v] == 0 ||
		    ix->pstart[v] > ix->pstart[v + 1])
			return false;
	}
	if (ix->hcap < 2 || (ix->hcap & (ix->hcap - 1)) || ix->pstart[0])
		return false;
	for (size_t h = 0; h < ix->hcap; h++) {
		if (ix->htab[h] == UINT32_MAX)
			free_slots++;
		else if (ix->htab[h] >= ix->nv)
			return false;
	}
	if (!free_slots)
		return false;
	for (size_t k = 0; k < ix->ncodes; k++) {
		const struct code_ref *r = &ix->codes[k];
		if (r->err >= ix->nerr ||
		    r->which >= ix->kb->errors[r->err].ncodes)
			return false;
	}
	return all_below(ix->sorted, ix->nv, (uint32_t)ix->nv) &&
	    all_below(ix->doc_err, ix->ndocs, (uint32_t)ix->nerr) &&
	    all_below(ix->pdoc, npost, (uint32_t)ix->ndocs) &&
	    all_finite(ix->weight, ix->nv) &&
	    all_finite(ix->doc_total, ix->ndocs) && isfinite(ix->max_idf);
}

struct match_index *
match_index_decode(const struct kb *kb, unsigned char *bytes, size_t n)
{
	struct cursor c = { bytes, bytes + n, false };
	struct match_index *ix;
	uint32_t *head, *woff;
	const char *words;

	if (n < HEAD_BYTES || (uintptr_t)bytes % 8) {
		free(bytes);
		return NULL;
	}
	head = take(&c, 8, sizeof *head);
	if (head[0] != kb->nerrors || head[2] > UINT32_MAX / 2) {
		free(bytes);
		return NULL;
	}
	ix = xcalloc(1, sizeof *ix);
	ix->kb = kb;
	ix->nerr = head[0];
	ix->nv = ix->capv = head[1];
	ix->ndocs = head[2];
	ix->ncodes = head[4];
	ix->hcap = head[5];
	memcpy(&ix->max_idf, take(&c, 1, sizeof ix->max_idf),
	    sizeof ix->max_idf);
	woff = take(&c, ix->nv, sizeof *woff);
	ix->vlen = take(&c, ix->nv, sizeof *ix->vlen);
	ix->vkind = take(&c, ix->nv, 1);
	ix->df = take(&c, ix->nv, sizeof *ix->df);
	ix->weight = take(&c, ix->nv, sizeof *ix->weight);
	ix->htab = take(&c, ix->hcap, sizeof *ix->htab);
	ix->sorted = take(&c, ix->nv, sizeof *ix->sorted);
	ix->doc_err = take(&c, ix->ndocs, sizeof *ix->doc_err);
	ix->doc_total = take(&c, ix->ndocs, sizeof *ix->doc_total);
	ix->pstart = take(&c, ix->nv + 1, sizeof *ix->pstart);
	ix->pdoc = take(&c, head[3], sizeof *ix->pdoc);
	ix->codes = take(&c, ix->ncodes, sizeof *ix->codes);
	words = take(&c, head[6], 1);
	if (c.bad || c.p != c.end || ix->pstart[ix->nv] != head[3] ||
	    !sound(ix, woff, words, head[6])) {
		free(ix);
		free(bytes);
		return NULL;
	}
	ix->bytes = bytes;
	ix->vstr = xmalloc((ix->nv ? ix->nv : 1) * sizeof *ix->vstr);
	for (size_t v = 0; v < ix->nv; v++)
		ix->vstr[v] = (char *)words + woff[v];
	toklist_init(&ix->tl);
	arena_init(&ix->words);
	match_index_scratch(ix);
	return ix;
}
