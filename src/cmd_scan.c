/* cmd_scan.c: flashfix scan [FILE...]: the decisive error in whole logs
 * (standard input without a file, or for "-"), with its place, the lines
 * around it and its entry; the other errors after it.  --follow watches a
 * log that a running tool writes.  Layer: commands. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "entry.h"
#include "env.h"
#include "i18n.h"
#include "logread.h"
#include "output.h"
#include "scan.h"
#include "sig.h"
#include "text.h"
#include "util.h"

/* scan's options, and the look the output is printed with. */
struct scan_opts {
	bool json, follow, exit_on_error;
	unsigned platform;
	struct look look;
};

static const struct cmd_opt scan_opts[] = {
	{ "follow", NULL, opt_flag, offsetof(struct scan_opts, follow),
	    N_("watch the log as a running tool writes it") },
	{ "exit-on-error", NULL, opt_flag,
	    offsetof(struct scan_opts, exit_on_error),
	    N_("with --follow: stop at the first error") },
	{ "json", NULL, opt_flag, offsetof(struct scan_opts, json),
	    N_("print JSON") },
	{ "platform", N_("P"), opt_platform,
	    offsetof(struct scan_opts, platform),
	    N_("only errors seen on P: mtk or qcom") },
	{ NULL, NULL, NULL, 0, NULL },
};

/* How long --follow waits before it looks for more of the log. */
#define FOLLOW_MS 200
/* Progress on a terminal: first after this long (a small log says
 * nothing), then at most this often. */
#define PROGRESS_FIRST_MS 500
#define PROGRESS_EVERY_MS 250

/* How far the scan of one log has come, on standard error when it is a
 * terminal. */
struct progress {
	bool on;
	unsigned long long total;  /* the log's size; 0: not known */
	unsigned long long seen;   /* the bytes read at the last look */
	double start, last;        /* ms */
	size_t shown;              /* the width of what is on the line */
	char *name;                /* the log's name, made safe */
};

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static void
progress_start(struct progress *p, const struct scan_opts *o,
    const char *name, int fd)
{
	struct stat st;

	memset(p, 0, sizeof *p);
	p->on = !o->follow && isatty(STDERR_FILENO);
	if (!p->on)
		return;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
		p->total = (unsigned long long)st.st_size;
	p->start = p->last = now_ms();
	p->name = text_sanitize(name, !o->look.ascii);
}

/* Clears what the progress put on the terminal's line. */
static void
progress_clear(struct progress *p)
{
	if (p->shown) {
		fprintf(stderr, "\r%*s\r", (int)p->shown, "");
		fflush(stderr);
		p->shown = 0;
	}
}

/* Called as bytes are read: says how far it has come, now and then. */
static void
progress_tick(struct progress *p, unsigned long long bytes,
    unsigned long errors)
{
	double t;
	char *what, *line;
	size_t width, len;

	if (!p->on || bytes == p->seen)
		return;
	p->seen = bytes;
	t = now_ms();
	if (t - p->start < PROGRESS_FIRST_MS || t - p->last <
	    PROGRESS_EVERY_MS)
		return;
	p->last = t;
	what = scan_progress(bytes, p->total, errors);
	line = xasprintf(_("flashfix: scanning %s: %s"), p->name, what);
	/* One line of the terminal, never wrapped. */
	width = output_width(stderr);
	len = strlen(line);
	if (width > 1 && len > width - 1) {
		len = width - 1;
		while (len > 0 && ((unsigned char)line[len] & 0xC0) == 0x80)
			len--;
	}
	fprintf(stderr, "\r%.*s", (int)len, line);
	if (p->shown > len)
		fprintf(stderr, "%*s", (int)(p->shown - len), "");
	fflush(stderr);
	p->shown = len > p->shown ? len : p->shown;
	free(line);
	free(what);
}

static void
progress_end(struct progress *p)
{
	progress_clear(p);
	free(p->name);
	p->name = NULL;
}

/* Says that the log name cannot be used, and why. */
static void
refuse(const struct scan_opts *o, const char *name, const char *why)
{
	char *a = text_sanitize(name, !o->look.ascii);

	fprintf(stderr, _("flashfix: cannot read %s: %s\n"), a, why);
	free(a);
}

