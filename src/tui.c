/* tui.c: the full-screen wizard: the loop, the table of screens (one for
 * each question of the conversation) and the keys common to all: help,
 * language, quitting, going back, moving, typing, pastes.  What each
 * screen draws and what its own keys do is in its file (tui_sc_*.c);
 * drawing is in tui_draw.c, the terminal in tui_term.c.
 * Layer: front ends. */
#include <config.h>

#include "tui.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"
#include "tui_int.h"
#include "tui_term.h"

/* Backspaces closer together than this are one held key (a terminal's
 * repeat starts after 250 ms to 1 s, then comes every 30 to 50 ms): a
 * held Backspace clears a field or goes back one screen, never more. */
#define HELD_MS 1000

/* Keys that follow an Enter within this time were not typed after it:
 * they came with it, pasted (where the terminal does not mark a paste). */
#define PASTE_MS 15

bool
tui_usable(char **why)
{
	return term_usable(why);
}

/* The job details typed so far are kept as the session ends. */
static void
save_details(struct tui *t)
{
	if (t->q->at != CV_DETAILS)
		return;
	for (int i = 0; i < DETAIL_FIELDS; i++)
		convo_detail(&t->c, i, t->detail[i].s ? t->detail[i].s : "");
}

/* q, F10: leave; a session under way is recorded as abandoned, after the
 * engineer says so. */
static enum act
quit(struct tui *t)
{
	if (convo_quit_abandons(&t->c)) {
		t->asking = ASK_QUIT;
		return ACT_GO;
	}
	save_details(t);
	convo_quit(&t->c);
	return t->c.nothing ? ACT_NOTHING : ACT_DONE;
}

static void
toggle_lang(struct tui *t)
{
	if (t->o->ascii) {
		tui_say(t, _("Chinese text needs a UTF-8 terminal; showing "
		    "English."));
		return;
	}
	t->lang = t->lang == LANG_EN ? LANG_ZH : t->lang == LANG_ZH ?
	    LANG_BOTH : LANG_EN;
	t->c.lang = t->lang;
	t->stale = true;
	tui_say(t, t->lang == LANG_EN ? _("Knowledge base in English.") :
	    t->lang == LANG_ZH ? _("Knowledge base in Chinese.") :
	    _("Knowledge base in English and Chinese."));
}

/* The keys of the modes (too small, help, a question of y or not) and
 * those that act the same on every screen.  True when the key was used. */
static bool
common_key(struct tui *t, bool is_ch, unsigned ch, int key, enum act *a)
{
	if (key == TK_RESIZE)
		return true;
	if (term_rows() < TERM_MIN_ROWS || term_cols() < TERM_MIN_COLS) {
		/* No room to ask: q quits; a session with an outcome is
		 * recorded, one under way stays saved, offered at the
		 * next start. */
		if ((is_ch && (ch == 'q' || ch == 'Q')) || key == TK_F10) {
			if (!convo_quit_abandons(&t->c))
				*a = quit(t);
			else
				*a = ACT_KEPT;
		}
		return true;
	}
	if (t->help) {
		if (key == TK_HOME || key == TK_END) {
			t->help_scroll = key == TK_HOME ? 0 : t->help_max;
		} else if (key == TK_UP || key == TK_DOWN || key == TK_PGUP ||
		    key == TK_PGDN || (is_ch && (ch == 'j' || ch == 'k'))) {
			long by = key == TK_PGUP || key == TK_PGDN ?
			    (tui_page_rows() > 2 ? tui_page_rows() - 2 : 1) : 1;
			long to = (long)t->help_scroll + (key == TK_UP ||
			    key == TK_PGUP || ch == 'k' ? -by : by);
			t->help_scroll = to < 0 ? 0 : (size_t)to >
			    t->help_max ? t->help_max : (size_t)to;
		} else {
			t->help = false;
		}
		return true;
	}
	if (t->asking) {
		enum ask was = t->asking;
		t->asking = ASK_NONE;
		if (!is_ch || (ch != 'y' && ch != 'Y'))
			return true;
		if (was == ASK_QUIT) {
			save_details(t);
			convo_quit(&t->c);
			*a = ACT_DONE;
		} else {
			convo_abandon_session(&t->c, t->sel);
			tui_moved(t);
		}
		return true;
	}
	if (key == TK_F1) {
		t->help = true;
		t->help_scroll = 0;
		return true;
	}
	if (key == TK_F2) {
		toggle_lang(t);
		return true;
	}
	if (key == TK_F10) {
		*a = quit(t);
		return true;
	}
	return false;
}

/* Esc and Backspace: out of a note, a character, or a question back.  A
 * held Backspace (held) erases but never goes back. */
