/* look.h: what a front end draws with (the language, ASCII or not,
 * colours or not), where it is told what comes up while it runs, and how
 * a front end ended.  The commands fill it from
 * their options; the front ends see nothing else of the command line.
 * Layer: front ends (the bottom of it). */
#ifndef FLASHFIX_LOOK_H
#define FLASHFIX_LOOK_H

#include <stdbool.h>

#include "output.h"

struct look {
	enum lang lang;   /* the knowledge base's text: en, zh or both */
	bool ascii;       /* the terminal cannot show non-ASCII */
	bool ascii_lines; /* lines and borders in ASCII (--ascii) */
	bool no_color;
};

/* Where what comes up while a front end runs goes (a save that failed):
 * a front end that shows such messages itself sets say for as long as it
 * runs; without one they go to standard error. */
struct fe_notices {
	void (*say)(void *ctx, const char *msg);
	void *ctx;
};

/* How a front end of the wizard ended. */
enum fe_result {
	FE_DONE,     /* an outcome (abandoned included): record it */
	FE_NOTHING,  /* quit before anything was under way */
	FE_CUT,      /* a signal, or the terminal went away: keep it saved */
	FE_EOF,      /* the input ended mid-session: recorded as abandoned,
			and the exit status says it did not finish */
};

#endif
