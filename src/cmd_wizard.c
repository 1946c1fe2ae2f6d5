/* cmd_wizard.c: flashfix with no command: one troubleshooting session,
 * recorded when it ends. */
#include <config.h>

#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "i18n.h"
#include "journal.h"
#include "kb.h"
#include "match.h"
#include "plain.h"
#include "text.h"
#include "tui.h"
#include "util.h"
#include "wizard.h"

/* The login name, for the engineer field. */
static const char *
login_name(void)
{
	const char *u = getenv("USER");
	struct passwd *pw;

	if (u && *u)
		return u;
	pw = getpwuid(getuid());
	return pw ? pw->pw_name : "";
}

int
cmd_wizard(struct options *o)
{
	struct kb *kb;
	struct match_index *ix;
	struct wizard w;
	char *state, *records, *id = NULL, *err = NULL, host[256];
	char *why = NULL, *notice = NULL;
	bool writable, use_tui;
	int rc = EXIT_OK;

	if (o->nargs > 0) {
		fprintf(stderr, _("flashfix: unknown command '%s'; the commands "
		    "are lookup, check and history\n"
		    "Try 'flashfix --help' for more information.\n"),
		    o->args[0]);
		return EXIT_USAGE;
	}
	kb = cli_load_kb(o);
	if (!kb)
		return EXIT_FAILED;
	state = journal_state_dir(o->state_dir);
	records = journal_records_path(state, o->records);
	writable = journal_make_dir(state);
	if (!writable) {
		notice = xasprintf(_("Cannot use the state directory %s (%s): "
		    "this session cannot be recorded; choose another with "
		    "--state-dir."), state, strerror(errno));
		fprintf(stderr, "flashfix: %s\n", notice);
	}
	use_tui = !o->plain && isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
	if (use_tui && !tui_usable(&why)) {
		fprintf(stderr, _("flashfix: %s; using the line mode.\n"), why);
		use_tui = false;
	}

	ix = match_index_new(kb);
	wizard_init(&w, kb);
	wizard_details(&w, o->engineer ? o->engineer : login_name(),
	    o->model, o->serial);
	if (use_tui) {
		enum tui_result r = tui_run(o, &w, ix, notice, &why);
		if (r == TUI_UNUSABLE) {
			fprintf(stderr, _("flashfix: %s; using the line "
			    "mode.\n"), why);
			plain_run(o, &w, ix);
		} else if (r == TUI_NOTHING) {
			goto out;
		} else if (r == TUI_LOST) {
			fprintf(stderr, _("flashfix: the terminal went away; "
			    "the session is recorded as abandoned.\n"));
		}
	} else {
		plain_run(o, &w, ix);
	}

	if (gethostname(host, sizeof host) != 0)
		host[0] = '\0';
	host[sizeof host - 1] = '\0';
	if (writable && journal_append(records, &w, host, &id, &err)) {
		printf(_("Recorded as %s in %s (%s).\n"), id, records,
		    wizard_outcome_key(w.outcome));
	} else {
		if (err) {
			char *e = text_sanitize(err, !o->ascii);
			fprintf(stderr, "flashfix: %s\n", e);
			free(e);
		}
		fprintf(stderr, _("flashfix: the session was not recorded.\n"));
		rc = EXIT_FAILED;
	}
out:
	free(id);
	free(err);
	free(why);
	free(notice);
	free(state);
	free(records);
	wizard_free(&w);
	match_index_free(ix);
	kb_free(kb);
	return rc;
}
