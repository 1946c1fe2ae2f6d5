/* fuzz_scan.c: libFuzzer target: a log, as the bytes a flash tool wrote,
 * read through logread (from a pipe: every encoding, escape, NUL and line
 * length) and scanned for its decisive error against the shipped base. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "kb.h"
#include "logline.h"
#include "logread.h"
#include "match.h"
#include "scan.h"

static struct kb *kb;
static struct match_index *ix;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct logread r;
	struct scan s;
	int fd[2], k;
	long d;

	if (!kb) {
		struct diag dg;
		diag_init(&dg);
		kb = kb_load(FUZZ_DATA, &dg);
		diag_free(&dg);
		if (!kb)
			abort();
		ix = match_index_new(kb);
	}
	/* A pipe holds 64 KiB: larger inputs are cut there. */
	if (size > 60000)
		size = 60000;
	if (pipe(fd) != 0)
		abort();
	if (size && write(fd[1], data, size) != (ssize_t)size)
		abort();
	close(fd[1]);
	scan_init(&s, ix, data[0] & 1 ? PLAT_MTK : 0);
	logread_init(&r, fd[0]);
	while ((k = logread_next(&r)) > 0) {
		struct buf b;
		buf_init(&b);
		logread_decode(r.cur, r.curlen, &b);
		/* Decoded text holds no control character but tabs. */
		for (size_t i = 0; i < b.len; i++)
			if ((unsigned char)b.s[i] < 0x20 && b.s[i] != '\t')
				abort();
		logline_glance(r.cur, r.curlen);
		buf_free(&b);
		scan_line(&s, "fuzz", r.lineno, r.cur, r.curlen);
	}
	if (k == 0 && logread_flush(&r) == 1)
		scan_line(&s, "fuzz", r.lineno, r.cur, r.curlen);
	d = scan_decisive(&s);
	if (d >= (long)s.n)
		abort();
	logread_free(&r);
	close(fd[0]);
	scan_free(&s);
	return 0;
}
