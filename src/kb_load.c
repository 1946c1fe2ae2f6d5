/* kb_load.c: loading and validating the knowledge base's four files,
 * row by row, each problem reported with its file, line and column and
 * what to do.  Layer: kb. */
#include <config.h>

#include "kb.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csvfile.h"
#include "i18n.h"
#include "kb_int.h"
#include "kb_lazy.h"
#include "text.h"
#include "tokens.h"
#include "util.h"

/* Copies a cell into the arena, trimmed of surrounding spaces; NULL when
 * empty. */
static const char *
cell(struct kb *kb, const struct csvrec *r, int c)
{
	size_t n = r->len[c];
	const char *s = kb_trim(r->v[c], &n);

	return n ? arena_strndup(&kb->arena, s, n) : NULL;
}

/* A long text: where it is in the file, not a copy.  *v: the trimmed
 * value, NULL when empty, for the checks. */
static struct kb_text
cell_ref(struct kb *kb, enum kb_src src, const struct csvrec *r, int c,
    const char **v)
{
	size_t n = r->len[c];
	const char *s = kb_trim(r->v[c], &n);

	*v = n ? s : NULL;
	return kb_lazy_ref(kb->lazy, src, &r->span[c], s, n);
}


struct loadctx {
	struct kb *kb;
	struct diag *d;
	bool errors_read; /* errors.csv read to its end: ids can be checked */
	struct arena tmp; /* cells that are parsed, not kept */
	struct csvsum *sums; /* per file, what was read */
	unsigned long *lines; /* per error, its line in errors.csv */
	size_t caplines;
	const char **sources; /* the sources kept, by hash; NULL: free */
	size_t nsources, capsources;
};

/* A cell that is only parsed (a platform, a level): scratch room. */
static const char *
cell_tmp(struct loadctx *lc, const struct csvrec *r, int c)
{
	struct arena keep = lc->kb->arena;
	const char *s;

	lc->kb->arena = lc->tmp;
	s = cell(lc->kb, r, c);
	lc->tmp = lc->kb->arena;
	lc->kb->arena = keep;
	return s;
}

/* The source s, kept once in the base however many rows name it;
 * NULL for none. */
static const char *
keep_source(struct loadctx *lc, const char *s)
{
	size_t h;

	if (!s || !*s)
		return NULL;
	if (4 * (lc->nsources + 1) > 3 * lc->capsources) {
		size_t cap = lc->capsources ? lc->capsources * 2 : 64;
		const char **v = xcalloc(cap, sizeof *v);
		for (size_t i = 0; i < lc->capsources; i++) {
			if (!lc->sources[i])
				continue;
			h = (size_t)util_fnv1a(lc->sources[i],
			    strlen(lc->sources[i])) & (cap - 1);
			while (v[h])
				h = (h + 1) & (cap - 1);
			v[h] = lc->sources[i];
		}
		free(lc->sources);
		lc->sources = v;
		lc->capsources = cap;
	}
	h = (size_t)util_fnv1a(s, strlen(s)) & (lc->capsources - 1);
	while (lc->sources[h]) {
		if (strcmp(lc->sources[h], s) == 0)
			return lc->sources[h];
		h = (h + 1) & (lc->capsources - 1);
	}
	lc->nsources++;
	return lc->sources[h] = arena_strndup(&lc->kb->arena, s, strlen(s));
}

/* Reports an empty required cell. */
static bool
need(struct diag *d, const struct csvrec *r, int c, const char *col,
    const char *v)
{
	if (v)
		return true;
	diag_add(d, DIAG_ERROR, r->file, r->pos[c].line, r->pos[c].col,
	    _("'%s' is empty; it is required"), col);
	return false;
}

/* Warns about a missing Chinese text when its English one is there. */
static void
want_zh(struct diag *d, const struct csvrec *r, int c, const char *col,
    const char *en, const char *zh)
{
	if (en && !zh)
		diag_add(d, DIAG_WARNING, r->file, r->pos[c].line,
		    r->pos[c].col,
		    _("'%s' is empty: the Chinese text is missing, English is "
		    "shown instead"), col);
}

/* ---- errors.csv ---- */

