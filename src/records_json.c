/* records_json.c: a record as a JSON object, the one schema that history
 * --json and export --format jsonl both write.  Layer: records. */
#include <config.h>

#include "records.h"

#include "output.h"

/* "key": value, a comma first unless first; an empty text is null when
 * empty_null. */
static void
field(FILE *fp, const char *k, const char *v, bool empty_null, bool first)
{
	fprintf(fp, "%s\"%s\":", first ? "" : ",", k);
	json_str(fp, empty_null && v && !*v ? NULL : v);
}

void
records_json_step(FILE *fp, const struct rstep *s, bool empty_null)
{
	fprintf(fp, "\"step\":%lu", s->step);
	field(fp, "level", s->level, empty_null, false);
	field(fp, "answer", wizard_answer_key(s->answer), empty_null, false);
	field(fp, "at", s->at, true, false);
	field(fp, "note", s->note, empty_null, false);
}

void
records_json(FILE *fp, const struct rec *r, bool empty_null)
{
	const struct record *d = &r->r;

	putc('{', fp);
	field(fp, "id", d->id, empty_null, true);
	field(fp, "started", d->started, empty_null, false);
	field(fp, "finished", d->finished, empty_null, false);
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
		records_json_step(fp, &r->steps[i], empty_null);
		putc('}', fp);
	}
	fputs("]}", fp);
}
