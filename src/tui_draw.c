/* tui_draw.c: drawing the screens of the full-screen wizard.  Every frame
 * is drawn whole into curses' virtual screen; curses sends the terminal
 * only the cells that changed, so a keystroke in a field costs a few
 * bytes, not a screen.
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

/* Lines of text laid out for a page that may scroll. */
struct page {
	char **lines;
	enum role *roles;
	size_t n, cap, rcap;
};

static void
page_line(struct page *p, enum role r, char *line)
{
	p->lines = xgrow(p->lines, &p->cap, p->n + 1, sizeof *p->lines);
	p->roles = xgrow(p->roles, &p->rcap, p->n + 1, sizeof *p->roles);
	p->lines[p->n] = line;
	p->roles[p->n++] = r;
}

/* Adds text wrapped to width, after label, continuation lines indented
 * under the text. */
static void
page_add(struct page *p, enum role r, const char *label, const char *text,
    int width)
{
	size_t lw = text_width(label), n;
	size_t tw = (size_t)width > lw + 10 ? (size_t)width - lw : 10;
	char **lines = text_wrap(text, tw, &n);

	if (n == 0)
		page_line(p, r, xstrdup(label));
	for (size_t i = 0; i < n; i++)
		page_line(p, r, xasprintf("%*s%s", i ? (int)lw : 0,
		    i ? "" : label, lines[i]));
	text_lines_free(lines, n);
}

static void
page_gap(struct page *p)
{
	page_line(p, R_TEXT, xstrdup(""));
}

static void
page_free(struct page *p)
{
	text_lines_free(p->lines, p->n);
	free(p->roles);
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
	struct buf b;

	buf_init(&b);
	buf_adds(&b, " flashfix");
	if (t->sc > SC_PLATFORM) {
		buf_adds(&b, sep());
		buf_adds(&b, w->platform ? kb_platforms_label(w->platform) :
		    _("platform not known"));
	}
	if (t->sc > SC_VERSION) {
		buf_adds(&b, sep());
		buf_adds(&b, w->version_text ? w->version_text :
		    _("version not known"));
	}
	if (t->sc >= SC_CAUSE) {
		buf_adds(&b, sep());
		buf_adds(&b, w->error ? w->error->id : _("not listed"));
	}
	term_put(0, 0, term_cols(), b.s, R_TITLE, true);
	buf_free(&b);
	term_rule(1);
}

/* A key and what it does, for the keys line; rank 1 is shown first
 * when the line cannot hold them all. */
struct hint {
	int rank;
	const char *text;
};

/* The hints that fit in cols, the most needed first, in their order. */
static char *
hints_fit(const struct hint *h, size_t n, int cols)
{
	bool shown[12] = { false };
	size_t used = 0;
	struct buf b;

	/* By rank; the first that does not fit ends the line, so that a
	 * less needed key never takes the place of a more needed one. */
	for (int rank = 1; rank <= 12; rank++)
		for (size_t i = 0; i < n && i < 12; i++) {
			size_t w = text_width(h[i].text) + (used ? 2 : 0);
			if (h[i].rank != rank)
				continue;
			if (used + w > (size_t)cols)
				goto out;
			shown[i] = true;
			used += w;
		}
out:
	buf_init(&b);
	buf_add(&b, "", 0);
	for (size_t i = 0; i < n && i < 12; i++)
		if (shown[i])
			buf_printf(&b, "%s%s", b.len ? "  " : "", h[i].text);
	return buf_take(&b);
}

#define HINTS(...) do { \
	const struct hint h_[] = { __VA_ARGS__ }; \
	return hints_fit(h_, sizeof h_ / sizeof h_[0], cols); \
} while (0)

