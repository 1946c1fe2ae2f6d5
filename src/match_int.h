/* match_int.h: the match index's structure, shared by match_index.c
 * (building and freeing it), match_typo.c and match.c (querying it) and
 * match_cache.c (keeping it in the knowledge base's cache).  Layer: match. */
#ifndef FLASHFIX_MATCH_INT_H
#define FLASHFIX_MATCH_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "kb.h"
#include "tokens.h"
#include "util.h"

/* A code of an error: kb->errors[err].codes[which]. */
struct code_ref {
	uint32_t err, which;
};

struct match_index {
	const struct kb *kb;
	size_t nerr;
	/* read from the knowledge base's cache: the arrays up to codes
	 * lie in these bytes (owned), not each allocated (vstr is) */
	unsigned char *bytes;

	/* vocabulary */
	struct arena words;
	char **vstr;
	uint32_t *vlen;
	unsigned char *vkind;
	unsigned *df;
	float *weight;
	size_t nv, capv;
	uint32_t *htab;  /* UINT32_MAX: free */
	size_t hcap;
	uint32_t *sorted; /* vids in string order, for prefixes */

	/* messages ("documents") and postings */
	uint32_t *doc_err;
	float *doc_total; /* float: 20,000 messages in 80 KB, not 160 */
	size_t ndocs;
	uint32_t *pstart;  /* nv + 1 */
	uint32_t *pdoc;

	/* trigram index over words, for typos; built on first need */
	bool tri_built;
	uint32_t *tkey;
	uint32_t *tstart, *tvid;
	size_t tcap;

	struct code_ref *codes;
	size_t ncodes;

	/* per-query scratch */
	float *q_acc, *d_acc; /* per message; enough for sums of a few terms */
	unsigned char *d_spec; /* per message: found by a word not generic */
	double *err_score;
	float *err_cover; /* how much of the query its best message explains */
	float *err_whole; /* how much of its best message the query holds */
	float *err_mass;  /* the weight of the words found in its best
			     message, in rarest words */
	unsigned *doc_stamp, *err_gen, *vstamp;
	/* per word of the base: the query (vgen == gen) that last found it
	 * and the best likeness it was found at, so that two words of a
	 * query ("not recognized ... recognize it") find a message's word
	 * once */
	unsigned *vgen;
	float *vsim;
	unsigned char *err_code;
	unsigned stamp, gen;
	uint32_t *touched;
	uint32_t *etouched;
	size_t netouched;
	uint32_t *vcount;
	double max_idf;
	struct toklist tl;
	/* each family's own entry (named as the family), found on first need */
	const struct kb_error *fam_entry[FAM_COUNT];
	bool fam_done;
};

/* Allocates the per-query scratch of an index whose counts are set. */
void match_index_scratch(struct match_index *ix);

/* The index as bytes, for the knowledge base's cache (appended to out). */
void match_index_encode(const struct match_index *ix, struct buf *out);
/* The index kept in the n bytes at bytes (malloc'd, 8-byte aligned),
 * checked (every count, id and offset in range), its arrays left in
 * those bytes, which it then owns; NULL (bytes freed) when they do not
 * hold a sound index for kb. */
struct match_index *match_index_decode(const struct kb *kb,
    unsigned char *bytes, size_t n);

/* A word's id in the vocabulary, or SIZE_MAX. */
size_t match_vocab_find(const struct match_index *ix, const char *s,
    size_t n);
/* The text of the k-th code in code order. */
const char *match_code_of(const struct match_index *ix, size_t k);

/* A vocabulary word that a query's word may stand for, and how alike the
 * two are (1: the same). */
struct cand {
	size_t vid;
	double sim;
};
/* The words that the query word t (n bytes, of kind) may stand for,
 * into *cv (of *cap, grown as needed); returns how many. */
size_t match_candidates(struct match_index *ix, const char *t, size_t n,
    enum tok_kind kind, struct cand **cv, size_t *cap);

/* A code that names an error scores CODE_BASE, plus CODE_TEXT of the
 * text's own score: a code alone is near certain, and of two errors that
 * share a code the one whose words are there too comes first. */
#define CODE_BASE 0.9
#define CODE_TEXT 0.1
/* A number stated as a status ("failed with error: Unknown: 0x1d18",
 * "(code: 0x7024)") that is none of an error's own codes cuts that
 * error's score by this factor, when it has codes: it is more likely
 * another error that shares some words with it. */
#define CODE_OTHER 0.7
/* err_code: a code in the text named the error (CODE_NAMED), or a status
 * the text states that is none of its codes spoke against it
 * (CODE_AGAINST). */
#define CODE_NAMED 1
#define CODE_AGAINST 2
/* The words before a number that may place it in a code system ("BROM
 * ERROR : S_FT_DOWNLOAD_FAIL (4008)") are looked for at most this many
 * words back; further words are another sentence. */
#define CODE_CONTEXT 8
/* The first of the codes equal to s, in code order; ix->ncodes when no
 * code is. */
size_t match_code_find(const struct match_index *ix, const char *s);
/* Makes error e part of this query's results, at score 0. */
void match_touch_error(struct match_index *ix, size_t e);
/* Scores the errors that the query names (an identifier of the base that
 * reads as an error's name and belongs to one error only:
 * S_DL_GET_DRAM_SETTING_FAIL inside a sentence) as a code does. */
void match_score_names(struct match_index *ix);
/* Scores the query's numbers (in ix->tl) that are errors' codes, and cuts
 * the scores of errors with codes that a stated status is none of. */
void match_score_codes(struct match_index *ix);

#endif
