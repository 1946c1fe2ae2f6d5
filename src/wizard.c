/* wizard.c: the troubleshooting session as a state machine.
 * Layer: wizard. */
#include <config.h>

#include "wizard.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

void
wizard_init(struct wizard *w, const struct kb *kb)
{
	memset(w, 0, sizeof *w);
	w->kb = kb;
	w->started = time(NULL);
	/* The start time and 24 random bits: unique across the machines
	 * and containers that share a records file, short enough to read
	 * out on the phone, and sorting by start. */
	snprintf(w->id, sizeof w->id, "%lx-%06lx", (unsigned long)w->started,
	    (unsigned long)(util_random32() & 0xffffff));
}

static void
free_steps(struct wizard *w)
{
	for (size_t i = 0; i < w->nsteps; i++)
		free(w->steps[i].note);
	free(w->steps);
	w->steps = NULL;
	w->nsteps = w->cur = 0;
}

void
wizard_free(struct wizard *w)
{
	free_steps(w);
	free(w->version_text);
	free(w->query);
	free(w->engineer);
	free(w->model);
	free(w->serial);
	free(w->log);
	memset(w, 0, sizeof *w);
}

static void
changed(struct wizard *w)
{
	if (w->changed)
		w->changed(w, w->changed_ctx);
}

void
wizard_set_platform(struct wizard *w, unsigned platform)
{
	w->platform = platform & PLAT_BOTH;
	if (w->platform == PLAT_BOTH)
		w->platform = 0;
	if (w->stage < STAGE_VERSION)
		w->stage = STAGE_VERSION;
	changed(w);
}

static int
cmp_tool_desc(const void *a, const void *b)
{
	const struct tool *x = *(const struct tool *const *)a;
	const struct tool *y = *(const struct tool *const *)b;
	if (x->platform != y->platform)
		return x->platform < y->platform ? -1 : 1;
	return -version_cmp(&x->ver, &y->ver);
}

size_t
wizard_versions(const struct wizard *w, const struct tool ***out)
{
	const struct tool **v = xmalloc((w->kb->ntools + 1) * sizeof *v);
	size_t n = 0;

	for (size_t i = 0; i < w->kb->ntools; i++)
		if (!w->platform || w->kb->tools[i].platform == w->platform)
			v[n++] = &w->kb->tools[i];
	qsort(v, n, sizeof *v, cmp_tool_desc);
	*out = v;
	return n;
}

const struct tool *
wizard_latest_chosen(const struct wizard *w)
{
	const struct tool *best = NULL;

	if (!w->platform || w->version.nparts == 0)
		return NULL;
	for (size_t i = 0; i < w->kb->ntools; i++) {
		const struct tool *t = &w->kb->tools[i];
		if (t->platform == w->platform &&
		    (!best || version_cmp(&t->ver, &best->ver) > 0))
			best = t;
	}
	return best && version_cmp(&w->version, &best->ver) >= 0 ? best :
	    NULL;
}

bool
wizard_step_has_latest(const struct wizard *w)
{
	const struct wiz_step *s = wizard_step(w);

	return s && s->fix->level == LEVEL_UPDATE && s->fix->cond->n == 0 &&
	    kb_fix_vendor_tool(s->fix) && kb_fix_wants_newest(w->kb, s->fix) &&
	    wizard_latest_chosen(w) != NULL;
}

bool
wizard_set_version(struct wizard *w, const char *text)
{
	struct version v;

	if (!text) {
		free(w->version_text);
		w->version_text = NULL;
		w->version.nparts = 0;
	} else {
		if (!version_parse(text, strlen(text), &v, NULL))
			return false;
		free(w->version_text);
		w->version_text = version_str(&v);
		w->version = v;
	}
	if (w->stage < STAGE_SYMPTOM)
		w->stage = STAGE_SYMPTOM;
	changed(w);
	return true;
}

/* Whether f is a tool update that the chosen version is known to need. */
static bool
update_needed(const struct wizard *w, const struct fix *f)
{
	if (f->level != LEVEL_UPDATE || f->cond->n == 0 ||
	    w->version.nparts == 0 || !w->platform)
		return false;
	return kb_cond_eval(f->cond, w->platform, &w->version) == COND_TRUE;
}

/* The plan from fixes: those whose condition may hold, the tool updates
 * the chosen version is known to need first. */
static void
plan(struct wizard *w, const struct fix *fixes, size_t n)
{
	free_steps(w);
	w->outcome = OUT_NONE;
	w->fixed_at = 0;
	w->steps = xcalloc(n ? n : 1, sizeof *w->steps);
	/* Tool updates the version is known to need come first, then the
	 * rest in their escalating order; fixes whose condition is known
	 * not to hold are left out. */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < n; i++) {
			const struct fix *f = &fixes[i];
			bool first = update_needed(w, f);
			if ((pass == 0) != first)
				continue;
			if (kb_cond_eval(f->cond, w->platform, &w->version) ==
			    COND_FALSE)
				continue;
			w->steps[w->nsteps++].fix = f;
		}
	w->stage = STAGE_STEPS;
	if (w->nsteps == 0) {
		w->outcome = OUT_ESCALATED; /* nothing applies: ask HQ */
		w->stage = STAGE_DETAILS;
	}
	changed(w);
}

void
wizard_choose(struct wizard *w, const struct kb_error *e, const char *query)
{
	free(w->query);
	w->query = xstrdup(query ? query : "");
	w->error = e;
	plan(w, e ? e->fixes : w->kb->generic, e ? e->nfixes :
	    w->kb->ngeneric);
}

void
wizard_general(struct wizard *w)
{
	plan(w, w->kb->generic, w->kb->ngeneric);
}

