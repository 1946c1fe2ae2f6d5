/* logread.c: a log read as lines of UTF-8, streaming.  Layer: formats. */
#include <config.h>

#include "logread.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <uniconv.h>
#include <unistr.h>

#include "text.h"

#define READ_CHUNK (256 * 1024)

void
logread_init(struct logread *r, int fd)
{
	memset(r, 0, sizeof *r);
	r->fd = fd;
	r->rcap = r->scap = READ_CHUNK * 2;
	r->raw = xmalloc(r->rcap);
	r->spare = xmalloc(r->scap);
	r->in = xmalloc(READ_CHUNK);
}

void
logread_free(struct logread *r)
{
	free(r->raw);
	free(r->spare);
	free(r->in);
	memset(r, 0, sizeof *r);
}

/* Appends the UTF-8 of code point c to r->raw (room checked by caller). */
static void
put_cp(struct logread *r, uint32_t c)
{
	uint8_t u[6];
	int n = c < 0x110000 ? u8_uctomb(u, c, sizeof u) : -1;

	if (n <= 0)
		n = u8_uctomb(u, 0xFFFD, sizeof u);
	memcpy(r->raw + r->rlen, u, (size_t)n);
	r->rlen += (size_t)n;
}

/* The code unit of size bytes at u, in r's byte order. */
static uint32_t
unit_at(const unsigned char *u, size_t size, bool be)
{
	if (size == 2)
		return be ? (uint32_t)u[0] << 8 | u[1] :
		    (uint32_t)u[1] << 8 | u[0];
	return be ? (uint32_t)u[0] << 24 | (uint32_t)u[1] << 16 |
	    (uint32_t)u[2] << 8 | u[3] : (uint32_t)u[3] << 24 |
	    (uint32_t)u[2] << 16 | (uint32_t)u[1] << 8 | u[0];
}

/* UTF-16 or UTF-32 bytes to UTF-8 at the end of r->raw; a code unit or
 * a surrogate pair cut by the read waits in r->pend. */
static void
from_wide(struct logread *r, const unsigned char *s, size_t n)
{
	size_t size = r->enc == LR_UTF16LE || r->enc == LR_UTF16BE ? 2 : 4;
	bool be = r->enc == LR_UTF16BE || r->enc == LR_UTF32BE;
	size_t i = 0;

	for (;;) {
		unsigned char u[4];
		size_t have, need = size;
		uint32_t c, lo;
		/* Most of a log is ASCII, whole units: written as they are. */
		if (r->npend == 0) {
			char *out = r->raw + r->rlen;
			if (size == 2)
				for (; i + 2 <= n && !s[i + !be] &&
				    s[i + be] < 0x80; i += 2)
					*out++ = (char)s[i + be];
			else
				for (; i + 4 <= n && unit_at(s + i, 4, be) <
				    0x80; i += 4)
					*out++ = (char)s[i + (be ? 3 : 0)];
			r->rlen = (size_t)(out - r->raw);
		}
		have = r->npend;
		memcpy(u, r->pend, have);
		while (have < need && i < n)
			u[have++] = s[i++];
		if (have < need) {
			memcpy(r->pend, u, have);
			r->npend = have;
			return;
		}
		r->npend = 0;
		c = unit_at(u, size, be);
		if (size == 2 && c >= 0xD800 && c < 0xDC00) {
			need = 4;
			while (have < need && i < n)
				u[have++] = s[i++];
			if (have < need) {
				memcpy(r->pend, u, have);
				r->npend = have;
				return;
			}
			lo = unit_at(u + 2, 2, be);
			if (lo >= 0xDC00 && lo < 0xE000) {
				put_cp(r, 0x10000 + ((c - 0xD800) << 10) +
				    (lo - 0xDC00));
				continue;
			}
			/* A lone high surrogate: the next unit is read on
			 * its own. */
			put_cp(r, 0xFFFD);
			memcpy(r->pend, u + 2, 2);
			r->npend = 2;
			continue;
		}
		put_cp(r, c >= 0xD800 && c < 0xE000 ? 0xFFFD : c);
	}
}

