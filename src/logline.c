/* logline.c: lines that report success, progress or debug data, and the
 * words that say only that something failed.  Layer: formats. */
#include <config.h>

#include "logline.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Words (ASCII, lowercase) and texts that tell of a failure.  A word
 * matches at the start of a word of the line: "fail" finds "failed",
 * "failure"; "err" finds "error", "errno". */
static const char *const fail_words[] = {
	"err", "fail", "exception", "invalid", "mismatch", "timeout",
	"timed", "unable", "cannot", "can't", "couldn't", "could",
	"nothing", "wrong", "denied", "refused", "abort", "unsupport", "unknown",
	"incorrect", "corrupt", "must", "bad", "unexpected", "missing",
	"overflow", "reject", "crash", "lost", "stuck", "illegal", "forbid",
	"locked", "expired", "unauthori", "violat", "panic", "fault",
	"broken", "problem", "undefined", "unrecogni", "unable", "weird",
	"retry", "retrying", "remain", "hang", "hung", "freez", "frozen",
	"only", "qhsusb", "quit", "auth", "won't", "doesn't", "didn't",
	"isn't", "wasn't", "never", "issue", "brick", "dead", "disconnect",
	"disappear", "vanish", "exclamation", "required", "needs",
};
/* Short ones, as whole words: "nop" and "normal" say nothing failed. */
static const char *const fail_whole[] = {
	"no", "not", "nak",
};
static const char *const fail_texts[] = {
	"失败", "错误", "异常", "无法", "不", "未", "没有", "超时", "故障",
	"损坏", "锁", "停", "卡", "只", "问题", "断开", "掉", "dump mode",
	"patched against", "too large", "too big", "too small", "too long",
	"asks for", "需要",
};

/* Words of success and progress. */
static const char *const ok_words[] = {
	"success", "succeed", "completed", "complete", "done", "passed",
	"ok", "okay", "finished", "progress", "percent", "searching",
	"waiting", "scanning", "connecting", "loading", "sending", "writing",
	"reading", "started", "starting", "opening", "ready", "detected",
	"jumping", "uploading", "downloading", "erasing", "start", "idle",
};
static const char *const ok_texts[] = { "成功", "完成", "%" };

/* Log levels that carry no failure when they lead a line. */
static const char *const quiet_levels[] = {
	"info", "debug", "verbose", "trace", "notice", "dbg", "inf",
};
/* The same as Android writes them: "I/", "D/", "V/". */
static const char *const quiet_letters[] = { "i", "d", "v" };

/* Words that label debug data ("offset: 0x0"). */
static const char *const data_words[] = {
	"offset", "addr", "address", "sector", "sectors", "bytes", "size",
	"image", "lun", "start", "length", "num", "crc", "hash", "id",
	"partition", "mode", "version", "chip", "cpu", "hwid", "serial",
	"memory", "storage", "target",
};

static bool
in(const char *const *v, size_t n, const char *w, bool prefix)
{
	for (size_t i = 0; i < n; i++) {
		/* The first letter rules out nearly all, without a call. */
		if (v[i][0] != w[0])
			continue;
		if (prefix ? strncmp(w, v[i], strlen(v[i])) == 0 :
		    strcmp(w, v[i]) == 0)
			return true;
	}
	return false;
}
#define IN(v, w, prefix) in(v, sizeof v / sizeof *v, w, prefix)

static bool
has_text(const char *const *v, size_t n, const char *s, size_t len)
{
	for (size_t i = 0; i < n; i++) {
		size_t k = strlen(v[i]);
		const char *p = s, *end = s + len;
		/* Where its first byte is, then the rest. */
		while (k <= (size_t)(end - p) &&
		    (p = memchr(p, v[i][0], (size_t)(end - p) - k + 1)) != NULL) {
			if (memcmp(p, v[i], k) == 0)
				return true;
			p++;
		}
	}
	return false;
}
#define HAS(v, s, n) has_text(v, sizeof v / sizeof *v, s, n)

