/* records.c: the records file read back as sessions with their steps. */
#include <config.h>

#include "records.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

void
recset_init(struct recset *set)
{
	memset(set, 0, sizeof *set);
	arena_init(&set->a);
}

void
recset_free(struct recset *set)
{
	for (size_t i = 0; i < set->n; i++)
		free(set->v[i].steps);
	free(set->v);
	arena_free(&set->a);
	memset(set, 0, sizeof *set);
}

static const char *
keep(struct recset *set, const char *s, size_t n)
{
	return arena_strndup(&set->a, s, n);
}

/* One line of the steps column: "N level answer [TIME][: note]". */
static bool
parse_step(struct recset *set, const char *s, size_t n, struct rstep *st)
{
	const char *end = s + n, *note = NULL, *p = s;
	const char *tok[4] = { 0 };
	size_t len[4] = { 0 };
	int k = 0;
	char *e;

	for (const char *q = s; q + 1 < end; q++)
		if (q[0] == ':' && q[1] == ' ') {
			note = q + 2;
			end = q;
			break;
		}
	while (p < end && k < 4) {
		while (p < end && *p == ' ')
			p++;
		if (p == end)
			break;
		tok[k] = p;
		while (p < end && *p != ' ')
			p++;
		len[k] = (size_t)(p - tok[k]);
		k++;
	}
	if (k < 3)
		return false;
	st->step = strtoul(tok[0], &e, 10);
	if (e != tok[0] + len[0] || st->step == 0)
		return false;
	st->level = keep(set, tok[1], len[1]);
	st->answer = keep(set, tok[2], len[2]);
	st->at = k > 3 && !(len[3] == 1 && *tok[3] == '-') ?
	    keep(set, tok[3], len[3]) : "";
	st->note = note ? keep(set, note, (size_t)(s + n - note)) : NULL;
	return true;
}

static void
collect(const struct record *r, void *ctx)
{
	struct recset *set = ctx;
	struct rec *c;
	const char *s;
	size_t cap = 0;

	set->v = xgrow(set->v, &set->cap, set->n + 1, sizeof *set->v);
	c = &set->v[set->n++];
	memset(c, 0, sizeof *c);
	c->r.line = r->line;
#define K(f) c->r.f = keep(set, r->f, strlen(r->f))
	K(id); K(started); K(finished); K(engineer); K(host); K(model);
	K(serial); K(platform); K(tool_version); K(query); K(error_id);
	K(outcome); K(fixed_at_step); K(steps);
#undef K
	for (s = c->r.steps; *s;) {
		size_t n = strcspn(s, "\n");
		struct rstep st;
		if (parse_step(set, s, n, &st)) {
			c->steps = xgrow(c->steps, &cap, c->nsteps + 1,
			    sizeof *c->steps);
			c->steps[c->nsteps++] = st;
		}
		s += n;
		if (*s)
			s++;
	}
}

bool
recset_load(struct recset *set, const char *path, struct diag *d)
{
	if (access(path, F_OK) != 0 && errno == ENOENT)
		return true;
	return journal_read(path, d, collect, set);
}

const struct rec *
recset_find(const struct recset *set, const char *id)
{
	for (size_t i = set->n; i-- > 0;)
		if (strcmp(set->v[i].r.id, id) == 0)
			return &set->v[i];
	return NULL;
}

time_t
records_time(const char *s)
{
	struct tm tm;
	const char *end;

	memset(&tm, 0, sizeof tm);
	end = strptime(s, "%Y-%m-%dT%H:%M:%S%z", &tm);
	if (!end || *end)
		return (time_t)-1;
	return timegm(&tm) - tm.tm_gmtoff;
}
