/* plain.c: the line-oriented front end.  Layer: front ends. */
#include <config.h>

#include "plain.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "i18n.h"
#include "output.h"
#include "scan.h"
#include "sig.h"
#include "text.h"
#include "util.h"
#include "words.h"

struct plain {
	const struct options *o;
	const struct stats *stats;  /* what fixed what here before; or NULL */
	size_t width;
	struct buf line;
	char *kb[2];                /* the last texts of kbtext() */
	int kbnext;
	bool quit;                  /* q was answered */
};

/* Whether to print what was answered after its prompt: for a script's
 * transcript, when standard input is not a terminal; but not for an
 * engineer typing through "ssh host flashfix" without -t, whose own
 * terminal already shows what is typed (sshd sets SSH_CONNECTION, and
 * SSH_TTY only when it gave the session a terminal). */
static bool
echo_answers(void)
{
	static int echo = -1;

	if (echo < 0)
		echo = !isatty(fileno(stdin)) && !(getenv("SSH_CONNECTION") &&
		    !getenv("SSH_TTY"));
	return echo;
}

/* Reads one answer line, without its line end; false at end of input. */
static bool
ask(struct plain *p, const char *prompt)
{
	int c;

	printf("%s> ", prompt);
	fflush(stdout);
	buf_reset(&p->line);
	buf_add(&p->line, "", 0);
	while ((c = getchar()) != EOF && c != '\n')
		if (c != '\r')
			buf_addc(&p->line, (char)c);
	if (sig_caught())
		return false;
	if (c == EOF && p->line.len == 0) {
		putchar('\n');
		return false;
	}
	/* Echo what a script answered, so a transcript reads well. */
	if (echo_answers()) {
		char *e = text_sanitize(p->line.s, !p->o->ascii);
		printf("%s\n", e);
		free(e);
	}
	/* q is not an answer: it quits (what is under way is recorded as
	 * abandoned). */
	if (!strcasecmp(p->line.s, "q") || !strcasecmp(p->line.s, "quit")) {
		p->quit = true;
		return false;
	}
	/* Trim spaces. */
	while (p->line.len && p->line.s[p->line.len - 1] == ' ')
		p->line.s[--p->line.len] = '\0';
	return true;
}

static void
say(struct plain *p, size_t indent, const char *label, const char *text)
{
	output_wrapped(stdout, indent, label, text, p->width, p->o->ascii);
}

/* Knowledge-base text in the language asked for (both: English, then
 * Chinese), kept until the second call after this one. */
static const char *
kbtext(struct plain *p, const char *en, const char *zh)
{
	char **slot = &p->kb[p->kbnext];

	p->kbnext = !p->kbnext;
	free(*slot);
	*slot = words_kb(p->o->lang, en, zh);
	return *slot;
}

/* A number from 1 to n, or 0. */
static size_t
number(const char *s, size_t n)
{
	char *end;
	long v;

	if (!*s || strspn(s, "0123456789") != strlen(s))
		return 0;
	v = strtol(s, &end, 10);
	return v >= 1 && (size_t)v <= n ? (size_t)v : 0;
}

/* Says what a list's question expects. */
static void
not_a_number(struct plain *p, size_t n)
{
	char *s = xasprintf(_("Answer a number from 1 to %zu, or q to quit."),
	    n);

	say(p, 0, "", s);
	free(s);
}

static bool
ask_platform(struct plain *p, struct wizard *w)
{
	for (;;) {
		const char *a;
		say(p, 0, "", words_question(STAGE_PLATFORM));
		printf("  1) %s\n  2) %s\n  3) %s\n", words_platform(PLAT_MTK),
		    words_platform(PLAT_QCOM), _("not sure"));
		if (!ask(p, ""))
			return false;
		a = p->line.s;
		unsigned plat = strcmp(a, "1") == 0 ? PLAT_MTK :
		    strcmp(a, "2") == 0 ? PLAT_QCOM :
		    kb_platform_parse(a, strlen(a));
		if (plat) {
			wizard_set_platform(w, plat);
			return true;
		}
		if (strcmp(a, "3") == 0 || strcasecmp(a, "not sure") == 0) {
			wizard_set_platform(w, 0);
			return true;
		}
		say(p, 0, "", _("Answer 1, 2 or 3."));
	}
}

