/* csvfile.c: reading a CSV file with libcsv into records keyed by header
 * name, with the source line and column of every value.
 *
 * libcsv reports a field when it reads the delimiter or line end after it,
 * so the input is fed to it in pieces that each end at a ',' or a line
 * end: a field callback then always belongs to the last byte fed, and the
 * reader knows where in the source every field began and ended.
 * Layer: formats. */
#include <config.h>

#include "csvfile.h"
#include "csvbound.h"

#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <uniconv.h>
#include <unistr.h>

#include "digest.h"
#include "files.h"
#include "i18n.h"
#include "text.h"
#include "util.h"

struct field {
	const char *s;     /* set when the row is complete */
	size_t off, len;   /* in reader.rowtext */
	char *escaped;     /* a replacement for a value unfit to show */
	struct csvpos pos;
	struct csvspan span;
	bool quoted;
};

struct reader {
	const char *name;
	const struct csvcol *cols;
	size_t ncols;
	struct diag *d;
	csvfile_fn fn;
	void *ctx;

	struct csv_parser p;
	struct csvpos cur;     /* position of the next byte to scan */
	bool prev_cr;          /* last byte scanned was CR */
	bool need_start;       /* the next field's start is not yet known */
	struct csvpos start;   /* start of the field being read */
	char start_byte;       /* its first byte */
	struct csvpos last;    /* position of the last byte fed */
	unsigned long foff;    /* file offset of the bytes being fed */
	unsigned long start_off, last_off; /* file offsets of those two */
	bool raw;              /* the bytes fed are the file's own */
	struct digest dg;      /* of every byte read */
	bool eof;              /* read to the end */
	bool fini;             /* csv_fini is ending the last field */

	struct field *row;
	size_t nrow, caprow;
	struct buf rowtext;    /* the row's values, each NUL-terminated */

	bool have_header;
	bool header_ok;
	size_t nheader;
	long *map;             /* file column -> caller column, or -1 */

	/* Per caller column, for the record handed to fn. */
	const char **v;
	size_t *len;
	struct csvpos *pos;
	bool *present;
	struct csvspan *span;
};

/* Advances pos over the bytes s[0..n). */
static void
advance(struct csvpos *pos, bool *prev_cr, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '\n') {
			if (!*prev_cr) {
				pos->line++;
				pos->col = 1;
			}
			*prev_cr = false;
		} else if (c == '\r') {
			pos->line++;
			pos->col = 1;
			*prev_cr = true;
		} else {
			if ((c & 0xc0) != 0x80)
				pos->col++;
			*prev_cr = false;
		}
	}
}

/* Position of byte off inside a field's value. */
static struct csvpos
field_pos(const struct field *f, size_t off)
{
	struct csvpos pos = f->pos;
	bool cr = false;

	if (f->quoted)
		pos.col++;
	advance(&pos, &cr, f->s, off);
	return pos;
}

/* Adds a value as libcsv gave it to b.  Spreadsheets put CRLF inside
 * quoted cells: keep plain LF. */
static void
add_value(struct buf *b, const char *in, size_t len)
{
	if (!memchr(in, '\r', len)) {
		buf_add(b, in, len);
		return;
	}
	for (size_t i = 0; i < len; i++) {
		if (in[i] == '\r' && i + 1 < len && in[i + 1] == '\n')
			continue;
		buf_addc(b, in[i] == '\r' ? '\n' : in[i]);
	}
}

static void
on_field(void *data_, size_t len, void *data)
{
	struct reader *r = data;
	struct field *f;
	size_t start;

	r->row = xgrow(r->row, &r->caprow, r->nrow + 1, sizeof *r->row);
	f = &r->row[r->nrow++];
	start = r->rowtext.len;
	add_value(&r->rowtext, data_, len);
	f->off = start;
	f->len = r->rowtext.len - start;
	buf_addc(&r->rowtext, '\0');
	f->s = NULL;
	f->escaped = NULL;
	/* The field's bytes end before the delimiter just fed, or with the
	 * file. */
	f->span.ok = r->raw;
	if (r->need_start) {
		f->pos = r->last;
		f->quoted = false;
		f->span.off = r->last_off;
		f->span.len = 0;
	} else {
		f->pos = r->start;
		f->quoted = r->start_byte == '"';
		f->span.off = r->start_off;
		f->span.len = r->last_off + (r->fini ? 1 : 0) - r->start_off;
	}
	r->need_start = true;
	if (f->len > CSVFILE_MAX_FIELD)
		diag_add(r->d, DIAG_ERROR, r->name, f->pos.line, f->pos.col,
		    _("this value is %zu bytes long; a value holds at most "
		    "%lu bytes"), f->len, CSVFILE_MAX_FIELD);
}

