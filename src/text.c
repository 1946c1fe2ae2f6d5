/* text.c: Unicode text helpers over libunistring.
 * Layer: base. */
#include <config.h>

#include "text.h"

#include <langinfo.h>
#include <stdlib.h>
#include <string.h>
#include <unilbrk.h>
#include <uninorm.h>
#include <unistr.h>
#include <uniwidth.h>

#include "util.h"

static int term_utf8 = -1;

bool
text_terminal_utf8(void)
{
	if (term_utf8 < 0) {
		const char *cs = nl_langinfo(CODESET);
		term_utf8 = cs && (strcmp(cs, "UTF-8") == 0 ||
		    strcmp(cs, "utf8") == 0);
	}
	return term_utf8;
}

void
text_set_terminal_utf8(bool utf8)
{
	term_utf8 = utf8;
}

bool
text_valid_utf8(const char *s, size_t n, size_t *bad)
{
	const uint8_t *p = u8_check((const uint8_t *)s, n);
	if (!p)
		return true;
	if (bad)
		*bad = (size_t)(p - (const uint8_t *)s);
	return false;
}

/* True for characters that must never reach a terminal raw. */
static bool
is_unsafe(ucs4_t c)
{
	return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) ||
	    c == 0x061c || c == 0x200e || c == 0x200f ||
	    (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) ||
	    c == 0xfeff || (c >= 0xfff9 && c <= 0xfffb);
}

/* The length of the UTF-8 sequence at s (n bytes there) when it is valid
 * and not a C1 control; 0 otherwise.  The same judgement as u8_mbtoucr's
 * (no overlong forms, no surrogates, nothing past U+10FFFF), inline: the
 * loader checks every byte of a knowledge base with it. */
static size_t
utf8_seq(const uint8_t *s, size_t n)
{
	uint8_t b = s[0];

	if (b >= 0xc2 && b <= 0xdf) {
		if (n < 2 || (s[1] & 0xc0) != 0x80)
			return 0;
		return b == 0xc2 && s[1] < 0xa0 ? 0 : 2; /* C1 controls */
	}
	if (b >= 0xe0 && b <= 0xef) {
		if (n < 3 || (s[1] & 0xc0) != 0x80 || (s[2] & 0xc0) != 0x80)
			return 0;
		if ((b == 0xe0 && s[1] < 0xa0) || (b == 0xed && s[1] >= 0xa0))
			return 0;
		return 3;
	}
	if (b >= 0xf0 && b <= 0xf4) {
		if (n < 4 || (s[1] & 0xc0) != 0x80 || (s[2] & 0xc0) != 0x80 ||
		    (s[3] & 0xc0) != 0x80)
			return 0;
		if ((b == 0xf0 && s[1] < 0x90) || (b == 0xf4 && s[1] >= 0x90))
			return 0;
		return 4;
	}
	return 0;
}

size_t
text_find_bad(const char *str, size_t n)
{
	const uint8_t *s = (const uint8_t *)str;
	size_t i = 0;

	while (i < n) {
		uint8_t b = s[i];
		if (b >= 0x20 && b < 0x7f) {
			i++;
		} else if (b < 0x80) {
			if (b != '\t' && b != '\n' && b != '\r')
				return i;
			i++;
		} else {
			size_t k = utf8_seq(s + i, n - i);
			if (k == 0)
				return i;
			i += k;
		}
	}
	return (size_t)-1;
}

/* What an ASCII terminal shows for character c (not ASCII): the ASCII
 * that NFKC makes of it (full-width letters, digits and punctuation such
 * as the colon of "WCSM code：4009", ligatures), a plain form of common
 * typography, else "?". */
