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
	r->rcap = READ_CHUNK * 2;
	r->raw = xmalloc(r->rcap);
	r->in = xmalloc(READ_CHUNK);
}

void
logread_free(struct logread *r)
{
	free(r->raw);
	free(r->in);
	memset(r, 0, sizeof *r);
}

/* Appends the UTF-8 of code point c to r->raw (room checked by caller). */
static void
put_cp(struct logread *r, uint32_t c)
{
	uint8_t u[6];
	int n = u8_uctomb(u, c, sizeof u);

	if (n <= 0)
		n = u8_uctomb(u, 0xFFFD, sizeof u);
	memcpy(r->raw + r->rlen, u, (size_t)n);
	r->rlen += (size_t)n;
}

/* UTF-16LE bytes to UTF-8 at the end of r->raw; a code unit or a
 * surrogate pair cut by the read waits in r->pend. */
static void
from_utf16le(struct logread *r, const unsigned char *s, size_t n)
{
	size_t i = 0;

	while (i < n || r->npend >= 2) {
		unsigned char u[4];
		size_t have = r->npend;
		uint32_t c, lo;
		memcpy(u, r->pend, have);
		while (have < 4 && i < n)
			u[have++] = s[i++];
		if (have < 2) {
			memcpy(r->pend, u, have);
			r->npend = have;
			return;
		}
		c = (uint32_t)u[0] | (uint32_t)u[1] << 8;
		if (c >= 0xD800 && c < 0xDC00) {
			if (have < 4) {
				memcpy(r->pend, u, have);
				r->npend = have;
				if (i >= n)
					return;
				continue;
			}
			lo = (uint32_t)u[2] | (uint32_t)u[3] << 8;
			if (lo >= 0xDC00 && lo < 0xE000) {
				put_cp(r, 0x10000 + ((c - 0xD800) << 10) +
				    (lo - 0xDC00));
				r->npend = 0;
				continue;
			}
			put_cp(r, 0xFFFD);
			memcpy(r->pend, u + 2, have - 2);
			r->npend = have - 2;
			continue;
		}
		put_cp(r, c >= 0xDC00 && c < 0xE000 ? 0xFFFD : c);
		memcpy(r->pend, u + 2, have - 2);
		r->npend = have - 2;
	}
}

/* Reads more bytes into r->raw; false at the end of what is there (or
 * on an error, errno set and -1 in *err). */
static bool
fill(struct logread *r, int *err)
{
	unsigned char *in = r->in;
	ssize_t k;

	/* Keep the unread tail at the start. */
	if (r->rpos) {
		memmove(r->raw, r->raw + r->rpos, r->rlen - r->rpos);
		r->rlen -= r->rpos;
		r->rpos = 0;
	}
	/* UTF-16 to UTF-8 takes up to 3 bytes for 2. */
	if (r->rcap < r->rlen + READ_CHUNK * 2) {
		r->rcap = r->rlen + READ_CHUNK * 2;
		r->raw = xrealloc(r->raw, r->rcap);
	}
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
	{
		const unsigned char *p = in;
		size_t n = (size_t)k;
		if (r->enc == LR_START) {
			/* The first bytes tell the encoding (a BOM cut by a
			 * tiny first read is rare enough to ignore). */
			if (n >= 2 && p[0] == 0xFF && p[1] == 0xFE) {
				r->enc = LR_UTF16LE;
				p += 2, n -= 2;
			} else {
				r->enc = LR_UTF8;
				if (n >= 3 && !memcmp(p, "\xef\xbb\xbf", 3))
					p += 3, n -= 3;
			}
		}
		if (r->enc == LR_UTF16LE) {
			from_utf16le(r, p, n);
		} else {
			memcpy(r->raw + r->rlen, p, n);
			r->rlen += n;
		}
	}
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
