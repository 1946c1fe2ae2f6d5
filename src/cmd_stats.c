/* cmd_stats.c: flashfix stats [--since DATE] [--json]: what fixed which
 * error, from the records.
 * Layer: commands. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "i18n.h"
#include "env.h"
#include "output.h"
#include "records.h"
#include "stats.h"
#include "text.h"
#include "util.h"

#define BAR_WIDTH 20

/* A bar of n out of max, BAR_WIDTH wide at most. */
static void
bar(unsigned long n, unsigned long max, bool ascii)
{
	size_t w = max ? (size_t)((n * BAR_WIDTH + max - 1) / max) : 0;

	for (size_t i = 0; i < w; i++)
		fputs(ascii ? "#" : "\xe2\x96\x88", stdout);
}

static void
print_id(const char *id, int width, bool ascii)
{
	char *e = text_sanitize(*id ? id : _("(not listed)"), !ascii);
	size_t w = text_width(e);

	fputs(e, stdout);
	for (size_t i = w; i < (size_t)width; i++)
		putchar(' ');
	free(e);
}

/* Per family, when the knowledge base could be read: by its id, or in
 * Chinese by its name (labels). */
static void
text_families(const struct stats *st, const struct kb *kb, bool ascii,
    bool labels)
{
	struct stat_family f[FAM_COUNT + 1];
	unsigned long max = 0;

	stats_families(st, kb, f);
	for (int i = 0; i <= FAM_COUNT; i++)
		if (f[i].sessions > max)
			max = f[i].sessions;
	printf("\n%s\n", _("Per family: sessions, fixed, escalated"));
	if (!max)
		printf("  %s\n", _("none"));
	for (int i = 0; i <= FAM_COUNT; i++) {
		if (!f[i].sessions)
			continue;
		printf("  ");
		print_id(i == FAM_COUNT ? "" : labels ? kb_family_label((enum
		    family)i) : kb_family_key((enum family)i), labels ? 28 : 24,
		    ascii);
		printf(" %5lu %5lu %5lu  ", f[i].sessions, f[i].fixed,
		    f[i].escalated);
		bar(f[i].sessions, max, ascii);
		putchar('\n');
	}
}

/* Per shop or per month, under its title. */
static void
text_groups(const struct stat_groups *g, const char *title, bool ascii)
{
	unsigned long max = 0;

	for (size_t i = 0; i < g->n; i++)
		if (g->v[i].sessions > max)
			max = g->v[i].sessions;
	printf("\n%s\n", title);
	for (size_t i = 0; i < g->n; i++) {
		const struct stat_group *x = &g->v[i];
		printf("  ");
		print_id(*x->name ? x->name : "-", 24, ascii);
		printf(" %5lu %5lu %5lu %5lu  ", x->sessions, x->fixed,
		    x->escalated, x->abandoned);
		bar(x->sessions, max, ascii);
		putchar('\n');
	}
}

/* The knowledge base's to-do list: the most frequent texts typed in
 * sessions with no specific answer, each cut to its column. */
static void
text_todo(const struct stats *st, bool ascii)
{
	const struct stat_todos *td = &st->todo;

	printf("\n%s\n", _("Typed, with no specific answer: sessions, fixed, "
	    "escalated, abandoned"));
	if (!td->n)
		printf("  %s\n", _("none"));
	for (size_t i = 0; i < td->n && i < STATS_TODO_SHOWN; i++) {
		const struct stat_todo *x = &td->v[i];
		char *e = text_cut(x->text, 40, !ascii);
		size_t w = text_width(e);
		printf("  %s%*s %5lu %5lu %5lu %5lu\n", e,
		    (int)(w < 40 ? 40 - w : 0), "", x->sessions, x->fixed,
		    x->escalated, x->abandoned);
		free(e);
	}
	if (td->dropped)
		printf("  %s\n", _("(more different texts than could be "
		    "kept: some are not counted)"));
}

/* labels: families and levels by their names in the interface's
 * language (Chinese), not by their ids. */
