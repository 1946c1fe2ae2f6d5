/* tui.h: the full-screen (curses) front end of the wizard.
 * Layer: front ends. */
#ifndef FLASHFIX_TUI_H
#define FLASHFIX_TUI_H

#include <stdbool.h>

#include "look.h"
#include "match.h"
#include "session.h"
#include "stats.h"
#include "wizard.h"

enum tui_result {
	TUI_UNUSABLE, /* curses cannot drive this terminal: *why says so */
	TUI_NOTHING,  /* quit before a session was under way */
	TUI_DONE,     /* the session has an outcome (abandoned included) */
	TUI_LOST,     /* a signal, or the terminal went away: left as it is */
	TUI_KEPT,     /* q where the terminal is too small to ask: kept,
	                 offered at the next start */
};

/* Whether standard output is a terminal curses can drive; else why not
 * in *why (malloc'd). */
bool tui_usable(char **why);

/* Offers the unfinished sessions of of (if any), then runs one session on
 * the terminal from the question it is at; notice (may be NULL) is shown
 * on the first screen.  While it runs, notices->say shows on the screen
 * what is said to it (a save that failed), after the key that led to it
 * is handled. */
enum tui_result tui_run(const struct look *o, struct wizard *w,
    struct match_index *ix, const struct stats *st, struct offer *of,
    const char *notice, struct fe_notices *notices, char **why);

#endif
