/* cmd_history.c: flashfix history [--json]: the recorded sessions,
 * newest first.
 * Layer: commands. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "diag.h"
#include "i18n.h"
#include "env.h"
#include "records.h"
#include "output.h"
#include "text.h"
#include "util.h"
#include "words.h"

/* history's options, and whether the terminal takes ASCII only. */
struct history_opts {
	bool json;
	bool ascii;
};

static const struct cmd_opt history_opts[] = {
	{ "json", NULL, opt_flag, offsetof(struct history_opts, json),
	    N_("print JSON") },
	{ NULL, NULL, NULL, 0, NULL },
};

/* The columns of the widest outcome word in the interface language,
 * worked out once. */
static size_t
outcome_columns(void)
{
	static size_t most;

	if (!most)
		for (int k = OUT_FIXED; k <= OUT_ABANDONED; k++) {
			size_t w = text_width(words_outcome_word(
			    (enum wiz_outcome)k));
			most = w > most ? w : most;
		}
	return most;
}

/* One record, as JSON or a line of text; first: no comma before it. */
static void
print_rec(const struct history_opts *o, const struct rec *c, bool first)
{
	const struct record *r = &c->r;

	if (!o->json) {
		/* The outcome padded to the widest by columns, not bytes. */
		const char *out = words_outcome_word(r->outcome);
		size_t w = text_width(out), most = outcome_columns();
		char *line = xasprintf("%s  %s  %s%*s  %s  %s", r->id,
		    r->started, out, (int)(most > w ? most - w : 0), "",
		    *r->error_id ? r->error_id : records_no_error_chosen(r) ?
		    _("(no error chosen)") : _("(not listed)"), r->query);
		char *e = text_sanitize(line, !o->ascii);
		printf("%s\n", e);
		free(e);
		free(line);
		return;
	}
	if (!first)
		putchar(',');
	records_json(stdout, c, false);
}

/* Records read back to front per this many: memory stays small. */
#define SPAN 256

/* Where every SPAN-th record starts, in file order, and where the last
 * one ends: the file cut into spans of SPAN records, 8 bytes a span. */
struct spans {
	uint64_t *start, end;
	size_t n, cap, recs;
};

static void
note_span(const struct record *r, void *ctx)
{
	struct spans *sp = ctx;

	if (sp->recs++ % SPAN == 0) {
		sp->start = xgrow(sp->start, &sp->cap, sp->n + 1,
		    sizeof *sp->start);
		sp->start[sp->n++] = r->offset;
	}
	sp->end = r->end;
}

/* Records of a span come in file order into a small set. */
static void
keep_rec(const struct record *r, void *ctx)
{
	struct rec c = { .r = *r };
	recset_add(ctx, &c);
}

/* The records of path, newest first: where each span starts, then the
 * spans back to front, each read into a set of SPAN records and printed
 * from its end.  False when it cannot be read. */
static bool
history_file(const struct history_opts *o, const char *path, struct diag *d,
    bool *first)
{
	struct spans sp = { 0 };
	struct diag quiet;
	bool ok;

	if (access(path, F_OK) != 0)
		return true;
	ok = records_read(path, d, note_span, &sp);
	diag_init(&quiet);
	for (size_t k = sp.n; ok && k-- > 0;) {
		struct recset set;
		recset_init(&set);
		/* Damaged records were said in the first pass. */
		ok = records_read_span(path, &quiet, sp.start[k],
		    k + 1 < sp.n ? sp.start[k + 1] : sp.end, keep_rec, &set);
		for (size_t i = set.n; i-- > 0;) {
			print_rec(o, &set.v[i], *first);
			*first = false;
		}
		recset_free(&set);
	}
	diag_free(&quiet);
	free(sp.start);
	return ok;
}

static int
run(const struct cli *c, void *opts)
{
	struct history_opts *o = opts;
	struct diag d;
	char *state = env_state_dir(c);
	size_t nfiles;
	char **files;
	bool first = true;
	int rc = EXIT_OK;

	if (!state)
		return EXIT_FAILED;
	files = env_records_all(c, state, &nfiles);
	if (!env_records_exist(c, files, nfiles)) {
		env_records_free(files, nfiles);
		free(state);
		return EXIT_FAILED;
	}
	o->ascii = c->look.ascii;
	diag_init(&d);
	if (o->json)
		putchar('[');
	for (size_t i = 0; i < nfiles; i++)
		if (!history_file(o, files[i], &d, &first))
			rc = EXIT_FAILED;
	if (o->json)
		printf("]\n");
	diag_print(&d, stderr);
	diag_free(&d);
	env_records_free(files, nfiles);
	free(state);
	return rc;
}

static const struct history_opts history_defaults;

const struct cmd_entry cmd_history_entry = {
	.name = "history",
	.synopsis = N_("history"),
	.summary = N_("list the recorded sessions, newest first"),
	.opts = history_opts,
	.size = sizeof (struct history_opts),
	.defaults = &history_defaults,
	.min_args = 0, .max_args = 0,
	.operands = N_("no operands"),
	.run = run,
};
