/* unit-scan.c: the unit tests of scan: the decisive line of a small log
 * in memory (the first error of the last run that no success followed,
 * not an earlier error the tool got past), its context, pasted text, a
 * log's path as a terminal gives it, a UTF-16LE log on disk. */
#include "unit.h"

#include "scan.h"

/* The decisive finding of the lines of log (NULL ends them), or NULL. */
static const struct scan_finding *
decisive(struct scan *s, struct match_index *ix, const char *const *log)
{
	long d;

	scan_init(s, ix, 0);
	for (unsigned long i = 0; log[i]; i++)
		scan_line(s, "t.log", i + 1, log[i], strlen(log[i]));
	scan_end_file(s);
	d = scan_decisive(s);
	return d >= 0 ? &s->f[d] : NULL;
}

void
test_scan(const char *datadir)
{
	struct diag d;
	struct kb *kb;
	struct match_index *ix;
	struct scan s;
	const struct scan_finding *f;
	const struct kb_error *err;
	char *ev = NULL, *why = NULL, *p;

	diag_init(&d);
	kb = kb_load(datadir, &d);
	diag_free(&d);
	ok(kb != NULL, "scan: the shipped base loads");
	if (!kb)
		return;
	ix = match_index_new(kb);
	{
		const char *const log[] = {
			"12:00:01 Sahara communication failed",
			"12:00:03 Download succeeded",
			"Port - Device detected :)",
			"BROM ERROR : S_FT_ENABLE_DRAM_FAIL (4032)",
			"Download failed",
			"Disconnect",
			NULL,
		};
		f = decisive(&s, ix, log);
		ok(f && f->line == 4 && strcmp(f->res.err->id,
		    "mtk-dram-enable") == 0,
		    "the decisive line: the error after the last success (%s "
		    "at line %lu)", f ? f->res.err->id : "none",
		    f ? f->line : 0);
		ok(f && f->nbefore == 2 && f->before[1].line == 3 &&
		    strcmp(f->before[1].text, "Port - Device detected :)") == 0,
		    "with the two lines before it");
		ok(f && f->nafter >= 1 && f->after[0].line == 5,
		    "and the line after it");
		ok(s.n >= 2, "the earlier error is a finding too (%zu)", s.n);
		scan_free(&s);
	}
	{
		/* No success between: the first of the run decides. */
		const char *const log[] = {
			"Sahara communication failed",
			"BROM ERROR : S_FT_ENABLE_DRAM_FAIL (4032)",
			NULL,
		};
		f = decisive(&s, ix, log);
		ok(f && f->line == 1 && strcmp(f->res.err->id, "sahara") == 0,
		    "no success between: the first error of the run (%s)",
		    f ? f->res.err->id : "none");
		scan_free(&s);
	}
	{
		const char *const log[] = { "Download succeeded",
			"all done, 100%", NULL };
		ok(decisive(&s, ix, log) == NULL && s.n == 0,
		    "a log of success lines: no finding");
		scan_free(&s);
	}
	{
		const char paste[] = "Port - Device detected :)\n"
		    "BROM ERROR : S_FT_ENABLE_DRAM_FAIL (4032)\n"
		    "Download failed\n";
		err = NULL;
		ok(scan_log_text(ix, 0, paste, sizeof paste - 1, &err, &ev) &&
		    err && strcmp(err->id, "mtk-dram-enable") == 0,
		    "pasted text: its decisive error");
		ok(ev && strstr(ev, "BROM ERROR : S_FT_ENABLE_DRAM_FAIL"),
		    "with the decisive line as evidence");
		free(ev);
		ev = NULL;
	}
	{
		/* A log dropped on a terminal: quoted, or as a file://
		 * URL. */
		static const char u16[] = "\xff\xfe" "S\0a\0h\0a\0r\0a\0 \0"
		    "c\0o\0m\0m\0u\0n\0i\0c\0a\0t\0i\0o\0n\0 \0f\0a\0i\0l\0"
		    "e\0d\0\r\0\n\0";
		char *want, *q;
		write_file("QFIL log.txt", u16, sizeof u16 - 1);
		want = xasprintf("%s/QFIL log.txt", tmpdir);
		q = xasprintf("'%s'", want);
		p = scan_log_path(q);
		is_str(p, want, "a quoted path names the file");
		free(p);
		free(q);
		write_file("qfil.log", "x\n", 2);
		q = xasprintf("file://%s/qfil.log", tmpdir);
		p = scan_log_path(q);
		ok(p && strcmp(p, q + 7) == 0, "a file:// URL names its file");
		free(p);
		free(q);
		q = xasprintf("%s/no such.log", tmpdir);
		p = scan_log_path(q);
		ok(p == NULL, "a path to nothing names no file");
		free(p);
		free(q);
		err = NULL;
		ok(scan_log_file(ix, 0, want, &err, &ev, &why) && err &&
		    strcmp(err->id, "sahara") == 0,
		    "a UTF-16LE log on disk: its error (%s)",
		    why ? why : "found");
		ok(ev && strstr(ev, "QFIL log.txt") &&
		    strstr(ev, "Sahara communication failed"),
		    "the evidence names the log and its line");
		free(ev);
		free(why);
		free(want);
	}
	match_index_free(ix);
	kb_free(kb);
}
