/* kb_cache.c: a compiled copy of a checked knowledge base.
 *
 * Parsing and checking ten thousand errors' rows costs tens of
 * milliseconds at every start; reading back what the check produced costs
 * a few.  The copy lives in the user's cache directory, one file per base
 * directory, and is used only while the four files hold exactly the bytes
 * it was made from: its key is each file's length and 64-bit digest,
 * taken while the loader parsed them and again, before the copy is used,
 * by reading them.  File times are not trusted: a file copied with its
 * times kept, or edited twice within a clock tick, still misses.
 *
 * The copy is checked as it is read, every count, offset, enumeration and
 * text as strictly as the loader checks the CSV, so a damaged or foreign
 * file is a miss, never a crash; a miss parses the files and writes a new
 * copy.  Only a base without errors is written.
 *
 * Layout, in the host's byte order (the header says which):
 *   header   magic, order mark, format, lengths of key, strings,
 *            records and index, digest of all four
 *   key      "flashfix VERSION FORMAT", the base's real path, and per file
 *            its length and digest
 *   strings  every text, each ending in NUL
 *   records  the errors with their codes, aliases and fixes, the tools,
 *            the generic ladder, and the long texts kept in memory
 *   index    the match index over the messages (match_cache.c)
 */
#include <config.h>

#include "kb_cache.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "digest.h"
#include "kb_int.h"
#include "kb_lazy.h"
#include "match.h"
#include "match_int.h"
#include "text.h"

static const char magic[8] = "FFKBCACH";
#define ORDER_MARK 0x01020304u
#define HEAD_SIZE 56
/* Larger parts than this are not a cache of files of at most
 * CSVFILE_MAX_BYTES each. */
#define PART_MAX (1UL << 30)

/* ---- writing ---- */

static void
put_u8(struct buf *b, unsigned v)
{
	buf_addc(b, (char)(unsigned char)v);
}

static void
put_u32(struct buf *b, uint32_t v)
{
	buf_add(b, &v, sizeof v);
}

static void
put_u64(struct buf *b, uint64_t v)
{
	buf_add(b, &v, sizeof v);
}

struct enc {
	struct buf *str, *rec;
};

static void
put_str(struct enc *w, const char *s)
{
	if (!s) {
		put_u32(w->rec, 0);
		return;
	}
	put_u32(w->rec, (uint32_t)w->str->len + 1);
	buf_add(w->str, s, strlen(s) + 1);
}

static void
put_text(struct enc *w, struct kb_text t)
{
	put_u32(w->rec, t.off);
	put_u32(w->rec, t.len);
}

static void
put_fixes(struct enc *w, const struct fix *f, size_t n)
{
	put_u32(w->rec, (uint32_t)n);
	for (size_t i = 0; i < n; i++) {
		put_u32(w->rec, f[i].step);
		put_u8(w->rec, f[i].level);
		put_u32(w->rec, (uint32_t)f[i].line);
		put_text(w, f[i].action_en);
		put_text(w, f[i].action_zh);
		put_u32(w->rec, f[i].cond->n);
		for (size_t c = 0; c < f[i].cond->n; c++) {
			const struct cond_clause *cl = &f[i].cond->c[c];
			put_u8(w->rec, cl->platform);
			put_u8(w->rec, cl->op);
			put_u8(w->rec, (unsigned)cl->ver.nparts);
			for (size_t p = 0; p < cl->ver.nparts; p++)
				put_u64(w->rec, cl->ver.part[p]);
		}
	}
}

void
kb_cache_encode(const struct kb *kb, struct buf *strings,
    struct buf *records)
{
	struct enc w = { strings, records };
	size_t i = 0, n = 0;
	enum kb_src src;
	uint32_t off;
	const char *s;

