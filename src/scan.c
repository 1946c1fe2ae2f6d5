/* scan.c: the decisive error in a whole log.  Layer: scan. */
#include <config.h>

#include "scan.h"
#include "scan_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "digest.h"
#include "frame.h"
#include "kb.h"
#include "i18n.h"
#include "logline.h"
#include "logread.h"
#include "match_int.h"
#include "scan_stop.h"
#include "util.h"

#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* The first lines of each log are read for their tools' frames (the
 * platform); after them, only the lines judged. */
#define FRAMED 200

void
scan_init(struct scan *s, struct match_index *ix, unsigned platform)
{
	memset(s, 0, sizeof *s);
	s->ix = ix;
	s->platform = platform;
	s->waiting = -1;
	buf_init(&s->text);
	buf_add(&s->text, "", 0);
	scan_cache_init(&s->cache);
	scan_glance_init(&s->glance);
}

static void
free_lines(struct scan_line *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].text);
}

static void clear_finding(struct scan_finding *f);

void
scan_forget(struct scan *s, size_t from)
{
	for (size_t i = from; i < s->n; i++)
		clear_finding(&s->f[i]);
	if (from < s->n)
		s->n = from;
	if (s->waiting >= (long)s->n)
		s->waiting = -1;
}

void
scan_free(struct scan *s)
{
	scan_forget(s, 0);
	free(s->f);
	buf_free(&s->text);
	scan_cache_free(&s->cache);
	scan_glance_free(&s->glance);
	memset(s, 0, sizeof *s);
	s->waiting = -1;
}


size_t
scan_keep_len(const char *text, size_t n)
{
	if (n <= SCAN_KEEP)
		return n;
	n = SCAN_KEEP;
	while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
		n--;
	return n;
}

/* The decoded text of n raw bytes, malloc'd, at most SCAN_KEEP bytes. */
static char *
decoded(const char *raw, size_t n)
{
	struct buf b;
	char *t;

	buf_init(&b);
	logread_decode(raw, n, &b);
	t = xstrndup(b.s, scan_keep_len(b.s, b.len));
	buf_free(&b);
	return t;
}

/* Keeps a line around a finding as read, at most SCAN_KEEP bytes. */
static void
kept_raw(struct scan_line *l, unsigned long line, const char *raw, size_t n)
{
	size_t k = scan_keep_len(raw, n);

	l->line = line;
	l->text = xmalloc(k + 1);
	memcpy(l->text, raw, k);
	l->text[k] = '\0';
	l->len = k;
	l->raw = true;
}

void
scan_settle(struct scan_finding *f)
{
	struct scan_line *v[2] = { f->before, f->after };
	size_t n[2] = { f->nbefore, f->nafter };

	for (int k = 0; k < 2; k++)
		for (size_t i = 0; i < n[k]; i++) {
			struct scan_line *l = &v[k][i];
			char *t;
			if (!l->raw)
				continue;
			t = decoded(l->text, l->len);
			free(l->text);
			l->text = t;
			l->len = strlen(t);
			l->raw = false;
		}
}

/* The finding of error e (or of another tool's, other) in the current
 * run, or NULL. */
static struct scan_finding *
same_in_run(struct scan *s, const struct kb_error *e, const char *other)
{
	for (size_t i = s->n; i-- > 0;) {
		if (s->f[i].run != s->run)
			break;
		if (s->f[i].res.err == e && s->f[i].other == other)
			return &s->f[i];
	}
	return NULL;
}

unsigned
scan_platform(const struct scan *s)
{
	unsigned m = s->votes[0], q = s->votes[1];

	if (s->platform)
		return s->platform;
	if (m > 0 && (q == 0 || m >= 3 * q))
		return PLAT_MTK;
	if (q > 0 && (m == 0 || q >= 3 * m))
		return PLAT_QCOM;
	return 0;
}

/* Words of a log's first lines that say whose device it talks to, when
 * no tool's frame does: bypass_utility's and mtkclient's report of a
 * MediaTek device ("Device hw code: 0x766", "Device serial link
 * authorization: True", "Waiting for bootrom"); edl's and QFIL's of a
 * Qualcomm one (MTK-bypass/bypass_utility, bkerler/mtkclient and
 * bkerler/edl output as posted in their issues). */
