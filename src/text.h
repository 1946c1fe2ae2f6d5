/* text.h: Unicode text helpers over libunistring: normalising, escaping,
 * display width and wrapping.  Strings are UTF-8.
 * Layer: base. */
#ifndef FLASHFIX_TEXT_H
#define FLASHFIX_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* True when the locale's character set is UTF-8 (decided once). */
bool text_terminal_utf8(void);
/* Overrides the detection (tests, --ascii). */
void text_set_terminal_utf8(bool utf8);

enum {
	TEXT_ASCII = 1,   /* replace every non-ASCII character by '?' */
	TEXT_KEEP_NL = 2, /* keep line feeds; otherwise they are escaped */
};

/* A copy of s that is safe to show: invalid UTF-8 becomes U+FFFD (or '?'),
 * control characters, C1 controls and bidirectional overrides become
 * visible escapes such as \x1B or \u202E, tabs become spaces. */
char *text_escape(const char *s, size_t n, int flags);
/* text_escape for a NUL-terminated string, ASCII unless utf8. */
char *text_sanitize(const char *s, bool utf8);
/* text_sanitize, cut to width columns with an ellipsis (... in ASCII)
 * when longer: a text of unbounded length quoted in a message. */
char *text_cut(const char *s, size_t width, bool utf8);

/* True when s[0..n) is valid UTF-8; else *bad is the offset of the first
 * invalid byte. */
bool text_valid_utf8(const char *s, size_t n, size_t *bad);
/* Offset of the first byte that is invalid UTF-8 or starts a control
 * character (C0 but TAB/LF/CR, NUL, DEL, C1), or (size_t)-1: one pass,
 * fast over ASCII. */
size_t text_find_bad(const char *s, size_t n);

/* Columns s takes on a terminal. */
size_t text_width(const char *s);

/* Splits s into lines of at most width columns (break at spaces and
 * between CJK characters, a word longer than a line is cut between
 * characters).  Hard line breaks in s are kept.  Returns an array of
 * malloc'd lines, count in *nlines. */
char **text_wrap(const char *s, size_t width, size_t *nlines);
/* The same, but with links_whole a link longer than a line (a word with
 * "://") stays whole on a line of its own, wider than width, so that it
 * can be copied: for text printed to a terminal that wraps it itself. */
char **text_wrap_links(const char *s, size_t width, size_t *nlines,
    bool links_whole);
void text_lines_free(char **lines, size_t n);

/* Bytes of the longest start of s that fits in width columns (never
 * cutting a character); its columns in *cols when cols is not NULL. */
size_t text_fit(const char *s, size_t width, size_t *cols);
/* Offset of the shortest end of s that is at most width columns wide:
 * what a one-line field shows when its text is too long. */
size_t text_tail(const char *s, size_t width);

/* Number of UTF-8 characters in s[0..n). */
size_t text_chars(const char *s, size_t n);

#endif