static bool
ask_version(struct plain *p, struct wizard *w)
{
	const struct tool **t;
	size_t n = wizard_versions(w, &t);
	bool ok = false;

	for (;;) {
		size_t k;
		say(p, 0, "", _("Which version of the flash tool? (a number, "
		    "or type the version)"));
		for (size_t i = 0; i < n; i++) {
			char *name = text_sanitize(t[i]->name, !p->o->ascii);
			printf("  %zu) %s %s\n", i + 1, name,
			    t[i]->version_text);
			free(name);
		}
		printf("  %zu) %s\n  %zu) %s\n", n + 1, _("other"), n + 2,
		    _("don't know"));
		if (!ask(p, ""))
			break;
		k = number(p->line.s, n + 2);
		if (k >= 1 && k <= n) {
			wizard_set_version(w, t[k - 1]->version_text);
			ok = true;
			break;
		}
		if (k == n + 2 || strcasecmp(p->line.s, "don't know") == 0 ||
		    strcasecmp(p->line.s, "dont know") == 0) {
			wizard_set_version(w, NULL);
			ok = true;
			break;
		}
		if (k == n + 1 || strcasecmp(p->line.s, "other") == 0) {
			if (!ask(p, _("Version (such as 2.0.11) ")))
				break;
		} else if (*p->line.s && strspn(p->line.s, "0123456789") ==
		    p->line.len) {
			/* A bare number is a choice, and this one is not in
			 * the list. */
			char *s = xasprintf(_("Answer a number from 1 to %zu, "
			    "or type a version such as 2.0.11."), n + 2);
			say(p, 0, "", s);
			free(s);
			continue;
		}
		if (wizard_set_version(w, p->line.s)) {
			ok = true;
			break;
		}
		say(p, 0, "", _("That is not a version such as 2.0.11 or "
		    "19.36.101."));
	}
	free(t);
	return ok;
}

/* Whether error e can occur on the platform chosen (any when none). */
static bool
on_platform(const struct wizard *w, const struct kb_error *e)
{
	return !w->platform || (e->platforms & w->platform);
}

/* Lets the engineer browse by family (those with errors on the platform
 * chosen); returns the error or NULL. */
static bool
browse(struct plain *p, struct wizard *w, const struct kb_error **out)
{
	const struct kb *kb = w->kb;
	const struct kb_error **list = xmalloc((kb->nerrors + 1) *
	    sizeof *list);
	unsigned fams[FAM_COUNT];
	size_t n = 0, nfam = 0, k;
	bool ok = false;

	say(p, 0, "", _("Which kind of error?"));
	for (unsigned f = 0; f < FAM_COUNT; f++)
		for (size_t i = 0; i < kb->nerrors; i++)
			if (kb->errors[i].family == f &&
			    on_platform(w, &kb->errors[i])) {
				fams[nfam++] = f;
				printf("  %zu) %s\n", nfam,
				    kb_family_label((enum family)f));
				break;
			}
	if (!ask(p, "") || !(k = number(p->line.s, nfam)))
		goto done;
	for (size_t i = 0; i < kb->nerrors; i++)
		if (kb->errors[i].family == fams[k - 1] &&
		    on_platform(w, &kb->errors[i]))
			list[n++] = &kb->errors[i];
	for (size_t i = 0; i < n; i++) {
		char *label = xasprintf("  %zu) ", i + 1);
		say(p, 0, label, kbtext(p, list[i]->error_en,
		    list[i]->error_zh));
		free(label);
	}
	printf("  %zu) %s\n", n + 1, _("not listed: the general steps"));
	if (!ask(p, "") || !(k = number(p->line.s, n + 1)))
		goto done;
	*out = k <= n ? list[k - 1] : NULL;
	ok = true;
done:
	free(list);
	return ok;
}

