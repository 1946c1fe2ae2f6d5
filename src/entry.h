/* entry.h: a knowledge-base entry as lookup and scan print it.
 * Layer: commands. */
#ifndef FLASHFIX_ENTRY_H
#define FLASHFIX_ENTRY_H

#include <stdbool.h>
#include <stddef.h>

#include "cli.h"
#include "kb.h"
#include "match.h"

/* The entry's fields as JSON members ("id":...,"fixes":[...]), without
 * the braces, so that a caller can add its own. */
void entry_json(const struct kb *kb, const struct match_result *r,
    bool ambiguous);
/* The entry as text: "N. message", its id, platforms, family and score,
 * cause, source and steps, wrapped at width. */
void entry_text(const struct look *o, const struct kb *kb,
    const struct match_result *r, size_t n, size_t width);
/* A text pair in the language(s) of o, wrapped under a label. */
void entry_show(const struct look *o, size_t indent, const char *label,
    const char *en, const char *zh, size_t width);

#endif
