/* cmd_export.c: flashfix export [--steps] [--since DATE] [--format
 * csv|jsonl] [--records FILE]...: the records of one shop or of many, for
 * the warehouse or database HQ already runs: one row per session (or,
 * with --steps, per step) in a stable schema (flashfix(5)), the records
 * of several files merged without duplicates.  Streaming.
 * Layer: commands. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "env.h"
#include "i18n.h"
#include "idset.h"
#include "output.h"
#include "records.h"
#include "text.h"
#include "util.h"

/* export's options. */
struct export_opts {
	bool jsonl;   /* --format jsonl; csv by default */
	bool steps;
	time_t since; /* (time_t)-1: all */
};

/* --format: csv or jsonl. */
static bool
take_format(const struct cmd_opt *opt, const char *value, void *field)
{
	if (strcmp(value, "jsonl") != 0 && strcmp(value, "csv") != 0) {
		cli_usage(_("--%s takes csv or jsonl for export, not '%s'"),
		    opt->name, value);
		return false;
	}
	*(bool *)field = strcmp(value, "jsonl") == 0;
	return true;
}

static const struct cmd_opt export_opts[] = {
	{ "format", N_("F"), take_format, offsetof(struct export_opts, jsonl),
	    N_("csv (default) or jsonl") },
	{ "steps", NULL, opt_flag, offsetof(struct export_opts, steps),
	    N_("one row per step, not per session") },
	{ "since", N_("DATE"), opt_date, offsetof(struct export_opts, since),
	    N_("as for stats; several --records merge") },
	{ NULL, NULL, NULL, 0, NULL },
};

static const struct export_opts export_defaults = { .since = (time_t)-1 };

struct export {
	const struct export_opts *o;
	struct idset seen;  /* a session in several files is written once */
	struct buf line;
	bool jsonl;
	unsigned long rows;
};

/* The session columns, and the step columns (flashfix(5)). */
static const char session_head[] = "id,started,finished,engineer,host,"
    "model,serial,platform,tool_version,query,error_id,outcome,"
    "fixed_at_step,steps\n";
static const char step_head[] = "session_id,step,level,answer,at,note\n";

static void
csv_session(struct export *x, const struct rec *r)
{
	const struct record *d = &r->r;
	char n[24];

	snprintf(n, sizeof n, "%zu", r->nsteps);
	buf_reset(&x->line);
	csv_field(&x->line, d->id, true);
	csv_field(&x->line, d->started, false);
	csv_field(&x->line, d->finished, false);
	csv_field(&x->line, d->engineer, false);
	csv_field(&x->line, d->host, false);
	csv_field(&x->line, d->model, false);
	csv_field(&x->line, d->serial, false);
	csv_field(&x->line, d->platform, false);
	csv_field(&x->line, d->tool_version, false);
	csv_field(&x->line, d->query, false);
	csv_field(&x->line, d->error_id, false);
	csv_field(&x->line, wizard_outcome_key(d->outcome), false);
	csv_field(&x->line, d->fixed_at_step, false);
	csv_field(&x->line, n, false);
	buf_addc(&x->line, '\n');
	fputs(x->line.s, stdout);
}

static void
csv_steps(struct export *x, const struct rec *r)
{
	for (size_t i = 0; i < r->nsteps; i++) {
		const struct rstep *s = &r->steps[i];
		char n[24];
		snprintf(n, sizeof n, "%lu", s->step);
		buf_reset(&x->line);
		csv_field(&x->line, r->r.id, true);
		csv_field(&x->line, n, false);
		csv_field(&x->line, s->level, false);
		csv_field(&x->line, wizard_answer_key(s->answer), false);
		csv_field(&x->line, s->at, false);
		csv_field(&x->line, s->note ? s->note : "", false);
		buf_addc(&x->line, '\n');
		fputs(x->line.s, stdout);
	}
}

/* --steps --format jsonl: one object per step, its session's id first,
 * the rows of the CSV. */
static void
jsonl_steps(const struct rec *r)
{
	for (size_t i = 0; i < r->nsteps; i++) {
		fputs("{\"session_id\":", stdout);
		json_str(stdout, *r->r.id ? r->r.id : NULL);
		putchar(',');
		records_json_step(stdout, &r->steps[i], true);
		printf("}\n");
	}
}

static void
export_one(const struct rec *r, void *ctx)
{
	struct export *x = ctx;
	time_t t = records_time(r->r.started);

	if (x->o->since != (time_t)-1 && (t == (time_t)-1 ||
	    t < x->o->since))
		return;
	if (idset_seen(&x->seen, r->r.id))
		return;
	x->rows++;
	if (x->jsonl && x->o->steps)
		jsonl_steps(r);
	else if (x->jsonl) {
		records_json(stdout, r, true);
		putchar('\n');
	}
	else if (x->o->steps)
		csv_steps(x, r);
	else
		csv_session(x, r);
}

static int
run(const struct cli *c, void *opts)
{
	const struct export_opts *o = opts;
	struct export x = { .o = o, .jsonl = o->jsonl };
	struct diag d;
	char *state = env_state_dir(c);
	size_t nfiles;
	char **files = env_records_all(c, state, &nfiles);
	int rc = EXIT_OK;

	if (!env_records_exist(c, files, nfiles)) {
		env_records_free(files, nfiles);
		free(state);
		return EXIT_FAILED;
	}
	buf_init(&x.line);
	diag_init(&d);
	if (!x.jsonl)
		fputs(o->steps ? step_head : session_head, stdout);
	for (size_t i = 0; i < nfiles; i++)
		if (!records_each(files[i], &d, export_one, &x))
			rc = EXIT_FAILED;
	diag_print(&d, stderr);
	diag_free(&d);
	buf_free(&x.line);
	idset_free(&x.seen);
	env_records_free(files, nfiles);
	free(state);
	return rc;
}

const struct cmd_entry cmd_export_entry = {
	.name = "export",
	.synopsis = N_("export"),
	.summary = N_("the records for another database"),
	.opts = export_opts,
	.size = sizeof (struct export_opts),
	.defaults = &export_defaults,
	.min_args = 0, .max_args = 0,
	.operands = N_("no operands"),
	.run = run,
};
