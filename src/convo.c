/* convo.c: the conversation of a session, decided once for both front
 * ends.  Layer: conversation. */
#include <config.h>

#include "convo.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "convo_int.h"
#include "i18n.h"
#include "util.h"
#include "words.h"

/* The question of the stage the session is at (one taken up). */
void
convo_at_stage(struct convo *c)
{
	c->detail = 0;
	switch (c->w->stage) {
	case STAGE_PLATFORM:
		convo_go(c, CV_PLATFORM);
		break;
	case STAGE_VERSION:
		convo_go(c, CV_VERSION);
		break;
	case STAGE_SYMPTOM:
		convo_go(c, CV_ERROR);
		break;
	default:
		convo_to_step_or_outcome(c);
		break;
	}
}

void
convo_init(struct convo *c, struct wizard *w, struct match_index *ix,
    struct offer *of, enum lang lang)
{
	memset(c, 0, sizeof *c);
	c->w = w;
	c->ix = ix;
	c->of = of;
	c->lang = lang;
	c->came_from = CV_ERROR;
	c->earlier_at = CONVO_NONE;
	c->filter = xstrdup("");
	if (convo_offered(c))
		c->at = CV_RESUME;
	else
		convo_at_stage(c);
}

static void
clear_choices(struct convo *c)
{
	for (size_t i = 0; i < c->q.n; i++)
		free(c->q.choices[i].label);
	c->q.n = 0;
}

void
convo_free(struct convo *c)
{
	clear_choices(c);
	free(c->q.choices);
	free(c->filter);
	free(c->typed);
	free(c->ranked);
	free(c->shared_query);
	free(c->msg);
	memset(c, 0, sizeof *c);
}

static void
add(struct convo *c, enum convo_pick p, const void *ptr, unsigned n,
    char *label, char key)
{
	c->q.choices = xgrow(c->q.choices, &c->capchoices, c->q.n + 1,
	    sizeof *c->q.choices);
	c->q.choices[c->q.n++] = (struct convo_choice){ p, ptr, n, label,
		key };
}

void
convo_say(struct convo *c, char *msg)
{
	free(c->msg);
	c->msg = msg;
}

char *
convo_take_msg(struct convo *c)
{
	char *m = c->msg;

	c->msg = NULL;
	return m;
}

bool
convo_over(const struct convo *c)
{
	return c->at == CV_END;
}

enum wiz_answer
convo_earlier(const struct convo *c)
{
	return c->at == CV_STEP && c->earlier_at == c->w->cur ? c->earlier :
	    ANS_NONE;
}

void
convo_filter(struct convo *c, const char *text)
{
	free(c->filter);
	c->filter = xstrdup(text ? text : "");
}

/* A one-line label for an error: its message, in both languages when
 * both are asked for. */
static char *
error_label(const struct convo *c, const struct kb_error *e)
{
	if (c->lang == LANG_BOTH && e->error_zh && *e->error_zh &&
	    strcmp(e->error_en, e->error_zh) != 0)
		return xasprintf("%s / %s", e->error_en, e->error_zh);
	return xstrdup(pick(c->lang, e->error_en, e->error_zh));
}

/* Whether error e can occur on the platform chosen (any when none). */
static bool
on_platform(const struct convo *c, const struct kb_error *e)
{
	return !c->w->platform || (e->platforms & c->w->platform);
}

/* The choices of each question. */

bool
convo_offered(const struct convo *c)
{
	if (!c->of || c->of->settled)
		return false;
	for (size_t i = 0; i < c->of->n; i++)
		if (!c->of->abandon[i] && !c->of->ended[i])
			return true;
	return false;
}

static void
ask_resume(struct convo *c)
{
	c->q.text = _("Unfinished sessions. Enter takes one up again; a "
	    "records it as abandoned.");
	for (size_t i = c->of->n; i-- > 0;)
		if (!c->of->abandon[i] && !c->of->ended[i])
			add(c, CP_SESSION, NULL, (unsigned)i,
			    xstrdup(c->of->desc[i]), 0);
	add(c, CP_NEW, NULL, 0, xstrdup(_("start a new session")), 'n');
	c->q.pre = 0;
	c->q.keys = CK_ABANDON | CK_QUIT;
}

static void
ask_platform(struct convo *c)
{
	const unsigned plat[] = { PLAT_MTK, PLAT_QCOM, 0 };

	c->q.text = words_question(STAGE_PLATFORM);
	for (size_t i = 0; i < 3; i++) {
		add(c, CP_PLATFORM, NULL, plat[i], xstrdup(plat[i] ?
		    words_platform(plat[i]) : _("not sure")), 0);
		/* Back here: the platform chosen before. */
		if (c->w->stage > STAGE_PLATFORM && c->w->platform == plat[i])
			c->q.pre = i;
	}
	if (c->q.pre == CONVO_NONE)
		c->q.pre = 0;
	c->q.keys = CK_QUIT | (convo_offered(c) ? CK_BACK : 0);
}

