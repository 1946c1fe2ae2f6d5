/* fuzz_lookup.c: libFuzzer target: what an engineer types, normalised and
 * ranked against the shipped knowledge base. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "kb.h"
#include "match.h"
#include "text.h"
#include "tokens.h"

static struct kb *kb;
static struct match_index *ix;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct match_result r[8];
	struct toklist tl;
	char *s, *e;

	if (!kb) {
		struct diag d;
		diag_init(&d);
		kb = kb_load(FUZZ_DATA, &d);
		diag_free(&d);
		if (!kb)
			abort();
		ix = match_index_new(kb);
	}
	s = malloc(size + 1);
	if (!s)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	toklist_init(&tl);
	tokenize(s, size, 0, &tl);
	toklist_free(&tl);
	match_query(ix, s, 0, r, 8);
	match_rank_all(ix, s, PLAT_MTK, r, 8);
	e = text_sanitize(s, true);
	free(e);
	free(s);
	return 0;
}
