/* tui_sc_cause.c: the screen of the error chosen: its message, codes,
 * cause, family and log line, and how many steps there are; when none
 * of its own applies to the version, why, and the general steps offered.
 * Layer: front ends. */
#include <config.h>

#include <stdlib.h>

#include "i18n.h"
#include "kb.h"
#include "tui_int.h"
#include "tui_term.h"
#include "util.h"
#include "words.h"

static void
draw(struct tui *t)
{
	const struct kb_error *e = t->w->error;
	int width = term_cols() - 2;
	struct page p = { 0 };
	char *s;

	if (e) {
		tui_page_kb(t, &p, R_HEAD, "", e->error_en, e->error_zh, width);
		if (e->ncodes) {
			struct buf b;
			buf_init(&b);
			for (size_t i = 0; i < e->ncodes; i++) {
				char shown[24];
				buf_printf(&b, "%s%s", i ? words_sep() : "",
				    kb_code_shown(e->codes[i], shown,
				    sizeof shown));
			}
			tui_page_add(&p, R_DIM, _("Codes: "), b.s, width);
			buf_free(&b);
		}
		tui_page_gap(&p);
		tui_page_kb(t, &p, R_TEXT, _("Cause: "), kb_cause(t->w->kb, e,
		    false), kb_cause(t->w->kb, e, true), width);
		tui_page_add(&p, R_DIM, _("Family: "), kb_family_label(
		    e->family), width);
		tui_page_add(&p, R_DIM, _("Level: "), words_scope(e), width);
		if (t->w->log) {
			tui_page_gap(&p);
			tui_page_add(&p, R_DIM, _("From the log: "), t->w->log,
			    width);
		}
	} else {
		tui_page_add(&p, R_HEAD, "", _("Not in the knowledge base: the "
		    "general steps, cheapest first."), width);
	}
	tui_page_gap(&p);
	if (t->q->read) {
		s = xasprintf(ngettext("%zu step to try, in the order its "
		    "source gives. Enter: the first step.", "%zu steps to try, "
		    "in the order their source gives. Enter: the first step.",
		    t->w->nsteps), t->w->nsteps);
		tui_page_add(&p, R_MSG, "", s, width);
		free(s);
	} else {
		tui_page_add(&p, R_MSG, "", t->q->text, width);
		for (size_t i = 0; i < t->q->n; i++) {
			s = xasprintf("%c %c) %s", i == t->sel ? '>' : ' ',
			    t->q->choices[i].key, t->q->choices[i].label);
			tui_page_add(&p, i == t->sel ? R_SEL : R_TEXT, "", s,
			    width);
			free(s);
		}
	}
	tui_draw_page(t, &p, 0);
	tui_page_free(&p);
}

static enum act
key(struct tui *t, bool is_ch, unsigned ch, int k)
{
	size_t i = CONVO_NONE;

	if ((is_ch && (ch == '\r' || ch == '\n' || ch == ' ')) ||
	    k == TK_ENTER)
		i = t->sel;
	else if (is_ch && !t->q->read)
		for (size_t n = 0; n < t->q->n; n++)
			if ((ch | 0x20) == (unsigned)t->q->choices[n].key ||
			    ch == '1' + n)
				i = n;
	if (i < t->q->n) {
		convo_choose(&t->c, i);
		tui_moved(t);
	}
	return ACT_GO;
}

static char *
hints(const struct tui *t, int cols)
{
	if (!t->q->read)
		TUI_HINTS({ 1, _("g general steps") }, { 1, _("e escalate") },
		    { 2, _("Esc back") }, { 4, _("? help") },
		    { 3, _("q quit") });
	TUI_HINTS({ 1, _("Enter first step") }, { 5, _("Up/Down scroll") },
	    { 2, _("Esc back") }, { 6, _("l language") }, { 4, _("? help") },
	    { 3, _("q quit") });
}

const struct tui_screen tui_sc_cause = { draw, key, hints, NULL };
