/* convo_move.c: what an answer does: the next question of a session.
 * Layer: conversation. */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "convo.h"
#include "convo_int.h"
#include "i18n.h"
#include "scan.h"
#include "util.h"

/* Moving on. */

void
convo_go(struct convo *c, enum convo_at at)
{
	c->at = at;
	/* At the version, its list whole (the one chosen preselected); at
	 * the error, what was typed for the error chosen, else what was
	 * typed last. */
	if (at == CV_VERSION)
		convo_filter(c, "");
	else if (at == CV_ERROR && c->w->query)
		convo_filter(c, c->w->query);
}

/* After an answer, or to start the steps: the step asked, or the
 * outcome. */
void
convo_to_step_or_outcome(struct convo *c)
{
	convo_go(c, wizard_step(c->w) ? CV_STEP : CV_OUTCOME);
}

/* The error is chosen (NULL: not listed): which one, where errors share
 * a message; else the plan, and its cause to read. */
void
convo_choose_error(struct convo *c, const struct kb_error *e, const char *query)
{
	/* Back from it: to where it was chosen (the error question for a
	 * match of what was typed). */
	if (c->at != CV_DISTINGUISH)
		c->came_from = c->at == CV_MATCHES ? CV_ERROR : c->at;
	if (e && c->at != CV_DISTINGUISH) {
		c->nshared = match_same_message(c->ix, e, c->shared, 8);
		if (c->nshared >= 2) {
			free(c->shared_query);
			c->shared_query = xstrdup(query ? query : "");
			convo_go(c, CV_DISTINGUISH);
			return;
		}
	}
	wizard_choose(c->w, e, query);
	c->earlier_at = CONVO_NONE;
	/* Nothing of the error's own applies (its plan is empty): the
	 * wizard would escalate at once; the engineer is told why first. */
	c->none_applies = e && c->w->nsteps == 0;
	convo_go(c, CV_CAUSE);
}

/* The platform a release belongs to when "not sure" was answered and the
 * version names one platform's tool alone. */
static void
narrow_platform(struct convo *c, const char *version)
{
	const struct kb *kb = c->w->kb;
	unsigned plats = 0;
	struct version v;

	if (c->w->platform || !version ||
	    !version_parse(version, strlen(version), &v, NULL))
		return;
	for (size_t i = 0; i < kb->ntools; i++)
		if (version_cmp(&kb->tools[i].ver, &v) == 0)
			plats |= kb->tools[i].platform;
	if (plats == PLAT_MTK || plats == PLAT_QCOM)
		wizard_set_platform(c->w, plats);
}

static void
set_version(struct convo *c, const char *text)
{
	if (text && !*text) {
		convo_say(c, xstrdup(_("Type the version, such as 2.0.11.")));
		return;
	}
	narrow_platform(c, text);
	if (!wizard_set_version(c->w, text)) {
		convo_say(c, xstrdup(_("That is not a version such as 2.0.11 or "
		    "19.36.101.")));
		return;
	}
	convo_filter(c, ""); /* what filtered the versions */
	convo_go(c, CV_ERROR);
}

void
convo_enter(struct convo *c, const char *text, size_t sel)
{
	if (c->at != CV_ERROR) {
		if (sel != CONVO_NONE)
			convo_choose(c, sel);
		else
			convo_text(c, text);
		return;
	}
	if (convo_error_text(c, text))
		return;
	convo_filter(c, text);
	if (sel == CONVO_NONE) {
		free(c->typed);
		c->typed = xstrdup(text);
		wizard_typed(c->w, text);
		convo_go(c, CV_MATCHES);
		return;
	}
	convo_choose(c, sel);
}

static void
details_next(struct convo *c)
{
	if (++c->detail < 3)
		return;
	convo_go(c, c->w->outcome == OUT_ESCALATED && !c->report_decided ?
	    CV_REPORT : CV_END);
}

void
convo_detail(struct convo *c, int field, const char *text)
{
	const char *v[3] = { NULL, NULL, NULL };

	if (c->at != CV_DETAILS || field < 0 || field > 2)
		return;
	v[field] = text;
	wizard_details(c->w, v[0], v[1], v[2]);
}

void
convo_details_done(struct convo *c)
{
	if (c->at != CV_DETAILS)
		return;
	c->detail = 2;
	details_next(c);
}

