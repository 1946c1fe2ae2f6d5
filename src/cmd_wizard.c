/* cmd_wizard.c: flashfix with no command: one troubleshooting session,
 * saved after every answer, offered again if it was cut off, recorded
 * when it ends.  Layer: commands. */
#include <config.h>

#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "i18n.h"
#include "env.h"
#include "files.h"
#include "paths.h"
#include "records.h"
#include "report.h"
#include "kb.h"
#include "output.h"
#include "match.h"
#include "plain.h"
#include "session.h"
#include "sig.h"
#include "stats.h"
#include "summary.h"
#include "text.h"
#include "tui.h"
#include "util.h"
#include "wizard.h"
#include "words.h"

/* The wizard's options. */
struct wizard_opts {
	bool plain;
	const char *engineer, *model, *serial;
	struct resume {
		bool wanted;    /* --resume: take up an unfinished session */
		const char *id; /* --resume=ID: that one; NULL: the newest */
	} resume;
};

/* --resume[=ID]. */
static bool
take_resume(const struct cmd_opt *opt, const char *value, void *field)
{
	struct resume *r = field;

	(void)opt;
	r->wanted = true;
	r->id = value && *value ? value : NULL;
	return true;
}

static const struct cmd_opt wizard_opts[] = {
	{ "plain", NULL, opt_flag, offsetof(struct wizard_opts, plain),
	    N_("line mode: questions on stdout, answers on stdin") },
	{ "engineer", N_("NAME"), opt_string,
	    offsetof(struct wizard_opts, engineer),
	    N_("prefill the engineer (default: login name)") },
	{ "model", N_("MODEL"), opt_string, offsetof(struct wizard_opts, model),
	    N_("prefill the phone model") },
	{ "serial", N_("SN"), opt_string, offsetof(struct wizard_opts, serial),
	    N_("prefill the serial or IMEI") },
	{ "resume", "[=ID]", take_resume, offsetof(struct wizard_opts, resume),
	    N_("take up the newest unfinished session (or\n"
	    "ID); from a script, nothing else is") },
	{ NULL, NULL, NULL, 0, NULL },
};

struct saver {
	const char *state;
	const char *host;
	bool off;          /* no state directory: nothing is saved */
	bool failed;       /* the last save failed; the session still runs */
	bool said;         /* the failure was said (once) */
	struct fe_notices notices; /* the front end that says it, if any */
};

/* The login name, for the engineer field. */
static const char *
login_name(void)
{
	const char *u = getenv("USER");
	struct passwd *pw;

	if (u && *u)
		return u;
	pw = getpwuid(getuid());
	return pw ? pw->pw_name : "";
}

static void
say_err(const struct cli *c, const char *msg)
{
	char *e = text_sanitize(msg, !c->look.ascii);
	fprintf(stderr, "flashfix: %s\n", e);
	free(e);
}

/* After every answer: the session as it stands goes to its file. */
static void
save(const struct wizard *w, void *ctx)
{
	struct saver *sv = ctx;
	char *err = NULL;

	if (sv->off)
		return;
	/* Tried after every answer, even after a failure: space freed on
	 * a full disk saves the session again. */
	sv->failed = !session_save(sv->state, w, sv->host, &err);
	if (sv->failed && !sv->said) {
		/* Said at the first failure, not at the end. */
		char *msg = xasprintf(_("The session cannot be saved (%s): if "
		    "the connection drops, these answers are lost."), err);
		sv->said = true;
		if (sv->notices.say) {
			sv->notices.say(sv->notices.ctx, msg);
		} else {
			char *e = text_sanitize(msg, text_terminal_utf8());
			fprintf(stderr, "flashfix: %s\n", e);
			free(e);
		}
		free(msg);
	} else if (!sv->failed && sv->said) {
		/* Saved again: said, so that the alert no longer holds. */
		const char *again = _("The session is saved again.");
		sv->said = false;
		if (sv->notices.say)
			sv->notices.say(sv->notices.ctx, again);
		else
			fprintf(stderr, "flashfix: %s\n", again);
	}
	free(err);
}