bool
logline_generic_word(const char *w)
{
	static const char *const generic[] = {
		"error", "errors", "err", "erro", "fail", "fails", "failed",
		"failure", "status", "code", "codes", "result", "unknown",
		"错误", "失败", "异常",
	};

	return IN(generic, w, false);
}

/* The line's ASCII words, lowercased, one at a time: *i is where to go
 * on; false at the end.  A word is letters, digits, ' and _. */
static bool
next_word(const char *s, size_t n, size_t *i, char *w, size_t room,
    char *after)
{
	size_t k = 0;

	while (*i < n && !isalnum((unsigned char)s[*i]))
		(*i)++;
	if (*i >= n)
		return false;
	for (;;) {
		/* The typographic apostrophe (can’t) is an apostrophe. */
		if (*i + 2 < n && memcmp(s + *i, "\xe2\x80\x99", 3) == 0 &&
		    k > 0) {
			if (k + 1 < room)
				w[k++] = '\'';
			*i += 3;
			continue;
		}
		if (*i >= n || !(isalnum((unsigned char)s[*i]) ||
		    s[*i] == '\'' || s[*i] == '_'))
			break;
		if (k + 1 < room)
			w[k++] = (char)tolower((unsigned char)s[*i]);
		(*i)++;
	}
	w[k] = '\0';
	*after = *i < n ? s[*i] : '\0';
	return true;
}

/* Failure words that may sit inside a longer word: "USBError",
 * "31mCouldn't" (a colour escape whose ESC a console printed as a
 * glyph). */
static const char *const fail_inside[] = {
	"error", "fail", "couldn't", "cannot", "unable", "invalid",
	"mismatch", "timeout",
};

bool
logline_benign(const char *s, size_t n)
{
	char w[64], after;
	size_t i = 0, words = 0, data = 0;
	bool ok = false, quiet = false, lead = true;

	if (HAS(fail_texts, s, n))
		return false;
	while (next_word(s, n, &i, w, sizeof w, &after)) {
		bool digits = strspn(w, "0123456789") == strlen(w);
		if (IN(fail_words, w, true) || IN(fail_whole, w, false) ||
		    HAS(fail_inside, w, strlen(w)))
			return false;
		words++;
		if (IN(ok_words, w, true))
			ok = true;
		/* "offset: 0x0", "MemoryName=eMMC": a value labelled. */
		if ((IN(data_words, w, false) && after == ':') || after == '=')
			data++;
		/* The level leads, after a time stamp or a tag: "INFO:",
		 * "[DEBUG]", "I/". */
		if (lead && !digits && ((IN(quiet_levels, w, false) &&
		    (after == ':' || after == ']' || after == '/' ||
		    after == ' ' || after == '>')) ||
		    (IN(quiet_letters, w, false) && after == '/')))
			quiet = true;
		if (!digits && strcmp(w, "t") != 0)
			lead = false;
	}
	if (HAS(ok_texts, s, n))
		ok = true;
	return words > 0 && (ok || quiet || data >= 1);
}

bool
logline_says_failure(const char *s, size_t n)
{
	char w[64], after;
	size_t i = 0;

	if (HAS(fail_texts, s, n))
		return true;
	while (next_word(s, n, &i, w, sizeof w, &after))
		/* "auth" keeps "Mem read auth: True" from being benign
		 * data, but it names a subject, not a failure. */
		if ((strcmp(w, "auth") != 0 && IN(fail_words, w, true)) ||
		    IN(fail_whole, w, false) || HAS(fail_inside, w, strlen(w)))
			return true;
	return false;
}

/* Marks of a possible failure, lowercase ASCII, looked for at the start of
 * words; and texts (UTF-8 and GB18030 Chinese, "???") looked for
 * anywhere. */
