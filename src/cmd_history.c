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

/* The steps of a record as a JSON array. */
static void
json_steps(const struct rec *r)
{
	putchar('[');
	for (size_t i = 0; i < r->nsteps; i++) {
		const struct rstep *st = &r->steps[i];
		printf("%s{\"step\":%lu,\"level\":", i ? "," : "", st->step);
		json_str(stdout, st->level);
		printf(",\"answer\":");
		json_str(stdout, wizard_answer_key(st->answer));
		printf(",\"at\":");
		json_str(stdout, *st->at ? st->at : NULL);
		printf(",\"note\":");
		json_str(stdout, st->note);
		putchar('}');
	}
	putchar(']');
}

int
cmd_history(struct options *o)
{
	struct recset h;
	struct diag d;
	char *state = env_state_dir(o);
	char *path = env_records(o, state);
	int rc = EXIT_OK;

	recset_init(&h);
	diag_init(&d);
	if (!recset_load(&h, path, &d))
		rc = EXIT_FAILED;
	diag_print(&d, stderr);
	if (o->json) {
		putchar('[');
		for (size_t i = h.n; i-- > 0;) {
			const struct record *r = &h.v[i].r;
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
			json_str(stdout, wizard_outcome_key(r->outcome));
			printf(",\"fixed_at_step\":");
			json_count(stdout, r->fixed_at_step);
			printf(",\"steps\":");
			json_steps(&h.v[i]);
			putchar('}');
		}
		printf("]\n");
	} else {
		for (size_t i = h.n; i-- > 0;) {
			const struct record *r = &h.v[i].r;
			char *line = xasprintf("%s  %s  %-9s  %s  %s", r->id,
			    r->started, wizard_outcome_key(r->outcome), *r->error_id ?
			    r->error_id : _("(not listed)"), r->query);
			char *e = text_sanitize(line, !o->ascii);
			printf("%s\n", e);
			free(e);
			free(line);
		}
	}
	recset_free(&h);
	diag_free(&d);
	free(state);
	free(path);
	return rc;
}
