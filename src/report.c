/* report.c: one recorded session as a report for HQ: text (72 columns),
 * Markdown, JSON or CSV, and its file, written atomically.  `flashfix
 * report` and the wizard's outcome both come here.
 * Layer: report (above sessions, records and words). */
#include <config.h>

#include "report.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "files.h"
#include "i18n.h"
#include "output.h"
#include "session.h"
#include "text.h"
#include "util.h"
#include "words.h"

#define REPORT_WIDTH 72

struct report {
	const struct rec *r;
	struct wizard *w;       /* the session rebuilt; w->error may be NULL */
	bool rebuilt;           /* the knowledge base fits the record */
	enum lang lang;
	bool utf8;
	FILE *fp;
};

/* Knowledge-base text in the report's language; both: "en
zh". */
static char *
kbtext(const struct report *rp, const char *en, const char *zh)
{
	return words_kb(rp->lang, en, zh);
}

/* The fix of step n (1-based) of the rebuilt plan, or NULL. */
static const struct fix *
fix_of(const struct report *rp, unsigned long n)
{
	if (!rp->rebuilt || n == 0 || n > rp->w->nsteps)
		return NULL;
	return rp->w->steps[n - 1].fix;
}

/* The platform as recorded: MTK, Qualcomm, not known, or what the file
 * says when it says something else. */
