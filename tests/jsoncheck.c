/* jsoncheck.c: test helper.  Reads JSON on standard input and exits 0
 * when it is valid (RFC 8259, UTF-8), 1 when not.  With a path argument
 * ("0.id", "2.fixes.0.level", "#" for the length of the top array,
 * "0.fixes.#" for a nested one) it prints the value found there: strings
 * unescaped, anything else as written. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *p, *end;
static const char *want[32];
static int nwant, depth_found = -1;
static const char *found_at, *found_end;
static long found_len = -1;

static void
ws(void)
{
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
}

static bool value(int depth, bool on_path);

static bool
string(void)
{
	if (p >= end || *p != '"')
		return false;
	for (p++; p < end && *p != '"'; p++) {
		unsigned char c = (unsigned char)*p;
		if (c < 0x20)
			return false;
		if (c == '\\') {
			p++;
			if (p >= end)
				return false;
			if (*p == 'u') {
				for (int i = 0; i < 4; i++)
					if (++p >= end || !strchr("0123456789abcdefABCDEF", *p))
						return false;
			} else if (!strchr("\"\\/bfnrt", *p)) {
				return false;
			}
		}
	}
	if (p >= end)
		return false;
	p++;
	return true;
}

/* Whether key (a JSON string at k..ke, quotes included) equals s. */
static bool
key_is(const char *k, const char *ke, const char *s)
{
	size_t n = strlen(s);
	return (size_t)(ke - k) == n + 2 && memcmp(k + 1, s, n) == 0;
}

static bool
value(int depth, bool on_path)
{
	const char *start;

	ws();
	start = p;
	if (on_path && depth == nwant) {
		found_at = start;
		depth_found = depth;
	}
	if (p >= end)
		return false;
	if (*p == '{') {
		p++;
		ws();
		if (p < end && *p == '}') {
			p++;
			goto done;
		}
		for (;;) {
			const char *k;
			ws();
			k = p;
			if (!string())
				return false;
			bool sub = on_path && depth < nwant &&
			    key_is(k, p, want[depth]);
			ws();
			if (p >= end || *p++ != ':')
				return false;
			if (!value(depth + 1, sub))
				return false;
			ws();
			if (p < end && *p == ',') {
				p++;
				continue;
			}
			if (p < end && *p == '}') {
				p++;
				goto done;
			}
			return false;
		}
	}
	if (*p == '[') {
		long i = 0;
		p++;
		ws();
		if (p < end && *p == ']') {
			p++;
			if (on_path && depth + 1 == nwant &&
			    strcmp(want[depth], "#") == 0)
				found_len = 0;
			goto done;
		}
		for (;; i++) {
			char idx[32];
			snprintf(idx, sizeof idx, "%ld", i);
			bool sub = on_path && depth < nwant &&
			    strcmp(want[depth], idx) == 0;
			if (!value(depth + 1, sub))
				return false;
			ws();
			if (p < end && *p == ',') {
				p++;
				continue;
			}
			if (p < end && *p == ']') {
				p++;
				if (on_path && depth + 1 == nwant &&
				    strcmp(want[depth], "#") == 0)
					found_len = i + 1;
				goto done;
			}
			return false;
		}
	}
	if (*p == '"') {
		if (!string())
			return false;
		goto done;
	}
	if (strncmp(p, "true", 4) == 0 || strncmp(p, "null", 4) == 0) {
		p += 4;
		goto done;
	}
	if (strncmp(p, "false", 5) == 0) {
		p += 5;
		goto done;
	}
	if (*p == '-' || (*p >= '0' && *p <= '9')) {
		char *e;
		strtod(p, &e);
		if (e == p)
			return false;
		p = e;
		goto done;
	}
	return false;
done:
	if (found_at == start && depth_found == depth)
		found_end = p;
	return true;
}

/* Prints a JSON string's contents unescaped (\uXXXX as UTF-8). */
static void
print_string(const char *s, const char *e)
{
	for (s++, e--; s < e; s++) {
		if (*s != '\\') {
			putchar(*s);
			continue;
		}
		s++;
		switch (*s) {
		case 'n': putchar('\n'); break;
		case 't': putchar('\t'); break;
		case 'b': putchar('\b'); break;
		case 'f': putchar('\f'); break;
		case 'r': putchar('\r'); break;
		case 'u': {
			char hex[5] = { s[1], s[2], s[3], s[4], 0 };
			unsigned long c = strtoul(hex, NULL, 16);
			s += 4;
			if (c < 0x80) {
				printf("\\u%04lx", c); /* keep controls visible */
			} else if (c < 0x800) {
				putchar((int)(0xc0 | (c >> 6)));
				putchar((int)(0x80 | (c & 0x3f)));
			} else {
				putchar((int)(0xe0 | (c >> 12)));
				putchar((int)(0x80 | ((c >> 6) & 0x3f)));
				putchar((int)(0x80 | (c & 0x3f)));
			}
			break;
		}
		default: putchar(*s); break;
		}
	}
}

int
main(int argc, char **argv)
{
	static char buf[1 << 24];
	size_t n = fread(buf, 1, sizeof buf, stdin);
	char *path = argc > 1 ? argv[1] : NULL;

	if (path)
		for (char *t = strtok(path, "."); t && nwant < 32;
		    t = strtok(NULL, "."))
			want[nwant++] = t;
	p = buf;
	end = buf + n;
	if (!value(0, true))
		goto bad;
	ws();
	if (p != end)
		goto bad;
	if (!path)
		return 0;
	if (found_len >= 0) {
		printf("%ld\n", found_len);
		return 0;
	}
	if (!found_end)
		return 2; /* valid, but nothing at that path */
	if (*found_at == '"')
		print_string(found_at, found_end);
	else
		fwrite(found_at, 1, (size_t)(found_end - found_at), stdout);
	putchar('\n');
	return 0;
bad:
	fprintf(stderr, "jsoncheck: invalid JSON at byte %ld\n",
	    (long)(p - buf));
	return 1;
}
