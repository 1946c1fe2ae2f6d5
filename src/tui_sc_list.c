/* tui_sc_list.c: the screen of a question answered from a list: the
 * platform, what the typed error matched, the kinds of error and the
 * errors of one, which of the errors sharing a message fits, the report
 * for HQ.  Layer: front ends. */
#include <config.h>

#include "i18n.h"
#include "tui_int.h"
#include "tui_term.h"

static void
draw(struct tui *t)
{
	tui_draw_list(t, t->q->text, NULL, NULL);
}

/* Enter, a number, or a choice's own letter. */
static enum act
key(struct tui *t, bool is_ch, unsigned ch, int k)
{
	size_t i = CONVO_NONE;

	if ((is_ch && (ch == '\r' || ch == '\n')) || k == TK_ENTER)
		i = t->sel;
	else if (is_ch && ch >= '1' && ch <= '9')
		i = ch - '1';
	else if (is_ch)
		for (size_t n = 0; n < t->q->n; n++)
			if (t->q->choices[n].key && (ch | 0x20) ==
			    (unsigned)t->q->choices[n].key)
				i = n;
	if (i == CONVO_NONE || i >= t->q->n)
		return ACT_GO;
	convo_choose(&t->c, i);
	tui_moved(t);
	return ACT_GO;
}

static char *
hints(const struct tui *t, int cols)
{
	/* On the first question nothing is behind: no Esc back. */
	if (!(t->q->keys & CK_BACK))
		TUI_HINTS({ 3, _("Up/Down move") }, { 1, _("Enter choose") },
		    { 5, _("l language") }, { 4, _("? help") },
		    { 2, _("q quit") });
	TUI_HINTS({ 4, _("Up/Down move") }, { 1, _("Enter choose") },
	    { 2, _("Esc back") }, { 6, _("l language") }, { 5, _("? help") },
	    { 3, _("q quit") });
}

const struct tui_screen tui_sc_list = { draw, key, hints, NULL };
