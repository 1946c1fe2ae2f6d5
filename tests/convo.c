/* convo.c: whole sessions driven through the conversation layer, as the
 * front ends drive it, with no terminal: what is asked, what is offered
 * and preselected, and what each answer does. */
#include <config.h>

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "convo.h"
#include "diag.h"
#include "kb.h"
#include "match.h"
#include "tap.h"
#include "util.h"
#include "wizard.h"

static struct kb *kb;
static struct match_index *ix;
static char tmpdir[] = "/tmp/flashfix-convo-XXXXXX";

struct run {
	struct wizard w;
	struct convo c;
};

static void
start(struct run *r)
{
	wizard_init(&r->w, kb);
	convo_init(&r->c, &r->w, ix, NULL, LANG_EN);
}

static void
stop(struct run *r)
{
	convo_free(&r->c);
	wizard_free(&r->w);
}

/* The index of the first choice whose label holds text, or CONVO_NONE. */
static size_t
find(struct run *r, const char *text)
{
	const struct convo_question *q = convo_ask(&r->c);

	for (size_t i = 0; i < q->n; i++)
		if (strstr(q->choices[i].label, text))
			return i;
	printf("# no choice '%s' at question %d; have:\n", text, q->at);
	for (size_t i = 0; i < q->n; i++)
		printf("#   %s\n", q->choices[i].label);
	return CONVO_NONE;
}

/* Chooses the first choice whose label holds text. */
static void
choose(struct run *r, const char *text)
{
	size_t i = find(r, text);

	if (i != CONVO_NONE)
		convo_choose(&r->c, i);
}

static enum convo_at
at(struct run *r)
{
	return convo_ask(&r->c)->at;
}

static bool
has_pick(struct run *r, enum convo_pick p)
{
	const struct convo_question *q = convo_ask(&r->c);

	for (size_t i = 0; i < q->n; i++)
		if (q->choices[i].pick == p)
			return true;
	return false;
}

/* Asks, then takes what it said. */
static char *
msg(struct run *r)
{
	convo_ask(&r->c);
	return convo_take_msg(&r->c);
}

static void
typical_session(void)
{
	struct run r;
	const struct convo_question *q;

	start(&r);
	is_num(at(&r), CV_PLATFORM, "a session starts at the platform");
	choose(&r, "Qualcomm");
	is_num(at(&r), CV_VERSION, "then the version");
	choose(&r, "2.0.11");
	q = convo_ask(&r.c);
	is_num(q->at, CV_ERROR, "then the error");
	ok(q->typed && q->live, "typed, over a list that follows the text");
	convo_enter(&r.c, "Sahara communication failed", CONVO_NONE);
	q = convo_ask(&r.c);
	is_num(q->at, CV_MATCHES, "typed text: what it matched, to choose");
	is_str(q->choices[0].label, "Sahara communication failed.",
	    "the match first");
	convo_choose(&r.c, 0);
	q = convo_ask(&r.c);
	is_num(q->at, CV_CAUSE, "the cause to read");
	ok(q->read, "a page: going on needs no choice");
	convo_choose(&r.c, 0);
	q = convo_ask(&r.c);
	is_num(q->at, CV_STEP, "the first step");
	is_num(q->n, 3, "three answers: fixed, not fixed, can't do it here");
	is_num(q->pre, CONVO_NONE, "none preselected on a step not answered");
	ok(q->keys & CK_BACK && q->keys & CK_NOTE && q->keys & CK_SOURCE,
	    "b, a note and i apply");
	convo_step(&r.c, CP_NOT_FIXED, "two cables");
	convo_step(&r.c, CP_FIXED, NULL);
	is_num(at(&r), CV_OUTCOME, "fixed: the outcome");
	is_num(r.w.outcome, OUT_FIXED, "recorded as fixed");
	is_num(r.w.fixed_at, 2, "at step 2");
	convo_choose(&r.c, 0);
	is_num(at(&r), CV_DETAILS, "then the job details");
	convo_text(&r.c, "ana");
	convo_text(&r.c, NULL);
	convo_text(&r.c, "SN1");
	ok(convo_over(&r.c), "over after the three details (fixed: no report "
	    "asked)");
	is_str(r.w.engineer, "ana", "the engineer typed");
	is_str(r.w.serial, "SN1", "the serial typed");
	is_str(r.w.steps[0].note, "two cables", "the note of step 1");
	stop(&r);
}

