/* tui_term.c: setting up curses and drawing escaped text with it.
 * Layer: front ends. */
#include <config.h>

#include "tui_term.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "i18n.h"
#include "sig.h"
#include "text.h"
#include "util.h"

/* Last: term.h defines macros with short names (lines, columns). */
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <term.h>

static SCREEN *screen;
static bool use_utf8, use_lines, use_color;

/* Key codes of our own for the bracketed paste's two sequences. */
#define KEY_PASTE_BEGIN (KEY_MAX + 1)
#define KEY_PASTE_END (KEY_MAX + 2)

enum { PAIR_TITLE = 1, PAIR_HEAD, PAIR_SEL, PAIR_MSG, PAIR_STATUS };

bool
term_usable(char **why)
{
	const char *t = getenv("TERM");
	int err = 0;
	const char *cup;
	bool ok;

	*why = NULL;
	if (!t || !*t) {
		*why = xstrdup(_("TERM is not set"));
		return false;
	}
	if (setupterm(NULL, STDOUT_FILENO, &err) != OK) {
		char *name = text_sanitize(t, false);
		*why = xasprintf(_("the terminal type '%s' is not known here"),
		    name);
		free(name);
		return false;
	}
	cup = tigetstr("cup");
	ok = cup && cup != (const char *)-1 && tigetflag("hc") <= 0;
	if (!ok) {
		char *name = text_sanitize(t, false);
		*why = xasprintf(_("the terminal type '%s' cannot move the "
		    "cursor"), name);
		free(name);
	}
	del_curterm(cur_term);
	return ok;
}

bool
term_open(bool color, bool utf8, bool rules, char **why)
{
	*why = NULL;
	screen = newterm(NULL, stdout, stdin);
	if (!screen) {
		*why = xstrdup(_("curses cannot use this terminal"));
		return false;
	}
	use_utf8 = utf8;
	use_lines = utf8 && rules;
	/* Bracketed paste: what is pasted arrives between two sequences,
	 * so that its line ends are text and not Enter. */
	define_key("\033[200~", KEY_PASTE_BEGIN);
	define_key("\033[201~", KEY_PASTE_END);
	if (fputs("\033[?2004h", stdout) == EOF || fflush(stdout) == EOF) {
		/* Without it a paste is typed; nothing worse. */
	}
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(50);
	use_color = color && has_colors() && start_color() == OK;
	if (use_color) {
		use_default_colors();
		init_pair(PAIR_TITLE, COLOR_WHITE, COLOR_BLUE);
		init_pair(PAIR_HEAD, COLOR_CYAN, -1);
		init_pair(PAIR_SEL, COLOR_BLACK, COLOR_CYAN);
		init_pair(PAIR_MSG, COLOR_YELLOW, -1);
		init_pair(PAIR_STATUS, COLOR_BLACK, COLOR_WHITE);
	}
	return true;
}

void
term_close(void)
{
	if (!screen)
		return;
	if (fputs("\033[?2004l", stdout) == EOF || fflush(stdout) == EOF) {
		/* The terminal is gone: nothing to undo. */
	}
	/* Without an alternate screen (vt100, the Linux console) the last
	 * screen would stay under the shell's prompt: cleared instead. */
	{
		const char *alt = tigetstr("smcup");
		if (!alt || alt == (const char *)-1) {
			erase();
			refresh();
		}
	}
	endwin();
	delscreen(screen);
	screen = NULL;
}

void
term_repaint(void)
{
	/* The next refresh draws every cell again: stray output (a wall
	 * message) is painted over. */
	clearok(curscr, TRUE);
}

int
term_rows(void)
{
	return LINES;
}

int
term_cols(void)
{
	return COLS;
}

bool
term_utf8(void)
{
	return use_utf8;
}

bool
term_lines_utf8(void)
{
	return use_lines;
}