static const char *const mtk_hints[] = {
	"device hw code", "serial link authorization",
	"download agent authorization", "waiting for bootrom", "brom mode",
	"0e8d:", /* MediaTek's USB vendor id (0e8d:0003 BROM, 0e8d:2000) */
};
static const char *const qcom_hints[] = {
	"qdl mode", "qdloader", "edl mode", "programmer",
	"05c6:", /* Qualcomm's USB vendor id (05c6:9008 EDL) */
};

static bool
has_hint(const char *const *v, size_t nv, const char *t, size_t n)
{
	for (size_t i = 0; i < nv; i++) {
		size_t k = strlen(v[i]);
		for (size_t j = 0; j + k <= n; j++)
			if (strncasecmp(t + j, v[i], k) == 0)
				return true;
	}
	return false;
}

/* The frame of a line votes for the platform of the log. */
static void
vote(struct scan *s, const char *text, size_t n)
{
	struct frame fr;

	frame_read(text, n, &fr);
	if (fr.platform == PLAT_MTK ||
	    has_hint(mtk_hints, sizeof mtk_hints / sizeof *mtk_hints, text, n))
		s->votes[0]++;
	else if (fr.platform == PLAT_QCOM ||
	    has_hint(qcom_hints, sizeof qcom_hints / sizeof *qcom_hints, text,
	    n))
		s->votes[1]++;
}

/* Frees what finding f holds. */
static void
clear_finding(struct scan_finding *f)
{
	free(f->text);
	free_lines(f->before, f->nbefore);
	free_lines(f->after, f->nafter);
}

/* Puts finding f at line: its text, the lines before it from the ring,
 * the lines after it to come. */
static void
place_finding(struct scan *s, struct scan_finding *f, const char *file,
    unsigned long line, const char *text, size_t n)
{
	f->file = file;
	f->line = line;
	f->text = xstrndup(text, scan_keep_len(text, n));
	f->nbefore = f->nafter = 0;
	/* The lines before it, oldest first, kept as read. */
	for (size_t i = 0; i < s->ringn; i++) {
		size_t at = (s->ringat + SCAN_CONTEXT - s->ringn + i) %
		    SCAN_CONTEXT;
		kept_raw(&f->before[f->nbefore++], s->ringline[at],
		    s->ringp[at], s->ringlen[at]);
	}
	s->waiting = (long)(f - s->f);
}

/* Room for one more finding: when all SCAN_MAX are taken, the oldest of
 * the runs before the current one go (counted), up to a quarter of all
 * at once, so that a long log of many runs seldom moves the array (the
 * findings are in the order of their lines, so of their runs); false
 * when all are of the current run. */
static bool
make_room(struct scan *s)
{
	size_t k = 0;

	if (s->n < SCAN_MAX)
		return true;
	while (k < s->n && k < SCAN_MAX / 4 && s->f[k].run != s->run)
		k++;
	if (k == 0) {
		s->dropped++;
		return false;
	}
	for (size_t i = 0; i < k; i++)
		clear_finding(&s->f[i]);
	memmove(&s->f[0], &s->f[k], (s->n - k) * sizeof *s->f);
	s->n -= k;
	if (s->waiting >= (long)k)
		s->waiting -= (long)k;
	else
		s->waiting = -1;
	s->dropped += k;
	return true;
}

static long
add_finding(struct scan *s, const char *file, unsigned long line,
    const char *text, size_t n, const struct scan_verdict *v)
{
	struct scan_finding *f;

	if (!make_room(s))
		return -1;
	s->f = xgrow(s->f, &s->cap, s->n + 1, sizeof *s->f);
	f = &s->f[s->n];
	memset(f, 0, sizeof *f);
	f->res = v->res;
	f->other = v->kind == SCAN_OTHER ? v->other : NULL;
	f->ambiguous = v->ambiguous;
	f->retry = v->retry;
	f->count = 1;
	f->run = s->run;
	place_finding(s, f, file, line, text, n);
	return (long)s->n++;
}