	for (size_t e = 0; e < kb->nerrors; e++)
		n += kb->errors[e].nfixes;
	put_u32(records, (uint32_t)n);
	put_u32(records, (uint32_t)kb->nerrors);
	for (size_t e = 0; e < kb->nerrors; e++) {
		const struct kb_error *err = &kb->errors[e];
		put_str(&w, err->id);
		put_u8(records, err->platforms);
		put_u8(records, err->category);
		put_str(&w, err->error_en);
		put_str(&w, err->error_zh);
		put_text(&w, err->cause_en);
		put_text(&w, err->cause_zh);
		put_str(&w, err->notes->distinguish_en);
		put_str(&w, err->notes->distinguish_zh);
		put_str(&w, err->notes->escalate_en);
		put_str(&w, err->notes->escalate_zh);
		put_u32(records, (uint32_t)err->ncodes);
		for (size_t c = 0; c < err->ncodes; c++)
			put_str(&w, err->codes[c]);
		put_u32(records, (uint32_t)err->naliases);
		for (size_t a = 0; a < err->naliases; a++)
			put_str(&w, err->aliases[a]);
		put_fixes(&w, err->fixes, err->nfixes);
	}
	put_u32(records, (uint32_t)kb->ntools);
	for (size_t t = 0; t < kb->ntools; t++) {
		put_u8(records, kb->tools[t].platform);
		put_str(&w, kb->tools[t].name);
		put_str(&w, kb->tools[t].version_text);
		put_str(&w, kb->tools[t].note_en);
		put_str(&w, kb->tools[t].note_zh);
	}
	put_fixes(&w, kb->generic, kb->ngeneric);
	n = 0;
	while (kb_lazy_next(kb->lazy, &i, &src, &off, &s))
		n++;
	put_u32(records, (uint32_t)n);
	for (i = 0; kb_lazy_next(kb->lazy, &i, &src, &off, &s);) {
		put_u8(records, src);
		put_u32(records, off);
		put_str(&w, s);
	}
}

/* ---- reading ---- */

struct rd {
	const unsigned char *p, *end;
	const char *str;
	size_t nstr;
	bool bad;
};

static uint64_t
get(struct rd *r, size_t n)
{
	uint64_t v = 0;
	uint32_t v32;

	if (r->bad || (size_t)(r->end - r->p) < n) {
		r->bad = true;
		return 0;
	}
	if (n == 1)
		v = *r->p;
	else if (n == 4)
		memcpy(&v32, r->p, 4), v = v32;
	else
		memcpy(&v, r->p, 8);
	r->p += n;
	return v;
}

static unsigned
get_u8(struct rd *r)
{
	return (unsigned)get(r, 1);
}

static uint32_t
get_u32(struct rd *r)
{
	return (uint32_t)get(r, 4);
}

/* A count of items of at least each bytes: more than the rest of the
 * records could hold is damage, not a reason to allocate. */
static size_t
get_count(struct rd *r, size_t each)
{
	size_t n = get_u32(r);

	if (n > (size_t)(r->end - r->p) / each)
		r->bad = true;
	return r->bad ? 0 : n;
}

/* A text: NULL for none, else the start of one of the strings. */
static const char *
get_str(struct rd *r)
{
	uint32_t ref = get_u32(r);

	if (ref == 0)
		return NULL;
	if (ref > r->nstr || (ref > 1 && r->str[ref - 2] != '\0') ||
	    r->str[ref - 1] == '\0') {
		r->bad = true;
		return NULL;
	}
	return r->str + ref - 1;
}

static const char *
need_str(struct rd *r)
{
	const char *s = get_str(r);

	if (!s)
		r->bad = true;
	return s;
}

static struct kb_text
get_text(struct rd *r)
{
	struct kb_text t;

	t.off = get_u32(r);
	t.len = get_u32(r);
	return t;
}

static bool
is_platform(unsigned p)
{
	return p == PLAT_MTK || p == PLAT_QCOM;
}

/* n fixes into v, as the loader accepts them: steps 1, 2, 3..., known
 * levels, conditions it could have parsed, an English action. */
static void
get_fixes(struct rd *r, struct kb *kb, enum kb_src src, struct fix *v,
    size_t n)
{
	for (size_t i = 0; i < n && !r->bad; i++) {
		struct fix *f = &v[i];
		size_t ncl;
		uint32_t step = get_u32(r);
		f->src = (unsigned char)src;
		f->step = (uint16_t)step;
		f->level = (unsigned char)get_u8(r);
		f->line = get_u32(r);
		f->action_en = get_text(r);
		f->action_zh = get_text(r);
		ncl = get_count(r, 3);
		f->cond = &kb_no_cond;
		if (step != i + 1 || f->level >= LEVEL_COUNT ||
		    f->action_en.len == 0)
			r->bad = true;
		if (r->bad)
			break;
		if (ncl) {
			struct condition *cond = arena_alloc(&kb->arena,
			    sizeof *cond);
			cond->n = (uint32_t)ncl;
			cond->c = arena_alloc(&kb->arena, ncl *
			    sizeof *cond->c);
			f->cond = cond;
		}
		for (size_t c = 0; c < ncl && !r->bad; c++) {
			struct cond_clause *cl = &f->cond->c[c];
			cl->platform = (enum platform)get_u8(r);
			cl->op = (enum cond_op)get_u8(r);
			cl->ver.nparts = get_u8(r);
			if (!is_platform(cl->platform) || cl->op > OP_GT ||
			    cl->ver.nparts > VERSION_MAX_PARTS ||
			    (cl->op == OP_ANY) != (cl->ver.nparts == 0)) {
				r->bad = true;
				break;
			}
			for (size_t p = 0; p < cl->ver.nparts; p++)
				cl->ver.part[p] = (unsigned long)get(r, 8);
		}
	}
}