static const char *const maybe_words[] = {
	"err", "fail", "exception", "invalid", "mismatch", "timeout", "timed",
	"unable", "cannot", "can't", "couldn't", "could", "denied",
	"refused", "abort", "unsupport", "unknown", "incorrect", "corrupt",
	"wrong", "must", "missing", "unexpected", "reject", "loss", "stuck",
	"illegal", "forbid", "panic", "fault", "expired", "locked", "violat",
	"don't", "doesn't", "sorry", "wcsm", "please", "getufsinfo", "frok",
	"remain", "overflow", "qhsusb", "undefined", "weird", "auth",
	"retry", "crash", "freez", "unrecogni", "disconnect",
};
/* Short ones, as whole words. */
static const char *const maybe_whole[] = {
	"no", "not", "bad", "lost", "only", "mes", "test", "hang", "quit",
	"nak",
};
static const char *const maybe_texts[] = {
	"???", "失败", "错误", "异常", "无法", "超时", "不", "未",
	"\xca\xa7\xb0\xdc", "\xb4\xed\xce\xf3", "\xd2\xec\xb3\xa3",
	"\xce\xde\xb7\xa8",
};

bool
logline_maybe_error(const char *s, size_t n)
{
	bool high = false;

	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x80)
			high = true;
		if (!isalpha(c)) {
			i++;
			continue;
		}
		/* A word: compare its lowercase start with the marks. */
		{
			char w[16];
			size_t k = 0, j = i;
			while (j < n && (isalnum((unsigned char)s[j]) ||
			    s[j] == '\'' || s[j] == '_')) {
				if (k + 1 < sizeof w)
					w[k++] = (char)tolower((unsigned char)s[j]);
				j++;
			}
			w[k] = '\0';
			if (IN(maybe_words, w, true) || IN(maybe_whole, w, false))
				return true;
			i = j;
		}
	}
	if (memchr(s, '?', n) && HAS(maybe_texts, s, n))
		return true;
	return high && HAS(maybe_texts, s, n);
}

/* Words of success (prefixes), for logline_success and the glance. */
static const char *const won[] = {
	"success", "succeed", "completed", "done", "passed", "ok", "okay",
	"finished", "成功", "完成",
};

/* The glance's table: for each pair of bytes, whether a mark (bit 1) or
 * a word of success (bit 2) may start with them, any case; each such
 * place is then checked against the marks of its first byte. */
/* The glance's loop looks at every byte with its neighbours, and
 * branches only where a mark may start: glance_any[c][d] is glance_tab
 * with bit 0x80 added where c may start one whatever comes before it
 * (not ASCII, '?') or may hide text (ESC, NUL, the first byte of "←");
 * ANDed with glance_after[b] of the byte before (0x80 only after a byte
 * of a word, where no ASCII mark starts), it is 0 at nearly every
 * byte. */
#define G_ANYWHERE 0x80
/* and glance_tab has bit 0x40 where c may hide text whatever d is (ESC,
 * NUL), and for "←", 0xE2 0x86, whose third byte glance_place checks. */
#define G_HIDES 0x40
static unsigned char glance_tab[256][256];
static unsigned char glance_any[256][256], glance_after[256];
/* A third byte's filter: bit TRI(a, b, c) of the lowercase first three
 * bytes of each mark is set (of a two-byte mark, with every c); a place
 * whose three bytes' bit is clear starts no mark.  Bits are shared, so
 * it only ever lets too much through, never too little. */
static unsigned char glance_tri[65536 / 8];
#define TRI(a, b, c) ((((unsigned)(a) * 961u) + (unsigned)(b) * 31u + \
	(unsigned)(c)) & 0xffffu)
static bool glance_ready;
/* Whether a mark starts with a byte that is not ASCII, below 0xC0 and not
 * 0xB4: then the vector glance looks at every byte that is not ASCII. */
static bool high_any;

struct mark {
	const char *m;
	size_t len;
	unsigned char bit;
	bool whole;   /* a whole word (no), else the start of one (fail) */
};
/* Bytes that continue an ASCII word: a mark never starts after one. */
static unsigned char in_word[256];
/* Bytes lowercased (ASCII letters only). */
static unsigned char lower[256];
static struct mark marks[128];
static size_t nmarks;
/* The marks by their first byte, lowercase: marks[first[c]..first[c+1]). */
static unsigned char first[257];