/* Whether the n bytes at s say the tool tries again ("retrying...",
 * "Handshake attempt 2 failed", "重试"): a step it may yet get past. */
static bool
says_retry(const char *s, size_t n)
{
	static const char *const words[] = {
		"retry", "retrying", "retries", "attempt", "trying again",
		"try again", "重试",
	};

	for (size_t w = 0; w < sizeof words / sizeof *words; w++) {
		size_t k = strlen(words[w]);
		for (size_t i = 0; i + k <= n; i++)
			if (strncasecmp(s + i, words[w], k) == 0) {
				/* "failed after retries" gives up. */
				if (w == 2 && i >= 6 && strncasecmp(s + i - 6,
				    "after ", 6) == 0)
					continue;
				return true;
			}
	}
	return false;
}

/* What the text of a line (after its time stamps) says, on the platform
 * the log is of: the errors of the other are not asked. */
static void
judge(struct scan *s, const char *text, size_t n, struct scan_verdict *v)
{
	struct match_result r[4];
	size_t k;

	struct frame fr;

	memset(v, 0, sizeof *v);
	v->kind = SCAN_QUIET;
	frame_read(text, n, &fr);
	if (s->framed >= FRAMED && fr.platform)
		s->votes[fr.platform == PLAT_MTK ? 0 : 1]++;
	/* A line in its own tool's frame is read by it (the matcher does);
	 * one in none, by the log's. */
	v->own_frame = fr.platform != 0;
	v->platform = v->own_frame ? s->platform : scan_platform(s);
	if (logline_success(text, n)) {
		v->kind = SCAN_SUCCESS;
	} else if (logline_maybe_error(text, n) && !logline_benign(text, n) &&
	    !logline_field(text, n)) {
		char *z = xstrndup(text, n);
		s->asked++;
		k = match_query(s->ix, z, v->platform, r, 4);
		/* The log's platform is a preference, not a wall: a line that
		 * none of its errors explains is asked of every platform's (a
		 * log may hold more than one tool's lines). */
		if (k == 0 && v->platform && !s->platform) {
			k = match_query(s->ix, z, 0, r, 4);
			/* But only on specific evidence: a family of the
			 * other platform, named by shared words ("flashing
			 * of X failed" in a qdl log), is a wrong answer. */
			if (k > 0 && r[0].level != MATCH_SPECIFIC)
				k = 0;
		}
		if (k > 0) {
			v->kind = SCAN_ERROR;
			v->res = r[0];
			v->ambiguous = match_ambiguous_code(r, k);
			v->retry = says_retry(text, n);
		} else if ((v->other = match_other(s->ix, z)) != NULL) {
			v->kind = SCAN_OTHER;
		} else {
			v->unknown = true;
			v->module = scan_module_framed(text, n);
		}
		free(z);
	}
}

/* Past what failed before: a new run starts. */
static void
succeeded(struct scan *s)
{
	if (s->run_has_errors) {
		s->run++;
		s->run_has_errors = false;
	}
}

/* Whether the first 32 of the n bytes at s hold one that is not ASCII,
 * eight at a time: the glance at ASCII is cheaper than looking the line
 * up, at Chinese (every character a place where a mark may start)
 * dearer; a line of Chinese shows it at once, after a stamp at most. */
