/* tests/summary.c: the step figures the wizard shows come from a summary
 * kept in the cache and the records appended since; they must always
 * equal the figures of reading the whole file. */
#include <config.h>

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "kb.h"
#include "records.h"
#include "stats.h"
#include "summary.h"
#include "tap.h"
#include "util.h"
#include "wizard.h"

static char tmpdir[] = "/tmp/flashfix-summary-XXXXXX";

/* Appends one session on error id, answered "not fixed" up to step
 * fixed_at (0: never fixed: escalated). */
static void
session(const struct kb *kb, const char *path, const char *id,
    size_t fixed_at)
{
	struct wizard w;

	wizard_init(&w, kb);
	wizard_set_platform(&w, PLAT_QCOM);
	wizard_set_version(&w, "2.0.11");
	wizard_choose(&w, kb_find(kb, id), id);
	wizard_details(&w, "tester", "M1", "S1");
	for (size_t i = 1; wizard_step(&w); i++)
		wizard_answer(&w, i == fixed_at ? ANS_FIXED : ANS_NOT_FIXED,
		    NULL);
	char *err = NULL;
	if (!records_append(path, &w, "bench", NULL, &err))
		printf("# append to %s failed: %s\n", path, err);
	free(err);
	wizard_free(&w);
}

static void
add_one(const struct rec *r, void *ctx)
{
	stats_add(ctx, r);
}

/* Whether summary_load over cache gives the figures of a full read. */
static bool
agrees(const char *path, const char *cache, const char *id,
    unsigned long fix)
{
	struct stats a, b;
	struct diag d;
	const struct stat_step *x, *y;
	bool same;

	diag_init(&d);
	stats_init(&a, (time_t)-1, 0);
	records_each(path, &d, add_one, &a);
	stats_done(&a);
	summary_load(&b, path, cache, &d);
	x = stats_step(&a, id, fix);
	y = stats_step(&b, id, fix);
	same = d.errors == 0 && x && y && x->tried == y->tried &&
	    x->fixed == y->fixed;
	if (!same)
		printf("# %s %lu: whole %lu/%lu, summary %lu/%lu\n", id, fix,
		    x ? x->fixed : 0, x ? x->tried : 0, y ? y->fixed : 0,
		    y ? y->tried : 0);
	stats_free(&a);
	stats_free(&b);
	diag_free(&d);
	return same;
}

/* The figures through the summary for one step: "FIXED/TRIED". */
static char *
figures(const char *path, const char *cache, const char *id,
    unsigned long fix)
{
	struct stats st;
	struct diag d;
	const struct stat_step *s;
	char *out;

	diag_init(&d);
	summary_load(&st, path, cache, &d);
	s = stats_step(&st, id, fix);
	out = xasprintf("%lu/%lu", s ? s->fixed : 0, s ? s->tried : 0);
	stats_free(&st);
	diag_free(&d);
	return out;
}

/* The summary file in cache (there is one). */
static char *
summary_file(const char *cache)
{
	char *cmd = xasprintf("ls '%s'/records-*.summary 2>/dev/null", cache);
	FILE *p = popen(cmd, "r");
	char *line = NULL;
	size_t cap = 0;

	free(cmd);
	if (!p)
		return NULL;
	if (getline(&line, &cap, p) > 0)
		line[strcspn(line, "\n")] = '\0';
	else {
		free(line);
		line = NULL;
	}
	pclose(p);
	return line;
}

