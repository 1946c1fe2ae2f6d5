/* tui_int.h: the state of the full-screen wizard, shared by its key
 * handling (tui.c) and its drawing (tui_draw.c).  Drawing depends on the
 * state only; the keys depend on drawing, never the other way.
 * Layer: front ends. */
#ifndef FLASHFIX_TUI_INT_H
#define FLASHFIX_TUI_INT_H

#include <stdbool.h>
#include <stddef.h>

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

enum screen {
	SC_RESUME,
	SC_PLATFORM,
	SC_VERSION,
	SC_SYMPTOM,
	SC_CATEGORY,
	SC_CATLIST,
	SC_DISAMBIG,
	SC_CAUSE,
	SC_STEP,
	SC_OUTCOME,
	SC_DETAILS,
};

enum item_kind {
	IT_PLATFORM, IT_TOOL, IT_OTHER, IT_DONTKNOW, IT_ERROR, IT_NOTLISTED,
	IT_BROWSE, IT_CATEGORY, IT_SESSION, IT_NEW,
};

struct item {
	enum item_kind kind;
	const void *ptr;   /* the tool or error */
	unsigned n;        /* the platform or category */
	char *label;
};

#define DETAIL_FIELDS 3

struct tui {
	const struct look *o;
	struct wizard *w;
	struct match_index *ix;
	const struct stats *stats;  /* what fixed what here before; or NULL */
	struct offer *of;
	enum lang lang;
	enum screen sc;
	enum screen came_from;      /* where the error was chosen */
	struct item *items;
	size_t nitems, capitems;
	bool stale;                 /* the items must be built again */
	size_t sel, top;            /* the selection, the first item shown */
	size_t scroll;              /* the first line of a page shown */
	size_t page_max;            /* how far a page can scroll */
	struct buf version, query, note, detail[DETAIL_FIELDS];
	struct buf *editing;        /* the field the cursor is in, */
	size_t at;                  /* and where (a byte offset) */
	bool pasting;               /* between a paste's two sequences */
	struct buf paste;           /* what has been pasted so far */
	int detail_at;
	bool noting;                /* typing a note for the step */
	bool show_source;           /* i: where the step comes from */
	bool help;
	size_t help_scroll, help_max; /* the help's own page */
	enum ask { ASK_NONE, ASK_QUIT, ASK_ABANDON } asking;
	long long last_bs;          /* when Backspace came last, or 0 */
	char *msg;                  /* shown above the keys until a key */
	enum family fam;            /* the family browsed */
	const struct kb_error *shared[8];
	size_t nshared;
	char *shared_query;
	struct match_result *ranked;
	const struct tool **tools;
	size_t ntools;
	int cy, cx;                 /* where the cursor rests */
	int bottom;                 /* the row under the page, above the
	                             * footer (set as a frame is drawn) */
};

/* The items of the current screen, built again (tui_items.c); and
 * emptied. */
void tui_build_items(struct tui *t);
void tui_clear_items(struct tui *t);

/* Draws the current screen (tui_draw.c). */
void tui_draw(struct tui *t);
/* The field that typing goes to on this screen, or NULL (tui_draw.c). */
struct buf *tui_field(struct tui *t);

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
