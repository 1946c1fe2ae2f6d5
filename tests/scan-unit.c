/* tests/scan-unit.c: the parts of scan that a whole log hides: the time
 * stamps that lead a line, the cache of lines already judged, the
 * progress text, and a line repeated after its stamp judged once. */
#include <config.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "kb.h"
#include "logline.h"
#include "logread.h"
#include "match.h"
#include "scan.h"
#include "scan_cache.h"
#include "tap.h"
#include "util.h"

/* What follows the stamps of s. */
static const char *
after_stamp(const char *s)
{
	return s + logline_stamp(s, strlen(s));
}

static void
stamps(void)
{
	static const char *const cases[][2] = {
		{ "[2024-03-01 10:42:13.123] foo", "foo" },
		{ "[004.331]: RECEIVED <-- SAHARA_READ_DATA_ID",
		  "RECEIVED <-- SAHARA_READ_DATA_ID" },
		{ "15:58:07: INFO: FH_LOADER", "INFO: FH_LOADER" },
		{ "2025-07-13 15:58:32.326    15:58:07: INFO: User wants",
		  "INFO: User wants" },
		{ "[17:04:23]: Device detected :)", "Device detected :)" },
		{ "08/11/2014 23:51:27.114 FlashTool[25192][D]: x",
		  "FlashTool[25192][D]: x" },
		{ "06:10:14]: Handshake attempt 1 failed",
		  "Handshake attempt 1 failed" },
		{ "[2022-01-29 15:19:22.701729] Waiting for bootrom",
		  "Waiting for bootrom" },
		/* Numbers that are no time stay: they may be codes. */
		{ "4032 failed", "4032 failed" },
		{ "15:58:07 4032 x", "4032 x" },
		{ "2024-03-01 4032 x", "2024-03-01 4032 x" },
		{ "[1] WRITE TO PARTITION", "[1] WRITE TO PARTITION" },
		{ "[00000C60]COM20 0.14 Receiving", "[00000C60]COM20 0.14 Receiving" },
		{ "12.5% done", "12.5% done" },
		{ "Error: 12:30", "Error: 12:30" },
		{ "> [17:04:23]: Device detected :)", "Device detected :)" },
		{ ">> x", ">> x" },
		{ "", "" },
	};

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		is_str(after_stamp(cases[i][0]), cases[i][1],
		    "stamp: '%s'", cases[i][0]);
}

static void
fields(void)
{
	static const char *const yes[] = {
		"Preloader - \tMem read auth:\t\tFalse", "SBC enabled: True",
		"HW code:\t\t\t0x959", "DAXFlash - DA-VERSION      : 10",
		"SLA: disabled",
	};
	static const char *const no[] = {
		"Status: Handshake failed", "Error code: 0x7017",
		"Failed to read: 12", "BROM ERROR : S_FT_ENABLE_DRAM_FAIL (4032)",
		"auth: not done", "no colon here",
	};

	for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
		ok(logline_field(yes[i], strlen(yes[i])), "field: '%s'", yes[i]);
	for (size_t i = 0; i < sizeof no / sizeof *no; i++)
		ok(!logline_field(no[i], strlen(no[i])), "no field: '%s'", no[i]);
}

/* The cache looked up and filled by a text's own hash, as scan does. */
static bool
cache_get(struct scan_cache *c, const char *k, size_t n,
    struct scan_verdict *v)
{
	return scan_cache_get(c, k, n, scan_hash(k, n), v);
}

static void
cache_put(struct scan_cache *c, const char *k, size_t n,
    const struct scan_verdict *v)
{
	scan_cache_put(c, k, n, scan_hash(k, n), v);
}

static void
cache(void)
{
	struct scan_cache c;
	struct scan_verdict v = { .kind = SCAN_ERROR, .ambiguous = true,
		.res = { .err = NULL, .score = 0.9, .by_code = true } }, got;
	char *longer = xmalloc(SCAN_CACHE_KEY + 1);

	scan_cache_init(&c);
	ok(!cache_get(&c, "abc", 3, &got), "cache: empty at first");
	cache_put(&c, "abc", 3, &v);
	ok(cache_get(&c, "abc", 3, &got) && got.kind == SCAN_ERROR &&
	    got.ambiguous && got.res.score == 0.9, "cache: a verdict kept");
	ok(!cache_get(&c, "abd", 3, &got) &&
	    !cache_get(&c, "ab", 2, &got), "cache: only for the same text");
	memset(longer, 'x', SCAN_CACHE_KEY + 1);
	cache_put(&c, longer, SCAN_CACHE_KEY + 1, &v);
	ok(!cache_get(&c, longer, SCAN_CACHE_KEY + 1, &got),
	    "cache: a text too long is not kept");
	cache_put(&c, longer, SCAN_CACHE_KEY, &v);
	ok(cache_get(&c, longer, SCAN_CACHE_KEY, &got),
	    "cache: one of the longest length is");
	/* Bounded: many texts keep at most SCAN_CACHE_SLOTS. */
	{
		size_t kept = 0;
		char k[32];
		for (int i = 0; i < 4 * SCAN_CACHE_SLOTS; i++) {
			int n = snprintf(k, sizeof k, "line %d", i);
			cache_put(&c, k, (size_t)n, &v);
		}
		for (int i = 0; i < 4 * SCAN_CACHE_SLOTS; i++) {
			int n = snprintf(k, sizeof k, "line %d", i);
			kept += cache_get(&c, k, (size_t)n, &got);
		}
		ok(kept > 0 && kept <= SCAN_CACHE_SLOTS,
		    "cache: bounded (%zu of %d kept)", kept,
		    4 * SCAN_CACHE_SLOTS);
	}
	free(longer);
	scan_cache_free(&c);
}

