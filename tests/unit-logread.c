/* unit-logread.c: the unit tests of logread: a log read as lines of
 * UTF-8 whatever it was written in (UTF-8 with a BOM, UTF-16LE with a
 * BOM, GB18030, CRLF, colour escapes, NUL bytes), a last line without
 * its end, a line longer than is kept. */
#include "unit.h"

#include "logread.h"

/* The lines of the n bytes of b, read back by logread and decoded, each
 * ended by '|'; malloc'd. */
static char *
lines_of(const char *name, const char *b, size_t n)
{
	const char *path = write_file(name, b, n);
	struct logread r;
	struct buf out, line;
	int fd = open(path, O_RDONLY), k;

	buf_init(&out);
	buf_init(&line);
	if (fd < 0)
		return xstrdup("(cannot open)");
	logread_init(&r, fd);
	while ((k = logread_next(&r)) == 1 ||
	    (k == 0 && logread_flush(&r) == 1)) {
		logread_decode(r.cur, r.curlen, &line);
		buf_add(&out, line.s ? line.s : "", line.len);
		buf_addc(&out, '|');
		if (k == 0)
			break;
	}
	if (k < 0)
		buf_adds(&out, "(read error)");
	logread_free(&r);
	close(fd);
	buf_free(&line);
	return out.s ? buf_take(&out) : xstrdup("");
}

#define LINES(name, lit) lines_of(name, lit, sizeof lit - 1)

void
test_logread(void)
{
	char *s;

	s = LINES("plain.log", "one\ntwo\n");
	is_str(s, "one|two|", "UTF-8: a line each");
	free(s);
	s = LINES("crlf.log", "one\r\ntwo\r\n");
	is_str(s, "one|two|", "CRLF: the CR goes with the line end");
	free(s);
	s = LINES("bom.log", "\xef\xbb\xbf" "BROM ERROR\n");
	is_str(s, "BROM ERROR|", "a UTF-8 BOM is not part of the first line");
	free(s);
	/* "ok\r\n错误\r\n" in UTF-16LE, with its BOM. */
	{
		static const char u16[] = "\xff\xfe" "o\0k\0\r\0\n\0"
		    "\x19\x95\xef\x8b\r\0\n\0";
		s = lines_of("u16.log", u16, sizeof u16 - 1);
		is_str(s, "ok|\xe9\x94\x99\xe8\xaf\xaf|",
		    "UTF-16LE with a BOM: UTF-8 lines, CRLF gone");
		free(s);
	}
	/* 错误 in GB18030 (a Chinese Windows): B4ED CEF3. */
	s = LINES("gb.log", "DA \xb4\xed\xce\xf3\r\n");
	is_str(s, "DA \xe9\x94\x99\xe8\xaf\xaf|",
	    "GB18030: converted to UTF-8");
	free(s);
	s = LINES("esc.log", "\x1b[31mERROR\x1b[0m a\0b\n");
	is_str(s, "ERROR a b|", "colour escapes gone, NUL as a space");
	free(s);
	s = LINES("printed.log", "\xe2\x86\x90[31mERROR\xe2\x86\x90[0m\n");
	is_str(s, "ERROR|", "colour escapes printed as \xe2\x86\x90[31m gone too");
	free(s);
	s = LINES("noend.log", "first\nlast");
	is_str(s, "first|last|", "the last line without its end, at the end");
	free(s);
	{
		/* Held back while the log may still grow. */
		const char *path = write_file("grow.log", "a\npart", 6);
		struct logread r;
		int fd = open(path, O_RDONLY);
		logread_init(&r, fd);
		ok(logread_next(&r) == 1 && r.curlen == 1 &&
		    logread_next(&r) == 0,
		    "a line without its end is held back until it ends");
		ok(logread_flush(&r) == 1 && r.curlen == 4 &&
		    memcmp(r.cur, "part", 4) == 0 && r.lineno == 2,
		    "and given at the real end, as line 2");
		logread_free(&r);
		close(fd);
	}
	{
		size_t n = LOGREAD_LINE_MAX * 2 + 10;
		char *big = xmalloc(n);
		const char *path;
		struct logread r;
		int fd;
		memset(big, 'x', n);
		big[n - 6] = '\n';
		memcpy(big + n - 5, "next\n", 5);
		path = write_file("long.log", big, n);
		fd = open(path, O_RDONLY);
		logread_init(&r, fd);
		ok(logread_next(&r) == 1 && r.curlen == LOGREAD_LINE_MAX,
		    "a line of %zu bytes: the first %d kept", n - 6,
		    LOGREAD_LINE_MAX);
		ok(logread_next(&r) == 1 && r.curlen == 4 &&
		    memcmp(r.cur, "next", 4) == 0 && r.lineno == 2,
		    "the rest dropped: the next line is line 2");
		logread_free(&r);
		close(fd);
		free(big);
	}
	{
		/* A line given stays where it is while gen grows by one:
		 * line 1 is intact, read where it was, when the buffers have
		 * changed once (scan keeps the lines before a finding so). */
		size_t n = 3 * 262144, i;
		char *big = xmalloc(n);
		const char *path, *first = NULL;
		struct logread r;
		unsigned long gen0 = 0, grew = 0;
		bool intact = true;
		int fd;
		for (i = 0; i < n; i++)
			big[i] = i % 40 == 39 ? '\n' : (char)('a' + i % 40 % 26);
		path = write_file("gen.log", big, n);
		fd = open(path, O_RDONLY);
		logread_init(&r, fd);
		while (logread_next(&r) == 1) {
			if (!first) {
				first = r.cur;
				gen0 = r.gen;
			} else if (r.gen == gen0 + 1) {
				grew++;
				intact = intact && memcmp(first, big, 39) == 0;
			}
		}
		ok(grew > 0 && intact, "a line given is where it was while "
		    "gen grows by one (%lu lines later)", grew);
		ok(r.gen >= gen0 + 2, "and gen grows as the buffers change "
		    "(%lu)", r.gen);
		logread_free(&r);
		close(fd);
		free(big);
	}
}
