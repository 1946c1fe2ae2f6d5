/* csvbound.c: what a knowledge-base file may be (its size, its lines)
 * and whether its bytes are UTF-16, checked before it is parsed.
 * Layer: formats. */
#include <config.h>

#include "csvbound.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <unistr.h>

#include "i18n.h"
#include "text.h"
#include "util.h"

/* Whether the file open on fd is within what a knowledge-base file may
 * be: its size, then its lines, counted with memchr before anything is
 * parsed; said once when not.  The offset is left at 0. */
bool
csvfile_within_bounds(int fd, const char *name, struct diag *d)
{
	struct stat st;
	char *buf;
	unsigned long lines = 0;
	off_t at = 0;

	if (fstat(fd, &st) != 0)
		return true; /* read() will say */
	if ((uint64_t)st.st_size > CSVFILE_MAX_BYTES) {
		diag_add(d, DIAG_ERROR, name, 0, 0, _("file is larger than "
		    "%lu MiB; split it"), CSVFILE_MAX_BYTES >> 20);
		return false;
	}
	if ((uint64_t)st.st_size < CSVFILE_MAX_LINES)
		return true; /* fewer bytes than lines allowed */
	buf = xmalloc(1 << 20);
	for (;;) {
		ssize_t k = pread(fd, buf, 1 << 20, at);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			break;
		for (const char *p = buf, *e = buf + k;
		    (p = memchr(p, '\n', (size_t)(e - p))) != NULL; p++)
			lines++;
		at += k;
	}
	free(buf);
	if (lines > CSVFILE_MAX_LINES) {
		diag_add(d, DIAG_ERROR, name, 0, 0, _("file has %lu lines; a "
		    "knowledge-base file holds at most %lu (flashfix(5)): split "
		    "it, or keep only what the shop needs"), lines,
		    CSVFILE_MAX_LINES);
		return false;
	}
	return true;
}

/* Whether the first bytes of a file are UTF-16 (or UTF-32): a byte-order
 * mark, or a NUL in every other byte of what would be text. */
const char *
csvfile_utf16_kind(const char *s, size_t n)
{
	size_t nul = 0, m = n < 4096 ? n : 4096;

	if (n >= 4 && (memcmp(s, "\xff\xfe\0\0", 4) == 0 ||
	    memcmp(s, "\0\0\xfe\xff", 4) == 0))
		return "UTF-32";
	if (n >= 2 && (memcmp(s, "\xff\xfe", 2) == 0 ||
	    memcmp(s, "\xfe\xff", 2) == 0))
		return "UTF-16";
	for (size_t i = 0; i < m; i++)
		nul += s[i] == '\0';
	return m >= 8 && nul * 4 >= m ? "UTF-16" : NULL;
}


/* Whether s[0..n) is UTF-8, allowing a sequence cut at the end. */
bool
csvfile_utf8_prefix(const char *s, size_t n)
{
	size_t bad;
	ucs4_t c;

	if (text_valid_utf8(s, n, &bad))
		return true;
	return n - bad < 4 &&
	    u8_mbtoucr(&c, (const uint8_t *)s + bad, n - bad) == -2;
}
