/* output.c: writing text for people (wrapped, escaped) and for programs
 * (JSON).
 * Layer: formats. */
#include <config.h>

#include "output.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <unistr.h>

#include "i18n.h"
#include "text.h"
#include "util.h"

size_t
output_width(FILE *fp)
{
	struct winsize ws;
	const char *c = getenv("COLUMNS");

	if (isatty(fileno(fp)) && ioctl(fileno(fp), TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col > 0)
		return ws.ws_col;
	if (c && *c) {
		long n = strtol(c, NULL, 10);
		if (n >= 20 && n <= 1000)
			return (size_t)n;
	}
	return 80;
}

void
output_wrapped(FILE *fp, size_t indent, const char *label, const char *text,
    size_t width, bool ascii)
{
	char *safe = text_escape(text, strlen(text),
	    TEXT_KEEP_NL | (ascii ? TEXT_ASCII : 0));
	size_t lw = text_width(label);
	size_t avail = width > indent + lw + 10 ? width - indent - lw : 10;
	size_t n;
	char **lines = text_wrap_links(safe, avail, &n, true);

	for (size_t i = 0; i < n; i++) {
		fprintf(fp, "%*s%s%s\n", (int)indent, "", i ? "" : label,
		    lines[i]);
		if (i == 0)
			label = "";
		if (i == 0 && lw)
			indent += lw;
	}
	text_lines_free(lines, n);
	free(safe);
}

const char *
pick(enum lang lang, const char *en, const char *zh)
{
	if (lang == LANG_ZH && zh && *zh)
		return zh;
	return en ? en : "";
}

void
json_str(FILE *fp, const char *s)
{
	const uint8_t *p, *end;

	if (!s) {
		fputs("null", fp);
		return;
	}
	p = (const uint8_t *)s;
	end = p + strlen(s);
	putc('"', fp);
	while (p < end) {
		ucs4_t c;
		int k = u8_mbtoucr(&c, p, (size_t)(end - p));
		if (k < 0) {
			fputs("\\ufffd", fp);
			p++;
			continue;
		}
		if (c == '"')
			fputs("\\\"", fp);
		else if (c == '\\')
			fputs("\\\\", fp);
		else if (c == '\n')
			fputs("\\n", fp);
		else if (c == '\t')
			fputs("\\t", fp);
		else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) ||
		    (c >= 0x202a && c <= 0x202e) ||
		    (c >= 0x2066 && c <= 0x2069) || c == 0x200e ||
		    c == 0x200f || c == 0x061c ||
		    /* Line and paragraph separators: valid JSON raw, but
		     * JSON Lines readers that split lines as Python's
		     * splitlines() does would cut the object there. */
		    c == 0x2028 || c == 0x2029)
			fprintf(fp, "\\u%04x", (unsigned)c);
		else
			fwrite(p, 1, (size_t)k, fp);
		p += k;
	}
	putc('"', fp);
}

bool
output_typist_without_tty(void)
{
	return !isatty(STDIN_FILENO) && getenv("SSH_CONNECTION") &&
	    !getenv("SSH_TTY");
}

bool
output_close_stdout(void)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		int e = errno;
		if (e != EPIPE)
			fprintf(stderr, _("flashfix: cannot write the output: "
			    "%s\n"), strerror(e ? e : EIO));
		return false;
	}
	return true;
}

void
json_count(FILE *fp, const char *s)
{
	size_t n = s ? strlen(s) : 0;

	if (n && n < 10 && strspn(s, "0123456789") == n)
		fputs(s, fp);
	else
		fputs("null", fp);
}

/* Whether a spreadsheet would take a cell that starts with c for a
 * formula (OWASP's list: = + - @, tab, carriage return). */
static bool
formula_start(char c)
{
	return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' ||
	    c == '\r';
}

static void
add_field(struct buf *b, const char *s, bool first, bool sheet)
{
	char *e = text_escape(s ? s : "", strlen(s ? s : ""), TEXT_KEEP_NL);

	if (!first)
		buf_addc(b, ',');
	buf_addc(b, '"');
	if (sheet && s && (formula_start(*s) || formula_start(*e)))
		buf_addc(b, '\'');
	for (const char *p = e; *p; p++) {
		if (*p == '"')
			buf_addc(b, '"');
		buf_addc(b, *p);
	}
	buf_addc(b, '"');
	free(e);
}

void
csv_field(struct buf *b, const char *s, bool first)
{
	add_field(b, s, first, false);
}

void
csv_cell(struct buf *b, const char *s, bool first)
{
	add_field(b, s, first, true);
}