static void
print_text(const struct stats *st, const struct kb *kb, bool ascii,
    bool labels)
{
	unsigned long max = 0, wmax = 0;

	printf(_("Sessions: %lu (fixed %lu, escalated %lu, abandoned %lu)\n"),
	    st->sessions, st->fixed, st->escalated, st->abandoned);
	if (!st->sessions)
		return;
	max = st->unchosen;
	for (size_t i = 0; i < st->n; i++) {
		if (st->errors[i].sessions > max)
			max = st->errors[i].sessions;
		if (st->errors[i].week > wmax)
			wmax = st->errors[i].week;
	}
	printf("\n%s\n", _("Per error: sessions, fixed; per step: tried, "
	    "fixed it"));
	for (size_t i = 0; i < st->n; i++) {
		const struct stat_error *e = &st->errors[i];
		printf("  ");
		print_id(e->id, 24, ascii);
		printf(" %5lu %5lu  ", e->sessions, e->fixed);
		bar(e->sessions, max, ascii);
		putchar('\n');
		for (size_t k = 0; k < e->nsteps; k++) {
			/* The fix's step number in the base, then its
			 * level ("-": a record of an earlier build). */
			const struct stat_step *ss = &e->steps[k];
			char num[24] = "-";
			if (ss->fix)
				snprintf(num, sizeof num, "%lu", ss->fix);
			printf("    %4s ", num);
			print_id(!*ss->level ? "-" : labels ?
			    kb_level_label_of(ss->level) : ss->level, 20,
			    ascii);
			printf(" %5lu %5lu\n", ss->tried, ss->fixed);
		}
	}
	if (st->unchosen) {
		/* Apart from the general steps' "(not listed)". */
		printf("  ");
		print_id(_("(no error chosen)"), 24, ascii);
		printf(" %5lu %5d  ", st->unchosen, 0);
		bar(st->unchosen, max, ascii);
		putchar('\n');
	}
	if (kb)
		text_families(st, kb, ascii, labels);
	printf("\n%s\n", _("The most frequent errors this week"));
	if (!wmax)
		printf("  %s\n", _("none"));
	for (size_t i = 0, shown = 0; i < st->n && shown < 5; i++) {
		const struct stat_error *e = &st->errors[i];
		if (!e->week)
			continue;
		printf("  ");
		print_id(e->id, 24, ascii);
		printf(" %5lu  ", e->week);
		bar(e->week, wmax, ascii);
		putchar('\n');
		shown++;
	}
	text_todo(st, ascii);
	text_groups(&st->hosts, _("Per shop (host): sessions, fixed, "
	    "escalated, abandoned"), ascii);
	text_groups(&st->months, _("Per month (UTC): sessions, fixed, "
	    "escalated, abandoned"), ascii);
	printf("\n%s\n", _("Engineers: sessions, escalated, rate"));
	for (size_t i = 0; i < st->neng; i++) {
		const struct stat_engineer *g = &st->eng[i];
		unsigned pct = g->sessions ? (unsigned)((g->escalated * 100 +
		    g->sessions / 2) / g->sessions) : 0;
		printf("  ");
		print_id(*g->name ? g->name : "-", 24, ascii);
		printf(" %5lu %5lu %4u%%  ", g->sessions, g->escalated, pct);
		bar(g->escalated, g->sessions, ascii);
		putchar('\n');
	}
}

/* ],"KEY":[{"NAME":...,"sessions":...},...: the array before is
 * closed, this one left open. */
static void
json_groups(const struct stat_groups *g, const char *key, const char *name)
{
	printf("],\"%s\":[", key);
	for (size_t i = 0; i < g->n; i++) {
		const struct stat_group *x = &g->v[i];
		printf("%s{\"%s\":", i ? "," : "", name);
		json_str(stdout, *x->name ? x->name : NULL);
		printf(",\"sessions\":%lu,\"fixed\":%lu,\"escalated\":%lu,"
		    "\"abandoned\":%lu}", x->sessions, x->fixed, x->escalated,
		    x->abandoned);
	}
}

