/* tui_items.c: what each screen of the full-screen wizard lists: the
 * platforms, the releases, the errors ranked as the engineer types (never
 * first what lookup would refuse), the families, the unfinished sessions.
 * Layer: front ends. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "kb.h"
#include "tui_int.h"
#include "util.h"
#include "words.h"

void
tui_clear_items(struct tui *t)
{
	for (size_t i = 0; i < t->nitems; i++)
		free(t->items[i].label);
	t->nitems = 0;
}

static void
add_item(struct tui *t, enum item_kind kind, const void *ptr, unsigned n,
    char *label)
{
	t->items = xgrow(t->items, &t->capitems, t->nitems + 1,
	    sizeof *t->items);
	t->items[t->nitems++] = (struct item){ kind, ptr, n, label };
}

/* A one-line label for an error: its message, in both languages when
 * both are asked for. */
static char *
error_label(const struct tui *t, const struct kb_error *e)
{
	if (t->lang == LANG_BOTH && e->error_zh && *e->error_zh)
		return xasprintf("%s / %s", e->error_en, e->error_zh);
	return xstrdup(pick(t->lang, e->error_en, e->error_zh));
}

static bool
on_platform(const struct tui *t, const struct kb_error *e)
{
	return !t->w->platform || (e->platforms & t->w->platform);
}

static void
build_versions(struct tui *t)
{
	const char *typed = t->version.s ? t->version.s : "";

	for (size_t i = 0; i < t->ntools; i++) {
		const struct tool *tl = t->tools[i];
		char *label = xasprintf("%s %s", tl->name, tl->version_text);
		if (strstr(tl->version_text, typed))
			add_item(t, IT_TOOL, tl, 0, label);
		else
			free(label);
	}
	add_item(t, IT_OTHER, NULL, 0, *typed ?
	    xasprintf(_("other: %s"), typed) :
	    xstrdup(_("other (type the version)")));
	add_item(t, IT_DONTKNOW, NULL, 0, xstrdup(_("don't know")));
}

static void
build_symptoms(struct tui *t)
{
	const struct kb *kb = t->w->kb;
	const char *q = t->query.s ? t->query.s : "";
	size_t n;

	if (!t->ranked)
		t->ranked = xmalloc((kb->nerrors + 1) * sizeof *t->ranked);
	n = match_rank_all(t->ix, q, t->w->platform, t->ranked, kb->nerrors);
	/* What lookup would refuse (a success or progress line, a weak
	 * match) is never first: "not listed" comes before it. */
	if (*q && match_refused(q))
		n = 0;
	for (size_t i = 0; i < n; i++) {
		if (*q && t->ranked[i].score < MATCH_THRESHOLD)
			break;
		add_item(t, IT_ERROR, t->ranked[i].err, 0,
		    error_label(t, t->ranked[i].err));
	}
	add_item(t, IT_NOTLISTED, NULL, 0,
	    xstrdup(_("not listed: the general steps")));
	for (size_t i = 0; *q && i < n; i++) {
		if (t->ranked[i].score >= MATCH_THRESHOLD)
			continue;
		if (t->ranked[i].score <= 0)
			break;
		add_item(t, IT_ERROR, t->ranked[i].err, 0,
		    error_label(t, t->ranked[i].err));
	}
	add_item(t, IT_BROWSE, NULL, 0, xstrdup(_("browse by kind of error")));
}

void
tui_build_items(struct tui *t)
{
	const struct kb *kb = t->w->kb;

	tui_clear_items(t);
	switch (t->sc) {
	case SC_RESUME:
		for (size_t i = t->of->n; i-- > 0;)
			if (!t->of->abandon[i])
				add_item(t, IT_SESSION, NULL, (unsigned)i,
				    xstrdup(t->of->desc[i]));
		add_item(t, IT_NEW, NULL, 0, xstrdup(_("start a new session")));
		break;
	case SC_PLATFORM:
		add_item(t, IT_PLATFORM, NULL, PLAT_MTK,
		    xstrdup(words_platform(PLAT_MTK)));
		add_item(t, IT_PLATFORM, NULL, PLAT_QCOM,
		    xstrdup(words_platform(PLAT_QCOM)));
		add_item(t, IT_PLATFORM, NULL, 0, xstrdup(_("not sure")));
		break;
	case SC_VERSION:
		build_versions(t);
		break;
	case SC_SYMPTOM:
		build_symptoms(t);
		break;
	case SC_CATEGORY:
		for (unsigned c = 0; c < FAM_COUNT; c++) {
			size_t n = 0;
			for (size_t i = 0; i < kb->nerrors; i++)
				n += kb->errors[i].family == c &&
				    on_platform(t, &kb->errors[i]);
			if (n)
				add_item(t, IT_CATEGORY, NULL, c,
				    xasprintf("%s (%zu)", kb_family_label(
				    (enum family)c), n));
		}
		break;
	case SC_CATLIST:
		for (size_t i = 0; i < kb->nerrors; i++)
			if (kb->errors[i].family == t->fam &&
			    on_platform(t, &kb->errors[i]))
				add_item(t, IT_ERROR, &kb->errors[i], 0,
				    error_label(t, &kb->errors[i]));
		add_item(t, IT_NOTLISTED, NULL, 0,
		    xstrdup(_("not listed: the general steps")));
		break;
	case SC_DISAMBIG:
		for (size_t i = 0; i < t->nshared; i++) {
			const struct kb_error *e = t->shared[i];
			add_item(t, IT_ERROR, e, 0, xstrdup(pick(t->lang ==
			    LANG_ZH ? LANG_ZH : LANG_EN,
			    e->notes->distinguish_en,
			    e->notes->distinguish_zh)));
		}
		break;
	default:
		break;
	}
	if (t->sel >= t->nitems)
		t->sel = t->nitems ? t->nitems - 1 : 0;
	t->stale = false;
}