static enum act
back_key(struct tui *t, struct buf *f, bool esc, bool held)
{
	if (!esc && f && tui_cursor(t, f) > 0) {
		tui_erase_char(t, f);
	} else if (!esc && held) {
		/* Key repeat past the start of the field: nothing. */
	} else if (t->noting) {
		t->noting = false;
		if (esc) {
			buf_reset(&t->note);
			convo_note(&t->c, NULL);
		}
	} else {
		return tui_back(t);
	}
	return ACT_GO;
}

/* The keys that move: the selection, the page, the field.  True when the
 * key was one. */
static bool
move_key(struct tui *t, bool is_ch, unsigned ch, int key)
{
	if (key == TK_UP || key == TK_DOWN) {
		tui_move_sel(t, key == TK_UP ? -1 : 1);
	} else if (key == TK_HOME || key == TK_END) {
		bool home = key == TK_HOME;
		t->sel = home || !t->q->n ? 0 : t->q->n - 1;
		t->scroll = home ? 0 : t->page_max;
		if (t->q->at == CV_DETAILS)
			t->detail_at = home ? 0 : DETAIL_FIELDS - 1;
	} else if (key == TK_PGUP || key == TK_PGDN) {
		long by = tui_page_rows() > 1 ? tui_page_rows() - 1 : 1;
		tui_move_sel(t, key == TK_PGUP ? -by : by);
	} else if (is_ch && ch == CH_TAB && t->q->at == CV_DETAILS) {
		t->detail_at = (t->detail_at + 1) % DETAIL_FIELDS;
	} else {
		return false;
	}
	return true;
}

/* A letter where no field takes typing: the keys of every screen, then
 * the screen's own. */
static enum act
letter_key(struct tui *t, unsigned ch, int key)
{
	switch (ch) {
	case 'q':
	case 'Q':
		return quit(t);
	case '?':
		t->help = true;
		t->help_scroll = 0;
		return ACT_GO;
	case 'l':
	case 'L':
		toggle_lang(t);
		return ACT_GO;
	case 'j':
		tui_move_sel(t, 1);
		return ACT_GO;
	case 'k':
		tui_move_sel(t, -1);
		return ACT_GO;
	default:
		return tui_screen(t)->key(t, true, ch, key);
	}
}

/* A paste has ended.  Several lines pasted into the error field are a
 * log's: the conversation reads it.  Elsewhere the text is typed into
 * the field, its line ends as spaces; where no field is, it is not
 * taken as keys. */
static void
paste_end(struct tui *t, struct buf *f)
{
	const char *s = t->paste.s ? t->paste.s : "";
	size_t n = t->paste.len;

	while (n && (s[n - 1] == '\n' || s[n - 1] == '\r'))
		n--;
	if (t->q->at == CV_ERROR && memchr(s, '\n', n)) {
		char *text = xstrndup(s, n);
		convo_enter(&t->c, text, CONVO_NONE);
		free(text);
		tui_moved(t);
		return;
	}
	if (f)
		tui_type_text(t, f, s, n);
	else if (n)
		tui_say(t, _("Pasted text is not taken as keys here."));
}

/* Enter in a field, with more keys come with it: they were pasted, not
 * typed.  True (the keys read into t->paste, and the paste ended) when
 * they held a line's worth of text; else they are handled as keys. */
static bool
unmarked_paste(struct tui *t, struct buf *f)
{
	size_t printable = 0;
	unsigned ch;
	int key;

	t->nahead = t->aheadat = 0;
	while (t->nahead < 100000 && term_pending(PASTE_MS)) {
		bool is_ch = term_key(&ch, &key);
		t->ahead = xgrow(t->ahead, &t->capahead, t->nahead + 1,
		    sizeof *t->ahead);
		t->ahead[t->nahead++] = (struct tui_key){ is_ch, ch, key };
		printable += is_ch && ch >= 0x20 && ch != 0x7f;
	}
	/* "Enter n" typed fast is keys; a line of text after it is not. */
	if (printable < 2)
		return false;
	buf_reset(&t->paste);
	buf_adds(&t->paste, f->s ? f->s : "");
	buf_addc(&t->paste, '\n');
	for (size_t i = 0; i < t->nahead; i++)
		tui_paste_key(t, t->ahead[i].is_ch, t->ahead[i].ch,
		    t->ahead[i].key);
	t->nahead = 0;
	buf_reset(f);
	buf_add(f, "", 0);
	t->editing = NULL;
	paste_end(t, NULL);
	return true;
}

/* One key, in phases: the keys of every screen and mode, going back,
 * moving, typing into the field, then the screen's own. */
