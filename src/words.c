/* words.c: the wizard's words for the front ends and the report.
 * Layer: words. */
#include <config.h>

#include "words.h"

#include <string.h>

#include "i18n.h"
#include "util.h"

char *
words_kb(enum lang lang, const char *en, const char *zh)
{
	if (!en)
		return NULL;
	if (lang == LANG_BOTH && zh && *zh && strcmp(en, zh) != 0)
		return xasprintf("%s\n%s", en, zh);
	return xstrdup(pick(lang, en, zh));
}

const char *
words_question(enum wiz_stage s)
{
	switch (s) {
	case STAGE_PLATFORM:
		return _("Which platform is the phone?");
	case STAGE_VERSION:
		return _("Which version of the flash tool? Choose, or type "
		    "it.");
	case STAGE_SYMPTOM:
		return _("What does the error say? Type or paste it.");
	case STAGE_STEPS:
		return _("Did it work? y: fixed, n: not fixed, s: can't do it "
		    "here");
	default:
		return "";
	}
}

const char *
words_scope(const struct kb_error *e)
{
	return e->scope == SCOPE_FAMILY ? _("only the family: the text names "
	    "it, but no known error of it") : _("a known error");
}

const char *
words_sep(void)
{
	/* TRANSLATORS: between the items of a list in a sentence. */
	return _(", ");
}

/* The words of the knowledge base's sources that say what kind of source
 * it is, longest first where one begins another. */
static const char *const source_words[] = {
	N_("a low-quality page (message text only)"),
	N_("a service-tool log classifier"),
	N_("overseas flash tool FAQ"),
	N_("SP Flash Tool source"),
	N_("flashfix guidance"),
	N_("an older BootRom"),
	N_("what HQ needs"),
	N_("forum pages"),
	N_("forum page"),
	N_("vendor FAQ"),
	/* TRANSLATORS: the punctuation of a source ("edl issue #89; forum
	 * page: x (its title, 2020)"), full-width in Chinese. */
	N_("; "), N_(": "), N_(", "), N_(" ("), N_("("), N_(")"),
};

char *
words_source(const char *source)
{
	struct buf b;
	const char *s = source ? source : "";

	buf_init(&b);
	buf_add(&b, "", 0);
	while (*s) {
		size_t i, n = 0;
		for (i = 0; i < sizeof source_words / sizeof *source_words;
		    i++) {
			n = strlen(source_words[i]);
			if (strncmp(s, source_words[i], n) == 0)
				break;
		}
		if (i < sizeof source_words / sizeof *source_words) {
			buf_adds(&b, _(source_words[i]));
			s += n;
		} else {
			buf_addc(&b, *s++);
		}
	}
	return buf_take(&b);
}

const char *
words_platform(unsigned platform)
{
	switch (platform) {
	case PLAT_MTK:
		return "MTK";
	case PLAT_QCOM:
		/* TRANSLATORS: the platform's name as engineers say it
		 * (zh_CN: 高通, as the knowledge base writes it). */
		return _("Qualcomm");
	default:
		return _("not known");
	}
}

const char *
words_answer(enum wiz_answer a)
{
	switch (a) {
	case ANS_FIXED:
		return _("fixed");
	case ANS_NOT_FIXED:
		return _("not fixed");
	case ANS_SKIPPED:
		return _("can't do it here");
	default:
		return "";
	}
}

const char *
words_outcome(enum wiz_outcome o)
{
	switch (o) {
	case OUT_FIXED:
		return _("fixed");
	case OUT_ESCALATED:
		return _("not fixed: escalated to HQ");
	case OUT_ABANDONED:
		return _("abandoned");
	default:
		return "";
	}
}

const char *
words_outcome_word(enum wiz_outcome o)
{
	switch (o) {
	case OUT_FIXED:
		return _("fixed");
	case OUT_ESCALATED:
		/* TRANSLATORS: an outcome, in a column of history. */
		return _("escalated");
	case OUT_ABANDONED:
		return _("abandoned");
	default:
		return "";
	}
}

char *
words_fixed_at(size_t step)
{
	return xasprintf(_("Fixed at step %zu."), step);
}

char *
words_step_history(const struct stats *st, const struct wizard *w)
{
	const struct wiz_step *s = wizard_step(w);
	const struct stat_step *ss;

	if (!s || !st)
		return NULL;
	ss = stats_step(st, w->error ? w->error->id : "", s->fix->step);
	if (!ss)
		return NULL;
	return xasprintf(_("Here before, this step fixed it %lu of %lu "
	    "times."), ss->fixed, ss->tried);
}

char *
words_step_latest(const struct wizard *w)
{
	const struct tool *t;

	if (!wizard_step_has_latest(w) || !(t = wizard_latest_chosen(w)))
		return NULL;
	return xasprintf(_("You have %s, the newest release of %s that this "
	    "knowledge base knows: this step matters only if a newer one has "
	    "come out since (s if not)."), w->version_text, t->name);
}
