/* fuzz_version.c: libFuzzer target: the version parser, and a parsed
 * version written back and parsed again to the same value. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "version.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct version v, w;
	size_t bad;

	if (version_parse((const char *)data, size, &v, &bad)) {
		char *s = version_str(&v);
		if (!version_parse(s, strlen(s), &w, NULL) ||
		    version_cmp(&v, &w) != 0)
			abort();
		free(s);
	}
	return 0;
}
