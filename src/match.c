/* match.c: ranking knowledge-base errors against typed or pasted text.
 *
 * Every error's messages (English, Chinese, aliases) are cut into tokens
 * (tokens.c) and indexed: each distinct token gets an IDF weight and a
 * list of the messages that hold it.  A query's words are looked up
 * exactly, by prefix (a message typed in part) and within one or two
 * edits (a typo), and each message scores on two coverages: how much of
 * the message the query found, and how much of the query the message
 * explains (a pasted log line carries noise).  Codes are separate
 * evidence: a number that is an error's code, bare or after words of that
 * error's message, names the error; after other words (BROM ERROR ...
 * (4008)) it belongs to another code system and counts for nothing. */
#include <config.h>

#include "match.h"

#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "match_int.h"
#include "tokens.h"
#include "util.h"

/* How the two coverages combine: the message's weighs more. */
#define DOC_EXP 0.6
#define QUERY_EXP 0.4

struct cand {
	size_t vid;
	double sim;
};

static uint64_t
hash_bytes(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return h;
}

static size_t
vocab_find(const struct match_index *ix, const char *s, size_t n)
{
	size_t h = (size_t)hash_bytes(s, n) & (ix->hcap - 1);

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
		size_t h = (size_t)hash_bytes(ix->vstr[v], ix->vlen[v]) &
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
	size_t v = vocab_find(ix, s, n), h;

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
	h = (size_t)hash_bytes(s, n) & (ix->hcap - 1);
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

static const char *
code_of(const struct match_index *ix, size_t k)
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

struct match_index *
match_index_new(const struct kb *kb)
{
	struct match_index *ix;
	uint32_t *pv = NULL, *dstart = NULL; /* words; each message's first */
	size_t npairs = 0, cappairs = 0, capdocs = 0, capds = 0, capcodes = 0;
	unsigned *last_err = NULL, *last_doc = NULL;
	size_t caplast = 0;

	if (kb->ixbytes && (ix = match_index_decode(kb)))
		return ix;
	ix = xcalloc(1, sizeof *ix);
	ix->kb = kb;
	ix->nerr = kb->nerrors;
	toklist_init(&ix->tl);
	arena_init(&ix->words);
	vocab_rehash(ix);
	for (size_t e = 0; e < kb->nerrors; e++) {
		const struct kb_error *err = &kb->errors[e];
		const char *texts[2 + 64];
		size_t nt = 0;

		texts[nt++] = err->error_en;
		if (err->error_zh)
			texts[nt++] = err->error_zh;
		for (size_t a = 0; a < err->naliases && nt < 66; a++)
			texts[nt++] = err->aliases[a];
		for (size_t t = 0; t < nt; t++) {
			size_t doc = ix->ndocs++;
			ix->doc_err = xgrow(ix->doc_err, &capdocs, doc + 1,
			    sizeof *ix->doc_err);
			ix->doc_err[doc] = (uint32_t)e;
			dstart = xgrow(dstart, &capds, doc + 2,
			    sizeof *dstart);
			dstart[doc] = (uint32_t)npairs;
			toklist_clear(&ix->tl);
			tokenize(texts[t], strlen(texts[t]), 0, &ix->tl);
			for (size_t i = 0; i < ix->tl.n; i++) {
				const struct tok *tk = &ix->tl.v[i];
				size_t v;
				v = vocab_add(ix, tok_str(&ix->tl, tk), tk->len,
				    tk->kind);
				if (v >= caplast) {
					size_t c = caplast;
					last_err = xgrow(last_err, &c, v + 1,
					    sizeof *last_err);
					c = caplast;
					last_doc = xgrow(last_doc, &c, v + 1,
					    sizeof *last_doc);
					for (size_t j = caplast; j < c; j++)
						last_err[j] = last_doc[j] = 0;
					caplast = c;
				}
				if (last_doc[v] == doc + 1)
					continue;
				last_doc[v] = (unsigned)doc + 1;
				if (last_err[v] != e + 1) {
					last_err[v] = (unsigned)e + 1;
					ix->df[v]++;
				}
				pv = xgrow(pv, &cappairs, npairs + 1,
				    sizeof *pv);
				pv[npairs++] = (uint32_t)v | (tk->part ?
				    PART_BIT : 0);
			}
		}
		for (size_t c = 0; c < err->ncodes; c++) {
			ix->codes = xgrow(ix->codes, &capcodes,
			    ix->ncodes + 1, sizeof *ix->codes);
			ix->codes[ix->ncodes++] = (struct code_ref){
				(uint32_t)e, (uint32_t)c };
		}
	}
	free(last_err);
	free(last_doc);
	/* Give back the room that doubling left. */
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

	/* Weights, postings, message totals. */
	ix->weight = xcalloc(ix->nv, sizeof *ix->weight);
	ix->max_idf = log(1.0 + (double)ix->nerr);
	for (size_t v = 0; v < ix->nv; v++)
		ix->weight[v] = (float)(log(1.0 + (double)ix->nerr /
		    ix->df[v]) * (ix->vkind[v] == TK_WORD ?
		    tok_stop_factor(ix->vstr[v], false) : 1.0));
	ix->pstart = xcalloc(ix->nv + 1, sizeof *ix->pstart);
	ix->pdoc = xmalloc((npairs ? npairs : 1) * sizeof *ix->pdoc);
	ix->doc_total = xcalloc(ix->ndocs, sizeof *ix->doc_total);
	dstart = xgrow(dstart, &capds, ix->ndocs + 1, sizeof *dstart);
	dstart[ix->ndocs] = (uint32_t)npairs;
	for (size_t d = 0; d < ix->ndocs; d++)
		for (size_t i = dstart[d]; i < dstart[d + 1]; i++) {
			uint32_t v = pv[i] & ~PART_BIT;
			ix->pstart[v + 1]++;
			if (!(pv[i] & PART_BIT))
				ix->doc_total[d] += ix->weight[v];
		}
	for (size_t v = 0; v < ix->nv; v++)
		ix->pstart[v + 1] += ix->pstart[v];
	{
		uint32_t *fill = xmalloc((ix->nv + 1) * sizeof *fill);
		memcpy(fill, ix->pstart, (ix->nv + 1) * sizeof *fill);
		for (size_t d = 0; d < ix->ndocs; d++)
			for (size_t i = dstart[d]; i < dstart[d + 1]; i++)
				ix->pdoc[fill[pv[i] & ~PART_BIT]++] =
				    (uint32_t)d;
		free(fill);
	}
	free(pv);
	free(dstart);

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

	match_index_scratch(ix);
	return ix;
}

void
match_index_scratch(struct match_index *ix)
{
	ix->q_acc = xcalloc(ix->ndocs + 1, sizeof *ix->q_acc);
	ix->d_acc = xcalloc(ix->ndocs + 1, sizeof *ix->d_acc);
	ix->doc_stamp = xcalloc(ix->ndocs + 1, sizeof *ix->doc_stamp);
	ix->touched = xmalloc((ix->ndocs + 1) * sizeof *ix->touched);
	ix->err_score = xcalloc(ix->nerr + 1, sizeof *ix->err_score);
	ix->err_gen = xcalloc(ix->nerr + 1, sizeof *ix->err_gen);
	ix->err_code = xcalloc(ix->nerr + 1, 1);
	ix->etouched = xmalloc((ix->nerr + 1) * sizeof *ix->etouched);
	ix->vstamp = xcalloc(ix->nv + 1, sizeof *ix->vstamp);
	ix->vcount = xcalloc(ix->nv + 1, sizeof *ix->vcount);
}

void
match_index_free(struct match_index *ix)
{
	if (!ix)
		return;
	arena_free(&ix->words);
	free(ix->vstr);
	if (!ix->borrowed) {
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
	free(ix->tkey);
	free(ix->tstart);
	free(ix->tvid);
	free(ix->q_acc);
	free(ix->d_acc);
	free(ix->err_score);
	free(ix->doc_stamp);
	free(ix->err_gen);
	free(ix->err_code);
	free(ix->vstamp);
	free(ix->vcount);
	free(ix->touched);
	free(ix->etouched);
	toklist_free(&ix->tl);
	free(ix);
}

/* ---- typos: trigrams of words, and a bounded edit distance ---- */

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

/* The vocabulary words that a query token may stand for. */
static size_t
candidates(struct match_index *ix, const char *t, size_t n,
    enum tok_kind kind, struct cand **cv, size_t *cap)
{
	size_t nc = 0, v = vocab_find(ix, t, n);

	if (v != SIZE_MAX && ix->vkind[v] == kind)
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
		for (size_t i = lo; i < ix->nv && seen < 64; i++) {
			size_t w = ix->sorted[i];
			if (strncmp(ix->vstr[w], t, n) != 0)
				break;
			if (ix->vlen[w] > n && ix->vkind[w] == TK_WORD) {
				cand_add(cv, &nc, cap, w, 0.55 + 0.35 *
				    (double)n / (double)ix->vlen[w]);
				seen++;
			}
		}
	}
	if (n >= 4 && n <= 64) {
		/* Words within one edit (two for long words): a typo. */
		size_t k = n >= 8 ? 2 : 1;
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
				if (ix->vstamp[w] != ix->stamp) {
					ix->vstamp[w] = ix->stamp;
					ix->vcount[w] = 0;
					hit = xgrow(hit, &caphit, nhit + 1,
					    sizeof *hit);
					hit[nhit++] = w;
				}
				ix->vcount[w]++;
			}
		}
		if (n <= 6) {
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
				if (ix->vstamp[w] != ix->stamp) {
					ix->vstamp[w] = ix->stamp;
					ix->vcount[w] = 0;
					hit = xgrow(hit, &caphit, nhit + 1,
					    sizeof *hit);
					hit[nhit++] = w;
				}
				ix->vcount[w] = need;
			}
		}
		for (size_t i = 0; i < nhit; i++) {
			size_t w = hit[i], d;
			if (ix->vcount[w] < need || w == v)
				continue;
			d = edit_distance(t, n, ix->vstr[w], ix->vlen[w], k);
			if (d <= k)
				cand_add(cv, &nc, cap, w, d == 1 ? 0.85 : 0.7);
		}
		free(hit);
	}
	return nc;
}

