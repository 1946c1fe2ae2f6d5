/* output.h: writing text for people (wrapped, escaped) and for programs
 * (JSON).
 * Layer: formats. */
#ifndef FLASHFIX_OUTPUT_H
#define FLASHFIX_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

/* Which knowledge-base language to show. */
enum lang { LANG_EN, LANG_ZH, LANG_BOTH };

/* Columns to wrap standard output at: the terminal's width, else
 * $COLUMNS, else 80. */
size_t output_width(FILE *fp);

/* Writes label then text wrapped to width, continuation lines indented
 * under the text.  Control characters are escaped; when ascii is set,
 * non-ASCII characters become '?'. */
void output_wrapped(FILE *fp, size_t indent, const char *label,
    const char *text, size_t width, bool ascii);

/* Picks the text of a pair for lang: zh falls back to en when empty. */
const char *pick(enum lang lang, const char *en, const char *zh);

/* JSON: a string value, escaped so that no control or bidirectional
 * character, nor U+2028 or U+2029, passes raw; NULL writes null. */
void json_str(FILE *fp, const char *s);

/* JSON: a count read from a file: digits pass as a number, anything
 * else is null. */
void json_count(FILE *fp, const char *s);

struct buf;
/* CSV: adds a field to b (a comma first unless first): quoted, quotes
 * doubled, control characters escaped so that nothing raw reaches a
 * spreadsheet or a terminal; line feeds are kept. */
void csv_field(struct buf *b, const char *s, bool first);
/* The same for a file that a spreadsheet may open (export, a report's
 * CSV): a text that a spreadsheet would run as a formula (it starts with
 * = + - @, a tab or a carriage return) gets a ' before it, as OWASP
 * advises against CSV injection. */
void csv_cell(struct buf *b, const char *s, bool first);

/* Whether a person types at standard input although it is no terminal:
 * "ssh host flashfix" without -t (sshd sets SSH_CONNECTION, and SSH_TTY
 * only when it gave the session a terminal). */
bool output_typist_without_tty(void);

/* Flushes and checks standard output; false after reporting an error. */
bool output_close_stdout(void);

#endif
