/* main.c: the locale, and the table of commands: the command line is
 * parsed from their entries, and the one it names runs.
 * Layer: main (the top; nothing uses it). */
#include <config.h>

#include <stdlib.h>

#include "cli.h"
#include "i18n.h"
#include "paths.h"
#include "util.h"

/* The commands, in the order --help lists them.  A command is its file
 * (its entry) and a row here. */
static const struct cmd_entry *const commands[] = {
	&cmd_wizard_entry,
	&cmd_lookup_entry,
	&cmd_check_entry,
	&cmd_history_entry,
	&cmd_report_entry,
	&cmd_stats_entry,
	&cmd_scan_entry,
	&cmd_export_entry,
};

int
main(int argc, char **argv)
{
	const struct cmd_entry *cmd;
	struct cli c;
	void *opts;
	int rc;

	util_tune_malloc();
	setlocale(LC_ALL, "");
	bindtextdomain(PACKAGE, paths_locale_dir());
	textdomain(PACKAGE);

	rc = cli_parse(commands, sizeof commands / sizeof *commands, argc,
	    argv, &c, &cmd, &opts);
	if (!cmd)
		return rc;
	rc = cmd->run(&c, opts);
	cli_free(&c, opts);
	if (!output_close_stdout() && rc == EXIT_OK)
		rc = EXIT_FAILED;
	return rc;
}