/* ---- ranking ---- */

static int
cmp_result(const void *a, const void *b)
{
	const struct match_result *x = a, *y = b;
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return x->err < y->err ? -1 : x->err > y->err;
}

/* Whether any of the words in cands occurs in a message of error e. */
static bool
error_has(const struct match_index *ix, const struct cand *cv, size_t nc,
    size_t e)
{
	for (size_t i = 0; i < nc; i++)
		for (size_t j = ix->pstart[cv[i].vid];
		    j < ix->pstart[cv[i].vid + 1]; j++)
			if (ix->doc_err[ix->pdoc[j]] == e)
				return true;
	return false;
}

/* Words that may stand between a code system's name and its number. */
static bool
neutral(const char *w)
{
	static const char *const n[] = { "code", "codes", "err", "error",
		"no", "num", "number" };
	for (size_t i = 0; i < sizeof n / sizeof *n; i++)
		if (strcmp(w, n[i]) == 0)
			return true;
	return false;
}

/* Makes error e part of this query's results, at score 0. */
static void
touch_error(struct match_index *ix, size_t e)
{
	if (ix->err_gen[e] == ix->gen)
		return;
	ix->err_gen[e] = ix->gen;
	ix->err_score[e] = 0;
	ix->err_code[e] = 0;
	ix->etouched[ix->netouched++] = e;
}