int
main(void)
{
	const char *src = getenv("top_srcdir");
	char *datadir, *path, *cache, *f, *s;
	struct diag d;
	struct kb *kb;
	const char *id = "sahara";

	setlocale(LC_ALL, "C.UTF-8");
	if (!mkdtemp(tmpdir)) {
		printf("Bail out! mkdtemp: %s\n", strerror(errno));
		return 99;
	}
	datadir = xasprintf("%s/data", src ? src : ".");
	diag_init(&d);
	kb = kb_load(datadir, &d);
	diag_free(&d);
	if (!kb || !kb_find(kb, id)) {
		printf("Bail out! no %s in %s\n", id, datadir);
		return 99;
	}
	path = xasprintf("%s/records.csv", tmpdir);
	cache = xasprintf("%s/cache", tmpdir);

	/* Three sessions: fixed at step 1, at step 2, never. */
	session(kb, path, id, 1);
	session(kb, path, id, 2);
	session(kb, path, id, 0);
	{
		struct wizard w;
		wizard_init(&w, kb);
		wizard_set_platform(&w, PLAT_QCOM);
		wizard_set_version(&w, "2.0.11");
		wizard_choose(&w, kb_find(kb, id), id);
		const struct wiz_step *st = wizard_step(&w);
		unsigned long lvl = st ? st->fix->step : 0;
		const char *lvk = st ? kb_level_key(st->fix->level) : "";
		wizard_free(&w);

		s = figures(path, cache, id, lvl);
		is_str(s, "1/3", "first step: fixed 1 of 3 (summary made)");
		free(s);
		f = summary_file(cache);
		ok(f != NULL, "the summary is kept in the cache directory");
		ok(agrees(path, cache, id, lvl),
		    "read again through the summary: the same figures");

		/* Appended since: only the tail is read, and counted. */
		session(kb, path, id, 1);
		s = figures(path, cache, id, lvl);
		is_str(s, "2/4", "a session appended is counted");
		free(s);

		/* A summary that lies about the counts is believed only
		 * while the file's start is the same: planting a false one
		 * for the same bytes shows that the tail alone is read. */
		if (f) {
			FILE *fp = fopen(f, "r");
			char *l1 = NULL, *l2 = NULL;
			size_t c1 = 0, c2 = 0;
			bool got = fp && getline(&l1, &c1, fp) > 0 &&
			    getline(&l2, &c2, fp) > 0;
			if (fp)
				fclose(fp);
			fp = got ? fopen(f, "w") : NULL;
			if (fp) {
				fprintf(fp, "%s%s%s %lu %s 90 70\n", l1, l2, id,
				    lvl, lvk);
				fclose(fp);
			}
			s = figures(path, cache, id, lvl);
			is_str(s, "70/90", "the summary is used, not the whole "
			    "file");
			free(s);
			free(l1);
			free(l2);
		}

		/* The records file replaced (its start differs): the summary
		 * no longer fits and is made again from the whole file. */
		if (unlink(path) != 0)
			printf("# unlink: %s\n", strerror(errno));
		session(kb, path, id, 0);
		s = figures(path, cache, id, lvl);
		is_str(s, "0/1", "a replaced records file: counted afresh");
		free(s);
		ok(agrees(path, cache, id, lvl), "and agrees with a full read");

		/* A damaged summary is not believed. */
		if (f) {
			FILE *fp = fopen(f, "w");
			if (fp) {
				fputs("flashfix-summary 1\nnonsense\n", fp);
				fclose(fp);
			}
		}
		session(kb, path, id, 1);
		s = figures(path, cache, id, lvl);
		is_str(s, "1/2", "a damaged summary: counted afresh");
		free(s);

		/* Without a cache directory: the whole file, same figures. */
		s = figures(path, NULL, id, lvl);
		is_str(s, "1/2", "no cache: the whole file is read");
		free(s);
	}
	{
		/* Two fixes of one level (after-sales-mode: two config
		 * steps): each its own figures, not the level's.  Fixed at
		 * the second step twice, the first never. */
		const char *two = "after-sales-mode";
		char *p2 = xasprintf("%s/two.csv", tmpdir);
		session(kb, p2, two, 2);
		session(kb, p2, two, 2);
		s = figures(p2, cache, two, 1);
		is_str(s, "0/2", "the first config step: fixed 0 of 2");
		free(s);
		s = figures(p2, cache, two, 2);
		is_str(s, "2/2", "the second config step: fixed 2 of 2");
		free(s);
		ok(agrees(p2, cache, two, 1) && agrees(p2, cache, two, 2),
		    "through the summary: the same figures per fix");
		free(p2);
	}
	free(f);
	kb_free(kb);
	free(path);
	free(cache);
	free(datadir);
	{
		char *cmd = xasprintf("rm -rf '%s'", tmpdir);
		if (system(cmd) != 0)
			printf("# could not remove %s\n", tmpdir);
		free(cmd);
	}
	return tap_done();
}
