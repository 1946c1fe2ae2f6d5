/* tui_sc_resume.c: the screen of the unfinished sessions: Enter takes
 * one up again, a records it as abandoned (after a y).
 * Layer: front ends. */
#include <config.h>

#include "i18n.h"
#include "tui_int.h"
#include "tui_term.h"

static void
draw(struct tui *t)
{
	tui_draw_list(t, t->q->text, NULL, NULL);
}

static enum act
key(struct tui *t, bool is_ch, unsigned ch, int k)
{
	size_t i = CONVO_NONE;

	if (is_ch && (ch == 'a' || ch == 'A')) {
		if (t->sel < t->q->n && t->q->choices[t->sel].pick == CP_SESSION)
			t->asking = ASK_ABANDON;
		return ACT_GO;
	}
	if ((is_ch && (ch == '\r' || ch == '\n')) || k == TK_ENTER)
		i = t->sel;
	else if (is_ch && ch >= '1' && ch <= '9')
		i = ch - '1';
	if (i < t->q->n) {
		convo_choose(&t->c, i);
		tui_moved(t);
	}
	return ACT_GO;
}

static char *
hints(const struct tui *t, int cols)
{
	(void)t;
	TUI_HINTS({ 4, _("Up/Down move") }, { 1, _("Enter resume") },
	    { 2, _("a abandon") }, { 5, _("? help") }, { 3, _("q quit") });
}

const struct tui_screen tui_sc_resume = { draw, key, hints, NULL };