/* Scores every error against text into ix->err_score (errors not
 * touched have err_gen != gen). */
static void
score(struct match_index *ix, const char *text)
{
	struct toklist *tl = &ix->tl;
	struct cand *cv = NULL;
	size_t capc = 0, ntouched = 0;
	double q_total = 0;
	unsigned first;

	ix->gen++;
	ix->netouched = 0;
	/* Stamps only grow: a message stamped before first was not
	 * touched by this query.  Start again long before they wrap. */
	if (ix->stamp > UINT_MAX / 2) {
		memset(ix->doc_stamp, 0, (ix->ndocs + 1) *
		    sizeof *ix->doc_stamp);
		memset(ix->vstamp, 0, (ix->nv + 1) * sizeof *ix->vstamp);
		ix->stamp = 0;
	}
	first = ix->stamp + 1;
	toklist_clear(tl);
	tokenize(text, strlen(text), TOK_QUERY, tl);

	for (size_t i = 0; i < tl->n; i++) {
		const struct tok *t = &tl->v[i];
		const char *s = tok_str(tl, t);
		double stop = t->kind == TK_WORD ? tok_stop_factor(s, true) : 1;
		double qw;
		size_t nc;
		bool dup = false;

		if (stop == 0)
			continue;
		for (size_t j = 0; j < i; j++)
			if (tl->v[j].kind == t->kind && tl->v[j].len == t->len &&
			    strcmp(tok_str(tl, &tl->v[j]), s) == 0)
				dup = true;
		if (dup)
			continue;
		if (t->kind == TK_NUM) {
			/* A known code the message lacks is evidence against
			 * it; the code itself is matched below. */
			size_t v = vocab_find(ix, s, t->len);
			if (v != SIZE_MAX && ix->vkind[v] == TK_NUM)
				q_total += log(1.0 + (double)ix->nerr /
				    ix->df[v]);
			continue;
		}
		nc = candidates(ix, s, t->len, t->kind, &cv, &capc);
		/* Best candidates first, so a message counts each query
		 * token once, at its best. */
		for (size_t a = 1; a < nc; a++)
			for (size_t b = a; b > 0 && cv[b].sim > cv[b - 1].sim;
			    b--) {
				struct cand tmp = cv[b];
				cv[b] = cv[b - 1];
				cv[b - 1] = tmp;
			}
		/* A word the base does not know weighs as much as the
		 * rarest: it is evidence against every message. */
		qw = nc ? log(1.0 + (double)ix->nerr / ix->df[cv[0].vid]) :
		    ix->max_idf;
		qw *= stop;
		q_total += qw;
		ix->stamp++;
		for (size_t c = 0; c < nc; c++) {
			size_t v = cv[c].vid;
			for (size_t j = ix->pstart[v]; j < ix->pstart[v + 1];
			    j++) {
				size_t d = ix->pdoc[j];
				unsigned was = ix->doc_stamp[d];
				if (was == ix->stamp)
					continue;
				ix->doc_stamp[d] = ix->stamp;
				if (was < first) {
					ix->q_acc[d] = ix->d_acc[d] = 0;
					ix->touched[ntouched++] = d;
				}
				ix->q_acc[d] += (float)(qw * cv[c].sim);
				ix->d_acc[d] += (float)(ix->weight[v] *
				    cv[c].sim);
			}
		}
	}

	for (size_t i = 0; i < ntouched; i++) {
		size_t d = ix->touched[i], e = ix->doc_err[d];
		double dc = ix->doc_total[d] > 0 ?
		    ix->d_acc[d] / ix->doc_total[d] : 0;
		double qc = q_total > 0 ? ix->q_acc[d] / q_total : 0;
		double s;
		if (dc > 1)
			dc = 1;
		if (qc > 1)
			qc = 1;
		s = pow(dc, DOC_EXP) * pow(qc, QUERY_EXP);
		touch_error(ix, e);
		if (s > ix->err_score[e])
			ix->err_score[e] = s;
	}

	/* Codes. */
	for (size_t i = 0; i < tl->n; i++) {
		const struct tok *t = &tl->v[i];
		const char *s = tok_str(tl, t);
		const struct tok *ctx = NULL;
		size_t lo = 0, hi = ix->ncodes, nc = 0;

		if (t->kind != TK_NUM)
			continue;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (strcmp(code_of(ix, mid), s) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo >= ix->ncodes || strcmp(code_of(ix, lo), s) != 0)
			continue;
		/* The word before the number (past "code", "error"...)
		 * tells which code system it belongs to; other numbers
		 * (3006/3005/5001) may stand between. */
		for (size_t j = i; j-- > 0;) {
			const struct tok *w = &tl->v[j];
			if (w->kind == TK_NUM)
				continue;
			if (t->run - w->run > 8)
				break;
			if (w->kind == TK_WORD &&
			    (neutral(tok_str(tl, w)) ||
			    tok_stop_factor(tok_str(tl, w), true) < 1))
				continue;
			/* CamelCase parts share their word's run: take the
			 * whole word, which comes first. */
			while (j > 0 && tl->v[j - 1].run == w->run)
				w = &tl->v[--j];
			ctx = w;
			break;
		}
		if (ctx)
			nc = candidates(ix, tok_str(tl, ctx), ctx->len,
			    ctx->kind, &cv, &capc);
		for (size_t k = lo; k < ix->ncodes &&
		    strcmp(code_of(ix, k), s) == 0; k++) {
			size_t e = ix->codes[k].err;
			double text_s;
			if (ctx && !error_has(ix, cv, nc, e))
				continue; /* another code system's number */
			touch_error(ix, e);
			text_s = ix->err_code[e] ? 0 : ix->err_score[e];
			if (!ix->err_code[e])
				ix->err_score[e] = 0.9 + 0.1 * text_s;
			ix->err_code[e] = 1;
		}
	}
	free(cv);
}

