/* files.h: writing files so that nothing is lost or half-written:
 * directories made with their parents, writes that survive short writes
 * and interruptions, fsync'd files, and files replaced atomically.
 * Layer: base (uses util only). */
#ifndef FLASHFIX_FILES_H
#define FLASHFIX_FILES_H

#include <stdbool.h>
#include <stddef.h>

/* Creates dir and its parents, each with mode 0700; true when dir is then
 * a directory, else false with errno set. */
bool files_make_dir(const char *dir);

/* Whether dir is this user's own: a directory (not a symbolic link),
 * owned by the user, that no one else (group or others) may write to, as
 * ssh asks of ~/.ssh, under directories that only the user or root may
 * change (owned by one of them, writable by no one else unless sticky as
 * /tmp is), so that no other account can swap it.  Checked each time it
 * is called.  False with why in *why (malloc'd, naming the owner and the
 * mode, and what to do: other names how to choose another, such as
 * "--state-dir"). */
bool files_private_dir(const char *dir, const char *other, char **why);

/* Opens path to read it, never blocking and never through a terminal:
 * opened O_NONBLOCK, then fstat'd, so that a FIFO, a device or a
 * directory put where a file is expected is refused at once (errno
 * EINVAL, *not_regular set) instead of waiting for a writer forever.
 * The descriptor returned blocks again.  -1 with errno set. */
int files_open_regular(const char *path, bool *not_regular);

/* Writes all of s to fd, through interruptions and short writes; false
 * with errno set. */
bool write_full(int fd, const void *s, size_t n);

/* Creates path (O_CREAT, O_NOFOLLOW and oflags such as O_EXCL or
 * O_TRUNC, with mode), writes data, fsyncs and closes it; false with
 * errno set (the file may be left, partly written).  A FIFO or device
 * at path is refused, never waited on. */
bool write_synced(const char *path, int oflags, int mode, const char *data,
    size_t n);

/* One piece of a file written by files_write_atomic(). */
struct files_part {
	const void *p;
	size_t n;
};

enum files_replace {
	FILES_KEEP,     /* an existing file stays; errno EEXIST */
	FILES_REPLACE,  /* an existing file is replaced */
};

/* Writes the parts to path atomically: a temporary file in the same
 * directory (named PATH.tmp.HOST.PID.XXXXXX, so that a reader never
 * sees it as
 * PATH), fsync'd, then renamed over path (FILES_REPLACE) or linked to it
 * (FILES_KEEP, which refuses an existing file), and the directory
 * fsync'd.  A reader sees the old file or the new one, never a part.
 * mode is given to the new file.  False with errno set; no temporary
 * file is left. */
bool files_write_atomic(const char *path, const struct files_part *parts,
    size_t nparts, int mode, enum files_replace how);

/* Removes the temporary files of files_write_atomic in dir that a
 * process killed (kill -9, a power cut) left: this user's, made on this
 * host by a process that is gone, and older than max_age seconds. */
void files_clean_temps(const char *dir, long max_age);

#endif
