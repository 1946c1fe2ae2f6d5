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
 * (4008)) it belongs to another code system and counts for nothing.
 *
 * Layer: match (the query side, above match_index.c and match_typo.c). */
#include <config.h>

#include "match.h"

#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "frame.h"
#include "logline.h"
#include "match_int.h"
#include "tokens.h"
#include "util.h"

/* How the two coverages combine: the message's weighs more, so a long
 * pasted log line around a whole message still scores well. */
#define DOC_EXP 0.6
#define QUERY_EXP 0.4
/* How much an unknown word that looks like data weighs, of the rarest
 * word's weight: "flashing of SAIL_SW1 failed" is about flashing. */
#define UNKNOWN_DATA 0.25
/* A text of at most this many words with no word of failure is taken for
 * a name typed to look up, not for a log line that reports nothing. */
#define SHORT_QUERY_WORDS 3

/* ---- ranking ---- */

static int
cmp_result(const void *a, const void *b)
{
	const struct match_result *x = a, *y = b;
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return x->err < y->err ? -1 : x->err > y->err;
}

/* Starts a query: a new generation of error scores, stamps started
 * again long before they wrap, and text cut into tokens.  Returns the
 * first stamp of this query: a message stamped before it was not touched
 * by it. */
static unsigned
score_start(struct match_index *ix, const char *text)
{
	ix->gen++;
	ix->netouched = 0;
	if (ix->stamp > UINT_MAX / 2) {
		memset(ix->doc_stamp, 0, (ix->ndocs + 1) *
		    sizeof *ix->doc_stamp);
		memset(ix->vstamp, 0, (ix->nv + 1) * sizeof *ix->vstamp);
		ix->stamp = 0;
	}
	toklist_clear(&ix->tl);
	tokenize(text, strlen(text), TOK_QUERY, &ix->tl);
	return ix->stamp + 1;
}

/* Whether token i repeats an earlier one of the query. */
static bool
repeated(const struct toklist *tl, size_t i)
{
	const struct tok *t = &tl->v[i];

	for (size_t j = 0; j < i; j++)
		if (tl->v[j].kind == t->kind && tl->v[j].len == t->len &&
		    strcmp(tok_str(tl, &tl->v[j]), tok_str(tl, t)) == 0)
			return true;
	return false;
}

/* Adds one query word of weight qw, through its candidates cv[nc] (best
 * first), to the messages that hold them; new messages go to touched. */
static void
score_word(struct match_index *ix, const struct cand *cv, size_t nc,
    double qw, bool specific, unsigned first, size_t *ntouched)
{
	ix->stamp++;
	for (size_t c = 0; c < nc; c++) {
		size_t v = cv[c].vid;
		/* A word of the base that an earlier word of the query found
		 * adds to its messages only what this one finds better. */
		double was_sim = ix->vgen[v] == ix->gen ? ix->vsim[v] : 0;
		double gain = cv[c].sim > was_sim ? cv[c].sim - was_sim : 0;
		if (gain > 0) {
			ix->vgen[v] = ix->gen;
			ix->vsim[v] = (float)cv[c].sim;
		}
		for (size_t j = ix->pstart[v]; j < ix->pstart[v + 1]; j++) {
			size_t d = ix->pdoc[j];
			unsigned was = ix->doc_stamp[d];
			if (was == ix->stamp)
				continue;
			ix->doc_stamp[d] = ix->stamp;
			if (was < first) {
				ix->q_acc[d] = ix->d_acc[d] = 0;
				ix->d_spec[d] = 0;
				ix->touched[(*ntouched)++] = d;
			}
			ix->d_spec[d] |= specific;
			ix->q_acc[d] += (float)(qw * cv[c].sim);
			ix->d_acc[d] += (float)(ix->weight[v] * gain);
		}
	}
}

/* Whether word s looks like data a line carries rather than words it
 * says: letters and digits mixed (SAIL_SW1, x306x, op2.img), or a maker's
 * or a model's word (Redmi, Pro). */
static bool
datalike(const char *s)
{
	/* Makers and model words: which phone, not what failed. */
	static const char *const phone[] = {
		"xiaomi", "redmi", "poco", "oppo", "realme", "oneplus",
		"vivo", "iqoo", "huawei", "honor", "samsung", "galaxy",
		"lenovo", "motorola", "moto", "nokia", "tecno", "infinix",
		"itel", "meizu", "zte", "nubia", "asus", "sony", "lg", "pixel",
		"umidigi", "doogee", "blackview", "oukitel", "ulefone",
		"cubot", "alcatel", "tcl", "pro", "max", "lite", "plus",
		"ultra", "mini", "note", "helio", "dimensity",
	};
	bool digit = false, letter = false;

	for (size_t i = 0; i < sizeof phone / sizeof *phone; i++)
		if (strcmp(s, phone[i]) == 0)
			return true;
	for (; *s; s++) {
		if (*s >= '0' && *s <= '9')
			digit = true;
		else if (*s != '_' && *s != '.')
			letter = true;
	}
	/* HELLO_RESP, a packet's name, is a word. */
	return digit && letter;
}