enum {
	E_ID, E_PLATFORMS, E_CATEGORY, E_CODES, E_ERROR_EN, E_ERROR_ZH,
	E_ALIASES, E_CAUSE_EN, E_CAUSE_ZH, E_DIST_EN, E_DIST_ZH, E_ESC_EN,
	E_ESC_ZH, E_FAMILY, E_SOURCE, E_NCOLS
};
static const struct csvcol error_cols[E_NCOLS] = {
	{ "id", true }, { "platforms", true }, { "category", false },
	{ "codes", false }, { "error_en", true }, { "error_zh", false },
	{ "aliases", false }, { "cause_en", true }, { "cause_zh", false },
	{ "distinguish_en", false }, { "distinguish_zh", false },
	{ "escalate_en", false }, { "escalate_zh", false },
	{ "family", true }, { "source", true },
};



static void
error_row(const struct csvrec *r, void *ctx)
{
	struct loadctx *lc = ctx;
	struct kb *kb = lc->kb;
	struct diag *d = lc->d;
	struct kb_error e;
	struct kb_notes notes;
	const char *plat, *cat, *fam, *codes, *aliases, *cause_en, *cause_zh;
	const struct kb_error *dup;
	bool ok = true;

	memset(&e, 0, sizeof e);
	e.category = CAT_COUNT;
	e.id = cell(kb, r, E_ID);
	plat = cell_tmp(lc, r, E_PLATFORMS);
	cat = cell_tmp(lc, r, E_CATEGORY);
	fam = cell_tmp(lc, r, E_FAMILY);
	e.source = keep_source(lc, cell_tmp(lc, r, E_SOURCE));
	codes = cell(kb, r, E_CODES);
	aliases = cell(kb, r, E_ALIASES);
	e.error_en = cell(kb, r, E_ERROR_EN);
	e.error_zh = cell(kb, r, E_ERROR_ZH);
	e.cause_en = cell_ref(kb, KB_SRC_ERRORS, r, E_CAUSE_EN, &cause_en);
	e.cause_zh = cell_ref(kb, KB_SRC_ERRORS, r, E_CAUSE_ZH, &cause_zh);
	notes.distinguish_en = cell(kb, r, E_DIST_EN);
	notes.distinguish_zh = cell(kb, r, E_DIST_ZH);
	notes.escalate_en = cell(kb, r, E_ESC_EN);
	notes.escalate_zh = cell(kb, r, E_ESC_ZH);
	e.notes = kb_keep_notes(kb, &notes);

	ok &= need(d, r, E_ID, "id", e.id);
	ok &= need(d, r, E_PLATFORMS, "platforms", plat);
	ok &= need(d, r, E_FAMILY, "family", fam);
	ok &= need(d, r, E_SOURCE, "source", e.source);
	if (fam) {
		int f = kb_key_find(kb_family_keys, FAM_COUNT, fam, strlen(fam));
		if (f < 0) {
			char *s = text_sanitize(fam, true);
			diag_add(d, DIAG_ERROR, r->file, r->pos[E_FAMILY].line,
			    r->pos[E_FAMILY].col, _("unknown family '%s'; see "
			    "flashfix(5) for the families"), s);
			free(s);
			ok = false;
		} else {
			e.family = (unsigned char)f;
			/* An entry named as its family stands for the
			 * family as a whole. */
			if (e.id && strcmp(e.id, fam) == 0)
				e.scope = SCOPE_FAMILY;
		}
	}
	ok &= need(d, r, E_ERROR_EN, "error_en", e.error_en);
	ok &= need(d, r, E_CAUSE_EN, "cause_en", cause_en);
	want_zh(d, r, E_ERROR_ZH, "error_zh", e.error_en, e.error_zh);
	want_zh(d, r, E_CAUSE_ZH, "cause_zh", cause_en, cause_zh);
	want_zh(d, r, E_DIST_ZH, "distinguish_zh", notes.distinguish_en,
	    notes.distinguish_zh);
	want_zh(d, r, E_ESC_ZH, "escalate_zh", notes.escalate_en,
	    notes.escalate_zh);

	if (e.id && !kb_valid_id(e.id)) {
		char *s = text_sanitize(e.id, true);
		diag_add(d, DIAG_ERROR, r->file, r->pos[E_ID].line,
		    r->pos[E_ID].col, _("id '%s' may hold only lowercase "
		    "letters, digits, '-', '_' and '.'"), s);
		free(s);
		ok = false;
	} else if (e.id && (dup = kb_find(kb, e.id))) {
		diag_add(d, DIAG_ERROR, r->file, r->pos[E_ID].line,
		    r->pos[E_ID].col, _("id '%s' is already used on line %lu; "
		    "ids must be unique"), e.id,
		    lc->lines[dup - kb->errors]);
		ok = false;
	}
	if (plat) {
		const char **v;
		size_t n = kb_split(plat, ";,| ", &v, &lc->tmp);
		for (size_t i = 0; i < n; i++) {
			int p = kb_platform_parse(v[i], strlen(v[i]));
			if (!p) {
				char *s = text_sanitize(v[i], true);
				diag_add(d, DIAG_ERROR, r->file,
				    r->pos[E_PLATFORMS].line,
				    r->pos[E_PLATFORMS].col,
				    _("unknown platform '%s'; write mtk, qcom "
				    "or mtk;qcom"), s);
				free(s);
				ok = false;
			}
			e.platforms |= (unsigned)p;
		}
	}
	if (cat) {
		int c = kb_key_find(kb_cat_keys, CAT_COUNT, cat, strlen(cat));
		if (c < 0) {
			char *s = text_sanitize(cat, true);
			diag_add(d, DIAG_ERROR, r->file,
			    r->pos[E_CATEGORY].line, r->pos[E_CATEGORY].col,
			    _("unknown category '%s'; see flashfix(5) for the "
			    "categories"), s);
			free(s);
			ok = false;
		} else {
			e.category = (enum category)c;
		}
	}
	e.ncodes = kb_split(codes, ";,| ", &e.codes, &kb->arena);
	for (size_t i = 0; i < e.ncodes; i++) {
		uint32_t v;
		if (!tok_code_value(e.codes[i], strlen(e.codes[i]), &v)) {
			char *s = text_sanitize(e.codes[i], true);
			diag_add(d, DIAG_ERROR, r->file, r->pos[E_CODES].line,
			    r->pos[E_CODES].col, _("code '%s' is not a code: "
			    "write it in decimal (4032), in hex with 0x (0xFC0) "
			    "or signed (-1073348605), within 32 bits"), s);
			free(s);
			ok = false;
		} else {
			/* Kept in decimal: every printed form finds it. */
			char num[16];
			snprintf(num, sizeof num, "%lu", (unsigned long)v);
			e.codes[i] = arena_strndup(&kb->arena, num,
			    strlen(num));
		}
	}
	/* One code written twice (4032 and 0xFC0) is kept once. */
	for (size_t i = 0, k; i < e.ncodes;) {
		for (k = 0; k < i && strcmp(e.codes[k], e.codes[i]); k++)
			;
		if (k < i)
			e.codes[i] = e.codes[--e.ncodes];
		else
			i++;
	}
	e.naliases = kb_split(aliases, "\n", &e.aliases, &kb->arena);
	if (ok && kb_add_error(kb, &e)) {
		lc->lines = xgrow(lc->lines, &lc->caplines, kb->nerrors,
		    sizeof *lc->lines);
		lc->lines[kb->nerrors - 1] = r->start.line;
	}
}

