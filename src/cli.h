/* cli.h: the commands, each run with the options main parsed.
 * Layer: commands. */
#ifndef FLASHFIX_CLI_H
#define FLASHFIX_CLI_H

#include "options.h"

int cmd_lookup(struct options *o);
int cmd_check(struct options *o);
int cmd_wizard(struct options *o);
int cmd_history(struct options *o);
int cmd_report(struct options *o);
int cmd_stats(struct options *o);
int cmd_scan(struct options *o);
int cmd_export(struct options *o);

#endif