/* An error as the loader accepts it, its fixes at kb->fixv + *used of
 * nfix; false (r->bad) when it is not. */
static bool
get_error(struct rd *r, struct kb *kb, size_t *used, size_t nfix)
{
	struct kb_error e;
	struct kb_notes notes;

	memset(&e, 0, sizeof e);
	e.id = need_str(r);
	e.platforms = (unsigned char)get_u8(r);
	e.category = (unsigned char)get_u8(r);
	e.error_en = need_str(r);
	e.error_zh = get_str(r);
	e.cause_en = get_text(r);
	e.cause_zh = get_text(r);
	notes.distinguish_en = get_str(r);
	notes.distinguish_zh = get_str(r);
	notes.escalate_en = get_str(r);
	notes.escalate_zh = get_str(r);
	e.notes = kb_keep_notes(kb, &notes);
	if (r->bad || !kb_valid_id(e.id) || e.platforms == 0 ||
	    e.platforms > PLAT_BOTH || e.category >= CAT_COUNT ||
	    e.cause_en.len == 0)
		return !(r->bad = true);
	e.ncodes = get_count(r, 4);
	e.codes = e.ncodes ? arena_alloc(&kb->arena, e.ncodes *
	    sizeof *e.codes) : NULL;
	for (size_t c = 0; c < e.ncodes && !r->bad; c++) {
		const char *s = need_str(r);
		size_t len = s ? strlen(s) : 0;
		if (len > 9 || strspn(s ? s : "", "0123456789") != len)
			r->bad = true;
		e.codes[c] = s;
	}
	e.naliases = get_count(r, 4);
	e.aliases = e.naliases ? arena_alloc(&kb->arena, e.naliases *
	    sizeof *e.aliases) : NULL;
	for (size_t a = 0; a < e.naliases && !r->bad; a++)
		e.aliases[a] = need_str(r);
	if (r->bad)
		return false;
	e.nfixes = get_u32(r);
	if (r->bad || e.nfixes == 0 || e.nfixes > nfix - *used)
		return !(r->bad = true);
	e.fixes = kb->fixv + *used;
	*used += e.nfixes;
	get_fixes(r, kb, KB_SRC_FIXES, e.fixes, e.nfixes);
	if (r->bad || !kb_add_error(kb, &e))
		return !(r->bad = true);
	return true;
}

/* Every text is one the loader could have kept: valid UTF-8 without
 * control characters. */
static bool
strings_ok(const char *s, size_t n)
{
	if (n && s[n - 1] != '\0')
		return false;
	for (size_t i = 0; i < n;) {
		size_t len = strlen(s + i);
		if (text_find_bad(s + i, len) != (size_t)-1)
			return false;
		i += len + 1;
	}
	return true;
}