/* ---- fixes.csv and generic.csv ---- */

enum {
	F_ERROR, F_STEP, F_LEVEL, F_COND, F_ACTION_EN, F_ACTION_ZH, F_SOURCE,
	F_NCOLS
};
static const struct csvcol fix_cols[F_NCOLS] = {
	{ "error", true }, { "step", true }, { "level", true },
	{ "condition", false }, { "action_en", true }, { "action_zh", false },
	{ "source", true },
};
/* generic.csv: the same without the error column. */
static const struct csvcol generic_cols[F_NCOLS] = {
	{ "-", false }, { "step", true }, { "level", true },
	{ "condition", false }, { "action_en", true }, { "action_zh", false },
	{ "source", true },
};

/* Parses a fix row into f; false after reporting a problem. */
static bool
parse_fix(struct loadctx *lc, const struct csvrec *r, enum kb_src src,
    struct fix *f)
{
	struct kb *kb = lc->kb;
	struct diag *d = lc->d;
	const char *step = cell_tmp(lc, r, F_STEP);
	const char *level = cell_tmp(lc, r, F_LEVEL);
	const char *cond = cell_tmp(lc, r, F_COND);
	struct condition c;
	const char *en, *zh;
	char *why = NULL;
	bool ok = true;

	memset(f, 0, sizeof *f);
	f->cond = &kb_no_cond;
	f->line = r->start.line;
	f->src = src;
	f->action_en = cell_ref(kb, src, r, F_ACTION_EN, &en);
	f->action_zh = cell_ref(kb, src, r, F_ACTION_ZH, &zh);
	f->source = keep_source(lc, cell_tmp(lc, r, F_SOURCE));
	ok &= need(d, r, F_SOURCE, "source", f->source);
	ok &= need(d, r, F_STEP, "step", step);
	ok &= need(d, r, F_LEVEL, "level", level);
	ok &= need(d, r, F_ACTION_EN, "action_en", en);
	want_zh(d, r, F_ACTION_ZH, "action_zh", en, zh);
	if (step) {
		size_t len = strlen(step);
		if (len > 4 || strspn(step, "0123456789") != len ||
		    atoi(step) < 1) {
			char *s = text_sanitize(step, true);
			diag_add(d, DIAG_ERROR, r->file, r->pos[F_STEP].line,
			    r->pos[F_STEP].col, _("step '%s' is not a number "
			    "from 1 to 9999"), s);
			free(s);
			ok = false;
		} else {
			f->step = (unsigned)atoi(step);
		}
	}
	if (level) {
		int l = kb_key_find(kb_level_keys, LEVEL_COUNT, level,
		    strlen(level));
		if (l < 0) {
			char *s = text_sanitize(level, true);
			diag_add(d, DIAG_ERROR, r->file, r->pos[F_LEVEL].line,
			    r->pos[F_LEVEL].col, _("unknown level '%s'; see "
			    "flashfix(5) for the levels"), s);
			free(s);
			ok = false;
		} else {
			f->level = (enum level)l;
		}
	}
	if (!kb_cond_parse(kb, &lc->tmp, cond, &c, &why)) {
		diag_add(d, DIAG_ERROR, r->file, r->pos[F_COND].line,
		    r->pos[F_COND].col, "%s", why);
		free(why);
		ok = false;
	}
	if (c.n) {
		struct condition *keep = arena_alloc(&kb->arena, sizeof *keep);
		*keep = c;
		f->cond = keep;
	}
	return ok;
}