static attr_t
attr_of(enum role r)
{
	switch (r) {
	case R_TITLE:
		return use_color ? COLOR_PAIR(PAIR_TITLE) | A_BOLD : A_BOLD;
	case R_HEAD:
		return use_color ? COLOR_PAIR(PAIR_HEAD) | A_BOLD : A_BOLD;
	case R_SEL:
		return use_color ? COLOR_PAIR(PAIR_SEL) : A_REVERSE;
	case R_FIELD:
		return A_UNDERLINE;
	case R_MSG:
		return use_color ? COLOR_PAIR(PAIR_MSG) | A_BOLD : A_BOLD;
	case R_STATUS:
		return use_color ? COLOR_PAIR(PAIR_STATUS) : A_REVERSE;
	case R_DIM:
		return A_DIM;
	default:
		return A_NORMAL;
	}
}

void
term_begin(void)
{
	erase();
}

void
term_end(int y, int x)
{
	move(y, x);
	refresh();
}

int
term_put(int y, int x, int width, const char *s, enum role r, bool fill)
{
	char *e;
	size_t n, cols = 0;

	if (width <= 0 || y < 0 || y >= LINES || x >= COLS)
		return 0;
	if (x + width > COLS)
		width = COLS - x;
	e = text_escape(s, strlen(s), use_utf8 ? 0 : TEXT_ASCII);
	n = text_fit(e, (size_t)width, &cols);
	attrset(attr_of(r));
	if (e[n] != '\0' && (size_t)width > text_width(term_ellipsis())) {
		/* Cut: marked, so that a part is not taken for the whole. */
		n = text_fit(e, (size_t)width - text_width(term_ellipsis()),
		    &cols);
		mvaddnstr(y, x, e, (int)n);
		addstr(term_ellipsis());
		cols += text_width(term_ellipsis());
	} else {
		mvaddnstr(y, x, e, (int)n);
	}
	if (fill)
		for (int i = (int)cols; i < width; i++)
			addch(' ');
	attrset(A_NORMAL);
	free(e);
	return (int)cols;
}

const char *
term_ellipsis(void)
{
	return use_lines ? "\xe2\x80\xa6" : "...";
}

void
term_rule(int y)
{
	move(y, 0);
	for (int i = 0; i < COLS; i++)
		addstr(use_lines ? "\xe2\x94\x80" : "-");
}

/* A key that curses decoded. */
static int
curses_key(wint_t wc)
{
	switch (wc) {
	case KEY_RESIZE:
		return TK_RESIZE;
	case KEY_UP:
		return TK_UP;
	case KEY_DOWN:
		return TK_DOWN;
	case KEY_LEFT:
		return TK_LEFT;
	case KEY_RIGHT:
		return TK_RIGHT;
	case KEY_PPAGE:
		return TK_PGUP;
	case KEY_NPAGE:
		return TK_PGDN;
	case KEY_HOME:
		return TK_HOME;
	case KEY_END:
		return TK_END;
	case KEY_DC:
		return TK_DELETE;
	case KEY_ENTER:
		return TK_ENTER;
	case KEY_BACKSPACE:
		return TK_BACKSPACE;
	case KEY_F(1):
		return TK_F1;
	case KEY_F(2):
		return TK_F2;
	case KEY_F(10):
		return TK_F10;
	case KEY_PASTE_BEGIN:
		return TK_PASTE_BEGIN;
	case KEY_PASTE_END:
		return TK_PASTE_END;
	default:
		return TK_OTHER;
	}
}

/* The key code curses decoded after an Esc. */
static wint_t seq_code;

/* The next byte of an escape sequence, waiting at most ms; -1 when none
 * came, -2 when curses decoded a key there (in seq_code). */
static int
seq_next(int ms)
{
	wint_t wc = 0;
	int r;

	timeout(ms);
	do {
		errno = 0;
		r = get_wch(&wc);
	} while (r == ERR && errno == EINTR && !sig_caught());
	if (r == OK)
		return wc < 0x80 ? (int)wc : 0x80;
	if (r == KEY_CODE_YES) {
		seq_code = wc;
		return -2;
	}
	return -1;
}

/* The key a final letter names, after ESC [ or ESC O: arrows, Home,
 * End, F1 and F2, Enter (the keypad's, ESC O M); TK_OTHER for another. */
