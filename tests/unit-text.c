/* unit-text.c: the unit tests of the base and the formats below the
 * knowledge base: versions, text (widths, sanitizing, the UTF-8 checker
 * against libunistring), tokens, and the log-line glance. */
#include "unit.h"

void
test_version(void)
{
	struct version a, b;
	size_t bad = 99;
	char *s;

	ok(version_parse("2.0.11", 6, &a, NULL) && a.nparts == 3 &&
	    a.part[2] == 11, "version 2.0.11 parses");
	ok(version_parse("V1936.91", 8, &b, NULL) && b.nparts == 2 &&
	    b.part[0] == 1936, "version V1936.91 parses");
	ok(version_parse(" 19.36.101 ", 11, &a, NULL) && a.nparts == 3,
	    "spaces around a version are allowed");
	ok(!version_parse("2..1", 4, &a, &bad) && bad == 2,
	    "2..1 is refused at offset 2");
	ok(!version_parse("2.x", 3, &a, &bad) && bad == 2,
	    "2.x is refused at offset 2");
	ok(!version_parse("", 0, &a, NULL), "empty is not a version");
	ok(!version_parse("1.2.3.4.5.6.7", 13, &a, NULL),
	    "seven parts are too many");
	ok(!version_parse("1.99999999999", 13, &a, NULL),
	    "a part of 11 digits is refused");
	version_parse("2.0.9", 5, &a, NULL);
	version_parse("2.0.11", 6, &b, NULL);
	ok(version_cmp(&a, &b) < 0, "2.0.9 is older than 2.0.11");
	version_parse("2.0", 3, &a, NULL);
	version_parse("2.0.0", 5, &b, NULL);
	ok(version_cmp(&a, &b) == 0, "2.0 equals 2.0.0");
	s = version_str(&b);
	is_str(s, "2.0.0", "version_str writes dotted numbers");
	free(s);
}

void
test_text(void)
{
	char *s;
	char **lines;
	size_t n;

	s = text_escape("a\x1b[2Jb", 6, 0);
	is_str(s, "a\\x1B[2Jb", "ESC is escaped");
	free(s);
	s = text_escape("x\xe2\x80\xaey", 5, 0);
	is_str(s, "x\\u202Ey", "a bidirectional override is escaped");
	s = (free(s), text_escape("a\xc2\x9b" "b", 4, 0));
	is_str(s, "a\\u009Bb", "a C1 control is escaped");
	free(s);
	s = text_escape("a\xffz", 3, 0);
	is_str(s, "a\xef\xbf\xbdz", "invalid UTF-8 becomes U+FFFD");
	free(s);
	s = text_escape("\xe4\xb8\xad" "a\nb", 6, TEXT_ASCII);
	is_str(s, "?a\\x0Ab", "ASCII mode: Chinese becomes ?, LF escaped");
	free(s);
	s = text_escape("a\r\nb", 4, TEXT_KEEP_NL);
	is_str(s, "a\nb", "CRLF kept as one line feed");
	free(s);
	is_num(text_width("\xe4\xb8\xad\xe6\x96\x87"), 4,
	    "two Chinese characters take four columns");
	is_num(text_width("abc"), 3, "ASCII takes one column each");

	lines = text_wrap("one two three", 7, &n);
	ok(n == 2 && strcmp(lines[0], "one two") == 0 &&
	    strcmp(lines[1], "three") == 0, "wrap at spaces");
	text_lines_free(lines, n);
	/* Five Chinese characters at width 4: never half a character. */
	lines = text_wrap("\xe4\xb8\x80\xe4\xba\x8c\xe4\xb8\x89\xe5\x9b\x9b"
	    "\xe4\xba\x94", 4, &n);
	ok(n == 3 && text_width(lines[0]) == 4 && text_width(lines[2]) == 2,
	    "wrap Chinese two characters a line at width 4");
	text_lines_free(lines, n);
	lines = text_wrap("abcdefghij", 4, &n);
	ok(n == 3 && strcmp(lines[2], "ij") == 0,
	    "a word longer than the line is cut");
	text_lines_free(lines, n);
	/* A link longer than the line: cut by text_wrap, whole on a line
	 * of its own for a terminal (output_wrapped); host names and ids
	 * that fit are never broken at their dots and hyphens. */
	lines = text_wrap_links("get https://example.com/a-very-long/path.exe "
	    "then forum.xda-developers.com now", 24, &n, true);
	ok(n == 5 && strcmp(lines[0], "get") == 0 &&
	    strcmp(lines[1], "https://example.com/a-very-long/path.exe") == 0 &&
	    strcmp(lines[2], "then") == 0 &&
	    strcmp(lines[3], "forum.xda-developers.com") == 0 &&
	    strcmp(lines[4], "now") == 0,
	    "a link stays whole on its own line; a host name is not broken");
	text_lines_free(lines, n);
	lines = text_wrap_links("get https://example.com/a-very-long/path.exe",
	    24, &n, false);
	ok(n == 3 && text_width(lines[1]) == 24,
	    "without links_whole the link is cut at the width");
	text_lines_free(lines, n);
	lines = text_wrap_links("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", 24, &n,
	    true);
	ok(n == 2 && text_width(lines[0]) == 24,
	    "a long word that is no link is still cut");
	text_lines_free(lines, n);
	lines = text_wrap("a\n\nb", 10, &n);
	ok(n == 3 && lines[1][0] == '\0', "hard line breaks are kept");
	text_lines_free(lines, n);
}