/* The words of the query, each counted once at its best, into each
 * message's two sums; the query's total weight in *q_total.  Returns how
 * many messages were touched (in ix->touched). */
static size_t
score_words(struct match_index *ix, unsigned first, double *q_total)
{
	struct toklist *tl = &ix->tl;
	struct cand *cv = NULL;
	size_t capc = 0, ntouched = 0;
	long whole_known = -1; /* the run of the last whole word found exactly */

	*q_total = 0;
	for (size_t i = 0; i < tl->n; i++) {
		const struct tok *t = &tl->v[i];
		const char *s = tok_str(tl, t);
		double stop = t->kind == TK_WORD ? tok_stop_factor(s, true) : 1;
		double qw;
		size_t nc;

		if (stop == 0 || repeated(tl, i))
			continue;
		/* The parts of a word the base knows whole ("MsmDownloadTool",
		 * S_FT_ENABLE_DRAM_FAIL) say nothing more than it: they are
		 * for a word it knows only in parts. */
		if (t->part && whole_known >= 0 && (unsigned)whole_known == t->run)
			continue;
		if (t->kind == TK_NUM && match_code_find(ix, s) < ix->ncodes) {
			/* A known code the message lacks is evidence against
			 * it; the code itself is matched in score_codes.  A
			 * number that is no code ("9008") is a word. */
			size_t v = match_vocab_find(ix, s, t->len);
			if (v != SIZE_MAX && ix->vkind[v] == TK_NUM)
				*q_total += log(1.0 + (double)ix->nerr /
				    ix->df[v]);
			continue;
		}
		nc = match_candidates(ix, s, t->len, t->kind, &cv, &capc);
		if (!t->part)
			whole_known = nc && cv[0].sim >= 1.0 ? (long)t->run : -1;
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
		 * rarest: it is evidence against every message.  Data the
		 * line carries (a partition's or a phone's name) weighs
		 * UNKNOWN_DATA of that. */
		qw = nc ? log(1.0 + (double)ix->nerr / ix->df[cv[0].vid]) :
		    ix->max_idf * (datalike(s) ? UNKNOWN_DATA : 1.0);
		qw *= stop;
		*q_total += qw;
		score_word(ix, cv, nc, qw, t->kind != TK_WORD &&
		    t->kind != TK_HAN ? true : !logline_generic_word(s), first,
		    &ntouched);
	}
	free(cv);
	return ntouched;
}

/* Each touched message's score from its two coverages; an error scores
 * as its best message.  A message that only generic words of the query
 * found ("error", "failed") is not a match at all. */
static void
score_messages(struct match_index *ix, size_t ntouched, double q_total)
{
	for (size_t i = 0; i < ntouched; i++) {
		size_t d = ix->touched[i], e = ix->doc_err[d];
		if (!ix->d_spec[d])
			continue;
		double dc = ix->doc_total[d] > 0 ?
		    ix->d_acc[d] / ix->doc_total[d] : 0;
		double qc = q_total > 0 ? ix->q_acc[d] / q_total : 0;
		double s;
		if (dc > 1)
			dc = 1;
		if (qc > 1)
			qc = 1;
		s = pow(dc, DOC_EXP) * pow(qc, QUERY_EXP);
		match_touch_error(ix, e);
		if (s > ix->err_score[e]) {
			ix->err_score[e] = s;
			ix->err_cover[e] = (float)qc;
			ix->err_whole[e] = (float)dc;
			ix->err_mass[e] = (float)(ix->max_idf > 0 ?
			    ix->d_acc[d] / ix->max_idf : 0);
		}
	}
}

/* Scores every error against text into ix->err_score (errors not
 * touched have err_gen != gen). */
static void
score(struct match_index *ix, const char *text)
{
	unsigned first = score_start(ix, text);
	double q_total;
	size_t ntouched = score_words(ix, first, &q_total);

	score_messages(ix, ntouched, q_total);
	match_score_codes(ix);
	match_score_names(ix);
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
			scored && ix->err_code[e] == CODE_NAMED,
			scored && ix->err_code[e] == CODE_AGAINST, MATCH_SPECIFIC,
			scored ? ix->err_cover[e] : 0,
			scored ? ix->err_whole[e] : 0,
			scored ? ix->err_mass[e] : 0 };
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