/* Whether the state directory, and its sessions and reports, are this
 * user's own; why not in *why (malloc'd). */
static bool
state_private(const char *state, char **why)
{
	const char *sub[] = { "sessions", "reports" };

	if (!files_private_dir(state, "--state-dir", why))
		return false;
	for (size_t i = 0; i < sizeof sub / sizeof *sub; i++) {
		char *p = xasprintf("%s/%s", state, sub[i]);
		struct stat st;
		bool ok = lstat(p, &st) != 0 || files_private_dir(p, "--state-dir", why);
		free(p);
		if (!ok)
			return false;
	}
	return true;
}

/* Says that session w was in the records already (as was): recorded by
 * another flashfix meanwhile, or by an earlier run cut off after its
 * record; this one wrote nothing, and claims nothing. */
static void
say_recorded_elsewhere(const struct wizard *w, const char *records,
    enum wiz_outcome was)
{
	printf(_("Not recorded: %s is in %s already (%s), recorded by another "
	    "flashfix or an earlier run; that record stands, and the outcome "
	    "here (%s) is not in the file.\n"), w->id, records,
	    was != OUT_NONE ? words_outcome_word(was) : _("outcome unread"),
	    words_outcome_word(w->outcome));
}

/* Records w in records; on success its saved copy goes.  Prints where,
 * only when this process wrote the record; RECORDS_THERE (after saying
 * so) when another one had recorded the session meanwhile. */
static enum records_put
record(const struct cli *c, struct wizard *w, const char *records,
    const char *state, const char *host)
{
	enum records_put put;
	enum wiz_outcome was;
	char *err = NULL;

	/* The state directory again, as at the start: swapped since, it
	 * gets neither the record nor the session. */
	if (!state_private(state, &err)) {
		say_err(c, err);
		free(err);
		return RECORDS_FAILED;
	}
	put = records_append(records, w, host, &was, &err);
	if (put != RECORDS_FAILED)
		/* Recorded, by this one or another: the saved copy goes. */
		session_remove(state, w->id);
	if (put == RECORDS_WRITTEN)
		printf(_("Recorded as %s in %s (%s).\n"), w->id, records,
		    words_outcome_word(w->outcome));
	else if (put == RECORDS_THERE)
		say_recorded_elsewhere(w, records, was);
	else if (err)
		say_err(c, err);
	free(err);
	return put;
}

/* The report for HQ that was asked for at the outcome, in
 * STATE/reports/ID.txt, made from the session as it was just recorded
 * (the record in memory, not the records file read back). */
static void
write_report(const struct cli *c, const struct wizard *w, const char *host,
    const char *state)
{
	struct recset set;
	const struct rec *r;
	char *dir = paths_reports(state);
	char *path = paths_report_file(state, w->id);
	char *data = NULL, *err = NULL;
	size_t len = 0;
	bool ok = false;

	recset_init(&set);
	if (records_of_session(w, host, &set)) {
		r = &set.v[0];
		data = report_make(w->kb, r, REPORT_TEXT, c->lang_given ?
		    c->lang_asked : c->look.lang, true, &len);
		ok = files_make_dir(dir) &&
		    report_save(path, data, len, true, &err);
	}
	if (ok)
		printf(_("Report for HQ: %s\n"), path);
	else
		fprintf(stderr, _("flashfix: the report could not be written; "
		    "try: flashfix report %s\n"), w->id);
	free(err);
	free(data);
	recset_free(&set);
	free(path);
	free(dir);
}

/* The sessions the engineer chose to record as abandoned. */
static void
record_abandoned(const struct cli *c, struct offer *of,
    const struct kb *kb, const char *records, const char *state,
    const char *host)
{
	for (size_t i = 0; i < of->n; i++) {
		struct wizard w;
		/* Each under its lock, taken when it was chosen. */
		if (!of->abandon[i])
			continue;
		wizard_init(&w, kb);
		if (session_restore(&w, &of->set.v[i], NULL) != RESTORE_NONE) {
			wizard_abandon(&w);
			record(c, &w, records, state, host);
		}
		wizard_free(&w);
	}
}