bool
wizard_general_plan(const struct wizard *w)
{
	return w->error && w->nsteps && w->steps[0].fix >= w->kb->generic &&
	    w->steps[0].fix < w->kb->generic + w->kb->ngeneric;
}

void
wizard_escalate(struct wizard *w)
{
	if (w->outcome != OUT_NONE || w->cur >= w->nsteps)
		return;
	w->outcome = OUT_ESCALATED;
	w->finished = time(NULL);
	w->stage = STAGE_DETAILS;
	changed(w);
}

const struct wiz_step *
wizard_step(const struct wizard *w)
{
	if (w->outcome != OUT_NONE || w->cur >= w->nsteps)
		return NULL;
	return &w->steps[w->cur];
}

void
wizard_answer(struct wizard *w, enum wiz_answer a, const char *note)
{
	struct wiz_step *s;

	if (w->outcome != OUT_NONE || w->cur >= w->nsteps)
		return;
	s = &w->steps[w->cur];
	s->answer = a;
	free(s->note);
	s->note = note && *note ? xstrdup(note) : NULL;
	s->at = time(NULL);
	if (a == ANS_FIXED) {
		w->outcome = OUT_FIXED;
		w->fixed_at = w->cur + 1;
		w->finished = s->at;
		w->stage = STAGE_DETAILS;
	} else if (++w->cur == w->nsteps) {
		w->outcome = OUT_ESCALATED;
		w->finished = s->at;
		w->stage = STAGE_DETAILS;
	}
	changed(w);
}

void
wizard_note(struct wizard *w, const char *note)
{
	struct wiz_step *s;

	if (w->outcome != OUT_NONE || w->cur >= w->nsteps)
		return;
	s = &w->steps[w->cur];
	free(s->note);
	s->note = note && *note ? xstrdup(note) : NULL;
	changed(w);
}

bool
wizard_back(struct wizard *w)
{
	size_t to;

	if (w->outcome == OUT_ABANDONED)
		return false;
	if (w->outcome == OUT_FIXED)
		to = w->fixed_at - 1;
	else if (w->outcome == OUT_ESCALATED && w->cur < w->nsteps)
		to = w->cur; /* escalated at a step (wizard_escalate) */
	else if (w->cur > 0)
		to = w->cur - 1;
	else
		return false;
	w->cur = to;
	/* Later answers no longer stand: the plan goes on from here. */
	for (size_t i = to; i < w->nsteps; i++)
		w->steps[i].answer = ANS_NONE;
	w->outcome = OUT_NONE;
	w->fixed_at = 0;
	w->finished = 0;
	w->stage = STAGE_STEPS;
	changed(w);
	return true;
}

void
wizard_abandon(struct wizard *w)
{
	if (w->outcome == OUT_NONE) {
		w->outcome = OUT_ABANDONED;
		w->finished = time(NULL);
	}
}

static void
set_field(char **dst, const char *v)
{
	if (!v)
		return;
	free(*dst);
	*dst = *v ? xstrdup(v) : NULL;
}

void
wizard_typed(struct wizard *w, const char *text)
{
	if (w->stage != STAGE_SYMPTOM || w->error || w->nsteps || !text)
		return;
	free(w->query);
	w->query = xstrdup(text);
}

void
wizard_unchoose(struct wizard *w)
{
	free_steps(w);
	w->nsteps = w->cur = 0;
	w->error = NULL;
	w->outcome = OUT_NONE;
	w->fixed_at = 0;
	free(w->query);
	w->query = NULL;
	free(w->log);
	w->log = NULL;
	w->stage = STAGE_SYMPTOM;
	changed(w);
}

void
wizard_set_log(struct wizard *w, const char *log)
{
	set_field(&w->log, log);
	changed(w);
}

void
wizard_details(struct wizard *w, const char *engineer, const char *model,
    const char *serial)
{
	set_field(&w->engineer, engineer);
	set_field(&w->model, model);
	set_field(&w->serial, serial);
	changed(w);
}

const char *
wizard_answer_key(enum wiz_answer a)
{
	switch (a) {
	case ANS_FIXED:
		return "fixed";
	case ANS_NOT_FIXED:
		return "not_fixed";
	case ANS_SKIPPED:
		return "skipped";
	default:
		return "";
	}
}

const char *
wizard_outcome_key(enum wiz_outcome o)
{
	switch (o) {
	case OUT_FIXED:
		return "fixed";
	case OUT_ESCALATED:
		return "escalated";
	case OUT_ABANDONED:
		return "abandoned";
	default:
		return "";
	}
}

static const char *const stage_keys[] = {
	"at_platform", "at_version", "at_symptom", "at_steps", "at_details",
};

const char *
wizard_stage_key(enum wiz_stage s)
{
	return stage_keys[s];
}

int
wizard_stage_parse(const char *s)
{
	for (int i = 0; i <= STAGE_DETAILS; i++)
		if (strcmp(s, stage_keys[i]) == 0)
			return i;
	return -1;
}

enum wiz_outcome
wizard_outcome_parse(const char *s)
{
	for (int o = OUT_FIXED; o <= OUT_ABANDONED; o++)
		if (strcmp(s, wizard_outcome_key((enum wiz_outcome)o)) == 0)
			return (enum wiz_outcome)o;
	return OUT_NONE;
}

enum wiz_answer
wizard_answer_parse(const char *s)
{
	for (int a = ANS_FIXED; a <= ANS_SKIPPED; a++)
		if (strcmp(s, wizard_answer_key((enum wiz_answer)a)) == 0)
			return (enum wiz_answer)a;
	return ANS_NONE;
}
