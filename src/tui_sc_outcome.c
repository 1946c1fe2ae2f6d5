/* tui_sc_outcome.c: the screen of the outcome: fixed at step N, or the
 * escalation and what HQ needs; the steps as answered; r for a report
 * for HQ.  Layer: front ends. */
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
	const struct wizard *w = t->w;
	int width = term_cols() - 2;
	struct page p = { 0 };
	char *s;

	if (w->outcome == OUT_FIXED) {
		s = words_fixed_at(w->fixed_at);
		tui_page_add(&p, R_HEAD, "", s, width);
		free(s);
	} else {
		tui_page_add(&p, R_HEAD, "", _("Not fixed: escalate to HQ with "
		    "the report."), width);
		if (w->error && w->error->notes->escalate_en)
			tui_page_kb(t, &p, R_TEXT, _("HQ needs: "),
			    w->error->notes->escalate_en,
			    w->error->notes->escalate_zh, width);
	}
	tui_page_gap(&p);
	for (size_t i = 0; i < w->nsteps; i++) {
		const struct wiz_step *st = &w->steps[i];
		if (st->answer == ANS_NONE)
			break;
		s = xasprintf("%zu. %s: %s%s%s", i + 1,
		    kb_level_label(st->fix->level), words_answer(st->answer),
		    st->note ? " - " : "", st->note ? st->note : "");
		tui_page_add(&p, R_TEXT, "", s, width);
		free(s);
	}
	tui_page_gap(&p);
	/* Said here, once, as long as it holds. */
	if (w->report)
		tui_page_add(&p, R_DIM, "", _("A report for HQ will be written "
		    "when the session is recorded."), width);
	tui_page_add(&p, R_MSG, "", t->q->keys & CK_REPORT ? _("Enter: the "
	    "job details, then the session is recorded. r: a report for HQ "
	    "too.") : _("Enter: the job details, then the session is "
	    "recorded."), width);
	tui_draw_page(t, &p, 0);
	tui_page_free(&p);
}

static enum act
key(struct tui *t, bool is_ch, unsigned ch, int k)
{
	if ((is_ch && (ch == '\r' || ch == '\n' || ch == ' ')) ||
	    k == TK_ENTER) {
		convo_choose(&t->c, 0);
		tui_moved(t);
	} else if (is_ch && (ch == 'r' || ch == 'R')) {
		convo_toggle_report(&t->c);
		tui_moved(t);
	}
	return ACT_GO;
}

static char *
hints(const struct tui *t, int cols)
{
	if (!(t->q->keys & CK_REPORT))
		TUI_HINTS({ 1, _("Enter job details") },
		    { 3, _("Esc change an answer") },
		    { 2, _("q record and quit") }, { 4, _("? help") });
	TUI_HINTS({ 1, _("Enter job details") }, { 2, _("r report for HQ") },
	    { 4, _("Esc change an answer") }, { 3, _("q record and quit") },
	    { 5, _("? help") });
}

const struct tui_screen tui_sc_outcome = { draw, key, hints, NULL };