static void
clear_row(struct reader *r)
{
	for (size_t i = 0; i < r->nrow; i++)
		free(r->row[i].escaped);
	r->nrow = 0;
	buf_reset(&r->rowtext);
}

/* Points the fields at their text, now that the row buffer is final. */
static void
settle_row(struct reader *r)
{
	for (size_t i = 0; i < r->nrow; i++)
		r->row[i].s = r->rowtext.s + r->row[i].off;
}

/* Lowercases ASCII letters in place. */
static void
ascii_lower(char *s)
{
	for (; *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s - 'A' + 'a');
}

static void check_value(struct reader *r, struct field *f);

static void
do_header(struct reader *r)
{
	r->nheader = r->nrow;
	r->map = xcalloc(r->nrow, sizeof *r->map);
	r->header_ok = true;
	for (size_t i = 0; i < r->nrow; i++) {
		struct field *f = &r->row[i];
		/* A NUL or a control character in a name: said, as in any
		 * value (the name is then no column's). */
		if (text_find_bad(f->s, f->len) != (size_t)-1) {
			check_value(r, f);
			r->header_ok = false;
		}
		ascii_lower(r->rowtext.s + f->off);
		r->map[i] = -1;
		if (f->len == 0) {
			diag_add(r->d, DIAG_WARNING, r->name, f->pos.line,
			    f->pos.col, _("column %zu has no name; it is ignored"),
			    i + 1);
			continue;
		}
		for (size_t c = 0; c < r->ncols; c++)
			if (strcmp(f->s, r->cols[c].name) == 0)
				r->map[i] = (long)c;
		if (r->map[i] < 0) {
			char *e = text_sanitize(f->s, true);
			diag_add(r->d, DIAG_WARNING, r->name, f->pos.line,
			    f->pos.col, _("unknown column '%s' is ignored; "
			    "see flashfix(5) for the column names"), e);
			free(e);
			continue;
		}
		for (size_t j = 0; j < i; j++)
			if (r->map[j] == r->map[i]) {
				diag_add(r->d, DIAG_ERROR, r->name,
				    f->pos.line, f->pos.col,
				    _("column '%s' appears twice in the header; "
				    "remove one"), f->s);
				r->header_ok = false;
			}
	}
	for (size_t c = 0; c < r->ncols; c++) {
		bool found = false;
		for (size_t i = 0; i < r->nheader; i++)
			if (r->map[i] == (long)c)
				found = true;
		r->present[c] = found;
		if (!found && r->cols[c].required) {
			struct csvpos p = r->nrow ? r->row[0].pos :
			    (struct csvpos){ 1, 1 };
			diag_add(r->d, DIAG_ERROR, r->name, p.line, p.col,
			    _("required column '%s' is missing; add it to the "
			    "header row"), r->cols[c].name);
			r->header_ok = false;
		}
	}
}

/* Checks a value's bytes; replaces it by an escaped copy when it cannot be
 * shown as it is. */
static void
check_value(struct reader *r, struct field *f)
{
	size_t bad;

	bad = text_find_bad(f->s, f->len);
	if (bad == (size_t)-1)
		return;
	ucs4_t c = 0;
	if (u8_mbtoucr(&c, (const uint8_t *)f->s + bad, f->len - bad) < 0) {
		struct csvpos p = field_pos(f, bad);
		diag_add(r->d, DIAG_ERROR, r->name, p.line, p.col,
		    _("invalid UTF-8 (byte 0x%02X); save the file as UTF-8"),
		    (unsigned)(unsigned char)f->s[bad]);
	} else {
		struct csvpos p = field_pos(f, bad);
		diag_add(r->d, DIAG_ERROR, r->name, p.line, p.col,
		    _("control character U+%04X in the text; remove it"),
		    (unsigned)c);
	}
	f->escaped = text_escape(f->s, f->len, TEXT_KEEP_NL);
	f->s = f->escaped;
	f->len = strlen(f->escaped);
	f->span.ok = false;
}

