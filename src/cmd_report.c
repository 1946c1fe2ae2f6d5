/* cmd_report.c: flashfix report: one session, for HQ, as text, Markdown,
 * JSON or CSV, written atomically. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "i18n.h"
#include "journal.h"
#include "output.h"
#include "records.h"
#include "session.h"
#include "text.h"
#include "util.h"

#define REPORT_WIDTH 72

struct report {
	const struct options *o;
	const struct rec *r;
	struct wizard *w;       /* the session rebuilt; w->error may be NULL */
	bool rebuilt;           /* the knowledge base fits the record */
	enum lang lang;
	bool utf8;
	FILE *fp;
};

/* Knowledge-base text in the report's language; both: "en / zh". */
static char *
kbtext(const struct report *rp, const char *en, const char *zh)
{
	if (!en)
		return NULL;
	if (rp->lang == LANG_BOTH && zh && *zh && strcmp(en, zh) != 0)
		return xasprintf("%s\n%s", en, zh);
	return xstrdup(pick(rp->lang, en, zh));
}

static const char *
outcome_label(const char *key)
{
	return !strcmp(key, "fixed") ? _("fixed") : !strcmp(key, "escalated") ?
	    _("not fixed: escalated to HQ") : !strcmp(key, "abandoned") ?
	    _("abandoned") : key;
}

static const char *
answer_label(const char *key)
{
	return !strcmp(key, "fixed") ? _("fixed") : !strcmp(key, "not_fixed") ?
	    _("not fixed") : !strcmp(key, "skipped") ? _("can't do it here") :
	    key;
}

/* The fix of step n (1-based) of the rebuilt plan, or NULL. */
static const struct fix *
fix_of(const struct report *rp, unsigned long n)
{
	if (!rp->rebuilt || n == 0 || n > rp->w->nsteps)
		return NULL;
	return rp->w->steps[n - 1].fix;
}

static const char *
platform_label(const char *key)
{
	return !strcmp(key, "mtk") ? "MTK" : !strcmp(key, "qcom") ?
	    "Qualcomm" : *key ? key : _("not known");
}

/* The items to attach for an escalation. */
static size_t
attachments(const struct report *rp, const char *items[4])
{
	size_t n = 0;

	if (rp->w->error && rp->w->error->notes->escalate_en)
		items[n++] = _("what HQ needs, above");
	items[n++] = _("the flash tool's log of the failed flash");
	items[n++] = _("a screenshot of the error");
	if (!*rp->r->r.serial)
		items[n++] = _("the phone's serial or IMEI (not recorded in "
		    "this session)");
	return n;
}

static void
text_line(struct report *rp, const char *label, const char *value)
{
	/* Padded by columns, not bytes: labels may be Chinese. */
	size_t w = text_width(label);
	char *l = xasprintf("%s%*s", label, w < 15 ? (int)(15 - w) : 1, "");
	output_wrapped(rp->fp, 0, l, value && *value ? value : "-",
	    REPORT_WIDTH, !rp->utf8);
	free(l);
}

/* The session's fields, as label and value, through put: the same list
 * for text and Markdown. */
static void
session_fields(struct report *rp,
    void (*put)(struct report *, const char *, const char *))
{
	const struct record *r = &rp->r->r;

	put(rp, _("Outcome:"), outcome_label(r->outcome));
	if (*r->fixed_at_step)
		put(rp, _("Fixed at step:"), r->fixed_at_step);
	put(rp, _("Engineer:"), r->engineer);
	put(rp, _("Host:"), r->host);
	put(rp, _("Started:"), r->started);
	put(rp, _("Finished:"), r->finished);
	put(rp, _("Phone model:"), r->model);
	put(rp, _("Serial/IMEI:"), r->serial);
	put(rp, _("Platform:"), platform_label(r->platform));
	put(rp, _("Tool version:"), *r->tool_version ? r->tool_version :
	    _("not known"));
	put(rp, _("Error typed:"), r->query);
}

