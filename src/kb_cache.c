/* kb_cache.c: the compiled copy of a checked knowledge base, as bytes:
 * its texts, and its records, written from a base and read back into one
 * (kb_cachefile.c keeps them in a file).
 *
 * The records are checked as they are read, every count, offset,
 * enumeration and text as strictly as the loader checks the CSV, so that
 * damaged or foreign bytes are refused, never a crash.
 *
 * Layout, in the host's byte order:
 *   strings  every text, each ending in NUL
 *   records  the errors with their codes, aliases and fixes, the tools,
 *            the generic ladder, and the long texts kept in memory; a
 *            text as 1 + its offset in strings, 0 for none
 * Layer: kb.
 */
#include <config.h>

#include "kb_cache.h"

#include <stdlib.h>
#include <string.h>

#include "kb_int.h"
#include "kb_lazy.h"
#include "text.h"

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
	const char *last;    /* the last text written, and where it is */
	uint32_t last_ref;
};

static void
put_str(struct enc *w, const char *s)
{
	if (!s) {
		put_u32(w->rec, 0);
		return;
	}
	/* A text kept once and shared (a source) is written once for a
	 * run of its users. */
	if (s == w->last) {
		put_u32(w->rec, w->last_ref);
		return;
	}
	w->last = s;
	w->last_ref = (uint32_t)w->str->len + 1;
	put_u32(w->rec, w->last_ref);
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
		put_str(w, f[i].source);
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
	struct enc w = { strings, records, NULL, 0 };
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
		put_u8(records, err->family);
		put_u8(records, err->scope);
		put_str(&w, err->source);
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
		f->source = need_str(r);
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
	e.family = (unsigned char)get_u8(r);
	e.scope = (unsigned char)get_u8(r);
	e.source = need_str(r);
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
	    e.platforms > PLAT_BOTH || e.category > CAT_COUNT ||
	    e.family >= FAM_COUNT || e.scope >= SCOPE_COUNT ||
	    e.cause_en.len == 0)
		return !(r->bad = true);
	e.ncodes = get_count(r, 4);
	e.codes = e.ncodes ? arena_alloc(&kb->arena, e.ncodes *
	    sizeof *e.codes) : NULL;
	for (size_t c = 0; c < e.ncodes && !r->bad; c++) {
		const char *s = need_str(r);
		if (s && !kb_valid_code(s))
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
