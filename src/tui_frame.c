/* tui_frame.c: a frame of the full-screen wizard: the header, the body
 * that the screen of the question draws (from the table of screens), the
 * footer with its message and keys line; the help, and the terminal too
 * small.  Every frame is drawn whole into curses' virtual screen; curses
 * sends the terminal only the cells that changed, so a keystroke in a
 * field costs a few bytes, not a screen.
 * Layer: front ends. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "kb.h"
#include "text.h"
#include "tui_int.h"
#include "tui_term.h"
#include "words.h"

/* The screen of each question: a new screen is a file and a row. */
static const struct tui_screen *const screens[] = {
	[CV_RESUME] = &tui_sc_resume,
	[CV_PLATFORM] = &tui_sc_list,
	[CV_VERSION] = &tui_sc_search,
	[CV_ERROR] = &tui_sc_search,
	[CV_MATCHES] = &tui_sc_list,
	[CV_FAMILY] = &tui_sc_list,
	[CV_FAMILY_ERRORS] = &tui_sc_list,
	[CV_DISTINGUISH] = &tui_sc_list,
	[CV_CAUSE] = &tui_sc_cause,
	[CV_STEP] = &tui_sc_step,
	[CV_OUTCOME] = &tui_sc_outcome,
	[CV_DETAILS] = &tui_sc_details,
	[CV_REPORT] = &tui_sc_list,
	[CV_END] = &tui_sc_list,
};

const struct tui_screen *
tui_screen(const struct tui *t)
{
	return screens[t->q->at];
}

static const char *
sep(void)
{
	return term_lines_utf8() ? " \xc2\xb7 " : " | ";
}

static void
draw_header(struct tui *t)
{
	const struct wizard *w = t->w;
	enum convo_at at = t->q->at;
	struct buf b;

	buf_init(&b);
	buf_adds(&b, " flashfix");
	if (at > CV_PLATFORM) {
		buf_adds(&b, sep());
		buf_adds(&b, w->platform ? words_platform(w->platform) :
		    _("platform not known"));
	}
	if (at > CV_VERSION) {
		buf_adds(&b, sep());
		buf_adds(&b, w->version_text ? w->version_text :
		    _("version not known"));
	}
	if (at >= CV_CAUSE) {
		buf_adds(&b, sep());
		buf_adds(&b, w->error ? w->error->id : _("not listed"));
	}
	term_put(0, 0, term_cols(), b.s, R_TITLE, true);
	buf_free(&b);
	term_rule(1);
}

static char *
keys_line(const struct tui *t)
{
	int cols = term_cols();

	if (t->help)
		TUI_HINTS({ 2, _("Up/Down scroll") },
		    { 1, _("any other key: back to the wizard") });
	return tui_screen(t)->hints(t, cols);
}

/* The text above the keys line: the question being asked, or a
 * message; NULL when there is none. */
static const char *
footer_text(const struct tui *t)
{
	if (t->asking == ASK_QUIT)
		return _("Quit? The session will be recorded as abandoned. "
		    "y: quit, any other key: stay");
	if (t->asking == ASK_ABANDON)
		return _("Record this session as abandoned? y: yes, any other "
		    "key: no");
	return t->msg;
}

/* The footer's lines: the text above the keys wrapped (at most a third
 * of the screen), else a rule; the keys line last. */
static char **
footer_lines(const struct tui *t, size_t *n)
{
	const char *s = footer_text(t);
	size_t most = (size_t)(term_rows() / 3 > 1 ? term_rows() / 3 : 1);
	char **lines;

	if (!s) {
		*n = 0;
		return NULL;
	}
	lines = text_wrap(s, (size_t)term_cols(), n);
	while (*n > most)
		free(lines[--*n]);
	return lines;
}

/* The footer's lines (footer_lines(), freed here), then the keys. */
static void
draw_footer(struct tui *t, char **lines, size_t n)
{
	int rows = term_rows(), cols = term_cols();
	char *keys = keys_line(t);

	if (!n)
		term_rule(rows - 2);
	for (size_t i = 0; i < n; i++)
		term_put(rows - 1 - (int)(n - i), 0, cols, lines[i], R_MSG,
		    true);
	text_lines_free(lines, n);
	term_put(rows - 1, 0, cols, keys, R_STATUS, true);
	free(keys);
}

