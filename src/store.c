/* store.c: a knowledge base loaded with its match index, through the
 * compiled copy of both in the user's cache directory.
 *
 * Parsing and checking ten thousand errors' rows and indexing their
 * messages costs tens of milliseconds at every start; reading back what
 * that produced costs a few.  The copy is one file per base directory,
 * used only while the four files hold exactly the bytes it was made from:
 * its key is each file's length and 64-bit digest, taken while the loader
 * parsed them and again, before the copy is used, by reading them.  File
 * times are not trusted: a file copied with its times kept, or edited
 * twice within a clock tick, still misses.  A damaged or foreign file is a
 * miss (kb_cache.c and match_cache.c check what they read); a miss parses
 * the files and writes a new copy.  Only a base without errors is
 * written.
 *
 * Layout, in the host's byte order (the header says which):
 *   header   magic, order mark, format, lengths of key, strings,
 *            records and index, digest of all four
 *   key      "flashfix VERSION FORMAT", the base's real path, and per file
 *            its length and digest
 *   strings, records (kb_cache.c), index (match_cache.c)
 *
 * Layer: store (above the knowledge base and the match index).
 */
#include <config.h>

#include "store.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "digest.h"
#include "files.h"
#include "kb_cache.h"
#include "kb_int.h"
#include "kb_lazy.h"
#include "match.h"
#include "match_int.h"

static const char magic[8] = "FFKBCACH";
#define ORDER_MARK 0x01020304u
#define HEAD_SIZE 56
/* Larger parts than this are not a cache of files of at most
 * CSVFILE_MAX_BYTES each. */
#define PART_MAX (1UL << 30)

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
		buf_add(b, &sums[f].size, sizeof sums[f].size);
		buf_add(b, &sums[f].digest, sizeof sums[f].digest);
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

/* The base cached at path for key, or NULL; the bytes of its index in
 * *ixbytes (malloc'd, *nix of them). */
static struct kb *
cache_read(const char *path, const struct buf *key, unsigned char **ixbytes,
    size_t *nix)
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
	/* Only a copy of this user's own is read: another account's could
	 * say anything. */
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    st.st_uid != getuid() || !read_at(fd, head, sizeof head, 0))
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
		/* match_index_decode() checks them. */
		*ixbytes = index;
		*nix = ilen;
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

/* Writes kb and its index ix as the cache at path, through a temporary
 * file renamed over it, so a reader sees the old copy or the new one.
 * Failing is quiet: a cache that cannot be written costs time, nothing
 * else. */
static void
cache_write(const char *cachedir, const char *path, const struct buf *key,
    const struct kb *kb, const struct match_index *ix)
{
	unsigned char head[HEAD_SIZE];
	struct buf strings, records, index;
	struct digest g;
	uint32_t order = ORDER_MARK, format = KB_CACHE_FORMAT;
	uint64_t v;

	buf_init(&strings);
	buf_init(&records);
	buf_init(&index);
	kb_cache_encode(kb, &strings, &records);
	match_index_encode(ix, &index);
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
	const struct files_part parts[] = {
		{ head, sizeof head }, { key->s, key->len },
		{ strings.s, strings.len }, { records.s, records.len },
		{ index.s, index.len },
	};
	if (files_make_dir(cachedir) &&
	    files_write_atomic(path, parts, sizeof parts / sizeof *parts,
	    0600, FILES_REPLACE))
		prune(cachedir);
out:
	buf_free(&index);
	buf_free(&strings);
	buf_free(&records);
}

/* The base directory the cache file at path was made for (malloc'd), from
 * its key: "flashfix VERSION FORMAT\nPATH\n..."; NULL when it is not a
 * cache file. */
static char *
cached_base(const char *path)
{
	unsigned char head[HEAD_SIZE];
	char *key = NULL, *nl, *end;
	uint64_t klen;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NOFOLLOW);

	if (fd < 0)
		return NULL;
	if (read_at(fd, head, sizeof head, 0) && memcmp(head, magic, 8) == 0 &&
	    (klen = head_u64(head, 16)) < 65536) {
		key = xmalloc(klen + 1);
		if (!read_at(fd, key, klen, HEAD_SIZE))
			klen = 0;
		key[klen] = '\0';
	}
	close(fd);
	if (!key || !(nl = strchr(key, '\n')) || nl[1] != '/' ||
	    !(end = strchr(nl + 1, '\n'))) {
		free(key);
		return NULL;
	}
	*end = '\0';
	memmove(key, nl + 1, (size_t)(end - nl));
	return key;
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
		char *path, *base;
		struct stat st;
		size_t n = strlen(de->d_name);

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
		base = cached_base(path);
		if (base && stat(base, &st) != 0 && errno == ENOENT)
			unlink(path);
		free(base);
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
	bool odd;
	int fd = files_open_regular(path, &odd);

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

bool
store_load(struct store *st, const char *dir, const char *cachedir,
    struct diag *d)
{
	struct csvsum sums[KB_NFILES];
	int fds[KB_NFILES];
	struct kb *kb = NULL;
	struct buf key;
	unsigned char *ixbytes = NULL;
	size_t nix = 0, before = d->errors;
	char *real = NULL, *path = NULL, *chunk;
	bool summed = true;

	st->kb = NULL;
	st->ix = NULL;
	if (!cachedir || !*cachedir || !(real = realpath(dir, NULL))) {
		kb = kb_load(dir, d);
		goto index;
	}
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
		kb = cache_read(path, &key, &ixbytes, &nix);
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
	if (kb) {
		st->ix = match_index_decode(kb, ixbytes, nix);
	} else {
		/* Parse, and cache what parsed without errors, keyed on the
		 * very bytes that were parsed, with the index built for it
		 * (which the caller then has, not built twice). */
		kb = kb_load_sums(dir, d, sums);
		summed = true;
		for (int f = 0; f < KB_NFILES; f++)
			summed &= sums[f].whole;
		if (kb && d->errors == before && summed) {
			buf_reset(&key);
			make_key(&key, real, sums);
			st->ix = match_index_new(kb);
			cache_write(cachedir, path, &key, kb, st->ix);
		}
	}
	buf_free(&key);
index:
	free(path);
	free(real);
	st->kb = kb;
	if (kb && !st->ix && d->errors == before)
		st->ix = match_index_new(kb);
	return kb != NULL;
}

void
store_free(struct store *st)
{
	match_index_free(st->ix);
	kb_free(st->kb);
	st->ix = NULL;
	st->kb = NULL;
}
