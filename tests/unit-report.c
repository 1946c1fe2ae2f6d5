/* unit-report.c: the unit tests of the report for HQ: each of its four
 * formats made of a session, control characters in what was typed
 * escaped, the same report from the session as just recorded (in
 * memory) as from the records file read back; written atomically, never
 * over a file unless forced, never through a symbolic link. */
#include "unit.h"

#include "records.h"
#include "report.h"

/* The first control character of s (n bytes) but a line end, or -1. */
static int
raw_control(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c < 0x20 && c != '\n') || c == 0x7f)
			return c;
	}
	return -1;
}

void
test_report(const char *datadir)
{
	static const char *const names[] = { "text", "markdown", "json",
		"csv" };
	struct diag d;
	struct kb *kb;
	struct wizard w;
	struct recset mem, file;
	char *records = xasprintf("%s/report-records.csv", tmpdir);
	char *err = NULL;

	diag_init(&d);
	kb = kb_load(datadir, &d);
	diag_free(&d);
	ok(kb != NULL, "report: the shipped base loads");
	if (!kb) {
		free(records);
		return;
	}
	wizard_init(&w, kb);
	wizard_details(&w, "ana\x1b]0;pwned\a", "CPH2023", "SN 7");
	wizard_set_platform(&w, PLAT_QCOM);
	wizard_set_version(&w, "2.0.11");
	wizard_choose(&w, kb_find(kb, "sahara"), "Sahara \x1b[2J failed");
	wizard_answer(&w, ANS_NOT_FIXED, "cable \x1b[31m swapped\r\x7f");
	while (wizard_step(&w))
		wizard_answer(&w, ANS_NOT_FIXED, NULL);
	if (!w.finished)
		w.finished = time(NULL);
	ok(w.outcome == OUT_ESCALATED, "report: an escalated session");

	recset_init(&mem);
	recset_init(&file);
	ok(records_of_session(&w, "bench-1", &mem) && mem.n == 1,
	    "the session as one record, in memory");
	if (mem.n == 1) {
		const struct rec *r = &mem.v[0];
		ok(strcmp(r->r.id, w.id) == 0 && r->r.outcome ==
		    OUT_ESCALATED && r->nsteps == w.nsteps &&
		    strcmp(r->r.error_id, "sahara") == 0 &&
		    strcmp(r->r.host, "bench-1") == 0,
		    "its id, outcome, error, host and steps");
		ok(r->nsteps && r->steps[0].note &&
		    strstr(r->steps[0].note, "swapped") &&
		    r->steps[0].answer == ANS_NOT_FIXED,
		    "its first step's answer and note");
	}
	diag_init(&d);
	ok(records_append(records, &w, "bench-1", NULL, &err) == RECORDS_WRITTEN &&
	    records_find(records, &d, w.id, &file) && file.n == 1,
	    "recorded, and read back from the file (%s)",
	    err ? err : "no error");
	free(err);
	err = NULL;
	diag_free(&d);
	{
		/* Once there, not written again: said apart from a record
		 * written, with the outcome found. */
		enum wiz_outcome was = OUT_NONE;
		struct recset again;
		size_t times = 0;
		recset_init(&again);
		diag_init(&d);
		enum records_put put = records_append(records, &w, "bench-2",
		    &was, &err);
		recset_load(&again, records, &d);
		for (size_t i = 0; i < again.n; i++)
			times += strcmp(again.v[i].r.id, w.id) == 0;
		ok(put == RECORDS_THERE && was == OUT_ESCALATED && times == 1,
		    "appended again: already there, as escalated, still once "
		    "(%zu)", times);
		free(err);
		err = NULL;
		diag_free(&d);
		recset_free(&again);
	}

	for (int f = REPORT_TEXT; f <= REPORT_CSV && mem.n && file.n; f++) {
		size_t la = 0, lb = 0;
		char *a = report_make(kb, &mem.v[0], (enum report_format)f,
		    LANG_EN, true, &la);
		char *b = report_make(kb, &file.v[0], (enum report_format)f,
		    LANG_EN, true, &lb);
		int c = a ? raw_control(a, la) : 0;
		ok(a && b && la == lb && memcmp(a, b, la) == 0, "%s: the report from "
		    "the record in memory is the report from the file",
		    names[f]);
		ok(a && la > 0 && memmem(a, la, w.id, strlen(w.id)) &&
		    memmem(a, la, "swapped", 7) && memmem(a, la, "CPH2023", 7),
		    "%s: the session's id, note and phone", names[f]);
		ok(c < 0, "%s: no control character raw (%d)", names[f], c);
		free(a);
		free(b);
	}
	{
		enum report_format f;
		ok(report_format_parse("markdown", &f) && f == REPORT_MARKDOWN &&
		    !report_format_parse("pdf", &f), "the format names");
	}
	{
		char *path = xasprintf("%s/report.txt", tmpdir);
		char *link = xasprintf("%s/report-link.txt", tmpdir);
		ok(report_save(path, "one\n", 4, false, &err),
		    "a report written");
		free(err);
		err = NULL;
		ok(!report_save(path, "two\n", 4, false, &err) && err &&
		    strstr(err, "--force"), "not over it unless forced");
		free(err);
		err = NULL;
		ok(report_save(path, "two\n", 4, true, &err), "forced: replaced");
		free(err);
		err = NULL;
		ok(symlink(path, link) == 0 &&
		    !report_save(link, "x\n", 2, true, &err) && err &&
		    strstr(err, "symbolic link"),
		    "never through a symbolic link, even forced");
		free(err);
		err = NULL;
		{
			char got[8] = "";
			FILE *fp = fopen(path, "r");
			if (fp) {
				if (!fgets(got, sizeof got, fp))
					got[0] = '\0';
				fclose(fp);
			}
			is_str(got, "two\n", "the file behind the link is as "
			    "it was");
		}
		free(path);
		free(link);
	}
	recset_free(&mem);
	recset_free(&file);
	wizard_free(&w);
	kb_free(kb);
	free(records);
}
