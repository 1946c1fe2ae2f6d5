/* tokens.h: cutting text into the words, Chinese character pairs and
 * numbers that matching compares.
 * Layer: formats. */
#ifndef FLASHFIX_TOKENS_H
#define FLASHFIX_TOKENS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util.h"

enum tok_kind {
	TK_WORD, /* letters (and digits mixed in), case-folded */
	TK_HAN,  /* two Chinese characters in a row, or a lone one */
	TK_NUM,  /* a number that could be an error code */
};

struct tok {
	size_t off, len;    /* in toklist.text */
	enum tok_kind kind;
	unsigned run;       /* index of the word it came from, for context */
	bool part;          /* a CamelCase part: the whole word stands too */
	bool open;          /* the first after an opening bracket: "(code: 0x1d0d)" */
};

struct toklist {
	struct tok *v;
	size_t n, cap;
	struct buf text;    /* the tokens, each NUL-terminated */
	unsigned runs;
};

/* The length of the file's path or address that the n bytes at s start
 * with, up to a space, a quote, a bracket or a comma
 * ("../brom-payload/build/payload.bin",
 * "C:\\Tools\\SP_Flash_Tool\\", "src/firehose/qfirehose.c",
 * "https://..."), or 0: two parts of letters, and a '\\', or a '/' that
 * starts it, or two of them, or one and a name with an extension after
 * it.  Codes
 * and dates ("3006/3005/5001", "2024/01/02") and words joined by one
 * '/' ("DA1/DA2") are none.  In a query the words of a path are data,
 * not evidence (TOK_QUERY). */
size_t tok_path_len(const char *s, size_t n);
/* Whether s[i], of the n bytes at s, is in such a path. */
bool tok_in_path(const char *s, size_t n, size_t i);

void toklist_init(struct toklist *tl);
void toklist_free(struct toklist *tl);
void toklist_clear(struct toklist *tl);
static inline const char *
tok_str(const struct toklist *tl, const struct tok *t)
{
	return tl->text.s + t->off;
}

enum {
	TOK_QUERY = 1, /* pasted text: drop [TAGS], escape sequences and
			  files' paths */
};

/* Appends the tokens of s[0..n) to tl.  Text is NFKC-normalised first
 * (full-width letters and digits become ASCII), words are case-folded,
 * CamelCase words also give their parts (FirehoseCheckRSP: firehose,
 * check, rsp), and timestamps, dates and dotted versions are dropped. */
void tokenize(const char *s, size_t n, int flags, struct toklist *tl);

/* The value of an error code as tools print it: decimal (4032), hex with
 * 0x (0xFC0, 0xC0060003) or a 32-bit value printed signed (-1073348605,
 * which is 0xC0060003).  False when s[0..n) is none of these or does not
 * fit in 32 bits. */
bool tok_code_value(const char *s, size_t n, uint32_t *v);

/* Weight factor of a word: low for English function words, zero for log
 * levels in pasted text. */
double tok_stop_factor(const char *s, bool query);

#endif
