/* bench.c: the speed of loading and lookup on a synthetic knowledge base.
 *   bench gen DIR N   writes a knowledge base of N errors into DIR
 *   bench run DIR     loads it (parsing the CSV and writing its cache
 *                     in a child, then from the cache), runs 400
 *                     lookups, prints the load times, lookup median and
 *                     p99, and peak RSS
 *   bench measure CMD runs CMD, prints its wall time (ms), peak RSS
 *                     (KiB) and CPU time (ms, user and system), for
 *                     whole-process comparisons
 *   bench scan DATA LOG  scans LOG with the base in DATA (as flashfix
 *                     scan does, in this process) and prints the lines,
 *                     how many the matcher judged and what each cost
 * make bench runs both for 10,000 errors.  It reports; it asserts nothing. */
#include <config.h>

#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <time.h>
#include <unistd.h>

#include "diag.h"
#include "kb.h"
#include "logread.h"
#include "scan.h"
#include "match.h"
#include "store.h"
#include "util.h"

static uint64_t rng = 0x9e3779b97f4a7c15ULL;

static uint32_t
rnd(uint32_t n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng % n);
}

/* Pseudo-words from syllables: a vocabulary like a big base's. */
static char words[3000][16];
static const char *const han[] = {
	"刷", "机", "失", "败", "软", "件", "包", "工", "具", "版", "本", "账",
	"号", "登", "录", "过", "期", "主", "板", "更", "换", "端", "口", "电",
	"脑", "数", "据", "线", "校", "验", "错", "误", "服", "务", "器", "连",
	"接", "超", "时", "文", "件", "配", "置", "删", "除", "重", "新", "断",
	"绑", "定", "白", "名", "单", "芯", "片", "区", "域", "不", "匹", "配",
};

static void
make_words(void)
{
	static const char *const syl[] = { "ka", "lo", "mi", "re", "su", "to",
		"na", "vi", "de", "po", "ra", "chi", "fe", "gu", "sha", "xo",
		"bel", "tor", "ex", "un", "in", "com", "dl", "err", "wr" };
	const size_t ns = sizeof syl / sizeof *syl;
	for (size_t i = 0; i < 3000; i++) {
		size_t k = 2 + rnd(3);
		words[i][0] = '\0';
		for (size_t j = 0; j < k; j++)
			strcat(words[i], syl[rnd((uint32_t)ns)]);
	}
}

static void
put_words(FILE *fp, size_t n)
{
	for (size_t i = 0; i < n; i++)
		fprintf(fp, "%s%s", i ? " " : "", words[rnd(3000)]);
}

static void
put_han(FILE *fp, size_t n)
{
	for (size_t i = 0; i < n; i++)
		fputs(han[rnd(sizeof han / sizeof *han)], fp);
}

static int
gen(const char *dir, long n)
{
	char path[4096];
	FILE *e, *f, *fp;

	mkdir(dir, 0755);
	make_words();
	snprintf(path, sizeof path, "%s/errors.csv", dir);
	e = fopen(path, "w");
	snprintf(path, sizeof path, "%s/fixes.csv", dir);
	f = fopen(path, "w");
	if (!e || !f) {
		perror(path);
		return 1;
	}
	fputs("id,platforms,category,codes,error_en,error_zh,cause_en,"
	    "cause_zh,family,source\n", e);
	fputs("error,step,level,action_en,action_zh,source\n", f);
	for (long i = 0; i < n; i++) {
		fprintf(e, "e%ld,%s,wcsm,%ld,", i,
		    i % 3 == 0 ? "mtk" : i % 3 == 1 ? "qcom" : "mtk;qcom",
		    10000 + i);
		if (i % 4 == 0)
			fprintf(e, "WCSM code %ld ", 10000 + i);
		put_words(e, 3 + rnd(4));
		fputc(',', e);
		put_han(e, 4 + rnd(5));
		fputc(',', e);
		put_words(e, 8 + rnd(6));
		fputc(',', e);
		put_han(e, 10 + rnd(6));
		fputs(",vendor-account,bench\n", e);
		for (int s = 1; s <= 2; s++) {
			fprintf(f, "e%ld,%d,%s,", i, s,
			    s == 1 ? "settings" : "hardware");
			put_words(f, 6 + rnd(4));
			fputc(',', f);
			put_han(f, 8 + rnd(4));
			fputs(",bench\n", f);
		}
	}
	if (fclose(e) || fclose(f))
		return 1;
	snprintf(path, sizeof path, "%s/tools.csv", dir);
	fp = fopen(path, "w");
	if (!fp)
		return 1;
	fputs("platform,tool,version\nqcom,Msm,2.0.11\nmtk,DL,19.36.101\n", fp);
	if (fclose(fp))
		return 1;
	snprintf(path, sizeof path, "%s/generic.csv", dir);
	fp = fopen(path, "w");
	if (!fp)
		return 1;
	fputs("step,level,action_en,action_zh,source\n1,escalate,Ask HQ.,问总部,bench\n", fp);
	return fclose(fp) ? 1 : 0;
}

