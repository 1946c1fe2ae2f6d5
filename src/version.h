/* version.h: parsing and comparing flash tool versions (2.0.11,
 * 19.36.101, V1936.91).
 * Layer: base. */
#ifndef FLASHFIX_VERSION_H
#define FLASHFIX_VERSION_H

#include <stdbool.h>
#include <stddef.h>

#define VERSION_MAX_PARTS 6

struct version {
	unsigned long part[VERSION_MAX_PARTS];
	size_t nparts; /* 0: no version */
};

/* Parses s[0..n): an optional 'v' or 'V', then numbers separated by
 * dots.  Returns false when s is not such a version; *bad is then the
 * offset of the offending character. */
bool version_parse(const char *s, size_t n, struct version *v, size_t *bad);
/* <0, 0, >0 as a is older than, the same as, newer than b; missing parts
 * count as 0 (2.0 == 2.0.0). */
int version_cmp(const struct version *a, const struct version *b);
/* Writes v as dotted numbers into a malloc'd string. */
char *version_str(const struct version *v);

#endif
