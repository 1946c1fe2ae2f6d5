/* logline.h: what kind of line a log line is, before any knowledge
 * base is asked: one that reports success, progress or debug data (no
 * error can be read from it, so it never gets a guess), or one that may
 * report a failure.  Layer: formats. */
#ifndef FLASHFIX_LOGLINE_H
#define FLASHFIX_LOGLINE_H

#include <stdbool.h>
#include <stddef.h>

/* Whether the n bytes at s report success, progress or debug data and
 * nothing that fails: "All command exec done!", "Sahara protocol
 * completed", "INFO: TARGET SAID: 'INFO: ...'", "READ64 image: 13
 * offset: 0x0", "Download 45%".  A line with any word of failure
 * (error, fail, invalid, timeout, cannot, 失败 ...) is never benign. */
bool logline_benign(const char *s, size_t n);

/* Whether the n bytes at s say that something went wrong: a word of
 * failure (error, failed, cannot, stuck, not, 失败, 无法 ...).  A line
 * without one ("Preloader - Get Target info", "Serial port open!") may
 * share words with an error's message but does not report it. */
bool logline_says_failure(const char *s, size_t n);

/* Whether word w (case-folded) is generic: it says that something
 * failed but not what ("error", "failed", "status", "错误", "失败").
 * A match that rests on such words alone is no match. */
bool logline_generic_word(const char *w);

/* Whether the n bytes at s may report a failure and are worth asking the
 * knowledge base about: a word of failure (error, fail, timeout, 失败 ...,
 * also in GB18030) or of the vendor's tools' messages.  Fast: a whole log
 * goes through it. */
bool logline_maybe_error(const char *s, size_t n);

/* What a glance at the raw bytes of a line says, in one pass and before
 * any decoding: LOGLINE_MAYBE_ERROR when it holds the start of a mark of
 * logline_maybe_error(), LOGLINE_MAYBE_OK when it holds the start of a
 * word of success.  A line with neither needs no more work. */
enum {
	LOGLINE_MAYBE_ERROR = 1, LOGLINE_MAYBE_OK = 2,
	LOGLINE_HIDDEN = 4,  /* escapes or NUL bytes may hide words: decode
				 the line and glance again */
};
unsigned logline_glance(const char *s, size_t n);
/* The same a byte at a time, without vector instructions: what
 * logline_glance() does where the machine has none (and what the tests
 * hold it to where it has). */
unsigned logline_glance_bytes(const char *s, size_t n);

/* Whether the n bytes at s report that something succeeded ("Download
 * OK", "All command exec done!", "Sahara protocol completed") and nothing
 * failed: a flash that goes on after it got past what failed before. */
bool logline_success(const char *s, size_t n);

/* Whether the n bytes at s are a field and its value, as a tool lists
 * what it read from a device ("Preloader - \tMem read auth:\t\tFalse",
 * "SBC enabled: True", "HW code: 0x959"): the value a truth value or a
 * number, the label without a word of failure.  Debug data, no error. */
bool logline_field(const char *s, size_t n);

/* The length of the time stamps that lead the n bytes at s, with the
 * spaces and the colon after them: "[2024-03-01 10:42:13.123] ",
 * "[004.331]: ", "15:58:07: ", "2025-07-13 15:58:32.326    15:58:07: ".
 * What follows is the same text each time a tool prints the same thing;
 * a leading number that is no time ("4032 failed") is not a stamp: 0. */
size_t logline_stamp(const char *s, size_t n);

#endif
