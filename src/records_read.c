/* records_read.c: the records file read back: split into records by
 * hand (a damaged one is reported and skipped, never stops the reader),
 * each parsed with its steps, streamed or kept.  Layer: records. */
#include <config.h>

#include "records.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csv.h>

#include "i18n.h"
#include "records_int.h"
#include "util.h"

/* ---- reading ----
 * Records are split by hand, so that a damaged one (cut short by a
 * crash, edited by hand) is reported and skipped, and never stops the
 * reader.  A record is the lines from one that starts a field to the one
 * that closes every quote; each record is then parsed on its own. */

struct readctx {
	const char *path;
	struct diag *d;
	record_fn fn;
	void *ctx;
	int map[NCOLS];        /* column of each record field, or -1 */
	size_t ncols;          /* columns in the header; 0: no header yet */
	uint64_t offset, end;  /* the bytes of the record being parsed */
	struct csv_parser p;   /* one parser, reset after each record */
	struct buf fields;     /* the fields' bytes, each ending in NUL */
	size_t *at;            /* where each field starts in fields */
	const char **v;        /* the fields, once the record is parsed */
	size_t nv, capat, capv;
	bool too_many;
};

static void
on_field(void *s, size_t n, void *ctx)
{
	struct readctx *rc = ctx;

	if (rc->nv >= NCOLS * 4) {
		rc->too_many = true;
		return;
	}
	rc->at = xgrow(rc->at, &rc->capat, rc->nv + 1, sizeof *rc->at);
	rc->at[rc->nv++] = rc->fields.len;
	if (s && n)
		buf_add(&rc->fields, s, n);
	buf_addc(&rc->fields, '\0');
}

/* The fields of the record just parsed, as strings in rc->v. */
static void
point_fields(struct readctx *rc)
{
	rc->v = xgrow(rc->v, &rc->capv, rc->nv + 1, sizeof *rc->v);
	for (size_t i = 0; i < rc->nv; i++)
		rc->v[i] = rc->fields.s + rc->at[i];
}

static void
clear_fields(struct readctx *rc)
{
	buf_reset(&rc->fields);
	rc->nv = 0;
	rc->too_many = false;
}

static void
damaged(struct readctx *rc, unsigned long line, const char *why)
{
	diag_add(rc->d, DIAG_WARNING, rc->path, line, 1, _("damaged record "
	    "skipped (%s); the other records are read"), why);
}

/* The header: which column holds which field.  False when this is not a
 * records file. */
static bool
header(struct readctx *rc)
{
	for (size_t i = 0; i < NCOLS; i++)
		rc->map[i] = -1;
	for (size_t c = 0; c < rc->nv; c++)
		for (size_t i = 0; i < NCOLS; i++)
			if (strcmp(rc->v[c], records_cols[i].name) == 0)
				rc->map[i] = (int)c;
	rc->ncols = rc->nv;
	return rc->map[0] >= 0 && rc->map[COL_OUTCOME] >= 0;
}

/* The record's outcome and stage from their columns.  A session saved
 * before the stage had a column kept it in the outcome.  False (and why)
 * when the outcome is no outcome. */
static bool
parse_state(struct record *r, const char *outcome, const char *stage,
    const char **why)
{
	r->outcome = wizard_outcome_parse(outcome);
	r->stage = wizard_stage_parse(stage);
	if (r->stage < 0 && r->outcome == OUT_NONE)
		r->stage = wizard_stage_parse(outcome);
	if (r->outcome == OUT_NONE && r->stage < 0) {
		*why = _("no outcome");
		return false;
	}
	return true;
}

bool
records_no_error_chosen(const struct record *r)
{
	return r->outcome == OUT_ABANDONED && !*r->error_id &&
	    r->stage >= STAGE_PLATFORM && r->stage <= STAGE_SYMPTOM;
}