/* The keys that work on this screen, as many as fit. */
static char *
keys_line(const struct tui *t)
{
	int cols = term_cols();

	if (t->help)
		HINTS({ 2, _("Up/Down scroll") },
		    { 1, _("any other key: back to the wizard") });
	switch (t->sc) {
	case SC_RESUME:
		HINTS({ 4, _("Up/Down move") }, { 1, _("Enter resume") },
		    { 2, _("a abandon") }, { 5, _("? help") },
		    { 3, _("q quit") });
	case SC_VERSION:
		HINTS({ 7, _("Type to filter") }, { 6, _("Up/Down move") },
		    { 1, _("Enter choose") }, { 4, _("Esc back") },
		    { 2, _("F1 help") }, { 8, _("F2 lang") },
		    { 3, _("F10 quit") });
	case SC_SYMPTOM:
		HINTS({ 7, _("Type to search") }, { 6, _("Up/Down move") },
		    { 1, _("Enter choose") }, { 5, _("Tab browse") },
		    { 4, _("Esc back") }, { 2, _("F1 help") },
		    { 8, _("F2 lang") }, { 3, _("F10 quit") });
	case SC_CAUSE:
		HINTS({ 1, _("Enter first step") }, { 5, _("Up/Down scroll") },
		    { 2, _("Esc back") }, { 6, _("l language") },
		    { 4, _("? help") }, { 3, _("q quit") });
	case SC_STEP:
		if (t->noting)
			HINTS({ 2, _("Type the note") }, { 1, _("Enter keep") },
			    { 1, _("Esc drop") });
		HINTS({ 1, _("y fixed") }, { 1, _("n not fixed") },
		    { 1, _("s can't do it") }, { 4, _(": note") },
		    { 6, _("i source") }, { 3, _("Esc back") },
		    { 5, _("? help") }, { 2, _("q quit") });
	case SC_OUTCOME:
		HINTS({ 1, _("Enter job details") }, { 2, _("r report for HQ") },
		    { 4, _("Esc change an answer") },
		    { 3, _("q record and quit") }, { 5, _("? help") });
	case SC_DETAILS:
		HINTS({ 1, _("Enter next field") }, { 4, _("Up/Down move") },
		    { 3, _("Esc back") }, { 2, _("F10 record and quit") },
		    { 5, _("F1 help") });
	default:
		HINTS({ 4, _("Up/Down move") }, { 1, _("Enter choose") },
		    { 2, _("Esc back") }, { 6, _("l language") },
		    { 5, _("? help") }, { 3, _("q quit") });
	}
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

/* A one-line field at y, x, fw columns wide: the text around its cursor
 * (a cut marked with an ellipsis), the cursor left at it. */
static void
draw_field(struct tui *t, int y, int x, int fw, struct buf *f, bool active)
{
	const char *s = f->s ? f->s : "";
	size_t at = tui_cursor(t, f), ew = text_width(term_ellipsis());
	size_t room = fw > 1 ? (size_t)fw - 1 : 1, from;
	char *pre = xstrndup(s, at);
	int lead = 0;

	from = text_tail(pre, room);
	if (from > 0 && room > ew + 1) {
		from = text_tail(pre, room - ew);
		lead = term_put(y, x, (int)ew, term_ellipsis(), R_FIELD, false);
	}
	term_put(y, x + lead, fw - lead, s + from, R_FIELD, true);
	if (active) {
		t->cy = y;
		t->cx = x + lead + (int)text_width(pre + from);
	}
	free(pre);
}

/* Draws a page from its scroll position in rows [top, bottom). */
static void
draw_page(struct tui *t, struct page *p, int top, int bottom,
    size_t *scroll, size_t *max)
{
	size_t height = bottom > top ? (size_t)(bottom - top) : 0;

	*max = p->n > height ? p->n - height : 0;
	if (*scroll > *max)
		*scroll = *max;
	for (size_t i = 0; i < height && *scroll + i < p->n; i++)
		term_put(top + (int)i, 1, term_cols() - 2,
		    p->lines[*scroll + i], p->roles[*scroll + i], false);
	t->cy = top;
	t->cx = 1;
}

struct buf *
tui_field(struct tui *t)
{
	switch (t->sc) {
	case SC_VERSION:
		return &t->version;
	case SC_SYMPTOM:
		return &t->query;
	case SC_DETAILS:
		return &t->detail[t->detail_at];
	case SC_STEP:
		return t->noting ? &t->note : NULL;
	default:
		return NULL;
	}
}

static const char *
question(const struct tui *t)
{
	switch (t->sc) {
	case SC_RESUME:
		return _("Unfinished sessions. Enter takes one up again; a "
		    "records it as abandoned.");
	case SC_PLATFORM:
		return words_question(STAGE_PLATFORM);
	case SC_VERSION:
		return words_question(STAGE_VERSION);
	case SC_SYMPTOM:
		return words_question(STAGE_SYMPTOM);
	case SC_CATEGORY:
		return _("Which kind of error?");
	case SC_CATLIST:
		return kb_family_label(t->fam);
	case SC_DISAMBIG:
		return _("Errors with this message differ. Which fits?");
	default:
		return "";
	}
}

static void
draw_list(struct tui *t)
{
	int cols = term_cols(), bottom = t->bottom, y = 2;
	struct buf *f = tui_field(t);
	bool numbered = !f;
	size_t nq, height;
	char **q = text_wrap(question(t), (size_t)cols - 2, &nq);

	for (size_t i = 0; i < nq && y < bottom - 2; i++)
		term_put(y++, 1, cols - 2, q[i], R_HEAD, false);
	text_lines_free(q, nq);
	if (f) {
		int x = 1 + term_put(y, 1, cols / 2, t->sc == SC_VERSION ?
		    _("Version: ") : _("Error: "), R_TEXT, false);
		draw_field(t, y++, x, cols - x - 1, f, true);
	}
	if (term_rows() >= 16)
		y++;
	/* The selected item, when its line cuts it, is shown whole under
	 * the list, room allowing (a third of the screen at most). */
	if (t->sel < t->nitems && text_width(t->items[t->sel].label) + 6 >
	    (size_t)cols) {
		size_t nw, most = (size_t)(bottom - y) / 3;
		char **w = text_wrap(t->items[t->sel].label, (size_t)cols - 4,
		    &nw);
		if (nw && nw <= most) {
			for (size_t i = 0; i < nw; i++)
				term_put(bottom - (int)nw + (int)i, 3, cols - 4,
				    w[i], R_DIM, false);
			bottom -= (int)nw + 1;
		}
		text_lines_free(w, nw);
	}
	height = bottom > y ? (size_t)(bottom - y) : 1;
	if (t->sel < t->top)
		t->top = t->sel;
	if (t->sel >= t->top + height)
		t->top = t->sel - height + 1;
	for (size_t i = t->top; i < t->nitems && i < t->top + height; i++) {
		bool sel = i == t->sel;
		char *label = numbered && i < 9 ? xasprintf("%c %zu) %s",
		    sel ? '>' : ' ', i + 1, t->items[i].label) :
		    xasprintf("%c %s", sel ? '>' : ' ', t->items[i].label);
		term_put(y, 1, cols - 2, label, sel ? R_SEL : R_TEXT, sel);
		if (sel && !f) {
			t->cy = y;
			t->cx = 1;
		}
		free(label);
		y++;
	}
}

static void
add_kb(struct tui *t, struct page *p, enum role r, const char *label,
    const char *en, const char *zh, int width)
{
	char *s = words_kb(t->lang, en, zh);
	page_add(p, r, label, s, width);
	free(s);
}

static void
draw_cause(struct tui *t, struct page *p, int width)
{
	const struct kb_error *e = t->w->error;
	char *s;

	if (e) {
		add_kb(t, p, R_HEAD, "", e->error_en, e->error_zh, width);
		if (e->ncodes) {
			struct buf b;
			buf_init(&b);
			for (size_t i = 0; i < e->ncodes; i++)
				buf_printf(&b, "%s%s", i ? ", " : "",
				    e->codes[i]);
			page_add(p, R_DIM, _("Codes: "), b.s, width);
			buf_free(&b);
		}
		page_gap(p);
		add_kb(t, p, R_TEXT, _("Cause: "), kb_cause(t->w->kb, e, false),
		    kb_cause(t->w->kb, e, true),
		    width);
		page_add(p, R_DIM, _("Family: "), kb_family_label(e->family),
		    width);
		if (t->w->log) {
			page_gap(p);
			page_add(p, R_DIM, _("From the log: "), t->w->log,
			    width);
		}
	} else {
		page_add(p, R_HEAD, "", _("Not in the knowledge base: the "
		    "general steps, cheapest first."), width);
	}
	page_gap(p);
	s = xasprintf(ngettext("%zu step to try, in the order its source "
	    "gives. Enter: the first step.", "%zu steps to try, in the order "
	    "their source gives. Enter: the first step.", t->w->nsteps),
	    t->w->nsteps);
	page_add(p, R_MSG, "", s, width);
	free(s);
}

static void
draw_step(struct tui *t, struct page *p, int width)
{
	const struct wizard *w = t->w;
	const struct wiz_step *st = wizard_step(w);
	char *s;

	if (!st)
		return;
	s = xasprintf(_("Step %zu of %zu (%s)"), w->cur + 1, w->nsteps,
	    kb_level_label(st->fix->level));
	page_add(p, R_HEAD, "", s, width);
	free(s);
	page_gap(p);
	add_kb(t, p, R_TEXT, "", kb_action(t->w->kb, st->fix, false),
	    kb_action(t->w->kb, st->fix, true),
	    width);
	page_gap(p);
	if ((s = words_step_history(t->stats, w)) != NULL) {
		page_add(p, R_DIM, "", s, width);
		free(s);
	}
	if ((s = words_step_latest(w)) != NULL) {
		page_add(p, R_MSG, "", s, width);
		free(s);
	}
	if (t->show_source)
		page_add(p, R_DIM, _("Source: "), st->fix->source, width);
	if (t->note.len && !t->noting)
		page_add(p, R_DIM, _("Note: "), t->note.s, width);
	page_add(p, R_MSG, "", words_question(STAGE_STEPS), width);
}

static void
draw_outcome(struct tui *t, struct page *p, int width)
{
	const struct wizard *w = t->w;
	char *s;

	if (w->outcome == OUT_FIXED) {
		s = words_fixed_at(w->fixed_at);
		page_add(p, R_HEAD, "", s, width);
		free(s);
	} else {
		page_add(p, R_HEAD, "", _("Not fixed: escalate to HQ with "
		    "the report."), width);
		if (w->error && w->error->notes->escalate_en)
			add_kb(t, p, R_TEXT, _("HQ needs: "),
			    w->error->notes->escalate_en,
			    w->error->notes->escalate_zh, width);
	}
	page_gap(p);
	for (size_t i = 0; i < w->nsteps; i++) {
		const struct wiz_step *st = &w->steps[i];
		const char *a = words_answer(st->answer);
		if (st->answer == ANS_NONE)
			break;
		s = xasprintf("%zu. %s: %s%s%s", i + 1,
		    kb_level_label(st->fix->level), a, st->note ? " - " : "",
		    st->note ? st->note : "");
		page_add(p, R_TEXT, "", s, width);
		free(s);
	}
	page_gap(p);
	if (w->report)
		page_add(p, R_DIM, "", _("A report for HQ will be written when "
		    "the session is recorded."), width);
	page_add(p, R_MSG, "", _("Enter: the job details, then the session "
	    "is recorded. r: a report for HQ too."), width);
}

static void
draw_details(struct tui *t)
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
		draw_field(t, y, x, cols - x - 1, &t->detail[i],
		    i == t->detail_at);
	}
}