static void
write_text(struct report *rp)
{
	const struct record *r = &rp->r->r;
	const struct kb_error *e = rp->w->error;
	const struct kb *kb = rp->w->kb;
	char *s;

	output_wrapped(rp->fp, 0, "", _("flashfix session report"),
	    REPORT_WIDTH, !rp->utf8);
	fputc('\n', rp->fp);
	text_line(rp, _("Session:"), r->id);
	session_fields(rp, text_line);
	if (e) {
		s = kbtext(rp, e->error_en, e->error_zh);
		char *v = xasprintf("%s (%s)", s, e->id);
		text_line(rp, _("Recognised:"), v);
		free(v);
		free(s);
		s = kbtext(rp, kb_cause(kb, e, false), kb_cause(kb, e, true));
		text_line(rp, _("Cause:"), s);
		free(s);
	} else {
		text_line(rp, _("Recognised:"), *r->error_id ? r->error_id :
		    _("not in the knowledge base (the general steps)"));
	}
	fputc('\n', rp->fp);
	output_wrapped(rp->fp, 0, "", _("Steps tried:"), REPORT_WIDTH,
	    !rp->utf8);
	if (!rp->r->nsteps)
		output_wrapped(rp->fp, 2, "  ", _("none"), REPORT_WIDTH,
		    !rp->utf8);
	for (size_t i = 0; i < rp->r->nsteps; i++) {
		const struct rstep *st = &rp->r->steps[i];
		const struct fix *f = fix_of(rp, st->step);
		char *label = xasprintf("  %lu. ", st->step);
		char *head = xasprintf("%s, %s%s%s", st->level,
		    answer_label(st->answer), *st->at ? ", " : "", st->at);
		output_wrapped(rp->fp, 0, label, head, REPORT_WIDTH, !rp->utf8);
		if (f) {
			s = kbtext(rp, kb_action(kb, f, false),
			    kb_action(kb, f, true));
			output_wrapped(rp->fp, 0, "      ", s, REPORT_WIDTH,
			    !rp->utf8);
			free(s);
		}
		if (st->note)
			output_wrapped(rp->fp, 0, _("      Note: "), st->note,
			    REPORT_WIDTH, !rp->utf8);
		free(label);
		free(head);
	}
	if (!strcmp(r->outcome, "escalated")) {
		const char *items[4];
		size_t n = attachments(rp, items);
		fputc('\n', rp->fp);
		if (e && e->notes->escalate_en) {
			s = kbtext(rp, e->notes->escalate_en,
			    e->notes->escalate_zh);
			text_line(rp, _("HQ needs:"), s);
			free(s);
		}
		output_wrapped(rp->fp, 0, "", _("To attach:"), REPORT_WIDTH,
		    !rp->utf8);
		for (size_t i = 0; i < n; i++)
			output_wrapped(rp->fp, 0, "  [ ] ", items[i],
			    REPORT_WIDTH, !rp->utf8);
	}
}

/* Markdown: text with the characters that mean something escaped. */
static void
md(struct report *rp, const char *s)
{
	char *e = text_escape(s ? s : "", strlen(s ? s : ""),
	    rp->utf8 ? 0 : TEXT_ASCII);

	for (const char *p = e; *p; p++) {
		if (strchr("\\`*_[]<>|", *p))
			fputc('\\', rp->fp);
		fputc(*p, rp->fp);
	}
	free(e);
}

static void
md_field(struct report *rp, const char *label, const char *value)
{
	fprintf(rp->fp, "- **%s** ", label);
	md(rp, value && *value ? value : "-");
	fputc('\n', rp->fp);
}

/* Knowledge-base text for Markdown: both languages on two lines. */
static void
md_kb(struct report *rp, const char *en, const char *zh)
{
	char *s = kbtext(rp, en, zh);
	char *nl = strchr(s, '\n');

	if (nl) {
		*nl = '\0';
		md(rp, s);
		fputs("<br>", rp->fp);
		md(rp, nl + 1);
	} else {
		md(rp, s);
	}
	free(s);
}

