/* tui_edit.c: editing the full-screen wizard's fields and moving its
 * selection: what a key does to the state, before the screen is drawn
 * again.  Layer: front ends (between drawing and the keys). */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>

#include <unistr.h>

#include "i18n.h"
#include "tui_int.h"
#include "tui_term.h"

/* A field holds at most this much: an error message, a name, a note.
 * More is refused with a message rather than kept without bound. */
#define FIELD_MAX 2048

void
tui_move_sel(struct tui *t, long by)
{
	if (t->sc == SC_DETAILS) {
		long to = t->detail_at + by;
		t->detail_at = to < 0 ? 0 : to >= DETAIL_FIELDS ?
		    DETAIL_FIELDS - 1 : (int)to;
		return;
	}
	if (t->sc == SC_CAUSE || t->sc == SC_STEP || t->sc == SC_OUTCOME) {
		long to = (long)t->scroll + by;
		t->scroll = to < 0 ? 0 : (size_t)to > t->page_max ?
		    t->page_max : (size_t)to;
		return;
	}
	if (!t->nitems)
		return;
	if (by == -1 && t->sel == 0)
		t->sel = t->nitems - 1; /* around, to "not listed" */
	else if (by == 1 && t->sel + 1 == t->nitems)
		t->sel = 0;
	else {
		long to = (long)t->sel + by;
		t->sel = to < 0 ? 0 : (size_t)to >= t->nitems ?
		    t->nitems - 1 : (size_t)to;
	}
}

/* Typing into a field: printable characters only. */
void
tui_type_char(struct tui *t, struct buf *f, unsigned ch)
{
	uint8_t u[6];
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
	if (f != &t->note && t->sc != SC_DETAILS) {
		t->stale = true;
		t->sel = t->top = 0;
	}
}

void
tui_erase_char(struct tui *t, struct buf *f)
{
	while (f->len > 0 && ((unsigned char)f->s[--f->len] & 0xc0) == 0x80)
		;
	f->s[f->len] = '\0';
	if (f != &t->note && t->sc != SC_DETAILS) {
		t->stale = true;
		t->sel = t->top = 0;
	}
}

int
tui_page_rows(void)
{
	return term_rows() - 4;
}


void
tui_clear_field(struct tui *t, struct buf *f)
{
	buf_reset(f);
	buf_add(f, "", 0);
	t->stale = t->sc != SC_DETAILS && !t->noting;
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
