/* util.h: checked allocation and a growable byte buffer.
 * Layer: base. */
#ifndef FLASHFIX_UTIL_H
#define FLASHFIX_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Exit status used when memory runs out. */
#define EXIT_NOMEM 4

/* Reports exhausted memory and exits. */
_Noreturn void xnomem(void);
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
/* Grows an array of *cap elements of size to hold at least need. */
void *xgrow(void *p, size_t *cap, size_t need, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/* 32 random bits from the kernel (getrandom), or, where it cannot give
 * them, from the time and the process. */
uint32_t util_random32(void);

/* Milliseconds on a clock that only goes forward (never 0). */
long long util_now_ms(void);

/* The 64-bit FNV-1a hash of n bytes, for the hash tables. */
uint64_t util_fnv1a(const void *s, size_t n);

/* Keeps malloc from holding on to freed memory: the program's big arrays
 * (a base's index, its temporary tables) are then each mapped on their
 * own and given back to the system when freed.  glibc otherwise raises
 * its mapping threshold to the largest block freed so far, and later
 * arrays of that size stay in the heap after they are freed.  Call it
 * once, first. */
void util_tune_malloc(void);

/* A growable, always NUL-terminated byte buffer. */
struct buf {
	char *s;
	size_t len;
	size_t cap;
};

void buf_init(struct buf *b);
void buf_free(struct buf *b);
void buf_reset(struct buf *b);
void buf_add(struct buf *b, const void *p, size_t n);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Hands the string over to the caller and empties the buffer. */
char *buf_take(struct buf *b);

#endif