static void
write_markdown(struct report *rp)
{
	const struct record *r = &rp->r->r;
	const struct kb_error *e = rp->w->error;
	const struct kb *kb = rp->w->kb;

	fprintf(rp->fp, "# %s ", _("flashfix session report"));
	md(rp, r->id);
	fputs("\n\n", rp->fp);
	session_fields(rp, md_field);
	fprintf(rp->fp, "\n## %s\n\n", _("The error"));
	if (e) {
		md_kb(rp, e->error_en, e->error_zh);
		fprintf(rp->fp, " (`%s`)\n\n**%s** ", e->id, _("Cause:"));
		md_kb(rp, kb_cause(kb, e, false), kb_cause(kb, e, true));
		fputc('\n', rp->fp);
	} else {
		md(rp, _("not in the knowledge base (the general steps)"));
		fputc('\n', rp->fp);
	}
	fprintf(rp->fp, "\n## %s\n\n", _("Steps tried:"));
	if (!rp->r->nsteps) {
		md(rp, _("none"));
		fputc('\n', rp->fp);
	}
	for (size_t i = 0; i < rp->r->nsteps; i++) {
		const struct rstep *st = &rp->r->steps[i];
		const struct fix *f = fix_of(rp, st->step);
		fprintf(rp->fp, "%lu. **", st->step);
		md(rp, answer_label(st->answer));
		fputs("** (", rp->fp);
		md(rp, st->level);
		if (*st->at) {
			fputs(", ", rp->fp);
			md(rp, st->at);
		}
		fputs(")", rp->fp);
		if (f) {
			fputs(": ", rp->fp);
			md_kb(rp, kb_action(kb, f, false),
			    kb_action(kb, f, true));
		}
		if (st->note) {
			fprintf(rp->fp, "<br>*%s* ", _("Note:"));
			md(rp, st->note);
		}
		fputc('\n', rp->fp);
	}
	if (!strcmp(r->outcome, "escalated")) {
		const char *items[4];
		size_t n = attachments(rp, items);
		fprintf(rp->fp, "\n## %s\n\n", _("For HQ"));
		if (e && e->notes->escalate_en) {
			fprintf(rp->fp, "**%s** ", _("HQ needs:"));
			md_kb(rp, e->notes->escalate_en, e->notes->escalate_zh);
			fputs("\n\n", rp->fp);
		}
		for (size_t i = 0; i < n; i++) {
			fputs("- [ ] ", rp->fp);
			md(rp, items[i]);
			fputc('\n', rp->fp);
		}
	}
}

static void
json_kv(FILE *fp, const char *k, const char *v, bool first)
{
	fprintf(fp, "%s\"%s\":", first ? "" : ",", k);
	json_str(fp, v);
}

static void
json_kb(struct report *rp, const char *k, const char *en, const char *zh)
{
	fprintf(rp->fp, ",\"%s_en\":", k);
	json_str(rp->fp, en);
	fprintf(rp->fp, ",\"%s_zh\":", k);
	json_str(rp->fp, zh && *zh ? zh : NULL);
}

static void
write_json(struct report *rp)
{
	const struct record *r = &rp->r->r;
	const struct kb_error *e = rp->w->error;
	const struct kb *kb = rp->w->kb;
	FILE *fp = rp->fp;

	putc('{', fp);
	json_kv(fp, "id", r->id, true);
	json_kv(fp, "outcome", r->outcome, false);
	fputs(",\"fixed_at_step\":", fp);
	json_count(fp, r->fixed_at_step);
	json_kv(fp, "engineer", r->engineer, false);
	json_kv(fp, "host", r->host, false);
	json_kv(fp, "started", r->started, false);
	json_kv(fp, "finished", r->finished, false);
	json_kv(fp, "model", r->model, false);
	json_kv(fp, "serial", r->serial, false);
	json_kv(fp, "platform", r->platform, false);
	json_kv(fp, "tool_version", r->tool_version, false);
	json_kv(fp, "query", r->query, false);
	json_kv(fp, "error_id", *r->error_id ? r->error_id : NULL, false);
	if (e) {
		json_kb(rp, "error", e->error_en, e->error_zh);
		json_kb(rp, "cause", kb_cause(kb, e, false),
		    kb_cause(kb, e, true));
		json_kb(rp, "hq_needs", e->notes->escalate_en,
		    e->notes->escalate_zh);
	}
	fputs(",\"steps\":[", fp);
	for (size_t i = 0; i < rp->r->nsteps; i++) {
		const struct rstep *st = &rp->r->steps[i];
		const struct fix *f = fix_of(rp, st->step);
		fprintf(fp, "%s{\"step\":%lu", i ? "," : "", st->step);
		json_kv(fp, "level", st->level, false);
		json_kv(fp, "answer", st->answer, false);
		json_kv(fp, "at", *st->at ? st->at : NULL, false);
		json_kv(fp, "note", st->note, false);
		if (f)
			json_kb(rp, "action", kb_action(kb, f, false),
			    kb_action(kb, f, true));
		putc('}', fp);
	}
	putc(']', fp);
	if (!strcmp(r->outcome, "escalated")) {
		const char *items[4];
		size_t n = attachments(rp, items);
		fputs(",\"to_attach\":[", fp);
		for (size_t i = 0; i < n; i++) {
			if (i)
				putc(',', fp);
			json_str(fp, items[i]);
		}
		putc(']', fp);
	}
	fputs("}\n", fp);
}