/* --resume, and a script's input: a script never answers a question it
 * did not expect, so without a terminal the unfinished sessions are left
 * alone (and counted on stderr) unless --resume takes one up; a person
 * typing through ssh without -t is offered them in words that no
 * script's answer is (plain.c).  False
 * (after a message) when the session --resume names is not there. */
static bool
settle_offer(const struct cli *c, const struct resume *o, struct offer *of,
    struct wizard *w, bool use_tui)
{
	long i;

	if (!o->wanted && (use_tui || isatty(STDIN_FILENO) ||
	    output_typist_without_tty()))
		return true;
	of->settled = true;
	if (!o->wanted) {
		if (of->n)
			fprintf(stderr, ngettext("flashfix: %zu unfinished "
			    "session waits; --resume takes up the newest, "
			    "--resume=ID another.\n", "flashfix: %zu unfinished "
			    "sessions wait; --resume takes up the newest, "
			    "--resume=ID another.\n", of->n), of->n);
		return true;
	}
	i = offer_find(of, o->id);
	if (i >= 0 && !offer_resume(of, (size_t)i, w) && of->why) {
		fprintf(stderr, "flashfix: %s\n", of->why);
		return false;
	}
	if (i >= 0 && of->resumed == i) {
		if (!use_tui) {
			char *d = text_sanitize(of->desc[i], !c->look.ascii);
			printf(_("Resuming: %s\n"), d);
			free(d);
		}
		return true;
	}
	if (o->id) {
		char *id = text_sanitize(o->id, !c->look.ascii);
		fprintf(stderr, _("flashfix: no unfinished session '%s' of "
		    "this engineer\n"), id);
		free(id);
	} else {
		fprintf(stderr, _("flashfix: no unfinished session to take up\n"));
	}
	return false;
}