static enum act
handle(struct tui *t, bool is_ch, unsigned ch, int key)
{
	struct buf *f = tui_field(t);
	enum act a = ACT_GO;
	bool bs, held = false, enter;

	if (key == TK_LOST)
		return ACT_LOST;
	if (key == TK_PASTE_BEGIN) {
		t->pasting = true;
		buf_reset(&t->paste);
		return ACT_GO;
	}
	if (t->pasting) {
		if (key == TK_PASTE_END) {
			t->pasting = false;
			paste_end(t, f);
		} else {
			tui_paste_key(t, is_ch, ch, key);
		}
		return ACT_GO;
	}
	if (key == TK_PASTE_END)
		return ACT_GO;
	if (is_ch && ch == CH_CTRL_L) {
		term_repaint();
		return ACT_GO;
	}
	bs = (is_ch && (ch == CH_BS || ch == CH_DEL)) || key == TK_BACKSPACE;
	if (bs) {
		long long now = util_now_ms();
		held = t->last_bs && now - t->last_bs < HELD_MS;
		t->last_bs = now;
	} else if (key != TK_RESIZE) {
		t->last_bs = 0;
	}
	free(t->msg);
	t->msg = NULL;
	if (common_key(t, is_ch, ch, key, &a))
		return a;
	if (is_ch && ch == CH_ESC)
		return back_key(t, f, true, false);
	if (bs)
		return back_key(t, f, false, held);
	enter = (is_ch && (ch == '\r' || ch == '\n')) || key == TK_ENTER;
	if (enter && f == &t->query && t->aheadat >= t->nahead &&
	    unmarked_paste(t, f))
		return ACT_GO;
	if (enter)
		return tui_screen(t)->key(t, is_ch, ch, key);
	if (f && tui_edit_keys(t, f, is_ch, ch, key))
		return ACT_GO;
	if (move_key(t, is_ch, ch, key))
		return ACT_GO;
	if (f) {
		if (is_ch && ch == CH_TAB)
			return tui_screen(t)->key(t, is_ch, ch, key);
		if (is_ch)
			tui_type_char(t, f, ch);
		return ACT_GO;
	}
	return is_ch ? letter_key(t, ch, key) : tui_screen(t)->key(t, is_ch,
	    ch, key);
}

/* The next key: one read ahead, else from the terminal. */
static bool
next_key(struct tui *t, unsigned *ch, int *key)
{
	if (t->aheadat < t->nahead) {
		const struct tui_key *k = &t->ahead[t->aheadat++];
		*ch = k->ch;
		*key = k->key;
		return k->is_ch;
	}
	t->nahead = t->aheadat = 0;
	return term_key(ch, key);
}

static void
tui_free(struct tui *t)
{
	convo_free(&t->c);
	free(t->msg);
	free(t->ahead);
	buf_free(&t->version);
	buf_free(&t->query);
	buf_free(&t->note);
	buf_free(&t->paste);
	for (int i = 0; i < DETAIL_FIELDS; i++)
		buf_free(&t->detail[i]);
}

/* What a notice says, kept until the key that led to it is handled. */
static void
keep_alert(void *ctx, const char *msg)
{
	char **alert = ctx;

	free(*alert);
	*alert = xstrdup(msg);
}

enum tui_result
tui_run(const struct look *o, struct wizard *w, struct match_index *ix,
    const struct stats *st, struct offer *of, const char *notice,
    struct fe_notices *notices, char **why)
{
	struct tui t;
	enum act a = ACT_GO;
	char *alert = NULL;

	*why = NULL;
	memset(&t, 0, sizeof t);
	t.o = o;
	t.w = w;
	t.stats = st;
	t.of = of;
	t.lang = o->lang;
	buf_init(&t.version);
	buf_init(&t.query);
	buf_init(&t.note);
	buf_init(&t.paste);
	buf_add(&t.version, "", 0);
	buf_add(&t.query, "", 0);
	buf_add(&t.note, "", 0);
	for (int i = 0; i < DETAIL_FIELDS; i++)
		buf_init(&t.detail[i]);
	convo_init(&t.c, w, ix, of, o->lang);
	t.shown = CV_END;
	tui_moved(&t);
	if (!term_open(!o->no_color, !o->ascii && text_terminal_utf8(),
	    !o->ascii_lines, why)) {
		tui_free(&t);
		return TUI_UNUSABLE;
	}
	if (notice)
		tui_say(&t, notice);
	*notices = (struct fe_notices){ keep_alert, &alert };
	while (a == ACT_GO) {
		unsigned ch;
		int key;
		bool is_ch;

		if (t.stale)
			tui_moved(&t);
		tui_draw(&t);
		is_ch = next_key(&t, &ch, &key);
		a = handle(&t, is_ch, ch, key);
		if (a == ACT_GO && convo_over(&t.c))
			a = t.c.nothing ? ACT_NOTHING : ACT_DONE;
		if (alert) {
			tui_say(&t, alert);
			free(alert);
			alert = NULL;
		}
	}
	*notices = (struct fe_notices){ NULL, NULL };
	free(alert);
	term_close();
	tui_free(&t);
	return a == ACT_NOTHING ? TUI_NOTHING : a == ACT_LOST ? TUI_LOST :
	    a == ACT_KEPT ? TUI_KEPT : TUI_DONE;
}
