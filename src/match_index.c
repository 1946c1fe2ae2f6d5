/* match_index.c: the match index's life: built over a knowledge base's
 * messages, aliases and codes, and freed.  Every error's messages
 * (English, Chinese, aliases) are cut into tokens (tokens.c); each
 * distinct token gets an IDF weight and a list of the messages that hold
 * it; codes are kept sorted.  Querying it is match.c's, keeping it in the
 * cache match_cache.c's.  Layer: match (the index, below both). */
#include <config.h>

#include "match_index.h"

#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "match_int.h"
#include "tokens.h"
#include "util.h"

size_t
match_vocab_find(const struct match_index *ix, const char *s, size_t n)
{
	size_t h = (size_t)util_fnv1a(s, n) & (ix->hcap - 1);

	while (ix->htab[h] != UINT32_MAX) {
		size_t v = ix->htab[h];
		if (ix->vlen[v] == n && memcmp(ix->vstr[v], s, n) == 0)
			return v;
		h = (h + 1) & (ix->hcap - 1);
	}
	return SIZE_MAX;
}

static void
vocab_rehash(struct match_index *ix)
{
	free(ix->htab);
	ix->hcap = ix->hcap ? ix->hcap * 2 : 1024;
	ix->htab = xmalloc(ix->hcap * sizeof *ix->htab);
	for (size_t i = 0; i < ix->hcap; i++)
		ix->htab[i] = UINT32_MAX;
	for (size_t v = 0; v < ix->nv; v++) {
		size_t h = (size_t)util_fnv1a(ix->vstr[v], ix->vlen[v]) &
		    (ix->hcap - 1);
		while (ix->htab[h] != UINT32_MAX)
			h = (h + 1) & (ix->hcap - 1);
		ix->htab[h] = (uint32_t)v;
	}
}

static size_t
vocab_add(struct match_index *ix, const char *s, size_t n,
    enum tok_kind kind)
{
	size_t v = match_vocab_find(ix, s, n), h;

	if (v != SIZE_MAX)
		return v;
	if ((ix->nv + 1) * 4 > ix->hcap * 3) /* at most 3/4 full */
		vocab_rehash(ix);
	if (ix->nv == ix->capv) {
		size_t cap = ix->capv;
		ix->vstr = xgrow(ix->vstr, &cap, ix->nv + 1, sizeof *ix->vstr);
		cap = ix->capv;
		ix->vlen = xgrow(ix->vlen, &cap, ix->nv + 1, sizeof *ix->vlen);
		cap = ix->capv;
		ix->vkind = xgrow(ix->vkind, &cap, ix->nv + 1, 1);
		cap = ix->capv;
		ix->df = xgrow(ix->df, &cap, ix->nv + 1, sizeof *ix->df);
		ix->capv = cap;
	}
	v = ix->nv++;
	ix->vstr[v] = arena_strndup(&ix->words, s, n);
	ix->vlen[v] = (uint32_t)n;
	ix->vkind[v] = (unsigned char)kind;
	ix->df[v] = 0;
	h = (size_t)util_fnv1a(s, n) & (ix->hcap - 1);
	while (ix->htab[h] != UINT32_MAX)
		h = (h + 1) & (ix->hcap - 1);
	ix->htab[h] = (uint32_t)v;
	return v;
}

static const struct match_index *sort_ix;

static int
cmp_vid(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return strcmp(sort_ix->vstr[x], sort_ix->vstr[y]);
}

static const char *
ref_code(const struct match_index *ix, const struct code_ref *r)
{
	return ix->kb->errors[r->err].codes[r->which];
}

const char *
match_code_of(const struct match_index *ix, size_t k)
{
	return ref_code(ix, &ix->codes[k]);
}

static int
cmp_code(const void *a, const void *b)
{
	const struct code_ref *x = a, *y = b;
	int c = strcmp(ref_code(sort_ix, x), ref_code(sort_ix, y));
	if (c)
		return c;
	return x->err < y->err ? -1 : x->err > y->err;
}

/* While the index is built, each message's words in a row: word ids,
 * this bit set for a CamelCase part, which counts towards a match but
 * not towards the message's total. */
#define PART_BIT 0x80000000u

/* What building the index keeps until it is done. */
struct build {
	uint32_t *pv;             /* every message's word ids, in a row */
	uint32_t *dstart;         /* each message's first in pv */
	size_t npairs, cappairs, capdocs, capds, capcodes;
	unsigned *last_err, *last_doc; /* per word: the last error, message */
	size_t caplast;
};

