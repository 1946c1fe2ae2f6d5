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
	mvaddnstr(y, x, e, (int)n);
	if (fill)
		for (int i = (int)cols; i < width; i++)
			addch(' ');
	attrset(A_NORMAL);
	free(e);
	return (int)cols;
}

void
term_rule(int y)
{
	move(y, 0);
	for (int i = 0; i < COLS; i++)
		addstr(use_lines ? "\xe2\x94\x80" : "-");
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
	if (r == OK) {
		*ch = (unsigned)wc;
		return true;
	}
	if (r != KEY_CODE_YES) {
		*key = TK_LOST;
		return false;
	}
	switch (wc) {
	case KEY_RESIZE:
		*key = TK_RESIZE;
		break;
	case KEY_UP:
		*key = TK_UP;
		break;
	case KEY_DOWN:
		*key = TK_DOWN;
		break;
	case KEY_PPAGE:
		*key = TK_PGUP;
		break;
	case KEY_NPAGE:
		*key = TK_PGDN;
		break;
	case KEY_HOME:
		*key = TK_HOME;
		break;
	case KEY_END:
		*key = TK_END;
		break;
	case KEY_ENTER:
		*key = TK_ENTER;
		break;
	case KEY_BACKSPACE:
		*key = TK_BACKSPACE;
		break;
	case KEY_F(1):
		*key = TK_F1;
		break;
	case KEY_F(2):
		*key = TK_F2;
		break;
	case KEY_F(10):
		*key = TK_F10;
		break;
	case KEY_PASTE_BEGIN:
		*key = TK_PASTE_BEGIN;
		break;
	case KEY_PASTE_END:
		*key = TK_PASTE_END;
		break;
	default:
		*key = TK_OTHER;
		break;
	}
	return false;
}