/* Hands a record whose fields are in rc->v to the reader's function. */
static void
deliver(struct readctx *rc, unsigned long line)
{
	struct record rec = { .line = line, .offset = rc->offset,
		.end = rc->end };
	const char *f[NCOLS], *why = NULL;

	for (size_t i = 0; i < NCOLS; i++)
		f[i] = rc->map[i] >= 0 ? rc->v[rc->map[i]] : "";
	for (size_t i = 0; i < NCOLS; i++)
		if (records_cols[i].off != RECORDS_PARSED)
			*records_text_of(&rec, i) = f[i];
	if (!*rec.id)
		damaged(rc, line, _("no id"));
	else if (!parse_state(&rec, f[COL_OUTCOME], f[COL_STAGE], &why))
		damaged(rc, line, why);
	else
		rc->fn(&rec, rc->ctx);
}

/* The fields of a record written as flashfix writes them, every field
 * quoted, split without libcsv (a third of the time of reading years of
 * records).  False, nothing kept, for any other shape: libcsv parses it
 * then, and says what is wrong. */
static bool
quoted_fields(struct readctx *rc, const char *s, size_t n)
{
	const char *p = s, *e = s + n;

	while (p < e && *p == '"' && rc->nv < NCOLS * 4) {
		rc->at = xgrow(rc->at, &rc->capat, rc->nv + 1, sizeof *rc->at);
		rc->at[rc->nv++] = rc->fields.len;
		for (p++;;) {
			const char *q = memchr(p, '"', (size_t)(e - p));
			if (!q)
				goto other;
			buf_add(&rc->fields, p, (size_t)(q - p));
			p = q + 1;
			if (p < e && *p == '"') {
				buf_addc(&rc->fields, '"');
				p++;
			} else
				break;
		}
		buf_addc(&rc->fields, '\0');
		if (p == e)
			return true;
		if (*p++ != ',')
			break;
	}
other:
	clear_fields(rc);
	return false;
}

/* Parses one record's text; false when the file is not a records file. */
static bool
parse_one(struct readctx *rc, const char *s, size_t n, unsigned long line)
{
	bool ok;

	/* csv_fini ends the record and resets the parser for the next. */
	ok = quoted_fields(rc, s, n);
	if (!ok) {
		ok = csv_parse(&rc->p, s, n, on_field, NULL, rc) == n;
		ok = csv_fini(&rc->p, on_field, NULL, rc) == 0 && ok;
	}
	if (!ok) {
		/* A parser stopped by an error is not reset: a new one. */
		csv_free(&rc->p);
		if (csv_init(&rc->p, CSV_STRICT | CSV_STRICT_FINI) != 0)
			xnomem();
	}
	point_fields(rc);
	if (!rc->ncols) {
		bool is = ok && header(rc);
		clear_fields(rc);
		if (!is)
			diag_add(rc->d, DIAG_ERROR, rc->path, line, 1,
			    _("not a flashfix records file: the first line "
			    "is not the records header"));
		return is;
	}
	if (!ok)
		damaged(rc, line, _("not valid CSV"));
	else if (rc->too_many || rc->nv != rc->ncols)
		damaged(rc, line, _("wrong number of fields"));
	else
		deliver(rc, line);
	clear_fields(rc);
	return true;
}

/* Whether a line opens a record as this program writes them: a quoted
 * id, then the next field. */
static bool
starts_record(const char *s)
{
	size_t n;

	if (*s != '"')
		return false;
	n = strspn(s + 1, "0123456789abcdef-");
	return n > 0 && n < 40 && strncmp(s + 1 + n, "\",\"", 3) == 0;
}

bool
records_read(const char *path, struct diag *d, record_fn fn, void *ctx)
{
	return records_read_span(path, d, 0, UINT64_MAX, fn, ctx);
}

/* Reads the records of fp (named path) in [from, to) to rc's function,
 * after the header.  False when it is not a records file or cannot be
 * read. */