struct buf *
tui_field(struct tui *t)
{
	const struct tui_screen *sc = tui_screen(t);

	return sc->field ? sc->field(t) : NULL;
}

static void
draw_help(struct tui *t)
{
	struct page p = { 0 };
	int width = term_cols() - 2;

	tui_page_add(&p, R_HEAD, "", _("Keys"), width);
	tui_page_add(&p, R_TEXT, "", _("Up/Down or j/k: move; Enter: choose "
	    "or go on; Esc, or Backspace on an empty field: back (held down, "
	    "Backspace empties the field but goes back no further)."), width);
	tui_page_add(&p, R_TEXT, "", _("On a step: y fixed, n not fixed, s "
	    "can't do it here, b back, : (or t) adds a note, i shows where the "
	    "step comes from."), width);
	tui_page_add(&p, R_TEXT, "", _("Where you can type (version, error, "
	    "job details), letters go to the field: F1 help, F2 language, F10 "
	    "quit."), width);
	tui_page_add(&p, R_TEXT, "", _("Elsewhere: ? help, l language "
	    "(English, Chinese, both), q quit."), width);
	tui_page_add(&p, R_TEXT, "", _("On the error screen, Enter with "
	    "nothing typed or Tab browses the errors by kind; the item after "
	    "the matches is for an error not listed."), width);
	tui_page_add(&p, R_TEXT, "", _("In a field: Left, Right, Home and End "
	    "(or Ctrl-A, Ctrl-E) move, Delete and Backspace erase, Ctrl-W "
	    "erases a word, Ctrl-U and Ctrl-K cut to the start and the end."),
	    width);
	tui_page_add(&p, R_TEXT, "", _("Up and Down scroll a long page; "
	    "PageUp and PageDown by a screen."), width);
	tui_page_add(&p, R_TEXT, "", _("Ctrl-L draws the screen again."),
	    width);
	tui_draw_scroll(t, &p, 2, t->bottom, &t->help_scroll, &t->help_max);
	tui_page_free(&p);
}

static void
draw_too_small(const struct tui *t)
{
	/* What q does here, as it does it: a session with an outcome is
	 * recorded, one under way is kept. */
	char *s = t->w->outcome != OUT_NONE ? xasprintf(_("Terminal too "
	    "small: %dx%d, needs %dx%d. Make it larger, or press q to record "
	    "the session and quit."), term_cols(), term_rows(), TERM_MIN_COLS,
	    TERM_MIN_ROWS) : xasprintf(_("Terminal too small: %dx%d, needs "
	    "%dx%d. Make it larger, or press q to quit (a session under way "
	    "is kept)."), term_cols(), term_rows(), TERM_MIN_COLS,
	    TERM_MIN_ROWS);
	size_t n;
	char **lines = text_wrap(s, (size_t)(term_cols() > 1 ? term_cols() :
	    1), &n);

	for (size_t i = 0; i < n && (int)i < term_rows(); i++)
		term_put((int)i, 0, term_cols(), lines[i], R_TEXT, false);
	text_lines_free(lines, n);
	free(s);
}

void
tui_draw(struct tui *t)
{
	size_t nfoot;
	char **foot;

	term_begin();
	t->cy = t->cx = 0;
	if (term_rows() < TERM_MIN_ROWS || term_cols() < TERM_MIN_COLS) {
		draw_too_small(t);
		term_end(0, 0);
		return;
	}
	/* The footer first: how many rows it takes decides the page's. */
	foot = footer_lines(t, &nfoot);
	t->bottom = term_rows() - 1 - (nfoot ? (int)nfoot : 1);
	draw_header(t);
	if (t->help)
		draw_help(t);
	else
		tui_screen(t)->draw(t);
	draw_footer(t, foot, nfoot);
	if (t->cx >= term_cols())
		t->cx = term_cols() - 1;
	term_end(t->cy, t->cx);
}
