/* csvbound.h: what a knowledge-base file may be, checked before it is
 * parsed.  Layer: formats (used by csvfile). */
#ifndef FLASHFIX_CSVBOUND_H
#define FLASHFIX_CSVBOUND_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

/* What a knowledge-base file may be (flashfix(5)): its size in bytes,
 * its lines (counted before it is parsed, so that a file far too long
 * is refused at once) and the bytes of one value. */
#define CSVFILE_MAX_BYTES (64UL * 1024 * 1024)
#define CSVFILE_MAX_LINES 500000UL
#define CSVFILE_MAX_FIELD 65536UL

/* Whether the file open on fd is within CSVFILE_MAX_BYTES and
 * CSVFILE_MAX_LINES (lines counted with memchr); said once to d (as
 * name) when not.  The file offset is not moved. */
bool csvfile_within_bounds(int fd, const char *name, struct diag *d);
/* "UTF-16" or "UTF-32" when the first n bytes s are (a byte-order mark,
 * or a NUL in every other byte), else NULL. */
const char *csvfile_utf16_kind(const char *s, size_t n);
/* Whether s[0..n) is UTF-8, allowing a sequence cut at the end. */
bool csvfile_utf8_prefix(const char *s, size_t n);

#endif
