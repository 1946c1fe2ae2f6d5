/* match.h: ranking knowledge-base errors against what an engineer typed or
 * pasted: a message in either language, a code, a log line, a typo.
 * Layer: match (the query side). */
#ifndef FLASHFIX_MATCH_H
#define FLASHFIX_MATCH_H

#include <stdbool.h>
#include <stddef.h>

#include "kb.h"
#include "match_index.h"

/* Scores run from 0 to 1; below this nothing is presented as a match. */
#define MATCH_THRESHOLD 0.5


struct match_result {
	const struct kb_error *err;
	double score;
	bool by_code; /* a code in the text named this error */
};

/* Whether r is one of the errors that share best's message: both say how
 * to tell them apart, and r scores about as well. */
bool match_shares_message(const struct match_result *r,
    const struct match_result *best);

/* The errors that share e's message and say how to tell them apart, e
 * among them, best first; at most max in out.  Fewer than two: nothing to
 * ask. */
size_t match_same_message(struct match_index *ix, const struct kb_error *e,
    const struct kb_error **out, size_t max);


/* Whether the results hold a number that names errors of different
 * families (code systems) alike: WCSM code 4008 and MediaTek's 4008 for a
 * bare "4008".  Then the words printed before the number tell them
 * apart, and a front end says so rather than choose. */
bool match_ambiguous_code(const struct match_result *r, size_t n);

/* Whether text is a line no error can be read from (success, progress,
 * debug data): match_query() finds nothing in it, and a front end must
 * offer nothing as its best match. */
bool match_refused(const char *text);

/* Ranks the errors against text, best first, keeping those that score at
 * least MATCH_THRESHOLD and occur on platform (0: any).  Writes at most max
 * results to out; returns how many. */
size_t match_query(struct match_index *ix, const char *text,
    unsigned platform, struct match_result *out, size_t max);

/* Ranks every error of the platform (0: any) with a score, best first,
 * including weak ones, for a list that filters as the engineer types.
 * An empty text keeps knowledge-base order.  Returns how many. */
size_t match_rank_all(struct match_index *ix, const char *text,
    unsigned platform, struct match_result *out, size_t max);

#endif