/* The encoding the first n bytes of a log tell: by a byte-order mark
 * (its length in *skip), else by where NUL bytes fall in the first 4
 * KiB: ASCII text in UTF-32LE has three of every four bytes NUL, in
 * UTF-16LE every second one, the odd ones; UTF-8 and GB18030 text has
 * none.  NUL bytes in no such order leave r->unsure. */
static enum logread_enc
detect(struct logread *r, const unsigned char *p, size_t n, size_t *skip)
{
	size_t z[4] = { 0, 0, 0, 0 }, m = n < 4096 ? n : 4096, zeros, q,
	    odd, even;

	*skip = 0;
	r->bom = true;
	if (n >= 4 && !memcmp(p, "\xff\xfe\0\0", 4))
		return *skip = 4, LR_UTF32LE;
	if (n >= 4 && !memcmp(p, "\0\0\xfe\xff", 4))
		return *skip = 4, LR_UTF32BE;
	if (n >= 2 && p[0] == 0xFF && p[1] == 0xFE)
		return *skip = 2, LR_UTF16LE;
	if (n >= 2 && p[0] == 0xFE && p[1] == 0xFF)
		return *skip = 2, LR_UTF16BE;
	if (n >= 3 && !memcmp(p, "\xef\xbb\xbf", 3))
		return *skip = 3, LR_UTF8;
	r->bom = false;
	m &= ~(size_t)3;
	for (size_t i = 0; i < m; i++)
		z[i % 4] += p[i] == 0;
	zeros = z[0] + z[1] + z[2] + z[3];
	if (m < 8 || zeros * 20 < m)
		return LR_UTF8;
	q = m / 4;
	/* UTF-32: the top byte is always NUL, the next one but outside the
	 * BMP (emoji); the lowest seldom. */
	if (z[3] * 10 >= q * 9 && z[2] * 10 >= q * 7 && z[0] * 2 < q)
		return LR_UTF32LE;
	if (z[0] * 10 >= q * 9 && z[1] * 10 >= q * 7 && z[3] * 2 < q)
		return LR_UTF32BE;
	odd = z[1] + z[3];
	even = z[0] + z[2];
	if (odd * 5 >= q * 2 && even * 4 < odd)
		return LR_UTF16LE;
	if (even * 5 >= q * 2 && odd * 4 < even)
		return LR_UTF16BE;
	r->unsure = true;
	return LR_UTF8;
}

const char *
logread_encoding(const struct logread *r)
{
	switch (r->enc) {
	case LR_UTF16LE: return "UTF-16LE";
	case LR_UTF16BE: return "UTF-16BE";
	case LR_UTF32LE: return "UTF-32LE";
	case LR_UTF32BE: return "UTF-32BE";
	default: return "UTF-8";
	}
}

/* Control characters that text never holds: C0 but TAB, LF, FF, CR,
 * ESC and NUL; and DEL. */
static bool
is_control(unsigned char c)
{
	return (c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r' &&
	    c != 0x1b && c != 0) || c == 0x7f;
}

/* Counts the controls in the n bytes at s: all of the first MiB, then
 * the first 4 KiB of each read. */
static void
count_controls(struct logread *r, const char *s, size_t n)
{
	size_t k = r->counted < 1048576 ? n : n < 4096 ? n : 4096;

	for (size_t i = 0; i < k; i++)
		r->ctl += is_control((unsigned char)s[i]);
	r->counted += k;
}

bool
logread_not_text(const struct logread *r, unsigned *pct)
{
	*pct = r->counted ? (unsigned)(r->ctl * 100 / r->counted) : 0;
	return r->counted >= 512 && r->ctl * 100 > r->counted * 3;
}