static void
glance_mark(const char *m, unsigned char bit, bool whole)
{
	unsigned char a = (unsigned char)m[0], b = (unsigned char)m[1];

	if (b)
		for (int i = 0; i < 2; i++)
			for (int j = 0; j < 2; j++)
				glance_tab[i ? toupper(a) : a][j ? toupper(b) :
				    b] |= bit;
	if (nmarks < sizeof marks / sizeof *marks)
		marks[nmarks++] = (struct mark){ m, strlen(m), bit, whole };
	for (int c = 0; c < 256; c++) {
		unsigned k;
		if (b && m[2] && c != (unsigned char)m[2])
			continue;
		k = TRI(a, b, c);
		glance_tri[k / 8] |= (unsigned char)(1u << (k % 8));
	}
}

static int
cmp_mark(const void *x, const void *y)
{
	const struct mark *a = x, *b = y;

	return (unsigned char)a->m[0] - (unsigned char)b->m[0];
}

static void
glance_init(void)
{
#define ADD(v, bit, whole) for (size_t i = 0; i < sizeof v / sizeof *v; i++) \
	glance_mark(v[i], bit, whole)
	ADD(maybe_words, LOGLINE_MAYBE_ERROR, false);
	ADD(maybe_whole, LOGLINE_MAYBE_ERROR, true);
	ADD(maybe_texts, LOGLINE_MAYBE_ERROR, false);
	ADD(won, LOGLINE_MAYBE_OK, false);
#undef ADD
	qsort(marks, nmarks, sizeof *marks, cmp_mark);
	for (size_t i = 0; i < nmarks; i++) {
		unsigned char c = (unsigned char)marks[i].m[0];
		if (c >= 0x80 && c < 0xC0 && c != 0xB4)
			high_any = true;
	}
	for (int c = 0; c < 256; c++) {
		in_word[c] = c < 0x80 && (isalnum(c) || c == '_' || c == '\'');
		lower[c] = (unsigned char)(c < 0x80 ? tolower(c) : c);
	}
	for (int d = 0; d < 256; d++) {
		glance_tab[0x1b][d] |= G_HIDES;
		glance_tab[0][d] |= G_HIDES;
	}
	glance_tab[0xe2][0x86] |= G_HIDES;
	for (int c = 0; c < 256; c++) {
		bool anywhere = c >= 0x80 || c == '?';
		bool hides = c == 0x1b || c == 0 || c == 0xe2;
		for (int d = 0; d < 256; d++)
			glance_any[c][d] = (unsigned char)(glance_tab[c][d] |
			    ((anywhere && glance_tab[c][d]) || hides ?
			    G_ANYWHERE : 0));
		/* After a byte of an ASCII word no ASCII mark starts. */
		glance_after[c] = (unsigned char)(c < 0x80 && (isalnum(c) ||
		    c == '_' || c == '\'') ? G_ANYWHERE : 0xff);
	}
	for (int c = 0, k = 0; c <= 256; c++) {
		while ((size_t)k < nmarks && (unsigned char)marks[k].m[0] < c)
			k++;
		first[c] = (unsigned char)k;
	}
	glance_ready = true;
}

/* Which marks start at p[i] (a word's start for ASCII ones). */
static unsigned
glance_at(const unsigned char *p, size_t n, size_t i)
{
	unsigned char c = (unsigned char)tolower(p[i]);
	unsigned seen = 0;
	bool start = i == 0 || !(isalnum(p[i - 1]) || p[i - 1] == '_');

	for (size_t k = first[c]; k < first[c + 1]; k++) {
		const struct mark *m = &marks[k];
		size_t len = m->len;
		bool ascii = (unsigned char)m->m[0] < 0x80;
		size_t j = 0;
		if (i + len > n || (ascii && !start))
			continue;
		while (j < len && lower[p[i + j]] == (unsigned char)m->m[j])
			j++;
		if (j < len)
			continue;
		if (m->whole && i + len < n && isalnum(p[i + len]))
			continue;
		seen |= m->bit;
	}
	return seen;
}


