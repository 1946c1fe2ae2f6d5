/* tap.h: a few macros to write TAP from C unit tests. */
#ifndef FLASHFIX_TAP_H
#define FLASHFIX_TAP_H

#include <stdio.h>
#include <string.h>

static int tap_n, tap_failed;

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

static int
tap_done(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}

#endif
