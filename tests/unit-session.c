/* unit-session.c: the unit tests of the session in progress: saved,
 * listed and taken up again whole in a scratch state directory; removed
 * once recorded; locked against a second taker. */
#include "unit.h"

#include "files.h"
#include "records.h"
#include "session.h"

void
test_session(const char *datadir)
{
	struct diag d;
	struct kb *kb;
	struct wizard w, back;
	struct recset set;
	char *state = xasprintf("%s/state", tmpdir), *err = NULL, *who = NULL;
	int fd, fd2;

	diag_init(&d);
	kb = kb_load(datadir, &d);
	diag_free(&d);
	ok(kb != NULL && files_make_dir(state), "session: a base, a state "
	    "directory");
	if (!kb) {
		free(state);
		return;
	}
	wizard_init(&w, kb);
	wizard_details(&w, "ana", "CPH2023", "SN 7");
	wizard_set_platform(&w, PLAT_QCOM);
	wizard_set_version(&w, "2.0.11");
	wizard_choose(&w, kb_find(kb, "sahara"), "Sahara comm failed");
	wizard_answer(&w, ANS_NOT_FIXED, "tried a \"new\" cable, twice");
	ok(session_save(state, &w, "bench-1", &err), "saved (%s)",
	    err ? err : "no error");
	free(err);
	err = NULL;

	recset_init(&set);
	diag_init(&d);
	session_list(state, "ana", &set, &d);
	ok(set.n == 1 && strcmp(set.v[0].r.id, w.id) == 0 && d.n == 0,
	    "listed: one session, its id");
	session_list(state, "someone-else", &set, &d);
	ok(set.n == 1, "not listed for another engineer");
	if (set.n == 1) {
		wizard_init(&back, kb);
		ok(session_restore(&back, &set.v[0], NULL) == RESTORE_WHOLE,
		    "taken up whole");
		is_str(back.id, w.id, "the same id");
		ok(back.platform == PLAT_QCOM && back.error == w.error &&
		    back.stage == STAGE_STEPS && back.cur == 1 &&
		    back.nsteps == w.nsteps, "at the same question: step 2 "
		    "of the same plan");
		is_str(back.steps[0].note, "tried a \"new\" cable, twice",
		    "the note, quotes and commas and all");
		ok(back.steps[0].answer == ANS_NOT_FIXED &&
		    back.steps[0].at == w.steps[0].at,
		    "the answer and its time");
		is_str(back.version_text, "2.0.11", "the version");
		is_str(back.query, "Sahara comm failed", "the error as typed");
		is_str(back.model, "CPH2023", "the phone");
		ok(back.started == w.started, "the time it started");
		wizard_free(&back);
	}
	recset_free(&set);
	diag_free(&d);

	/* One process holds a session: a second taker is refused. */
	fd = session_lock(state, w.id, "bench-1", &who);
	ok(fd >= 0, "the session is locked");
	fd2 = session_lock(state, w.id, "bench-2", &who);
	ok(fd2 < 0 && who && strstr(who, "bench-1"),
	    "a second lock is refused, naming the holder (%s)",
	    who ? who : "nobody");
	free(who);
	who = NULL;
	session_unlock(state, w.id, fd);
	fd2 = session_lock(state, w.id, "bench-2", &who);
	ok(fd2 >= 0, "given up, it can be taken");
	session_unlock(state, w.id, fd2);
	free(who);

	session_remove(state, w.id);
	recset_init(&set);
	diag_init(&d);
	session_list(state, NULL, &set, &d);
	is_num(set.n, 0, "removed once recorded: nothing listed");
	recset_free(&set);
	diag_free(&d);
	wizard_free(&w);
	kb_free(kb);
	free(state);
}
