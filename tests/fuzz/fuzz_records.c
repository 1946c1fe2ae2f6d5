/* fuzz_records.c: libFuzzer target: a records file read back (damaged
 * records skipped) and counted. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "diag.h"
#include "records.h"
#include "stats.h"

static char path[] = "/tmp/flashfix-fuzz-rec.XXXXXX";
static int made;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct recset set;
	struct stats st;
	struct diag d;
	FILE *fp;

	if (!made) {
		int fd = mkstemp(path);
		if (fd < 0)
			abort();
		close(fd);
		made = 1;
	}
	fp = fopen(path, "wb");
	if (!fp || (size && fwrite(data, 1, size, fp) != size) ||
	    fclose(fp) != 0)
		abort();
	recset_init(&set);
	diag_init(&d);
	recset_load(&set, path, &d);
	stats_build(&st, &set, (time_t)-1, time(NULL));
	for (size_t i = 0; i < set.n; i++)
		recset_find(&set, set.v[i].r.id);
	stats_free(&st);
	recset_free(&set);
	diag_free(&d);
	return 0;
}
