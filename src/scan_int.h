/* scan_int.h: what scan.c and scan_ring.c share: the ring of the last
 * lines and the stages they show.  Not for other modules.  Layer: scan. */
#ifndef FLASHFIX_SCAN_INT_H
#define FLASHFIX_SCAN_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "kb.h"
#include "scan.h"

/* At most SCAN_KEEP bytes of text, not cutting a UTF-8 character. */
size_t scan_keep_len(const char *text, size_t n);

/* Keeps the n bytes at text, line number line, as the ring's newest
 * line: borrowed where scan_borrow() allows, else copied. */
void scan_remember(struct scan *s, unsigned long line, const char *text,
    size_t n);
/* Copies line at of the ring into it, if it is borrowed. */
void scan_own(struct scan *s, size_t at);
/* Copies the ring's borrowed lines whose buffer the reader will reuse
 * before the next line (their gen is older than *s->gen). */
void scan_own_old(struct scan *s);

/* Whether the n bytes at t are framed as mtkclient frames its lines: a
 * module's name and " - " in their first 40 bytes. */
bool scan_module_framed(const char *t, size_t n);
/* The family entry of stage (enum family) fam, when the base has one and
 * the platform asked for (or the log's) is the stage's. */
const struct kb_error *scan_stage_entry(const struct scan *s, unsigned fam);
/* The stage's family of an error line the base does not know, from the
 * ring's lines before it (framed: the line is mtkclient's), or NULL. */
const struct kb_error *scan_in_stage(struct scan *s, bool framed);

#endif