static void
draw_help(struct tui *t)
{
	struct page p = { 0 };
	int width = term_cols() - 2;

	page_add(&p, R_HEAD, "", _("Keys"), width);
	page_add(&p, R_TEXT, "", _("Up/Down or j/k: move; Enter: choose or "
	    "go on; Esc, or Backspace on an empty field: back (held down, "
	    "Backspace empties the field but goes back no further)."), width);
	page_add(&p, R_TEXT, "", _("On a step: y fixed, n not fixed, s can't "
	    "do it here, : (or t) adds a note, i shows where the step comes "
	    "from."), width);
	page_add(&p, R_TEXT, "", _("Where you can type (version, error, job "
	    "details), letters go to the field: F1 help, F2 language, F10 "
	    "quit."), width);
	page_add(&p, R_TEXT, "", _("Elsewhere: ? help, l language (English, "
	    "Chinese, both), q quit."), width);
	page_add(&p, R_TEXT, "", _("On the error screen, Tab browses the "
	    "errors by kind; the last item is for an error not listed."),
	    width);
	page_add(&p, R_TEXT, "", _("In a field: Left, Right, Home and End "
	    "(or Ctrl-A, Ctrl-E) move, Delete and Backspace erase, Ctrl-W "
	    "erases a word, Ctrl-U and Ctrl-K cut to the start and the end."),
	    width);
	page_add(&p, R_TEXT, "", _("Up and Down scroll a long page; "
	    "PageUp and PageDown by a screen."), width);
	page_add(&p, R_TEXT, "", _("Ctrl-L draws the screen again."), width);
	draw_page(t, &p, 2, t->bottom, &t->help_scroll, &t->help_max);
	page_free(&p);
}

