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


/* At or above this score, words alone name one known error; below it,
 * only the error's family is told (its own entry, the one named as the family), unless
 * a code named the error. */
#define MATCH_SPECIFIC_MIN 0.8
/* Below MATCH_SPECIFIC_MIN, an error is still specific when its message
 * explains this much of the text, or the text holds this much of its
 * message, and no other error scores within
 * MATCH_NEAR of it. */
#define MATCH_COVER_ALL 0.95
#define MATCH_NEAR 0.1
/* A family's own entry, found by its words, needs at least this score:
 * its words are common ones of the field. */
#define MATCH_FAMILY_MIN 0.5
/* and it gives way to a known error of the family that scores within
 * this of it. */
#define MATCH_FAMILY_YIELD 0.15
/* An error of the other platform than the line's frame names needs at
 * least this score, or its code. */
#define MATCH_OTHER_PLATFORM 0.95

/* An error of one platform, in a text that names no platform, needs at
 * least this score, or its code. */
#define MATCH_UNPLACED 0.9
/* or all of a message whose words weigh at least this many of the
 * base's rarest words. */
#define MATCH_UNPLACED_MASS 1.5
/* A family of one platform, where none is named, on all of one of its
 * own messages whose words weigh at least this many rarest words. */
#define MATCH_FAMILY_SAYS 2.0
/* The score below which an error of a stage the line's mtkclient module
 * does not run in is dropped (frame_module). */
#define MATCH_MODULE_SURE 0.8

/* How much an answer says, as far as the evidence goes. */
enum match_level {
	MATCH_SPECIFIC,       /* one known error: its name, its code, a
				 distinctive message */
	MATCH_FAMILY,         /* only its family: the family's own entry */
	MATCH_OTHER,          /* another tool's error, outside the base */
	MATCH_LEVELS
};

struct match_result {
	const struct kb_error *err;
	double score;
	bool by_code; /* a code in the text named this error */
	bool against; /* the text states a status that is none of its codes */
	unsigned char level; /* enum match_level: specific or family */
	float cover; /* how much of the text the error's message explains */
	float whole; /* how much of the error's message the text holds */
	float mass;  /* the weight of the words of that message the text
			holds, counted in rarest words of the base */
};

/* "specific", "family", "other": as lookup --json writes the level. */
const char *match_level_key(enum match_level l);

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

/* Whether text is a line no error of the base can be read from (success,
 * progress, debug data, or plainly another tool's error): match_query()
 * finds nothing in it, and a front end must offer nothing as its best
 * match. */
bool match_refused(const char *text);

/* When text is plainly another tool's error, outside what the base knows
 * (Odin, fastboot, TWRP, a Python traceback, a Windows dialog about a
 * library the base does not know), that tool's name; else NULL.  Ask it
 * when match_query() found nothing. */
const char *match_other(struct match_index *ix, const char *text);

/* Whether text finds an error on each platform when the platform is
 * given (a message both platforms' tools print): MTK's into out[0],
 * Qualcomm's into out[1]. */
bool match_each_platform(struct match_index *ix, const char *text,
    struct match_result out[2]);

/* Ranks the errors against text, best first, keeping those that score at
 * least MATCH_THRESHOLD and occur on platform (0: any).  Each result says
 * its level: an error whose evidence is thin is replaced by its family's
 * own entry (when the base has one), and a family is given once.  When
 * the line's frame names a platform and platform is 0, errors of the
 * other platform need strong evidence.  Writes at most max results to
 * out; returns how many. */
size_t match_query(struct match_index *ix, const char *text,
    unsigned platform, struct match_result *out, size_t max);

/* Ranks every error of the platform (0: any) with a score, best first,
 * including weak ones, for a list that filters as the engineer types.
 * An empty text keeps knowledge-base order.  Returns how many. */
size_t match_rank_all(struct match_index *ix, const char *text,
    unsigned platform, struct match_result *out, size_t max);

/* The same, for a list of errors as one types: *presented of the results,
 * first, are the ones the matcher offers as answers (none for a line it
 * refuses, only those of at least MATCH_THRESHOLD; all for an empty
 * text), the rest are weaker.  The matcher's policy lives here, so that
 * no front end applies it again by hand. */
size_t match_rank_list(struct match_index *ix, const char *text,
    unsigned platform, struct match_result *out, size_t max,
    size_t *presented);

#endif
