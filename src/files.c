/* files.c: directories with their parents, whole writes, fsync'd files
 * and atomic replacement.  Layer: base. */
#include <config.h>

#include "files.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <pwd.h>
#include <unistd.h>

#include "i18n.h"
#include "util.h"

bool
files_make_dir(const char *dir)
{
	char *p = xstrdup(dir);
	struct stat st;
	bool ok = true;

	for (char *s = p + 1; ok; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;
		*s = '\0';
		if (mkdir(p, 0700) != 0 && errno != EEXIST)
			ok = false;
		*s = c;
		if (!c)
			break;
	}
	free(p);
	if (!ok)
		return false;
	if (stat(dir, &st) != 0)
		return false;
	if (!S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		return false;
	}
	return true;
}

/* Whether parent, a directory above one of this user's own, lets only
 * this user or root move what it holds: owned by one of them, and
 * writable by no one else unless sticky (as /tmp is). */
static bool
safe_parent(const struct stat *st)
{
	if (st->st_uid != getuid() && st->st_uid != 0)
		return false;
	return !(st->st_mode & (S_IWGRP | S_IWOTH)) ||
	    (st->st_mode & S_ISVTX);
}

/* Says why dir's parent parent (status st) is not safe.  malloc'd. */
static char *
parent_why(const char *dir, const char *parent, const struct stat *st,
    const char *other)
{
	struct passwd *pw = getpwuid(st->st_uid);

	return xasprintf(_("%s is in %s, which belongs to %s with mode %04o: "
	    "another account could move or replace it. flashfix keeps its "
	    "state only under directories that are yours or root's and that "
	    "no one else can write; choose another with %s"), dir, parent,
	    pw ? pw->pw_name : "?", (unsigned)(st->st_mode & 07777), other);
}

bool
files_private_dir(const char *dir, const char *other, char **why)
{
	struct stat st;
	struct passwd *pw;
	char *real;

	*why = NULL;
	if (lstat(dir, &st) != 0) {
		*why = xasprintf(_("cannot use %s: %s"), dir, strerror(errno));
		return false;
	}
	if (S_ISLNK(st.st_mode)) {
		*why = xasprintf(_("%s is a symbolic link; flashfix keeps its "
		    "state only in a directory of your own (it could lead to "
		    "another account's). Remove it, or choose another with "
		    "%s."), dir, other);
		return false;
	}
	if (!S_ISDIR(st.st_mode)) {
		*why = xasprintf(_("cannot use %s: %s"), dir,
		    strerror(ENOTDIR));
		return false;
	}
	if (st.st_uid != getuid() || (st.st_mode & (S_IWGRP | S_IWOTH))) {
		pw = getpwuid(st.st_uid);
		*why = xasprintf(_("%s belongs to %s with mode %04o; flashfix "
		    "keeps its state only in a directory that is yours and "
		    "that no one else can write (chmod 700 %s), as ssh does for "
		    "~/.ssh"), dir, pw ? pw->pw_name : "?",
		    (unsigned)(st.st_mode & 07777), dir);
		return false;
	}
	/* And every directory above it: one that another account owns,
	 * or may write to, lets that account swap dir for its own. */
	real = realpath(dir, NULL);
	if (!real) {
		*why = xasprintf(_("cannot use %s: %s"), dir, strerror(errno));
		return false;
	}
	for (char *slash = strrchr(real, '/'); slash; slash = strrchr(real,
	    '/')) {
		if (slash == real) {
			/* The root directory itself. */
			slash[1] = '\0';
		} else {
			*slash = '\0';
		}
		if (lstat(real, &st) != 0 || !safe_parent(&st)) {
			if (!*why)
				*why = lstat(real, &st) == 0 ?
				    parent_why(dir, real, &st, other) :
				    xasprintf(_("cannot use %s: %s"), real,
				    strerror(errno));
			break;
		}
		if (slash == real)
			break;
	}
	free(real);
	return *why == NULL;
}

int
files_open_regular(const char *path, bool *not_regular)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	int e;

	*not_regular = false;
	if (fd < 0)
		return -1;
	if (fstat(fd, &st) != 0) {
		e = errno;
		close(fd);
		errno = e;
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		*not_regular = true;
		errno = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
		return -1;
	}
	if (fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) != 0) {
		/* Reads of a regular file never wait anyway. */
	}
	return fd;
}

bool
write_full(int fd, const void *s, size_t n)
{
	const char *p = s;

	while (n) {
		ssize_t k = write(fd, p, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			if (k == 0)
				errno = EIO;
			return false;
		}
		p += k;
		n -= (size_t)k;
	}
	return true;
}