struct kb *
kb_cache_decode(char *strings, size_t nstrings,
    const unsigned char *records, size_t nrecords)
{
	struct rd r = { records, records + nrecords, strings, nstrings,
		false };
	struct kb *kb = kb_new();
	size_t n, nfix, used = 0;

	kb->strings = strings;
	if (!strings_ok(strings, nstrings))
		goto bad;
	nfix = get_count(&r, 29);
	kb->fixv = xcalloc(nfix ? nfix : 1, sizeof *kb->fixv);
	n = get_count(&r, 58);
	kb->errors = xmalloc((n ? n : 1) * sizeof *kb->errors);
	kb->caperrors = n ? n : 1;
	for (size_t i = 0; i < n; i++)
		if (!get_error(&r, kb, &used, nfix))
			goto bad;
	if (used != nfix)
		goto bad;
	n = get_count(&r, 17);
	kb->tools = xcalloc(n ? n : 1, sizeof *kb->tools);
	kb->captools = n ? n : 1;
	for (size_t i = 0; i < n && !r.bad; i++) {
		struct tool *t = &kb->tools[kb->ntools++];
		t->platform = (enum platform)get_u8(&r);
		t->name = need_str(&r);
		t->version_text = need_str(&r);
		t->note_en = get_str(&r);
		t->note_zh = get_str(&r);
		if (r.bad || !is_platform(t->platform) ||
		    !version_parse(t->version_text, strlen(t->version_text),
		    &t->ver, NULL))
			goto bad;
	}
	kb->ngeneric = get_count(&r, 29);
	kb->generic = xcalloc(kb->ngeneric ? kb->ngeneric : 1,
	    sizeof *kb->generic);
	kb->capgeneric = kb->ngeneric;
	get_fixes(&r, kb, KB_SRC_GENERIC, kb->generic, kb->ngeneric);
	if (r.bad || kb->nerrors == 0 || kb->ngeneric == 0)
		goto bad;
	n = get_count(&r, 9);
	for (size_t i = 0; i < n && !r.bad; i++) {
		unsigned src = get_u8(&r);
		uint32_t off = get_u32(&r);
		const char *s = need_str(&r);
		if (src >= KB_NSRC)
			r.bad = true;
		if (!r.bad)
			kb_lazy_set(kb->lazy, (enum kb_src)src, off, s);
	}
	if (r.bad || r.p != r.end)
		goto bad;
	return kb;
bad:
	kb_free(kb);
	return NULL;
}

/* ---- the cache file ---- */

char *
kb_cache_path(const char *cachedir, const char *real)
{
	return xasprintf("%s/kb-%016llx.cache", cachedir,
	    (unsigned long long)digest_of(real, strlen(real)));
}

static void
make_key(struct buf *b, const char *real, const struct csvsum *sums)
{
	buf_printf(b, "flashfix %s %d\n%s\n", PACKAGE_VERSION,
	    KB_CACHE_FORMAT, real);
	for (int f = 0; f < KB_NFILES; f++) {
		put_u64(b, sums[f].size);
		put_u64(b, sums[f].digest);
	}
}

static bool
read_at(int fd, void *into, size_t n, off_t off)
{
	for (size_t got = 0; got < n;) {
		ssize_t k = pread(fd, (char *)into + got, n - got,
		    off + (off_t)got);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return false;
		got += (size_t)k;
	}
	return true;
}

static uint64_t
head_u64(const unsigned char *h, size_t at)
{
	uint64_t v;

	memcpy(&v, h + at, 8);
	return v;
}

/* The base cached at path for key, or NULL. */
static struct kb *
cache_read(const char *path, const struct buf *key)
{
	unsigned char head[HEAD_SIZE];
	unsigned char *rest = NULL, *index = NULL;
	char *strings = NULL;
	struct digest g;
	struct stat st;
	uint64_t klen, slen, rlen, ilen;
	uint32_t order, format;
	struct kb *kb = NULL;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NOFOLLOW);

	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    !read_at(fd, head, sizeof head, 0))
		goto out;
	memcpy(&order, head + 8, 4);
	memcpy(&format, head + 12, 4);
	klen = head_u64(head, 16);
	slen = head_u64(head, 24);
	rlen = head_u64(head, 32);
	ilen = head_u64(head, 40);
	if (memcmp(head, magic, 8) != 0 || order != ORDER_MARK ||
	    format != KB_CACHE_FORMAT || klen != key->len ||
	    slen > PART_MAX || rlen > PART_MAX || ilen > PART_MAX ||
	    (uint64_t)st.st_size != HEAD_SIZE + klen + slen + rlen + ilen)
		goto out;
	rest = xmalloc(klen + rlen ? klen + rlen : 1);
	strings = xmalloc(slen ? slen : 1);
	index = xmalloc(ilen ? ilen : 1);
	if (!read_at(fd, rest, klen, HEAD_SIZE) ||
	    memcmp(rest, key->s, klen) != 0 ||
	    !read_at(fd, strings, slen, HEAD_SIZE + (off_t)klen) ||
	    !read_at(fd, rest + klen, rlen,
	    HEAD_SIZE + (off_t)(klen + slen)) ||
	    !read_at(fd, index, ilen, HEAD_SIZE + (off_t)(klen + slen + rlen)))
		goto out;
	digest_init(&g);
	digest_add(&g, rest, klen);
	digest_add(&g, strings, slen);
	digest_add(&g, rest + klen, rlen);
	digest_add(&g, index, ilen);
	if (digest_end(&g) != head_u64(head, 48))
		goto out;
	kb = kb_cache_decode(strings, slen, rest + klen, rlen);
	strings = NULL; /* decode took it */
	if (kb) {
		/* match_index_new() reads it, and checks it then. */
		kb->ixbytes = index;
		kb->nixbytes = ilen;
		index = NULL;
	}
