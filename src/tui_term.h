/* tui_term.h: the terminal under the full-screen wizard: whether curses
 * can drive it, setting it up and giving it back, and drawing escaped,
 * clipped text.  Only the tui_*.c files include curses.
 * Layer: front ends. */
#ifndef FLASHFIX_TUI_TERM_H
#define FLASHFIX_TUI_TERM_H

#include <stdbool.h>
#include <stddef.h>

/* What a piece of the screen is, for its attributes. */
enum role {
	R_TEXT,
	R_TITLE,   /* the header line */
	R_HEAD,    /* a heading in the page */
	R_SEL,     /* the selected item */
	R_FIELD,   /* an input field */
	R_MSG,     /* a message: a refusal, a question */
	R_STATUS,  /* the keys line */
	R_DIM,     /* less important text */
};

/* The smallest screen the wizard lays out on. */
#define TERM_MIN_COLS 40
#define TERM_MIN_ROWS 12

/* Whether curses can drive the terminal on standard output: TERM is set,
 * known, and can move the cursor.  Else a message in *why (malloc'd). */
bool term_usable(char **why);

/* Sets the terminal up; false (after a message in *why) when it cannot.
 * utf8: the locale is UTF-8 and non-ASCII may be shown. */
bool term_open(bool color, bool utf8, bool rules, char **why);
void term_close(void);
/* Ctrl-L: the whole screen drawn again at the next refresh. */
void term_repaint(void);

int term_rows(void);
int term_cols(void);
bool term_utf8(void);
/* Whether lines and borders are drawn with Unicode (not --ascii). */
bool term_lines_utf8(void);

/* Clears the virtual screen before a frame is drawn again; curses then
 * sends only what differs from what is on the terminal. */
void term_begin(void);
/* Sends the frame, leaving the cursor at y, x. */
void term_end(int y, int x);

/* Draws s at y, x in at most width columns, escaped (control characters,
 * invalid UTF-8, non-ASCII on an ASCII terminal) and cut between
 * characters, the cut marked with term_ellipsis(); fill: pads with spaces to width.  Returns the columns used. */
int term_put(int y, int x, int width, const char *s, enum role r, bool fill);
/* What marks cut text: an ellipsis, "..." without Unicode lines. */
const char *term_ellipsis(void);
/* A horizontal line across the screen. */
void term_rule(int y);

/* The keys that are not characters. */
enum tkey {
	TK_LOST = -1,  /* the terminal is gone */
	TK_OTHER = 0,
	TK_RESIZE,
	TK_UP, TK_DOWN, TK_PGUP, TK_PGDN, TK_HOME, TK_END,
	TK_LEFT, TK_RIGHT, TK_DELETE,
	TK_ENTER, TK_BACKSPACE,
	TK_F1, TK_F2, TK_F10,
	TK_PASTE_BEGIN, TK_PASTE_END, /* bracketed paste: text, never keys */
};

/* Reads a key: a character in *ch (true returned) or one of enum tkey in
 * *key (false returned, *ch 0).  An escape sequence that the terminal's
 * description does not name (F10 as xterm sends it under TERM=vt100,
 * Alt and a letter) is read whole: the keys above when it is one of the
 * common forms, else TK_OTHER; never an Esc followed by typing. */
bool term_key(unsigned *ch, int *key);
/* Whether a key comes within ms milliseconds (it is kept for term_key):
 * keys that come faster than anyone types were pasted. */
bool term_pending(int ms);

#endif
