/* convo_int.h: what the files of the conversation share: moving to a
 * question, choosing the error, the error question's other texts.
 * Layer: conversation. */
#ifndef FLASHFIX_CONVO_INT_H
#define FLASHFIX_CONVO_INT_H

#include "convo.h"

/* Whether unfinished sessions are offered (some not yet abandoned). */
bool convo_offered(const struct convo *c);
/* msg (malloc'd, or NULL) is said before the next question. */
void convo_say(struct convo *c, char *msg);
void convo_go(struct convo *c, enum convo_at at);
/* The question of the stage the session is at (one taken up). */
void convo_at_stage(struct convo *c);
/* The step asked, or the outcome. */
void convo_to_step_or_outcome(struct convo *c);
/* The error chosen (NULL: not listed) for query: which one, where errors
 * share a message; else its plan, and its cause to read. */
void convo_choose_error(struct convo *c, const struct kb_error *e,
    const char *query);
/* Text at the error question that is not a message to match: nothing,
 * a paste, a log's path; true when it was one of them (and acted on). */
bool convo_error_text(struct convo *c, const char *text);

#endif