static const char *
ascii_of(ucs4_t c)
{
	static char one[2];
	uint8_t u[8], *k;
	size_t n = 0;
	int len = u8_uctomb(u, c, sizeof u);

	switch (c) {
	case 0x2018: case 0x2019: case 0x201B: case 0x2032:
		return "'";
	case 0x201C: case 0x201D: case 0x2033:
		return "\"";
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
	case 0x2212:
		return "-";
	case 0x2026:
		return "...";
	case 0x3001: case 0xFF64:
		return ",";
	case 0x3002: case 0xFF61:
		return ".";
	case 0x2190:
		return "<-";
	case 0x2192:
		return "->";
	case 0x00A0: case 0x3000:
		return " ";
	default:
		break;
	}
	if (len <= 0)
		return "?";
	k = u8_normalize(UNINORM_NFKC, u, (size_t)len, NULL, &n);
	if (k && n == 1 && k[0] >= 0x20 && k[0] < 0x7f) {
		one[0] = (char)k[0];
		one[1] = '\0';
		free(k);
		return one;
	}
	free(k);
	return "?";
}

char *
text_escape(const char *s, size_t n, int flags)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + n;
	struct buf b;

	buf_init(&b);
	buf_add(&b, "", 0);
	while (p < end) {
		ucs4_t c;
		int k = u8_mbtoucr(&c, p, (size_t)(end - p));

		if (k < 0) {
			/* Invalid or truncated sequence: one byte at a time. */
			if (flags & TEXT_ASCII)
				buf_addc(&b, '?');
			else
				buf_adds(&b, "\xef\xbf\xbd");
			p++;
			continue;
		}
		if (c == '\n' && (flags & TEXT_KEEP_NL))
			buf_addc(&b, '\n');
		else if (c == '\t')
			buf_addc(&b, ' ');
		else if (c == '\r' && (flags & TEXT_KEEP_NL) && p + 1 < end &&
		    p[1] == '\n')
			; /* CRLF: the LF that follows ends the line */
		else if (c < 0x80 && is_unsafe(c))
			buf_printf(&b, "\\x%02X", (unsigned)c);
		else if (is_unsafe(c))
			buf_printf(&b, "\\u%04X", (unsigned)c);
		else if (c >= 0x80 && (flags & TEXT_ASCII))
			buf_adds(&b, ascii_of(c));
		else
			buf_add(&b, p, (size_t)k);
		p += k;
	}
	return buf_take(&b);
}

char *
text_sanitize(const char *s, bool utf8)
{
	return text_escape(s, strlen(s), utf8 ? 0 : TEXT_ASCII);
}

char *
text_cut(const char *s, size_t width, bool utf8)
{
	/* Escaped first, so that an escape is never cut in two; the
	 * escaping of a very long text stops soon after what is shown. */
	size_t n = strlen(s), cap = width * 4 + 16;
	char *e = text_escape(s, n < cap ? n : cap, utf8 ? 0 : TEXT_ASCII);
	const char *dots = utf8 ? "\u2026" : "...";
	size_t fit = text_fit(e, width, NULL);

	if (e[fit] == '\0' && n <= cap)
		return e;
	fit = text_fit(e, width > 3 ? width - (utf8 ? 1 : 3) : width, NULL);
	char *c = xasprintf("%.*s%s", (int)fit, e, dots);
	free(e);
	return c;
}

size_t
text_width(const char *s)
{
	int w = u8_strwidth((const uint8_t *)s, "UTF-8");
	return w < 0 ? 0 : (size_t)w;
}

size_t
text_chars(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			c++;
	return c;
}

/* The width of the character at p (invalid bytes count as U+FFFD, one
 * byte); its length in *len. */
static size_t
char_width(const uint8_t *p, const uint8_t *end, size_t *len)
{
	ucs4_t c;
	int k = u8_mbtoucr(&c, p, (size_t)(end - p));
	int cw;

	if (k < 0)
		k = 1, c = 0xfffd;
	cw = uc_width(c, "UTF-8");
	*len = (size_t)k;
	return cw < 0 ? 0 : (size_t)cw;
}

size_t
text_fit(const char *s, size_t width, size_t *cols)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + strlen(s);
	size_t w = 0;

	while (p < end) {
		size_t k, cw = char_width(p, end, &k);
		if (w + cw > width)
			break;
		w += cw;
		p += k;
	}
	if (cols)
		*cols = w;
	return (size_t)(p - (const uint8_t *)s);
}

