/* tui_int.h: the state of the full-screen wizard, shared by its loop
 * (tui.c), its screens (tui_sc_*.c, one file each: drawing, keys and key
 * hints) and the drawing and editing they share (tui_draw.c, tui_edit.c).
 * What is asked, and what an answer does, is the conversation's
 * (convo.h): a screen draws its question and passes the answer on.
 * Layer: front ends. */
#ifndef FLASHFIX_TUI_INT_H
#define FLASHFIX_TUI_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "convo.h"
#include "look.h"
#include "match.h"
#include "session.h"
#include "stats.h"
#include "util.h"
#include "wizard.h"

/* Keys that curses does not name. */
enum { CH_ESC = 27, CH_TAB = 9, CH_BS = 8, CH_DEL = 127, CH_CTRL_A = 1,
	CH_CTRL_B = 2, CH_CTRL_E = 5, CH_CTRL_F = 6, CH_CTRL_K = 11,
	CH_CTRL_L = 12, CH_CTRL_U = 21, CH_CTRL_W = 23 };

#define DETAIL_FIELDS 3

/* What a key did: go on, or the wizard ends. */
enum act { ACT_GO, ACT_NOTHING, ACT_DONE, ACT_LOST, ACT_KEPT };

/* A key read ahead (to tell a paste from typing), to be handled next. */
struct tui_key {
	bool is_ch;
	unsigned ch;
	int key;
};

struct tui {
	const struct look *o;
	struct wizard *w;
	struct convo c;
	const struct convo_question *q; /* the question asked now */
	enum convo_at shown;        /* the question sel and the page are for */
	size_t shown_step;          /* and the step */
	const struct stats *stats;  /* what fixed what here before; or NULL */
	struct offer *of;
	enum lang lang;
	bool stale;                 /* ask again: a field or the lang changed */
	size_t sel, top;            /* the selection (CONVO_NONE: none), the
	                             * first item shown */
	size_t scroll;              /* the first line of a page shown */
	size_t page_max;            /* how far a page can scroll */
	struct buf version, query, note, detail[DETAIL_FIELDS];
	struct buf *editing;        /* the field the cursor is in, */
	size_t at;                  /* and where (a byte offset) */
	bool pasting;               /* between a paste's two sequences */
	struct buf paste;           /* what has been pasted so far */
	struct tui_key *ahead;      /* keys read ahead, handled first */
	size_t nahead, capahead, aheadat;
	int detail_at;
	bool noting;                /* typing a note for the step */
	bool show_source;           /* i: where the step comes from */
	bool help;
	size_t help_scroll, help_max; /* the help's own page */
	enum ask { ASK_NONE, ASK_QUIT, ASK_ABANDON } asking;
	long long last_bs;          /* when Backspace came last, or 0 */
	char *msg;                  /* shown above the keys until a key */
	int cy, cx;                 /* where the cursor rests */
	int bottom;                 /* the row under the page, above the
	                             * footer (set as a frame is drawn) */
};

/* A screen of the wizard: how it draws its body (between the header and
 * the footer), the keys it takes beyond those of every screen (Enter
 * included), the hints of its keys line, and the field typing goes to. */
struct tui_screen {
	void (*draw)(struct tui *t);
	enum act (*key)(struct tui *t, bool is_ch, unsigned ch, int key);
	char *(*hints)(const struct tui *t, int cols);
	struct buf *(*field)(struct tui *t);
};

/* The screens (tui_sc_*.c), and the one for each question (tui_frame.c). */
extern const struct tui_screen tui_sc_list, tui_sc_resume, tui_sc_search,
    tui_sc_cause, tui_sc_step, tui_sc_outcome, tui_sc_details;
const struct tui_screen *tui_screen(const struct tui *t);

/* The conversation moved, or its question changed: asked again, the
 * selection and the page set for a new question (tui_edit.c). */
void tui_moved(struct tui *t);
/* Says msg (a copy) above the keys until the next key. */
void tui_say(struct tui *t, const char *msg);
/* Esc or b: back to the question before; on the first, says how to
 * quit (tui_edit.c). */
enum act tui_back(struct tui *t);

/* A frame (tui_frame.c): the current screen drawn whole; the field
 * typing goes to there. */
void tui_draw(struct tui *t);
struct buf *tui_field(struct tui *t);

/* What screens draw with (tui_draw.c). */

/* Lines of text laid out for a page that may scroll. */
struct page {
	char **lines;
	int *roles;
	size_t n, cap, rcap;
};
void tui_page_add(struct page *p, int role, const char *label,
    const char *text, int width);
void tui_page_kb(struct tui *t, struct page *p, int role, const char *label,
    const char *en, const char *zh, int width);
void tui_page_gap(struct page *p);
void tui_page_free(struct page *p);
/* Draws p from its line *scroll in rows [top, bottom) (*max: how far it
 * can scroll). */
void tui_draw_scroll(struct tui *t, struct page *p, int top, int bottom,
    size_t *scroll, size_t *max);
/* Draws p below the header, the cursor left at its last line (the
 * question) when that shows; rows at the bottom kept free. */
void tui_draw_page(struct tui *t, struct page *p, int keep);
/* A list of choices under the question (with field f, or NULL). */
void tui_draw_list(struct tui *t, const char *question, struct buf *f,
    const char *field_label);
/* A one-line field at y, x, fw columns wide, the cursor in it when
 * active. */
void tui_draw_field(struct tui *t, int y, int x, int fw, struct buf *f,
    bool active);

/* A key and what it does, for the keys line; rank 1 is shown first
 * when the line cannot hold them all. */
struct hint {
	int rank;
	const char *text;
};
/* The hints that fit in cols, the most needed first, in their order. */
char *tui_hints_fit(const struct hint *h, size_t n, int cols);
#define TUI_HINTS(...) do { \
	const struct hint h_[] = { __VA_ARGS__ }; \
	return tui_hints_fit(h_, sizeof h_ / sizeof h_[0], cols); \
} while (0)

/* Editing and moving (tui_edit.c): the selection (or the page, or the
 * field of the job details) moved by rows; a character typed into f at
 * its cursor (a printable one, within the field's limit); the character
 * before the cursor erased; the cursor moved, or text cut, by a key; the
 * cursor's byte offset in f (its end unless f is being edited); the
 * rows a page of the list holds. */
enum edit {
	ED_LEFT, ED_RIGHT, ED_HOME, ED_END, ED_DELETE,
	ED_WORD,      /* Ctrl-W: the word before the cursor */
	ED_TO_START,  /* Ctrl-U */
	ED_TO_END,    /* Ctrl-K */
};
void tui_move_sel(struct tui *t, long by);
void tui_type_char(struct tui *t, struct buf *f, unsigned ch);
void tui_erase_char(struct tui *t, struct buf *f);
void tui_edit_key(struct tui *t, struct buf *f, enum edit how);
/* The editing keys (arrows, Home, End, Delete, Ctrl-A, -B, -E, -F, -K,
 * -U, -W) applied to f; false when the key is none of them. */
bool tui_edit_keys(struct tui *t, struct buf *f, bool is_ch, unsigned ch,
    int key);
size_t tui_cursor(const struct tui *t, const struct buf *f);
int tui_page_rows(void);
/* A key inside a bracketed paste, kept as text in t->paste; and pasted
 * text typed into f, its line ends as spaces. */
void tui_paste_key(struct tui *t, bool is_ch, unsigned ch, int key);
void tui_type_text(struct tui *t, struct buf *f, const char *s, size_t n);

#endif
