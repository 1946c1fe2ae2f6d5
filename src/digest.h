/* digest.h: a fast 64-bit digest of a stream of bytes, to tell whether a
 * file still holds the bytes a cache was made from.  Not cryptographic:
 * it guards against edits and corruption, not against an attacker.
 * Layer: base. */
#ifndef FLASHFIX_DIGEST_H
#define FLASHFIX_DIGEST_H

#include <stddef.h>
#include <stdint.h>

struct digest {
	uint64_t lane[4];
	unsigned char tail[32];
	size_t ntail;
	uint64_t total; /* bytes added */
};

void digest_init(struct digest *g);
/* The same bytes give the same digest however they are split. */
void digest_add(struct digest *g, const void *p, size_t n);
uint64_t digest_end(const struct digest *g);
/* The digest of one buffer. */
uint64_t digest_of(const void *p, size_t n);

#endif
