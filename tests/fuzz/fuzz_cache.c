/* fuzz_cache.c: libFuzzer target: the reader of the compiled knowledge
 * base (kb_cache_decode), which must refuse, never crash on, whatever a
 * damaged cache file holds.  An input with an even first byte edits the
 * shipped base's own cache, its match index included (a cut of the
 * records, then bytes xor'ed at positions), which reaches deep into the
 * records and the index; an odd one is taken as it is: a 32-bit length of
 * the texts, the texts, then the records. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "kb.h"
#include "kb_cache.h"
#include "match.h"
#include "match_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct buf good_str, good_rec, good_ix;
static int made;

static void
exercise(struct kb *kb, unsigned char *ixb, size_t nix)
{
	struct match_index *ix;
	struct match_result r[5];

	for (size_t e = 0; e < kb->nerrors; e++) {
		const struct kb_error *err = &kb->errors[e];
		kb_cause(kb, err, true);
		for (size_t f = 0; f < err->nfixes; f++) {
			char *c = kb_cond_str(err->fixes[f].cond);
			free(c);
			kb_action(kb, &err->fixes[f], false);
		}
	}
	/* The index from the cache's bytes, else built. */
	ix = ixb ? match_index_decode(kb, ixb, nix) : NULL;
	if (!ix)
		ix = match_index_new(kb);
	match_query(ix, "WCSM code 4009", 0, r, 5);
	match_rank_all(ix, "sahara", 0, r, 5);
	match_index_free(ix);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *str;
	unsigned char *rec, *ixb = NULL;
	size_t nstr, nrec, nix = 0;
	struct kb *kb;

	if (!made) {
		struct diag d;
		diag_init(&d);
		kb = kb_load(FUZZ_DATA, &d);
		if (!kb || d.errors)
			abort();
		buf_init(&good_str);
		buf_init(&good_rec);
		buf_init(&good_ix);
		kb_cache_encode(kb, &good_str, &good_rec);
		{
			struct match_index *ix = match_index_new(kb);
			match_index_encode(ix, &good_ix);
			match_index_free(ix);
		}
		kb_free(kb);
		diag_free(&d);
		made = 1;
	}
	if (size < 3)
		return 0;
	if (data[0] & 1) {
		uint32_t n;
		if (size < 5)
			return 0;
		memcpy(&n, data + 1, 4);
		data += 5, size -= 5;
		nstr = n <= size ? n : size;
		nrec = size - nstr;
		str = malloc(nstr ? nstr : 1);
		rec = malloc(nrec ? nrec : 1);
		if (!str || !rec)
			abort();
		memcpy(str, data, nstr);
		memcpy(rec, data + nstr, nrec);
	} else {
		size_t total = good_str.len + good_rec.len + good_ix.len;
		unsigned char *all = malloc(total);
		size_t cut = ((size_t)data[1] << 8 | data[2]) * 16;
		if (!all)
			abort();
		memcpy(all, good_str.s, good_str.len);
		memcpy(all + good_str.len, good_rec.s, good_rec.len);
		memcpy(all + good_str.len + good_rec.len, good_ix.s,
		    good_ix.len);
		for (size_t i = 3; i + 3 <= size; i += 3) {
			size_t at = ((size_t)data[i] << 8 | data[i + 1]) *
			    total / 65536;
			all[at] ^= data[i + 2];
		}
		nstr = good_str.len;
		nrec = cut && cut < good_rec.len ? cut : good_rec.len;
		str = malloc(nstr);
		rec = malloc(nrec ? nrec : 1);
		if (!str || !rec)
			abort();
		memcpy(str, all, nstr);
		memcpy(rec, all + nstr, nrec);
		nix = good_ix.len;
		ixb = malloc(nix);
		if (!ixb)
			abort();
		memcpy(ixb, all + nstr + good_rec.len, nix);
		free(all);
	}
	kb = kb_cache_decode(str, nstr, rec, nrec);
	if (kb) {
		exercise(kb, ixb, nix); /* takes ixb */
		ixb = NULL;
	}
	free(ixb);
	kb_free(kb);
	free(rec);
	return 0;
}