/* Asks which of the errors that share a message fits, when it matters. */
static bool
disambiguate(struct plain *p, struct match_index *ix,
    const struct kb_error **e)
{
	const struct kb_error *shared[8];
	size_t m = match_same_message(ix, *e, shared, 8), k;

	if (m < 2)
		return true;
	say(p, 0, "", _("Errors with this message differ. Which fits?"));
	for (size_t i = 0; i < m; i++) {
		char *label = xasprintf("  %zu) ", i + 1);
		say(p, 0, label, kbtext(p, shared[i]->notes->distinguish_en,
		    shared[i]->notes->distinguish_zh));
		free(label);
	}
	for (;;) {
		if (!ask(p, ""))
			return false;
		if ((k = number(p->line.s, m))) {
			*e = shared[k - 1];
			return true;
		}
	}
}

/* When what was typed names a log file: its decisive error, offered to
 * be taken (with the log's line kept with the session).  True when it is
 * taken; false to go on as with typed text. */
static bool
from_log(struct plain *p, struct wizard *w, struct match_index *ix,
    const char *typed)
{
	char *path = scan_log_path(typed), *evidence = NULL, *why = NULL;
	const struct kb_error *e = NULL;
	bool taken = false;

	if (!path)
		return false;
	if (!scan_log_file(ix, w->platform, path, &e, &evidence, &why)) {
		say(p, 0, "", why);
	} else {
		say(p, 0, _("From the log: "), evidence);
		say(p, 0, "", kbtext(p, e->error_en, e->error_zh));
		say(p, 0, "", _("Take this error? (y/n)"));
		if (ask(p, "") && (!strcasecmp(p->line.s, "y") ||
		    !strcasecmp(p->line.s, "yes"))) {
			wizard_choose(w, e, typed);
			wizard_set_log(w, evidence);
			taken = true;
		}
	}
	free(path);
	free(evidence);
	free(why);
	return taken;
}

static bool
ask_symptom(struct plain *p, struct wizard *w, struct match_index *ix)
{
	for (;;) {
		struct match_result r[9];
		size_t n, k;
		char *q;

		say(p, 0, "", _("What does the error say? Type or paste it "
		    "(an empty line: browse by kind)."));
		if (!ask(p, ""))
			return false;
		if (!p->line.len) {
			const struct kb_error *e = NULL;
			if (!browse(p, w, &e))
				continue;
			if (e && !disambiguate(p, ix, &e))
				return false;
			wizard_choose(w, e, "");
			return true;
		}
		q = xstrdup(p->line.s);
		if (from_log(p, w, ix, q)) {
			free(q);
			return true;
		}
		n = match_query(ix, q, w->platform, r, 9);
		if (n == 0)
			say(p, 0, "", _("No known error matches."));
		else
			say(p, 0, "", _("Which is it?"));
		for (size_t i = 0; i < n; i++) {
			char *label = xasprintf("  %zu) ", i + 1);
			say(p, 0, label, kbtext(p, r[i].err->error_en,
			    r[i].err->error_zh));
			free(label);
		}
		printf("  %zu) %s\n  %zu) %s\n", n + 1,
		    _("not listed: the general steps"), n + 2,
		    _("type it again"));
		for (;;) {
			if (!ask(p, "")) {
				free(q);
				return false;
			}
			if ((k = number(p->line.s, n + 2)))
				break;
			not_a_number(p, n + 2);
		}
		if (k == n + 2) {
			free(q);
			continue;
		}
		{
			const struct kb_error *e = k <= n ? r[k - 1].err : NULL;
			if (e && !disambiguate(p, ix, &e)) {
				free(q);
				return false;
			}
			wizard_choose(w, e, q);
		}
		free(q);
		return true;
	}
}

/* Parses a step answer: y/fixed, n/not fixed, s/skip, b/back, with an
 * optional note after a colon. */