/* A line of the log with its number, escaped; mark: the decisive one. */
static void
text_line(const struct scan_opts *o, const char *file, unsigned long line,
    const char *text, bool mark)
{
	char *t = text_sanitize(text, !o->look.ascii);
	char *f = text_sanitize(file, !o->look.ascii);

	printf("%s%s:%lu: %s\n", mark ? "> " : "  ", f, line, t);
	free(t);
	free(f);
}

static void
text_finding(const struct scan_opts *o, const struct kb *kb,
    const struct scan_finding *f, size_t width)
{
	for (size_t i = 0; i < f->nbefore; i++)
		text_line(o, f->file, f->before[i].line, f->before[i].text,
		    false);
	text_line(o, f->file, f->line, f->text, true);
	for (size_t i = 0; i < f->nafter; i++)
		text_line(o, f->file, f->after[i].line, f->after[i].text,
		    false);
	putchar('\n');
	if (f->other) {
		char *msg = xasprintf(_("This is an error of another tool "
		    "(%s), outside what flashfix knows: that tool's own "
		    "documentation or its maker's support has the answer. "
		    "If a MediaTek or Qualcomm flash tool printed an error "
		    "too, look that one up instead."), f->other);
		output_wrapped(stdout, 0, "", msg, width, o->look.ascii);
		free(msg);
		return;
	}
	if (f->stopped)
		output_wrapped(stdout, 0, "", _("No error line: the log stops "
		    "at this stage, which hangs when it fails; what to try "
		    "for its family:"), width, o->look.ascii);
	entry_text(&o->look, kb, &f->res, 1, width);
}

static void
json_finding(const struct kb *kb, const struct scan_finding *f,
    bool decisive)
{
	printf("{\"file\":");
	json_str(stdout, f->file);
	printf(",\"line\":%lu,\"text\":", f->line);
	json_str(stdout, f->text);
	printf(",\"decisive\":%s,\"count\":%lu,\"context\":[",
	    decisive ? "true" : "false", f->count);
	for (size_t i = 0; i < f->nbefore + f->nafter; i++) {
		const struct scan_line *l = i < f->nbefore ? &f->before[i] :
		    &f->after[i - f->nbefore];
		printf("%s{\"line\":%lu,\"text\":", i ? "," : "", l->line);
		json_str(stdout, l->text);
		putchar('}');
	}
	printf("],\"stopped\":%s,", f->stopped ? "true" : "false");
	if (f->other) {
		/* Another tool's error: said, with nothing of the base; its
		 * family is "other", as the corpus labels such a log. */
		printf("\"level\":\"other\",\"tool\":");
		json_str(stdout, f->other);
		printf(",\"id\":null,\"family\":\"other\",\"score\":null");
	} else {
		entry_json(kb, &f->res, f->ambiguous);
	}
	putchar('}');
}

/* Everything found, the decisive finding first. */
static void
report(const struct scan_opts *o, const struct kb *kb, struct scan *s)
{
	long d = scan_decisive(s);
	size_t width = output_width(stdout);
	bool first = true;

	for (size_t i = 0; i < s->n; i++)
		scan_settle(&s->f[i]);
	if (o->json) {
		putchar('[');
		if (d >= 0)
			json_finding(kb, &s->f[d], true);
		for (size_t i = 0; i < s->n; i++)
			if ((long)i != d) {
				putchar(',');
				json_finding(kb, &s->f[i], false);
			}
		printf("]\n");
		return;
	}
	if (d < 0)
		return;
	output_wrapped(stdout, 0, "", _("The decisive error:"), width,
	    o->look.ascii);
	text_finding(o, kb, &s->f[d], width);
	for (size_t i = 0; i < s->n; i++) {
		const struct scan_finding *f = &s->f[i];
		char *l;
		if ((long)i == d)
			continue;
		if (first) {
			putchar('\n');
			output_wrapped(stdout, 0, "", _("Other errors in the "
			    "log:"), width, o->look.ascii);
			first = false;
		}
		l = f->other ? xasprintf(_("another tool's error (%s)"),
		    f->other) : xasprintf("%s (%s)", f->res.err->id,
		    kb_family_key(f->res.err->family));
		text_line(o, f->file, f->line, f->text, false);
		output_wrapped(stdout, 4, "", l, width, o->look.ascii);
		free(l);
	}
	if (s->dropped)
		printf(_("(%lu more errors not shown)\n"), s->dropped);
}

