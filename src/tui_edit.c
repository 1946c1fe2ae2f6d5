/* tui_edit.c: editing the full-screen wizard's fields and moving its
 * selection: what a key does to the state, before the screen is drawn
 * again, and where the cursor is in a field (for drawing).
 * The conversation moving, as the screens see it: asked again, the
 * selection and the fields set for a new question.
 * Layer: front ends (under drawing and the keys). */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "convo.h"
#include "i18n.h"
#include "tui_int.h"
#include "tui_term.h"

/* A field holds at most this much: an error message, a name, a note.
 * More is refused with a message rather than kept without bound. */
#define FIELD_MAX 2048

void
tui_say(struct tui *t, const char *msg)
{
	free(t->msg);
	t->msg = msg ? xstrdup(msg) : NULL;
}

void
tui_moved(struct tui *t)
{
	const struct wiz_step *st;
	char *m;

	t->q = convo_ask(&t->c);
	t->stale = false;
	if ((m = convo_take_msg(&t->c)) != NULL) {
		free(t->msg);
		t->msg = m;
	}
	st = wizard_step(t->w);
	if (t->q->at == t->shown && (t->q->at != CV_STEP ||
	    t->shown_step == t->w->cur))
		return;
	/* A new question: its preselected choice, its page from the top,
	 * its field as the session has it. */
	t->shown = t->q->at;
	t->shown_step = t->w->cur;
	t->sel = t->q->pre;
	t->top = t->scroll = 0;
	t->noting = t->show_source = false;
	t->editing = NULL;
	switch (t->q->at) {
	case CV_VERSION:
		buf_reset(&t->version);
		buf_add(&t->version, "", 0);
		break;
	case CV_ERROR:
		buf_reset(&t->query);
		buf_adds(&t->query, t->c.filter);
		break;
	case CV_STEP:
		/* A step answered before: its note is there to change. */
		buf_reset(&t->note);
		buf_adds(&t->note, st && st->note ? st->note : "");
		break;
	case CV_DETAILS: {
		const char *v[DETAIL_FIELDS] = { t->w->engineer, t->w->model,
			t->w->serial };
		for (int i = 0; i < DETAIL_FIELDS; i++) {
			buf_reset(&t->detail[i]);
			buf_adds(&t->detail[i], v[i] ? v[i] : "");
		}
		t->detail_at = t->c.detail;
		break;
	}
	default:
		break;
	}
}

enum act
tui_back(struct tui *t)
{
	if (!(t->q->keys & CK_BACK) || !convo_back(&t->c)) {
		/* The first question: nothing is behind it. */
		tui_say(t, _("This is the first question: q or F10 quits."));
		return ACT_GO;
	}
	tui_moved(t);
	return ACT_GO;
}

void
tui_move_sel(struct tui *t, long by)
{
	size_t n = t->q->n;

	if (t->q->at == CV_DETAILS) {
		long to = t->detail_at + by;
		t->detail_at = to < 0 ? 0 : to >= DETAIL_FIELDS ?
		    DETAIL_FIELDS - 1 : (int)to;
		return;
	}
	if (t->q->read || t->q->at == CV_STEP || t->q->at == CV_CAUSE) {
		long to = (long)t->scroll + by;
		t->scroll = to < 0 ? 0 : (size_t)to > t->page_max ?
		    t->page_max : (size_t)to;
		return;
	}
	if (!n)
		return;
	if (t->sel == CONVO_NONE)
		t->sel = by < 0 ? n - 1 : 0; /* none selected: from the end */
	else if (by == -1 && t->sel == 0)
		t->sel = n - 1; /* around, to "not listed" */
	else if (by == 1 && t->sel + 1 == n)
		t->sel = 0;
	else {
		long to = (long)t->sel + by;
		t->sel = to < 0 ? 0 : (size_t)to >= n ? n - 1 : (size_t)to;
	}
}

/* The field changed: a list filtered by it is asked again, its
 * preselected choice selected. */
static void
edited(struct tui *t, struct buf *f)
{
	if (f == &t->version || f == &t->query) {
		convo_filter(&t->c, f->s);
		t->q = convo_ask(&t->c);
		t->sel = t->q->pre;
		t->top = 0;
	}
}

size_t
tui_cursor(const struct tui *t, const struct buf *f)
{
	return t->editing == f && t->at < f->len ? t->at : f->len;
}

/* The cursor in f, taken up: a field other than the last one edited
 * starts with the cursor at its end. */
static size_t
take(struct tui *t, struct buf *f)
{
	t->at = tui_cursor(t, f);
	t->editing = f;
	if (!f->s)
		buf_add(f, "", 0);
	return t->at;
}

/* Removes f's bytes [from, to) and leaves the cursor at from. */
static void
cut(struct tui *t, struct buf *f, size_t from, size_t to)
{
	if (to <= from)
		return;
	memmove(f->s + from, f->s + to, f->len - to + 1);
	f->len -= to - from;
	t->at = from;
	edited(t, f);
}