static bool
read_stream(FILE *fp, struct readctx *rc, uint64_t from, uint64_t to)
{
	struct buf rec;
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	unsigned long lineno = 0, start = 0;
	uint64_t pos = 0, rec_start = 0;
	bool open_quote = false, ok = true;

	buf_init(&rec);
	buf_init(&rc->fields);
	if (csv_init(&rc->p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		xnomem();
	while (ok && pos < to && (len = getline(&line, &cap, fp)) >= 0) {
		lineno++;
		if (!rec.len)
			rec_start = pos;
		pos += (uint64_t)len;
		if (rec.len && open_quote && starts_record(line)) {
			/* The record before never closed its quote: cut
			 * short.  This line starts the next one. */
			damaged(rc, start, _("cut short"));
			buf_reset(&rec);
			open_quote = false;
		}
		if (!rec.len)
			start = lineno;
		buf_add(&rec, line, (size_t)len);
		for (const char *q = line; (q = memchr(q, '"', (size_t)(line +
		    len - q))) != NULL; q++)
			open_quote = !open_quote;
		if (open_quote && len > 0)
			continue;
		/* A whole record (or the last line without its end). */
		while (rec.len && (rec.s[rec.len - 1] == '\n' ||
		    rec.s[rec.len - 1] == '\r'))
			rec.s[--rec.len] = '\0';
		if (rec.len == 0 && rc->ncols) {
			buf_reset(&rec);
			continue;
		}
		rc->offset = rec_start;
		rc->end = pos;
		if (open_quote)
			damaged(rc, start, _("cut short"));
		else
			ok = parse_one(rc, rec.s ? rec.s : "", rec.len, start);
		buf_reset(&rec);
		open_quote = false;
		/* The header read, on to the span asked for. */
		if (ok && rc->ncols && from > pos) {
			if (fseeko(fp, (off_t)from, SEEK_SET) != 0) {
				ok = false;
				break;
			}
			pos = from;
			from = 0;
		}
	}
	if (ok && rec.len)
		damaged(rc, start, _("cut short"));
	if (ok && ferror(fp)) {
		diag_add(rc->d, DIAG_ERROR, rc->path, 0, 0, _("cannot read: %s"),
		    strerror(errno));
		ok = false;
	}
	free(line);
	buf_free(&rec);
	clear_fields(rc);
	csv_free(&rc->p);
	buf_free(&rc->fields);
	free(rc->at);
	free(rc->v);
	return ok;
}

bool
records_read_span(const char *path, struct diag *d, uint64_t from,
    uint64_t to, record_fn fn, void *ctx)
{
	struct readctx rc = { .path = path, .d = d, .fn = fn, .ctx = ctx };
	char *why = NULL;
	int fd = records_open(path, O_RDONLY, &why);
	FILE *fp = fd >= 0 ? fdopen(fd, "r") : NULL;
	bool ok;

	if (!fp) {
		diag_add(d, DIAG_ERROR, path, 0, 0, "%s", why ? why :
		    strerror(errno));
		free(why);
		if (fd >= 0)
			close(fd);
		return false;
	}
	ok = read_stream(fp, &rc, from, to);
	fclose(fp);
	return ok;
}

/* ---- records kept in memory, with their steps ---- */

void
recset_init(struct recset *set)
{
	memset(set, 0, sizeof *set);
	arena_init(&set->a);
}

void
recset_free(struct recset *set)
{
	for (size_t i = 0; i < set->n; i++)
		free(set->v[i].steps);
	free(set->v);
	arena_free(&set->a);
	memset(set, 0, sizeof *set);
}

static const char *
keep(struct recset *set, const char *s, size_t n)
{
	return arena_strndup(&set->a, s, n);
}

/* One line of the steps column: "N level answer [TIME [FIX]][: note]". */
static bool
parse_step(struct recset *set, const char *s, size_t n, struct rstep *st)
{
	const char *end = s + n, *note = NULL, *p = s;
	const char *tok[5] = { 0 };
	size_t len[5] = { 0 };
	int k = 0;
	char *e, *answer;

	for (const char *q = s; q + 1 < end; q++)
		if (q[0] == ':' && q[1] == ' ') {
			note = q + 2;
			end = q;
			break;
		}
	while (p < end && k < 5) {
		while (p < end && *p == ' ')
			p++;
		if (p == end)
			break;
		tok[k] = p;
		while (p < end && *p != ' ')
			p++;
		len[k] = (size_t)(p - tok[k]);
		k++;
	}
	if (k < 3)
		return false;
	st->step = strtoul(tok[0], &e, 10);
	if (e != tok[0] + len[0] || st->step == 0)
		return false;
	st->fix = 0;
	if (k > 4) {
		st->fix = strtoul(tok[4], &e, 10);
		if (e != tok[4] + len[4])
			st->fix = 0;
	}
	answer = xstrndup(tok[2], len[2]);
	st->answer = wizard_answer_parse(answer);
	/* Pending: a session in progress keeps the note of its step. */
	if (st->answer == ANS_NONE && (strcmp(answer, RECORDS_PENDING) != 0 ||
	    !note)) {
		free(answer);
		return false;
	}
	free(answer);
	st->level = keep(set, tok[1], len[1]);
	st->at = k > 3 && !(len[3] == 1 && *tok[3] == '-') ?
	    keep(set, tok[3], len[3]) : "";
	st->note = note ? keep(set, note, (size_t)(s + n - note)) : NULL;
	return true;
}

static void
collect(const struct record *r, void *ctx)
{
	struct recset *set = ctx;
	struct rec *c;
	const char *s;
	size_t cap = 0;

	set->v = xgrow(set->v, &set->cap, set->n + 1, sizeof *set->v);
	c = &set->v[set->n++];
	memset(c, 0, sizeof *c);
	c->r = *r;
	for (size_t i = 0; i < NCOLS; i++)
		if (records_cols[i].off != RECORDS_PARSED) {
			const char **t = records_text_of(&c->r, i);
			*t = keep(set, *t, strlen(*t));
		}
	for (s = c->r.steps; *s;) {
		size_t n = strcspn(s, "\n");
		struct rstep st;
		if (parse_step(set, s, n, &st)) {
			c->steps = xgrow(c->steps, &cap, c->nsteps + 1,
			    sizeof *c->steps);
			c->steps[c->nsteps++] = st;
		}
		s += n;
		if (*s)
			s++;
	}
}

/* One record at a time, with its steps, for records_each(). */
struct each {
	struct recset one;
	void (*fn)(const struct rec *r, void *ctx);
	void *ctx;
};

static void
each_one(const struct record *r, void *ctx)
{
	struct each *e = ctx;

	collect(r, &e->one);
	e->fn(&e->one.v[0], e->ctx);
	recset_free(&e->one);
	recset_init(&e->one);
}

bool
records_each(const char *path, struct diag *d,
    void (*fn)(const struct rec *r, void *ctx), void *ctx)
{
	struct each e = { .fn = fn, .ctx = ctx };
	bool ok;

	if (access(path, F_OK) != 0 && errno == ENOENT)
		return true;
	recset_init(&e.one);
	ok = records_read(path, d, each_one, &e);
	recset_free(&e.one);
	return ok;
}

bool
recset_load(struct recset *set, const char *path, struct diag *d)
{
	if (access(path, F_OK) != 0 && errno == ENOENT)
		return true;
	return records_read(path, d, collect, set);
}

bool
records_of_session(const struct wizard *w, const char *host,
    struct recset *out)
{
	char *head = records_header(), *line = records_line(w, host, false);
	char *text = xasprintf("%s%s", head, line);
	struct diag d;
	struct readctx rc = { .path = "", .d = &d, .fn = collect, .ctx = out };
	size_t had = out->n;
	FILE *fp;
	bool ok = false;

	diag_init(&d);
	fp = fmemopen(text, strlen(text), "r");
	if (fp) {
		ok = read_stream(fp, &rc, 0, UINT64_MAX) && out->n == had + 1;
		fclose(fp);
	}
	diag_free(&d);
	free(text);
	free(line);
	free(head);
	return ok;
}

void
recset_add(struct recset *set, const struct rec *r)
{
	/* The texts copied, the steps parsed again from the copy. */
	collect(&r->r, set);
}

const struct rec *
recset_find(const struct recset *set, const char *id)
{
	for (size_t i = set->n; i-- > 0;)
		if (strcmp(set->v[i].r.id, id) == 0)
			return &set->v[i];
	return NULL;
}

/* The digits of s[0..n) as a number; -1 when one is not a digit. */
static long
digits(const char *s, int n)
{
	long v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

time_t
records_time(const char *s)
{
	struct tm tm;
	long f[6], off = 0;
	const char *z;
	static const int at[6] = { 0, 5, 8, 11, 14, 17 };
	static const int len[6] = { 4, 2, 2, 2, 2, 2 };
	static const char sep[] = "--T::";

	if (strlen(s) < 20)
		return (time_t)-1;
	for (int i = 0; i < 6; i++) {
		if (i && s[at[i] - 1] != sep[i - 1])
			return (time_t)-1;
		if ((f[i] = digits(s + at[i], len[i])) < 0)
			return (time_t)-1;
	}
	if (f[1] < 1 || f[1] > 12 || f[2] < 1 || f[2] > 31 || f[3] > 23 ||
	    f[4] > 59 || f[5] > 60)
		return (time_t)-1;
	/* The offset: Z, +hh:mm (ISO 8601's extended form, written since
	 * 0.1.0) or +hhmm (the records of earlier builds). */
	z = s + 19;
	if (strcmp(z, "Z") != 0) {
		long h, m;
		size_t zn = strlen(z);
		if ((*z != '+' && *z != '-') || (zn != 6 && zn != 5) ||
		    (zn == 6 && z[3] != ':'))
			return (time_t)-1;
		h = digits(z + 1, 2);
		m = digits(z + (zn == 6 ? 4 : 3), 2);
		if (h < 0 || m < 0 || h > 23 || m > 59)
			return (time_t)-1;
		off = (h * 3600 + m * 60) * (*z == '-' ? -1 : 1);
	}
	memset(&tm, 0, sizeof tm);
	tm.tm_year = (int)f[0] - 1900;
	tm.tm_mon = (int)f[1] - 1;
	tm.tm_mday = (int)f[2];
	tm.tm_hour = (int)f[3];
	tm.tm_min = (int)f[4];
	tm.tm_sec = (int)f[5];
	/* timegm() reads the fields as UTC; the offset is taken off after
	 * (timegm() also rewrites tm's own offset, so it is never read). */
	return timegm(&tm) - (time_t)off;
}

bool
records_month(const char *s, char out[8])
{
	time_t t = records_time(s);
	struct tm tm;

	if (t == (time_t)-1 || !gmtime_r(&t, &tm) ||
	    strftime(out, 8, "%Y-%m", &tm) != 7) {
		out[0] = '\0';
		return false;
	}
	return true;
}

/* The record a search is after, found as the records stream by. */
struct pick {
	const char *id;       /* NULL: the last */
	const struct records_who *who; /* NULL: anyone's */
	struct recset *kept;  /* the one found so far */
};

bool
records_by(const struct record *r, const struct records_who *who)
{
	if (strcmp(r->host, who->host) != 0)
		return false;
	/* The account that recorded it, when the record says; else the
	 * engineer's name (records of earlier layouts). */
	if (*r->account)
		return strcmp(r->account, who->account) == 0;
	return strcmp(r->engineer, who->engineer) == 0;
}

static void
pick_one(const struct rec *r, void *ctx)
{
	struct pick *p = ctx;

	if (p->id && strcmp(r->r.id, p->id) != 0)
		return;
	if (p->who && !records_by(&r->r, p->who))
		return;
	recset_free(p->kept);
	recset_init(p->kept);
	recset_add(p->kept, r);
}

bool
records_find(const char *path, struct diag *d, const char *id,
    struct recset *out)
{
	struct pick p = { id, NULL, out };

	return records_each(path, d, pick_one, &p);
}

bool
records_find_last(const char *path, struct diag *d,
    const struct records_who *who, struct recset *out)
{
	struct pick p = { NULL, who, out };

	return records_each(path, d, pick_one, &p);
}

bool
records_each_span(const char *path, struct diag *d, uint64_t from,
    uint64_t to, void (*fn)(const struct rec *r, void *ctx), void *ctx)
{
	struct each e = { .fn = fn, .ctx = ctx };
	bool ok;

	recset_init(&e.one);
	ok = records_read_span(path, d, from, to, each_one, &e);
	recset_free(&e.one);
	return ok;
}
