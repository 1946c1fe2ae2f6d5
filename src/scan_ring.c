/* scan_ring.c: the last lines of a log, kept (borrowed from the reader's
 * buffers while they last) for the context before a finding, and read
 * for the stage of the flash they show the tool in.  Layer: scan. */
#include <config.h>

#include "scan.h"
#include "scan_int.h"

#include <string.h>

#include "frame.h"
#include "kb.h"
#include "logline.h"
#include "match_int.h"
#include "scan_stop.h"

void
scan_borrow(struct scan *s, const unsigned long *gen)
{
	s->gen = gen;
}

/* Copies line at of the ring into it. */
void
scan_own(struct scan *s, size_t at)
{
	if (s->ringgen[at] == SCAN_OWNED)
		return;
	memmove(s->ring[at], s->ringp[at], s->ringlen[at]);
	s->ring[at][s->ringlen[at]] = '\0';
	s->ringp[at] = s->ring[at];
	s->ringgen[at] = SCAN_OWNED;
}

/* The ring's lines whose bytes the caller will move before the next
 * line, copied (see scan_borrow). */
void
scan_own_old(struct scan *s)
{
	for (size_t i = 0; i < s->ringn; i++) {
		size_t at = (s->ringat + SCAN_CONTEXT - 1 - i) % SCAN_CONTEXT;
		if (s->ringgen[at] != SCAN_OWNED && s->ringgen[at] != *s->gen)
			scan_own(s, at);
	}
}

void
scan_remember(struct scan *s, unsigned long line, const char *text, size_t n)
{
	size_t k = scan_keep_len(text, n);

	if (s->gen) {
		s->ringp[s->ringat] = text;
		s->ringgen[s->ringat] = *s->gen;
	} else {
		memcpy(s->ring[s->ringat], text, k);
		s->ring[s->ringat][k] = '\0';
		s->ringp[s->ringat] = s->ring[s->ringat];
		s->ringgen[s->ringat] = SCAN_OWNED;
	}
	s->ringline[s->ringat] = line;
	s->ringlen[s->ringat] = k;
	s->ringstage[s->ringat] = s->ringmod[s->ringat] = -2;
	s->ringat = (s->ringat + 1) % SCAN_CONTEXT;
	if (s->ringn < SCAN_CONTEXT)
		s->ringn++;
}

/* Whether the n bytes at t are framed as mtkclient frames its lines, a
 * module's name and " - " in their first 40 bytes. */
bool
scan_module_framed(const char *t, size_t n)
{
	return memmem(t, n < 40 ? n : 40, " - ", 3) != NULL;
}

/* The family entry of stage (enum family) fam, when the base has one and
 * the platform asked for (or the log's) is the stage's. */
const struct kb_error *
scan_stage_entry(const struct scan *s, unsigned fam)
{
	unsigned p = scan_platform(s);
	const struct kb_error *e = kb_family_entry(s->ix->kb,
	    (enum family)fam);

	if (!e || (p && !(e->platforms & p)))
		return NULL;
	return e;
}

/* The one stage of the mtkclient module that printed the n bytes at t
 * ("Exploitation - Crashing da...": BROM), or FAM_COUNT.  mtkclient
 * names its module first, after a stamp or a quote's "> ". */
static unsigned
module_stage(const char *t, size_t n)
{
	size_t at = logline_stamp(t, n);
	unsigned fam;

	frame_module_lead(t + at, n - at, &fam);
	return fam;
}

/* An error line the base does not know, right after a line of a stage:
 * one a log stops at (edl's "Firehose mode detected, uploading..." then
 * "Error: Unknown host error received in HELLO_RESP"), or, for a line
 * framed as mtkclient's (framed), one of the stage of its module
 * ("Exploitation - Crashing da..." then "DeviceClass - [LIB]: Device
 * disconnected"): the stage's family, or NULL. */
const struct kb_error *
scan_in_stage(struct scan *s, bool framed)
{
	for (size_t i = 0; i < s->ringn; i++) {
		size_t at = (s->ringat + SCAN_CONTEXT - 1 - i) % SCAN_CONTEXT;
		/* Each line is read for its stage once, however many unknown
		 * lines after it ask. */
		if (s->ringstage[at] == -2)
			s->ringstage[at] = scan_stop_stage(s->ringp[at],
			    s->ringlen[at]);
		if (s->ringstage[at] >= 0)
			return scan_stage_entry(s, (unsigned)scan_stop_family(
			    s->ringstage[at]));
		if (!framed)
			continue;
		if (s->ringmod[at] == -2)
			s->ringmod[at] = (int)module_stage(s->ringp[at],
			    s->ringlen[at]);
		if (s->ringmod[at] < FAM_COUNT)
			return scan_stage_entry(s, (unsigned)s->ringmod[at]);
	}
	return NULL;
}
