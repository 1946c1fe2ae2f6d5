/* scan_stop.c: the stages at which a log that stops, with no error line
 * after, tells what failed.  Layer: scan (below scan.c). */
#include <config.h>

#include "scan_stop.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Stages at which a log that stops, with no error after, tells what
 * failed: the device never answered the next step.  edl prints these
 * before it uploads its programmer and waits for the device to run it;
 * a loader the device does not accept (wrong signature, wrong chip)
 * leaves the log there (bkerler/edl issues #768, #684, #544, #319). */
static const struct {
	const char *text;   /* lowercase, anywhere in the line */
	enum family family;
} stops[] = {
	{ "firehose mode detected, uploading", FAM_QCOM_SAHARA },
	{ "uploading loader", FAM_QCOM_SAHARA },
	{ "mode detected: sahara", FAM_QCOM_SAHARA },
	/* Waiting for a device that never comes: edl's 9008 port (the
	 * driver, or the phone not in EDL mode); MediaTek's BROM port
	 * (bypass_utility, mtkclient, antumbra: the key combination, the
	 * cable, the driver). */
	{ "waiting for the device", FAM_QCOM_DRIVER },
	{ "waiting for mtk device", FAM_MTK_BROM },
	{ "waiting for bootrom", FAM_MTK_BROM },
	{ "waiting for device", FAM_MTK_BROM },
};

/* Whether one of the stages' texts starts at t[j] (its first letter
 * matched in any case); its index, or -1. */
static int
stage_at(const char *t, size_t n, size_t j)
{
	unsigned char a = (unsigned char)(t[j] | 0x20),
	    b = (unsigned char)(t[j + 1] | 0x20);

	for (size_t i = 0; i < sizeof stops / sizeof *stops; i++) {
		const char *m = stops[i].text;
		size_t k = 2;
		if ((unsigned char)m[0] != a || (unsigned char)m[1] != b)
			continue;
		/* ASCII's letters folded by hand: no locale's tables */
		while (m[k] && j + k < n && ((unsigned char)t[j + k] |
		    (m[k] >= 'a' && m[k] <= 'z' ? 0x20 : 0)) ==
		    (unsigned char)m[k])
			k++;
		if (!m[k])
			return (int)i;
	}
	return -1;
}

/* Only places whose two letters start a stage's text ("fi", "up", "mo",
 * "wa", any case) are compared: found 16 bytes at a time where SSE2 is
 * there, as most lines are long and hold none (a log of Chinese above
 * all), while the stages' texts all start so. */
int
scan_stop_stage(const char *t, size_t n)
{
	static bool starts[256], ready, pairs = true;
	size_t j = 0;
	int k;

	if (!ready) {
		for (size_t i = 0; i < sizeof stops / sizeof *stops; i++) {
			unsigned char c = (unsigned char)stops[i].text[0];
			starts[c] = starts[toupper(c)] = true;
			if (!strstr("fi up mo wa", (char[]){ (char)c,
			    stops[i].text[1], '\0' }))
				pairs = false;
		}
		ready = true;
	}
#ifdef __SSE2__
	if (pairs) {
		const __m128i low = _mm_set1_epi8(0x20);
#define PAIR(a, b) _mm_and_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(a)), \
	_mm_cmpeq_epi8(y, _mm_set1_epi8(b)))
		for (; j + 17 <= n; j += 16) {
			__m128i x = _mm_or_si128(_mm_loadu_si128(
			    (const __m128i *)(const void *)(t + j)), low);
			__m128i y = _mm_or_si128(_mm_loadu_si128(
			    (const __m128i *)(const void *)(t + j + 1)), low);
			unsigned cand = (unsigned)_mm_movemask_epi8(
			    _mm_or_si128(_mm_or_si128(PAIR('f', 'i'),
			    PAIR('u', 'p')), _mm_or_si128(PAIR('m', 'o'),
			    PAIR('w', 'a'))));
			while (cand) {
				size_t at = j + (size_t)__builtin_ctz(cand);
				if (starts[(unsigned char)t[at]] &&
				    (k = stage_at(t, n, at)) >= 0)
					return k;
				cand &= cand - 1;
			}
		}
#undef PAIR
	}
#endif
	for (; j + 1 < n; j++)
		if (starts[(unsigned char)t[j]] && (k = stage_at(t, n, j)) >= 0)
			return k;
	return -1;
}

enum family
scan_stop_family(int k)
{
	return stops[k].family;
}