/* The start of the character before byte i, and after it. */
static size_t
char_before(const struct buf *f, size_t i)
{
	while (i > 0 && ((unsigned char)f->s[--i] & 0xc0) == 0x80)
		;
	return i;
}

static size_t
char_after(const struct buf *f, size_t i)
{
	if (i < f->len)
		i++;
	while (i < f->len && ((unsigned char)f->s[i] & 0xc0) == 0x80)
		i++;
	return i;
}

/* Typing into a field at the cursor: printable characters only. */
void
tui_type_char(struct tui *t, struct buf *f, unsigned ch)
{
	uint8_t u[6];
	size_t at = take(t, f);
	int n;

	if (ch < 0x20 || (ch >= 0x7f && ch < 0xa0) || ch > 0x10ffff)
		return;
	if (ch >= 0x80 && !term_utf8())
		return;
	n = u8_uctomb(u, (ucs4_t)ch, sizeof u);
	if (n <= 0)
		return;
	if (f->len + (size_t)n > FIELD_MAX) {
		free(t->msg);
		t->msg = xstrdup(_("The field is full."));
		return;
	}
	buf_add(f, u, (size_t)n);
	memmove(f->s + at + n, f->s + at, f->len - (size_t)n - at);
	memcpy(f->s + at, u, (size_t)n);
	t->at = at + (size_t)n;
	edited(t, f);
}

void
tui_erase_char(struct tui *t, struct buf *f)
{
	size_t at = take(t, f);

	cut(t, f, char_before(f, at), at);
}

void
tui_edit_key(struct tui *t, struct buf *f, enum edit how)
{
	size_t at = take(t, f), i = at;

	switch (how) {
	case ED_LEFT:
		t->at = char_before(f, at);
		break;
	case ED_RIGHT:
		t->at = char_after(f, at);
		break;
	case ED_HOME:
		t->at = 0;
		break;
	case ED_END:
		t->at = f->len;
		break;
	case ED_DELETE:
		cut(t, f, at, char_after(f, at));
		break;
	case ED_WORD:
		while (i > 0 && f->s[i - 1] == ' ')
			i--;
		while (i > 0 && f->s[i - 1] != ' ')
			i--;
		cut(t, f, i, at);
		break;
	case ED_TO_START:
		cut(t, f, 0, at);
		break;
	case ED_TO_END:
		cut(t, f, at, f->len);
		break;
	}
}

/* The keys that edit inside a field: the cursor, and cutting.  True
 * when the key was one. */
bool
tui_edit_keys(struct tui *t, struct buf *f, bool is_ch, unsigned ch, int key)
{
	enum edit how;

	/* Home and End move in a field with text, else in the list. */
	if ((key == TK_HOME || key == TK_END) && !f->len)
		return false;
	if (key == TK_LEFT || (is_ch && ch == CH_CTRL_B))
		how = ED_LEFT;
	else if (key == TK_RIGHT || (is_ch && ch == CH_CTRL_F))
		how = ED_RIGHT;
	else if (key == TK_HOME || (is_ch && ch == CH_CTRL_A))
		how = ED_HOME;
	else if (key == TK_END || (is_ch && ch == CH_CTRL_E))
		how = ED_END;
	else if (key == TK_DELETE)
		how = ED_DELETE;
	else if (is_ch && ch == CH_CTRL_W)
		how = ED_WORD;
	else if (is_ch && ch == CH_CTRL_U)
		how = ED_TO_START;
	else if (is_ch && ch == CH_CTRL_K)
		how = ED_TO_END;
	else
		return false;
	tui_edit_key(t, f, how);
	return true;
}

int
tui_page_rows(void)
{
	return term_rows() - 4;
}



/* At most this much of a paste is kept: a log of a few thousand lines. */
#define PASTE_MAX (1024 * 1024)

/* A key inside a paste: text, never a key. */
void
tui_paste_key(struct tui *t, bool is_ch, unsigned ch, int key)
{
	uint8_t u[6];
	int n;

	if (key == TK_ENTER)
		ch = '\n', is_ch = true;
	if (!is_ch || t->paste.len > PASTE_MAX)
		return;
	if (ch == '\r')
		ch = '\n';
	if (ch < 0x20 && ch != '\n' && ch != '\t')
		return;
	n = u8_uctomb(u, (ucs4_t)ch, sizeof u);
	if (n > 0)
		buf_add(&t->paste, u, (size_t)n);
}

void
tui_type_text(struct tui *t, struct buf *f, const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		ucs4_t c;
		int k = u8_mbtoucr(&c, (const uint8_t *)s + i, n - i);
		if (k < 0) {
			i++;
			continue;
		}
		tui_type_char(t, f, c == '\n' || c == '\r' || c == '\t' ?
		    ' ' : c);
		i += (size_t)k;
	}
}
