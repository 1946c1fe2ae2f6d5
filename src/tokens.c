/* tokens.c: cutting text into words, Chinese character pairs and numbers.
 * Layer: formats. */
#include <config.h>

#include "tokens.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "text.h"

void
toklist_init(struct toklist *tl)
{
	tl->v = NULL;
	tl->n = tl->cap = 0;
	tl->runs = 0;
	buf_init(&tl->text);
}

void
toklist_free(struct toklist *tl)
{
	free(tl->v);
	buf_free(&tl->text);
	toklist_init(tl);
}

void
toklist_clear(struct toklist *tl)
{
	tl->n = 0;
	tl->runs = 0;
	buf_reset(&tl->text);
}

static bool
is_han(ucs4_t c)
{
	return (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) ||
	    (c >= 0xf900 && c <= 0xfaff) || (c >= 0x20000 && c <= 0x2ffff);
}

static bool
is_digit(ucs4_t c)
{
	return c >= '0' && c <= '9';
}

static bool
is_letter(ucs4_t c)
{
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	return !is_han(c) && uc_is_alpha(c);
}

static bool
is_upper(ucs4_t c)
{
	return c < 0x80 ? (c >= 'A' && c <= 'Z') : uc_is_upper(c);
}

/* Adds one token; words are case-folded on the way. */
static struct tok *
add(struct toklist *tl, const uint8_t *s, size_t n, enum tok_kind kind,
    unsigned run)
{
	struct tok *t;
	size_t off = tl->text.len;
	bool ascii = true;

	for (size_t i = 0; i < n; i++)
		if (s[i] >= 0x80)
			ascii = false;
	if (kind == TK_WORD && !ascii) {
		size_t len;
		uint8_t *f = u8_casefold(s, n, NULL, NULL, NULL, &len);
		if (!f)
			xnomem();
		buf_add(&tl->text, f, len);
		free(f);
	} else {
		buf_add(&tl->text, s, n);
		if (kind == TK_WORD)
			for (size_t i = off; i < tl->text.len; i++)
				if (tl->text.s[i] >= 'A' && tl->text.s[i] <= 'Z')
					tl->text.s[i] += 'a' - 'A';
	}
	buf_addc(&tl->text, '\0');
	tl->v = xgrow(tl->v, &tl->cap, tl->n + 1, sizeof *tl->v);
	t = &tl->v[tl->n++];
	t->off = off;
	t->len = tl->text.len - 1 - off;
	t->kind = kind;
	t->run = run;
	t->part = false;
	t->open = false;
	return t;
}

/* A word: the whole, and its CamelCase parts when it has several. */
bool
tok_code_value(const char *s, size_t n, uint32_t *v)
{
	uint64_t x = 0;
	bool neg = false, hex = false;
	size_t i = 0, start;

	if (n && s[0] == '-') {
		neg = true;
		i = 1;
	} else if (n > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		hex = true;
		i = 2;
	}
	start = i;
	for (; i < n; i++) {
		unsigned d;
		char c = s[i];
		if (c >= '0' && c <= '9')
			d = (unsigned)(c - '0');
		else if (hex && c >= 'a' && c <= 'f')
			d = (unsigned)(c - 'a' + 10);
		else if (hex && c >= 'A' && c <= 'F')
			d = (unsigned)(c - 'A' + 10);
		else
			return false;
		x = x * (hex ? 16 : 10) + d;
		if (x > UINT32_MAX)
			return false;
	}
	if (i == start || (hex && i - start > 8))
		return false;
	if (neg) {
		/* Only a 32-bit code printed signed: -1 .. -2^31. */
		if (x == 0 || x > 0x80000000u)
			return false;
		x = 0x100000000ull - x;
	}
	*v = (uint32_t)x;
	return true;
}

/* Adds the code of value v as a number token, written in decimal: 4032,
 * 0xFC0 and 0xfc0 are one token. */