out:
	free(index);
	free(strings);
	free(rest);
	close(fd);
	return kb;
}

static void prune(const char *cachedir);

/* Writes kb as the cache at path, through a temporary file renamed over
 * it, so a reader sees the old copy or the new one.  Failing is quiet: a
 * cache that cannot be written costs time, nothing else. */
static void
cache_write(const char *cachedir, const char *path, const struct buf *key,
    struct kb *kb)
{
	unsigned char head[HEAD_SIZE];
	struct buf strings, records, index;
	struct match_index *ix;
	struct digest g;
	char *tmp = NULL, *parent = xstrdup(cachedir), *slash;
	uint32_t order = ORDER_MARK, format = KB_CACHE_FORMAT;
	uint64_t v;
	int fd;

	/* The cache directory, and the one above it ($HOME/.cache). */
	if ((slash = strrchr(parent, '/')) && slash != parent) {
		*slash = '\0';
		(void)mkdir(parent, 0700);
	}
	free(parent);
	(void)mkdir(cachedir, 0700);
	buf_init(&strings);
	buf_init(&records);
	buf_init(&index);
	kb_cache_encode(kb, &strings, &records);
	ix = match_index_new(kb);
	match_index_encode(ix, &index);
	match_index_free(ix);
	if (strings.len > PART_MAX || records.len > PART_MAX ||
	    index.len > PART_MAX)
		goto out;
	memcpy(head, magic, 8);
	memcpy(head + 8, &order, 4);
	memcpy(head + 12, &format, 4);
	v = key->len, memcpy(head + 16, &v, 8);
	v = strings.len, memcpy(head + 24, &v, 8);
	v = records.len, memcpy(head + 32, &v, 8);
	v = index.len, memcpy(head + 40, &v, 8);
	digest_init(&g);
	digest_add(&g, key->s, key->len);
	digest_add(&g, strings.s, strings.len);
	digest_add(&g, records.s, records.len);
	digest_add(&g, index.s, index.len);
	v = digest_end(&g), memcpy(head + 48, &v, 8);
	tmp = xasprintf("%s.XXXXXX", path);
	if ((fd = mkostemp(tmp, O_CLOEXEC)) < 0)
		goto out;
	if (!write_full(fd, head, sizeof head) ||
	    !write_full(fd, key->s, key->len) ||
	    !write_full(fd, strings.s, strings.len) ||
	    !write_full(fd, records.s, records.len) ||
	    !write_full(fd, index.s, index.len) ||
	    close(fd) != 0 || rename(tmp, path) != 0) {
		unlink(tmp);
		goto out;
	}
	prune(cachedir);
out:
	/* The caller's match_index_new() reads the index just made rather
	 * than building it again. */
	kb->nixbytes = index.len;
	kb->ixbytes = (unsigned char *)buf_take(&index);
	free(tmp);
	buf_free(&strings);
	buf_free(&records);
}

/* Removes the caches of base directories that are gone (a script's
 * temporary bases would otherwise pile up), and temporary files a writer
 * that died left more than an hour ago.  Run after a cache is written. */