static void
empty_error_browses(void)
{
	struct run r;
	const struct convo_question *q;

	start(&r);
	choose(&r, "MTK");
	choose(&r, "don't know");
	q = convo_ask(&r.c);
	is_num(q->pre, CONVO_NONE, "nothing typed: no error preselected");
	convo_enter(&r.c, "", q->pre);
	is_num(at(&r), CV_FAMILY, "Enter on nothing typed: browse by kind");
	choose(&r, "writing");
	is_num(at(&r), CV_FAMILY_ERRORS, "a kind: its errors");
	ok(has_pick(&r, CP_NOTLISTED), "and not listed");
	convo_back(&r.c);
	q = convo_ask(&r.c);
	is_num(q->at, CV_FAMILY, "back: the kinds again");
	ok(q->pre != CONVO_NONE && strstr(q->choices[q->pre].label, "writing"),
	    "the kind chosen before preselected");
	stop(&r);
}

static void
back_keeps(void)
{
	struct run r;
	const struct convo_question *q;

	start(&r);
	choose(&r, "Qualcomm");
	choose(&r, "2.0.11");
	convo_back(&r.c);
	q = convo_ask(&r.c);
	is_num(q->at, CV_VERSION, "back from the error: the version");
	ok(q->pre != CONVO_NONE && strstr(q->choices[q->pre].label, "2.0.11"),
	    "the version chosen before preselected");
	convo_back(&r.c);
	q = convo_ask(&r.c);
	ok(q->pre != CONVO_NONE && !strcmp(q->choices[q->pre].label,
	    "Qualcomm"), "and the platform");
	choose(&r, "Qualcomm");
	choose(&r, "2.0.11");
	convo_enter(&r.c, "Sahara communication failed", CONVO_NONE);
	convo_choose(&r.c, 0);
	convo_choose(&r.c, 0);
	convo_step(&r.c, CP_NOT_FIXED, "tried twice");
	ok(convo_back(&r.c), "b on step 2");
	q = convo_ask(&r.c);
	is_num(q->at, CV_STEP, "back at step 1");
	is_num(r.w.cur, 0, "step 1");
	ok(q->pre != CONVO_NONE && q->choices[q->pre].pick == CP_NOT_FIXED,
	    "its earlier answer preselected");
	is_num(convo_earlier(&r.c), ANS_NOT_FIXED, "and said");
	convo_step(&r.c, CP_SKIPPED, NULL);
	is_str(r.w.steps[0].note, "tried twice",
	    "answered again without a note: the note is kept");
	convo_back(&r.c);
	convo_step(&r.c, CP_SKIPPED, "");
	ok(r.w.steps[0].note == NULL, "an empty note drops it");
	convo_back(&r.c);
	convo_back(&r.c);
	is_num(at(&r), CV_CAUSE, "b on step 1: the cause");
	convo_back(&r.c);
	q = convo_ask(&r.c);
	is_num(q->at, CV_ERROR, "and back again: the error question");
	ok(r.w.error == NULL, "the error is forgotten");
	stop(&r);
}

