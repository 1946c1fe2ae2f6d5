/* tui_sc_details.c: the screen of the job details: engineer, phone
 * model, serial, each optional; Enter confirms a field (saved with the
 * session) and goes to the next, the last records the session.
 * Layer: front ends. */
#include <config.h>

#include "i18n.h"
#include "text.h"
#include "tui_int.h"
#include "tui_term.h"

static struct buf *
field(struct tui *t)
{
	return &t->detail[t->detail_at];
}

static void
draw(struct tui *t)
{
	const char *labels[DETAIL_FIELDS] = { _("Engineer"), _("Phone model"),
		_("Serial or IMEI") };
	int cols = term_cols(), y = 2, lw = 0;
	size_t n;
	char **q = text_wrap(_("Job details (optional): Enter keeps what is "
	    "shown."), (size_t)cols - 2, &n);

	for (size_t i = 0; i < n && i < 2; i++)
		term_put(y++, 1, cols - 2, q[i], R_HEAD, false);
	text_lines_free(q, n);
	y++;
	for (int i = 0; i < DETAIL_FIELDS; i++)
		if ((int)text_width(labels[i]) > lw)
			lw = (int)text_width(labels[i]);
	if (lw > cols / 2)
		lw = cols / 2;
	for (int i = 0; i < DETAIL_FIELDS; i++, y++) {
		int x = 1 + lw + 2;
		term_put(y, 1, lw, labels[i], R_TEXT, false);
		term_put(y, 1 + lw, 2, ":", R_TEXT, false);
		tui_draw_field(t, y, x, cols - x - 1, &t->detail[i],
		    i == t->detail_at);
	}
}

static enum act
key(struct tui *t, bool is_ch, unsigned ch, int k)
{
	if (!((is_ch && (ch == '\r' || ch == '\n')) || k == TK_ENTER))
		return ACT_GO;
	/* Each field confirmed is saved with the session; the last one
	 * ends the details. */
	for (int i = 0; i < DETAIL_FIELDS; i++)
		convo_detail(&t->c, i, t->detail[i].s ? t->detail[i].s : "");
	if (t->detail_at + 1 < DETAIL_FIELDS) {
		t->detail_at++;
		return ACT_GO;
	}
	convo_details_done(&t->c);
	tui_moved(t);
	return ACT_GO;
}

static char *
hints(const struct tui *t, int cols)
{
	(void)t;
	TUI_HINTS({ 1, _("Enter next field") }, { 4, _("Up/Down move") },
	    { 3, _("Esc back") }, { 2, _("F10 record and quit") },
	    { 5, _("F1 help") });
}

const struct tui_screen tui_sc_details = { draw, key, hints, field };
