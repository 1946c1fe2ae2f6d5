/* cmd_report.c: flashfix report [ID | --last]: one recorded session,
 * for HQ, in the format asked for, on standard output or written
 * atomically to a file.  Layer: commands. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "env.h"
#include "i18n.h"
#include "records.h"
#include "report.h"
#include "text.h"
#include "util.h"

/* report's options. */
struct report_opts {
	enum report_format format;
	const char *output;
	bool force, last;
};

/* --format: one of report's. */
static bool
take_format(const struct cmd_opt *opt, const char *value, void *field)
{
	if (!report_format_parse(value, field)) {
		cli_usage(_("--%s takes text, markdown, json or csv, not '%s'"),
		    opt->name, value);
		return false;
	}
	return true;
}

static const struct cmd_opt report_opts[] = {
	{ "last", NULL, opt_flag, offsetof(struct report_opts, last),
	    N_("the newest session (instead of an ID)") },
	{ "format", N_("F"), take_format, offsetof(struct report_opts, format),
	    N_("text (default), markdown, json or csv") },
	{ "output", N_("FILE"), opt_file, offsetof(struct report_opts, output),
	    N_("write FILE (atomically) instead of stdout") },
	{ "force", NULL, opt_flag, offsetof(struct report_opts, force),
	    N_("replace FILE if it exists") },
	{ NULL, NULL, NULL, 0, NULL },
};

static const struct report_opts report_defaults = { .format = REPORT_TEXT };

static int
run(const struct cli *c, void *opts)
{
	const struct report_opts *o = opts;
	struct recset set;
	struct diag d;
	struct store st = { 0 };
	const struct rec *r;
	char *state = env_state_dir(c);
	char *path;
	char *data = NULL, *err = NULL, host[256];
	struct records_who who;
	size_t len = 0;
	bool utf8;
	int rc = EXIT_OK;

	if (!state)
		return EXIT_FAILED;
	path = env_records(c, state);
	recset_init(&set);
	diag_init(&d);
	if ((c->nargs == 1) == o->last) {
		fprintf(stderr, _("flashfix: report takes one session ID, or "
		    "--last\nTry 'flashfix --help' for more information.\n"));
		rc = EXIT_USAGE;
		goto out;
	}
	if (c->records || getenv("FLASHFIX_RECORDS")) {
		char *one[] = { path };
		if (!env_records_exist(c, one, 1)) {
			rc = EXIT_FAILED;
			goto out;
		}
	}
	/* --last: this engineer's newest on this host, even in a file that
	 * a shop's engineers share. */
	env_host(host, sizeof host);
	who = (struct records_who){ records_account(), env_engineer(NULL), host };
	if (!(o->last ? records_find_last(path, &d, &who, &set) :
	    records_find(path, &d, c->args[0], &set))) {
		diag_print(&d, stderr);
		rc = EXIT_FAILED;
		goto out;
	}
	diag_print(&d, stderr);
	r = set.n ? &set.v[0] : NULL;
	if (!r) {
		char *id = text_sanitize(o->last ? "" : c->args[0], false);
		char *e = text_sanitize(who.engineer, false);
		char *h = text_sanitize(host, false);
		if (o->last)
			fprintf(stderr, _("flashfix: no session of %s on %s is "
			    "recorded in %s; 'flashfix history' lists every "
			    "session, and 'flashfix report ID' shows one\n"),
			    e, h, path);
		else
			fprintf(stderr, _("flashfix: no session '%2$s' in "
			    "%1$s\n"), path, id);
		free(e);
		free(h);
		free(id);
		rc = EXIT_NEGATIVE;
		goto out;
	}
	if (!env_load(c, &st)) {
		rc = EXIT_FAILED;
		goto out;
	}
	/* A file is UTF-8 whatever the terminal; so is JSON and CSV. */
	utf8 = o->output || o->format == REPORT_JSON ||
	    o->format == REPORT_CSV || text_terminal_utf8();
	data = report_make(st.kb, r, o->format, o->output && c->lang_given ?
	    c->lang_asked : c->look.lang, utf8, &len);
	if (o->output) {
		if (!report_save(o->output, data, len, o->force, &err)) {
			char *e = text_sanitize(err, text_terminal_utf8());
			fprintf(stderr, "flashfix: %s\n", e);
			free(e);
			rc = EXIT_FAILED;
		}
	} else if (fwrite(data, 1, len, stdout) != len) {
		rc = EXIT_FAILED;
	}
out:
	free(err);
	free(data);
	store_free(&st);
	recset_free(&set);
	diag_free(&d);
	free(state);
	free(path);
	return rc;
}

const struct cmd_entry cmd_report_entry = {
	.name = "report",
	.synopsis = N_("report [ID]"),
	.summary = N_("a report of one session, for HQ"),
	.opts = report_opts,
	.size = sizeof (struct report_opts),
	.defaults = &report_defaults,
	.min_args = 0, .max_args = 1,
	.operands = N_("one session ID, or --last"),
	.run = run,
};