/* Waits a little for a log to grow. */
static void
pause_follow(void)
{
	struct timespec ts = { 0, FOLLOW_MS * 1000000L };

	nanosleep(&ts, NULL);
}

/* Notes on standard error how the log is read when it is not plain
 * UTF-8: the encoding told, or that it could not be told. */
static void
note_encoding(const struct scan_opts *o, const char *name,
    const struct logread *r)
{
	char *a;

	if (!r->unsure && r->enc <= LR_UTF8)
		return;
	a = text_sanitize(name, !o->look.ascii);
	if (r->unsure)
		fprintf(stderr, _("flashfix: %s: cannot tell its encoding (NUL "
		    "bytes at no fixed place, not as UTF-16 or UTF-32 puts "
		    "them): read as UTF-8\n"), a);
	else if (r->bom)
		fprintf(stderr, _("flashfix: %s: read as %s (its byte-order "
		    "mark says so)\n"), a, logread_encoding(r));
	else
		fprintf(stderr, _("flashfix: %s: read as %s (no byte-order "
		    "mark: told by where its NUL bytes fall)\n"), a,
		    logread_encoding(r));
	free(a);
}

/* --follow at the end of what the log holds now: whether it was
 * truncated (shorter than what was read) or replaced (its name now
 * names another file, as when a log is rotated); then it is read again
 * from its start, its lines counted from 1 again, and that is said. */
static void
follow_restart(const struct scan_opts *o, struct scan *s, struct logread *r,
    const char *name, int *fd)
{
	struct stat now, named;
	int what = 0;   /* 1: truncated, 2: replaced */
	char *a;

	if (fstat(*fd, &now) != 0)
		return;
	if (S_ISREG(now.st_mode) && (uint64_t)now.st_size < r->bytes &&
	    lseek(*fd, 0, SEEK_SET) == 0) {
		what = 1;
	} else if (*fd != STDIN_FILENO && stat(name, &named) == 0 &&
	    S_ISREG(named.st_mode) && (named.st_ino != now.st_ino ||
	    named.st_dev != now.st_dev)) {
		int nfd = open(name, O_RDONLY | O_CLOEXEC | O_NOCTTY);
		if (nfd < 0)
			return;
		close(*fd);
		*fd = nfd;
		r->fd = nfd;
		what = 2;
	}
	if (!what)
		return;
	/* What the old file held to its end, then the new start. */
	if (logread_flush(r) == 1)
		scan_line(s, name, r->lineno, r->cur, r->curlen);
	scan_end_file(s);
	logread_restart(r);
	a = text_sanitize(name, !o->look.ascii);
	if (what == 1)
		fprintf(stderr, _("flashfix: %s was truncated: reading it again "
		    "from its start, its lines counted from 1 again\n"), a);
	else
		fprintf(stderr, _("flashfix: %s was replaced: reading the new "
		    "file from its start, its lines counted from 1\n"), a);
	free(a);
}

/* Prints a finding as soon as it is made (--follow). */
static void
say_now(const struct scan_opts *o, const struct kb *kb,
    struct scan_finding *f)
{
	scan_settle(f);
	if (o->json)
		json_finding(kb, f, true);
	else
		text_finding(o, kb, f, output_width(stdout));
	putchar('\n');
	fflush(stdout);
}

/* Reads one log into s; false (after a message) when it cannot be read,
 * or is not text.  With --follow, goes on reading as it grows, and after
 * it is truncated or replaced, until a signal, or (with --exit-on-error)
 * the first finding. */