static int
parse_answer(char *s, char **note)
{
	char *colon = strchr(s, ':');

	*note = NULL;
	if (colon) {
		*colon = '\0';
		*note = colon + 1;
		while (**note == ' ')
			(*note)++;
	}
	while (*s == ' ')
		s++;
	for (char *e = s + strlen(s); e > s && e[-1] == ' ';)
		*--e = '\0';
	if (!strcasecmp(s, "y") || !strcasecmp(s, "yes") ||
	    !strcasecmp(s, "fixed"))
		return ANS_FIXED;
	if (!strcasecmp(s, "n") || !strcasecmp(s, "no") ||
	    !strcasecmp(s, "not fixed"))
		return ANS_NOT_FIXED;
	if (!strcasecmp(s, "s") || !strcasecmp(s, "skip") ||
	    !strcasecmp(s, "can't") || !strcasecmp(s, "cant"))
		return ANS_SKIPPED;
	if (!strcasecmp(s, "b") || !strcasecmp(s, "back"))
		return -1;
	if (!strcasecmp(s, "i") || !strcasecmp(s, "source"))
		return -2;
	return 0;
}

static bool
run_steps(struct plain *p, struct wizard *w)
{
	const struct kb_error *e = w->error;

	putchar('\n');
	if (e) {
		say(p, 0, "", kbtext(p, e->error_en, e->error_zh));
		say(p, 2, _("Cause: "), kbtext(p, kb_cause(w->kb, e, false),
		    kb_cause(w->kb, e, true)));
		say(p, 2, _("Family: "), kb_family_label(e->family));
	} else {
		say(p, 0, "", _("Not in the knowledge base: the general steps, "
		    "cheapest first."));
	}
	while (wizard_step(w)) {
		const struct wiz_step *s = wizard_step(w);
		char *label = xasprintf(_("Step %zu of %zu (%s): "),
		    w->cur + 1, w->nsteps, kb_level_label(s->fix->level));
		int a;
		char *note;

		putchar('\n');
		say(p, 0, label, kbtext(p, kb_action(w->kb, s->fix, false),
		    kb_action(w->kb, s->fix, true)));
		free(label);
		if ((label = words_step_history(p->stats, w)) != NULL) {
			say(p, 2, "", label);
			free(label);
		}
		if ((label = words_step_latest(w)) != NULL) {
			say(p, 2, "", label);
			free(label);
		}
		say(p, 0, "", _("y = fixed, n = not fixed, s = can't do it "
		    "here, b = back, i = where this step comes from; a note "
		    "after a colon (n: tried two cables)"));
		if (!ask(p, ""))
			return false;
		a = parse_answer(p->line.s, &note);
		if (a == -2) {
			say(p, 2, _("Source: "), s->fix->source);
			continue;
		}
		if (a < 0) {
			if (!wizard_back(w)) {
				/* Before the first step: the error again. */
				wizard_unchoose(w);
				return true;
			}
			continue;
		}
		if (a == 0) {
			say(p, 0, "", _("Answer y, n, s or b."));
			continue;
		}
		wizard_answer(w, (enum wiz_answer)a, note);
	}
	return true;
}

/* The unfinished sessions: y resumes the newest, n starts afresh (they
 * stay offered), a number resumes that one, a and a number records that
 * one as abandoned. */
