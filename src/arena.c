/* arena.c: many small strings that live as long as the knowledge base.
 * Layer: base. */
#include <config.h>

#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define BLOCK_SIZE 65536

struct arena_block {
	struct arena_block *next;
	size_t used, size;
	max_align_t data[];
};

void
arena_init(struct arena *a)
{
	a->head = NULL;
}

void
arena_free(struct arena *a)
{
	while (a->head) {
		struct arena_block *n = a->head->next;
		free(a->head);
		a->head = n;
	}
}

/* Allocates n bytes aligned to align (a power of two). */
static void *
alloc_aligned(struct arena *a, size_t n, size_t align)
{
	struct arena_block *b = a->head;

	if (n > SIZE_MAX - align)
		xnomem();
	if (b)
		b->used = (b->used + align - 1) / align * align;
	if (!b || b->used > b->size || b->size - b->used < n) {
		size_t size = n > BLOCK_SIZE / 4 ? n : BLOCK_SIZE;
		b = xmalloc(sizeof *b + size);
		b->size = size;
		b->used = 0;
		if (n > BLOCK_SIZE / 4 && a->head) {
			/* A big one gets a block of its own behind the head,
			 * so the head's free room is not wasted. */
			b->next = a->head->next;
			a->head->next = b;
		} else {
			b->next = a->head;
			a->head = b;
		}
	}
	void *p = (char *)b->data + b->used;
	b->used += n;
	return p;
}

void *
arena_alloc(struct arena *a, size_t n)
{
	return alloc_aligned(a, n, sizeof(max_align_t));
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = alloc_aligned(a, n + 1, 1); /* text needs no alignment */
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}