static const char *
platform_label(const char *key)
{
	unsigned p = kb_platform_parse(key, strlen(key));

	return p || !*key ? words_platform(p) : key;
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

	put(rp, _("Outcome:"), words_outcome(r->outcome));
	if (*r->fixed_at_step)
		put(rp, _("Fixed at step:"), r->fixed_at_step);
	put(rp, _("Engineer:"), r->engineer);
	put(rp, _("Host:"), r->host);
	put(rp, _("Started:"), r->started);
	put(rp, _("Finished:"), r->finished);
	put(rp, _("Phone model:"), r->model);
	put(rp, _("Serial/IMEI:"), r->serial);
	put(rp, _("Platform:"), platform_label(r->platform));
	put(rp, _("Flash tool:"), r->tool);
	put(rp, _("Tool version:"), *r->tool_version ? r->tool_version :
	    _("not known"));
	put(rp, _("Error typed:"), r->query);
	/* Which flashfix and which knowledge base answered: HQ tells the
	 * bases apart by their digest (flashfix --version names it). */
	put(rp, _("flashfix version:"), r->flashfix);
	put(rp, _("Knowledge base digest:"), r->kb);
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
		text_line(rp, _("Family:"), kb_family_label(e->family));
		s = words_source(e->source);
		text_line(rp, _("Source:"), s);
		free(s);
	} else {
		text_line(rp, _("Recognised:"), *r->error_id ? r->error_id :
		    _("not in the knowledge base (the general steps)"));
	}
	if (*r->log) {
		/* The log's lines as they were, one a line, escaped. */
		char *l = text_escape(r->log, strlen(r->log), TEXT_KEEP_NL |
		    (rp->utf8 ? 0 : TEXT_ASCII));
		fputc('\n', rp->fp);
		output_wrapped(rp->fp, 0, "", _("From the log:"), REPORT_WIDTH,
		    !rp->utf8);
		fprintf(rp->fp, "%s\n", l);
		free(l);
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
		char *head = xasprintf("%s%s%s%s%s",
		    kb_level_label_of(st->level), words_sep(),
		    words_answer(st->answer), *st->at ? words_sep() : "",
		    st->at);
		output_wrapped(rp->fp, 0, label, head, REPORT_WIDTH, !rp->utf8);
		if (f) {
			s = kbtext(rp, kb_action(kb, f, false),
			    kb_action(kb, f, true));
			output_wrapped(rp->fp, 0, "      ", s, REPORT_WIDTH,
			    !rp->utf8);
			free(s);
			s = words_source(f->source);
			output_wrapped(rp->fp, 0, _("      Source: "),
			    s, REPORT_WIDTH, !rp->utf8);
			free(s);
		}
		if (st->note)
			output_wrapped(rp->fp, 0, _("      Note: "), st->note,
			    REPORT_WIDTH, !rp->utf8);
		free(label);
		free(head);
	}
	if (r->outcome == OUT_ESCALATED) {
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
		fprintf(rp->fp, "\n\n**%s** ", _("Family:"));
		md(rp, kb_family_label(e->family));
		fprintf(rp->fp, "\n\n**%s** ", _("Source:"));
		md(rp, e->source);
		fputc('\n', rp->fp);
	} else {
		md(rp, _("not in the knowledge base (the general steps)"));
		fputc('\n', rp->fp);
	}
	if (*r->log) {
		char *l = text_escape(r->log, strlen(r->log), TEXT_KEEP_NL);
		/* An indented block: nothing in it is Markdown. */
		fprintf(rp->fp, "\n## %s\n\n    ", _("From the log:"));
		for (const char *c = l; *c; c++)
			if (*c == '\n')
				fputs("\n    ", rp->fp);
			else
				fputc(*c, rp->fp);
		fputc('\n', rp->fp);
		free(l);
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
		md(rp, words_answer(st->answer));
		fputs("** (", rp->fp);
		md(rp, kb_level_label_of(st->level));
		if (*st->at) {
			fputs(", ", rp->fp);
			md(rp, st->at);
		}
		fputs(")", rp->fp);
		if (f) {
			fputs(": ", rp->fp);
			md_kb(rp, kb_action(kb, f, false),
			    kb_action(kb, f, true));
			fprintf(rp->fp, "<br>*%s* ", _("Source:"));
			md(rp, f->source);
		}
		if (st->note) {
			fprintf(rp->fp, "<br>*%s* ", _("Note:"));
			md(rp, st->note);
		}
		fputc('\n', rp->fp);
	}
	if (r->outcome == OUT_ESCALATED) {
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
	json_kv(fp, "outcome", wizard_outcome_key(r->outcome), false);
	fputs(",\"fixed_at_step\":", fp);
	json_count(fp, r->fixed_at_step);
	json_kv(fp, "engineer", r->engineer, false);
	json_kv(fp, "host", r->host, false);
	json_kv(fp, "started", r->started, false);
	json_kv(fp, "finished", r->finished, false);
	json_kv(fp, "model", r->model, false);
	json_kv(fp, "serial", r->serial, false);
	json_kv(fp, "platform", r->platform, false);
	json_kv(fp, "tool", *r->tool ? r->tool : NULL, false);
	json_kv(fp, "tool_version", r->tool_version, false);
	json_kv(fp, "query", r->query, false);
	json_kv(fp, "error_id", *r->error_id ? r->error_id : NULL, false);
	json_kv(fp, "flashfix_version", *r->flashfix ? r->flashfix : NULL,
	    false);
	json_kv(fp, "kb_digest", *r->kb ? r->kb : NULL, false);
	if (e) {
		json_kb(rp, "error", e->error_en, e->error_zh);
		json_kb(rp, "cause", kb_cause(kb, e, false),
		    kb_cause(kb, e, true));
		json_kb(rp, "hq_needs", e->notes->escalate_en,
		    e->notes->escalate_zh);
		json_kv(fp, "family", kb_family_key(e->family), false);
		json_kv(fp, "source", e->source, false);
	}
	json_kv(fp, "log", *r->log ? r->log : NULL, false);
	fputs(",\"steps\":[", fp);
	for (size_t i = 0; i < rp->r->nsteps; i++) {
		const struct rstep *st = &rp->r->steps[i];
		const struct fix *f = fix_of(rp, st->step);
		fprintf(fp, "%s{\"step\":%lu", i ? "," : "", st->step);
		json_kv(fp, "level", st->level, false);
		json_kv(fp, "answer", wizard_answer_key(st->answer), false);
		json_kv(fp, "at", *st->at ? st->at : NULL, false);
		json_kv(fp, "note", st->note, false);
		if (f) {
			json_kb(rp, "action", kb_action(kb, f, false),
			    kb_action(kb, f, true));
			json_kv(fp, "source", f->source, false);
		}
		putc('}', fp);
	}
	putc(']', fp);
	if (r->outcome == OUT_ESCALATED) {
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
	    "hq_needs,step,level,answer,at,note,action,family,source,"
	    "step_source,log,tool,flashfix_version,kb_digest\n");
	for (size_t i = 0; i < rows; i++) {
		const struct rstep *st = rp->r->nsteps ? &rp->r->steps[i] :
		    NULL;
		const struct fix *f = st ? fix_of(rp, st->step) : NULL;
		char num[24] = "";
		char *act = f ? kbtext(rp, kb_action(kb, f, false),
		    kb_action(kb, f, true)) : NULL;
		if (st)
			snprintf(num, sizeof num, "%lu", st->step);
		csv_cell(&b, r->id, true);
		csv_cell(&b, r->started, false);
		csv_cell(&b, r->finished, false);
		csv_cell(&b, r->engineer, false);
		csv_cell(&b, r->host, false);
		csv_cell(&b, r->model, false);
		csv_cell(&b, r->serial, false);
		csv_cell(&b, r->platform, false);
		csv_cell(&b, r->tool_version, false);
		csv_cell(&b, r->query, false);
		csv_cell(&b, r->error_id, false);
		csv_cell(&b, err, false);
		csv_cell(&b, cause, false);
		csv_cell(&b, wizard_outcome_key(r->outcome), false);
		csv_cell(&b, r->fixed_at_step, false);
		csv_cell(&b, hq, false);
		csv_cell(&b, num, false);
		csv_cell(&b, st ? st->level : "", false);
		csv_cell(&b, st ? wizard_answer_key(st->answer) : "", false);
		csv_cell(&b, st ? st->at : "", false);
		csv_cell(&b, st ? st->note : "", false);
		csv_cell(&b, act, false);
		csv_cell(&b, e ? kb_family_key(e->family) : "", false);
		csv_cell(&b, e ? e->source : "", false);
		csv_cell(&b, f ? f->source : "", false);
		csv_cell(&b, r->log, false);
		csv_cell(&b, r->tool, false);
		csv_cell(&b, r->flashfix, false);
		csv_cell(&b, r->kb, false);
		buf_addc(&b, '\n');
		free(act);
	}
	fputs(b.s, rp->fp);
	buf_free(&b);
	free(err);
	free(cause);
	free(hq);
}