static int
final_key(int final)
{
	static const char finals[] = "ABCDHFPQM";
	static const int keys[] = { TK_UP, TK_DOWN, TK_RIGHT, TK_LEFT,
		TK_HOME, TK_END, TK_F1, TK_F2, TK_ENTER };
	const char *at = final > 0 && final < 0x80 ? strchr(finals, final) :
	    NULL;

	return at ? keys[at - finals] : TK_OTHER;
}

/* The key of ESC [ num final, in the forms that xterm, PuTTY, rxvt and
 * the Linux console send whatever TERM says. */
static int
csi_key(unsigned num, int final)
{
	static const struct { unsigned num; int key; } tilde[] = {
		{ 1, TK_HOME }, { 7, TK_HOME }, { 4, TK_END }, { 8, TK_END },
		{ 3, TK_DELETE }, { 5, TK_PGUP }, { 6, TK_PGDN },
		{ 11, TK_F1 }, { 12, TK_F2 }, { 21, TK_F10 },
		{ 200, TK_PASTE_BEGIN }, { 201, TK_PASTE_END },
	};

	if (final != '~')
		return final == 'M' ? TK_OTHER : final_key(final);
	for (size_t i = 0; i < sizeof tilde / sizeof *tilde; i++)
		if (tilde[i].num == num)
			return tilde[i].key;
	return TK_OTHER;
}

/* Bytes after ESC that curses left: the rest of a sequence it does not
 * know, read whole.  The bytes of a sequence arrive together; one more
 * is waited for only this long (a slow link may split them). */
#define SEQ_WAIT_MS 30
#define SEQ_MAX 32

static int
escape_key(void)
{
	int c = seq_next(0), k;
	unsigned num = 0;
	bool first = true;

	if (c == -1)
		return -1;        /* Esc alone */
	if (c == -2) {
		/* Esc, then a key that curses knows (Esc and Down sent
		 * together): both, the key read next. */
		if (ungetch((int)seq_code) == ERR) {
			/* No room: the key is lost, the Esc kept. */
		}
		return -1;
	}
	if (c == '[') {
		c = seq_next(SEQ_WAIT_MS);
		if (c == '[') {   /* the Linux console's F1 to F5 */
			c = seq_next(SEQ_WAIT_MS);
			return c == 'A' ? TK_F1 : c == 'B' ? TK_F2 : TK_OTHER;
		}
		/* Parameters, then intermediates, then the final byte; only
		 * the first number counts (the others are modifiers). */
		for (k = 0; k < SEQ_MAX && c >= 0x20 && c < 0x40; k++) {
			if (c < '0' || c > '9')
				first = false;
			else if (first && num < 1000)
				num = num * 10 + (unsigned)(c - '0');
			c = seq_next(SEQ_WAIT_MS);
		}
		if (c < 0x40 || c > 0x7e)
			return TK_OTHER;
		return csi_key(num ? num : 1, c);
	}
	if (c == 'O') {
		c = seq_next(SEQ_WAIT_MS);
		for (k = 0; k < SEQ_MAX && c >= '0' && c <= '9'; k++)
			c = seq_next(SEQ_WAIT_MS);
		return final_key(c);
	}
	return TK_OTHER;          /* Alt and a character */
}

bool
term_key(unsigned *ch, int *key)
{
	wint_t wc = 0;
	int r;

	do {
		errno = 0;
		r = get_wch(&wc);
	} while (r == ERR && errno == EINTR && !sig_caught());

	*ch = 0;
	*key = 0;
	if (r == OK && wc == 27) {
		int k = escape_key();
		timeout(-1);
		if (k < 0) {
			*ch = 27;
			return true;
		}
		*key = k;
		return false;
	}
	if (r == OK) {
		*ch = (unsigned)wc;
		return true;
	}
	if (r != KEY_CODE_YES) {
		*key = TK_LOST;
		return false;
	}
	*key = curses_key(wc);
	return false;
}

bool
term_pending(int ms)
{
	wint_t wc = 0;
	int r;

	timeout(ms);
	r = get_wch(&wc);
	timeout(-1);
	if (r == OK)
		unget_wch((wchar_t)wc);
	else if (r == KEY_CODE_YES)
		ungetch((int)wc);
	return r != ERR;
}