static void
on_row(int term, void *data)
{
	struct reader *r = data;
	bool empty = true;

	(void)term;
	settle_row(r);
	if (!r->have_header) {
		r->have_header = true;
		do_header(r);
		clear_row(r);
		return;
	}
	for (size_t i = 0; i < r->nrow; i++)
		if (r->row[i].len)
			empty = false;
	if (empty || !r->header_ok)
		goto done; /* blank spreadsheet rows carry nothing */
	if (r->nrow != r->nheader) {
		const struct field *f = r->nrow > r->nheader ?
		    &r->row[r->nheader] : &r->row[r->nrow - 1];
		diag_add(r->d, DIAG_ERROR, r->name, f->pos.line, f->pos.col,
		    r->nrow > r->nheader ?
		    _("this row has %zu fields but the header has %zu; quote "
		    "values that contain commas") :
		    _("this row has %zu fields but the header has %zu; add the "
		    "missing fields or quote values with line breaks"),
		    r->nrow, r->nheader);
		goto done;
	}
	for (size_t c = 0; c < r->ncols; c++) {
		r->v[c] = "";
		r->len[c] = 0;
		r->pos[c] = r->row[0].pos;
		r->span[c] = (struct csvspan){ 0, 0, false };
	}
	for (size_t i = 0; i < r->nrow; i++) {
		struct field *f = &r->row[i];
		long c = r->map[i];
		if (c < 0)
			continue;
		check_value(r, f);
		r->v[c] = f->s;
		r->len[c] = f->len;
		r->pos[c] = f->pos;
		r->span[c] = f->span;
	}
	{
		struct csvrec rec = {
			.file = r->name, .start = r->row[0].pos, .v = r->v,
			.len = r->len, .pos = r->pos, .present = r->present,
			.span = r->span,
		};
		r->fn(&rec, r->ctx);
	}
done:
	clear_row(r);
}

/* Feeds s[0..n) to libcsv in pieces that end at delimiters.  Returns
 * false after a parse error, which it reports. */
static bool
feed(struct reader *r, const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		size_t j = i;
		struct csvpos piece = r->cur;
		size_t done, chars = 0;

		/* One pass finds the delimiter and counts the characters
		 * (bytes that are not UTF-8 continuations) before it. */
		for (; j < n; j++) {
			unsigned char c = (unsigned char)s[j];
			if (c == ',' || c == '\n' || c == '\r')
				break;
			chars += (c & 0xc0) != 0x80;
		}
		if (j < n)
			j++; /* the delimiter ends the piece */
		else
			chars -= ((unsigned char)s[j - 1] & 0xc0) != 0x80;
		/* A piece holds at most one line end, as its last byte, so
		 * only a piece that is just a line end starts no field. */
		if (r->need_start && s[i] != '\n' && s[i] != '\r') {
			r->start = piece;
			r->start_byte = s[i];
			r->start_off = r->foff + i;
			r->need_start = false;
		}
		r->last_off = r->foff + j - 1;
		/* The last byte fed sits on the piece's line, after its
		 * other characters. */
		r->last = piece;
		r->last.col += chars;
		r->cur = r->last;
		if (r->prev_cr && j - i == 1 && s[i] == '\n') {
			r->prev_cr = false; /* the LF of a CRLF */
		} else {
			r->prev_cr = false;
			advance(&r->cur, &r->prev_cr, s + j - 1, 1);
		}
		done = csv_parse(&r->p, s + i, j - i, on_field, on_row, r);
		if (done != j - i) {
			struct csvpos p = piece;
			advance(&p, &(bool){ false }, s + i, done);
			if (csv_error(&r->p) == CSV_ENOMEM)
				xnomem();
			diag_add(r->d, DIAG_ERROR, r->name, p.line, p.col,
			    _("misplaced quote: a quoted value must be quoted "
			    "as a whole, with inner quotes doubled (\"\")"));
			return false;
		}
		i = j;
	}
	return true;
}

static ssize_t read_some(struct reader *r, int fd, char *into, size_t room);

/* Reads the rest of fd onto the end of all. */
static bool
slurp(struct reader *r, int fd, struct buf *all)
{
	char tmp[65536];

	for (;;) {
		ssize_t k = read_some(r, fd, tmp, sizeof tmp);
		if (k < 0)
			return false;
		if (k == 0)
			return true;
		if (all->len + (size_t)k > CSVFILE_MAX_BYTES) {
			diag_add(r->d, DIAG_ERROR, r->name, 0, 0,
			    _("file is larger than %lu MiB; split it"),
			    CSVFILE_MAX_BYTES >> 20);
			return false;
		}
		buf_add(all, tmp, (size_t)k);
	}
}

/* The file's bytes are not UTF-8: convert from GB18030, the encoding a
 * Chinese spreadsheet saves "CSV" in, and say so.  NULL when they are not
 * GB18030 either: then one error says where (*said set), at the first
 * byte that is neither, or at a character cut short by the file's end. */
