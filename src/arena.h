/* arena.h: many small strings that live as long as the knowledge base.
 * Layer: base. */
#ifndef FLASHFIX_ARENA_H
#define FLASHFIX_ARENA_H

#include <stddef.h>

struct arena_block;

struct arena {
	struct arena_block *head;
};

void arena_init(struct arena *a);
void arena_free(struct arena *a);
void *arena_alloc(struct arena *a, size_t n);
char *arena_strndup(struct arena *a, const char *s, size_t n);

#endif
