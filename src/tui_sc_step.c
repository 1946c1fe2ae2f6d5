/* tui_sc_step.c: the screen of a step: what to do, what it did here
 * before, its earlier answer and note when gone back to; answered by its
 * choices' letters (y, n, s; e for the step to escalate), b back, : a
 * note, i its source.  Layer: front ends. */
#include <config.h>

#include <stdlib.h>

#include "i18n.h"
#include "kb.h"
#include "tui_int.h"
#include "tui_term.h"
#include "util.h"
#include "words.h"

static struct buf *
field(struct tui *t)
{
	return t->noting ? &t->note : NULL;
}

static void
draw(struct tui *t)
{
	const struct wizard *w = t->w;
	const struct wiz_step *st = wizard_step(w);
	int width = term_cols() - 2;
	struct page p = { 0 };
	char *s;

	if (!st)
		return;
	s = xasprintf(_("Step %zu of %zu (%s)"), w->cur + 1, w->nsteps,
	    kb_level_label(st->fix->level));
	tui_page_add(&p, R_HEAD, "", s, width);
	free(s);
	tui_page_gap(&p);
	tui_page_kb(t, &p, R_TEXT, "", kb_action(w->kb, st->fix, false),
	    kb_action(w->kb, st->fix, true), width);
	tui_page_gap(&p);
	if ((s = words_step_history(t->stats, w)) != NULL) {
		tui_page_add(&p, R_DIM, "", s, width);
		free(s);
	}
	if ((s = words_step_latest(w)) != NULL) {
		tui_page_add(&p, R_MSG, "", s, width);
		free(s);
	}
	if (t->show_source) {
		s = words_source(st->fix->source);
		tui_page_add(&p, R_DIM, _("Source: "), s, width);
		free(s);
	}
	if (convo_earlier(&t->c) != ANS_NONE) {
		s = xasprintf(_("Answered before: %s."),
		    words_answer(convo_earlier(&t->c)));
		tui_page_add(&p, R_DIM, "", s, width);
		free(s);
	}
	if (t->note.len && !t->noting)
		tui_page_add(&p, R_DIM, _("Note: "), t->note.s, width);
	tui_page_add(&p, R_MSG, "", t->q->text, width);
	tui_draw_page(t, &p, t->noting ? 1 : 0);
	if (t->noting) {
		int y = t->bottom - 1;
		int x = 1 + term_put(y, 1, width, _("Note: "), R_TEXT, false);
		tui_draw_field(t, y, x, term_cols() - x - 1, &t->note, true);
	}
	tui_page_free(&p);
}

static enum act
key(struct tui *t, bool is_ch, unsigned ch, int k)
{
	bool enter = (is_ch && (ch == '\r' || ch == '\n')) || k == TK_ENTER;

	if (t->noting) {
		if (enter) {
			/* Kept with the session as it stands. */
			t->noting = false;
			convo_note(&t->c, t->note.s);
		}
		return ACT_GO;
	}
	if (!is_ch && !enter)
		return ACT_GO;
	if (ch == ':' || ch == 't' || ch == 'T') {
		t->noting = true;
		return ACT_GO;
	}
	if (ch == 'i' || ch == 'I') {
		t->show_source = !t->show_source;
		return ACT_GO;
	}
	if (ch == 'b' || ch == 'B')
		return tui_back(t);
	for (size_t i = 0; i < t->q->n; i++)
		/* Enter answers only the one choice there is (escalate). */
		if ((enter && t->q->n == 1) || (is_ch && (ch | 0x20) ==
		    (unsigned)t->q->choices[i].key)) {
			convo_step(&t->c, t->q->choices[i].pick,
			    t->note.s ? t->note.s : "");
			tui_moved(t);
			break;
		}
	return ACT_GO;
}

static char *
hints(const struct tui *t, int cols)
{
	struct hint h[9];
	char *keys[3] = { NULL, NULL, NULL }, *line;
	size_t n = 0;

	if (t->noting)
		TUI_HINTS({ 2, _("Type the note") }, { 1, _("Enter keep") },
		    { 1, _("Esc drop") });
	for (size_t i = 0; i < t->q->n && i < 3; i++) {
		keys[i] = xasprintf("%c %s", t->q->choices[i].key,
		    t->q->choices[i].label);
		h[n++] = (struct hint){ 1, keys[i] };
	}
	h[n++] = (struct hint){ 4, _(": note") };
	h[n++] = (struct hint){ 6, _("i source") };
	h[n++] = (struct hint){ 3, _("b back") };
	h[n++] = (struct hint){ 5, _("? help") };
	h[n++] = (struct hint){ 2, _("q quit") };
	line = tui_hints_fit(h, n, cols);
	for (size_t i = 0; i < 3; i++)
		free(keys[i]);
	return line;
}

const struct tui_screen tui_sc_step = { draw, key, hints, field };