static bool
offer(struct plain *p, struct offer *of, struct wizard *w)
{
	while (of->n && !of->settled) {
		size_t k, left = 0;
		bool abandon;
		for (size_t i = 0; i < of->n; i++)
			left += !of->abandon[i];
		if (!left)
			return true;
		say(p, 0, "", _("Unfinished sessions:"));
		for (size_t i = of->n; i-- > 0;) {
			char *label;
			if (of->abandon[i])
				continue;
			label = xasprintf("  %zu) ", of->n - i);
			say(p, 0, label, of->desc[i]);
			free(label);
		}
		say(p, 0, "", _("y = resume the newest, n = start a new one, "
		    "a number = resume that one, a and a number = record that "
		    "one as abandoned"));
		if (!ask(p, ""))
			return false;
		if (!strcasecmp(p->line.s, "n") || !strcasecmp(p->line.s, "no"))
			return true;
		/* Numbered newest first: number k is session n - k. */
		abandon = p->line.s[0] == 'a' || p->line.s[0] == 'A';
		k = number(p->line.s + abandon + strspn(p->line.s + abandon, " "),
		    of->n);
		if (!strcasecmp(p->line.s, "y") || !strcasecmp(p->line.s, "yes"))
			for (k = 1; of->abandon[of->n - k]; k++)
				; /* the newest still offered; left > 0 */
		if (k && of->abandon[of->n - k])
			k = 0;
		if (k && abandon) {
			of->abandon[of->n - k] = true;
			continue;
		}
		if (k && offer_resume(of, of->n - k, w)) {
			char *s = xasprintf(_("Resuming: %s"),
			    of->desc[of->n - k]);
			say(p, 0, "", s);
			free(s);
			return true;
		}
		if (k && of->why) {
			say(p, 0, "", of->why);
			continue;
		}
		say(p, 0, "", _("Answer y, n, a number, or a and a number."));
	}
	return true;
}

/* Input ended: by a signal or a read error the session is cut (kept as
 * it is); at the end of a script it is abandoned. */
static enum fe_result
ended(struct plain *p, struct wizard *w)
{
	if (sig_caught() || ferror(stdin))
		return FE_CUT;
	/* Nothing answered: nothing to record. */
	if (w->stage == STAGE_PLATFORM)
		return FE_NOTHING;
	wizard_abandon(w);
	return p->quit ? FE_DONE : FE_EOF;
}

enum fe_result
plain_run(const struct options *o, struct wizard *w,
    struct match_index *ix, const struct stats *st, struct offer *of)
{
	struct plain p = { .o = o, .stats = st, .width = output_width(stdout) };
	enum fe_result r = FE_DONE;

	buf_init(&p.line);
	if (!offer(&p, of, w) ||
	    (w->stage <= STAGE_PLATFORM && !ask_platform(&p, w)) ||
	    (w->stage <= STAGE_VERSION && !ask_version(&p, w))) {
		r = ended(&p, w);
		goto out;
	}
	/* b on the first step goes back to the error question. */
	while (w->stage <= STAGE_STEPS) {
		if ((w->stage <= STAGE_SYMPTOM && !ask_symptom(&p, w, ix)) ||
		    !run_steps(&p, w)) {
			r = ended(&p, w);
			goto out;
		}
	}
	putchar('\n');
	if (w->outcome == OUT_FIXED) {
		char *s = words_fixed_at(w->fixed_at);
		say(&p, 0, "", s);
		free(s);
	} else {
		say(&p, 0, "", _("Not fixed: escalate to HQ with the report."));
		if (w->error && w->error->notes->escalate_en)
			say(&p, 2, _("HQ needs: "), kbtext(&p,
			    w->error->notes->escalate_en,
			    w->error->notes->escalate_zh));
	}
	/* Job details: optional; an empty line keeps what is shown. */
	{
		const char *q[3] = { _("Engineer"), _("Phone model"),
			_("Serial or IMEI") };
		char **f[3] = { &w->engineer, &w->model, &w->serial };
		for (int i = 0; i < 3; i++) {
			char *prompt = xasprintf("%s [%s] ", q[i],
			    *f[i] ? *f[i] : "");
			bool got = ask(&p, prompt);
			free(prompt);
			if (!got) {
				if (sig_caught())
					r = FE_CUT;
				break;
			}
			if (p.line.len) {
				const char *v[3] = { NULL, NULL, NULL };
				v[i] = p.line.s;
				wizard_details(w, v[0], v[1], v[2]);
			}
		}
	}
	/* An escalation goes to HQ with its report. */
	if (r == FE_DONE && w->outcome == OUT_ESCALATED &&
	    ask(&p, _("Write the report for HQ now? (y/n) ")))
		w->report = !strcasecmp(p.line.s, "y") ||
		    !strcasecmp(p.line.s, "yes");
out:
	buf_free(&p.line);
	free(p.kb[0]);
	free(p.kb[1]);
	return r;
}
