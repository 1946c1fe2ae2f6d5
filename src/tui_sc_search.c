/* tui_sc_search.c: the screen of a question typed over a list that
 * follows the typing: the version (the releases filtered) and the error
 * (the errors ranked on every keystroke; Enter with nothing typed, or
 * Tab, browses by kind; a log's path or several pasted lines are read as
 * a log).  Layer: front ends. */
#include <config.h>

#include "i18n.h"
#include "tui_int.h"
#include "tui_term.h"

static struct buf *
field(struct tui *t)
{
	return t->q->at == CV_VERSION ? &t->version : &t->query;
}

static void
draw(struct tui *t)
{
	tui_draw_list(t, t->q->text, field(t), t->q->at == CV_VERSION ?
	    _("Version: ") : _("Error: "));
}

static enum act
key(struct tui *t, bool is_ch, unsigned ch, int k)
{
	struct buf *f = field(t);

	if (is_ch && ch == CH_TAB && (t->q->keys & CK_BROWSE)) {
		for (size_t i = 0; i < t->q->n; i++)
			if (t->q->choices[i].pick == CP_BROWSE) {
				convo_choose(&t->c, i);
				tui_moved(t);
			}
		return ACT_GO;
	}
	if ((is_ch && (ch == '\r' || ch == '\n')) || k == TK_ENTER) {
		convo_enter(&t->c, f->s ? f->s : "", t->sel);
		tui_moved(t);
	}
	return ACT_GO;
}

static char *
hints(const struct tui *t, int cols)
{
	if (t->q->at == CV_VERSION)
		TUI_HINTS({ 7, _("Type to filter") }, { 6, _("Up/Down move") },
		    { 1, _("Enter choose") }, { 4, _("Esc back") },
		    { 2, _("F1 help") }, { 8, _("F2 lang") },
		    { 3, _("F10 quit") });
	TUI_HINTS({ 7, _("Type to search") }, { 6, _("Up/Down move") },
	    { 1, _("Enter choose") }, { 5, _("Tab browse") },
	    { 4, _("Esc back") }, { 2, _("F1 help") }, { 8, _("F2 lang") },
	    { 3, _("F10 quit") });
}

const struct tui_screen tui_sc_search = { draw, key, hints, field };
