/* options.h: the options of a run, as main parsed them, that the commands
 * and the front ends of the wizard read; the exit statuses; how a front
 * end ended.  Layer: front ends (the bottom of it). */
#ifndef FLASHFIX_OPTIONS_H
#define FLASHFIX_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "output.h"
#include "report.h"

/* Exit statuses. */
enum {
	EXIT_OK = 0,
	EXIT_NEGATIVE = 1, /* nothing matched; invalid data */
	EXIT_USAGE = 2,
	EXIT_FAILED = 3,   /* data or state that cannot be used, I/O */
};

struct options {
	const char *data_dir;   /* resolved knowledge-base directory */
	bool data_given;        /* from --data or FLASHFIX_DATA */
	bool no_cache;          /* --no-cache */
	const char *state_dir;
	const char *records;    /* the first --records (the one appended to) */
	const char **more_records; /* stats, history, export: the others */
	size_t nmore;
	enum lang lang;
	bool ascii;             /* the terminal cannot show non-ASCII */
	bool ascii_lines;       /* lines and borders in ASCII (--ascii) */
	bool no_color;
	bool plain;
	/* lookup */
	bool json;
	long limit;
	unsigned platform;
	/* the wizard */
	const char *engineer, *model, *serial;
	bool resume;            /* --resume: take up an unfinished session */
	const char *resume_id;  /* --resume=ID: that one; NULL: the newest */
	/* report */
	enum report_format format;
	const char *format_name; /* --format as given */
	const char *output;
	bool force, last;
	enum lang lang_asked;   /* --lang as given, before a terminal limits it */
	bool lang_given;
	/* export */
	bool steps;
	/* scan */
	bool follow, exit_on_error;
	/* stats */
	time_t since;           /* (time_t)-1: all */
	/* operands after the command word */
	char **args;
	int nargs;
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
