/* logline_stamp.c: the time stamps and quote marks that lead a log line,
 * and where its text starts after them.  Part of logline.
 * Layer: formats. */
#include <config.h>

#include "logline.h"

#include <stdbool.h>
#include <stddef.h>

/* Whether byte c is an ASCII digit (no locale's tables: this runs on
 * every line of a log). */
#define DIGIT(c) ((unsigned char)((c) - '0') < 10)

/* The length of one time stamp at s (no spaces before it), or 0: digits
 * and the separators of dates and times, with a ':' between digits (a
 * time) or, in brackets, a '.' (seconds since start: "[004.331]"). */
static size_t
one_stamp(const char *s, size_t n)
{
	size_t i = 0, digits = 0;
	bool colon = false, dot = false, date = false;
	char close = 0;

	if (n && (s[0] == '[' || s[0] == '('))
		close = s[i++] == '[' ? ']' : ')';
	/* Most lines start with no digit: no stamp ("[    4.331]" may pad
	 * its digits with spaces). */
	{
		size_t j = i;
		while (close && j < n && s[j] == ' ')
			j++;
		if (j >= n || !DIGIT(s[j]))
			return 0;
	}
	for (; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= '0' && c <= '9') {
			digits++;
			continue;
		}
		if (c == ':' && i > 0 && i + 1 < n && DIGIT(s[i - 1]) &&
		    DIGIT(s[i + 1]))
			colon = true;
		else if (c == '.' || c == ',')
			dot = dot || (i > 0 && DIGIT(s[i - 1]));
		else if ((c == ' ' || c == 'T') && (close || (date && !colon &&
		    i + 1 < n && DIGIT(s[i + 1]))))
			/* "2024-03-01 10:42:13", "2024-03-01T10:42:13" */
			date = false;
		else if (c == '-' || c == '/')
			date = true;
		else if (c != ':')
			break;
	}
	if (digits < 2 || !(colon || (close && dot)))
		return 0;
	if (close) {
		if (i >= n || s[i] != close)
			return 0;
		i++;
	} else {
		/* A time unbracketed: the digits end it, then a space, a
		 * colon or the end. */
		while (i > 0 && !DIGIT(s[i - 1]))
			i--;
		/* "06:10:14]:" as posted, its bracket's start cut off */
		if (i < n && s[i] == ']' && colon)
			i++;
		if (i < n && s[i] != ' ' && s[i] != ':' && s[i] != '\t')
			return 0;
	}
	return i;
}

size_t
logline_stamp(const char *s, size_t n)
{
	size_t at = 0;

	/* A log pasted as a quote: "> " before each line. */
	while (at < n && s[at] == '>' && (at + 1 == n || s[at + 1] == ' ' ||
	    s[at + 1] == '\t')) {
		at++;
		while (at < n && (s[at] == ' ' || s[at] == '\t'))
			at++;
	}

	for (int k = 0; k < 4; k++) {
		size_t i = at, len;
		while (i < n && (s[i] == ' ' || s[i] == '\t'))
			i++;
		if ((len = one_stamp(s + i, n - i)) == 0)
			break;
		i += len;
		if (i < n && s[i] == ':')
			i++;
		while (i < n && (s[i] == ' ' || s[i] == '\t'))
			i++;
		at = i;
	}
	return at;
}