static bool
beyond_ascii(const char *s, size_t n)
{
	uint64_t w;
	size_t i = 0;

	if (n > 32)
		n = 32;
	for (; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		if (w & 0x8080808080808080ULL)
			return true;
	}
	for (; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return true;
	return false;
}

long
scan_line(struct scan *s, const char *file, unsigned long line,
    const char *raw, size_t rn)
{
	struct scan_verdict v;
	struct scan_finding *same;
	long made = -1;
	size_t n, stamp = 0, kn;
	uint64_t h = 0;
	unsigned glance;
	bool hashed;
	const char *text, *key;
	bool is_text = false;  /* s->text holds the line decoded */

	s->lines++;
	s->last_file = file;
	if (s->gen)
		scan_own_old(s);
	if (s->framed < FRAMED) {
		s->framed++;
		vote(s, raw, rn);
	}
	/* The context after the last finding. */
	if (s->waiting >= 0) {
		struct scan_finding *f = &s->f[s->waiting];
		kept_raw(&f->after[f->nafter++], line, raw, rn);
		if (f->nafter == SCAN_CONTEXT)
			s->waiting = -1;
	}
	/* A Python traceback: its frames (indented) are where the error
	 * passed, not what it was; its last line, the exception, is. */
	if (s->in_trace) {
		if (rn == 0 || raw[0] == ' ' || raw[0] == '\t') {
			scan_remember(s, line, raw, rn);
			return -1;
		}
		s->in_trace = false;
	}
	if (rn >= 33 && raw[0] == 'T' &&
	    memcmp(raw, "Traceback (most recent call last)", 33) == 0) {
		s->in_trace = true;
		scan_remember(s, line, raw, rn);
		return -1;
	}
	/* A glance at the bytes as read, or at the text when escapes or
	 * another encoding hide the words.  The same text after another
	 * stamp as a line before has its glance kept: a stamp holds no mark
	 * and ends before a word. */
	hashed = beyond_ascii(raw, rn) && scan_glance_use(&s->glance);
	if (hashed) {
		stamp = logline_stamp(raw, rn);
		h = scan_hash(raw + stamp, rn - stamp);
	}
	if (!hashed || !scan_glance_get(&s->glance, raw + stamp, rn - stamp,
	    h, &glance)) {
		glance = logline_glance(raw, rn);
		if (hashed)
			scan_glance_put(&s->glance, raw + stamp, rn - stamp,
			    h, glance);
	}
	if (glance == LOGLINE_HIDDEN) {
		logread_decode(raw, rn, &s->text);
		is_text = true;
		glance = logline_glance(s->text.s, s->text.len);
	}
	if (glance == LOGLINE_MAYBE_OK) {
		/* A word of success and none of failure. */
		succeeded(s);
		scan_remember(s, line, raw, rn);
		return -1;
	}
	if (!glance) {
		/* Most of a log: neither an error nor a success. */
		scan_remember(s, line, raw, rn);
		return -1;
	}
	/* The same text after another time stamp is judged once: looked up
	 * by its bytes after the stamp (as read: the text is a function of
	 * them), is_text only when it must be judged or shown. */
	key = is_text ? s->text.s : raw;
	kn = is_text ? s->text.len : rn;
	if (is_text || !hashed) {
		stamp = logline_stamp(key, kn);
		h = scan_hash(key + stamp, kn - stamp);
	}
	if (!scan_cache_get(&s->cache, key + stamp, kn - stamp, h, &v) ||
	    (!v.own_frame && v.platform != scan_platform(s))) {
		struct timespec t0, t1;
		size_t at = stamp;
		if (!is_text) {
			logread_decode(raw, rn, &s->text);
			is_text = true;
		}
		text = s->text.s;
		n = s->text.len;
		stamp = logline_stamp(text, n);
		if (s->timed)
			clock_gettime(CLOCK_MONOTONIC, &t0);
		judge(s, text + stamp, n - stamp, &v);
		if (s->timed) {
			clock_gettime(CLOCK_MONOTONIC, &t1);
			s->judge_ns += (unsigned long long)((t1.tv_sec -
			    t0.tv_sec) * 1000000000LL + (t1.tv_nsec -
			    t0.tv_nsec));
		}
		scan_cache_put(&s->cache, key + at, kn - at, h, &v);
	}
	if (v.kind == SCAN_QUIET && v.unknown) {
		/* Unknown, but in a stage that tells its family. */
		const struct kb_error *e = scan_in_stage(s, v.module);
		if (e) {
			memset(&v.res, 0, sizeof v.res);
			v.res.err = e;
			v.res.level = MATCH_FAMILY;
			v.kind = SCAN_ERROR;
		}
	}
	if (v.kind == SCAN_SUCCESS) {
		succeeded(s);
	} else if (v.kind == SCAN_ERROR || v.kind == SCAN_OTHER) {
		s->run_has_errors = true;
		same = same_in_run(s, v.kind == SCAN_ERROR ? v.res.err : NULL,
		    v.kind == SCAN_OTHER ? v.other : NULL);
		if (same && (!same->retry || v.retry)) {
			same->count++;
		} else {
			if (!is_text)
				logread_decode(raw, rn, &s->text);
			if (same) {
				/* The tool tried again, and now gives up: this
				 * line, not the retry, tells what failed. */
				clear_finding(same);
				same->count++;
				same->retry = false;
				same->res = v.res;
				place_finding(s, same, file, line, s->text.s,
				    s->text.len);
				made = (long)(same - s->f);
			} else {
				made = add_finding(s, file, line, s->text.s,
				    s->text.len, &v);
			}
		}
	}
	scan_remember(s, line, raw, rn);
	return made;
}

/* At the end of a log that holds no error since its last success: when
 * its last line is a stage that hangs when it fails, that stage's family
 * is the finding, on that line. */
static void
stopped_at(struct scan *s, const char *file)
{
	const struct kb_error *e;
	struct scan_verdict v;
	struct scan_finding *f;
	size_t at;
	const char *t;
	char *text;
	int k;

	if (s->run_has_errors || s->ringn == 0)
		return;
	/* The last line that is not blank, of the two kept. */
	at = (s->ringat + SCAN_CONTEXT - 1) % SCAN_CONTEXT;
	scan_own(s, at);
	t = s->ring[at];
	if (strspn(t, " \t`\"'") == strlen(t) && s->ringn > 1) {
		at = (at + SCAN_CONTEXT - 1) % SCAN_CONTEXT;
		scan_own(s, at);
		t = s->ring[at];
	}
	if ((k = scan_stop_stage(t, strlen(t))) < 0 ||
	    (e = scan_stage_entry(s, (unsigned)scan_stop_family(k))) == NULL)
		return;
	memset(&v, 0, sizeof v);
	v.kind = SCAN_ERROR;
	v.res.err = e;
	v.res.level = MATCH_FAMILY;
	v.res.score = 0;
	text = decoded(t, strlen(t));
	if (add_finding(s, file, s->ringline[at], text, strlen(text), &v) >= 0) {
		/* Its context: the lines before it, none after. */
		f = &s->f[s->n - 1];
		f->stopped = true;
		while (f->nbefore > 0 &&
		    f->before[f->nbefore - 1].line >= f->line)
			free(f->before[--f->nbefore].text);
		s->waiting = -1;
	}
	s->run_has_errors = true;
	free(text);
}

void
scan_end_file(struct scan *s)
{
	if (s->last_file)
		stopped_at(s, s->last_file);
	/* Another log: another run. */
	if (s->run_has_errors) {
		s->run++;
		s->run_has_errors = false;
	}
	s->ringn = 0;
	s->ringat = 0;
	s->waiting = -1;
	s->in_trace = false;
	s->votes[0] = s->votes[1] = 0;
	s->framed = 0;
	s->last_file = NULL;
}

/* Whether finding f rests on specific evidence: a code, or a known
 * error's own words. */
static bool
specific(const struct scan_finding *f)
{
	return f->res.err && (f->res.by_code ||
	    (f->res.level == MATCH_SPECIFIC &&
	    f->res.score >= MATCH_SPECIFIC_MIN));
}

long
scan_decisive(const struct scan *s)
{
	unsigned long last;
	long first = -1, plain = -1, other = -1;

	if (s->n == 0)
		return -1;
	/* In the run of the last finding: the first with specific evidence
	 * where the tool did not say it would try again; else the first
	 * where it did not; else the first of the base's; else another
	 * tool's error. */
	last = s->f[s->n - 1].run;
	for (size_t i = 0; i < s->n; i++) {
		const struct scan_finding *f = &s->f[i];
		if (f->run != last)
			continue;
		if (f->other) {
			if (other < 0)
				other = (long)i;
			continue;
		}
		if (first < 0)
			first = (long)i;
		if (f->retry)
			continue;
		if (specific(f))
			return (long)i;
		if (plain < 0)
			plain = (long)i;
	}
	return plain >= 0 ? plain : first >= 0 ? first : other;
}