/* The tokens of s as one string "a|b|c" (numbers as #n). */
static char *
toks(const char *s, int flags)
{
	struct toklist tl;
	struct buf b;

	toklist_init(&tl);
	buf_init(&b);
	buf_add(&b, "", 0);
	tokenize(s, strlen(s), flags, &tl);
	for (size_t i = 0; i < tl.n; i++) {
		if (i)
			buf_addc(&b, '|');
		if (tl.v[i].kind == TK_NUM)
			buf_addc(&b, '#');
		buf_adds(&b, tok_str(&tl, &tl.v[i]));
	}
	toklist_free(&tl);
	return buf_take(&b);
}

void
test_tokens(void)
{
	char *s;

	s = toks("FirehoseCheckRSP is error.", 0);
	is_str(s, "firehosecheckrsp|firehose|check|rsp|is|error",
	    "CamelCase gives the word and its parts");
	free(s);
	s = toks("WCSM code\xef\xbc\x9a" "3006/3005/5001", 0);
	is_str(s, "wcsm|code|#3006|#3005|#5001",
	    "codes joined by slashes stay codes");
	free(s);
	s = toks("WCSM code\xef\xbc\x9a" "3006/3005/5001", TOK_QUERY);
	is_str(s, "wcsm|code|#3006|#3005|#5001",
	    "and in a query too: codes are no path");
	free(s);
	s = toks("[000.015]: src/firehose/qfirehose.c detect fail", TOK_QUERY);
	is_str(s, "detect|fail", "a path's words in a query are data");
	free(s);
	s = toks("Failed: S_BROM_DOWNLOAD_DA_FAIL(..\\Conn\\Connection.cpp,"
	    "126)", TOK_QUERY);
	is_str(s, "failed|s_brom_download_da_fail|brom|download|da|fail|#126",
	    "a Windows path in brackets goes, the error's name before it "
	    "stays");
	free(s);
	s = toks("Antumbra \xe2\x9c\xa6  Failed to upload XML extensions",
	    TOK_QUERY);
	is_str(s, "failed|to|upload|xml|extensions",
	    "antumbra's frame, a name and a symbol, is no word of the error");
	free(s);
	s = toks("Antumbra \xe2\x9c\xa6  Failed", 0);
	is_str(s, "antumbra|failed", "while in a message it is a word");
	free(s);
	s = toks("DA1/DA2 upload failed", TOK_QUERY);
	is_str(s, "da1|da2|upload|failed", "two words joined by one '/' stay");
	free(s);
	s = toks("2020-08-04 10:42:13.123 tool 2.0.11 ok", TOK_QUERY);
	is_str(s, "tool|ok", "dates, times and versions are dropped");
	free(s);
	s = toks("\x1b[31mDL system ERR\x1b[0m [LIB]: x", TOK_QUERY);
	is_str(s, "dl|system|err", "colour escapes and [TAGS] are noise");
	free(s);
	s = toks("\xef\xbc\xb7\xef\xbc\xa3\xef\xbc\xb3\xef\xbc\xad 4009", 0);
	is_str(s, "wcsm|#4009", "full-width letters are folded");
	free(s);
	s = toks("Sahara\xe9\x80\x9a\xe4\xbf\xa1\xe5\xa4\xb1\xe8\xb4\xa5", 0);
	is_str(s, "sahara|\xe9\x80\x9a\xe4\xbf\xa1|\xe4\xbf\xa1\xe5\xa4\xb1|"
	    "\xe5\xa4\xb1\xe8\xb4\xa5", "Chinese gives character pairs");
	free(s);
	s = toks("????????????", 0);
	is_str(s, "???", "a row of question marks is one token");
	free(s);
	s = toks("bad \xff\xfe bytes", 0);
	is_str(s, "bad|bytes", "invalid UTF-8 is skipped, not fatal");
	free(s);
}

/* What text_find_bad answered when it asked libunistring about every
 * non-ASCII character: the reference for the inline decoder. */
static size_t
find_bad_ref(const uint8_t *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		ucs4_t c;
		int k;

		if (s[i] < 0x80) {
			if ((s[i] < 0x20 && s[i] != '\t' && s[i] != '\n' &&
			    s[i] != '\r') || s[i] == 0x7f)
				return i;
			i++;
			continue;
		}
		k = u8_mbtoucr(&c, s + i, n - i);
		if (k < 0 || (c >= 0x80 && c < 0xa0))
			return i;
		i += (size_t)k;
	}
	return (size_t)-1;
}

/* text_find_bad decodes UTF-8 itself: it must agree with libunistring on
 * every sequence of 2 and 3 bytes and, for 4 bytes, on every first two
 * bytes with a range of last two. */
