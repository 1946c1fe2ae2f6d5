/* util.c: checked allocation, a growable byte buffer, a hash.  Layer: base. */
#include <config.h>

#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#ifdef HAVE_MALLOC_H
#include <malloc.h>
#endif
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "i18n.h"

uint32_t
util_random32(void)
{
	uint32_t v;
	struct timespec ts;

	if (getrandom(&v, sizeof v, GRND_NONBLOCK) == (ssize_t)sizeof v)
		return v;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (uint32_t)(util_fnv1a(&ts, sizeof ts) ^ (uint64_t)getpid() *
	    2654435761u);
}

long long
util_now_ms(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
		return 1;
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000 + 1;
}

uint64_t
util_fnv1a(const void *s, size_t n)
{
	const unsigned char *p = s;
	uint64_t h = 1469598103934665603ULL;

	for (size_t i = 0; i < n; i++)
		h = (h ^ p[i]) * 1099511628211ULL;
	return h;
}

void
util_tune_malloc(void)
{
#if defined(HAVE_MALLOPT) && defined(M_MMAP_THRESHOLD)
	/* glibc's initial threshold, fixed: setting it stops the rise. */
	(void)mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif
}

/* Reports exhausted memory and exits: there is no sensible way on. */
_Noreturn void
xnomem(void)
{
	fputs(_("flashfix: out of memory\n"), stderr);
	exit(EXIT_NOMEM);
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		xnomem();
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		xnomem();
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		xnomem();
	return q;
}

void *
xgrow(void *p, size_t *cap, size_t need, size_t size)
{
	size_t c = *cap;
	if (need <= c)
		return p;
	if (c < 8)
		c = 8;
	while (c < need) {
		if (c > SIZE_MAX / 2)
			xnomem();
		c *= 2;
	}
	if (size && c > SIZE_MAX / size)
		xnomem();
	p = xrealloc(p, c * size);
	*cap = c;
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xvasprintf(const char *fmt, va_list ap)
{
	struct buf b;
	va_list cp;
	int n;

	buf_init(&b);
	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		return xstrdup(fmt);
	b.s = xgrow(b.s, &b.cap, (size_t)n + 1, 1);
	vsnprintf(b.s, (size_t)n + 1, fmt, ap);
	return b.s;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	return s;
}

void
buf_init(struct buf *b)
{
	b->s = NULL;
	b->len = 0;
	b->cap = 0;
}

void
buf_free(struct buf *b)
{
	free(b->s);
	buf_init(b);
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}

void
buf_add(struct buf *b, const void *p, size_t n)
{
	if (n > SIZE_MAX - b->len - 1)
		xnomem();
	b->s = xgrow(b->s, &b->cap, b->len + n + 1, 1);
	if (n)
		memcpy(b->s + b->len, p, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_addc(struct buf *b, char c)
{
	buf_add(b, &c, 1);
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	buf_adds(b, s);
	free(s);
}

char *
buf_take(struct buf *b)
{
	char *s = b->s ? b->s : xstrdup("");
	buf_init(b);
	return s;
}