static double
now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* The process's resident memory now and at its peak, in MB, from
 * /proc (0 where there is none). */
static void
rss_now(double *now, double *peak)
{
	FILE *fp = fopen("/proc/self/status", "r");
	char line[256];

	*now = *peak = 0;
	while (fp && fgets(line, sizeof line, fp)) {
		if (strncmp(line, "VmRSS:", 6) == 0)
			*now = atof(line + 6) / 1024.0;
		else if (strncmp(line, "VmHWM:", 6) == 0)
			*peak = atof(line + 6) / 1024.0;
	}
	if (fp)
		fclose(fp);
}

/* A first start, in a child process so that its memory does not count
 * against the cached start measured after it: the time to parse and
 * check the files (t[0]), to build the index over them (t[1]), and to
 * parse, check and write the cache, its index included (t[2]). */
static int
first_start(const char *dir, const char *cachedir, double t[3])
{
	int fd[2], status;
	pid_t pid;

	if (pipe(fd) != 0 || (pid = fork()) < 0) {
		perror("bench");
		return 1;
	}
	if (pid == 0) {
		struct diag d;
		struct kb *kb;
		double t0;
		close(fd[0]);
		diag_init(&d);
		t0 = now_ms();
		kb = kb_load(dir, &d);
		t[0] = now_ms() - t0;
		t0 = now_ms();
		match_index_free(match_index_new(kb));
		t[1] = now_ms() - t0;
		kb_free(kb);
		t0 = now_ms();
		{
			struct store st;
			store_load(&st, dir, cachedir, &d);
			t[2] = now_ms() - t0;
			store_free(&st);
		}
		if (d.errors)
			diag_print(&d, stderr);
		_exit(d.errors || write(fd[1], t, 3 * sizeof *t) !=
		    (ssize_t)(3 * sizeof *t));
	}
	close(fd[1]);
	if (read(fd[0], t, 3 * sizeof *t) != (ssize_t)(3 * sizeof *t) ||
	    waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0) {
		fprintf(stderr, "bench: the first start failed\n");
		return 1;
	}
	close(fd[0]);
	return 0;
}

static int
run(const char *dir)
{
	struct diag d;
	struct store store;
	struct kb *kb;
	struct match_index *ix;
	struct match_result res[5];
	struct rusage ru;
	double t0, t_load, t_parse[3], times[400], rss[3][2];
	char *cachedir;
	char *queries[400];
	size_t nq = 0, hits = 0;

	cachedir = xasprintf("%s/cache", dir);
	if (first_start(dir, cachedir, t_parse) != 0)
		return 1;
	diag_init(&d);
	t0 = now_ms();
	/* The base and its index, read from the cache together. */
	store_load(&store, dir, cachedir, &d);
	kb = store.kb;
	ix = store.ix;
	t_load = now_ms() - t0;
	rss_now(&rss[0][0], &rss[0][1]);
	if (!kb || d.errors || !kb->strings || !ix) {
		diag_print(&d, stderr);
		fprintf(stderr, "bench: the base did not load from its "
		    "cache\n");
		return 1;
	}
	free(cachedir);
	rss_now(&rss[1][0], &rss[1][1]);

	/* 400 queries of the kinds engineers type. */
	for (int i = 0; i < 100; i++) {
		const struct kb_error *e = &kb->errors[rnd((uint32_t)kb->nerrors)];
		queries[nq++] = xstrdup(e->error_en);
		queries[nq++] = xstrdup(e->codes[0]);
		{
			char *t = xasprintf("2020-08-04 10:42:%02d.123 [LIB] "
			    "tool - %s", i % 60, e->error_en);
			queries[nq++] = t;
		}
		{
			char *t = xstrdup(e->error_en);
			size_t n = strlen(t);
			if (n > 6)
				t[n / 2] = t[n / 2] == 'x' ? 'q' : 'x'; /* typo */
			queries[nq++] = t;
		}
	}
	/* The same queries for the whole-process comparisons. */
	{
		char path[4096];
		FILE *qf;
		snprintf(path, sizeof path, "%s/queries.txt", dir);
		qf = fopen(path, "w");
		for (size_t i = 0; qf && i < nq; i++)
			fprintf(qf, "%s\n", queries[i]);
		if (!qf || fclose(qf) != 0)
			perror(path);
	}
	/* A lookup ranks, then reads the cause and steps of what it
	 * shows: both are timed. */
	for (size_t i = 0; i < nq; i++) {
		size_t n;
		t0 = now_ms();
		n = match_query(ix, queries[i], 0, res, 5);
		for (size_t r = 0; r < n; r++) {
			const struct kb_error *e = res[r].err;
			kb_cause(kb, e, false);
			kb_cause(kb, e, true);
			for (size_t f = 0; f < e->nfixes; f++) {
				kb_action(kb, &e->fixes[f], false);
				kb_action(kb, &e->fixes[f], true);
			}
		}
		times[i] = now_ms() - t0;
		hits += n > 0;
	}
	rss_now(&rss[2][0], &rss[2][1]);
	qsort(times, nq, sizeof *times, cmp_double);
	getrusage(RUSAGE_SELF, &ru);
	printf("knowledge base: %zu errors\n", kb->nerrors);
	printf("first start: parse and check the CSV %.1f ms, build the "
	    "index %.1f ms;\n  both and write the cache %.1f ms\n",
	    t_parse[0], t_parse[1], t_parse[2]);
	printf("parse + index (no cache):     %.1f ms\n",
	    t_parse[0] + t_parse[1]);
	printf("load + index (from the cache, together): %.1f ms   (target < 30 ms)\n",
	    t_load);
	printf("lookups: %zu queries, %zu matched\n", nq, hits);
	printf("lookup median: %.3f ms   (target < 0.5 ms)\n", times[nq / 2]);
	printf("lookup p99:    %.3f ms\n", times[nq * 99 / 100]);
	printf("first lookup:  includes the typo index, built on first need\n");
	/* The kernel's two records of the peak; the larger. */
	printf("peak RSS: %.1f MB   (target < 8 MB)\n",
	    ru.ru_maxrss / 1024.0 > rss[2][1] ? ru.ru_maxrss / 1024.0 :
	    rss[2][1]);
	if (rss[2][0] > 0)
		printf("RSS after load %.1f MB, after index %.1f MB, after "
		    "lookups %.1f MB\n", rss[0][0], rss[1][0], rss[2][0]);
	for (size_t i = 0; i < nq; i++)
		free(queries[i]);
	store_free(&store);
	diag_free(&d);
	return 0;
}