void
convo_text(struct convo *c, const char *text)
{
	const char *s = text ? text : "";

	if (c->q.at != c->at)
		convo_ask(c);
	switch (c->at) {
	case CV_VERSION:
		/* A choice named, else the version typed. */
		for (size_t i = 0; i < c->q.n; i++)
			if (c->q.choices[i].pick != CP_TOOL &&
			    strcasecmp(c->q.choices[i].label, s) == 0) {
				convo_choose(c, i);
				return;
			}
		if (*s && strspn(s, "0123456789") == strlen(s)) {
			/* A bare number is a choice, and not one listed. */
			convo_say(c, xasprintf(_("Answer a number from 1 to %zu, or "
			    "type a version such as 2.0.11."), c->q.n));
			return;
		}
		if (!strcasecmp(s, "other") || !strcasecmp(s, "dont know")) {
			if (*s == 'd' || *s == 'D')
				set_version(c, NULL);
			else
				convo_say(c, xstrdup(_("Type the version, such as "
				    "2.0.11.")));
			return;
		}
		set_version(c, s);
		return;
	case CV_ERROR:
		convo_enter(c, s, CONVO_NONE);
		return;
	case CV_DETAILS: {
		const char *v[3] = { NULL, NULL, NULL };
		v[c->detail] = text;
		if (text)
			wizard_details(c->w, v[0], v[1], v[2]);
		details_next(c);
		return;
	}
	case CV_PLATFORM: {
		unsigned p = kb_platform_parse(s, strlen(s));
		if (p == PLAT_MTK || p == PLAT_QCOM) {
			wizard_set_platform(c->w, p);
			convo_go(c, CV_VERSION);
			return;
		}
		break;
	}
	default:
		break;
	}
	/* A choice named by its label or its key. */
	for (size_t i = 0; i < c->q.n; i++)
		if (strcasecmp(c->q.choices[i].label, s) == 0 ||
		    (c->q.choices[i].key && s[0] && !s[1] &&
		    (s[0] | 0x20) == c->q.choices[i].key)) {
			convo_choose(c, i);
			return;
		}
	convo_say(c, xasprintf(_("Answer a number from 1 to %zu, or q to quit."),
	    c->q.n));
}

static void
resume(struct convo *c, unsigned i)
{
	if (!offer_resume(c->of, i, c->w)) {
		convo_say(c, xstrdup(c->of->why ? c->of->why :
		    _("This session cannot be taken up again.")));
		/* Ended elsewhere, and none left: a new session. */
		if (!convo_offered(c))
			convo_go(c, CV_PLATFORM);
		return;
	}
	/* What a knowledge-base update changed in it, else which. */
	convo_say(c, c->of->changed ? xstrdup(c->of->changed) :
	    xasprintf(_("Resuming: %s"), c->of->desc[i]));
	convo_at_stage(c);
}

void
convo_choose(struct convo *c, size_t i)
{
	const struct convo_choice *ch;
	const char *query;

	/* The choices are those of the question where it stands. */
	if (c->q.at != c->at)
		convo_ask(c);
	if (i >= c->q.n)
		return;
	ch = &c->q.choices[i];
	query = c->at == CV_DISTINGUISH ? c->shared_query : c->at ==
	    CV_ERROR ? c->filter : c->at == CV_MATCHES ? c->typed : "";
	switch (ch->pick) {
	case CP_SESSION:
		resume(c, ch->n);
		break;
	case CP_NEW:
		convo_go(c, CV_PLATFORM);
		break;
	case CP_PLATFORM:
		wizard_set_platform(c->w, ch->n);
		convo_go(c, CV_VERSION);
		break;
	case CP_TOOL: {
		const struct tool *t = ch->ptr;
		/* "Not sure", then a release of one platform's tool: the
		 * phone is that platform's. */
		if (!c->w->platform)
			wizard_set_platform(c->w, t->platform);
		set_version(c, t->version_text);
		break;
	}
	case CP_OTHER:
		set_version(c, c->filter);
		break;
	case CP_DONTKNOW:
		set_version(c, NULL);
		break;
	case CP_ERROR:
		convo_choose_error(c, ch->ptr, query);
		break;
	case CP_NOTLISTED:
		convo_choose_error(c, NULL, query);
		break;
	case CP_AGAIN:
		convo_go(c, CV_ERROR);
		break;
	case CP_BROWSE:
		c->fam_chosen = false;
		convo_go(c, CV_FAMILY);
		break;
	case CP_FAMILY:
		c->fam = (enum family)ch->n;
		c->fam_chosen = true;
		convo_go(c, CV_FAMILY_ERRORS);
		break;
	case CP_FIRST:
	case CP_GO:
		if (c->at == CV_OUTCOME) {
			c->detail = 0;
			convo_go(c, CV_DETAILS);
		} else {
			convo_to_step_or_outcome(c);
		}
		break;
	case CP_GENERAL:
		wizard_general(c->w);
		c->none_applies = false;
		convo_to_step_or_outcome(c);
		break;
	case CP_FIXED:
	case CP_NOT_FIXED:
	case CP_SKIPPED:
	case CP_ESCALATE:
		if (c->at == CV_CAUSE) {
			/* Nothing applies: escalated as it is. */
			c->none_applies = false;
			convo_go(c, CV_OUTCOME);
		} else {
			convo_step(c, ch->pick, NULL);
		}
		break;
	case CP_YES:
	case CP_NO:
		c->w->report = ch->pick == CP_YES;
		c->report_decided = true;
		convo_go(c, CV_END);
		break;
	}
}