static void
prune(const char *cachedir)
{
	DIR *dir = opendir(cachedir);
	struct dirent *de;
	time_t now = time(NULL);

	while (dir && (de = readdir(dir))) {
		char *path, *key = NULL, *nl;
		unsigned char head[HEAD_SIZE];
		struct stat st;
		uint64_t klen;
		size_t n = strlen(de->d_name);
		int fd;

		if (strncmp(de->d_name, "kb-", 3) != 0 ||
		    !strstr(de->d_name, ".cache"))
			continue;
		path = xasprintf("%s/%s", cachedir, de->d_name);
		if (n < 6 || strcmp(de->d_name + n - 6, ".cache") != 0) {
			/* kb-HASH.cache.XXXXXX: a writer's temporary file */
			if (lstat(path, &st) == 0 && S_ISREG(st.st_mode) &&
			    now - st.st_mtime > 3600)
				unlink(path);
			free(path);
			continue;
		}
		fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NOFOLLOW);
		if (fd >= 0 && read_at(fd, head, sizeof head, 0) &&
		    memcmp(head, magic, 8) == 0 &&
		    (klen = head_u64(head, 16)) < 65536) {
			key = xmalloc(klen + 1);
			if (read_at(fd, key, klen, HEAD_SIZE)) {
				key[klen] = '\0';
				/* "flashfix VERSION FORMAT\nPATH\n..." */
				if ((nl = strchr(key, '\n')) &&
				    strchr(nl + 1, '\n')) {
					*strchr(nl + 1, '\n') = '\0';
					if (nl[1] == '/' && stat(nl + 1, &st) != 0 &&
					    errno == ENOENT)
						unlink(path);
				}
			}
			free(key);
		}
		if (fd >= 0)
			close(fd);
		free(path);
	}
	if (dir)
		closedir(dir);
}

static bool
same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino &&
	    a->st_size == b->st_size &&
	    a->st_mtim.tv_sec == b->st_mtim.tv_sec &&
	    a->st_mtim.tv_nsec == b->st_mtim.tv_nsec &&
	    a->st_ctim.tv_sec == b->st_ctim.tv_sec &&
	    a->st_ctim.tv_nsec == b->st_ctim.tv_nsec;
}

/* Opens path and digests its bytes into sum; -1 when it cannot be read
 * whole, or changed while it was read. */
static int
sum_file(const char *path, char *chunk, size_t room, struct csvsum *sum)
{
	struct stat before, after;
	struct digest g;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);

	if (fd < 0)
		return -1;
	digest_init(&g);
	if (fstat(fd, &before) != 0 || !S_ISREG(before.st_mode) ||
	    before.st_size > (off_t)CSVFILE_MAX_BYTES)
		goto bad;
	for (;;) {
		ssize_t k = read(fd, chunk, room);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			goto bad;
		if (k == 0)
			break;
		digest_add(&g, chunk, (size_t)k);
	}
	if (fstat(fd, &after) != 0 || !same_file(&before, &after) ||
	    g.total != (uint64_t)after.st_size)
		goto bad;
	sum->size = g.total;
	sum->digest = digest_end(&g);
	sum->whole = true;
	return fd;
bad:
	close(fd);
	return -1;
}

static const enum kb_src file_src[KB_NFILES] = {
	KB_SRC_ERRORS, KB_SRC_FIXES, KB_NSRC, KB_SRC_GENERIC,
};

struct kb *
kb_load_cached(const char *dir, const char *cachedir, struct diag *d)
{
	struct csvsum sums[KB_NFILES];
	int fds[KB_NFILES];
	struct kb *kb = NULL;
	struct buf key;
	char *real, *path, *chunk;
	bool summed = true;
	size_t before = d->errors;

	if (!cachedir || !*cachedir || !(real = realpath(dir, NULL)))
		return kb_load(dir, d);
	path = kb_cache_path(cachedir, real);
	chunk = xmalloc(65536);
	for (int f = 0; f < KB_NFILES; f++) {
		char *p = xasprintf("%s/%s", dir, kb_file_names[f]);
		fds[f] = summed ? sum_file(p, chunk, 65536, &sums[f]) : -1;
		summed &= fds[f] >= 0;
		free(p);
	}
	free(chunk);
	buf_init(&key);
	if (summed) {
		make_key(&key, real, sums);
		kb = cache_read(path, &key);
	}
	for (int f = 0; f < KB_NFILES; f++) {
		char *p;
		if (fds[f] < 0)
			continue;
		if (!kb || file_src[f] == KB_NSRC) {
			close(fds[f]);
			continue;
		}
		p = xasprintf("%s/%s", dir, kb_file_names[f]);
		kb_lazy_keep(kb->lazy, file_src[f], fds[f], p);
		free(p);
	}
	if (!kb) {
		/* Parse, and cache what parsed without errors, keyed on the
		 * very bytes that were parsed. */
		kb = kb_load_sums(dir, d, sums);
		summed = true;
		for (int f = 0; f < KB_NFILES; f++)
			summed &= sums[f].whole;
		if (kb && d->errors == before && summed) {
			buf_reset(&key);
			make_key(&key, real, sums);
			cache_write(cachedir, path, &key, kb);
		}
	}
	buf_free(&key);
	free(path);
	free(real);
	return kb;
}