static void
add_code(struct toklist *tl, uint32_t v, unsigned run)
{
	char num[16];
	int k = snprintf(num, sizeof num, "%lu", (unsigned long)v);

	add(tl, (const uint8_t *)num, (size_t)k, TK_NUM, run);
}

/* Whether s[0..n) is all hex digits, letters and digits both (C0060003,
 * 1D0D): a code printed without 0x, not a word or a decimal number. */
static bool
mixed_hex(const uint8_t *s, size_t n)
{
	bool letter = false, digit = false;

	for (size_t i = 0; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			digit = true;
		else if ((s[i] >= 'a' && s[i] <= 'f') ||
		    (s[i] >= 'A' && s[i] <= 'F'))
			letter = true;
		else
			return false;
	}
	return letter && digit;
}

/* Whether s[0..n) is a hex number as new-architecture MediaTek codes are
 * printed without 0x: eight hex digits (C0060003). */
static bool
bare_hex_code(const uint8_t *s, size_t n)
{
	return n == 8 && mixed_hex(s, n);
}

/* Whether s[0..n) is four hex digits right after the word "status" or
 * "code" of the token list: a status as antumbra and penumbra print it,
 * without 0x ("SendDA command failed with status: 1D0D"), and as people
 * quote it ("fails at Uploading XML DA1 with error code 1D0D"). */
static bool
status_hex_code(const struct toklist *tl, const uint8_t *s, size_t n)
{
	const struct tok *p;

	if (n != 4 || tl->n == 0 || (p = &tl->v[tl->n - 1])->kind != TK_WORD ||
	    (strcmp(tok_str(tl, p), "status") != 0 &&
	    strcmp(tok_str(tl, p), "code") != 0))
		return false;
	return mixed_hex(s, n);
}

static void
add_word(struct toklist *tl, const uint8_t *s, size_t n, bool has_digit)
{
	unsigned run = tl->runs++;
	size_t cuts[64], ncuts = 0;
	const uint8_t *p = s, *end = s + n;
	ucs4_t prev = 0, c;
	int k;

	if (text_chars((const char *)s, n) < 2)
		return; /* a lone letter says nothing */
	add(tl, s, n, TK_WORD, run);
	if (has_digit)
		return;
	/* Cut before an upper-case letter that follows a lower-case one,
	 * and before the last capital of a capital run followed by lower
	 * case (RSPError: RSP, Error). */
	while (p < end && ncuts < 63) {
		const uint8_t *here = p;
		k = u8_mbtoucr(&c, p, (size_t)(end - p));
		if (k < 0)
			break;
		p += k;
		if (here > s && is_upper(c)) {
			ucs4_t next = 0;
			if (p < end)
				u8_mbtoucr(&next, p, (size_t)(end - p));
			if (!is_upper(prev) ||
			    (next && !is_upper(next) && is_letter(next)))
				cuts[ncuts++] = (size_t)(here - s);
		}
		prev = c;
	}
	if (ncuts == 0)
		return;
	cuts[ncuts] = n;
	for (size_t i = 0, from = 0; i <= ncuts; i++) {
		if (cuts[i] - from >= 2)
			add(tl, s + from, cuts[i] - from, TK_WORD,
			    run)->part = true;
		from = cuts[i];
	}
}

/* The length of the identifier at s (letters, digits and underscores,
 * ASCII, with an underscore between two letters or digits and a letter
 * somewhere: S_FT_ENABLE_DRAM_FAIL), or 0 when there is none. */
static size_t
identifier(const uint8_t *s, const uint8_t *end)
{
	const uint8_t *p = s;
	bool under = false, letter = false;

	while (p < end && (isalnum(*p) || *p == '_')) {
		if (*p == '_' && p > s && p + 1 < end && isalnum(p[1]) &&
		    isalnum(p[-1]))
			under = true;
		if (isalpha(*p))
			letter = true;
		p++;
	}
	return under && letter ? (size_t)(p - s) : 0;
}

