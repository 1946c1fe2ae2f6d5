/* match_code.c: the numbers of a query read as error codes: which code
 * system the words before a number place it in, and what a number stated
 * as a status says against the errors it is not a code of.  Layer: match
 * (query side, above the index). */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "logline.h"
#include "match_int.h"
#include "tokens.h"
#include "util.h"

void
match_touch_error(struct match_index *ix, size_t e)
{
	if (ix->err_gen[e] == ix->gen)
		return;
	ix->err_gen[e] = ix->gen;
	ix->err_score[e] = 0;
	ix->err_cover[e] = 0;
	ix->err_whole[e] = 0;
	ix->err_mass[e] = 0;
	ix->err_code[e] = 0;
	ix->etouched[ix->netouched++] = e;
}

size_t
match_code_find(const struct match_index *ix, const char *s)
{
	size_t lo = 0, hi = ix->ncodes;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (strcmp(match_code_of(ix, mid), s) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo >= ix->ncodes || strcmp(match_code_of(ix, lo), s) != 0)
		return ix->ncodes;
	return lo;
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

/* Words that may stand between a code system's name and its number:
 * "code", "no", the generic words ("failed with status: 1D0D",
 * "unexpected status = 7437") and SP Flash Tool's name, which name no
 * code system. */
static bool
neutral(const char *w)
{
	static const char *const n[] = { "code", "codes", "err", "error",
		"no", "num", "number", "with", "unexpected", "returned",
		/* a tool's name: the tool whose code it is, as typed
		 * ("SP flash tool error 4032") */
		"sp", "flash", "tool", "flashtool", "spflashtool", "spft" };
	for (size_t i = 0; i < sizeof n / sizeof *n; i++)
		if (strcmp(w, n[i]) == 0)
			return true;
	return logline_generic_word(w);
}

/* The word that places the number at token i in a code system: the
 * nearest word before it that is not neutral, or NULL. */
static const struct tok *
code_context(const struct toklist *tl, size_t i)
{
	const struct tok *t = &tl->v[i];

	/* Past "code", "error"...; other numbers (3006/3005/5001) may
	 * stand between. */
	for (size_t j = i; j-- > 0;) {
		const struct tok *w = &tl->v[j];
		/* The number's own word (C0060003 is a word and a code). */
		if (w->kind == TK_NUM || w->run == t->run)
			continue;
		if (t->run - w->run > CODE_CONTEXT)
			break;
		if (w->kind == TK_WORD && (neutral(tok_str(tl, w)) ||
		    tok_stop_factor(tok_str(tl, w), true) < 1)) {
			/* "(code: 0x1d0d)": a bracket that opens on "code"
			 * states the number; the words before it are the
			 * sentence's, no code system's name. */
			if (w->open)
				return NULL;
			continue;
		}
		/* CamelCase parts share their word's run: take the whole
		 * word, which comes first. */
		while (j > 0 && tl->v[j - 1].run == w->run)
			w = &tl->v[--j];
		return w;
	}
	return NULL;
}

/* The word right before the number at token i, or NULL when a number or
 * nothing is; past_own: past the number's own word (a code written as a
 * word, 1D0D, is a word and a code of one run). */
static const char *
word_before(const struct toklist *tl, size_t i, bool past_own)
{
	const struct tok *t = &tl->v[i];

	for (size_t j = i; j-- > 0;) {
		const struct tok *p = &tl->v[j];
		if (past_own && p->run == t->run)
			continue;
		return p->kind == TK_WORD ? tok_str(tl, p) : NULL;
	}
	return NULL;
}

/* Whether the number at token i is stated as a status: right after
 * "code", "error", "status", "unknown", "errno" or "result". */
static bool
stated(const struct toklist *tl, size_t i)
{
	static const char *const w[] = { "code", "error", "err", "errno",
		"status", "unknown", "result" };
	const char *p = word_before(tl, i, false);

	if (!p)
		return false;
	for (size_t k = 0; k < sizeof w / sizeof *w; k++)
		if (strcmp(p, w[k]) == 0)
			return true;
	return false;
}

/* The vocabulary words that the context word ctx (the first token of its
 * word) stands for, into *cv: its own; for a word that is in no message
 * as written (DA_HASH_MISMATCH cut from STATUS:), those of its parts
 * ("mismatch"), gathered through *part. */
static size_t
context_words(struct match_index *ix, const struct tok *ctx,
    struct cand **cv, size_t *capc, struct cand **part, size_t *capp)
{
	const struct toklist *tl = &ix->tl;
	size_t nc = match_candidates(ix, tok_str(tl, ctx), ctx->len,
	    ctx->kind, cv, capc);

	if (nc)
		return nc;
	for (const struct tok *c = ctx + 1; c < tl->v + tl->n &&
	    c->run == ctx->run; c++) {
		size_t np = match_candidates(ix, tok_str(tl, c), c->len,
		    c->kind, part, capp);
		if (!np)
			continue;
		*cv = xgrow(*cv, capc, nc + np, sizeof **cv);
		memcpy(*cv + nc, *part, np * sizeof **cv);
		nc += np;
	}
	return nc;
}

/* Codes: a number that is an error's code names it, bare or after words
 * of that error's messages; after other words it is another code
 * system's number and counts for nothing.  A number stated as a status
 * that is not an error's code speaks against that error. */
void
match_score_codes(struct match_index *ix)
{
	struct toklist *tl = &ix->tl;
	struct cand *cv = NULL, *part = NULL;
	size_t capc = 0, capp = 0;
	bool status = false;

	for (size_t i = 0; i < tl->n; i++) {
		const struct tok *t = &tl->v[i], *ctx;
		const char *s = tok_str(tl, t), *before;
		size_t lo, nc = 0;
		bool as_word;

		if (t->kind == TK_NUM && stated(tl, i))
			status = true;
		if (t->kind != TK_NUM ||
		    (lo = match_code_find(ix, s)) == ix->ncodes)
			continue;
		/* A status the tool returned ("SendDA command failed with
		 * status: 1D0D") is in the status codes whatever command
		 * returned it: the words before it name no code system. */
		before = word_before(tl, i, true);
		/* So is a hex number written as a word, no 0x, right after
		 * "code" ("error code 1D0D"): statuses are quoted so, no code
		 * system's numbers. */
		as_word = i > 0 && tl->v[i - 1].run == t->run &&
		    tl->v[i - 1].kind == TK_WORD;
		ctx = before && (strcmp(before, "status") == 0 ||
		    (as_word && strcmp(before, "code") == 0)) ? NULL :
		    code_context(tl, i);
		if (ctx)
			nc = context_words(ix, ctx, &cv, &capc, &part, &capp);
		for (size_t k = lo; k < ix->ncodes &&
		    strcmp(match_code_of(ix, k), s) == 0; k++) {
			size_t e = ix->codes[k].err;
			double text_s;
			if (ctx && !error_has(ix, cv, nc, e))
				continue; /* another code system's number */
			match_touch_error(ix, e);
			text_s = ix->err_code[e] ? 0 : ix->err_score[e];
			if (!ix->err_code[e])
				ix->err_score[e] = CODE_BASE + CODE_TEXT * text_s;
			ix->err_code[e] = CODE_NAMED;
		}
	}
	free(cv);
	free(part);
	if (status)
		for (size_t i = 0; i < ix->netouched; i++) {
			size_t e = ix->etouched[i];
			if (!ix->err_code[e] && ix->kb->errors[e].ncodes) {
				ix->err_score[e] *= CODE_OTHER;
				ix->err_code[e] = CODE_AGAINST;
			}
		}
}

/* Whether identifier s (lowercase) reads as an error's name: a status's
 * (S_FT_DOWNLOAD_FAIL, STATUS_SEC_AUTH_FILE_NEEDED, E_APP_LOAD_DA,
 * FT_FIND_USB_ERROR) or one that says what failed
 * (DAA_SIG_VERIFY_FAILED), not a function's or a field's
 * (sahara_rx_data, pages_per_block). */
static bool
name_like(const char *s)
{
	static const char *const pre[] = { "s_", "status_", "e_app_", "ft_" };

	for (size_t i = 0; i < sizeof pre / sizeof *pre; i++)
		if (strncmp(s, pre[i], strlen(pre[i])) == 0)
			return true;
	return logline_says_failure(s, strlen(s));
}

/* The vocabulary's word for the name s (n bytes), or for the longest of
 * its beginnings, cut at an underscore and of three parts or more, that
 * the base holds: S_DA_SDMMC_WRITE_FAILED is one of "S_DA_SDMMC_*".
 * SIZE_MAX when there is none. */
static size_t
name_find(const struct match_index *ix, const char *s, size_t n)
{
	size_t v = match_vocab_find(ix, s, n);

	if (v != SIZE_MAX)
		return v;
	for (;;) {
		size_t parts = 1;
		while (n > 0 && s[n - 1] != '_')
			n--;
		if (n == 0)
			return SIZE_MAX;
		for (size_t i = 0; i + 1 < n; i++)
			parts += s[i] == '_';
		if (parts < 3)
			return SIZE_MAX;
		/* as the base writes it, the underscore kept ("S_DA_SDMMC_"),
		 * or not */
		if ((v = match_vocab_find(ix, s, n)) != SIZE_MAX ||
		    (v = match_vocab_find(ix, s, n - 1)) != SIZE_MAX)
			return v;
		n--;
	}
}

void
match_score_names(struct match_index *ix)
{
	struct toklist *tl = &ix->tl;

	for (size_t i = 0; i < tl->n; i++) {
		const struct tok *t = &tl->v[i];
		const char *s = tok_str(tl, t);
		size_t v, e = SIZE_MAX;

		if (t->kind != TK_WORD || t->part || !strchr(s, '_') ||
		    !name_like(s) || (v = name_find(ix, s, t->len)) == SIZE_MAX)
			continue;
		/* The name of one error only: every message that holds it
		 * is that error's. */
		for (size_t j = ix->pstart[v]; j < ix->pstart[v + 1]; j++) {
			size_t d = ix->doc_err[ix->pdoc[j]];
			if (e != SIZE_MAX && d != e) {
				e = SIZE_MAX;
				break;
			}
			e = d;
		}
		if (e == SIZE_MAX)
			continue;
		match_touch_error(ix, e);
		if (ix->err_score[e] < CODE_BASE)
			ix->err_score[e] = CODE_BASE + CODE_TEXT *
			    ix->err_score[e];
	}
}