/* Checks that f follows the fixes before it: the next step number, and a
 * level no cheaper than the one before. */
static bool
check_order(struct diag *d, const struct csvrec *r, const struct fix *prev,
    size_t nprev, const struct fix *f, const char *what)
{
	unsigned want = nprev ? prev[nprev - 1].step + 1 : 1;

	for (size_t i = 0; i < nprev; i++)
		if (prev[i].step == f->step) {
			diag_add(d, DIAG_ERROR, r->file, r->pos[F_STEP].line,
			    r->pos[F_STEP].col, _("step %u of %s is already "
			    "on line %lu; each step appears once"), f->step,
			    what, (unsigned long)prev[i].line);
			return false;
		}
	if (f->step != want) {
		diag_add(d, DIAG_ERROR, r->file, r->pos[F_STEP].line,
		    r->pos[F_STEP].col, _("step %u of %s is out of order: "
		    "expected step %u; number the steps 1, 2, 3... in order"),
		    f->step, what, want);
		return false;
	}
	/* The levels are not checked for order: the steps are shown in
	 * the order their source gives, never bent to the levels. */
	return true;
}

static void
fix_row(const struct csvrec *r, void *ctx)
{
	struct loadctx *lc = ctx;
	struct kb *kb = lc->kb;
	const char *id = cell_tmp(lc, r, F_ERROR);
	struct kb_error *e = NULL;
	struct fix f;
	bool ok = parse_fix(lc, r, KB_SRC_FIXES, &f);

	if (!need(lc->d, r, F_ERROR, "error", id))
		return;
	e = (struct kb_error *)kb_find(kb, id);
	if (!e && !lc->errors_read)
		return; /* errors.csv is broken: its problems say enough */
	if (!e) {
		char *s = text_sanitize(id, true);
		diag_add(lc->d, DIAG_ERROR, r->file, r->pos[F_ERROR].line,
		    r->pos[F_ERROR].col, _("no error has the id '%s' in "
		    "errors.csv; check the spelling"), s);
		free(s);
		return;
	}
	if (!ok || !check_order(lc->d, r, e->fixes, e->nfixes, &f, e->id))
		return;
	/* Room for 1, 2, 4, 8... fixes: the next power of two.  kb_load
	 * gathers them all in one array at the end. */
	if ((e->nfixes & (e->nfixes - 1)) == 0)
		e->fixes = xrealloc(e->fixes, (e->nfixes ? e->nfixes * 2 : 1) *
		    sizeof *e->fixes);
	e->fixes[e->nfixes++] = f;
}