static void
print_json(const struct stats *st, const struct kb *kb)
{
	printf("{\"sessions\":%lu,\"fixed\":%lu,\"escalated\":%lu,"
	    "\"abandoned\":%lu,\"no_error_chosen\":%lu,\"errors\":[",
	    st->sessions, st->fixed, st->escalated, st->abandoned,
	    st->unchosen);
	for (size_t i = 0; i < st->n; i++) {
		const struct stat_error *e = &st->errors[i];
		printf("%s{\"error_id\":", i ? "," : "");
		json_str(stdout, *e->id ? e->id : NULL);
		printf(",\"sessions\":%lu,\"fixed\":%lu,\"escalated\":%lu,"
		    "\"abandoned\":%lu,\"this_week\":%lu,\"steps\":[",
		    e->sessions, e->fixed, e->escalated, e->abandoned, e->week);
		for (size_t k = 0; k < e->nsteps; k++) {
			printf("%s{\"fix_step\":", k ? "," : "");
			if (e->steps[k].fix)
				printf("%lu", e->steps[k].fix);
			else
				fputs("null", stdout);
			fputs(",\"level\":", stdout);
			json_str(stdout, e->steps[k].level);
			printf(",\"tried\":%lu,\"fixed\":%lu}",
			    e->steps[k].tried, e->steps[k].fixed);
		}
		printf("]}");
	}
	printf("],\"families\":[");
	if (kb) {
		struct stat_family f[FAM_COUNT + 1];
		bool first = true;
		stats_families(st, kb, f);
		for (int i = 0; i <= FAM_COUNT; i++) {
			if (!f[i].sessions)
				continue;
			printf("%s{\"family\":", first ? "" : ",");
			json_str(stdout, i < FAM_COUNT ?
			    kb_family_key((enum family)i) : NULL);
			printf(",\"sessions\":%lu,\"fixed\":%lu,"
			    "\"escalated\":%lu,\"abandoned\":%lu}",
			    f[i].sessions, f[i].fixed, f[i].escalated,
			    f[i].abandoned);
			first = false;
		}
	}
	printf("],\"todo\":[");
	for (size_t i = 0; i < st->todo.n && i < STATS_TODO_SHOWN; i++) {
		const struct stat_todo *x = &st->todo.v[i];
		printf("%s{\"text\":", i ? "," : "");
		json_str(stdout, x->text);
		printf(",\"sessions\":%lu,\"fixed\":%lu,\"escalated\":%lu,"
		    "\"abandoned\":%lu}", x->sessions, x->fixed, x->escalated,
		    x->abandoned);
	}
	json_groups(&st->hosts, "hosts", "host");
	json_groups(&st->months, "months", "month");
	printf("],\"engineers\":[");
	for (size_t i = 0; i < st->neng; i++) {
		const struct stat_engineer *g = &st->eng[i];
		printf("%s{\"engineer\":", i ? "," : "");
		json_str(stdout, g->name);
		printf(",\"sessions\":%lu,\"escalated\":%lu,"
		    "\"escalation_rate\":%.4f}", g->sessions, g->escalated,
		    g->sessions ? (double)g->escalated / (double)g->sessions :
		    0.0);
	}
	printf("]}\n");
}

static void
add_one(const struct rec *r, void *ctx)
{
	stats_add(ctx, r);
}

/* stats' options. */
struct stats_opts {
	bool json;
	time_t since; /* (time_t)-1: all */
};

static const struct cmd_opt stats_opts[] = {
	{ "json", NULL, opt_flag, offsetof(struct stats_opts, json),
	    N_("print JSON") },
	{ "since", N_("DATE"), opt_date, offsetof(struct stats_opts, since),
	    N_("only sessions started on or after DATE (YYYY-MM-DD)") },
	{ NULL, NULL, NULL, 0, NULL },
};

static const struct stats_opts stats_defaults = { .since = (time_t)-1 };

static int
run(const struct cli *c, void *opts)
{
	const struct stats_opts *o = opts;
	struct stats st;
	struct diag d;
	char *state = env_state_dir(c);
	size_t nfiles;
	char **files;
	int rc = EXIT_OK;

	if (!state)
		return EXIT_FAILED;
	files = env_records_all(c, state, &nfiles);
	if (!env_records_exist(c, files, nfiles)) {
		env_records_free(files, nfiles);
		free(state);
		return EXIT_FAILED;
	}
	/* The records stream by: memory does not grow with them. */
	diag_init(&d);
	stats_init(&st, o->since, time(NULL));
	/* One file holds a session once (its appends see to that). */
	st.once = nfiles > 1;
	st.with_todo = true;
	for (size_t i = 0; i < nfiles; i++)
		if (!records_each(files[i], &d, add_one, &st))
			rc = EXIT_FAILED;
	stats_done(&st);
	diag_print(&d, stderr);
	if (rc == EXIT_OK) {
		/* The families come from the base; without it, the rest. */
		struct store base = { 0 };
		bool have = env_load_quiet(c, &base);
		if (o->json)
			print_json(&st, have ? base.kb : NULL);
		else
			print_text(&st, have ? base.kb : NULL,
			    c->look.ascii, c->look.lang == LANG_ZH);
		store_free(&base);
	}
	stats_free(&st);
	diag_free(&d);
	env_records_free(files, nfiles);
	free(state);
	return rc;
}

const struct cmd_entry cmd_stats_entry = {
	.name = "stats",
	.synopsis = N_("stats"),
	.summary = N_("what fixed which error, from the records"),
	.opts = stats_opts,
	.size = sizeof (struct stats_opts),
	.defaults = &stats_defaults,
	.min_args = 0, .max_args = 0,
	.operands = N_("no operands"),
	.run = run,
};