void
test_find_bad_agrees(void)
{
	unsigned long checked = 0, differ = 0;
	uint8_t s[4];

	for (unsigned len = 2; len <= 4; len++) {
		unsigned long combos = len == 4 ? 1UL << 20 : 1UL << (8 * len);
		for (unsigned long v = 0; v < combos; v++) {
			size_t want, got;

			if (len == 4) {
				s[0] = (uint8_t)(v >> 12);
				s[1] = (uint8_t)(v >> 4);
				s[2] = (uint8_t)(0x78 + (v & 0xf) * 5);
				s[3] = (uint8_t)(0x7f + (v & 0xf) * 4);
			} else {
				for (unsigned b = 0; b < len; b++)
					s[b] = (uint8_t)(v >> (8 * (len - 1 - b)));
			}
			want = find_bad_ref(s, len);
			got = text_find_bad((const char *)s, len);
			checked++;
			if (got != want && differ++ < 5)
				printf("#   %02X %02X %02X %02X (%u bytes): "
				    "libunistring %zd, text_find_bad %zd\n",
				    s[0], s[1], len > 2 ? s[2] : 0,
				    len > 3 ? s[3] : 0, len, (ssize_t)want,
				    (ssize_t)got);
		}
	}
	ok(differ == 0, "text_find_bad judges %lu byte sequences as "
	    "libunistring does", checked);
}

/* The glance at a line is the scan's filter: the 16-bytes-at-a-time
 * version must say what the byte-at-a-time one says, whatever the length
 * and wherever a word falls against the 16-byte blocks; and a line whose
 * words logline_maybe_error() finds must pass it (else the scan would
 * never look at it).  Lines are made of log words, marks in any case,
 * numbers, Chinese, and separators. */
void
test_glance(void)
{
	static const char *const words[] = {
		"Download", "flash", "INFO", "DA_handler", "Sending", "block",
		"offset", "0x5000", "Preloader", "firehose", "Writing",
		"sector", "done", "OK", "Checksum", "partition", "Progress",
		"ERROR", "error", "Err", "failed", "FAIL", "Timeout",
		"cannot", "can't", "no", "NOT", "bad", "invalid", "unknown",
		"Sahara", "S_FT_ENABLE_DRAM_FAIL", "4032", "status", "code",
		"\xe5\xa4\xb1\xe8\xb4\xa5", "\xe6\x88\x90\xe5\x8a\x9f", "???",
		"success", "finished", "retrying", "hw_code", "MT6765", "wcsm",
		"please", "auth", "handler", "for", "program", "Device",
	};
	static const char seps[] = " :-[]()=,./\t";
	unsigned long lines = 0, differ = 0, missed = 0;
	unsigned seed = 12345;
	char line[400];

	for (int round = 0; round < 200000; round++) {
		size_t n = 0;
		int nw;
		seed = seed * 1103515245u + 12345u;
		nw = (int)(seed >> 16) % 12;
		for (int k = 0; k < nw && n < 300; k++) {
			const char *w;
			seed = seed * 1103515245u + 12345u;
			w = words[(seed >> 16) % (sizeof words / sizeof *words)];
			if (k) {
				seed = seed * 1103515245u + 12345u;
				line[n++] = seps[(seed >> 16) % (sizeof seps - 1)];
			}
			memcpy(line + n, w, strlen(w));
			n += strlen(w);
		}
		/* Now and then a byte that may hide words. */
		seed = seed * 1103515245u + 12345u;
		if ((seed >> 16) % 50 == 0 && n) {
			static const char hide[] = { 0x1b, 0 };
			line[(seed >> 8) % n] = hide[(seed >> 4) & 1];
		}
		{
			unsigned v = logline_glance(line, n);
			unsigned b = logline_glance_bytes(line, n);
			lines++;
			if (v != b && differ++ < 3)
				printf("#   '%.*s': %u by blocks, %u by bytes\n",
				    (int)n, line, v, b);
			if (!memchr(line, 0x1b, n) && !memchr(line, 0, n) &&
			    logline_maybe_error(line, n) &&
			    !(v & LOGLINE_MAYBE_ERROR) && missed++ < 3)
				printf("#   '%.*s': an error the glance misses\n",
				    (int)n, line);
		}
	}
	ok(differ == 0, "the glance by blocks agrees with the glance by bytes "
	    "on %lu lines", lines);
	ok(missed == 0, "no line that logline_maybe_error() finds passes the "
	    "glance unseen");
	ok(logline_glance("x\x1b[31mERROR", 11) == LOGLINE_HIDDEN &&
	    logline_glance("0123456789abcdef0123\x1b[31m", 25) == LOGLINE_HIDDEN,
	    "an escape, before or after 16 bytes, may hide words");
	ok(logline_glance("0123456789abcde error", 21) == LOGLINE_MAYBE_ERROR &&
	    logline_glance("0123456789abcd error", 20) == LOGLINE_MAYBE_ERROR &&
	    logline_glance("0123456789abcdeferror", 21) == 0,
	    "a mark across the 16-byte line is seen at a word's start only");
}