static void
progress(void)
{
	char *t;

	t = scan_progress(12ULL * 1048576, 200ULL * 1048576, 3);
	is_str(t, "12.0 of 200.0 MB read (6%), 3 errors so far",
	    "progress: the share of a file's size");
	free(t);
	t = scan_progress(1048576 / 2, 0, 1);
	is_str(t, "0.5 MB read, 1 error so far", "progress: a pipe's bytes");
	free(t);
	t = scan_progress(300, 200, 0);
	is_str(t, "0.0 MB read, 0 errors so far",
	    "progress: a file that grew past its size: no share");
	free(t);
}

/* A line printed again and again after another stamp: judged once, one
 * finding counted each time; a success between starts another run. */
static void
repeated(struct match_index *ix)
{
	struct scan s;
	char line[128];
	long d;

	scan_init(&s, ix, 0);
	for (int i = 0; i < 1000; i++) {
		int n = snprintf(line, sizeof line, "[2024-03-01 10:%02d:%02d.%03d]"
		    " firehose - [LIB]: Couldn't detect "
		    "MaxPayloadSizeFromTargetinBytes", i / 60 % 60, i % 60, i);
		scan_line(&s, "t", (unsigned long)i + 1, line, (size_t)n);
	}
	for (int i = 0; i < 50; i++) {
		int n = snprintf(line, sizeof line, "[10:42:%02d] BROM ERROR : "
		    "S_FT_ENABLE_DRAM_FAIL (4032)", i);
		scan_line(&s, "t", 1001 + (unsigned long)i, line, (size_t)n);
	}
	ok(s.asked <= 2, "repeated: a line repeated after its stamp is judged "
	    "once (%lu asked of 1050)", s.asked);
	ok(s.cache.hits >= 1040, "repeated: the rest from the cache (%lu)",
	    s.cache.hits);
	d = scan_decisive(&s);
	ok(d >= 0 && strcmp(s.f[d].res.err->id, "mtk-dram-enable") == 0 &&
	    s.f[d].line == 1001 && s.f[d].count == 50,
	    "repeated: one finding, at its first line, counted 50 times");
	scan_free(&s);
}

/* The lines of the n bytes at data as logread gives them, joined by
 * newlines, malloc'd; its encoding's name in *enc. */
static char *
read_all(const unsigned char *data, size_t n, const char **enc,
    bool *bom)
{
	char path[] = "/tmp/flashfix-scan-unit-XXXXXX";
	int fd = mkstemp(path);
	struct logread r;
	struct buf b;

	if (fd < 0 || write(fd, data, n) != (ssize_t)n ||
	    lseek(fd, 0, SEEK_SET) != 0) {
		perror(path);
		exit(99);
	}
	unlink(path);
	buf_init(&b);
	buf_add(&b, "", 0);
	logread_init(&r, fd);
	while (logread_next(&r) > 0) {
		buf_add(&b, r.cur, r.curlen);
		buf_addc(&b, '\n');
	}
	if (logread_flush(&r) == 1) {
		buf_add(&b, r.cur, r.curlen);
		buf_addc(&b, '\n');
	}
	*enc = logread_encoding(&r);
	*bom = r.bom;
	logread_free(&r);
	close(fd);
	return buf_take(&b);
}

/* Code point c in UTF-16 (le or be) or UTF-32 at p; its length. */
static size_t
put_unit(unsigned char *p, unsigned long c, int width, bool be)
{
	if (width == 4) {
		for (int i = 0; i < 4; i++)
			p[be ? 3 - i : i] = (unsigned char)(c >> (8 * i));
		return 4;
	}
	if (c >= 0x10000) {
		unsigned long hi = 0xD800 + ((c - 0x10000) >> 10),
		    lo = 0xDC00 + ((c - 0x10000) & 0x3FF);
		put_unit(p, hi, 2, be);
		put_unit(p + 2, lo, 2, be);
		return 4;
	}
	p[be ? 1 : 0] = (unsigned char)c;
	p[be ? 0 : 1] = (unsigned char)(c >> 8);
	return 2;
}