/* CSV: one row per step, the session's columns repeated. */
static void
write_csv(struct report *rp)
{
	const struct record *r = &rp->r->r;
	const struct kb_error *e = rp->w->error;
	const struct kb *kb = rp->w->kb;
	size_t rows = rp->r->nsteps ? rp->r->nsteps : 1;
	char *err = e ? kbtext(rp, e->error_en, e->error_zh) : NULL;
	char *cause = e ? kbtext(rp, kb_cause(kb, e, false),
	    kb_cause(kb, e, true)) : NULL;
	char *hq = e ? kbtext(rp, e->notes->escalate_en,
	    e->notes->escalate_zh) : NULL;
	struct buf b;

	buf_init(&b);
	buf_adds(&b, "id,started,finished,engineer,host,model,serial,platform,"
	    "tool_version,query,error_id,error,cause,outcome,fixed_at_step,"
	    "hq_needs,step,level,answer,at,note,action\n");
	for (size_t i = 0; i < rows; i++) {
		const struct rstep *st = rp->r->nsteps ? &rp->r->steps[i] :
		    NULL;
		const struct fix *f = st ? fix_of(rp, st->step) : NULL;
		char num[24] = "";
		char *act = f ? kbtext(rp, kb_action(kb, f, false),
		    kb_action(kb, f, true)) : NULL;
		if (st)
			snprintf(num, sizeof num, "%lu", st->step);
		csv_field(&b, r->id, true);
		csv_field(&b, r->started, false);
		csv_field(&b, r->finished, false);
		csv_field(&b, r->engineer, false);
		csv_field(&b, r->host, false);
		csv_field(&b, r->model, false);
		csv_field(&b, r->serial, false);
		csv_field(&b, r->platform, false);
		csv_field(&b, r->tool_version, false);
		csv_field(&b, r->query, false);
		csv_field(&b, r->error_id, false);
		csv_field(&b, err, false);
		csv_field(&b, cause, false);
		csv_field(&b, r->outcome, false);
		csv_field(&b, r->fixed_at_step, false);
		csv_field(&b, hq, false);
		csv_field(&b, num, false);
		csv_field(&b, st ? st->level : "", false);
		csv_field(&b, st ? st->answer : "", false);
		csv_field(&b, st ? st->at : "", false);
		csv_field(&b, st ? st->note : "", false);
		csv_field(&b, act, false);
		buf_addc(&b, '\n');
		free(act);
	}
	fputs(b.s, rp->fp);
	buf_free(&b);
	free(err);
	free(cause);
	free(hq);
}

/* Writes data to path atomically: a temporary file beside it, fsync'd,
 * then linked in (refusing an existing file) or, with force, renamed
 * over it.  A symbolic link at path is never followed nor replaced. */