bool
match_ambiguous_code(const struct match_result *r, size_t n)
{
	/* A bare number: the errors it names score alike, by their codes
	 * alone, and lie in different families. */
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++)
			if (r[i].by_code && r[j].by_code &&
			    r[i].score - r[j].score < CODE_TEXT / 2 &&
			    r[j].score - r[i].score < CODE_TEXT / 2 &&
			    r[i].err->family != r[j].err->family)
				return true;
	return false;
}

const char *
match_level_key(enum match_level l)
{
	static const char *const k[MATCH_LEVELS] = { "specific", "family",
		"other" };
	return l < MATCH_LEVELS ? k[l] : "";
}

/* Whether the frame f says no error of the base is in its line. */
static bool
frame_refuses(const struct frame *f)
{
	return f->not_error || (f->other && !f->weak_other);
}

bool
match_refused(const char *text)
{
	struct frame f;
	size_t n = strlen(text);

	if (logline_benign(text, n))
		return true;
	frame_read(text, n, &f);
	return frame_refuses(&f);
}

/* The family's own entry of family f, looked up once per index. */
static const struct kb_error *
family_entry(struct match_index *ix, unsigned f)
{
	if (!ix->fam_done) {
		for (unsigned i = 0; i < FAM_COUNT; i++)
			ix->fam_entry[i] = kb_family_entry(ix->kb,
			    (enum family)i);
		ix->fam_done = true;
	}
	return f < FAM_COUNT ? ix->fam_entry[f] : NULL;
}

/* The platforms of e's family as a whole: its own entry's (the vendor's
 * tool, account and package are both platforms' even where the FAQ saw an
 * error on one), else e's. */
static unsigned
family_platforms(struct match_index *ix, const struct kb_error *e)
{
	const struct kb_error *fe = family_entry(ix, e->family);

	return fe ? fe->platforms : e->platforms;
}

/* Whether r[i] is the only error the words point to: the text is all in
 * its message (a message typed in part: "private key") or its message
 * all in the text (a message inside a longer line), and no other error
 * of the base scores near it. */
static bool
alone(const struct match_result *r, size_t n, size_t i)
{
	if (r[i].cover < MATCH_COVER_ALL && r[i].whole < MATCH_COVER_ALL)
		return false;
	for (size_t k = 0; k < n; k++)
		if (k != i && r[k].err->scope != SCOPE_FAMILY &&
		    r[k].score > r[i].score - MATCH_NEAR)
			return false;
	return true;
}

/* Whether a and b, the two best answers, are as good as each other,
 * by words alone, and lie on different platforms in different families,
 * both public errors (the vendor's FAQ is the bench's own tool). */
static bool
platform_split(const struct match_result *a, const struct match_result *b)
{
	return !a->by_code && !b->by_code && a->score - b->score < MATCH_NEAR &&
	    !kb_error_vendor_faq(a->err) && !kb_error_vendor_faq(b->err) &&
	    !(a->err->platforms & b->err->platforms) &&
	    a->err->family != b->err->family;
}

/* Says each result's level, best first: an error named by its code,
 * scoring MATCH_SPECIFIC_MIN, or alone in explaining the whole text is
 * specific; another is only evidence of its family, and its family's
 * own entry stands in for it.  Errors of the
 * other platform than the frame's, on thin evidence, are dropped; so is
 * all but strong evidence when the text is not failing (has no word of
 * failure), and a one-platform family where no platform is named
 * (unless all of one of its messages that says much is there).  Where no
 * platform is named and the two best are one message of two platforms,
 * none is left.  Returns how many of r[0..n) are left. */
