/* records_json.c: a record as others read it: a JSON object, the one
 * schema that history --json and export --format jsonl both write, and
 * the values export derives (times in the extended form, the decisive
 * log line, each step's fix).  Layer: records. */
#include <config.h>

#include "records.h"

#include <stdlib.h>
#include <string.h>

#include "output.h"
#include "util.h"

const char *
records_time_ext(const char *s, char *out)
{
	size_t n = strlen(s);

	/* "2026-11-24T10:42:13+0800": the offset's four digits last. */
	if (n != 24 || (s[19] != '+' && s[19] != '-') ||
	    strspn(s + 20, "0123456789") != 4)
		return s;
	memcpy(out, s, 22);
	out[22] = ':';
	memcpy(out + 23, s + 22, 2);
	out[25] = '\0';
	return out;
}

char *
records_log_line(const char *log)
{
	/* The log column: a heading, then "  N: text" lines around the
	 * decisive "> N: text". */
	for (const char *p = log; p && *p;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		if (n > 2 && p[0] == '>' && p[1] == ' ') {
			const char *c = memchr(p, ':', n);
			if (c && (size_t)(c - p) + 2 <= n &&
			    strspn(p + 2, "0123456789") == (size_t)(c - p - 2))
				return xstrndup(c + 2, n - (size_t)(c - p) - 2);
		}
		p = nl ? nl + 1 : NULL;
	}
	return NULL;
}

const char *
records_fix_error(const struct rec *r, const struct rstep *s)
{
	return s->fix && *r->r.error_id ? r->r.error_id : NULL;
}

/* "key": value, a comma first unless first; an empty text is null when
 * empty_null. */
static void
field(FILE *fp, const char *k, const char *v, bool empty_null, bool first)
{
	fprintf(fp, "%s\"%s\":", first ? "" : ",", k);
	json_str(fp, empty_null && v && !*v ? NULL : v);
}

void
records_json_step(FILE *fp, const struct rec *r, const struct rstep *s,
    bool empty_null)
{
	char t[RECORDS_TIME_MAX];
	const char *fe = records_fix_error(r, s);

	fprintf(fp, "\"step\":%lu", s->step);
	field(fp, "level", s->level, empty_null, false);
	field(fp, "answer", wizard_answer_key(s->answer), empty_null, false);
	field(fp, "at", records_time_ext(s->at, t), true, false);
	field(fp, "note", s->note, empty_null, false);
	/* Which fix: the error's id ("" for the general ladder, which has
	 * no error) and the fix's step number in the base. */
	field(fp, "fix_error", fe, false, false);
	if (s->fix)
		fprintf(fp, ",\"fix_step\":%lu", s->fix);
	else
		fputs(",\"fix_step\":null", fp);
}

void
records_json(FILE *fp, const struct rec *r, bool empty_null)
{
	const struct record *d = &r->r;

	char t1[RECORDS_TIME_MAX], t2[RECORDS_TIME_MAX];
	char *line = records_log_line(d->log);

	putc('{', fp);
	field(fp, "id", d->id, empty_null, true);
	field(fp, "started", records_time_ext(d->started, t1), empty_null,
	    false);
	field(fp, "finished", records_time_ext(d->finished, t2), empty_null,
	    false);
	field(fp, "engineer", d->engineer, empty_null, false);
	field(fp, "host", d->host, empty_null, false);
	field(fp, "model", d->model, empty_null, false);
	field(fp, "serial", d->serial, empty_null, false);
	field(fp, "platform", d->platform, empty_null, false);
	field(fp, "tool_version", d->tool_version, empty_null, false);
	field(fp, "query", d->query, empty_null, false);
	field(fp, "error_id", d->error_id, true, false);
	field(fp, "outcome", wizard_outcome_key(d->outcome), empty_null,
	    false);
	fputs(",\"fixed_at_step\":", fp);
	json_count(fp, d->fixed_at_step);
	fputs(",\"steps\":[", fp);
	for (size_t i = 0; i < r->nsteps; i++) {
		fputs(i ? ",{" : "{", fp);
		records_json_step(fp, r, &r->steps[i], empty_null);
		putc('}', fp);
	}
	putc(']', fp);
	/* Who answered (empty in records of earlier layouts), and the
	 * log's decisive line. */
	field(fp, "tool", d->tool, true, false);
	field(fp, "family", d->family, true, false);
	field(fp, "kb_digest", d->kb, true, false);
	field(fp, "flashfix_version", d->flashfix, true, false);
	field(fp, "log_line", line, true, false);
	putc('}', fp);
	free(line);
}
