/* cmd_export.c: flashfix export [--steps] [--since DATE] [--after ID|TIME]
 * [--format csv|jsonl] [--records FILE]...: the records of one shop or of
 * many, for the warehouse or database HQ already runs: one row per
 * session (or, with --steps, per step) in a stable schema (flashfix(5),
 * and the tables of sql/flashfix.sql), the records of several files
 * merged without duplicates; --after only what is new since a load.
 * Streaming.  Layer: commands. */
#include <config.h>

#include <errno.h>
#include <stddef.h>
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
	bool jsonl;        /* --format jsonl; csv by default */
	bool steps;
	time_t since;      /* (time_t)-1: all */
	const char *after; /* --after ID|TIME: only what is new since */
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
	{ "after", N_("ID|TIME"), opt_file, offsetof(struct export_opts, after),
	    N_("only sessions after ID, or finished at TIME or later") },
	{ NULL, NULL, NULL, 0, NULL },
};

static const struct export_opts export_defaults = { .since = (time_t)-1 };

struct export {
	const struct export_opts *o;
	struct idset seen;  /* a session in several files is written once */
	struct buf line;
	bool jsonl;
	time_t after;       /* --after TIME: finished then or later; -1 */
	unsigned long rows;
};

/* The session columns, and the step columns (flashfix(5)): the first
 * ones as earlier versions wrote them, the later ones after. */
static const char session_head[] = "id,started,finished,engineer,host,"
    "model,serial,platform,tool_version,query,error_id,outcome,"
    "fixed_at_step,steps,tool,family,kb_digest,flashfix_version,"
    "log_line\n";
static const char step_head[] = "session_id,step,level,answer,at,note,"
    "fix_error,fix_step\n";

/* One value: quoted, or nothing at all when empty, which PostgreSQL's
 * COPY ... csv reads as NULL (a quoted "" would be an empty text, and
 * no number). */
static void
put(struct buf *b, const char *v, bool first)
{
	if (v && *v)
		csv_cell(b, v, first);
	else if (!first)
		buf_addc(b, ',');
}

static void
put_time(struct buf *b, const char *v)
{
	char t[RECORDS_TIME_MAX];

	put(b, records_time_ext(v, t), false);
}

static void
csv_session(struct export *x, const struct rec *r)
{
	const struct record *d = &r->r;
	char n[24];
	char *line = records_log_line(d->log);

	snprintf(n, sizeof n, "%zu", r->nsteps);
	buf_reset(&x->line);
	put(&x->line, d->id, true);
	put_time(&x->line, d->started);
	put_time(&x->line, d->finished);
	put(&x->line, d->engineer, false);
	put(&x->line, d->host, false);
	put(&x->line, d->model, false);
	put(&x->line, d->serial, false);
	put(&x->line, d->platform, false);
	put(&x->line, d->tool_version, false);
	put(&x->line, d->query, false);
	put(&x->line, d->error_id, false);
	put(&x->line, wizard_outcome_key(d->outcome), false);
	put(&x->line, d->fixed_at_step, false);
	put(&x->line, n, false);
	put(&x->line, d->tool, false);
	put(&x->line, d->family, false);
	put(&x->line, d->kb, false);
	put(&x->line, d->flashfix, false);
	put(&x->line, line, false);
	buf_addc(&x->line, '\n');
	fputs(x->line.s, stdout);
	free(line);
}

static void
csv_steps(struct export *x, const struct rec *r)
{
	for (size_t i = 0; i < r->nsteps; i++) {
		const struct rstep *s = &r->steps[i];
		char n[24], f[24] = "";
		snprintf(n, sizeof n, "%lu", s->step);
		if (s->fix)
			snprintf(f, sizeof f, "%lu", s->fix);
		buf_reset(&x->line);
		put(&x->line, r->r.id, true);
		put(&x->line, n, false);
		put(&x->line, s->level, false);
		put(&x->line, wizard_answer_key(s->answer), false);
		put_time(&x->line, s->at);
		put(&x->line, s->note, false);
		put(&x->line, records_fix_error(r, s), false);
		put(&x->line, f, false);
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
		records_json_step(stdout, r, &r->steps[i], true);
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
	if (x->after != (time_t)-1) {
		/* New since the last load: finished then or later (the
		 * session at that very second again: the load skips it). */
		time_t f = records_time(r->r.finished);
		if (f != (time_t)-1 && f < x->after)
			return;
	}
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

/* Where the record of session id ends in path (0: not there). */
struct find_end {
	const char *id;
	uint64_t end;
};

static void
note_end(const struct record *r, void *ctx)
{
	struct find_end *f = ctx;

	if (strcmp(r->id, f->id) == 0)
		f->end = r->end;
}

/* The records of path to export: with --after ID, those after the
 * record of ID (all of a file that does not hold it: a shop not loaded
 * before). */
static bool
export_file(struct export *x, const char *path, struct diag *d)
{
	struct find_end f = { x->o->after, 0 };
	struct diag quiet;
	bool ok;

	if (!x->o->after || x->after != (time_t)-1)
		return records_each(path, d, export_one, x);
	diag_init(&quiet);
	ok = records_read(path, &quiet, note_end, &f);
	diag_free(&quiet);
	if (!ok || !f.end)
		return records_each(path, d, export_one, x);
	return records_each_span(path, d, f.end, UINT64_MAX, export_one, x);
}

/* --after's value as a time: ISO 8601 with its offset, as the records
 * and the export write it, or as PostgreSQL prints a timestamptz
 * ("2026-12-02 18:17:05+00", with or without fractions of a second);
 * (time_t)-1 when it is none (a session id, then). */
static time_t
after_time(const char *s)
{
	char t[40];
	size_t n = strlen(s), k = 0;
	const char *p = s;

	if (n < 20 || n >= sizeof t)
		return records_time(s);
	/* The date and time, 'T' for a space, fractions dropped. */
	for (; *p && k < 19; p++, k++)
		t[k] = k == 10 && *p == ' ' ? 'T' : *p;
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++)
			;
	/* "+00" as "+00:00". */
	if ((*p == '+' || *p == '-') && strlen(p) == 3)
		snprintf(t + k, sizeof t - k, "%s:00", p);
	else
		snprintf(t + k, sizeof t - k, "%s", p);
	return records_time(t);
}

static int
run(const struct cli *c, void *opts)
{
	const struct export_opts *o = opts;
	struct export x = { .o = o, .jsonl = o->jsonl, .after = (time_t)-1 };
	struct diag d;
	char *state = env_state_dir(c);
	size_t nfiles;
	char **files;
	int rc = EXIT_OK;

	if (!state)
		return EXIT_FAILED;
	files = env_records_all(c, state, &nfiles);
	if (o->after)
		x.after = after_time(o->after);
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
		if (!export_file(&x, files[i], &d))
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