/* Whether s starts a logger's frame: a module's name (letters, digits,
 * underscores) and " - " (mtkclient's and edl's "DAXFlash - ", "main - "),
 * or a space, a symbol (U+2000 to U+2FFF: antumbra's "Antumbra ✦ ") and a
 * space. */
static bool
module_frame(const uint8_t *s, const uint8_t *end)
{
	const uint8_t *p = s;

	while (p < end && (isalnum(*p) || *p == '_'))
		p++;
	if (p == s || !isalpha(*s))
		return false;
	return (end - p >= 3 && p[0] == ' ' && p[1] == '-' && p[2] == ' ') ||
	    (end - p >= 5 && p[0] == ' ' && p[1] == 0xe2 && p[4] == ' ');
}

/* An identifier: the whole of it, which names one error, and each part
 * between underscores (the words it is made of), in one run. */
static void
add_identifier(struct toklist *tl, const uint8_t *s, size_t n)
{
	unsigned run = tl->runs++;
	size_t from = 0;

	add(tl, s, n, TK_WORD, run);
	for (size_t i = 0; i <= n; i++) {
		if (i < n && s[i] != '_')
			continue;
		if (i - from >= 2)
			add(tl, s + from, i - from, TK_WORD, run)->part = true;
		from = i + 1;
	}
}

/* A run of Chinese characters: every pair, or the lone character. */
static void
add_han(struct toklist *tl, const uint8_t *s, size_t n)
{
	unsigned run = tl->runs++;
	const uint8_t *p = s, *end = s + n;
	const uint8_t *prev = NULL;
	ucs4_t c;

	while (p < end) {
		int k = u8_mbtoucr(&c, p, (size_t)(end - p));
		if (k < 0)
			break;
		if (prev)
			add(tl, prev, (size_t)(p + k - prev), TK_HAN, run);
		prev = p;
		p += k;
	}
	if (prev == s)
		add(tl, s, n, TK_HAN, run);
}

/* Skips an ANSI escape sequence starting at p[0] == ESC. */
static const uint8_t *
skip_escape(const uint8_t *p, const uint8_t *end)
{
	p++;
	if (p < end && *p == '[') {
		for (p++; p < end; p++)
			if (*p >= 0x40 && *p <= 0x7e)
				return p + 1;
		return end;
	}
	if (p < end && *p == ']') {
		for (p++; p < end; p++) {
			if (*p == 0x07)
				return p + 1;
			if (*p == 0x1b && p + 1 < end && p[1] == '\\')
				return p + 2;
		}
		return end;
	}
	return p < end ? p + 1 : end;
}

/* A short tag in brackets, such as [LIB] or [INFO]: log noise. */
static const uint8_t *
skip_tag(const uint8_t *p, const uint8_t *end)
{
	const uint8_t *q = p + 1;
	while (q < end && q - p <= 20 && *q != ']' && *q != ' ' && *q != '[')
		q++;
	if (q < end && *q == ']' && q > p + 1)
		return q + 1;
	return NULL;
}

/* Bytes that end a run of a path: a space, a quote, and the brackets
 * and commas around one ("S_BROM_DOWNLOAD_DA_FAIL(..\\Conn\\Connection.cpp,
 * 126)": the error's name is no part of the path). */
static bool
path_end(unsigned char c)
{
	return c == '\0' || strchr(" \t\n\"'`()[]<>,;=", c) != NULL;
}

size_t
tok_path_len(const char *s, size_t n)
{
	size_t len = 0, slashes = 0, named = 0;
	bool letter = false, back = false, ext = false, lead;

	while (len < n && !path_end((unsigned char)s[len]))
		len++;
	lead = len > 0 && (s[0] == '/' || (len > 1 && s[0] == '~' &&
	    s[1] == '/') || (len > 1 && s[0] == '.' && (s[1] == '/' ||
	    (len > 2 && s[1] == '.' && s[2] == '/'))));
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
			named += !letter;
			letter = true;
			if (i > 0 && s[i - 1] == '.' && slashes)
				ext = true;
		} else if (c == '\\' || c == '/') {
			back = back || c == '\\';
			slashes++;
			ext = false;
			letter = false;
		}
	}
	/* Two of its parts at least are names. */
	if (named < 2)
		return 0;
	return back || (slashes && lead) || slashes >= 2 ||
	    (slashes == 1 && ext) ? len : 0;
}

