/* tap.h: a few macros to write TAP from C unit tests. */
#ifndef FLASHFIX_TAP_H
#define FLASHFIX_TAP_H

#include <stdio.h>
#include <string.h>

/* A program of several files counts once: each file defines TAP_MANY,
 * and the one with main TAP_MAIN, before including this. */
#if defined(TAP_MAIN)
int tap_n, tap_failed;
#elif defined(TAP_MANY)
extern int tap_n, tap_failed;
#else
static int tap_n, tap_failed;
#endif

/* One check: prints "ok N - what" or "not ok N - what". */
#define ok(cond, ...) do { \
	int ok_c_ = (cond) ? 1 : 0; \
	printf("%s %d - ", ok_c_ ? "ok" : "not ok", ++tap_n); \
	printf(__VA_ARGS__); \
	putchar('\n'); \
	if (!ok_c_) { \
		tap_failed++; \
		printf("#   at %s:%d: %s\n", __FILE__, __LINE__, #cond); \
	} \
} while (0)

/* Compares two strings, showing both when they differ. */
#define is_str(got, want, ...) do { \
	const char *g_ = (got), *w_ = (want); \
	int same_ = g_ && w_ && strcmp(g_, w_) == 0; \
	ok(same_, __VA_ARGS__); \
	if (!same_) \
		printf("#   got:  '%s'\n#   want: '%s'\n", g_ ? g_ : "(null)", \
		    w_ ? w_ : "(null)"); \
} while (0)

#define is_num(got, want, ...) do { \
	long long g_ = (long long)(got), w_ = (long long)(want); \
	ok(g_ == w_, __VA_ARGS__); \
	if (g_ != w_) \
		printf("#   got:  %lld\n#   want: %lld\n", g_, w_); \
} while (0)

static inline int
tap_done(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}

#endif