static void
escalate_is_an_outcome(void)
{
	struct run r;
	const struct convo_question *q;
	size_t asked = 0;

	start(&r);
	choose(&r, "not sure");
	choose(&r, "don't know");
	convo_enter(&r.c, "the screen went purple", CONVO_NONE);
	choose(&r, "not listed");
	convo_choose(&r.c, 0);
	while ((q = convo_ask(&r.c))->at == CV_STEP &&
	    wizard_step(&r.w)->fix->level != LEVEL_ESCALATE && asked++ < 20)
		convo_step(&r.c, CP_NOT_FIXED, NULL);
	q = convo_ask(&r.c);
	is_num(q->at, CV_STEP, "the general steps end on the escalate step");
	ok(!has_pick(&r, CP_FIXED), "which offers no 'fixed'");
	ok(has_pick(&r, CP_ESCALATE), "but to escalate");
	convo_step(&r.c, CP_ESCALATE, NULL);
	is_num(at(&r), CV_OUTCOME, "escalating: the outcome");
	is_num(r.w.outcome, OUT_ESCALATED, "escalated");
	ok(r.w.steps[r.w.cur].answer == ANS_NONE,
	    "the escalate step is not answered as a fix tried");
	convo_back(&r.c);
	is_num(at(&r), CV_STEP, "back from the outcome: the escalate step");
	ok(has_pick(&r, CP_ESCALATE), "asked again");
	convo_step(&r.c, CP_ESCALATE, NULL);
	convo_choose(&r.c, 0);
	convo_text(&r.c, NULL);
	convo_text(&r.c, NULL);
	convo_text(&r.c, NULL);
	is_num(at(&r), CV_REPORT, "escalated: the report for HQ is asked");
	choose(&r, "yes");
	ok(convo_over(&r.c) && r.w.report, "and written");
	stop(&r);
}

static void
version_narrows_platform(void)
{
	struct run r;

	start(&r);
	choose(&r, "not sure");
	choose(&r, "MsmDownloadTool 2.0.0");
	is_num(r.w.platform, PLAT_QCOM, "not sure, then MsmDownloadTool: "
	    "Qualcomm");
	convo_enter(&r.c, "Login area does not match OFP file", CONVO_NONE);
	choose(&r, "Login area");
	convo_choose(&r.c, 0);
	is_num(r.w.nsteps, 1, "Login area: the Qualcomm step alone");
	is_num(kb_cond_eval(r.w.steps[0].fix->cond, PLAT_QCOM, &r.w.version),
	    COND_TRUE, "the one for Qualcomm before 2.0.11");
	stop(&r);

	start(&r);
	choose(&r, "not sure");
	convo_text(&r.c, "19.36.101");
	is_num(r.w.platform, PLAT_MTK, "not sure, then a version only MTK's "
	    "tool has: MTK");
	stop(&r);
}

static void
none_applies(void)
{
	struct run r;
	const struct convo_question *q;

	start(&r);
	choose(&r, "Qualcomm");
	choose(&r, "2.0.17");
	convo_enter(&r.c, "Login area does not match OFP file", CONVO_NONE);
	choose(&r, "Login area");
	q = convo_ask(&r.c);
	is_num(q->at, CV_CAUSE, "Login area on 2.0.17: the cause");
	ok(!q->read && strstr(q->text, "None of this error's steps applies"),
	    "says that none of its steps applies, and why");
	ok(q->keys & CK_BACK, "back checks the version");
	choose(&r, "general steps");
	q = convo_ask(&r.c);
	is_num(q->at, CV_STEP, "the general steps offered");
	ok(r.w.error && !strcmp(r.w.error->id, "login-area-ofp"),
	    "with the error kept");
	ok(wizard_general_plan(&r.w), "its plan the general steps");
	stop(&r);
}

static void
write_log(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");

	if (!fp || fputs(text, fp) == EOF || fclose(fp) != 0) {
		printf("Bail out! cannot write %s: %s\n", path, strerror(errno));
		exit(99);
	}
}