size_t
text_tail(const char *s, size_t width)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + strlen(s);
	size_t w = 0, k;

	for (const uint8_t *q = p; q < end; q += k)
		w += char_width(q, end, &k);
	while (w > width && p < end) {
		w -= char_width(p, end, &k);
		p += k;
	}
	return (size_t)(p - (const uint8_t *)s);
}

/* Whether s[0..n) is one link (a word with "://" in it). */
static bool
is_link(const char *s, size_t n)
{
	return !memchr(s, ' ', n) && n > 3 && memmem(s, n, "://", 3);
}

/* Adds s[0..n) to the line list, cutting it between characters where it is
 * wider than width (a word longer than a line), but a link when
 * links_whole: cut, it could not be copied. */
static void
add_line(char ***lines, size_t *nl, size_t *cap, const char *s, size_t n,
    size_t width, bool links_whole)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + n;

	while (n > 0 && s[n - 1] == ' ')
		n--, end--;
	if (links_whole && is_link(s, n)) {
		*lines = xgrow(*lines, cap, *nl + 1, sizeof **lines);
		(*lines)[(*nl)++] = xstrndup(s, n);
		return;
	}
	do {
		const uint8_t *start = p;
		size_t w = 0;
		while (p < end) {
			size_t k, cw = char_width(p, end, &k);
			if (w + cw > width && p > start)
				break;
			w += cw;
			p += k;
		}
		*lines = xgrow(*lines, cap, *nl + 1, sizeof **lines);
		(*lines)[(*nl)++] = xstrndup((const char *)start,
		    (size_t)(p - start));
	} while (p < end);
}

/* Columns of s[0..n). */
static size_t
span_width(const char *s, size_t n)
{
	int w = u8_width((const uint8_t *)s, n, "UTF-8");
	return w < 0 ? 0 : (size_t)w;
}

/* Wraps one paragraph (no line feeds) into the line list: greedy, at
 * the break opportunities of UAX #14 (spaces, between CJK characters)
 * but never inside a run of ASCII letters, digits and signs (after a
 * hyphen, a dot or a slash); spaces at the end of a line take no room. */
static void
wrap_para(char ***lines, size_t *nl, size_t *cap, const char *s, size_t n,
    size_t width, bool links_whole)
{
	const uint8_t *u = (const uint8_t *)s;
	char *brk;
	size_t start = 0, cand = 0, w = 0;

	if (n == 0) {
		add_line(lines, nl, cap, s, 0, width, links_whole);
		return;
	}
	brk = xmalloc(n);
	u8_possible_linebreaks(u, n, "UTF-8", brk);
	for (size_t i = 0; i < n;) {
		size_t k, cw = char_width(u + i, u + n, &k);

		/* Not inside a run of ASCII letters and signs: a link, a
		 * host name or an id (forum.xda-developers.com,
		 * mtk-dram-enable) stays whole to be copied. */
		if (i > start && brk[i] == UC_BREAK_POSSIBLE &&
		    (s[i - 1] == ' ' || u[i - 1] >= 0x80 || u[i] >= 0x80))
			cand = i;
		if (s[i] != ' ' && w + cw > width && cand > start) {
			add_line(lines, nl, cap, s + start, cand - start,
			    width, links_whole);
			start = cand;
			while (start < n && s[start] == ' ')
				start++;
			cand = start;
			w = span_width(s + start, i - start);
		}
		w += cw;
		i += k;
	}
	if (start < n)
		add_line(lines, nl, cap, s + start, n - start, width,
		    links_whole);
	free(brk);
}

char **
text_wrap(const char *s, size_t width, size_t *nlines)
{
	return text_wrap_links(s, width, nlines, false);
}

char **
text_wrap_links(const char *s, size_t width, size_t *nlines,
    bool links_whole)
{
	char **lines = NULL;
	size_t nl = 0, cap = 0;

	if (width < 1)
		width = 1;
	for (;;) {
		const char *e = strchr(s, '\n');
		size_t n = e ? (size_t)(e - s) : strlen(s);
		wrap_para(&lines, &nl, &cap, s, n, width, links_whole);
		if (!e)
			break;
		s = e + 1;
	}
	*nlines = nl;
	return lines;
}

void
text_lines_free(char **lines, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}
