/* scan_stop.c: the stages at which a log that stops, with no error line
 * after, tells what failed.  Layer: scan (below scan.c). */
#include <config.h>

#include "scan_stop.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>

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

/* Every stage's text has an 'o' ("for", "mode", "uploading"), which memchr() looks for
 * first: most lines of Chinese have none.  Then only places whose letter
 * starts a stage's text are compared. */
int
scan_stop_stage(const char *t, size_t n)
{
	static bool starts[256], ready;

	if (!memchr(t, 'o', n) && !memchr(t, 'O', n))
		return -1;

	if (!ready) {
		for (size_t i = 0; i < sizeof stops / sizeof *stops; i++) {
			unsigned char c = (unsigned char)stops[i].text[0];
			starts[c] = starts[toupper(c)] = true;
		}
		ready = true;
	}
	for (size_t j = 0; j + 1 < n; j++) {
		int second;
		if (!starts[(unsigned char)t[j]])
			continue;
		second = tolower((unsigned char)t[j + 1]);
		for (size_t i = 0; i < sizeof stops / sizeof *stops; i++) {
			size_t k;
			if (stops[i].text[1] != second)
				continue;
			k = strlen(stops[i].text);
			if (j + k <= n && strncasecmp(t + j, stops[i].text,
			    k) == 0)
				return (int)i;
		}
	}
	return -1;
}

enum family
scan_stop_family(int k)
{
	return stops[k].family;
}