static void
logs_and_pastes(void)
{
	struct run r;
	char *path = xasprintf("%s/QFIL log.txt", tmpdir), *url, *m;
	const char *log = "Port - Device detected :)\n"
	    "Sahara communication failed\nDisconnect!\n";

	write_log(path, log);
	start(&r);
	choose(&r, "Qualcomm");
	choose(&r, "don't know");
	convo_enter(&r.c, "/no/such/dir/qfil.log", 0);
	m = msg(&r);
	ok(m && strstr(m, "cannot read /no/such/dir/qfil.log as a log") &&
	    strstr(m, "No such file"), "a log's path that is not there: "
	    "said, and why (%s)", m ? m : "nothing");
	free(m);
	is_num(at(&r), CV_ERROR, "and the error asked again");
	url = xasprintf("file://%s/QFIL%%20log.txt", tmpdir);
	convo_enter(&r.c, url, 0);
	free(url);
	ok(r.w.error && !strcmp(r.w.error->id, "sahara"),
	    "file://...QFIL%%20log.txt: read, its error chosen");
	ok(r.w.log && strstr(r.w.log, "QFIL log.txt"), "its line kept");
	stop(&r);

	start(&r);
	choose(&r, "MTK");
	choose(&r, "don't know");
	convo_enter(&r.c, "DA_handler - Sending DA, done\n"
	    "ERROR: STATUS_EXT_RAM_EXCEPTION (0xC0050005)\n"
	    "BROM ERROR : S_FT_ENABLE_DRAM_FAIL (4032)\nDisconnect!\n", 0);
	ok(r.w.error != NULL, "a paste: its error chosen");
	is_str(r.w.query, "ERROR: STATUS_EXT_RAM_EXCEPTION (0xC0050005)",
	    "what was typed is the decisive line, not the paste's first");
	stop(&r);
	unlink(path);
	free(path);
}

static void
matcher_policy(void)
{
	struct run r;
	const struct convo_question *q;

	start(&r);
	choose(&r, "Qualcomm");
	choose(&r, "don't know");
	convo_filter(&r.c, "Download OK");
	q = convo_ask(&r.c);
	is_num(q->choices[0].pick, CP_NOTLISTED,
	    "a success line: nothing offered before not listed");
	convo_filter(&r.c, "Sahara communication failed");
	q = convo_ask(&r.c);
	is_num(q->choices[0].pick, CP_ERROR, "a real error: its match first");
	is_num(q->pre, 0, "and preselected");
	stop(&r);
}

static void
quitting(void)
{
	struct run r;

	start(&r);
	ok(!convo_quit_abandons(&r.c), "q at the platform: nothing to abandon");
	convo_quit(&r.c);
	ok(convo_over(&r.c) && r.c.nothing, "nothing to record");
	stop(&r);

	start(&r);
	choose(&r, "MTK");
	ok(convo_quit_abandons(&r.c), "q after the platform abandons");
	convo_quit(&r.c);
	is_num(r.w.outcome, OUT_ABANDONED, "recorded as abandoned");
	ok(!r.c.nothing, "something to record");
	stop(&r);
}

int
main(void)
{
	const char *src = getenv("top_srcdir");
	char *data;
	struct diag d;

	setlocale(LC_ALL, "C.UTF-8");
	if (!mkdtemp(tmpdir)) {
		printf("Bail out! mkdtemp: %s\n", strerror(errno));
		return 99;
	}
	data = xasprintf("%s/data", src ? src : ".");
	diag_init(&d);
	kb = kb_load(data, &d);
	ok(kb && d.errors == 0, "the shipped knowledge base loads");
	diag_free(&d);
	free(data);
	if (!kb)
		return tap_done();
	ix = match_index_new(kb);
	typical_session();
	empty_error_browses();
	back_keeps();
	escalate_is_an_outcome();
	version_narrows_platform();
	none_applies();
	logs_and_pastes();
	matcher_policy();
	quitting();
	match_index_free(ix);
	kb_free(kb);
	rmdir(tmpdir);
	return tap_done();
}