static void
ask_version(struct convo *c)
{
	const struct tool **t;
	size_t n = wizard_versions(c->w, &t);
	const char *typed = c->filter;

	c->q.text = words_question(STAGE_VERSION);
	c->q.typed = true;
	for (size_t i = 0; i < n; i++) {
		if (!strstr(t[i]->version_text, typed))
			continue;
		if (c->w->version_text && c->q.pre == CONVO_NONE &&
		    strcmp(c->w->version_text, t[i]->version_text) == 0)
			c->q.pre = c->q.n;
		add(c, CP_TOOL, t[i], 0, xasprintf("%s %s", t[i]->name,
		    t[i]->version_text), 0);
	}
	free(t);
	add(c, CP_OTHER, NULL, 0, *typed ? xasprintf(_("other: %s"), typed) :
	    xstrdup(_("other (type the version)")), 0);
	if (c->w->stage > STAGE_VERSION && !c->w->version_text)
		c->q.pre = c->q.n;
	add(c, CP_DONTKNOW, NULL, 0, xstrdup(_("don't know")), 0);
	if (c->q.pre == CONVO_NONE)
		c->q.pre = 0;
	c->q.keys = CK_BACK | CK_QUIT;
}

static void
ask_error(struct convo *c)
{
	const struct kb *kb = c->w->kb;
	const char *q = c->filter;
	size_t n, m;

	c->q.text = _("What does the error say? Type or paste it (an empty "
	    "line: browse by kind).");
	c->q.typed = c->q.live = true;
	c->q.keys = CK_BACK | CK_QUIT | CK_BROWSE;
	if (!c->ranked)
		c->ranked = xmalloc((kb->nerrors + 1) * sizeof *c->ranked);
	/* What the matcher presents first, then "not listed", then the
	 * weaker ones. */
	n = match_rank_list(c->ix, q, c->w->platform, c->ranked, kb->nerrors,
	    &m);
	for (size_t i = 0; i < m; i++)
		add(c, CP_ERROR, c->ranked[i].err, 0, error_label(c,
		    c->ranked[i].err), 0);
	add(c, CP_NOTLISTED, NULL, 0,
	    xstrdup(_("not listed: the general steps")), 0);
	for (size_t i = m; *q && i < n && c->ranked[i].score > 0; i++)
		add(c, CP_ERROR, c->ranked[i].err, 0, error_label(c,
		    c->ranked[i].err), 0);
	add(c, CP_BROWSE, NULL, 0, xstrdup(_("browse by kind of error")), 0);
	/* Nothing typed: nothing is preselected, so that a stray Enter
	 * browses by kind rather than start the first error's steps. */
	c->q.pre = *q ? 0 : CONVO_NONE;
}

static void
ask_matches(struct convo *c)
{
	struct match_result r[9];
	size_t n = match_query(c->ix, c->typed, c->w->platform, r, 9);
	bool both = false;

	/* A message both platforms' tools print, with the platform not
	 * known: each platform's error, named by its platform, for the
	 * engineer to choose by the tool on the screen. */
	if (n == 0 && !c->w->platform &&
	    match_each_platform(c->ix, c->typed, r)) {
		n = 2;
		both = true;
	}
	c->q.text = both ? _("Tools of both platforms print this. Which "
	    "is it?") : n ? _("Which is it?") : _("No known error matches.");
	for (size_t i = 0; i < n; i++) {
		char *label = error_label(c, r[i].err);
		if (both) {
			char *l = xasprintf("%s (%s)", label,
			    kb_platforms_label(r[i].err->platforms));
			free(label);
			label = l;
		}
		add(c, CP_ERROR, r[i].err, 0, label, 0);
	}
	add(c, CP_NOTLISTED, NULL, 0,
	    xstrdup(_("not listed: the general steps")), 0);
	add(c, CP_AGAIN, NULL, 0, xstrdup(_("type it again")), 0);
	c->q.pre = 0;
	c->q.keys = CK_BACK | CK_QUIT;
}

static void
ask_family(struct convo *c)
{
	const struct kb *kb = c->w->kb;

	c->q.text = _("Which kind of error?");
	for (unsigned f = 0; f < FAM_COUNT; f++) {
		size_t n = 0;
		for (size_t i = 0; i < kb->nerrors; i++)
			n += kb->errors[i].family == f &&
			    on_platform(c, &kb->errors[i]);
		if (!n)
			continue;
		if (c->fam_chosen && c->fam == f)
			c->q.pre = c->q.n;
		add(c, CP_FAMILY, NULL, f, xasprintf("%s (%zu)",
		    kb_family_label((enum family)f), n), 0);
	}
	if (c->q.pre == CONVO_NONE)
		c->q.pre = 0;
	c->q.keys = CK_BACK | CK_QUIT;
}

static void
ask_family_errors(struct convo *c)
{
	const struct kb *kb = c->w->kb;

	c->q.text = kb_family_label(c->fam);
	for (size_t i = 0; i < kb->nerrors; i++)
		if (kb->errors[i].family == c->fam &&
		    on_platform(c, &kb->errors[i]))
			add(c, CP_ERROR, &kb->errors[i], 0, error_label(c,
			    &kb->errors[i]), 0);
	add(c, CP_NOTLISTED, NULL, 0,
	    xstrdup(_("not listed: the general steps")), 0);
	c->q.pre = 0;
	c->q.keys = CK_BACK | CK_QUIT;
}

