/* stats.c: counting the records.
 * Layer: stats. */
#include <config.h>

#include "stats.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

static struct stat_error *
error_of(struct stats *st, const char *id)
{
	for (size_t i = 0; i < st->n; i++)
		if (strcmp(st->errors[i].id, id) == 0)
			return &st->errors[i];
	st->errors = xgrow(st->errors, &st->cap, st->n + 1, sizeof *st->errors);
	memset(&st->errors[st->n], 0, sizeof *st->errors);
	st->errors[st->n].id = arena_strndup(&st->a, id, strlen(id));
	return &st->errors[st->n++];
}

/* The figures of fix (of level) of e; a step of an earlier build (fix
 * 0) by its level alone. */
static struct stat_step *
step_of(struct stats *st, struct stat_error *e, unsigned long fix,
    const char *level)
{
	for (size_t i = 0; i < e->nsteps; i++)
		if (e->steps[i].fix == fix && (fix ||
		    strcmp(e->steps[i].level, level) == 0))
			return &e->steps[i];
	e->steps = xgrow(e->steps, &e->cap, e->nsteps + 1, sizeof *e->steps);
	e->steps[e->nsteps] = (struct stat_step){ fix,
		arena_strndup(&st->a, level, strlen(level)), 0, 0 };
	return &e->steps[e->nsteps++];
}

static struct stat_engineer *
engineer_of(struct stats *st, const char *name)
{
	for (size_t i = 0; i < st->neng; i++)
		if (strcmp(st->eng[i].name, name) == 0)
			return &st->eng[i];
	st->eng = xgrow(st->eng, &st->capeng, st->neng + 1, sizeof *st->eng);
	st->eng[st->neng] = (struct stat_engineer){
		arena_strndup(&st->a, name, strlen(name)), 0, 0 };
	return &st->eng[st->neng++];
}

static struct stat_group *
group_of(struct stats *st, struct stat_groups *g, const char *name)
{
	for (size_t i = g->n; i-- > 0;)
		if (strcmp(g->v[i].name, name) == 0)
			return &g->v[i];
	g->v = xgrow(g->v, &g->cap, g->n + 1, sizeof *g->v);
	g->v[g->n] = (struct stat_group){
		arena_strndup(&st->a, name, strlen(name)), 0, 0, 0, 0 };
	return &g->v[g->n++];
}

static void
count_in(struct stat_group *g, enum wiz_outcome o)
{
	g->sessions++;
	g->fixed += o == OUT_FIXED;
	g->escalated += o == OUT_ESCALATED;
	g->abandoned += o != OUT_FIXED && o != OUT_ESCALATED;
}

static int
cmp_group(const void *a, const void *b)
{
	const struct stat_group *x = a, *y = b;

	return strcmp(x->name, y->name);
}

static int
cmp_error(const void *a, const void *b)
{
	const struct stat_error *x = a, *y = b;

	if (x->sessions != y->sessions)
		return x->sessions > y->sessions ? -1 : 1;
	return strcmp(x->id, y->id);
}

static int
cmp_engineer(const void *a, const void *b)
{
	const struct stat_engineer *x = a, *y = b;

	return strcmp(x->name, y->name);
}

void
stats_init(struct stats *st, time_t since, time_t now)
{
	memset(st, 0, sizeof *st);
	arena_init(&st->a);
	st->since = since;
	st->now = now;
}