/* What the glance finds at p[i], a place where a mark may start (a
 * word's start; a byte that may start one anywhere or hide text); false
 * when the glance is over, *seen then its answer. */
static inline bool
glance_place(const unsigned char *p, size_t n, size_t i, unsigned *seen)
{
	unsigned char c = p[i], d = i + 1 < n ? p[i + 1] : 0;
	unsigned char t = glance_tab[c][d];

	if (!(t & ~*seen))
		return true;
	if ((t & G_HIDES) && (c != 0xe2 || (i + 2 < n && p[i + 2] == 0x90))) {
		*seen = LOGLINE_HIDDEN; /* ESC, NUL, "←[31m" */
		return false;
	}
	if (i + 1 < n && (t & ~*seen & ~G_HIDES)) {
		if (i + 2 < n) {
			unsigned k = TRI(lower[c], lower[p[i + 1]],
			    lower[p[i + 2]]);
			if (!(glance_tri[k / 8] & (1u << (k % 8))))
				return true;
		}
		*seen |= glance_at(p, n, i);
		if (*seen == (LOGLINE_MAYBE_ERROR | LOGLINE_MAYBE_OK))
			return false;
	}
	return true;
}

/* From p[i] on, a byte at a time. */
static unsigned
glance_bytes(const unsigned char *p, size_t n, size_t i, unsigned seen)
{
	unsigned char before = i ? p[i - 1] : ' ';

	for (; i < n; i++) {
		unsigned char c = p[i], d = i + 1 < n ? p[i + 1] : 0;
		if ((glance_any[c][d] & glance_after[before]) &&
		    !glance_place(p, n, i, &seen))
			return seen;
		before = c;
	}
	return seen;
}

unsigned
logline_glance_bytes(const char *s, size_t n)
{
	if (!glance_ready)
		glance_init();
	return glance_bytes((const unsigned char *)s, n, 0, 0);
}

#ifdef __SSE2__
/* Of the 16 bytes at p, the places where a mark may start, as the bits of
 * a mask: the starts of ASCII words (after a byte of a word where carry
 * is 1), the bytes that are not ASCII and may start one, '?', ESC, NUL.
 * *word gets the mask of the bytes of words. */
static inline unsigned
glance_mask(const unsigned char *p, unsigned carry, unsigned *word)
{
	const __m128i zero = _mm_setzero_si128(), n0 = _mm_set1_epi8('0'),
	    n9 = _mm_set1_epi8(9), a = _mm_set1_epi8('a'),
	    z = _mm_set1_epi8(25), low = _mm_set1_epi8(0x20),
	    us = _mm_set1_epi8('_'), ap = _mm_set1_epi8('\''),
	    qm = _mm_set1_epi8('?'), esc = _mm_set1_epi8(0x1b),
	    e2 = _mm_set1_epi8((char)0xe2), c0 = _mm_set1_epi8((char)0xc0),
	    b4 = _mm_set1_epi8((char)0xb4);
	__m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
	__m128i d = _mm_sub_epi8(x, n0);
	__m128i l = _mm_sub_epi8(_mm_or_si128(x, low), a);
	__m128i letter = _mm_cmpeq_epi8(_mm_min_epu8(l, z), l);
	__m128i wd = _mm_or_si128(
	    _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(d, n9), d), letter),
	    _mm_or_si128(_mm_cmpeq_epi8(x, us), _mm_cmpeq_epi8(x, ap)));
	__m128i odd = _mm_or_si128(
	    _mm_or_si128(_mm_cmpeq_epi8(x, qm), _mm_cmpeq_epi8(x, esc)),
	    _mm_or_si128(_mm_cmpeq_epi8(x, zero), _mm_cmpeq_epi8(x, e2)));
	unsigned w = (unsigned)_mm_movemask_epi8(wd);
	/* Of the bytes that are not ASCII, those that may start a mark:
	 * the lead bytes of UTF-8 (not the continuation bytes of Chinese
	 * text, two in three) and 0xB4 (GB18030's 错). */
	unsigned high = (unsigned)_mm_movemask_epi8(high_any ? x :
	    _mm_or_si128(_mm_cmpeq_epi8(_mm_max_epu8(x, c0), x),
	    _mm_cmpeq_epi8(x, b4)));

	*word = w;
	/* Every ASCII mark starts with a letter: the starts of words of
	 * digits (a time stamp's) start none. */
	return ((w & ~((w << 1) | carry) &
	    (unsigned)_mm_movemask_epi8(letter)) | high |
	    (unsigned)_mm_movemask_epi8(odd)) & 0xffff;
}