bool
tok_in_path(const char *s, size_t n, size_t i)
{
	size_t a = i;

	while (a > 0 && !path_end((unsigned char)s[a - 1]))
		a--;
	return tok_path_len(s + a, n - a) > i - a;
}

void
tokenize(const char *str, size_t n, int flags, struct toklist *tl)
{
	uint8_t *norm = NULL, *clean = NULL;
	const uint8_t *s = (const uint8_t *)str, *p, *end;
	size_t len = n;
	bool ascii = true;

	for (size_t i = 0; i < n; i++)
		if (s[i] >= 0x80) {
			ascii = false;
			break;
		}
	if (!ascii) {
		if (u8_check(s, n)) {
			clean = xmalloc(n ? n : 1);
			memcpy(clean, s, n);
			for (size_t i = 0; i < n;) {
				ucs4_t c;
				int k = u8_mbtoucr(&c, clean + i, n - i);
				if (k < 0)
					clean[i++] = ' ';
				else
					i += (size_t)k;
			}
			s = clean;
		}
		norm = u8_normalize(UNINORM_NFKC, s, n, NULL, &len);
		if (!norm)
			xnomem();
		s = norm;
	}
	p = s;
	end = s + len;
	/* A pasted line may start with its logger's frame, "Preloader - "
	 * or "DAXFlash - [LIB]: ": the module's name is not the error. */
	bool line_start = true, opened = false;
	size_t ntok = tl->n;
	while (p < end) {
		ucs4_t c;
		int k = u8_mbtoucr(&c, p, (size_t)(end - p));
		const uint8_t *q;

		if (k < 0) {
			p++;
			continue;
		}
		if (tl->n != ntok) {
			line_start = false;
			tl->v[ntok].open = opened;
			opened = false;
		}
		ntok = tl->n;
		if (c == '\n')
			line_start = true;
		if (c == 0x1b) {
			p = skip_escape(p, end);
			continue;
		}
		/* A path's words are data: "src/firehose/qfirehose.c". */
		if ((flags & TOK_QUERY) && (p == s || path_end(p[-1]))) {
			size_t k2 = tok_path_len((const char *)p,
			    (size_t)(end - p));
			if (k2) {
				p += k2;
				continue;
			}
		}
		if (c == '[' && (flags & TOK_QUERY) && (q = skip_tag(p, end))) {
			p = q;
			continue;
		}
		if (is_han(c)) {
			q = p;
			while (q < end && (k = u8_mbtoucr(&c, q,
			    (size_t)(end - q))) > 0 && is_han(c))
				q += k;
			add_han(tl, p, (size_t)(q - p));
			p = q;
			continue;
		}
		if (c == '?' && p + 2 < end && p[1] == '?' && p[2] == '?') {
			/* A message the tool could not show comes out as a
			 * row of question marks: that is evidence too. */
			q = p;
			while (q < end && *q == '?')
				q++;
			add(tl, (const uint8_t *)"???", 3, TK_WORD, tl->runs++);
			p = q;
			continue;
		}
		if (!is_letter(c) && !is_digit(c)) {
			if (c == '(' || c == '[')
				opened = true;
			else if (c != ' ' && c != '\t')
				opened = false;
			p += k;
			continue;
		}
		if ((flags & TOK_QUERY) && line_start && module_frame(p, end)) {
			while (p < end && (isalnum(*p) || *p == '_'))
				p++;
			continue;
		}
		{
			size_t idn = identifier(p, end);
			if (idn) {
				add_identifier(tl, p, idn);
				p += idn;
				continue;
			}
		}
		/* A run of letters and digits. */
		bool letters = false, digits = false;
		q = p;
		while (q < end && (k = u8_mbtoucr(&c, q, (size_t)(end - q))) > 0
		    && (is_letter(c) || is_digit(c))) {
			if (is_digit(c))
				digits = true;
			else
				letters = true;
			q += k;
		}
		if (letters) {
			size_t wn = (size_t)(q - p);
			uint32_t v;
			if (wn > 2 && p[0] == '0' && (p[1] == 'x' ||
			    p[1] == 'X') && tok_code_value((const char *)p, wn,
			    &v)) {
				/* 0xFC0: a code in hex. */
				if (v)
					add_code(tl, v, tl->runs++);
				p = q;
				continue;
			}
			bool stat = status_hex_code(tl, p, wn);
			add_word(tl, p, wn, digits);
			if (stat || bare_hex_code(p, wn)) {
				v = (uint32_t)strtoul((const char *)p, NULL, 16);
				add_code(tl, v, tl->runs - 1);
			}
			p = q;
			continue;
		}
		/* Digits: a lone number, or groups joined by - / : . that
		 * make a date, a time or a version (a group of one or two
		 * digits gives them away: 2020-08-04, 10:42:13, 2.0.11);
		 * 3006/3005/5001 stays three codes. */
		{
			const uint8_t *gs[16];
			size_t gl[16], ng = 0;
			bool small = false;
			const uint8_t *r = p;
			for (;;) {
				const uint8_t *g = r;
				while (r < end && is_digit(*r))
					r++;
				if (ng < 16) {
					gs[ng] = g;
					gl[ng++] = (size_t)(r - g);
				}
				if (r - g <= 2)
					small = true;
				if (r + 1 < end && *r && strchr("-/:.", *r) &&
				    is_digit(r[1]))
					r++;
				else
					break;
			}
			if (ng == 1 || !small) {
				/* -1073348605: a 32-bit code printed signed
				 * (not a date's or a range's dash). */
				bool neg = ng == 1 && p > s && p[-1] == '-' &&
				    (p - 1 == s || !is_digit(p[-2])) &&
				    gl[0] >= 9;
				for (size_t i = 0; i < ng; i++) {
					uint32_t v;
					if (gl[i] < 2)
						continue;
					if (tok_code_value((const char *)gs[i] -
					    neg, gl[i] + neg, &v))
						add_code(tl, v, tl->runs++);
					else
						add(tl, gs[i], gl[i], TK_NUM,
						    tl->runs++);
				}
			}
			p = r;
		}
	}
	free(norm);
	free(clean);
}

