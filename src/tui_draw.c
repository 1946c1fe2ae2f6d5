/* tui_draw.c: what the screens of the full-screen wizard draw with:
 * pages that scroll, lists under a question, fields, the keys line's
 * hints.
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

static void
page_line(struct page *p, int r, char *line)
{
	p->lines = xgrow(p->lines, &p->cap, p->n + 1, sizeof *p->lines);
	p->roles = xgrow(p->roles, &p->rcap, p->n + 1, sizeof *p->roles);
	p->lines[p->n] = line;
	p->roles[p->n++] = r;
}

void
tui_page_add(struct page *p, int r, const char *label, const char *text,
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

void
tui_page_kb(struct tui *t, struct page *p, int r, const char *label,
    const char *en, const char *zh, int width)
{
	char *s = words_kb(t->lang, en, zh);

	tui_page_add(p, r, label, s, width);
	free(s);
}

void
tui_page_gap(struct page *p)
{
	page_line(p, R_TEXT, xstrdup(""));
}

void
tui_page_free(struct page *p)
{
	text_lines_free(p->lines, p->n);
	free(p->roles);
}

char *
tui_hints_fit(const struct hint *h, size_t n, int cols)
{
	bool shown[16] = { false };
	size_t used = 0;
	struct buf b;

	/* By rank; the first that does not fit ends the line, so that a
	 * less needed key never takes the place of a more needed one. */
	for (int rank = 1; rank <= 16; rank++)
		for (size_t i = 0; i < n && i < 16; i++) {
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
	for (size_t i = 0; i < n && i < 16; i++)
		if (shown[i])
			buf_printf(&b, "%s%s", b.len ? "  " : "", h[i].text);
	return buf_take(&b);
}

void
tui_draw_field(struct tui *t, int y, int x, int fw, struct buf *f,
    bool active)
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

void
tui_draw_scroll(struct tui *t, struct page *p, int top, int bottom,
    size_t *scroll, size_t *max)
{
	size_t height = bottom > top ? (size_t)(bottom - top) : 0;

	*max = p->n > height ? p->n - height : 0;
	if (*scroll > *max)
		*scroll = *max;
	for (size_t i = 0; i < height && *scroll + i < p->n; i++)
		term_put(top + (int)i, 1, term_cols() - 2,
		    p->lines[*scroll + i], (enum role)p->roles[*scroll + i],
		    false);
	t->cy = top;
	t->cx = 1;
}

void
tui_draw_page(struct tui *t, struct page *p, int keep)
{
	int bottom = t->bottom - keep;

	tui_draw_scroll(t, p, 2, bottom, &t->scroll, &t->page_max);
	/* The cursor rests at the question at the end of the page. */
	if (p->n && p->n - 1 >= t->scroll && p->n - 1 - t->scroll <
	    (size_t)(bottom - 2)) {
		t->cy = 2 + (int)(p->n - 1 - t->scroll);
		t->cx = 1 + (int)text_width(p->lines[p->n - 1]);
	}
}

/* Whether the first cols columns of label are those of another label
 * of the list too: cut at its end, the two would look the same. */
static bool
cut_alike(const struct tui *t, size_t i, size_t cols)
{
	const char *a = t->q->choices[i].label;
	size_t na = text_fit(a, cols, NULL);

	for (size_t k = 0; k < t->q->n; k++) {
		const char *b = t->q->choices[k].label;
		if (k != i && strcmp(a, b) != 0 && text_fit(b, cols, NULL) ==
		    na && strncmp(a, b, na) == 0)
			return true;
	}
	return false;
}

/* A list item's line: its number (when no field takes typing), its
 * label; cut in the middle when its end is what tells it apart. */
static char *
item_line(const struct tui *t, size_t i, bool numbered, int cols)
{
	bool sel = i == t->sel;
	char *head = numbered && i < 9 ? xasprintf("%c %zu) ", sel ? '>' :
	    ' ', i + 1) : xasprintf("%c ", sel ? '>' : ' ');
	const char *label = t->q->choices[i].label;
	size_t hw = text_width(head), ew = text_width(term_ellipsis());
	size_t room = (size_t)cols > hw ? (size_t)cols - hw : 1;
	char *line;

	if (text_width(label) > room && room > 2 * ew + 8 &&
	    cut_alike(t, i, room - ew)) {
		size_t tailw = room / 3, headw = room - ew - tailw;
		size_t hb = text_fit(label, headw, NULL);
		line = xasprintf("%s%.*s%s%s", head, (int)hb, label,
		    term_ellipsis(), label + text_tail(label, tailw));
	} else {
		line = xasprintf("%s%s", head, label);
	}
	free(head);
	return line;
}

void
tui_draw_list(struct tui *t, const char *question, struct buf *f,
    const char *field_label)
{
	int cols = term_cols(), bottom = t->bottom, y = 2;
	size_t nq, height, sel = t->sel;
	char **q = text_wrap(question, (size_t)cols - 2, &nq);

	for (size_t i = 0; i < nq && y < bottom - 2; i++)
		term_put(y++, 1, cols - 2, q[i], R_HEAD, false);
	text_lines_free(q, nq);
	if (f) {
		int x = 1 + term_put(y, 1, cols / 2, field_label, R_TEXT,
		    false);
		tui_draw_field(t, y++, x, cols - x - 1, f, true);
	}
	if (term_rows() >= 16)
		y++;
	/* The selected item, when its line cuts it, is shown whole under
	 * the list, room allowing (a third of the screen at most). */
	if (sel < t->q->n && text_width(t->q->choices[sel].label) + 6 >
	    (size_t)cols) {
		size_t nw, most = (size_t)(bottom - y) / 3;
		char **w = text_wrap(t->q->choices[sel].label,
		    (size_t)cols - 4, &nw);
		if (nw && nw <= most) {
			for (size_t i = 0; i < nw; i++)
				term_put(bottom - (int)nw + (int)i, 3, cols - 4,
				    w[i], R_DIM, false);
			bottom -= (int)nw + 1;
		}
		text_lines_free(w, nw);
	}
	height = bottom > y ? (size_t)(bottom - y) : 1;
	if (sel != CONVO_NONE && sel < t->top)
		t->top = sel;
	if (sel != CONVO_NONE && sel >= t->top + height)
		t->top = sel - height + 1;
	for (size_t i = t->top; i < t->q->n && i < t->top + height; i++) {
		char *line = item_line(t, i, !f, cols - 2);
		term_put(y, 1, cols - 2, line, i == sel ? R_SEL : R_TEXT,
		    i == sel);
		if (i == sel && !f) {
			t->cy = y;
			t->cx = 1;
		}
		free(line);
		y++;
	}
}