/* Room in the per-word tables of b for word v. */
static void
build_room(struct build *b, size_t v)
{
	size_t c = b->caplast;

	if (v < b->caplast)
		return;
	b->last_err = xgrow(b->last_err, &c, v + 1, sizeof *b->last_err);
	c = b->caplast;
	b->last_doc = xgrow(b->last_doc, &c, v + 1, sizeof *b->last_doc);
	for (size_t j = b->caplast; j < c; j++)
		b->last_err[j] = b->last_doc[j] = 0;
	b->caplast = c;
}

/* One message (text) of error e: a new document, its words added to the
 * vocabulary, each word once per message, and counted once per error in
 * its document frequency. */
static void
index_message(struct match_index *ix, struct build *b, size_t e,
    const char *text)
{
	size_t doc = ix->ndocs++;

	ix->doc_err = xgrow(ix->doc_err, &b->capdocs, doc + 1,
	    sizeof *ix->doc_err);
	ix->doc_err[doc] = (uint32_t)e;
	b->dstart = xgrow(b->dstart, &b->capds, doc + 2, sizeof *b->dstart);
	b->dstart[doc] = (uint32_t)b->npairs;
	toklist_clear(&ix->tl);
	tokenize(text, strlen(text), 0, &ix->tl);
	for (size_t i = 0; i < ix->tl.n; i++) {
		const struct tok *tk = &ix->tl.v[i];
		size_t v = vocab_add(ix, tok_str(&ix->tl, tk), tk->len,
		    tk->kind);
		build_room(b, v);
		if (b->last_doc[v] == doc + 1)
			continue;
		b->last_doc[v] = (unsigned)doc + 1;
		if (b->last_err[v] != e + 1) {
			b->last_err[v] = (unsigned)e + 1;
			ix->df[v]++;
		}
		b->pv = xgrow(b->pv, &b->cappairs, b->npairs + 1,
		    sizeof *b->pv);
		b->pv[b->npairs++] = (uint32_t)v | (tk->part ? PART_BIT : 0);
	}
}

/* Error e: its messages in both languages and its aliases, and its
 * codes. */
static void
index_error(struct match_index *ix, struct build *b, size_t e)
{
	const struct kb_error *err = &ix->kb->errors[e];

	index_message(ix, b, e, err->error_en);
	if (err->error_zh)
		index_message(ix, b, e, err->error_zh);
	for (size_t a = 0; a < err->naliases; a++)
		index_message(ix, b, e, err->aliases[a]);
	for (size_t c = 0; c < err->ncodes; c++) {
		ix->codes = xgrow(ix->codes, &b->capcodes, ix->ncodes + 1,
		    sizeof *ix->codes);
		ix->codes[ix->ncodes++] = (struct code_ref){ (uint32_t)e,
			(uint32_t)c };
	}
}

/* Gives back the room that doubling left. */
static void
trim(struct match_index *ix)
{
	if (ix->nv) {
		ix->vstr = xrealloc(ix->vstr, ix->nv * sizeof *ix->vstr);
		ix->vlen = xrealloc(ix->vlen, ix->nv * sizeof *ix->vlen);
		ix->vkind = xrealloc(ix->vkind, ix->nv);
		ix->df = xrealloc(ix->df, ix->nv * sizeof *ix->df);
		ix->capv = ix->nv;
	}
	if (ix->ndocs)
		ix->doc_err = xrealloc(ix->doc_err, ix->ndocs *
		    sizeof *ix->doc_err);
	if (ix->ncodes)
		ix->codes = xrealloc(ix->codes, ix->ncodes *
		    sizeof *ix->codes);
}

/* Word weights (IDF, less for common words), the postings (each word's
 * messages) and each message's total weight. */
static void
postings(struct match_index *ix, struct build *b)
{
	uint32_t *fill;

	ix->weight = xcalloc(ix->nv, sizeof *ix->weight);
	ix->max_idf = log(1.0 + (double)ix->nerr);
	for (size_t v = 0; v < ix->nv; v++)
		ix->weight[v] = (float)(log(1.0 + (double)ix->nerr /
		    ix->df[v]) * (ix->vkind[v] == TK_WORD ?
		    tok_stop_factor(ix->vstr[v], false) : 1.0));
	ix->pstart = xcalloc(ix->nv + 1, sizeof *ix->pstart);
	ix->pdoc = xmalloc((b->npairs ? b->npairs : 1) * sizeof *ix->pdoc);
	ix->doc_total = xcalloc(ix->ndocs, sizeof *ix->doc_total);
	b->dstart = xgrow(b->dstart, &b->capds, ix->ndocs + 1,
	    sizeof *b->dstart);
	b->dstart[ix->ndocs] = (uint32_t)b->npairs;
	for (size_t d = 0; d < ix->ndocs; d++)
		for (size_t i = b->dstart[d]; i < b->dstart[d + 1]; i++) {
			uint32_t v = b->pv[i] & ~PART_BIT;
			ix->pstart[v + 1]++;
			if (!(b->pv[i] & PART_BIT))
				ix->doc_total[d] += ix->weight[v];
		}
	for (size_t v = 0; v < ix->nv; v++)
		ix->pstart[v + 1] += ix->pstart[v];
	fill = xmalloc((ix->nv + 1) * sizeof *fill);
	memcpy(fill, ix->pstart, (ix->nv + 1) * sizeof *fill);
	for (size_t d = 0; d < ix->ndocs; d++)
		for (size_t i = b->dstart[d]; i < b->dstart[d + 1]; i++)
			ix->pdoc[fill[b->pv[i] & ~PART_BIT]++] = (uint32_t)d;
	free(fill);
}