static char *
from_gb18030(struct reader *r, const char *s, size_t n, size_t *outlen,
    bool *said)
{
	iconv_t cd = iconv_open("UTF-8", "GB18030");
	/* No more than 3 bytes of UTF-8 for every 2 of GB18030. */
	size_t cap = n * 2 + 16, inleft = n, outleft = cap, rc;
	char *out, *in = (char *)s, *o;
	int e;

	*said = false;
	if (cd == (iconv_t)-1)
		return NULL;
	out = o = xmalloc(cap);
	rc = iconv(cd, &in, &inleft, &o, &outleft);
	e = errno;
	if (rc != (size_t)-1)
		rc = iconv(cd, NULL, NULL, &o, &outleft);
	iconv_close(cd);
	if (rc == (size_t)-1) {
		/* Where: the text converted so far gives the line and
		 * the column, as the file's characters count them. */
		struct csvpos p = { 1, 1 };
		bool cr = false;
		unsigned char b = inleft ? (unsigned char)*in : 0;
		advance(&p, &cr, out, (size_t)(o - out));
		if (e == EINVAL)
			diag_add(r->d, DIAG_ERROR, r->name, p.line, p.col,
			    _("the file ends in the middle of a GB18030 "
			    "character (byte 0x%02X); it is neither UTF-8 nor "
			    "GB18030: save it as CSV UTF-8"), b);
		else
			diag_add(r->d, DIAG_ERROR, r->name, p.line, p.col,
			    _("invalid UTF-8 (byte 0x%02X), and not GB18030 "
			    "either (read as GB18030 up to here); save the file "
			    "as CSV UTF-8"), b);
		*said = true;
		free(out);
		return NULL;
	}
	*outlen = (size_t)(o - out);
	diag_add(r->d, DIAG_WARNING, r->name, 0, 0,
	    _("not UTF-8; read as GB18030 (save it as CSV UTF-8 to silence "
	    "this)"));
	return out;
}

/* Reads up to room bytes into into; -1 after reporting the error. */
static ssize_t
read_some(struct reader *r, int fd, char *into, size_t room)
{
	for (;;) {
		ssize_t k = read(fd, into, room);
		if (k < 0 && errno == EINTR)
			continue;
		if (k > 0)
			digest_add(&r->dg, into, (size_t)k);
		else if (k == 0)
			r->eof = true;
		if (k < 0)
			diag_add(r->d, DIAG_ERROR, r->name, 0, 0,
			    _("cannot read: %s"), strerror(errno));
		return k;
	}
}

bool
csvfile_read(const char *path, const char *name, const struct csvcol *cols,
    size_t ncols, struct diag *d, csvfile_fn fn, void *ctx)
{
	return csvfile_read_keep(path, name, cols, ncols, d, fn, ctx, NULL,
	    NULL);
}

