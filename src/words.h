/* words.h: the wizard's words, one source for both front ends (the full
 * screen and the line mode) and the report: the questions, the labels of
 * platforms, answers and outcomes, the knowledge base's text in the
 * language asked for, and what the records say of a step.
 * Layer: words (above the wizard, the records and the statistics). */
#ifndef FLASHFIX_WORDS_H
#define FLASHFIX_WORDS_H

#include <stddef.h>

#include "output.h"
#include "stats.h"
#include "wizard.h"

/* Knowledge-base text in lang: English, Chinese (English when there is
 * none), or both ("en\nzh", one when the two are the same).  malloc'd;
 * NULL when en is NULL. */
char *words_kb(enum lang lang, const char *en, const char *zh);

/* "Which platform is the phone?" and the other questions of the
 * wizard's stages (translated). */
const char *words_question(enum wiz_stage s);
/* ", ": what separates the items of a list in a sentence (zh_CN: a
 * full-width comma). */
const char *words_sep(void);
/* A source as the knowledge base cites it ("vendor FAQ (overseas flash
 * tool FAQ, 2020-10-21); forum page: x"), the words that say what kind
 * of source it is in the interface's language; names, files and
 * numbers as they are.  malloc'd. */
char *words_source(const char *source);
/* What an answer is: "a known error", or for a family's own entry "only
 * the family: the text names it, but no known error of it". */
const char *words_scope(const struct kb_error *e);
/* "MTK", "Qualcomm", or "not known" for 0. */
const char *words_platform(unsigned platform);
/* "fixed", "not fixed", "can't do it here". */
const char *words_answer(enum wiz_answer a);
/* "fixed", "not fixed: escalated to HQ", "abandoned". */
const char *words_outcome(enum wiz_outcome o);
/* One word for it, for a column: "fixed", "escalated", "abandoned". */
const char *words_outcome_word(enum wiz_outcome o);
/* "Fixed at step N.", malloc'd. */
char *words_fixed_at(size_t step);
/* "Here before, this step fixed it 7 of 9 times." for the step w is
 * asking, from st (may be NULL); NULL when it was never tried.
 * malloc'd. */
char *words_step_history(const struct stats *st, const struct wizard *w);
/* "You have 2.0.17, the newest release of MsmDownloadTool this knowledge
 * base knows: ..." when the step asked is a tool update the engineer
 * already has (wizard_step_has_latest); NULL otherwise.  malloc'd. */
char *words_step_latest(const struct wizard *w);

#endif