static void
generic_row(const struct csvrec *r, void *ctx)
{
	struct loadctx *lc = ctx;
	struct kb *kb = lc->kb;
	struct fix f;

	if (!parse_fix(lc, r, KB_SRC_GENERIC, &f) ||
	    !check_order(lc->d, r, kb->generic, kb->ngeneric, &f,
	    _("the generic ladder")))
		return;
	kb->generic = xgrow(kb->generic, &kb->capgeneric, kb->ngeneric + 1,
	    sizeof *kb->generic);
	kb->generic[kb->ngeneric++] = f;
}

/* ---- tools.csv ---- */

enum { T_PLATFORM, T_TOOL, T_VERSION, T_NOTE_EN, T_NOTE_ZH, T_NCOLS };
static const struct csvcol tool_cols[T_NCOLS] = {
	{ "platform", true }, { "tool", true }, { "version", true },
	{ "note_en", false }, { "note_zh", false },
};

static void
tool_row(const struct csvrec *r, void *ctx)
{
	struct loadctx *lc = ctx;
	struct kb *kb = lc->kb;
	struct diag *d = lc->d;
	struct tool t;
	const char *plat = cell_tmp(lc, r, T_PLATFORM);
	bool ok = true;

	memset(&t, 0, sizeof t);
	t.name = cell(kb, r, T_TOOL);
	t.version_text = cell(kb, r, T_VERSION);
	t.note_en = cell(kb, r, T_NOTE_EN);
	t.note_zh = cell(kb, r, T_NOTE_ZH);
	ok &= need(d, r, T_PLATFORM, "platform", plat);
	ok &= need(d, r, T_TOOL, "tool", t.name);
	ok &= need(d, r, T_VERSION, "version", t.version_text);
	want_zh(d, r, T_NOTE_ZH, "note_zh", t.note_en, t.note_zh);
	if (plat && !(t.platform = (enum platform)kb_platform_parse(plat,
	    strlen(plat)))) {
		char *s = text_sanitize(plat, true);
		diag_add(d, DIAG_ERROR, r->file, r->pos[T_PLATFORM].line,
		    r->pos[T_PLATFORM].col, _("unknown platform '%s'; write "
		    "mtk or qcom"), s);
		free(s);
		ok = false;
	}
	if (t.version_text && !version_parse(t.version_text,
	    strlen(t.version_text), &t.ver, NULL)) {
		char *s = text_sanitize(t.version_text, true);
		diag_add(d, DIAG_ERROR, r->file, r->pos[T_VERSION].line,
		    r->pos[T_VERSION].col, _("'%s' is not a version such as "
		    "2.0.11"), s);
		free(s);
		ok = false;
	}
	if (!ok)
		return;
	for (size_t i = 0; i < kb->ntools; i++)
		if (kb->tools[i].platform == t.platform &&
		    version_cmp(&kb->tools[i].ver, &t.ver) == 0) {
			diag_add(d, DIAG_ERROR, r->file,
			    r->pos[T_VERSION].line, r->pos[T_VERSION].col,
			    _("%s tool version %s is listed twice"),
			    kb_platforms_label(t.platform), t.version_text);
			return;
		}
	kb->tools = xgrow(kb->tools, &kb->captools, kb->ntools + 1,
	    sizeof *kb->tools);
	kb->tools[kb->ntools++] = t;
}