static size_t
settle(struct match_index *ix, const struct frame *f, unsigned platform,
    bool failing, struct match_result *r, size_t n)
{
	size_t m = 0;

	/* The levels first, all on the scores as they came. */
	for (size_t i = 0; i < n; i++)
		r[i].level = r[i].err->scope == SCOPE_FAMILY ||
		    !(r[i].by_code || r[i].score >= MATCH_SPECIFIC_MIN ||
		    alone(r, n, i)) ? MATCH_FAMILY : MATCH_SPECIFIC;
	for (size_t i = 0; i < n; i++) {
		struct match_result x = r[i];
		const struct kb_error *fe;
		bool dup = false;
		if (x.score < MATCH_THRESHOLD)
			continue;
		if (!platform && f->platform && !(x.err->platforms &
		    f->platform) && !x.by_code &&
		    x.score < MATCH_OTHER_PLATFORM)
			continue;
		if (x.err->scope == SCOPE_FAMILY && x.score < MATCH_FAMILY_MIN)
			continue;
		/* A status the text states that is none of the error's codes
		 * ("upload_data failed ... 0x1d19" beside the error of
		 * 0x1D18) is another error, of a family the words cannot
		 * tell; the error's own name still outweighs it, and scores
		 * it CODE_BASE (STATUS_SEC_AUTH_FILE_NEEDED error 0x1234). */
		if (x.against && x.score < CODE_BASE)
			continue;
		/* A line that says nothing failed reports no error; words it
		 * shares with one are only words of the field ("Preloader -
		 * Get Target info", "Serial port open!").  An error's code,
		 * or nearly all of its message, still names it. */
		if (!failing && !x.by_code && (x.level != MATCH_SPECIFIC ||
		    x.score < MATCH_SPECIFIC_MIN))
			continue;
		/* A family of one platform ("an MTK DRAM problem") only where
		 * the text or the caller names that platform: words shared
		 * with it alone ("Read GPT failed!", "DRAM init error!") are
		 * as often another maker's tool.  All of a message of the
		 * family that says much ("errors while parsing program") is
		 * that platform's tool speaking. */
		if (!platform && !f->platform && x.level == MATCH_FAMILY &&
		    family_platforms(ix, x.err) != PLAT_BOTH &&
		    (x.whole < MATCH_COVER_ALL || x.mass < MATCH_FAMILY_SAYS))
			continue;
		/* and a public error of one platform, by its words alone,
		 * only on nearly all of them, where its message explains all
		 * the text, or where the text holds all of a message that
		 * says much ("Unable to read packet header"): a few common
		 * words, "Failed to download File!", "Test Device failed!",
		 * are as often another maker's tool.  The vendor's FAQ is the
		 * bench's own tool speaking. */
		if (!platform && !f->platform && !x.by_code &&
		    x.err->platforms != PLAT_BOTH && x.score < MATCH_UNPLACED &&
		    (x.cover < MATCH_COVER_ALL || x.mass < MATCH_UNPLACED_MASS) &&
		    (x.whole < MATCH_COVER_ALL || x.mass < MATCH_UNPLACED_MASS) &&
		    !kb_error_vendor_faq(x.err))
			continue;
		if (x.level == MATCH_FAMILY && x.err->scope != SCOPE_FAMILY &&
		    (fe = family_entry(ix, x.err->family)))
			x.err = fe;
		for (size_t k = 0; k < m && !dup; k++)
			dup = r[k].err == x.err;
		if (!dup)
			r[m++] = x;
	}
	/* One message of two platforms' errors ("usb.core.NoBackendError",
	 * pyusb's, from edl and from mtkclient alike), where neither the
	 * text nor the caller names a platform: which ladder applies is
	 * the platform's to say, and the text cannot. */
	if (!platform && !f->platform && m >= 2 && platform_split(&r[0], &r[1]))
		return 0;
	/* A family's own entry gives way to a known error of it that the
	 * words find nearly as well. */
	for (size_t i = 0; i + 1 < m; i++) {
		if (r[i].err->scope != SCOPE_FAMILY)
			continue;
		for (size_t j = i + 1; j < m; j++) {
			struct match_result x = r[j];
			if (x.level != MATCH_SPECIFIC ||
			    x.err->family != r[i].err->family ||
			    x.score < r[i].score - MATCH_FAMILY_YIELD)
				continue;
			memmove(r + i + 1, r + i, (j - i) * sizeof *r);
			r[i] = x;
			break;
		}
	}
	return m;
}

const char *
match_other(struct match_index *ix, const char *text)
{
	struct frame f;
	struct match_result r[1];

	frame_read(text, strlen(text), &f);
	if (!f.other)
		return NULL;
	if (f.weak_other && match_query(ix, text, 0, r, 1))
		return NULL;
	return f.other;
}

bool
match_each_platform(struct match_index *ix, const char *text,
    struct match_result out[2])
{
	return match_query(ix, text, PLAT_MTK, &out[0], 1) &&
	    match_query(ix, text, PLAT_QCOM, &out[1], 1);
}

/* Whether text may report a failure: it has a word of failure, or it is
 * a name typed to look up ("Sahara", "private key", "WCSM code"): a few
 * words of letters and digits, joined at most by '-', '_' or '.' inside a
 * word.  A log line that says nothing failed is framed by punctuation
 * ("Serial port open!", "FLASHING: persist", "booting..."). */