/* The words in string order (for prefixes), the codes in code order. */
static void
sort_tables(struct match_index *ix)
{
	ix->sorted = xmalloc((ix->nv ? ix->nv : 1) * sizeof *ix->sorted);
	for (size_t v = 0; v < ix->nv; v++)
		ix->sorted[v] = (uint32_t)v;
	sort_ix = ix;
	if (ix->nv)
		qsort(ix->sorted, ix->nv, sizeof *ix->sorted, cmp_vid);
	/* A base without codes has no array to sort (found by fuzzing). */
	if (ix->ncodes)
		qsort(ix->codes, ix->ncodes, sizeof *ix->codes, cmp_code);
	sort_ix = NULL;
}

struct match_index *
match_index_new(const struct kb *kb)
{
	struct match_index *ix = xcalloc(1, sizeof *ix);
	struct build b = { 0 };

	ix->kb = kb;
	ix->nerr = kb->nerrors;
	toklist_init(&ix->tl);
	arena_init(&ix->words);
	vocab_rehash(ix);
	for (size_t e = 0; e < kb->nerrors; e++)
		index_error(ix, &b, e);
	free(b.last_err);
	free(b.last_doc);
	trim(ix);
	postings(ix, &b);
	free(b.pv);
	free(b.dstart);
	sort_tables(ix);
	match_index_scratch(ix);
	return ix;
}

void
match_index_scratch(struct match_index *ix)
{
	ix->q_acc = xcalloc(ix->ndocs + 1, sizeof *ix->q_acc);
	ix->d_acc = xcalloc(ix->ndocs + 1, sizeof *ix->d_acc);
	ix->d_spec = xcalloc(ix->ndocs + 1, 1);
	ix->doc_stamp = xcalloc(ix->ndocs + 1, sizeof *ix->doc_stamp);
	ix->touched = xmalloc((ix->ndocs + 1) * sizeof *ix->touched);
	ix->err_score = xcalloc(ix->nerr + 1, sizeof *ix->err_score);
	ix->err_cover = xcalloc(ix->nerr + 1, sizeof *ix->err_cover);
	ix->err_whole = xcalloc(ix->nerr + 1, sizeof *ix->err_whole);
	ix->err_mass = xcalloc(ix->nerr + 1, sizeof *ix->err_mass);
	ix->err_gen = xcalloc(ix->nerr + 1, sizeof *ix->err_gen);
	ix->err_code = xcalloc(ix->nerr + 1, 1);
	ix->etouched = xmalloc((ix->nerr + 1) * sizeof *ix->etouched);
	ix->vstamp = xcalloc(ix->nv + 1, sizeof *ix->vstamp);
	ix->vcount = xcalloc(ix->nv + 1, sizeof *ix->vcount);
	ix->vgen = xcalloc(ix->nv + 1, sizeof *ix->vgen);
	ix->vsim = xcalloc(ix->nv + 1, sizeof *ix->vsim);
}

void
match_index_free(struct match_index *ix)
{
	if (!ix)
		return;
	arena_free(&ix->words);
	free(ix->vstr);
	if (!ix->bytes) {
		free(ix->vlen);
		free(ix->vkind);
		free(ix->df);
		free(ix->weight);
		free(ix->htab);
		free(ix->sorted);
		free(ix->doc_err);
		free(ix->doc_total);
		free(ix->pstart);
		free(ix->pdoc);
		free(ix->codes);
	}
	free(ix->bytes);
	free(ix->tkey);
	free(ix->tstart);
	free(ix->tvid);
	free(ix->q_acc);
	free(ix->d_acc);
	free(ix->d_spec);
	free(ix->err_score);
	free(ix->err_cover);
	free(ix->err_whole);
	free(ix->err_mass);
	free(ix->doc_stamp);
	free(ix->err_gen);
	free(ix->err_code);
	free(ix->vstamp);
	free(ix->vcount);
	free(ix->vgen);
	free(ix->vsim);
	free(ix->touched);
	free(ix->etouched);
	toklist_free(&ix->tl);
	free(ix);
}