const char *const kb_file_names[KB_NFILES] = {
	KB_ERRORS, KB_FIXES, KB_TOOLS, KB_GENERIC,
};

/* Reads dir/file with the given columns; a file of long texts (src not
 * KB_NSRC) stays open for them. */
static bool
load_file(struct loadctx *lc, const char *dir, enum kb_file file,
    const struct csvcol *cols, size_t ncols, csvfile_fn fn, enum kb_src src)
{
	char *path = xasprintf("%s/%s", dir, kb_file_names[file]);
	int fd = -1;
	bool ok = csvfile_read_keep(path, path, cols, ncols, lc->d, fn, lc,
	    src == KB_NSRC ? NULL : &fd, &lc->sums[file]);
	if (fd >= 0)
		kb_lazy_keep(lc->kb->lazy, src, fd, path);
	free(path);
	return ok;
}

/* Moves every error's fixes into one array: no allocation per error. */
static void
gather_fixes(struct kb *kb)
{
	size_t total = 0, at = 0;

	for (size_t i = 0; i < kb->nerrors; i++)
		total += kb->errors[i].nfixes;
	kb->fixv = xmalloc((total ? total : 1) * sizeof *kb->fixv);
	for (size_t i = 0; i < kb->nerrors; i++) {
		struct kb_error *e = &kb->errors[i];
		if (e->nfixes)
			memcpy(kb->fixv + at, e->fixes, e->nfixes *
			    sizeof *e->fixes);
		free(e->fixes);
		e->fixes = kb->fixv + at;
		at += e->nfixes;
	}
}


struct kb *
kb_load(const char *dir, struct diag *d)
{
	struct csvsum sums[KB_NFILES];

	return kb_load_sums(dir, d, sums);
}

struct kb *
kb_load_sums(const char *dir, struct diag *d, struct csvsum *sums)
{
	struct kb *kb = kb_new();
	struct loadctx lc = { .kb = kb, .d = d, .sums = sums };
	size_t before = d->errors;
	bool fixes_read;

	memset(sums, 0, KB_NFILES * sizeof *sums);
	arena_init(&lc.tmp);
	lc.errors_read = load_file(&lc, dir, KB_F_ERRORS, error_cols, E_NCOLS,
	    error_row, KB_SRC_ERRORS);
	fixes_read = load_file(&lc, dir, KB_F_FIXES, fix_cols, F_NCOLS,
	    fix_row, KB_SRC_FIXES);
	load_file(&lc, dir, KB_F_TOOLS, tool_cols, T_NCOLS, tool_row,
	    KB_NSRC);
	load_file(&lc, dir, KB_F_GENERIC, generic_cols, F_NCOLS, generic_row,
	    KB_SRC_GENERIC);
	for (size_t i = 0; i < kb->nerrors; i++)
		if (kb->errors[i].nfixes == 0 && fixes_read) {
			char *path = xasprintf("%s/%s", dir, KB_ERRORS);
			diag_add(d, DIAG_ERROR, path, lc.lines[i], 1,
			    _("error '%s' has no fixes; add its steps to %s"),
			    kb->errors[i].id, KB_FIXES);
			free(path);
		}
	if (kb->nerrors == 0 && lc.errors_read) {
		char *path = xasprintf("%s/%s", dir, KB_ERRORS);
		diag_add(d, DIAG_ERROR, path, 1, 1,
		    _("no errors are defined; add a row per error"));
		free(path);
	}
	arena_free(&lc.tmp);
	free(lc.lines);
	free(lc.sources);
	gather_fixes(kb);
	/* Give back the room that doubling left. */
	if (kb->nerrors) {
		kb->errors = xrealloc(kb->errors, kb->nerrors *
		    sizeof *kb->errors);
		kb->caperrors = kb->nerrors;
	}
	if (kb->ngeneric == 0 && d->errors == before) {
		char *path = xasprintf("%s/%s", dir, KB_GENERIC);
		diag_add(d, DIAG_ERROR, path, 1, 1, _("the generic ladder "
		    "has no steps; add a row per step"));
		free(path);
	}
	return kb;
}

