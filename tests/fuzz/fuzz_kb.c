/* fuzz_kb.c: libFuzzer target: a knowledge base of four files, taken from
 * the input split at "\n%%\n", loaded, validated, its causes and steps
 * read back from the files, indexed and searched. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "kb.h"
#include "match.h"

static char dir[] = "/tmp/flashfix-fuzz-kb.XXXXXX";
static int made;
static const char *const files[] = {
	KB_ERRORS, KB_FIXES, KB_TOOLS, KB_GENERIC,
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
put(const char *name, const uint8_t *p, size_t n)
{
	char path[128];
	FILE *fp;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	fp = fopen(path, "wb");
	if (!fp)
		abort();
	if (n && fwrite(p, 1, n, fp) != n)
		abort();
	if (fclose(fp) != 0)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *p = data, *end = data + size;
	struct diag d;
	struct kb *kb;

	if (!made) {
		if (!mkdtemp(dir))
			abort();
		made = 1;
	}
	for (size_t i = 0; i < 4; i++) {
		const uint8_t *q = p;
		while (q + 4 <= end && memcmp(q, "\n%%\n", 4) != 0)
			q++;
		if (q + 4 > end)
			q = end;
		put(files[i], p, (size_t)(q - p));
		p = q + 4 <= end ? q + 4 : end;
	}
	diag_init(&d);
	kb = kb_load(dir, &d);
	if (kb) {
		struct match_index *ix;
		/* Every cause and step, read back from the files. */
		for (size_t e = 0; e < kb->nerrors; e++) {
			const struct kb_error *err = &kb->errors[e];
			kb_cause(kb, err, false);
			kb_cause(kb, err, true);
			for (size_t f = 0; f < err->nfixes; f++) {
				kb_action(kb, &err->fixes[f], false);
				kb_action(kb, &err->fixes[f], true);
			}
		}
		for (size_t f = 0; f < kb->ngeneric; f++)
			kb_action(kb, &kb->generic[f], true);
		ix = match_index_new(kb);
		struct match_result r[5];
		match_query(ix, "WCSM code 4009", 0, r, 5);
		match_rank_all(ix, "sahara", 0, r, 5);
		match_index_free(ix);
		kb_free(kb);
	}
	diag_free(&d);
	return 0;
}