void
logread_restart(struct logread *r)
{
	r->rlen = r->rpos = r->npend = 0;
	r->gen += 2;
	r->given = false;
	r->enc = LR_START;
	r->bom = r->unsure = r->eof = r->dropping = false;
	r->cur = NULL;
	r->curlen = 0;
	r->lineno = 0;
	r->bytes = r->counted = r->ctl = 0;
}

/* Reads more bytes into r->raw; false at the end of what is there (or
 * on an error, errno set and -1 in *err). */
static bool
fill(struct logread *r, int *err)
{
	unsigned char *in = r->in;
	ssize_t k;
	size_t before;

	/* Once lines were given from this buffer, the unread tail goes to
	 * the start of the other one, and this one stays as it is until the
	 * next time: the lines given from it stay where they are for one
	 * more buffer (see gen).  Bytes read past and never given (the rest
	 * of a long line) only make room where they were. */
	if (r->rpos && !r->given) {
		memmove(r->raw, r->raw + r->rpos, r->rlen - r->rpos);
		r->rlen -= r->rpos;
		r->rpos = 0;
	} else if (r->rpos) {
		size_t tail = r->rlen - r->rpos, cap;
		char *t;
		if (r->scap < tail + READ_CHUNK * 2) {
			free(r->spare);
			r->scap = tail + READ_CHUNK * 2;
			r->spare = xmalloc(r->scap);
		}
		memcpy(r->spare, r->raw + r->rpos, tail);
		t = r->raw, r->raw = r->spare, r->spare = t;
		cap = r->rcap, r->rcap = r->scap, r->scap = cap;
		r->rlen = tail;
		r->rpos = 0;
		r->gen++;
		r->given = false;
	}
	/* UTF-16 to UTF-8 takes up to 3 bytes for 2.  No line was given
	 * from this buffer since its tail came: it may move. */
	if (r->rcap < r->rlen + READ_CHUNK * 2) {
		r->rcap = r->rlen + READ_CHUNK * 2;
		r->raw = xrealloc(r->raw, r->rcap);
	}
	/* Once the text is known to be UTF-8, straight into place: a copy of
	 * every byte is a tenth of a scan's time on a large log. */
	if (r->enc == LR_UTF8)
		in = (unsigned char *)r->raw + r->rlen;
	do
		k = read(r->fd, in, READ_CHUNK);
	while (k < 0 && errno == EINTR);
	if (k < 0) {
		*err = -1;
		return false;
	}
	if (k == 0) {
		r->eof = true;
		return false;
	}
	r->eof = false;
	r->bytes += (uint64_t)k;
	if (r->dg)
		digest_add(r->dg, in, (size_t)k);
	before = r->rlen;
	{
		const unsigned char *p = in;
		size_t n = (size_t)k, skip;
		if (r->enc == LR_START) {
			/* The first bytes tell the encoding (a BOM cut by a
			 * tiny first read is rare enough to ignore). */
			r->enc = detect(r, p, n, &skip);
			p += skip, n -= skip;
		}
		if (r->enc != LR_UTF8) {
			from_wide(r, p, n);
		} else {
			if (p != (unsigned char *)r->raw + r->rlen)
				memmove(r->raw + r->rlen, p, n);
			r->rlen += n;
		}
	}
	count_controls(r, r->raw + before, r->rlen - before);
	return true;
}

/* Whether s[i..] starts a colour escape printed by a console that could
 * not show it: "←[" then digits and semicolons and a letter; its length
 * in *len. */
static bool
printed_escape(const char *s, size_t n, size_t i, size_t *len)
{
	size_t j = i + 4;

	if (i + 4 > n || memcmp(s + i, "\xe2\x86\x90[", 4) != 0)
		return false;
	while (j < n && ((s[j] >= '0' && s[j] <= '9') || s[j] == ';'))
		j++;
	if (j < n && ((s[j] >= 'a' && s[j] <= 'z') ||
	    (s[j] >= 'A' && s[j] <= 'Z'))) {
		*len = j + 1 - i;
		return true;
	}
	return false;
}