/* Writes the parts to fd, fsyncs and closes it; false with errno set (fd
 * closed either way). */
static bool
write_parts(int fd, const struct files_part *parts, size_t nparts)
{
	int e;

	for (size_t i = 0; i < nparts; i++)
		if (!write_full(fd, parts[i].p, parts[i].n))
			goto fail;
	if (fsync(fd) != 0)
		goto fail;
	return close(fd) == 0;
fail:
	e = errno;
	close(fd);
	errno = e;
	return false;
}

bool
write_synced(const char *path, int oflags, int mode, const char *data,
    size_t n)
{
	struct files_part part = { data, n };
	struct stat st;
	/* O_NONBLOCK: a FIFO put at the path never makes the open wait
	 * for a reader; it has no effect on a regular file. */
	int fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW |
	    O_NONBLOCK | oflags, mode);

	if (fd < 0)
		return false;
	errno = 0;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		/* Not a regular file (a FIFO with a reader, a device). */
		int e = errno ? errno : EINVAL;
		close(fd);
		errno = e;
		return false;
	}
	return write_parts(fd, &part, 1);
}

/* Makes the last rename or link in the directory of path durable.  Some
 * file systems refuse to fsync a directory; the data is safe then too. */
static void
sync_dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? xstrndup(path, slash == path ? 1 :
	    (size_t)(slash - path)) : xstrdup(".");
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd >= 0) {
		if (fsync(fd) != 0) {
			/* See above. */
		}
		close(fd);
	}
	free(dir);
}

bool
files_write_atomic(const char *path, const struct files_part *parts,
    size_t nparts, int mode, enum files_replace how)
{
	char host[256];
	char *tmp, *p;
	int fd, e;

	/* PATH.tmp.HOST.PID.XXXXXX: who made it, so that one a killed
	 * process left can be told from one being written. */
	if (gethostname(host, sizeof host) != 0)
		host[0] = '\0';
	host[sizeof host - 1] = '\0';
	for (p = host; *p; p++)
		if (*p == '/' || *p == '.')
			*p = '_';
	tmp = xasprintf("%s.tmp.%s.%ld.XXXXXX", path, *host ? host : "_",
	    (long)getpid());
	fd = mkostemp(tmp, O_CLOEXEC);

	if (fd < 0) {
		e = errno;
		free(tmp);
		errno = e;
		return false;
	}
	/* mkostemp makes it 0600; give it the mode asked for, less the
	 * umask, as open() would have. */
	mode_t mask = umask(0);
	umask(mask);
	if (fchmod(fd, (mode_t)mode & ~mask) != 0) {
		e = errno;
		close(fd);
		errno = e;
		goto fail;
	}
	if (!write_parts(fd, parts, nparts))
		goto fail;
	if (how == FILES_REPLACE ? rename(tmp, path) != 0 :
	    link(tmp, path) != 0)
		goto fail;
	if (how == FILES_KEEP)
		unlink(tmp);
	sync_dir_of(path);
	free(tmp);
	return true;
fail:
	e = errno;
	unlink(tmp);
	free(tmp);
	errno = e;
	return false;
}

/* Whether name is a temporary file of files_write_atomic made on host
 * (as it appears in the name) by a process that is gone. */
static bool
dead_temp(const char *name, const char *host)
{
	const char *t = strstr(name, ".tmp.");
	size_t hl = strlen(host);
	char *end;
	long pid;

	if (!t || strncmp(t + 5, host, hl) != 0 || t[5 + hl] != '.')
		return false;
	pid = strtol(t + 6 + hl, &end, 10);
	if (pid <= 0 || *end != '.' || strlen(end + 1) != 6)
		return false;
	return pid != (long)getpid() && kill((pid_t)pid, 0) != 0 &&
	    errno == ESRCH;
}

void
files_clean_temps(const char *dir, long max_age)
{
	DIR *dp = opendir(dir);
	struct dirent *de;
	char host[256], *p;
	time_t now = time(NULL);

	if (!dp)
		return;
	if (gethostname(host, sizeof host) != 0)
		host[0] = '\0';
	host[sizeof host - 1] = '\0';
	for (p = host; *p; p++)
		if (*p == '/' || *p == '.')
			*p = '_';
	while ((de = readdir(dp)) != NULL) {
		struct stat st;
		if (!dead_temp(de->d_name, *host ? host : "_") ||
		    fstatat(dirfd(dp), de->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 ||
		    !S_ISREG(st.st_mode) || st.st_uid != getuid() ||
		    now - st.st_mtime < max_age)
			continue;
		unlinkat(dirfd(dp), de->d_name, 0);
	}
	closedir(dp);
}