bool
csvfile_read_keep(const char *path, const char *name,
    const struct csvcol *cols, size_t ncols, struct diag *d, csvfile_fn fn,
    void *ctx, int *keep, struct csvsum *sum)
{
	struct reader r = {
		.name = name, .cols = cols, .ncols = ncols, .d = d,
		.fn = fn, .ctx = ctx, .cur = { 1, 1 }, .need_start = true,
	};
	enum { CHUNK = 65536 };
	char *chunk = NULL, *conv = NULL;
	size_t total = 0;
	ssize_t k;
	bool ok = false, fed = true, odd, said = false;
	int fd;

	fd = files_open_regular(path, &odd);
	if (fd < 0) {
		if (odd)
			diag_add(d, DIAG_ERROR, name, 0, 0, _("not a regular "
			    "file (a FIFO, a device or a directory); a "
			    "knowledge-base file must be a plain file"));
		else
			diag_add(d, DIAG_ERROR, name, 0, 0,
			    _("cannot open: %s"), strerror(errno));
		return false;
	}
	if (!csvfile_within_bounds(fd, name, d)) {
		close(fd);
		return false;
	}
	r.v = xcalloc(ncols, sizeof *r.v);
	r.len = xcalloc(ncols, sizeof *r.len);
	r.pos = xcalloc(ncols, sizeof *r.pos);
	r.present = xcalloc(ncols, sizeof *r.present);
	r.span = xcalloc(ncols, sizeof *r.span);
	digest_init(&r.dg);
	if (csv_init(&r.p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL))
		xnomem();
	chunk = xmalloc(CHUNK);

	/* The first chunk tells the encoding: UTF-8 (with or without a
	 * BOM) is read a chunk at a time; anything else is taken whole and
	 * converted from GB18030 when it can be.  Bad bytes found later are
	 * reported where they are. */
	k = read_some(&r, fd, chunk, CHUNK);
	if (k < 0)
		goto out;
	r.raw = true;
	if (csvfile_utf16_kind(chunk, (size_t)k)) {
		/* Every other byte a NUL: one message, not one a byte. */
		diag_add(d, DIAG_ERROR, name, 0, 0, _("this file is %s (a "
		    "spreadsheet's \"Unicode text\"); save it as CSV UTF-8"),
		    csvfile_utf16_kind(chunk, (size_t)k));
		goto out;
	}
	if (k >= 3 && memcmp(chunk, "\xef\xbb\xbf", 3) == 0) {
		r.foff = 3;
		fed = feed(&r, chunk + 3, (size_t)k - 3);
	} else if (!csvfile_utf8_prefix(chunk, (size_t)k)) {
		struct buf all;
		size_t clen;
		buf_init(&all);
		buf_add(&all, chunk, (size_t)k);
		if (!slurp(&r, fd, &all)) {
			buf_free(&all);
			goto out;
		}
		conv = from_gb18030(&r, all.s, all.len, &clen, &said);
		if (!conv && said) {
			buf_free(&all);
			goto out;
		}
		r.raw = !conv;
		fed = conv ? feed(&r, conv, clen) : feed(&r, all.s, all.len);
		buf_free(&all);
		k = 0;
	} else {
		fed = feed(&r, chunk, (size_t)k);
	}
	total = (size_t)k;
	while (fed && k > 0) {
		k = read_some(&r, fd, chunk, CHUNK);
		if (k < 0)
			goto out;
		r.foff = total;
		total += (size_t)k;
		if (total > CSVFILE_MAX_BYTES) {
			diag_add(d, DIAG_ERROR, name, 0, 0,
			    _("file is larger than %lu MiB; split it"),
			    CSVFILE_MAX_BYTES >> 20);
			goto out;
		}
		fed = feed(&r, chunk, (size_t)k);
	}
	if (fed) {
		r.fini = true;
		if (csv_fini(&r.p, on_field, on_row, &r) != 0) {
			diag_add(d, DIAG_ERROR, name, r.start.line, r.start.col,
			    _("quoted value is never closed; add the closing "
			    "quote (\")"));
		} else if (!r.have_header) {
			diag_add(d, DIAG_ERROR, name, 1, 1,
			    _("file is empty; it needs a header row"));
		} else {
			ok = r.header_ok;
		}
	}
out:
	if (sum) {
		sum->size = r.dg.total;
		sum->digest = digest_end(&r.dg);
		sum->whole = r.eof;
	}
	if (keep)
		*keep = fd;
	else
		close(fd);
	csv_free(&r.p);
	clear_row(&r);
	buf_free(&r.rowtext);
	free(r.row);
	free(r.map);
	free(r.v);
	free(r.len);
	free(r.pos);
	free(r.present);
	free(r.span);
	free(conv);
	free(chunk);
	return ok;
}

struct one_field {
	struct buf *out;
	size_t fields;
};

static void
on_one_field(void *data_, size_t len, void *data)
{
	struct one_field *of = data;

	if (of->fields++ == 0)
		add_value(of->out, data_, len);
}

bool
csvfile_field(int fd, const struct csvspan *sp, struct buf *out)
{
	struct one_field of = { .out = out };
	struct csv_parser p;
	char *raw;
	size_t got = 0, done;
	bool ok;

	buf_reset(out);
	if (!sp->ok) {
		errno = 0;
		return false;
	}
	raw = xmalloc(sp->len ? sp->len : 1);
	while (got < sp->len) {
		ssize_t k = pread(fd, raw + got, sp->len - got,
		    (off_t)(sp->off + got));
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			if (k == 0)
				errno = 0; /* the file got shorter */
			free(raw);
			return false;
		}
		got += (size_t)k;
	}
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL))
		xnomem();
	done = csv_parse(&p, raw, sp->len, on_one_field, NULL, &of);
	ok = done == sp->len && csv_fini(&p, on_one_field, NULL, &of) == 0 &&
	    (of.fields == 1 || (sp->len == 0 && of.fields == 0));
	csv_free(&p);
	free(raw);
	buf_addc(out, '\0');
	out->len--;
	if (!ok)
		errno = 0;
	return ok;
}
