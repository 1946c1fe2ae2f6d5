/* version.c: parsing and comparing flash tool versions.
 * Layer: base. */
#include <config.h>

#include "version.h"

#include <limits.h>

#include "util.h"

bool
version_parse(const char *s, size_t n, struct version *v, size_t *bad)
{
	size_t i = 0;

	v->nparts = 0;
	while (i < n && s[i] == ' ')
		i++;
	while (n > i && s[n - 1] == ' ')
		n--;
	if (i < n && (s[i] == 'v' || s[i] == 'V'))
		i++;
	if (i >= n) {
		if (bad)
			*bad = i < n ? i : n;
		return false;
	}
	for (;;) {
		unsigned long x = 0;
		size_t digits = 0;

		while (i < n && s[i] >= '0' && s[i] <= '9') {
			if (x > (ULONG_MAX - 9) / 10 || digits >= 9)
				goto fail; /* no tool has a part this big */
			x = x * 10 + (unsigned long)(s[i] - '0');
			i++;
			digits++;
		}
		if (digits == 0 || v->nparts == VERSION_MAX_PARTS)
			goto fail;
		v->part[v->nparts++] = x;
		if (i == n)
			return true;
		if (s[i] != '.')
			goto fail;
		i++;
	}
fail:
	if (bad)
		*bad = i;
	v->nparts = 0;
	return false;
}

int
version_cmp(const struct version *a, const struct version *b)
{
	size_t n = a->nparts > b->nparts ? a->nparts : b->nparts;

	for (size_t i = 0; i < n; i++) {
		unsigned long x = i < a->nparts ? a->part[i] : 0;
		unsigned long y = i < b->nparts ? b->part[i] : 0;
		if (x != y)
			return x < y ? -1 : 1;
	}
	return 0;
}

char *
version_str(const struct version *v)
{
	struct buf b;

	buf_init(&b);
	for (size_t i = 0; i < v->nparts; i++)
		buf_printf(&b, i ? ".%lu" : "%lu", v->part[i]);
	return buf_take(&b);
}