double
tok_stop_factor(const char *s, bool query)
{
	static const char *const stop[] = {
		"a", "all", "an", "and", "any", "are", "as", "at", "be",
		"been", "but", "by", "can", "do", "does", "don", "first",
		"for", "from", "has", "have", "i", "if", "in", "into", "is",
		"it", "its", "my", "not", "of", "on", "or", "please", "so",
		"that", "the", "then", "there", "these", "they", "this", "to",
		"was", "we", "which", "will", "with", "you", "your",
		/* and those of prose, as engineers type a symptom */
		"about", "after", "again", "also", "am", "anybody",
		"anyone", "because", "before", "being", "could", "did",
		"even", "every", "get", "gets", "got", "had", "he", "help",
		"hello", "here", "hi", "how", "im", "just", "like", "me",
		"now", "our", "she", "should", "some", "still", "than",
		"thanks", "their", "them", "what", "when", "where", "while",
		"who", "why", "would",
	};
	static const char *const noise[] = {
		"debug", "fatal", "info", "lib", "log", "trace", "warn",
		"warning",
	};

	if (query)
		for (size_t i = 0; i < sizeof noise / sizeof *noise; i++)
			if (strcmp(s, noise[i]) == 0)
				return 0.0;
	for (size_t i = 0; i < sizeof stop / sizeof *stop; i++)
		if (strcmp(s, stop[i]) == 0)
			return 0.1;
	return 1.0;
}