void
stats_add(struct stats *st, const struct rec *r)
{
	time_t t = records_time(r->r.started);
	struct stat_error *e;
	struct stat_engineer *g;

	if (st->since != (time_t)-1 && (t == (time_t)-1 || t < st->since))
		return;
	/* A chain's files may hold one session twice (a file copied into
	 * another): export writes it once, and stats counts it once. */
	if (st->once && idset_seen(&st->seen, r->r.id))
		return;
	g = engineer_of(st, r->r.engineer);
	{
		char month[8];
		records_month(r->r.started, month);
		count_in(group_of(st, &st->months, month), r->r.outcome);
		count_in(group_of(st, &st->hosts, r->r.host), r->r.outcome);
	}
	st->sessions++;
	g->sessions++;
	if (st->with_todo && !*r->r.error_id)
		stats_todo_add(st, r->r.query, r->r.outcome);
	if (records_no_error_chosen(&r->r)) {
		st->abandoned++;
		st->unchosen++;
		return;
	}
	e = error_of(st, r->r.error_id);
	e->sessions++;
	if (t != (time_t)-1 && t <= st->now && st->now - t < 7 * 24 * 3600)
		e->week++;
	if (r->r.outcome == OUT_FIXED) {
		st->fixed++;
		e->fixed++;
	} else if (r->r.outcome == OUT_ESCALATED) {
		st->escalated++;
		e->escalated++;
		g->escalated++;
	} else {
		st->abandoned++;
		e->abandoned++;
	}
	for (size_t k = 0; k < r->nsteps; k++) {
		const struct rstep *s = &r->steps[k];
		struct stat_step *ss;
		if (s->answer == ANS_SKIPPED || s->answer == ANS_NONE)
			continue; /* not tried here, or not yet */
		ss = step_of(st, e, s->fix, s->level);
		ss->tried++;
		ss->fixed += s->answer == ANS_FIXED;
	}
}

void
stats_add_step(struct stats *st, const char *error_id, unsigned long fix,
    const char *level, unsigned long tried, unsigned long fixed)
{
	struct stat_step *ss = step_of(st, error_of(st, error_id), fix, level);

	ss->tried += tried;
	ss->fixed += fixed;
}

void
stats_done(struct stats *st)
{
	stats_todo_done(st);
	if (st->n)
		qsort(st->errors, st->n, sizeof *st->errors, cmp_error);
	if (st->neng)
		qsort(st->eng, st->neng, sizeof *st->eng, cmp_engineer);
	if (st->hosts.n)
		qsort(st->hosts.v, st->hosts.n, sizeof *st->hosts.v,
		    cmp_group);
	if (st->months.n)
		qsort(st->months.v, st->months.n, sizeof *st->months.v,
		    cmp_group);
}

void
stats_build(struct stats *st, const struct recset *set, time_t since,
    time_t now)
{
	stats_init(st, since, now);
	for (size_t i = 0; i < set->n; i++)
		stats_add(st, &set->v[i]);
	stats_done(st);
}

void
stats_free(struct stats *st)
{
	for (size_t i = 0; i < st->n; i++)
		free(st->errors[i].steps);
	free(st->errors);
	free(st->eng);
	free(st->hosts.v);
	free(st->months.v);
	stats_todo_free(st);
	idset_free(&st->seen);
	arena_free(&st->a);
	memset(st, 0, sizeof *st);
}

const struct stat_step *
stats_step(const struct stats *st, const char *error_id, unsigned long fix)
{
	for (size_t i = 0; i < st->n; i++) {
		const struct stat_error *e = &st->errors[i];
		if (strcmp(e->id, error_id) != 0)
			continue;
		for (size_t k = 0; k < e->nsteps; k++)
			if (fix && e->steps[k].fix == fix)
				return e->steps[k].tried ? &e->steps[k] : NULL;
	}
	return NULL;
}

void
stats_families(const struct stats *st, const struct kb *kb,
    struct stat_family out[FAM_COUNT + 1])
{
	memset(out, 0, (FAM_COUNT + 1) * sizeof *out);
	for (size_t i = 0; i < st->n; i++) {
		const struct stat_error *e = &st->errors[i];
		const struct kb_error *k = *e->id ? kb_find(kb, e->id) : NULL;
		struct stat_family *f = &out[k ? k->family : FAM_COUNT];
		f->sessions += e->sessions;
		f->fixed += e->fixed;
		f->escalated += e->escalated;
		f->abandoned += e->abandoned;
	}
}
