/* plain.c: the line-oriented front end.  Layer: front ends. */
#include <config.h>

#include "plain.h"

#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "convo.h"
#include "i18n.h"
#include "output.h"
#include "sig.h"
#include "text.h"
#include "util.h"
#include "words.h"

struct plain {
	const struct look *o;
	const struct stats *stats;  /* what fixed what here before; or NULL */
	size_t width;
	struct buf line;
	char *kb[2];                /* the last texts of kbtext() */
	int kbnext;
	bool quit;                  /* q was answered */
	bool backing;               /* the last answer was b */
	bool again;                 /* line holds the next answer, unused */
};

/* Whether to print what was answered after its prompt: for a script's
 * transcript, when standard input is not a terminal; but not for an
 * engineer typing through "ssh host flashfix" without -t, whose own
 * terminal already shows what is typed. */
static bool
echo_answers(void)
{
	static int echo = -1;

	if (echo < 0)
		echo = !isatty(fileno(stdin)) && !output_typist_without_tty();
	return echo;
}

/* Reads one answer line, without its line end; false at end of input. */
static bool
ask(struct plain *p, const char *prompt)
{
	int c;

	printf("%s> ", prompt);
	fflush(stdout);
	if (p->again) {
		/* An answer read for a question that did not need it,
		 * shown where it now answers. */
		char *e = text_cut(p->line.s, 200, !p->o->ascii);
		printf("%s\n", e);
		free(e);
		p->again = false;
		return true;
	}
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
		/* A long paste is shown in part. */
		char *e = text_cut(p->line.s, 200, !p->o->ascii);
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

/* A line pasted with others on a terminal, where no bracketed paste
 * tells a paste: the lines that follow it at once (within 50 ms, faster
 * than anyone types one) are read with it as one answer, so that a
 * pasted log is not taken line by line as the answers to what follows.
 * A terminal in canonical mode gives one line per read, so what is
 * pending shows in poll. */
static void
take_paste(struct plain *p)
{
	struct pollfd pf = { .fd = STDIN_FILENO, .events = POLLIN };
	int c;

	if (!isatty(STDIN_FILENO))
		return;
	while (poll(&pf, 1, 50) > 0 && (pf.revents & POLLIN)) {
		buf_addc(&p->line, '\n');
		while ((c = getchar()) != EOF && c != '\n')
			if (c != '\r')
				buf_addc(&p->line, (char)c);
		if (c == EOF)
			break;
	}
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

static bool
is_word(const char *s, const char *a, const char *b)
{
	return !strcasecmp(s, a) || (b && !strcasecmp(s, b));
}

/* The choices, numbered from 1. */
static void
say_choices(struct plain *p, const struct convo_question *q)
{
	for (size_t i = 0; i < q->n; i++) {
		char *label = xasprintf("  %zu) ", i + 1);
		say(p, 0, label, q->choices[i].label);
		free(label);
	}
}

/* The error chosen and its cause, before the steps. */
static void
say_cause(struct plain *p, const struct wizard *w)
{
	const struct kb_error *e = w->error;

	putchar('\n');
	if (e) {
		say(p, 0, "", kbtext(p, e->error_en, e->error_zh));
		say(p, 2, _("Cause: "), kbtext(p, kb_cause(w->kb, e, false),
		    kb_cause(w->kb, e, true)));
		say(p, 2, _("Family: "), kb_family_label(e->family));
		say(p, 2, _("Level: "), words_scope(e));
		if (w->log)
			say(p, 2, _("From the log: "), w->log);
	}
	if (!e || wizard_general_plan(w))
		say(p, 0, "", _("Not in the knowledge base: the general steps, "
		    "cheapest first."));
}

static void
say_step(struct plain *p, struct convo *c, const struct convo_question *q)
{
	const struct wizard *w = c->w;
	const struct wiz_step *s = wizard_step(w);
	char *label = xasprintf(_("Step %zu of %zu (%s): "), w->cur + 1,
	    w->nsteps, kb_level_label(s->fix->level));
	struct buf keys;

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
	if (convo_earlier(c) != ANS_NONE) {
		label = xasprintf(_("Answered before: %s."),
		    words_answer(convo_earlier(c)));
		say(p, 2, "", label);
		free(label);
	}
	if (s->note) {
		say(p, 2, _("Note: "), s->note);
		say(p, 2, "", _("(kept unless you type another after a colon)"));
	}
	/* The answers the step takes, from its choices. */
	buf_init(&keys);
	for (size_t i = 0; i < q->n; i++)
		buf_printf(&keys, "%s%c = %s", i ? words_sep() : "",
		    q->choices[i].key, q->choices[i].label);
	buf_printf(&keys, "%s%s", words_sep(), _("b = back, i = where this step comes "
	    "from; a note after a colon (n: tried two cables)"));
	if (q->n == 1)
		say(p, 0, "", q->text);
	say(p, 0, "", keys.s);
	buf_free(&keys);
}

/* One answer to a step: a choice's key, b, i, and a note after a
 * colon.  False at the end of input. */
static bool
answer_step(struct plain *p, struct convo *c, const struct convo_question *q)
{
	char *s, *note = NULL, *colon;

	say_step(p, c, q);
	for (;;) {
		if (!ask(p, ""))
			return false;
		s = p->line.s;
		if ((colon = strchr(s, ':')) != NULL) {
			*colon = '\0';
			note = colon + 1;
			while (*note == ' ')
				note++;
		}
		while (*s == ' ')
			s++;
		for (char *e = s + strlen(s); e > s && e[-1] == ' ';)
			*--e = '\0';
		if (is_word(s, "b", "back")) {
			p->backing = true;
			convo_back(c);
			return true;
		}
		if (is_word(s, "i", "source")) {
			char *src = words_source(wizard_step(c->w)->fix->source);
			say(p, 2, _("Source: "), src);
			free(src);
			continue;
		}
		for (size_t i = 0; i < q->n; i++)
			if ((s[0] && !s[1] && (s[0] | 0x20) == q->choices[i].key) ||
			    !strcasecmp(s, q->choices[i].label) ||
			    (q->choices[i].pick == CP_FIXED &&
			    is_word(s, "yes", "fixed")) ||
			    (q->choices[i].pick == CP_NOT_FIXED &&
			    is_word(s, "no", "not fixed")) ||
			    (q->choices[i].pick == CP_SKIPPED &&
			    is_word(s, "skip", "can't"))) {
				convo_step(c, q->choices[i].pick, note);
				return true;
			}
		if (q->n == 1)
			say(p, 0, "", _("Answer e or b."));
		else
			say(p, 0, "", _("Answer y, n, s or b."));
	}
}

/* The unfinished sessions offered to a person typing through ssh without
 * a terminal, where a script could be typing as well: only words take a
 * session up or abandon one (resume, resume N, abandon N); any other
 * line starts a new session and is the answer to its first question, so
 * that a script's "2" never takes up session 2. */
static void
answer_resume_words(struct plain *p, struct convo *c, size_t sessions)
{
	const char *s = p->line.s;
	bool abandon = !strncasecmp(s, "abandon ", 8);
	size_t k;

	if (is_word(s, "resume", "resume")) {
		convo_choose(c, 0);
	} else if (abandon || !strncasecmp(s, "resume ", 7)) {
		s += abandon ? 8 : 7;
		k = number(s + strspn(s, " "), sessions);
		if (!k)
			say(p, 0, "", _("Answer resume, resume and a number, "
			    "abandon and a number, or the first question's "
			    "answer."));
		else if (abandon)
			convo_abandon_session(c, k - 1);
		else
			convo_choose(c, k - 1);
	} else {
		convo_choose(c, sessions);
		p->again = !is_word(s, "n", "new");
	}
}

/* The unfinished sessions: y resumes the newest, n starts afresh (they
 * stay offered), a number resumes that one, a and a number records that
 * one as abandoned. */
static bool
answer_resume(struct plain *p, struct convo *c, const struct convo_question *q)
{
	const char *s;
	size_t k, sessions = q->n - 1;
	bool abandon, words = !isatty(STDIN_FILENO);

	say(p, 0, "", _("Unfinished sessions:"));
	for (size_t i = 0; i < sessions; i++) {
		char *label = xasprintf("  %zu) ", i + 1);
		say(p, 0, label, q->choices[i].label);
		free(label);
	}
	if (words)
		say(p, 0, "", _("resume = resume the newest, resume and a number "
		    "= resume that one, abandon and a number = record that one "
		    "as abandoned; anything else starts a new session and "
		    "answers its first question"));
	else
		say(p, 0, "", _("y = resume the newest, n = start a new one, a "
		    "number = resume that one, a and a number = record that "
		    "one as abandoned"));
	if (!ask(p, ""))
		return false;
	if (words) {
		answer_resume_words(p, c, sessions);
		return true;
	}
	s = p->line.s;
	abandon = s[0] == 'a' || s[0] == 'A';
	k = number(s + abandon + strspn(s + abandon, " "), sessions);
	if (is_word(s, "n", "no"))
		convo_choose(c, sessions);
	else if (is_word(s, "y", "yes"))
		convo_choose(c, 0);
	else if (k && abandon)
		convo_abandon_session(c, k - 1);
	else if (k)
		convo_choose(c, k - 1);
	else
		say(p, 0, "", _("Answer y, n, a number, or a and a number."));
	return true;
}

/* A question with choices, or text, or both: a number chooses, b goes
 * back where that applies, other text is the answer typed. */
static bool
answer(struct plain *p, struct convo *c, const struct convo_question *q)
{
	size_t k;

	if (*q->text)
		say(p, 0, "", q->text);
	if (!q->live)
		say_choices(p, q);
	if (!ask(p, ""))
		return false;
	if (q->live) {
		take_paste(p);
		convo_enter(c, p->line.s, CONVO_NONE);
		return true;
	}
	if ((k = number(p->line.s, q->n))) {
		convo_choose(c, k - 1);
	} else if ((q->keys & CK_BACK) && is_word(p->line.s, "b", "back")) {
		p->backing = true;
		convo_back(c);
	} else {
		convo_text(c, p->line.s);
	}
	return true;
}

/* The job details: optional; an empty line keeps what is shown. */
static bool
answer_detail(struct plain *p, struct convo *c, const struct convo_question *q)
{
	char *const *f[3] = { &c->w->engineer, &c->w->model, &c->w->serial };
	/* From --engineer, --model, --serial or $USER: shown escaped, as
	 * every answer is. */
	char *shown = text_sanitize(*f[c->detail] ? *f[c->detail] : "",
	    !p->o->ascii);
	char *prompt = xasprintf("%s [%s] ", q->text, shown);
	bool got = ask(p, prompt);

	free(prompt);
	free(shown);
	if (got)
		convo_text(c, p->line.len ? p->line.s : NULL);
	return got;
}

static void
say_outcome(struct plain *p, const struct wizard *w)
{
	putchar('\n');
	if (w->outcome == OUT_FIXED) {
		char *s = words_fixed_at(w->fixed_at);
		say(p, 0, "", s);
		free(s);
	} else {
		say(p, 0, "", _("Not fixed: escalate to HQ with the report."));
		if (w->error && w->error->notes->escalate_en)
			say(p, 2, _("HQ needs: "), kbtext(p,
			    w->error->notes->escalate_en,
			    w->error->notes->escalate_zh));
	}
}

/* Asks the question the conversation is at; false when the input ended
 * (or q was answered). */
static bool
turn(struct plain *p, struct convo *c)
{
	const struct convo_question *q = convo_ask(c);
	char *msg = convo_take_msg(c);
	bool backing = p->backing;

	p->backing = false;
	if (msg) {
		say(p, 0, "", msg);
		free(msg);
	}
	switch (q->at) {
	case CV_RESUME:
		return answer_resume(p, c, q);
	case CV_CAUSE:
		/* Gone back to from the first step: on to the error. */
		if (backing && q->read) {
			p->backing = true;
			convo_back(c);
			return true;
		}
		say_cause(p, c->w);
		if (q->read) {
			convo_choose(c, 0);
			return true;
		}
		return answer(p, c, q);
	case CV_STEP:
		return answer_step(p, c, q);
	case CV_OUTCOME:
		say_outcome(p, c->w);
		convo_choose(c, 0);
		return true;
	case CV_DETAILS:
		return answer_detail(p, c, q);
	case CV_REPORT: {
		char *prompt = xasprintf("%s (y/n) ", q->text);
		bool got = ask(p, prompt);
		free(prompt);
		if (got)
			convo_choose(c, is_word(p->line.s, "y", "yes") ? 0 : 1);
		return got;
	}
	case CV_END:
		return true;
	default:
		return answer(p, c, q);
	}
}

enum fe_result
plain_run(const struct look *o, struct wizard *w,
    struct match_index *ix, const struct stats *st, struct offer *of)
{
	struct plain p = { .o = o, .stats = st, .width = output_width(stdout) };
	struct convo c;
	enum fe_result r = FE_DONE;

	buf_init(&p.line);
	convo_init(&c, w, ix, of, o->lang);
	while (!convo_over(&c))
		if (!turn(&p, &c))
			break;
	if (!convo_over(&c)) {
		/* Input ended: by a signal or a read error the session is
		 * cut (kept as it is); at the end of a script, or by q, it
		 * is abandoned.  Nothing answered: nothing to record. */
		if (sig_caught() || ferror(stdin))
			r = FE_CUT;
		else if (w->stage == STAGE_PLATFORM)
			r = FE_NOTHING;
		else if (w->outcome != OUT_NONE || p.quit)
			wizard_abandon(w);
		else {
			wizard_abandon(w);
			r = FE_EOF;
		}
	} else if (c.nothing) {
		r = FE_NOTHING;
	}
	convo_free(&c);
	buf_free(&p.line);
	free(p.kb[0]);
	free(p.kb[1]);
	return r;
}
