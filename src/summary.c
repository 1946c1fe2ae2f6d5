/* summary.c: the records' step figures, kept up to date from the
 * appended tail.  Layer: stats.
 *
 * The file, one line each:
 *   flashfix-summary 2
 *   OFFSET PREFIX-DIGEST DEV INO  bytes of the records read, digest of
 *                               the first PREFIX_BYTES of them, the file
 *                               (one replaced by a rename is another)
 *   ERROR-ID FIX LEVEL TRIED FIXED  per fix ("-" for an error not
 *                               listed; FIX 0 for steps of records of
 *                               earlier builds, known by level alone)
 * A summary of format 1 (by level) is made again.
 */
#include <config.h>

#include "summary.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "digest.h"
#include "files.h"
#include "records.h"
#include "util.h"

/* The bytes at the start of the records file that must not change. */
#define PREFIX_BYTES 65536

/* The digest of the first n bytes of fd; false when they cannot be read. */
static bool
prefix_digest(int fd, uint64_t n, uint64_t *out)
{
	char buf[8192];
	struct digest g;
	uint64_t at = 0;

	digest_init(&g);
	while (at < n) {
		size_t want = n - at < sizeof buf ? (size_t)(n - at) :
		    sizeof buf;
		ssize_t k = pread(fd, buf, want, (off_t)at);
		if (k <= 0)
			return false;
		digest_add(&g, buf, (size_t)k);
		at += (uint64_t)k;
	}
	*out = digest_end(&g);
	return true;
}

/* Reads the summary at spath into st; the offset it covers in *offset.
 * False (st as it was) when there is none that fits fd (size bytes). */
static bool
read_summary(const char *spath, int fd, const struct stat *sb,
    struct stats *st, uint64_t *offset)
{
	FILE *fp = fopen(spath, "re");
	char *line = NULL;
	size_t cap = 0;
	uint64_t off, dig, now, dev, ino, size = (uint64_t)sb->st_size;
	bool ok = false;

	if (!fp)
		return false;
	if (getline(&line, &cap, fp) < 0 ||
	    strcmp(line, "flashfix-summary 2\n") != 0 ||
	    getline(&line, &cap, fp) < 0 ||
	    sscanf(line, "%" SCNu64 " %" SCNx64 " %" SCNu64 " %" SCNu64, &off,
	    &dig, &dev, &ino) != 4 || off > size ||
	    dev != (uint64_t)sb->st_dev || ino != (uint64_t)sb->st_ino || !prefix_digest(fd, off < PREFIX_BYTES ? off :
	    PREFIX_BYTES, &now) || now != dig)
		goto out;
	while (getline(&line, &cap, fp) > 0) {
		/* ID FIX LEVEL TRIED FIXED: split in place, no copies. */
		char *f[5], *end;
		unsigned long fix, tried, fixed;
		int n = 0;
		for (char *t = strtok(line, " \n"); t && n < 5;
		    t = strtok(NULL, " \n"))
			f[n++] = t;
		if (n != 5 || strtok(NULL, " \n"))
			goto out;
		errno = 0;
		fix = strtoul(f[1], &end, 10);
		if (*end || errno)
			goto out;
		tried = strtoul(f[3], &end, 10);
		if (*end || errno)
			goto out;
		fixed = strtoul(f[4], &end, 10);
		if (*end || errno || fixed > tried)
			goto out;
		stats_add_step(st, strcmp(f[0], "-") ? f[0] : "", fix, f[2],
		    tried, fixed);
	}
	*offset = off;
	ok = true;
out:
	free(line);
	fclose(fp);
	return ok;
}

/* Writes st's step figures as the summary of the first size bytes of
 * fd.  Failing is quiet: it only costs time. */
static void
write_summary(const char *cachedir, const char *spath, int fd,
    const struct stat *sb, const struct stats *st)
{
	struct buf b;
	uint64_t dig;
	struct files_part part;
	uint64_t size = (uint64_t)sb->st_size;

	if (!prefix_digest(fd, size < PREFIX_BYTES ? size : PREFIX_BYTES,
	    &dig))
		return;
	buf_init(&b);
	buf_printf(&b, "flashfix-summary 2\n%" PRIu64 " %" PRIx64 " %" PRIu64
	    " %" PRIu64 "\n", size, dig, (uint64_t)sb->st_dev,
	    (uint64_t)sb->st_ino);
	for (size_t i = 0; i < st->n; i++) {
		const struct stat_error *e = &st->errors[i];
		for (size_t k = 0; k < e->nsteps; k++)
			buf_printf(&b, "%s %lu %s %lu %lu\n", *e->id ? e->id :
			    "-", e->steps[k].fix, e->steps[k].level,
			    e->steps[k].tried, e->steps[k].fixed);
	}
	part = (struct files_part){ b.s, b.len };
	if (files_make_dir(cachedir))
		files_write_atomic(spath, &part, 1, 0600, FILES_REPLACE);
	buf_free(&b);
}

/* Whether the first size bytes of fd end a line: a record being
 * appended at this moment is not summed up half read. */
static bool
ends_line(int fd, uint64_t size)
{
	char c;

	return size > 0 && pread(fd, &c, 1, (off_t)(size - 1)) == 1 &&
	    c == '\n';
}

static void
add_one(const struct rec *r, void *ctx)
{
	stats_add(ctx, r);
}

bool
summary_load(struct stats *st, const char *path, const char *cachedir,
    struct diag *d)
{
	struct stat sb;
	char *real = NULL, *spath = NULL;
	uint64_t offset = 0;
	int fd;
	bool ok;

	stats_init(st, (time_t)-1, 0);
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
	if (fd < 0 || fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) ||
	    !cachedir || !(real = realpath(path, NULL))) {
		/* No summary to keep: read it all (the reader says why it
		 * cannot, when it cannot). */
		if (fd >= 0)
			close(fd);
		free(real);
		ok = records_each(path, d, add_one, st);
		stats_done(st);
		return ok;
	}
	spath = xasprintf("%s/records-%016" PRIx64 ".summary", cachedir,
	    util_fnv1a(real, strlen(real)));
	if (!read_summary(spath, fd, &sb, st, &offset)) {
		stats_free(st);
		stats_init(st, (time_t)-1, 0);
		offset = 0;
	}
	/* Only what was appended since. */
	ok = offset >= (uint64_t)sb.st_size ? true :
	    records_each_span(path, d, offset, (uint64_t)sb.st_size, add_one,
	    st);
	stats_done(st);
	if (ok && offset < (uint64_t)sb.st_size &&
	    ends_line(fd, (uint64_t)sb.st_size))
		write_summary(cachedir, spath, fd, &sb, st);
	close(fd);
	free(spath);
	free(real);
	return ok;
}
