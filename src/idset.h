/* idset.h: a set of session ids, for reading a chain's records files
 * together: a session found in more than one file is taken once.  An id
 * as flashfix makes them (the start time and 24 random bits, in hex) is
 * kept in 8 bytes; any other as a string.  Layer: base. */
#ifndef FLASHFIX_IDSET_H
#define FLASHFIX_IDSET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct idset {
	uint64_t *k;       /* packed ids + 1, open addressing; 0: free */
	size_t nk, capk;
	char **v;          /* other ids, open addressing; NULL: free */
	size_t n, cap;
};

void idset_init(struct idset *s);
void idset_free(struct idset *s);
/* Whether id was in s; it is from now on. */
bool idset_seen(struct idset *s, const char *id);

#endif
