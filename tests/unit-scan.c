/* unit-scan.c: the unit tests of scan: the decisive line of a small log
 * in memory (the first error of the last run that no success followed,
 * not an earlier error the tool got past), its context, pasted text, a
 * log's path as a terminal gives it, a UTF-16LE log on disk. */
#include "unit.h"

#include "logread.h"
#include "scan.h"

#include <sys/wait.h>

/* Scans fd as flashfix scan does, the lines borrowed from logread's
 * buffers (scan_borrow), into *s; the decisive finding, or NULL. */
static const struct scan_finding *
decisive_fd(struct scan *s, struct match_index *ix, int fd)
{
	struct logread r;
	long d;

	scan_init(s, ix, 0);
	logread_init(&r, fd);
	scan_borrow(s, &r.gen);
	while (logread_next(&r) > 0)
		scan_line(s, "t.log", r.lineno, r.cur, r.curlen);
	if (logread_flush(&r) == 1)
		scan_line(s, "t.log", r.lineno, r.cur, r.curlen);
	scan_end_file(s);
	scan_borrow(s, NULL);
	logread_free(&r);
	d = scan_decisive(s);
	if (d >= 0)
		scan_settle(&s->f[d]);
	return d >= 0 ? &s->f[d] : NULL;
}

/* A log of filler lines, then the two lines of context and the error, the
 * context starting at byte at (about), into a buffer; its length. */
static char *
boundary_log(size_t at, size_t *len)
{
	struct buf b;
	static const char filler[] = "Port - reading a line of filler text\n",
	    end[] = "Port - context one\nPort - context two\n"
	    "BROM ERROR : S_FT_ENABLE_DRAM_FAIL (4032)\n";

	buf_init(&b);
	while (b.len + sizeof filler - 1 <= at)
		buf_add(&b, filler, sizeof filler - 1);
	while (b.len < at)
		buf_add(&b, "x\n", 2);
	buf_add(&b, end, sizeof end - 1);
	*len = b.len;
	return b.s;
}