bool
report_format_parse(const char *s, enum report_format *f)
{
	static const char *const names[] = { "text", "markdown", "json",
		"csv" };

	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (strcmp(s, names[i]) == 0) {
			*f = (enum report_format)i;
			return true;
		}
	return false;
}

char *
report_make(const struct kb *kb, const struct rec *r, enum report_format f,
    enum lang lang, bool utf8, size_t *len)
{
	struct wizard w;
	struct report rp = { .r = r, .w = &w, .lang = lang, .utf8 = utf8 };
	char *data = NULL;

	wizard_init(&w, kb);
	rp.rebuilt = session_replay(&w, r);
	if (!rp.rebuilt) {
		/* The error's text may still be there. */
		wizard_free(&w);
		wizard_init(&w, kb);
		w.error = *r->r.error_id ? kb_find(kb, r->r.error_id) : NULL;
	}
	rp.fp = open_memstream(&data, len);
	if (!rp.fp)
		xnomem();
	switch (f) {
	case REPORT_MARKDOWN:
		write_markdown(&rp);
		break;
	case REPORT_JSON:
		write_json(&rp);
		break;
	case REPORT_CSV:
		write_csv(&rp);
		break;
	default:
		write_text(&rp);
		break;
	}
	if (fclose(rp.fp) != 0)
		xnomem();
	wizard_free(&w);
	return data;
}

/* A report holds serials and IMEIs: its owner's only (0600), unless its
 * directory is a shop's shared one (setgid: its group's too, as the umask
 * allows). */
static int
report_mode(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? xstrndup(path, slash == path ? 1 :
	    (size_t)(slash - path)) : xstrdup(".");
	struct stat st;
	int mode = stat(dir, &st) == 0 && (st.st_mode & S_ISGID) ? 0660 :
	    0600;

	free(dir);
	return mode;
}

bool
report_save(const char *path, const char *data, size_t n, bool force,
    char **err)
{
	struct files_part part = { data, n };
	struct stat st;

	*err = NULL;
	if (lstat(path, &st) == 0) {
		if (S_ISLNK(st.st_mode)) {
			*err = xasprintf(_("%s is a symbolic link; the report "
			    "is not written through it. Give another "
			    "--output."), path);
			return false;
		}
		if (!force) {
			*err = xasprintf(_("%s exists; add --force to replace "
			    "it."), path);
			return false;
		}
		if (!S_ISREG(st.st_mode)) {
			*err = xasprintf(_("%s is not a regular file."), path);
			return false;
		}
	}
	if (files_write_atomic(path, &part, 1, report_mode(path), force ?
	    FILES_REPLACE : FILES_KEEP))
		return true;
	*err = errno == EEXIST ? xasprintf(_("%s exists; add --force to "
	    "replace it."), path) : xasprintf(_("cannot write %s: %s"), path,
	    strerror(errno));
	return false;
}
