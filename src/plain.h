/* plain.h: the line-oriented front end: numbered questions on standard
 * output, answers from standard input, one a line.  For dumb terminals,
 * screen readers and scripts.  Layer: front ends. */
#ifndef FLASHFIX_PLAIN_H
#define FLASHFIX_PLAIN_H

#include "look.h"
#include "kb.h"
#include "match.h"
#include "session.h"
#include "stats.h"
#include "wizard.h"

/* Offers the unfinished sessions of of (if any), then runs one session
 * from the question it is at to its outcome.  The end of input before the
 * outcome leaves it abandoned (FE_DONE); a signal or a read error leaves
 * it as it is (FE_CUT). */
enum fe_result plain_run(const struct look *o, struct wizard *w,
    struct match_index *ix, const struct stats *st, struct offer *of);

#endif
