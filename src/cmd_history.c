/* cmd_history.c: flashfix history [--json]: the recorded sessions,
 * newest first. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "diag.h"
#include "i18n.h"
#include "journal.h"
#include "output.h"
#include "text.h"
#include "util.h"

struct hist {
	struct record *v;
	size_t n, cap;
	struct arena a;
};

static const char *
keep(struct hist *h, const char *s)
{
	return arena_strndup(&h->a, s, strlen(s));
}

static void
collect(const struct record *r, void *ctx)
{
	struct hist *h = ctx;
	struct record *c;

	h->v = xgrow(h->v, &h->cap, h->n + 1, sizeof *h->v);
	c = &h->v[h->n++];
	*c = *r;
	c->id = keep(h, r->id);
	c->started = keep(h, r->started);
	c->finished = keep(h, r->finished);
	c->engineer = keep(h, r->engineer);
	c->host = keep(h, r->host);
	c->model = keep(h, r->model);
	c->serial = keep(h, r->serial);
	c->platform = keep(h, r->platform);
	c->tool_version = keep(h, r->tool_version);
	c->query = keep(h, r->query);
	c->error_id = keep(h, r->error_id);
	c->outcome = keep(h, r->outcome);
	c->fixed_at_step = keep(h, r->fixed_at_step);
	c->steps = keep(h, r->steps);
}

/* Writes the steps column ("1 relogin not_fixed: note" per line) as a
 * JSON array. */
static void
json_steps(const char *s)
{
	bool first = true;

	putchar('[');
	while (*s) {
		size_t n = strcspn(s, "\n");
		char *line = xstrndup(s, n);
		char *level = strchr(line, ' '), *answer, *note;
		if (level) {
			*level++ = '\0';
			answer = strchr(level, ' ');
			if (answer) {
				*answer++ = '\0';
				note = strstr(answer, ": ");
				if (note) {
					*note = '\0';
					note += 2;
				}
				printf("%s{\"step\":%ld,\"level\":", first ? "" :
				    ",", strtol(line, NULL, 10));
				json_str(stdout, level);
				printf(",\"answer\":");
				json_str(stdout, answer);
				printf(",\"note\":");
				json_str(stdout, note);
				putchar('}');
				first = false;
			}
		}
		free(line);
		s += n;
		if (*s)
			s++;
	}
	putchar(']');
}

int
cmd_history(struct options *o)
{
	struct hist h = { 0 };
	struct diag d;
	char *state = journal_state_dir(o->state_dir);
	char *path = journal_records_path(state, o->records);
	int rc = EXIT_OK;

	arena_init(&h.a);
	diag_init(&d);
	if (access(path, F_OK) != 0) {
		/* No session yet: an empty history. */
	} else if (!journal_read(path, &d, collect, &h)) {
		diag_print(&d, stderr);
		rc = h.n ? EXIT_OK : EXIT_FAILED;
	} else {
		diag_print(&d, stderr);
	}
	if (o->json) {
		putchar('[');
		for (size_t i = h.n; i-- > 0;) {
			const struct record *r = &h.v[i];
			printf("%s{\"id\":", i + 1 == h.n ? "" : ",");
			json_str(stdout, r->id);
			printf(",\"started\":");
			json_str(stdout, r->started);
			printf(",\"finished\":");
			json_str(stdout, r->finished);
			printf(",\"engineer\":");
			json_str(stdout, r->engineer);
			printf(",\"host\":");
			json_str(stdout, r->host);
			printf(",\"model\":");
			json_str(stdout, r->model);
			printf(",\"serial\":");
			json_str(stdout, r->serial);
			printf(",\"platform\":");
			json_str(stdout, r->platform);
			printf(",\"tool_version\":");
			json_str(stdout, r->tool_version);
			printf(",\"query\":");
			json_str(stdout, r->query);
			printf(",\"error_id\":");
			json_str(stdout, *r->error_id ? r->error_id : NULL);
			printf(",\"outcome\":");
			json_str(stdout, r->outcome);
			/* From a file: only digits pass as a number. */
			printf(",\"fixed_at_step\":%s,\"steps\":",
			    *r->fixed_at_step && strspn(r->fixed_at_step,
			    "0123456789") == strlen(r->fixed_at_step) &&
			    strlen(r->fixed_at_step) < 10 ? r->fixed_at_step :
			    "null");
			json_steps(r->steps);
			putchar('}');
		}
		printf("]\n");
	} else {
		for (size_t i = h.n; i-- > 0;) {
			const struct record *r = &h.v[i];
			char *line = xasprintf("%s  %s  %-9s  %s  %s", r->id,
			    r->started, r->outcome, *r->error_id ?
			    r->error_id : _("(not listed)"), r->query);
			char *e = text_sanitize(line, !o->ascii);
			printf("%s\n", e);
			free(e);
			free(line);
		}
	}
	free(h.v);
	arena_free(&h.a);
	diag_free(&d);
	free(state);
	free(path);
	return rc;
}