/* The length of a raw escape sequence at s[i] (ESC ...). */
static size_t
raw_escape(const char *s, size_t n, size_t i)
{
	size_t j = i + 1;

	if (j < n && s[j] == '[') {
		j++;
		while (j < n && (unsigned char)s[j] >= 0x20 &&
		    (unsigned char)s[j] < 0x40)
			j++;
		return j < n ? j + 1 - i : n - i;
	}
	if (j < n && s[j] == ']') {
		/* OSC: to BEL or ESC \ */
		while (j < n && s[j] != '\a' && !(s[j] == 0x1b && j + 1 < n &&
		    s[j + 1] == '\\'))
			j++;
		return j < n ? j + (s[j] == '\a' ? 1 : 2) - i : n - i;
	}
	return j < n ? 2 : 1;
}

void
logread_clean(const char *s, size_t n, struct buf *out)
{
	size_t i = 0, from = 0, len;

	buf_reset(out);
	buf_add(out, "", 0);
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		if (c == 0x1b || (c < 0x20 && c != '\t') ||
		    (c == 0xe2 && printed_escape(s, n, i, &len))) {
			buf_add(out, s + from, i - from);
			if (c == 0x1b)
				i += raw_escape(s, n, i);
			else if (c == 0xe2)
				i += len;
			else {
				buf_addc(out, ' ');
				i++;
			}
			from = i;
			continue;
		}
		i++;
	}
	buf_add(out, s + from, n - from);
}

void
logread_decode(const char *s, size_t n, struct buf *out)
{
	size_t bad;

	if (n && s[n - 1] == '\r')
		n--;
	if (n > LOGREAD_LINE_MAX)
		n = LOGREAD_LINE_MAX;
	if (!text_valid_utf8(s, n, &bad)) {
		size_t m = 0;
		char *u = (char *)u8_conv_from_encoding("GB18030",
		    iconveh_question_mark, s, n, NULL, NULL, &m);
		if (u) {
			logread_clean(u, m, out);
			free(u);
			return;
		}
	}
	logread_clean(s, n, out);
}

/* Makes the n bytes at s the current line. */
static void
set_line(struct logread *r, const char *s, size_t n)
{
	r->given = true;
	if (n && s[n - 1] == '\r')
		n--;
	r->cur = s;
	r->curlen = n > LOGREAD_LINE_MAX ? LOGREAD_LINE_MAX : n;
}

int
logread_next(struct logread *r)
{
	int err = 0;

	for (;;) {
		char *start = r->raw + r->rpos;
		size_t avail = r->rlen - r->rpos;
		char *nl = memchr(start, '\n', avail);
		if (nl) {
			size_t n = (size_t)(nl - start);
			r->rpos += n + 1;
			if (r->dropping) {
				/* The end of a long line: it was given. */
				r->dropping = false;
				continue;
			}
			set_line(r, start, n);
			r->lineno++;
			return 1;
		}
		if (!r->dropping && avail >= LOGREAD_LINE_MAX) {
			/* A line longer than we keep: give its start now,
			 * drop the rest up to its end (the bytes stay until
			 * the next call reads more). */
			set_line(r, start, LOGREAD_LINE_MAX);
			r->rpos = r->rlen;
			r->dropping = true;
			r->lineno++;
			return 1;
		}
		if (r->dropping)
			r->rpos = r->rlen;
		if (!fill(r, &err))
			return err;
	}
}

int
logread_flush(struct logread *r)
{
	size_t avail = r->rlen - r->rpos;

	if (r->dropping || avail == 0) {
		r->rpos = r->rlen;
		r->dropping = false;
		return 0;
	}
	set_line(r, r->raw + r->rpos, avail);
	r->rpos = r->rlen;
	r->lineno++;
	return 1;
}