static void
draw_too_small(void)
{
	char *s = xasprintf(_("Terminal too small: %dx%d, needs %dx%d. Make "
	    "it larger, or press q to quit (a session under way is kept)."),
	    term_cols(), term_rows(), TERM_MIN_COLS, TERM_MIN_ROWS);
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
		draw_too_small();
		term_end(0, 0);
		return;
	}
	/* The footer first: how many rows it takes decides the page's. */
	foot = footer_lines(t, &nfoot);
	t->bottom = term_rows() - 1 - (nfoot ? (int)nfoot : 1);
	draw_header(t);
	if (t->help) {
		draw_help(t);
	} else if (t->sc == SC_CAUSE || t->sc == SC_STEP ||
	    t->sc == SC_OUTCOME) {
		struct page p = { 0 };
		int width = term_cols() - 2, bottom = t->bottom;
		if (t->sc == SC_CAUSE)
			draw_cause(t, &p, width);
		else if (t->sc == SC_STEP)
			draw_step(t, &p, width);
		else
			draw_outcome(t, &p, width);
		if (t->sc == SC_STEP && t->noting)
			bottom--;
		draw_page(t, &p, 2, bottom, &t->scroll, &t->page_max);
		/* The cursor rests at the question at the end of the page. */
		if (p.n && p.n - 1 >= t->scroll && p.n - 1 - t->scroll <
		    (size_t)(bottom - 2)) {
			t->cy = 2 + (int)(p.n - 1 - t->scroll);
			t->cx = 1 + (int)text_width(p.lines[p.n - 1]);
		}
		if (t->sc == SC_STEP && t->noting) {
			int x = 1 + term_put(bottom, 1, width, _("Note: "),
			    R_TEXT, false);
			draw_field(t, bottom, x, term_cols() - x - 1, &t->note,
			    true);
		}
		page_free(&p);
	} else if (t->sc == SC_DETAILS) {
		draw_details(t);
	} else {
		draw_list(t);
	}
	draw_footer(t, foot, nfoot);
	if (t->cx >= term_cols())
		t->cx = term_cols() - 1;
	term_end(t->cy, t->cx);
}