static bool
write_file(const char *path, const char *data, size_t n, bool force)
{
	struct stat st;
	char *tmp;

	if (lstat(path, &st) == 0) {
		if (S_ISLNK(st.st_mode)) {
			fprintf(stderr, _("flashfix: %s is a symbolic link; "
			    "the report is not written through it. Give "
			    "another --output.\n"), path);
			return false;
		}
		if (!force) {
			fprintf(stderr, _("flashfix: %s exists; add --force to "
			    "replace it.\n"), path);
			return false;
		}
		if (!S_ISREG(st.st_mode)) {
			fprintf(stderr, _("flashfix: %s is not a regular "
			    "file.\n"), path);
			return false;
		}
	}
	tmp = xasprintf("%s.tmp.%ld", path, (long)getpid());
	if (!write_synced(tmp, O_EXCL, 0644, data, n)) {
		fprintf(stderr, _("flashfix: cannot write %s: %s\n"), tmp,
		    strerror(errno));
		if (errno != EEXIST)
			unlink(tmp);
		free(tmp);
		return false;
	}
	if (force ? rename(tmp, path) != 0 : link(tmp, path) != 0) {
		fprintf(stderr, errno == EEXIST ? _("flashfix: %s exists; add "
		    "--force to replace it.\n") : _("flashfix: cannot write "
		    "%s\n"), path);
		unlink(tmp);
		free(tmp);
		return false;
	}
	if (!force)
		unlink(tmp);
	free(tmp);
	return true;
}

int
cmd_report(struct options *o)
{
	struct recset set;
	struct diag d;
	struct wizard w;
	struct report rp = { .o = o };
	char *state = journal_state_dir(o->state_dir);
	char *path = journal_records_path(state, o->records);
	const char *fmt = o->format ? o->format : "text";
	struct kb *kb = NULL;
	char *data = NULL;
	size_t len = 0;
	int rc = EXIT_OK;

	recset_init(&set);
	diag_init(&d);
	if ((o->nargs != 1 && !o->last) || (o->nargs > 0 && o->last) ||
	    o->nargs > 1) {
		fprintf(stderr, _("flashfix: report takes one session ID, or "
		    "--last\nTry 'flashfix --help' for more information.\n"));
		rc = EXIT_USAGE;
		goto out;
	}
	if (!recset_load(&set, path, &d)) {
		diag_print(&d, stderr);
		rc = EXIT_FAILED;
		goto out;
	}
	diag_print(&d, stderr);
	rp.r = o->last ? (set.n ? &set.v[set.n - 1] : NULL) :
	    recset_find(&set, o->args[0]);
	if (!rp.r) {
		char *id = text_sanitize(o->last ? "" : o->args[0], false);
		fprintf(stderr, o->last ? _("flashfix: no session is recorded "
		    "in %s\n") : _("flashfix: no session '%2$s' in %1$s\n"),
		    path, id);
		free(id);
		rc = EXIT_NEGATIVE;
		goto out;
	}
	kb = cli_load_kb(o);
	if (!kb) {
		rc = EXIT_FAILED;
		goto out;
	}
	wizard_init(&w, kb);
	rp.w = &w;
	rp.rebuilt = session_replay(&w, rp.r);
	if (!rp.rebuilt) {
		/* The error's text may still be there. */
		wizard_free(&w);
		wizard_init(&w, kb);
		w.error = *rp.r->r.error_id ? kb_find(kb, rp.r->r.error_id) :
		    NULL;
	}
	/* A file is UTF-8 whatever the terminal; so is JSON and CSV. */
	rp.utf8 = o->output || strcmp(fmt, "json") == 0 ||
	    strcmp(fmt, "csv") == 0 || text_terminal_utf8();
	rp.lang = o->output && o->lang_given ? o->lang_asked : o->lang;
	rp.fp = open_memstream(&data, &len);
	if (!rp.fp)
		xnomem();
	if (!strcmp(fmt, "markdown"))
		write_markdown(&rp);
	else if (!strcmp(fmt, "json"))
		write_json(&rp);
	else if (!strcmp(fmt, "csv"))
		write_csv(&rp);
	else
		write_text(&rp);
	if (fclose(rp.fp) != 0)
		xnomem();
	if (o->output) {
		if (!write_file(o->output, data, len, o->force))
			rc = EXIT_FAILED;
	} else if (fwrite(data, 1, len, stdout) != len) {
		rc = EXIT_FAILED;
	}
	wizard_free(&w);
out:
	free(data);
	kb_free(kb);
	recset_free(&set);
	diag_free(&d);
	free(state);
	free(path);
	return rc;
}