void
convo_step(struct convo *c, enum convo_pick p, const char *note)
{
	const struct wiz_step *s = wizard_step(c->w);

	if (c->at != CV_STEP || !s)
		return;
	/* An answer given again keeps the note it had, unless changed. */
	if (!note)
		note = s->note;
	if (p == CP_ESCALATE) {
		wizard_note(c->w, note);
		wizard_escalate(c->w);
	} else {
		char *keep = note ? xstrdup(note) : NULL;
		wizard_answer(c->w, p == CP_FIXED ? ANS_FIXED :
		    p == CP_NOT_FIXED ? ANS_NOT_FIXED : ANS_SKIPPED, keep);
		free(keep);
	}
	convo_to_step_or_outcome(c);
}

void
convo_note(struct convo *c, const char *note)
{
	if (c->at == CV_STEP)
		wizard_note(c->w, note);
}

bool
convo_back(struct convo *c)
{
	switch (c->at) {
	case CV_RESUME:
		return false;
	case CV_PLATFORM:
		if (!convo_offered(c))
			return false;
		convo_go(c, CV_RESUME);
		return true;
	case CV_VERSION:
		convo_go(c, CV_PLATFORM);
		return true;
	case CV_ERROR:
		convo_go(c, CV_VERSION);
		return true;
	case CV_MATCHES:
	case CV_FAMILY:
		convo_go(c, CV_ERROR);
		return true;
	case CV_FAMILY_ERRORS:
		convo_go(c, CV_FAMILY);
		return true;
	case CV_DISTINGUISH:
		convo_go(c, c->came_from);
		return true;
	case CV_CAUSE: {
		/* The error is forgotten; what was typed for it stays. */
		char *typed = xstrdup(c->w->query ? c->w->query : "");
		wizard_unchoose(c->w);
		c->none_applies = false;
		convo_go(c, c->came_from);
		convo_filter(c, typed);
		free(typed);
		return true;
	}
	case CV_STEP:
	case CV_OUTCOME: {
		/* The step gone back to shows the answer it had. */
		size_t to = c->w->outcome == OUT_FIXED ? c->w->fixed_at - 1 :
		    c->w->outcome == OUT_ESCALATED && c->w->cur < c->w->nsteps ?
		    c->w->cur : c->w->cur ? c->w->cur - 1 : 0;
		enum wiz_answer was = to < c->w->nsteps ?
		    c->w->steps[to].answer : ANS_NONE;
		if (c->w->nsteps == 0) {
			convo_go(c, CV_CAUSE);
			c->none_applies = c->w->error != NULL;
			return true;
		}
		if (!wizard_back(c->w)) {
			convo_go(c, CV_CAUSE);
			return true;
		}
		c->earlier = was;
		c->earlier_at = c->w->cur;
		convo_to_step_or_outcome(c);
		return true;
	}
	case CV_DETAILS:
		if (c->detail > 0) {
			c->detail--;
			return true;
		}
		convo_go(c, CV_OUTCOME);
		return true;
	case CV_REPORT:
		c->detail = 2;
		convo_go(c, CV_DETAILS);
		return true;
	case CV_END:
		return false;
	}
	return false;
}

bool
convo_quit_abandons(const struct convo *c)
{
	return c->w->stage != STAGE_PLATFORM && c->w->outcome == OUT_NONE;
}

void
convo_quit(struct convo *c)
{
	if (c->w->stage == STAGE_PLATFORM)
		c->nothing = true;
	else
		wizard_abandon(c->w);
	convo_go(c, CV_END);
}

void
convo_toggle_report(struct convo *c)
{
	if (c->at != CV_OUTCOME || c->w->outcome != OUT_ESCALATED)
		return;
	/* The outcome says whether one will be: no message besides. */
	c->w->report = !c->w->report;
	c->report_decided = c->w->report;
}

void
convo_abandon_session(struct convo *c, size_t i)
{
	if (c->q.at != c->at)
		convo_ask(c);
	if (c->at != CV_RESUME || i >= c->q.n ||
	    c->q.choices[i].pick != CP_SESSION)
		return;
	/* Refused when another flashfix has it open: that one ends it. */
	if (offer_abandon(c->of, c->q.choices[i].n))
		convo_say(c, xstrdup(_("It will be recorded as abandoned.")));
	else
		convo_say(c, xstrdup(c->of->why ? c->of->why :
		    _("This session cannot be abandoned.")));
	/* None left: a new session. */
	if (!convo_offered(c))
		convo_go(c, CV_PLATFORM);
}