static int
run(const struct cli *c, void *opts)
{
	const struct wizard_opts *o = opts;
	struct store store;
	struct wizard w;
	struct offer of;
	struct stats st;
	struct diag d;
	struct saver sv = { 0 };
	char fresh_id[sizeof ((struct wizard *)0)->id];
	int fresh_lock = -1;
	char *state, *records, host[256];
	char *why = NULL, *notice = NULL;
	const char *engineer = o->engineer ? o->engineer : login_name();
	bool writable, use_tui, kept = false;
	enum fe_result res;
	enum records_put put = RECORDS_FAILED;
	int rc = EXIT_OK;

	if (!env_load(c, &store))
		return EXIT_FAILED;
	{
		/* Each record names the base that answered. */
		uint64_t dig;
		char *bad = NULL;
		if (kb_digest(c->data_dir, &dig, &bad))
			records_set_base(dig);
		free(bad);
	}
	if (gethostname(host, sizeof host) != 0)
		host[0] = '\0';
	host[sizeof host - 1] = '\0';
	state = env_state_dir(c);
	if (!state) {
		store_free(&store);
		return EXIT_FAILED;
	}
	records = env_records(c, state);
	writable = files_make_dir(state);
	if (!writable) {
		notice = xasprintf(_("Cannot use the state directory %s (%s): "
		    "this session cannot be recorded; choose another with "
		    "--state-dir."), state, strerror(errno));
		fprintf(stderr, "flashfix: %s\n", notice);
	} else if (!state_private(state, &why)) {
		/* Another account could read or plant sessions there. */
		writable = false;
		notice = xasprintf(_("%s; this session cannot be recorded."),
		    why);
		fprintf(stderr, "flashfix: %s\n", notice);
		free(why);
		why = NULL;
	}
	use_tui = !o->plain && isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
	if (use_tui && !tui_usable(&why)) {
		fprintf(stderr, _("flashfix: %s; using the line mode.\n"), why);
		use_tui = false;
	}

	diag_init(&d);
	if (writable)
		offer_init(&of, state, engineer, store.kb, records, host,
		    c->look.lang, &d);
	else
		offer_init(&of, NULL, engineer, store.kb, records, host,
		    c->look.lang, &d);
	/* What fixed what here before, for each step: from the summary in
	 * the cache and what was appended since, not the whole file. */
	{
		char *cache = env_cache_dir(c);
		if (!summary_load(&st, records, cache, &d)) {
			/* Said below; the wizard runs without the figures. */
		}
		free(cache);
	}
	diag_print(&d, stderr);
	diag_free(&d);

	wizard_init(&w, store.kb);
	wizard_details(&w, engineer, o->model, o->serial);
	/* This process's own session is locked from the start; one taken
	 * up instead is locked when it is. */
	{
		char *who = NULL;
		fresh_lock = writable ? session_lock(state, w.id, host, &who) :
		    -1;
		free(who);
	}
	snprintf(fresh_id, sizeof fresh_id, "%s", w.id);
	sv.state = state;
	sv.host = host;
	sv.off = sv.failed = !writable;
	w.changed = save;
	w.changed_ctx = &sv;
	sig_install();
	if (!settle_offer(c, &o->resume, &of, &w, use_tui)) {
		res = FE_NOTHING;
		rc = EXIT_NEGATIVE;
	} else if (use_tui) {
		enum tui_result r;
		r = tui_run(&c->look, &w, store.ix, &st, &of, notice,
		    &sv.notices, &why);
		if (r == TUI_UNUSABLE) {
			fprintf(stderr, _("flashfix: %s; using the line "
			    "mode.\n"), why);
			res = plain_run(&c->look, &w, store.ix, &st, &of);
		} else {
			res = r == TUI_NOTHING ? FE_NOTHING : r == TUI_LOST ||
			    r == TUI_KEPT ? FE_CUT : FE_DONE;
			kept = r == TUI_KEPT;
		}
	} else {
		res = plain_run(&c->look, &w, store.ix, &st, &of);
	}
	if (writable)
		record_abandoned(c, &of, store.kb, records, state, host);

	if (sig_caught() || res == FE_CUT) {
		/* Cut off: the answers so far are in the session file. */
		fprintf(stderr, w.stage == STAGE_PLATFORM ? _("flashfix: "
		    "stopped; no session was under way.\n") : sv.failed ?
		    _("flashfix: stopped; the session could not be saved.\n") :
		    _("flashfix: stopped; the session is saved and offered at "
		    "the next start.\n"));
		/* q where the screen was too small to ask keeps it, as
		 * the screen said: not a failure. */
		rc = sig_caught() ? 128 + sig_caught() : kept && !sv.failed ?
		    EXIT_OK : EXIT_FAILED;
	} else if (res == FE_NOTHING) {
		/* Nothing under way: nothing to record. */
	} else if (!writable || (put = record(c, &w, records, state,
	    host)) == RECORDS_FAILED) {
		fprintf(stderr, sv.failed ? _("flashfix: the session was not "
		    "recorded.\n") : _("flashfix: the session was not "
		    "recorded; it is kept and offered at the next start.\n"));
		rc = EXIT_FAILED;
	} else if (put == RECORDS_THERE) {
		/* Said: its outcome here is in no file. */
		rc = EXIT_FAILED;
	} else {
		if (w.report)
			write_report(c, &w, host, state);
		/* Recorded as abandoned because the input ran out: not a
		 * session that finished. */
		if (res == FE_EOF) {
			fprintf(stderr, _("flashfix: the input ended before the "
			    "session did; it is recorded as abandoned.\n"));
			rc = EXIT_NEGATIVE;
		}
	}
	session_unlock(state, fresh_id, fresh_lock);
	free(why);
	free(notice);
	/* offer_free gives up the lock of the session taken up, whose
	 * path is made from state: state goes after it. */
	offer_free(&of);
	free(state);
	free(records);
	stats_free(&st);
	wizard_free(&w);
	store_free(&store);
	return rc;
}

static const struct wizard_opts wizard_defaults;

const struct cmd_entry cmd_wizard_entry = {
	.name = NULL,
	.synopsis = N_("(none)"),
	.summary = N_("start the wizard"),
	.opts = wizard_opts,
	.size = sizeof (struct wizard_opts),
	.defaults = &wizard_defaults,
	.min_args = 0, .max_args = 0,
	.run = run,
};
