/* plain.h: the line-oriented front end: numbered questions on standard
 * output, answers from standard input, one a line.  For dumb terminals,
 * screen readers and scripts. */
#ifndef FLASHFIX_PLAIN_H
#define FLASHFIX_PLAIN_H

#include "cli.h"
#include "kb.h"
#include "match.h"
#include "wizard.h"

/* Runs one session to its outcome (or to the end of input, which leaves
 * it abandoned).  Returns false when input ended before the outcome. */
bool plain_run(const struct options *o, struct wizard *w,
    struct match_index *ix);

#endif