/* 16 bytes at a time, the places of glance_mask() looked at; a last
 * part shorter than 16 as the 16 bytes that end the line, those already
 * looked at masked off; a line shorter than 16 a byte at a time. */
static unsigned
glance_vector(const unsigned char *p, size_t n)
{
	unsigned seen = 0, carry = 0, w;
	size_t i = 0;

	for (; i + 16 <= n; i += 16) {
		unsigned cand = glance_mask(p + i, carry, &w);
		carry = (w >> 15) & 1;
		while (cand) {
			if (!glance_place(p, n, i + (size_t)__builtin_ctz(cand),
			    &seen))
				return seen;
			cand &= cand - 1;
		}
	}
	if (i < n && n >= 16) {
		size_t j = n - 16;
		unsigned cand = glance_mask(p + j, j && in_word[p[j - 1]],
		    &w) & ~((1u << (i - j)) - 1);
		while (cand) {
			if (!glance_place(p, n, j + (size_t)__builtin_ctz(cand),
			    &seen))
				return seen;
			cand &= cand - 1;
		}
		return seen;
	}
	return glance_bytes(p, n, i, seen);
}
#endif

unsigned
logline_glance(const char *s, size_t n)
{
	if (!glance_ready)
		glance_init();
#ifdef __SSE2__
	return glance_vector((const unsigned char *)s, n);
#else
	return glance_bytes((const unsigned char *)s, n, 0, 0);
#endif
}

bool
logline_success(const char *s, size_t n)
{
	char w[32], after;
	size_t i = 0;
	bool ok = false;

	if (HAS(fail_texts, s, n))
		return false;
	while (next_word(s, n, &i, w, sizeof w, &after)) {
		if (IN(fail_words, w, true) || IN(fail_whole, w, false))
			return false;
		if (IN(won, w, true))
			ok = true;
	}
	return ok || HAS(won, s, n);
}

bool
logline_field(const char *s, size_t n)
{
	static const char *const values[] = { "true", "false", "yes", "no",
		"enabled", "disabled", "on", "off" };
	size_t colon, v, end = n;
	bool number = true;

	/* The last colon: the label before it, the value after. */
	for (colon = n; colon > 0 && s[colon - 1] != ':'; colon--)
		;
	if (colon == 0)
		return false;
	colon--;
	for (v = colon + 1; v < n && (s[v] == ' ' || s[v] == '\t'); v++)
		;
	while (end > v && (s[end - 1] == ' ' || s[end - 1] == '\t' ||
	    s[end - 1] == '\r'))
		end--;
	if (v == colon + 1 || v >= end)
		return false;
	/* The value: one word. */
	for (size_t i = v; i < end; i++)
		if (s[i] == ' ' || s[i] == '\t')
			return false;
	{
		size_t i = v;
		if (end - v > 2 && s[i] == '0' && (s[i + 1] == 'x' ||
		    s[i + 1] == 'X'))
			i += 2;
		for (; i < end && number; i++)
			number = isxdigit((unsigned char)s[i]) != 0;
	}
	if (!number) {
		bool named = false;
		for (size_t k = 0; k < sizeof values / sizeof *values; k++)
			if (end - v == strlen(values[k]) &&
			    strncasecmp(s + v, values[k], end - v) == 0)
				named = true;
		if (!named)
			return false;
	}
	/* The label says nothing failed. */
	for (size_t i = 0; i + 3 <= colon; i++)
		if (strncasecmp(s + i, "fail", 4) == 0 || strncasecmp(s + i,
		    "err", 3) == 0)
			return false;
	return true;
}