static bool
scan_file(const struct scan_opts *o, const struct kb *kb, struct scan *s,
    const char *name, int *fd)
{
	struct logread r;
	struct progress p;
	size_t first = s->n;
	unsigned pct;
	int k;
	bool ok = true, noted = false, binary = false, checked = false;

	logread_init(&r, *fd);
	scan_borrow(s, &r.gen);
	progress_start(&p, o, name, *fd);
	for (;;) {
		long made;
		k = logread_next(&r);
		progress_tick(&p, r.bytes, (unsigned long)s->n + s->dropped);
		if (!noted && r.enc != LR_START) {
			progress_clear(&p);
			note_encoding(o, name, &r);
			noted = true;
		}
		if (k < 0) {
			progress_clear(&p);
			refuse(o, name, strerror(errno));
			ok = false;
			break;
		}
		/* Binary data: said once a MiB of it is read. */
		if (!checked && r.counted >= 1048576) {
			checked = true;
			if (logread_not_text(&r, &pct)) {
				binary = true;
				break;
			}
		}
		if (k == 0) {
			if (!o->follow || sig_caught())
				break;
			follow_restart(o, s, &r, name, fd);
			if (r.enc == LR_START)
				noted = false;
			pause_follow();
			continue;
		}
		made = scan_line(s, name, r.lineno, r.cur, r.curlen);
		if (made >= 0 && o->follow) {
			/* Said at once: the tool is still running. */
			say_now(o, kb, &s->f[made]);
			if (o->exit_on_error)
				break;
		}
	}
	if (ok && !binary && logread_flush(&r) == 1)
		scan_line(s, name, r.lineno, r.cur, r.curlen);
	progress_end(&p);
	if (ok && (binary || logread_not_text(&r, &pct))) {
		/* What looked like errors in it was chance. */
		char *why = xasprintf(_("not text (%u%% of its bytes are control "
		    "characters): no error read from it"), pct);
		scan_forget(s, first);
		refuse(o, name, why);
		free(why);
		ok = false;
	}
	scan_end_file(s);
	scan_borrow(s, NULL);
	logread_free(&r);
	return ok;
}

/* Opens a log: "-" is standard input.  -1 (after a message) when it
 * cannot be read as a file. */
static int
open_log(const struct scan_opts *o, const char *name)
{
	struct stat st;
	int fd;

	if (strcmp(name, "-") == 0)
		return STDIN_FILENO;
	fd = open(name, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	if (fd < 0) {
		refuse(o, name, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
		refuse(o, name, _("a directory, not a log"));
		close(fd);
		return -1;
	}
	return fd;
}

static int
run(const struct cli *c, void *opts)
{
	struct scan_opts *o = opts;
	struct store st;
	struct scan s;
	char *stdin_name[] = { "-" };
	char **names = c->nargs ? c->args : stdin_name;
	int nnames = c->nargs ? c->nargs : 1, rc;
	long d;
	bool known;
	bool failed = false;

	if (o->follow && nnames != 1) {
		fprintf(stderr, _("flashfix: --follow watches one log\n"
		    "Try 'flashfix --help' for more information.\n"));
		return EXIT_USAGE;
	}
	o->look = c->look;
	if (!env_load(c, &st))
		return EXIT_FAILED;
	scan_init(&s, st.ix, o->platform);
	if (o->follow)
		sig_install();
	for (int i = 0; i < nnames; i++) {
		int fd = open_log(o, names[i]);
		if (fd < 0) {
			failed = true;
			continue;
		}
		if (!scan_file(o, st.kb, &s, names[i], &fd))
			failed = true;
		if (fd != STDIN_FILENO)
			close(fd);
	}
	if (!o->follow)
		report(o, st.kb, &s);
	/* Found: a known error is the decisive one (another tool's error is
	 * said, but is none that flashfix knows). */
	d = scan_decisive(&s);
	known = d >= 0 && !s.f[d].other;
	rc = known ? EXIT_OK : failed ? EXIT_FAILED : EXIT_NEGATIVE;
	if (!known && !failed && !o->json)
		fprintf(stderr, _("flashfix: no known error in the log\n"));
	scan_free(&s);
	store_free(&st);
	return rc;
}

static const struct scan_opts scan_defaults;

const struct cmd_entry cmd_scan_entry = {
	.name = "scan",
	.synopsis = N_("scan [FILE]..."),
	.summary = N_("the decisive error in whole logs"),
	.opts = scan_opts,
	.size = sizeof (struct scan_opts),
	.defaults = &scan_defaults,
	.min_args = 0, .max_args = -1,
	.run = run,
};
