/* report.h: one recorded session as a report for HQ: who, where, when,
 * the phone, platform and tool, the error as typed and as recognised
 * with its cause, every step with its answer, time and note, the
 * outcome, and for an escalation what HQ needs and what to attach.
 * Layer: report (above sessions, records and words). */
#ifndef FLASHFIX_REPORT_H
#define FLASHFIX_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "kb.h"
#include "output.h"
#include "records.h"

enum report_format { REPORT_TEXT, REPORT_MARKDOWN, REPORT_JSON, REPORT_CSV };

/* The format that s names (text, markdown, json, csv); false if none. */
bool report_format_parse(const char *s, enum report_format *f);

/* The report of r, read against kb, in format f with the knowledge base's
 * text in lang; utf8 false keeps it ASCII.  malloc'd, *len bytes. */
char *report_make(const struct kb *kb, const struct rec *r,
    enum report_format f, enum lang lang, bool utf8, size_t *len);

/* Writes a report to path atomically, never through a symbolic link and
 * never over an existing file unless force.  False with a message in
 * *err (malloc'd). */
bool report_save(const char *path, const char *data, size_t n, bool force,
    char **err);

#endif