/* UTF-16 and UTF-32, either order, with and without a byte-order mark,
 * over more than one read: a surrogate pair cut by the read's end, ASCII
 * runs between other characters, a lone surrogate. */
static void
wide(void)
{
	static const struct { int width; bool be, bom; const char *name; }
	    kinds[] = {
		{ 2, false, true, "UTF-16LE" }, { 2, false, false, "UTF-16LE" },
		{ 2, true, true, "UTF-16BE" }, { 2, true, false, "UTF-16BE" },
		{ 4, false, true, "UTF-32LE" }, { 4, false, false, "UTF-32LE" },
		{ 4, true, true, "UTF-32BE" }, { 4, true, false, "UTF-32BE" },
	};
	/* "ab 失败 😀\n" again and again: more than one read (256 KiB). */
	static const unsigned long line[] = { 'a', 'b', ' ', 0x5931, 0x8D25,
		' ', 0x1F600, '\n' };
	const size_t lines = 40000;

	for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
		size_t cap = lines * 8 * 4 + 64, n = 0;
		unsigned char *d = xmalloc(cap);
		const char *enc;
		bool bom, same = true;
		char *got, *p;
		size_t count = 0;
		if (kinds[k].bom)
			n += put_unit(d, 0xFEFF, kinds[k].width, kinds[k].be);
		/* One BMP character first: a pair straddles the read. */
		n += put_unit(d + n, 'x', kinds[k].width, kinds[k].be);
		for (size_t i = 0; i < lines; i++)
			for (size_t j = 0; j < sizeof line / sizeof *line; j++)
				n += put_unit(d + n, line[j], kinds[k].width,
				    kinds[k].be);
		got = read_all(d, n, &enc, &bom);
		for (p = got; *p; count++) {
			const char *want = count ? "ab 失败 😀\n" :
			    "xab 失败 😀\n";
			if (strncmp(p, want, strlen(want)) != 0) {
				same = false;
				break;
			}
			p += strlen(want);
		}
		ok(strcmp(enc, kinds[k].name) == 0 && bom == kinds[k].bom,
		    "%s %s a byte-order mark: told (%s)", kinds[k].name,
		    kinds[k].bom ? "with" : "without", enc);
		ok(same && count == lines, "%s %s a byte-order mark: every "
		    "line as UTF-8 (%zu of %zu)", kinds[k].name, kinds[k].bom ?
		    "with" : "without", count, lines);
		free(got);
		free(d);
	}
	{
		/* A lone high surrogate, then ASCII: U+FFFD, then the text. */
		const unsigned char d[] = { 0xFF, 0xFE, 0x00, 0xD8, 'o', 0,
			'k', 0, '\n', 0 };
		const char *enc;
		bool bom;
		char *got = read_all(d, sizeof d, &enc, &bom);
		is_str(got, "\xef\xbf\xbdok\n", "a lone surrogate: U+FFFD, "
		    "and what follows");
		free(got);
	}
}

/* More findings than are kept, in runs that a success closed: the
 * oldest runs' go, the last run's stays decisive. */
static void
many_runs(struct match_index *ix)
{
	struct scan s;
	unsigned long line = 0;
	long d;
	const char *err = "Sahara communication failed", *okl = "Download OK",
	    *last = "BROM ERROR : S_FT_ENABLE_DRAM_FAIL (4032)";

	scan_init(&s, ix, 0);
	for (int i = 0; i < 3 * SCAN_MAX; i++) {
		scan_line(&s, "t", ++line, err, strlen(err));
		scan_line(&s, "t", ++line, okl, strlen(okl));
	}
	scan_line(&s, "t", ++line, last, strlen(last));
	d = scan_decisive(&s);
	ok(s.n <= SCAN_MAX && s.dropped > 0, "many runs: at most %d findings "
	    "kept (%zu, %lu dropped)", SCAN_MAX, s.n, s.dropped);
	ok(d >= 0 && s.f[d].line == line &&
	    strcmp(s.f[d].res.err->id, "mtk-dram-enable") == 0,
	    "many runs: the last run's error is still there, decisive");
	scan_free(&s);
}

int
main(void)
{
	const char *src = getenv("top_srcdir");
	char *data;
	struct diag d;
	struct kb *kb;
	struct match_index *ix;

	setlocale(LC_ALL, "C.UTF-8");
	stamps();
	fields();
	cache();
	progress();
	wide();
	data = xasprintf("%s/data", src ? src : ".");
	diag_init(&d);
	kb = kb_load(data, &d);
	ok(kb && d.errors == 0, "the shipped knowledge base loads");
	ix = match_index_new(kb);
	repeated(ix);
	many_runs(ix);
	match_index_free(ix);
	kb_free(kb);
	diag_free(&d);
	free(data);
	return tap_done();
}
