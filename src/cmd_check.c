/* cmd_check.c: flashfix check [DIR]: validates a knowledge base.
 * Layer: commands. */
#include <config.h>

#include <stdio.h>
#include <sys/stat.h>

#include "cli.h"
#include "diag.h"
#include "i18n.h"
#include "kb.h"

static int
run(const struct cli *c, void *opts)
{
	const char *dir = c->nargs > 0 ? c->args[0] : c->data_dir;
	struct diag d;
	struct kb *kb;
	struct stat sb;
	int rc;

	diag_init(&d);
	kb = kb_load(dir, &d);
	/* The problems are the output; the summary goes to stderr. */
	diag_print(&d, stdout);
	if (d.errors == 0 && kb) {
		fprintf(stderr, _("%s: valid: %zu errors, %zu tools, %zu generic "
		    "steps, %zu warnings\n"), dir, kb->nerrors, kb->ntools,
		    kb->ngeneric, d.warnings);
		rc = EXIT_OK;
	} else {
		fprintf(stderr, _("%s: invalid: %zu errors, %zu warnings\n"), dir,
		    d.errors, d.warnings);
		/* Nothing to read (no such directory) is a base that
		 * cannot be used, as with --data; problems in its rows are
		 * invalid data. */
		rc = kb && stat(dir, &sb) == 0 && S_ISDIR(sb.st_mode) ?
		    EXIT_NEGATIVE : EXIT_FAILED;
	}
	kb_free(kb);
	diag_free(&d);
	(void)opts;
	return rc;
}

const struct cmd_entry cmd_check_entry = {
	.name = "check",
	.synopsis = N_("check [DIR]"),
	.summary = N_("validate a knowledge base"),
	.min_args = 0, .max_args = 1,
	.operands = N_("at most one directory"),
	.run = run,
};
