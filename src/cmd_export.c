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

struct export {
	const struct options *o;
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

int
cmd_export(struct options *o)
{
	struct export x = { .o = o };
	struct diag d;
	char *state = env_state_dir(o);
	size_t nfiles;
	char **files = env_records_all(o, state, &nfiles);
	int rc = EXIT_OK;

	x.jsonl = o->format_name && strcmp(o->format_name, "jsonl") == 0;
	if (o->format_name && !x.jsonl &&
	    strcmp(o->format_name, "csv") != 0) {
		fprintf(stderr, _("flashfix: --format takes csv or jsonl for "
		    "export\nTry 'flashfix --help' for more information.\n"));
		env_records_free(files, nfiles);
		free(state);
		return EXIT_USAGE;
	}
	if (!env_records_exist(o, files, nfiles)) {
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