static void
ask_distinguish(struct convo *c)
{
	c->q.text = _("Errors with this message differ. Which fits?");
	for (size_t i = 0; i < c->nshared; i++) {
		const struct kb_error *e = c->shared[i];
		add(c, CP_ERROR, e, 0, words_kb(c->lang,
		    e->notes->distinguish_en, e->notes->distinguish_zh), 0);
	}
	c->q.pre = 0;
	c->q.keys = CK_BACK | CK_QUIT;
}

static void
ask_cause(struct convo *c)
{
	c->q.keys = CK_BACK | CK_QUIT;
	if (!c->none_applies) {
		c->q.text = "";
		c->q.read = true;
		add(c, CP_FIRST, NULL, 0, xstrdup(_("the first step")), 0);
		c->q.pre = 0;
		return;
	}
	/* The error is known, but none of its fixes holds for the tool
	 * and version chosen (they are for other releases). */
	c->q.text = _("None of this error's steps applies to the tool version "
	    "chosen: they are for other releases. Check the version (back), "
	    "or try the general steps.");
	add(c, CP_GENERAL, NULL, 0, xstrdup(_("try the general steps")), 'g');
	add(c, CP_ESCALATE, NULL, 0, xstrdup(_("escalate to HQ")), 'e');
	c->q.pre = 0;
}

static void
ask_step(struct convo *c)
{
	const struct wiz_step *s = wizard_step(c->w);
	enum wiz_answer before = convo_earlier(c);

	c->q.keys = CK_BACK | CK_QUIT | CK_NOTE | CK_SOURCE;
	if (s && s->fix->level == LEVEL_ESCALATE) {
		/* Escalating is the outcome, not a fix to try. */
		c->q.text = _("Nothing above fixed it: escalate to HQ.");
		add(c, CP_ESCALATE, NULL, 0, xstrdup(_("escalate to HQ")), 'e');
		c->q.pre = 0;
		return;
	}
	c->q.text = words_question(STAGE_STEPS);
	add(c, CP_FIXED, NULL, ANS_FIXED, xstrdup(words_answer(ANS_FIXED)),
	    'y');
	add(c, CP_NOT_FIXED, NULL, ANS_NOT_FIXED,
	    xstrdup(words_answer(ANS_NOT_FIXED)), 'n');
	add(c, CP_SKIPPED, NULL, ANS_SKIPPED,
	    xstrdup(words_answer(ANS_SKIPPED)), 's');
	c->q.pre = before == ANS_FIXED ? 0 : before == ANS_NOT_FIXED ? 1 :
	    before == ANS_SKIPPED ? 2 : CONVO_NONE;
}

static void
ask_outcome(struct convo *c)
{
	c->q.text = "";
	c->q.read = true;
	c->q.keys = CK_BACK | CK_QUIT |
	    (c->w->outcome == OUT_ESCALATED ? CK_REPORT : 0);
	add(c, CP_GO, NULL, 0, xstrdup(_("the job details")), 0);
	c->q.pre = 0;
}

static void
ask_details(struct convo *c)
{
	const char *labels[3] = { _("Engineer"), _("Phone model"),
		_("Serial or IMEI") };

	c->q.text = labels[c->detail];
	c->q.typed = true;
	c->q.keys = CK_BACK | CK_QUIT;
}

static void
ask_report(struct convo *c)
{
	c->q.text = _("Write the report for HQ now?");
	add(c, CP_YES, NULL, 0, xstrdup(_("yes")), 'y');
	add(c, CP_NO, NULL, 0, xstrdup(_("no")), 'n');
	c->q.pre = 0;
	c->q.keys = CK_QUIT;
}

const struct convo_question *
convo_ask(struct convo *c)
{
	clear_choices(c);
	c->q.at = c->at;
	c->q.text = "";
	c->q.pre = CONVO_NONE;
	c->q.typed = c->q.live = c->q.read = false;
	c->q.keys = 0;
	switch (c->at) {
	case CV_RESUME:
		ask_resume(c);
		break;
	case CV_PLATFORM:
		ask_platform(c);
		break;
	case CV_VERSION:
		ask_version(c);
		break;
	case CV_ERROR:
		ask_error(c);
		break;
	case CV_MATCHES:
		ask_matches(c);
		break;
	case CV_FAMILY:
		ask_family(c);
		break;
	case CV_FAMILY_ERRORS:
		ask_family_errors(c);
		break;
	case CV_DISTINGUISH:
		ask_distinguish(c);
		break;
	case CV_CAUSE:
		ask_cause(c);
		break;
	case CV_STEP:
		ask_step(c);
		break;
	case CV_OUTCOME:
		ask_outcome(c);
		break;
	case CV_DETAILS:
		ask_details(c);
		break;
	case CV_REPORT:
		ask_report(c);
		break;
	case CV_END:
		break;
	}
	return &c->q;
}
