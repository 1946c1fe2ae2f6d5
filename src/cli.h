/* cli.h: the commands.  Each declares in one place, its struct cmd_entry,
 * what it is called, its operands, its options (each a row: the name, its
 * value, how the value is taken, where it goes, its line of --help) and
 * the function that runs it; main's table lists the entries, and parsing,
 * checking and --help are made from them (as tmux's cmd_entry and
 * nginx's ngx_command_t do).  The options every command takes are struct
 * cli's.  Layer: commands (the bottom of it). */
#ifndef FLASHFIX_CLI_H
#define FLASHFIX_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "look.h"

/* Exit statuses. */
enum {
	EXIT_OK = 0,
	EXIT_NEGATIVE = 1, /* nothing matched; invalid data */
	EXIT_USAGE = 2,
	EXIT_FAILED = 3,   /* data or state that cannot be used, I/O */
};

/* The options every command takes (before or after the command word),
 * and the operands after the command word. */
struct cli {
	const char *data_dir;   /* resolved knowledge-base directory */
	bool data_given;        /* from --data or FLASHFIX_DATA */
	bool no_cache;          /* --no-cache */
	const char *state_dir;
	const char *records;    /* the first --records (the one appended to) */
	const char **more_records; /* the others (stats, history, export) */
	size_t nmore;
	struct look look;       /* what the output is drawn with */
	enum lang lang_asked;   /* --lang as given, before a terminal limits
				   it (a file is written in it) */
	bool lang_given;
	bool ascii_asked;       /* --ascii */
	char **args;
	int nargs;
};

/* One option of a command.  take stores value (NULL for an option
 * without one) in field, the option's place in the command's options;
 * false after saying why it cannot (wrong usage). */
struct cmd_opt {
	const char *name;  /* without the "--" */
	const char *arg;   /* the value, as --help names it ("N"); NULL:
			      none; "[=ID]": an optional one */
	bool (*take)(const struct cmd_opt *opt, const char *value,
	    void *field);
	size_t offset;     /* of the field in the command's options */
	const char *help;  /* its line of --help, N_() */
};

/* A command. */
struct cmd_entry {
	const char *name;       /* NULL: the wizard (no command word) */
	const char *synopsis;   /* for --help: "lookup TEXT...", N_() */
	const char *summary;    /* what it does, N_() */
	const struct cmd_opt *opts; /* its own options, ended by a NULL name */
	size_t size;            /* of its options */
	const void *defaults;   /* their values when not given */
	int min_args, max_args; /* operands; -1: any number */
	const char *operands;   /* what they are, for the message, N_() */
	int (*run)(const struct cli *c, void *opts);
};

extern const struct cmd_entry cmd_wizard_entry, cmd_lookup_entry,
    cmd_scan_entry, cmd_check_entry, cmd_history_entry, cmd_report_entry,
    cmd_stats_entry, cmd_export_entry;

/* The common takers of values.  opt_flag: a bool, true.  opt_string: a
 * const char *.  opt_file: the same, not empty.  opt_count: a long from
 * 1 to 1000.  opt_date: YYYY-MM-DD as a time_t (its midnight UTC).
 * opt_platform: mtk or qcom (kb's PLAT_ bits) as an unsigned. */
bool opt_flag(const struct cmd_opt *opt, const char *value, void *field);
bool opt_string(const struct cmd_opt *opt, const char *value, void *field);
bool opt_file(const struct cmd_opt *opt, const char *value, void *field);
bool opt_count(const struct cmd_opt *opt, const char *value, void *field);
bool opt_date(const struct cmd_opt *opt, const char *value, void *field);
bool opt_platform(const struct cmd_opt *opt, const char *value,
    void *field);

/* Says wrong usage on stderr: "flashfix: " and the message (made safe
 * for the terminal), then the hint to --help. */
void cli_usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Parses argv for the commands of table (n of them): the common options
 * into *c, the command's into *opts (malloc'd, its defaults first).
 * EXIT_OK and *cmd to run it; else how to exit now (after --help or
 * --version, or a usage message). */
int cli_parse(const struct cmd_entry *const *table, size_t n, int argc,
    char **argv, struct cli *c, const struct cmd_entry **cmd, void **opts);
void cli_free(struct cli *c, void *opts);

#endif