static bool
failing(const char *text, size_t len)
{
	size_t words = 0;

	if (logline_says_failure(text, len))
		return true;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)text[i];
		bool sp = c == ' ' || c == '\t';
		bool start = i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t';
		bool end = i + 1 == len || text[i + 1] == ' ' ||
		    text[i + 1] == '\t';

		if (sp)
			continue;
		if (start)
			words++;
		if (c >= 0x80 || isalnum(c))
			continue;
		if ((c == '-' || c == '_' || c == '.') && !start && !end)
			continue;
		return false;
	}
	return words <= SHORT_QUERY_WORDS;
}

/* Whether text announces a step under way, ending in "...": edl's
 * "main - Trying with no loader given ...". */
static bool
under_way(const char *text, size_t len)
{
	while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '\t'))
		len--;
	return len >= 3 && memcmp(text + len - 3, "...", 3) == 0;
}

/* Nothing of the base matched a line that reports a failure in a stage
 * its words or its tool's frame name ("PLTools - [LIB]: Error on sending
 * payload"), on the platform of the frame or else of the caller: that
 * stage's family, on its own entry.  Into r[0]; returns
 * 1, or 0 when the line names no stage or says nothing failed. */
static size_t
by_stage(struct match_index *ix, const struct frame *f, unsigned platform,
    const char *text, size_t len, struct match_result *r)
{
	const struct kb_error *fe;
	/* The frame's platform, or the one the caller chose (the wizard's,
	 * for a typed "stuck at the handshake"). */
	unsigned stage = frame_stage(text, len, f->platform ? f->platform :
	    platform);

	if (stage >= FAM_COUNT || !logline_says_failure(text, len) ||
	    under_way(text, len) || !(fe = family_entry(ix, stage)))
		return 0;
	if (platform && !(fe->platforms & platform))
		return 0;
	r[0] = (struct match_result){ .err = fe, .score = MATCH_FAMILY_MIN,
		.level = MATCH_FAMILY };
	return 1;
}

/* Whether r, the best answer, fits the part of the flash that the
 * mtkclient module that printed the line runs in: an error of another
 * stage ("DAXFlash - [LIB]: Timeout or short read on header", a BROM
 * timeout by its words) needs its code or words that nearly name it.
 * On less, the line is better left to the module's own stage where it
 * has one (*stage), and else unanswered, than sent down another stage's
 * ladder. */
static bool
beside_module(const struct match_result *r, const char *text, size_t len,
    unsigned *stage)
{
	unsigned fams = frame_module(text, len, stage);

	return !fams || r->by_code || r->score >= MATCH_MODULE_SURE ||
	    (fams & (1u << r->err->family));
}

size_t
match_query(struct match_index *ix, const char *text, unsigned platform,
    struct match_result *out, size_t max)
{
	struct frame f;
	struct match_result *tmp;
	size_t n, len = strlen(text);
	unsigned stage;

	if (max == 0 || logline_benign(text, len))
		return 0;
	frame_read(text, len, &f);
	if (frame_refuses(&f))
		return 0;
	score(ix, text);
	tmp = xmalloc((ix->netouched ? ix->netouched : 1) * sizeof *tmp);
	/* Errors a little below the threshold are kept for settle to see
	 * that an error is not alone; it drops them. */
	n = collect(ix, platform, MATCH_THRESHOLD - MATCH_NEAR, tmp,
	    ix->netouched, false);
	n = settle(ix, &f, platform, failing(text, len), tmp, n);
	if (n > 0 && !beside_module(&tmp[0], text, len, &stage))
		n = stage < FAM_COUNT ? by_stage(ix, &f, platform, text, len,
		    tmp) : 0;
	else if (n == 0)
		n = by_stage(ix, &f, platform, text, len, tmp);
	if (n > max)
		n = max;
	memcpy(out, tmp, n * sizeof *out);
	free(tmp);
	return n;
}

size_t
match_rank_all(struct match_index *ix, const char *text, unsigned platform,
    struct match_result *out, size_t max)
{
	score(ix, text);
	return collect(ix, platform, 0, out, max, true);
}

size_t
match_rank_list(struct match_index *ix, const char *text, unsigned platform,
    struct match_result *out, size_t max, size_t *presented)
{
	size_t n = match_rank_all(ix, text, platform, out, max), k = 0;

	if (!*text)
		k = n;
	else if (!match_refused(text))
		while (k < n && out[k].score >= MATCH_THRESHOLD)
			k++;
	*presented = k;
	return n;
}

