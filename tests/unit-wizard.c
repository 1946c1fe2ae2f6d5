/* unit-wizard.c: the unit tests of the wizard's state machine: every
 * path of a session, without a terminal. */
#include "unit.h"

/* A wizard on the shipped base, with platform, version and error set. */
static void
start(struct wizard *w, const struct kb *kb, unsigned plat,
    const char *ver, const char *id)
{
	wizard_init(w, kb);
	wizard_set_platform(w, plat);
	wizard_set_version(w, ver);
	wizard_choose(w, id ? kb_find(kb, id) : NULL, id ? id : "???");
}

void
test_wizard(const char *datadir)
{
	struct diag d;
	struct kb *kb;
	struct wizard w;
	const struct tool **t;
	size_t n;

	diag_init(&d);
	kb = kb_load(datadir, &d);
	diag_free(&d);
	if (!kb)
		return;

	/* Fixed at each step of a three-step error. */
	for (size_t at = 1; at <= 3; at++) {
		start(&w, kb, PLAT_QCOM, "2.0.11", "sahara");
		for (size_t i = 1; i < at; i++)
			wizard_answer(&w, ANS_NOT_FIXED, NULL);
		ok(wizard_step(&w) && w.cur + 1 == at, "sahara: at step %zu",
		    at);
		wizard_answer(&w, ANS_FIXED, "swapped cable");
		ok(w.outcome == OUT_FIXED && w.fixed_at == at &&
		    !wizard_step(&w), "sahara: fixed at step %zu", at);
		is_str(w.steps[at - 1].note, "swapped cable",
		    "the note is kept with its step");
		wizard_free(&w);
	}
	/* Nothing works: escalated; skips count as tried, not fixed. */
	start(&w, kb, PLAT_QCOM, "2.0.11", "sahara");
	wizard_answer(&w, ANS_NOT_FIXED, NULL);
	wizard_answer(&w, ANS_SKIPPED, NULL);
	wizard_answer(&w, ANS_NOT_FIXED, NULL);
	ok(w.outcome == OUT_ESCALATED && w.fixed_at == 0,
	    "every step not fixed: escalated");
	ok(w.steps[1].answer == ANS_SKIPPED, "a skipped step stays skipped");
	/* Back from the outcome changes the last answer. */
	ok(wizard_back(&w) && w.outcome == OUT_NONE && w.cur == 2,
	    "back from the outcome returns to the last step");
	wizard_answer(&w, ANS_FIXED, NULL);
	ok(w.outcome == OUT_FIXED && w.fixed_at == 3,
	    "and a new answer changes the outcome");
	ok(wizard_back(&w) && wizard_back(&w) && w.cur == 1 &&
	    w.steps[1].answer == ANS_NONE && w.steps[2].answer == ANS_NONE,
	    "back twice: later answers no longer stand");
	ok(wizard_back(&w) && !wizard_back(&w), "no going back before step 1");
	wizard_abandon(&w);
	ok(w.outcome == OUT_ABANDONED && !wizard_step(&w), "abandoned");
	wizard_free(&w);

	/* A tool update the engineer already has: said, not dropped. */
	start(&w, kb, PLAT_QCOM, "2.0.17", "sahara");
	ok(wizard_latest_chosen(&w) != NULL && wizard_step(&w) &&
	    w.steps[0].fix->level == LEVEL_UPDATE &&
	    wizard_step_has_latest(&w),
	    "sahara on qcom 2.0.17 (the newest known): step 1, the update, "
	    "is one the engineer has");
	ok(w.nsteps == 3, "and it stays in the plan (a newer release may "
	    "exist)");
	wizard_answer(&w, ANS_NOT_FIXED, NULL);
	ok(!wizard_step_has_latest(&w), "step 2 is no update: nothing said");
	wizard_free(&w);
	start(&w, kb, PLAT_QCOM, "2.0.11", "sahara");
	ok(wizard_latest_chosen(&w) == NULL && !wizard_step_has_latest(&w),
	    "on 2.0.11 the update is not one the engineer has");
	wizard_free(&w);
	start(&w, kb, 0, "2.0.17", "sahara");
	ok(!wizard_step_has_latest(&w), "platform not known: nothing said");
	wizard_free(&w);
	start(&w, kb, PLAT_QCOM, "2.0.17", "qcom-sahara-program-headers");
	ok(w.nsteps > 0 && w.steps[0].fix->level == LEVEL_UPDATE &&
	    !wizard_step_has_latest(&w),
	    "updating edl (another tool) is not the vendor tool's update");
	wizard_free(&w);

	/* Conditions and version-first. */
	start(&w, kb, PLAT_QCOM, "2.0.0", "login-area-ofp");
	ok(w.nsteps == 1 && w.steps[0].fix->level == LEVEL_UPDATE,
	    "login-area-ofp on qcom 2.0.0: only the Qualcomm update");
	wizard_free(&w);
	start(&w, kb, PLAT_QCOM, "2.0.17", "login-area-ofp");
	ok(w.nsteps == 0 && w.outcome == OUT_ESCALATED,
	    "on qcom 2.0.17 no fix applies: straight to escalation");
	wizard_free(&w);
	start(&w, kb, 0, NULL, "login-area-ofp");
	is_num(w.nsteps, 2, "platform and version unknown: both updates");
	wizard_free(&w);
	start(&w, kb, PLAT_QCOM, "2.0.0", "private-key");
	is_num(w.nsteps, 1, "private key on 2.0.0: update to 2.0.17");
	wizard_free(&w);
	start(&w, kb, PLAT_QCOM, "2.0.11", "private-key");
	is_num(w.nsteps, 1, "private key on 2.0.11: the FAQ's one step (a "
	    "newer tool such as 2.0.17) still shows");
	wizard_free(&w);
	{
		/* A base where the update comes last in the file: it moves
		 * first when the version is known to need it. */
		char e[512], f[512];
		const char *dir;
		struct kb *k2;
		snprintf(e, sizeof e, "%sx,qcom,pc,,M,M,C,C" F, ERR_HEAD);
		snprintf(f, sizeof f, "%sx,1,relogin,,A,A" S "x,2,settings,,B,B" S
		    "x,3,update,qcom < 2.0.11,U,U" S, FIX_HEAD);
		dir = make_kb(e, f, "platform,tool,version\nqcom,M,2.0.11\n",
		    GEN_OK);
		diag_init(&d);
		k2 = kb_load(dir, &d);
		ok(k2 && d.errors == 0, "a base with a conditional update");
		if (k2) {
			start(&w, k2, PLAT_QCOM, "2.0.0", "x");
			ok(w.nsteps == 3 && w.steps[0].fix->level ==
			    LEVEL_UPDATE && w.steps[1].fix->level ==
			    LEVEL_RELOGIN, "an older tool: update first");
			wizard_free(&w);
			start(&w, k2, PLAT_QCOM, NULL, "x");
			ok(w.nsteps == 3 && w.steps[2].fix->level ==
			    LEVEL_UPDATE, "version unknown: update in its place");
			wizard_free(&w);
			kb_free(k2);
		}
		diag_free(&d);
	}

	/* Not listed: the generic ladder. */
	start(&w, kb, PLAT_MTK, NULL, NULL);
	ok(w.error == NULL && w.nsteps == kb->ngeneric,
	    "not listed: the generic ladder, every step");
	wizard_free(&w);

	/* Versions offered, newest first, per platform. */
	wizard_init(&w, kb);
	wizard_set_platform(&w, PLAT_QCOM);
	n = wizard_versions(&w, &t);
	ok(n == 3 && strcmp(t[0]->version_text, "2.0.17") == 0 &&
	    strcmp(t[2]->version_text, "2.0.0") == 0,
	    "Qualcomm versions, newest first");
	free(t);
	ok(!wizard_set_version(&w, "2.x") && wizard_set_version(&w, "v2.0.9")
	    && strcmp(w.version_text, "2.0.9") == 0,
	    "a typed version is validated and normalised");
	wizard_details(&w, "ana", "CPH2023", "");
	ok(strcmp(w.engineer, "ana") == 0 && w.serial == NULL,
	    "job details; an empty one stays empty");
	wizard_free(&w);
	kb_free(kb);
}