/* Whether f has the log's two lines of context before it. */
static bool
has_context(const struct scan_finding *f)
{
	return f && strcmp(f->res.err->id, "mtk-dram-enable") == 0 &&
	    f->nbefore == 2 && strcmp(f->before[0].text,
	    "Port - context one") == 0 && strcmp(f->before[1].text,
	    "Port - context two") == 0;
}

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
	{
		/* The lines before a finding, kept where logread read them,
		 * across the place where it changes buffers (256 KiB into a
		 * file): at each of 40 places around it. */
		size_t bad = 0, len;
		for (size_t k = 0; k < 40; k++) {
			size_t at = 262144 - 120 + k * 6;
			char *log = boundary_log(at, &len);
			char *path = xasprintf("%s/edge.log", tmpdir);
			int fd;
			write_file("edge.log", log, len);
			fd = open(path, O_RDONLY);
			f = fd >= 0 ? decisive_fd(&s, ix, fd) : NULL;
			if (!has_context(f)) {
				bad++;
				printf("#   context at %zu: %s / %s\n", at,
				    f && f->nbefore > 0 ? f->before[0].text :
				    "-", f && f->nbefore > 1 ?
				    f->before[1].text : "-");
			}
			if (fd >= 0)
				close(fd);
			scan_free(&s);
			free(path);
			free(log);
		}
		is_num(bad, 0, "the context before a finding, across logread's "
		    "change of buffers, at 40 places");
	}
	{
		/* An unknown line of mtkclient's, after a line of a module
		 * with one stage: that stage's family. */
		const char *const log[] = {
			"> Exploitation - Crashing da...",
			"> DeviceClass",
			"> DeviceClass - [LIB]: Device disconnected",
			NULL,
		};
		const char *const other[] = {
			"Exploitation - Crashing da...",
			"the thing went badly wrong",
			NULL,
		};
		f = decisive(&s, ix, log);
		ok(f && f->line == 3 && f->res.err->family == FAM_MTK_BROM &&
		    f->res.level == MATCH_FAMILY,
		    "mtkclient's unknown error after Exploitation's step: the "
		    "BROM family (%s)", f ? f->res.err->id : "none");
		scan_free(&s);
		f = decisive(&s, ix, other);
		ok(f == NULL && s.lines == 2, "a line not framed as mtkclient's "
		    "after it: nothing (%s)", f ? f->res.err->id : "none");
		scan_free(&s);
	}
	{
		/* The same text of Chinese after another stamp: glanced at
		 * once; an error among such lines still found, and counted
		 * twice; lines of ASCII, cheap to glance at, not looked up. */
		const char *const log[] = {
			"12:00:01 正在读取分区表",
			"12:00:02 正在读取分区表",
			"12:00:03 正在读取分区表",
			"12:00:04 Port - reading the partition list",
			"12:00:05 EMI：启用 DRAM 失败。",
			"12:00:06 EMI：启用 DRAM 失败。",
			NULL,
		};
		f = decisive(&s, ix, log);
		ok(s.glance.misses == 2 && s.glance.hits == 3,
		    "a line of Chinese repeated after its stamp is glanced at "
		    "once, one of ASCII not looked up (%lu glances, %lu kept)",
		    s.glance.misses, s.glance.hits);
		ok(f && f->line == 5 && f->count == 2 &&
		    f->res.err->family == FAM_MTK_DRAM,
		    "and the error among them is found, counted twice (%s, "
		    "%lu)", f ? f->res.err->id : "none", f ? f->count : 0);
		scan_free(&s);
	}
	{
		/* Lines all different: after a round that finds few kept,
		 * glanced at without the cache; an error among them found. */
		char line[64];
		scan_init(&s, ix, 0);
		for (unsigned long i = 1; i <= 3000; i++) {
			int k = snprintf(line, sizeof line, i == 2500 ?
			    "BROM ERROR : S_FT_ENABLE_DRAM_FAIL (4032)" :
			    "已写入 %lu 个扇区", i * 7);
			scan_line(&s, "t.log", i, line, (size_t)k);
		}
		scan_end_file(&s);
		ok(s.glance.hits + s.glance.misses == SCAN_GLANCE_ROUND &&
		    s.glance.skip > 0, "lines all different: looked up for a "
		    "round, then glanced at as they are (%lu looked up)",
		    s.glance.hits + s.glance.misses);
		ok(s.n == 1 && s.f[0].line == 2500,
		    "and the error among them is found (%zu findings)", s.n);
		scan_free(&s);
	}
	{
		/* scan's half of the bargain, step by step: a line given at
		 * gen 0 is copied when gen is 1, before its bytes go at 2. */
		char a[64], b[64];
		unsigned long gen = 0;
		scan_init(&s, ix, 0);
		scan_borrow(&s, &gen);
		strcpy(a, "Port - context one");
		scan_line(&s, "t.log", 1, a, strlen(a));
		gen = 1;
		strcpy(b, "Port - context two");
		scan_line(&s, "t.log", 2, b, strlen(b));
		gen = 2;
		memset(a, 'z', sizeof a - 1);
		a[sizeof a - 1] = '\0';
		strcpy(a, "BROM ERROR : S_FT_ENABLE_DRAM_FAIL (4032)");
		scan_line(&s, "t.log", 3, a, strlen(a));
		scan_end_file(&s);
		scan_borrow(&s, NULL);
		f = s.n ? &s.f[0] : NULL;
		if (f)
			scan_settle(&s.f[0]);
		ok(has_context(f), "a borrowed line is copied before its "
		    "buffer is used again (%s)", f && f->nbefore ?
		    f->before[0].text : "no context");
		scan_free(&s);
	}
	{
		/* A line of 1 MiB between: its dropped rest read past, the
		 * line before it and its kept start still the context. */
		struct buf b;
		char *path = xasprintf("%s/long.log", tmpdir);
		int fd;
		buf_init(&b);
		buf_adds(&b, "Port - context one\n");
		for (size_t i = 0; i < 1048576; i++)
			buf_addc(&b, (char)('a' + i % 26));
		buf_adds(&b, "\nBROM ERROR : S_FT_ENABLE_DRAM_FAIL (4032)\n");
		write_file("long.log", b.s, b.len);
		fd = open(path, O_RDONLY);
		f = fd >= 0 ? decisive_fd(&s, ix, fd) : NULL;
		ok(f && f->line == 3 && f->nbefore == 2 &&
		    strcmp(f->before[0].text, "Port - context one") == 0 &&
		    strncmp(f->before[1].text, "abcdefghij", 10) == 0,
		    "a line of 1 MiB before a finding: the context still the "
		    "lines before it (%s)", f && f->nbefore ?
		    f->before[0].text : "no context");
		if (fd >= 0)
			close(fd);
		scan_free(&s);
		free(path);
		buf_free(&b);
	}
	{
		/* The same from a pipe that gives a few bytes at a time: a
		 * change of buffers after nearly every line. */
		size_t len;
		char *log = boundary_log(5000, &len);
		int p[2];
		pid_t pid;
		if (pipe(p) == 0 && (pid = fork()) >= 0) {
			if (pid == 0) {
				close(p[0]);
				for (size_t i = 0; i < len; i += 7) {
					size_t m = len - i < 7 ? len - i : 7;
					if (write(p[1], log + i, m) < 0)
						_exit(1);
				}
				_exit(0);
			}
			close(p[1]);
			f = decisive_fd(&s, ix, p[0]);
			ok(has_context(f), "and from a pipe, a few bytes a read "
			    "(%s)", f && f->nbefore ? f->before[0].text :
			    "no context");
			close(p[0]);
			waitpid(pid, NULL, 0);
			scan_free(&s);
		} else {
			ok(0, "a pipe and a writer: %s", strerror(errno));
		}
		free(log);
	}
	match_index_free(ix);
	kb_free(kb);
}
