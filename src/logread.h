/* logread.h: a flash tool's log, read as lines of UTF-8 whatever it was
 * written in: UTF-8 with or without a BOM, UTF-16LE with a BOM (Windows
 * tools), GB18030 (a Chinese Windows), CRLF, colour escapes raw or printed
 * as "←[31m", NUL bytes and binary junk, lines of any length.  Streaming:
 * memory stays bounded whatever the size of the log, and a log still being
 * written can be read on as it grows.  Layer: formats. */
#ifndef FLASHFIX_LOGREAD_H
#define FLASHFIX_LOGREAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "digest.h"
#include "util.h"

/* The part of a line kept; the rest of a longer line is read and
 * dropped. */
#define LOGREAD_LINE_MAX 65536

/* The encodings a log is read in: told by a byte-order mark, or without
 * one by where its NUL bytes fall (ASCII in UTF-16 or UTF-32 leaves them
 * at fixed places). */
enum logread_enc {
	LR_START, LR_UTF8, LR_UTF16LE, LR_UTF16BE, LR_UTF32LE, LR_UTF32BE,
};

struct logread {
	int fd;
	unsigned char *in;     /* one read's bytes */
	char *raw;             /* bytes read, not yet cut into lines */
	size_t rlen, rpos, rcap;
	char *spare;           /* the buffer before raw, left as it was */
	size_t scap;
	unsigned long gen;     /* grows by one each time raw changes
				  buffers: a line given stays where it is
				  until gen has grown by two */
	bool given;            /* a line was given from raw since then */
	unsigned char pend[4]; /* UTF-16/32: a code unit or pair cut by a read */
	size_t npend;
	enum logread_enc enc;
	bool bom;              /* the encoding was told by a byte-order mark */
	bool unsure;           /* NUL bytes at no fixed place: read as UTF-8,
				  but it may be something else */
	bool eof;              /* the last read returned nothing */
	bool dropping;         /* in the part of a long line that is dropped */
	const char *cur;       /* the current line, its bytes as read */
	size_t curlen;
	unsigned long lineno;  /* its number, from 1 */
	uint64_t bytes;        /* bytes read so far */
	uint64_t counted, ctl; /* bytes looked at for control characters
				  (the first MiB, then a sample of each
				  read), and the controls among them */
	struct digest *dg;     /* when not NULL: the bytes go through it */
};

/* Starts reading fd (not closed by logread_free). */
void logread_init(struct logread *r, int fd);
void logread_free(struct logread *r);

/* The next line in r->cur and r->curlen, its bytes as read (UTF-16 is
 * already UTF-8; without its line end; at most LOGREAD_LINE_MAX bytes),
 * where they stay until gen has grown by two (a call grows it by one at
 * most): 1; 0 at the end of what is there now (more may be read later,
 * as a log grows: a last line without its end is held back until it
 * ends, or until logread_flush()); -1 on a read error (errno).  Lines
 * are not decoded here: most of a log never needs it. */
int logread_next(struct logread *r);
/* At the real end of the input: the last line even without its end.  1
 * with it in r->cur, 0 when there is none. */
int logread_flush(struct logread *r);

/* The name of the encoding r reads ("UTF-16LE"), once known. */
const char *logread_encoding(const struct logread *r);

/* Whether what r has read so far is not text: control characters (not
 * TAB, CR, LF, FF, ESC, nor NUL, which pads a log cut by a power loss)
 * make more than 3 in 100 of it, as in binary data; *pct gets their
 * share.  False until enough is read to tell. */
bool logread_not_text(const struct logread *r, unsigned *pct);

/* Starts r again from the start of its file (which was truncated or
 * replaced): the encoding is told again and lines count from 1. */
void logread_restart(struct logread *r);

/* A line's bytes as text: \r and colour escapes gone, NUL and other
 * controls as spaces, converted from GB18030 when it is not UTF-8; into
 * out (reset first). */
void logread_decode(const char *s, size_t n, struct buf *out);

/* The line of text cleaned as logread_next() cleans a line: colour
 * escapes (raw or printed as ←[..m) removed, NUL and other C0 controls
 * but TAB as spaces; into out (reset first). */
void logread_clean(const char *s, size_t n, struct buf *out);

#endif
