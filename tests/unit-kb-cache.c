/* unit-kb-cache.c: the unit tests of the knowledge base's cache: the
 * same base back, stale, edited, damaged and cut copies refused. */
#include "unit.h"

/* Whether two strings are both absent or equal. */
static bool
same_str(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static bool
same_fixes(const struct kb *ka, const struct fix *a, const struct kb *kb_,
    const struct fix *b, size_t n, bool texts)
{
	for (size_t i = 0; i < n; i++) {
		char *ca = kb_cond_str(a[i].cond), *cb = kb_cond_str(b[i].cond);
		bool same = a[i].step == b[i].step && a[i].level == b[i].level &&
		    same_str(a[i].source, b[i].source) &&
		    a[i].line == b[i].line && a[i].src == b[i].src &&
		    strcmp(ca, cb) == 0 &&
		    a[i].action_en.len == b[i].action_en.len &&
		    a[i].action_zh.len == b[i].action_zh.len &&
		    (!texts || (same_str(kb_action(ka, &a[i], false),
		    kb_action(kb_, &b[i], false)) &&
		    same_str(kb_action(ka, &a[i], true),
		    kb_action(kb_, &b[i], true))));
		free(ca);
		free(cb);
		if (!same) {
			printf("#   fix %zu (line %lu) differs\n", i,
			    (unsigned long)a[i].line);
			return false;
		}
	}
	return true;
}

/* Whether two bases hold the same errors, fixes and tools (and long
 * texts, when texts). */
static bool
same_kb(const struct kb *a, const struct kb *b, bool texts)
{
	if (a->nerrors != b->nerrors || a->ntools != b->ntools ||
	    a->ngeneric != b->ngeneric) {
		printf("#   counts differ\n");
		return false;
	}
	for (size_t i = 0; i < a->nerrors; i++) {
		const struct kb_error *x = &a->errors[i], *y = &b->errors[i];
		bool same = strcmp(x->id, y->id) == 0 &&
		    x->platforms == y->platforms &&
		    x->category == y->category &&
		    x->family == y->family && same_str(x->source, y->source) &&
		    same_str(x->error_en, y->error_en) &&
		    same_str(x->error_zh, y->error_zh) &&
		    same_str(x->notes->distinguish_en,
		    y->notes->distinguish_en) &&
		    same_str(x->notes->distinguish_zh,
		    y->notes->distinguish_zh) &&
		    same_str(x->notes->escalate_en, y->notes->escalate_en) &&
		    same_str(x->notes->escalate_zh, y->notes->escalate_zh) &&
		    (!texts || (same_str(kb_cause(a, x, false),
		    kb_cause(b, y, false)) && same_str(kb_cause(a, x, true),
		    kb_cause(b, y, true)))) &&
		    x->cause_en.len == y->cause_en.len &&
		    x->cause_zh.len == y->cause_zh.len &&
		    x->ncodes == y->ncodes && x->naliases == y->naliases &&
		    x->nfixes == y->nfixes && kb_find(b, x->id) == y;
		for (size_t c = 0; same && c < x->ncodes; c++)
			same = strcmp(x->codes[c], y->codes[c]) == 0;
		for (size_t c = 0; same && c < x->naliases; c++)
			same = strcmp(x->aliases[c], y->aliases[c]) == 0;
		if (!same) {
			printf("#   error %s differs\n", x->id);
			return false;
		}
		if (!same_fixes(a, x->fixes, b, y->fixes, x->nfixes, texts))
			return false;
	}
	for (size_t i = 0; i < a->ntools; i++) {
		const struct tool *x = &a->tools[i], *y = &b->tools[i];
		if (x->platform != y->platform || strcmp(x->name, y->name) ||
		    strcmp(x->version_text, y->version_text) ||
		    version_cmp(&x->ver, &y->ver) != 0 ||
		    !same_str(x->note_en, y->note_en) ||
		    !same_str(x->note_zh, y->note_zh)) {
			printf("#   tool %zu differs\n", i);
			return false;
		}
	}
	return same_fixes(a, a->generic, b, b->generic, a->ngeneric, texts);
}

/* Whether kb holds what the loader guarantees: every error found by its
 * id, in a known family and with its source, with fixes numbered 1, 2,
 * 3... at known levels and with their sources, valid codes. */
static bool
kb_sound(const struct kb *kb)
{
	for (size_t i = 0; i < kb->nerrors; i++) {
		const struct kb_error *e = &kb->errors[i];
		if (kb_find(kb, e->id) != e || e->nfixes == 0 ||
		    !e->error_en || e->category > CAT_COUNT ||
		    e->family >= FAM_COUNT || !e->source || !*e->source)
			return false;
		for (size_t f = 0; f < e->nfixes; f++)
			if (e->fixes[f].step != f + 1 ||
			    e->fixes[f].level >= LEVEL_COUNT ||
			    !e->fixes[f].source)
				return false;
		for (size_t c = 0; c < e->ncodes; c++)
			if (!*e->codes[c] || strspn(e->codes[c],
			    "0123456789") != strlen(e->codes[c]))
				return false;
	}
	return kb->ngeneric > 0;
}

/* Loads dir through the cache in cachedir; *hit: it came from the
 * cache (a base rebuilt from one holds its texts in one block). */
static struct kb *
load_cached(const char *dir, const char *cachedir, bool *hit)
{
	struct diag d;
	struct store st;
	struct kb *kb;

	diag_init(&d);
	store_load(&st, dir, cachedir, &d);
	kb = st.kb;
	*hit = kb && kb->strings;
	match_index_free(st.ix);
	if (d.errors) {
		kb_free(kb);
		kb = NULL;
	}
	diag_free(&d);
	return kb;
}

/* The index of dir as store_load() gives it, with its base in *kb. */
static struct match_index *
load_index(const char *dir, const char *cachedir, struct kb **kb)
{
	struct diag d;
	struct store st;

	diag_init(&d);
	store_load(&st, dir, cachedir, &d);
	diag_free(&d);
	*kb = st.kb;
	return st.ix;
}

/* The bytes of ix as the cache keeps them (malloc'd, *n of them). */
static unsigned char *
index_bytes(const struct match_index *ix, size_t *n)
{
	struct buf b;

	buf_init(&b);
	match_index_encode(ix, &b);
	*n = b.len;
	return (unsigned char *)buf_take(&b);
}

/* The one cache file in cachedir, or NULL (malloc'd). */
static char *
cache_file(const char *cachedir, const char *dir)
{
	char *real = realpath(dir, NULL), *p;
	struct stat st;

	if (!real)
		return NULL;
	p = kb_cache_path(cachedir, real);
	free(real);
	if (stat(p, &st) != 0) {
		free(p);
		return NULL;
	}
	return p;
}

/* Flips the byte at off of path (from the end when off < 0). */
static bool
flip_byte(const char *path, long off)
{
	int fd = open(path, O_RDWR);
	struct stat st;
	unsigned char c;
	bool ok;

	if (fd < 0)
		return false;
	ok = fstat(fd, &st) == 0;
	if (off < 0)
		off += (long)st.st_size;
	ok = ok && pread(fd, &c, 1, off) == 1;
	c ^= 0x20;
	ok = ok && pwrite(fd, &c, 1, off) == 1;
	return close(fd) == 0 && ok;
}

void
test_kb_cache(const char *datadir)
{
	static const char errors[] = "\xef\xbb\xbf"
	    "id,platforms,category,codes,error_en,error_zh,aliases,cause_en,"
	    "cause_zh,distinguish_en,escalate_en,family,source\r\n"
	    "a,qcom,pc,1;22,Msg A \xe2\x80\xae,,\"x\ny\",\"  He said \"\"no\"\", "
	    "twice\r\nthen left  \",\xe5\x8e\x9f\xe5\x9b\xa0,tell,send logs,"
	    "qcom-sahara,edl sahara_defs.py\r\n"
	    "b,mtk;qcom,wcsm,,Msg B,\xe4\xb8\x80,,cause \xe2\x80\x8f red,,,,"
	    "vendor-account,FAQ\r\n";
	static const char fixes[] = "error,step,level,condition,action_en,"
	    "action_zh,source\n"
	    "a,1,relogin,qcom < 2.0.11 or mtk,\"Log in, again\",,FAQ\n"
	    "b,1,settings,,Check \xe2\x80\xae settings.,\xe6\xa3\x80,FAQ\n"
	    "b,2,update,mtk >= 19.36.101,Update.,,own\n";
	static const char gb_generic[] = "step,level,action_en,action_zh,source\n"
	    "1,escalate,Ask HQ.,\xb8\xc4,own\n";
	char *cachedir = xasprintf("%s/cache/flashfix", tmpdir);
	char *cpath = NULL, *cpath2 = NULL;
	struct kb *plain, *kb, *kb2;
	struct diag d;
	struct stat st, st2;
	bool hit = true;
	const char *dir;

	/* The shipped base, then a hostile one: parsed, then cached. */
	for (int round = 0; round < 2; round++) {
		const char *what = round ? "a base with a BOM, CRLF, quotes, "
		    "bidi marks and a GB18030 file" : "the shipped base";
		dir = round ? make_kb(errors, fixes,
		    "platform,tool,version,note_en\nqcom,M,2.0.11,n\n"
		    "mtk,D,V19.36.101,\n", gb_generic) : datadir;
		diag_init(&d);
		plain = kb_load(dir, &d);
		diag_free(&d);
		kb = load_cached(dir, cachedir, &hit);
		ok(kb && !hit, "%s: the first load parses", what);
		free(cpath);
		cpath = cache_file(cachedir, dir);
		ok(cpath != NULL, "%s: and leaves a cache", what);
		kb2 = load_cached(dir, cachedir, &hit);
		ok(kb2 && hit, "%s: the next load reads the cache", what);
		ok(plain && kb && kb2 && same_kb(plain, kb2, true),
		    "%s: the cached base is the parsed one, texts and all",
		    what);
		kb_free(plain);
		kb_free(kb);
		kb_free(kb2);
	}
	kb = load_cached(dir, NULL, &hit);
	ok(kb && !hit, "no cache directory: the files are parsed");
	kb_free(kb);

	/* One byte changed, same size, time set back: the bytes decide. */
	ok(cpath && stat(cpath, &st) == 0, "the cache is there");
	{
		char *e = xstrdup(errors);
		char *m = strstr(e, "Msg B");
		struct timespec when[2] = { { 1000000000, 0 },
			{ 1000000000, 0 } };
		const char *ep;
		m[4] = 'C';
		ep = write_file("kb/errors.csv", e, strlen(e));
		utimensat(AT_FDCWD, ep, when, 0);
		free(e);
	}
	kb = load_cached(dir, cachedir, &hit);
	ok(kb && !hit && kb_find(kb, "b") &&
	    strcmp(kb_find(kb, "b")->error_en, "Msg C") == 0,
	    "errors.csv changed in one byte (same size, older time): "
	    "parsed again, the new text");
	kb_free(kb);
	cpath2 = cache_file(cachedir, dir);
	ok(cpath2 && stat(cpath2, &st2) == 0 && st2.st_ino != st.st_ino,
	    "and the cache is written anew");
	kb = load_cached(dir, cachedir, &hit);
	ok(kb && hit && strcmp(kb_find(kb, "b")->error_en, "Msg C") == 0,
	    "which the next load reads");
	kb_free(kb);

	/* A damaged cache is a miss, never a crash. */
	ok(cpath2 && flip_byte(cpath2, -3), "a byte of the cache flipped");
	kb = load_cached(dir, cachedir, &hit);
	ok(kb && !hit, "a damaged cache: parsed again");
	kb_free(kb);
	ok(cpath2 && truncate(cpath2, 100) == 0, "the cache cut short");
	kb = load_cached(dir, cachedir, &hit);
	ok(kb && !hit, "a cut cache: parsed again");
	kb_free(kb);
	kb = load_cached(dir, cachedir, &hit);
	ok(kb && hit, "and cached again");
	kb_free(kb);

	/* A base with errors is not cached. */
	dir = make_kb(ERR_HEAD, FIX_HEAD, "platform,tool,version\n", GEN_OK);
	diag_init(&d);
	{
		struct store sto;
		store_load(&sto, dir, cachedir, &d);
		ok(sto.kb && d.errors > 0 && !sto.ix, "a base with errors still "
		    "loads, with them, and is not indexed");
		store_free(&sto);
	}
	diag_free(&d);
	free(cpath);
	cpath = cache_file(cachedir, dir);
	{
		/* The stale cache of that directory stays, unused. */
		struct store sto;
		diag_init(&d);
		store_load(&sto, dir, cachedir, &d);
		ok(sto.kb && d.errors > 0, "and again: the errors, not an old "
		    "cache");
		store_free(&sto);
		diag_free(&d);
	}
	free(cpath);
	cpath = NULL;

	/* A cache directory that cannot be made: no cache, no failure. */
	{
		char *bad = xasprintf("%s/cachefile/x", tmpdir);
		write_file("cachefile", "x", 1);
		kb = load_cached(datadir, bad, &hit);
		ok(kb && !hit, "a cache directory under a file: parsed, "
		    "quietly");
		kb_free(kb);
		free(bad);
	}

	/* The index read from the cache ranks as the one built. */
	{
		static const char *const queries[] = {
			"WCSM code\xef\xbc\x9a" "4009", "Sahara communication failed.",
			"DL system ERR", "sahara comunication", "4009",
			"\xe7\x99\xbb\xe5\xbd\x95", "Incorrect verificaton code",
			"2020-08-04 10:42:00 [LIB] BROM ERROR : S_FT_ENABLE_DRAM_FAIL (4032)",
		};
		struct match_index *built, *read;
		struct match_result r1[8], r2[8];
		size_t same = 0, flips = 0, rebuilt = 0;
		diag_init(&d);
		plain = kb_load(datadir, &d);
		diag_free(&d);
		unsigned char *bytes;
		size_t nbytes;
		kb = load_cached(datadir, cachedir, &hit);
		kb_free(kb);
		read = load_index(datadir, cachedir, &kb);
		ok(kb && kb->strings && read && read->bytes, "the shipped base's "
		    "cache holds its index, and the index is read from it, not "
		    "built");
		built = match_index_new(plain);
		for (size_t q = 0; read && q < sizeof queries / sizeof *queries;
		    q++) {
			size_t n1 = match_query(built, queries[q], 0, r1, 8);
			size_t n2 = match_query(read, queries[q], 0, r2, 8);
			bool eq = n1 == n2;
			for (size_t i = 0; eq && i < n1; i++)
				eq = strcmp(r1[i].err->id, r2[i].err->id) == 0 &&
				    r1[i].score == r2[i].score &&
				    r1[i].by_code == r2[i].by_code;
			same += eq;
			if (!eq)
				printf("#   '%s' ranks differently\n", queries[q]);
		}
		is_num(same, sizeof queries / sizeof *queries, "%zu queries: "
		    "the same errors, scores and codes from both", same);
		/* Stamps near the point where they start again: still the
		 * same answers, before and after. */
		if (read) {
			size_t agree = 0;
			read->stamp = UINT_MAX / 2 - 3;
			for (size_t q = 0; q < 2 * sizeof queries /
			    sizeof *queries; q++) {
				const char *t = queries[q % (sizeof queries /
				    sizeof *queries)];
				size_t n1 = match_query(built, t, 0, r1, 8);
				size_t n2 = match_query(read, t, 0, r2, 8);
				bool eq = n1 == n2;
				for (size_t i = 0; eq && i < n1; i++)
					eq = strcmp(r1[i].err->id,
					    r2[i].err->id) == 0 &&
					    r1[i].score == r2[i].score;
				agree += eq;
			}
			ok(agree == 2 * sizeof queries / sizeof *queries &&
			    read->stamp < UINT_MAX / 2, "stamps that start "
			    "again mid-way: the same answers (%zu)", agree);
		}
		match_index_free(read);
		/* Damaged index bytes: refused (then built), never a crash. */
		bytes = index_bytes(built, &nbytes);
		for (size_t i = 0; kb && i < nbytes; i += 1 + i / 64) {
			unsigned char *copy = xmalloc(nbytes);
			memcpy(copy, bytes, nbytes);
			copy[i] ^= 0x41;
			read = match_index_decode(kb, copy, nbytes);
			rebuilt += read == NULL;
			flips++;
			if (read)
				match_query(read, "Sahara 4009 comunication", 0,
				    r2, 8);
			match_index_free(read);
		}
		ok(flips > 0 && rebuilt > 0, "%zu index bytes flipped one at "
		    "a time: %zu refused, the rest searched without harm",
		    flips, rebuilt);
		if (kb && nbytes > 8) {
			read = match_index_decode(kb, bytes, nbytes - 8);
			bytes = NULL; /* taken */
			ok(!read, "an index cut short is refused");
			read = match_index_new(kb);
			ok(read && !read->bytes &&
			    match_query(read, "Sahara communication failed", 0,
			    r2, 8) > 0, "and one built instead finds");
			match_index_free(read);
		}
		free(bytes);
		match_index_free(built);
		kb_free(kb);
		kb_free(plain);
	}

	/* The decoder on every cut and on flipped bytes of a good cache. */
	{
		struct buf str, rec;
		size_t bad_cuts = 0, flips = 0, refused = 0, unsound = 0;
		diag_init(&d);
		plain = kb_load(datadir, &d);
		diag_free(&d);
		buf_init(&str);
		buf_init(&rec);
		kb_cache_encode(plain, &str, &rec);
		for (size_t n = 0; n < rec.len; n += 1 + n / 512) {
			char *sc = xmalloc(str.len);
			memcpy(sc, str.s, str.len);
			kb = kb_cache_decode(sc, str.len,
			    (const unsigned char *)rec.s, n);
			bad_cuts += kb != NULL;
			kb_free(kb);
		}
		ok(bad_cuts == 0, "records cut anywhere: refused");
		for (size_t i = 0; i < rec.len; i += 7) {
			char *sc = xmalloc(str.len);
			memcpy(sc, str.s, str.len);
			rec.s[i] ^= 0x5a;
			kb = kb_cache_decode(sc, str.len,
			    (const unsigned char *)rec.s, rec.len);
			flips++;
			refused += kb == NULL;
			unsound += kb && !kb_sound(kb);
			kb_free(kb);
			rec.s[i] ^= 0x5a;
		}
		ok(refused > 0 && unsound == 0, "%zu records with a flipped "
		    "byte: %zu refused, the others a base the loader could "
		    "have made (ids found, steps in order, known levels)",
		    flips, refused);
		{
			char *sc = xmalloc(str.len);
			memcpy(sc, str.s, str.len);
			sc[str.len / 2] = '\x1b';
			kb = kb_cache_decode(sc, str.len,
			    (const unsigned char *)rec.s, rec.len);
			ok(kb == NULL, "a control character in the texts: "
			    "refused");
			kb_free(kb);
		}
		{
			char *sc = xmalloc(str.len);
			memcpy(sc, str.s, str.len);
			kb = kb_cache_decode(sc, str.len,
			    (const unsigned char *)rec.s, rec.len);
			ok(kb && same_kb(plain, kb, false), "the unharmed "
			    "records: the same base");
			kb_free(kb);
		}
		buf_free(&str);
		buf_free(&rec);
		kb_free(plain);
	}
	free(cpath2);
	free(cachedir);
}
