/* families.c: the knowledge base against texts as tools print them and as
 * engineers type them (tests/fixtures): each public MTK and Qualcomm error
 * by its messages, its names and its numbers in every printed form, with
 * log prefixes; symptoms in English and Chinese; and success, progress and
 * debug lines.  The first result's family is compared with the expected
 * one: right, wrong, or nothing found.  Wrong answers are worse than none,
 * so they have the tightest bound. */
#include <config.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "kb.h"
#include "match.h"
#include "tap.h"
#include "util.h"

struct tally {
	size_t right, wrong, none, n;
};

/* The family of the first result for text, or NULL for none. */
static const char *
first_family(struct match_index *ix, const char *text)
{
	struct match_result r[1];

	if (match_query(ix, text, 0, r, 1) == 0)
		return NULL;
	return kb_family_key(r[0].err->family);
}

/* Reads "FAMILY<TAB>TEXT" lines (or TEXT alone when expect_none) of path,
 * skipping comments, into a tally; prints each miss. */
static bool
run_file(struct match_index *ix, const char *path, bool expect_none,
    struct tally *t)
{
	FILE *fp = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;

	memset(t, 0, sizeof *t);
	if (!fp) {
		printf("# cannot open %s\n", path);
		return false;
	}
	while ((len = getline(&line, &cap, fp)) >= 0) {
		char *text = line, *want = NULL, *tab;
		const char *got;
		if (len && line[len - 1] == '\n')
			line[--len] = '\0';
		if (!*line || *line == '#')
			continue;
		if (!expect_none) {
			if (!(tab = strchr(line, '\t')))
				continue;
			*tab = '\0';
			want = line;
			text = tab + 1;
		}
		got = first_family(ix, text);
		t->n++;
		if (!got) {
			t->none++;
			if (!expect_none)
				printf("#   none  %s: %s\n", want, text);
		} else if (want && strcmp(got, want) == 0) {
			t->right++;
		} else {
			t->wrong++;
			printf("#   %s  %s: %s\n", expect_none ? "noise" :
			    "WRONG", want ? want : got, text);
			if (!expect_none)
				printf("#         got %s\n", got);
		}
	}
	free(line);
	fclose(fp);
	return t->n > 0;
}

int
main(void)
{
	const char *src = getenv("top_srcdir");
	char *data, *p;
	struct diag d;
	struct kb *kb;
	struct match_index *ix;
	struct tally t;

	setlocale(LC_ALL, "C.UTF-8");
	src = src ? src : ".";
	data = xasprintf("%s/data", src);
	diag_init(&d);
	kb = kb_load(data, &d);
	ok(kb && d.errors == 0, "the shipped knowledge base loads");
	diag_free(&d);
	if (!kb)
		return tap_done();
	ix = match_index_new(kb);

	p = xasprintf("%s/tests/fixtures/reference-lines.tsv", src);
	ok(run_file(ix, p, false, &t), "reference lines read (%zu)", t.n);
	ok(t.right * 100 >= t.n * 97, "messages, names and numbers as tools "
	    "print them: %zu of %zu on the right family (at least 97%%)",
	    t.right, t.n);
	ok(t.wrong * 100 <= t.n, "and %zu on a wrong one (at most 1%%)",
	    t.wrong);
	free(p);

	p = xasprintf("%s/tests/fixtures/symptoms.tsv", src);
	ok(run_file(ix, p, false, &t), "symptoms read (%zu)", t.n);
	ok(t.right * 100 >= t.n * 95, "typed symptoms, English and Chinese: "
	    "%zu of %zu on the right family (at least 95%%)", t.right, t.n);
	ok(t.wrong * 100 <= t.n * 2, "and %zu on a wrong one (at most 2%%)",
	    t.wrong);
	free(p);

	p = xasprintf("%s/tests/fixtures/noise-lines.txt", src);
	ok(run_file(ix, p, true, &t), "noise lines read (%zu)", t.n);
	ok(t.none == t.n, "success, progress and debug lines: %zu of %zu get "
	    "no match", t.none, t.n);
	free(p);

	p = xasprintf("%s/tests/fixtures/foreign-lines.txt", src);
	ok(run_file(ix, p, true, &t), "other programs' error lines read (%zu)",
	    t.n);
	ok(t.none == t.n, "other programs' errors (apt, git, make, Python, "
	    "nginx, Windows): %zu of %zu get no match", t.none, t.n);
	free(p);

	/* Generic words alone are no match; the same words with what
	 * failed are. */
	ok(first_family(ix, "error") == NULL &&
	    first_family(ix, "failed") == NULL &&
	    first_family(ix, "ERROR: failed") == NULL &&
	    first_family(ix, "status error fail") == NULL &&
	    first_family(ix, "错误") == NULL &&
	    first_family(ix, "失败") == NULL,
	    "generic words alone (error, failed, status, 错误, 失败): no match");
	ok(first_family(ix, "sahara failed") != NULL &&
	    strcmp(first_family(ix, "sahara failed"), "qcom-sahara") == 0,
	    "with the word that says what failed: a match");

	match_index_free(ix);
	kb_free(kb);
	free(data);
	return tap_done();
}