/* Runs argv[0] with its output thrown away; prints its wall time in ms
 * and its peak resident memory in KiB. */
static int
measure(char **argv)
{
	struct rusage ru;
	int status;
	double t0 = now_ms();
	pid_t pid = fork();

	if (pid < 0) {
		perror("fork");
		return 1;
	}
	if (pid == 0) {
		if (!freopen("/dev/null", "w", stdout) ||
		    !freopen("/dev/null", "w", stderr))
			_exit(126);
		execvp(argv[0], argv);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) < 0) {
		perror("wait4");
		return 1;
	}
	printf("%.3f %ld %.3f\n", now_ms() - t0, ru.ru_maxrss,
	    (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000.0 +
	    (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1000.0);
	return WIFEXITED(status) && WEXITSTATUS(status) >= 126;
}

/* The matcher's cost per line on a real log: the lines read, those past
 * the glance, those judged (the rest came from the cache), and the time
 * spent judging, per judged line and per line read. */
static int
scan_cost(const char *dir, const char *path)
{
	struct diag d;
	struct store st;
	struct scan s;
	struct logread r;
	double t0, total;
	int fd, k;

	diag_init(&d);
	store_load(&st, dir, NULL, &d);
	if (!st.kb || d.errors) {
		diag_print(&d, stderr);
		return 1;
	}
	if ((fd = open(path, O_RDONLY)) < 0) {
		perror(path);
		return 1;
	}
	scan_init(&s, st.ix, 0);
	s.timed = true;
	logread_init(&r, fd);
	scan_borrow(&s, &r.gen);
	t0 = now_ms();
	while ((k = logread_next(&r)) > 0)
		scan_line(&s, path, r.lineno, r.cur, r.curlen);
	if (k == 0 && logread_flush(&r) == 1)
		scan_line(&s, path, r.lineno, r.cur, r.curlen);
	total = now_ms() - t0;
	scan_end_file(&s);
	scan_borrow(&s, NULL);
	printf("%lu lines (%lu glanced at, %lu the same as a line before), "
	    "%lu past the glance, %lu judged (%lu from the "
	    "cache), %.0f ms in all, %.0f ms judging: %.1f us per judged "
	    "line, %.3f us per line read\n", s.lines, s.glance.misses,
	    s.glance.hits,
	    s.cache.hits + s.cache.misses, s.asked, s.cache.hits, total,
	    s.judge_ns / 1e6, s.asked ? s.judge_ns / 1e3 / (double)s.asked :
	    0.0, s.lines ? s.judge_ns / 1e3 / (double)s.lines : 0.0);
	logread_free(&r);
	close(fd);
	scan_free(&s);
	store_free(&st);
	diag_free(&d);
	return k < 0;
}

int
main(int argc, char **argv)
{
	util_tune_malloc(); /* as flashfix's main does */
	setlocale(LC_ALL, "C.UTF-8");
	if (argc >= 3 && strcmp(argv[1], "measure") == 0)
		return measure(argv + 2);
	if (argc == 4 && strcmp(argv[1], "gen") == 0)
		return gen(argv[2], atol(argv[3]));
	if (argc == 3 && strcmp(argv[1], "run") == 0)
		return run(argv[2]);
	if (argc == 4 && strcmp(argv[1], "scan") == 0)
		return scan_cost(argv[2], argv[3]);
	fprintf(stderr, "usage: bench gen DIR N | bench run DIR | "
	    "bench measure CMD [ARG...] | bench scan DATA LOG\n");
	return 2;
}