/* Collects the scored errors of platform into out, best first. */
static size_t
collect(struct match_index *ix, unsigned platform, double min,
    struct match_result *out, size_t max, bool all)
{
	struct match_result *tmp;
	size_t n = 0;

	size_t count = all ? ix->nerr : ix->netouched;

	tmp = xmalloc((count ? count : 1) * sizeof *tmp);
	for (size_t i = 0; i < count; i++) {
		size_t e = all ? i : ix->etouched[i];
		const struct kb_error *err = &ix->kb->errors[e];
		bool scored = ix->err_gen[e] == ix->gen;
		double s = scored ? ix->err_score[e] : 0;
		if (platform && !(err->platforms & platform))
			continue;
		if (!all && s < min)
			continue;
		tmp[n++] = (struct match_result){ err, s,
			scored && ix->err_code[e] };
	}
	if (n)
		qsort(tmp, n, sizeof *tmp, cmp_result);
	if (n > max)
		n = max;
	memcpy(out, tmp, n * sizeof *out);
	free(tmp);
	return n;
}

bool
match_shares_message(const struct match_result *r,
    const struct match_result *best)
{
	return r->err->notes->distinguish_en &&
	    best->err->notes->distinguish_en && best->score - r->score < 0.1;
}

size_t
match_same_message(struct match_index *ix, const struct kb_error *e,
    const struct kb_error **out, size_t max)
{
	struct match_result r[16];
	size_t n, m = 0;

	if (!e->notes->distinguish_en)
		return 0;
	n = match_query(ix, e->error_en, 0, r, 16);
	for (size_t i = 0; i < n && m < max; i++)
		if (match_shares_message(&r[i], &r[0]))
			out[m++] = r[i].err;
	return m;
}

size_t
match_query(struct match_index *ix, const char *text, unsigned platform,
    struct match_result *out, size_t max)
{
	score(ix, text);
	return collect(ix, platform, MATCH_THRESHOLD, out, max, false);
}

size_t
match_rank_all(struct match_index *ix, const char *text, unsigned platform,
    struct match_result *out, size_t max)
{
	score(ix, text);
	return collect(ix, platform, 0, out, max, true);
}
