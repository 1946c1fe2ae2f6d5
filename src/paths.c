/* paths.c: where things are found and kept.  Layer: base. */
#include <config.h>

#include "paths.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

bool
paths_uninstalled(void)
{
	static int known = -1;
	char self[PATH_MAX];
	ssize_t n;
	char *slash;

	if (known >= 0)
		return known;
	known = 0;
	n = readlink("/proc/self/exe", self, sizeof self - 1);
	if (n <= 0)
		return false;
	self[n] = '\0';
	slash = strrchr(self, '/');
	if (!slash)
		return false;
	*slash = '\0';
	known = strcmp(self, ABS_BUILDDIR "/src") == 0;
	return known;
}

const char *
paths_data_dir(void)
{
	return paths_uninstalled() ? ABS_SRCDIR "/data" : PKGDATADIR;
}

const char *
paths_locale_dir(void)
{
	/* make builds a locale/ tree in the build directory for this. */
	return paths_uninstalled() ? ABS_BUILDDIR "/locale" : LOCALEDIR;
}

char *
paths_state_dir(const char *dir)
{
	const char *x = getenv("XDG_STATE_HOME"), *home = getenv("HOME");

	if (dir && *dir)
		return xstrdup(dir);
	if (x && *x == '/')
		return xasprintf("%s/flashfix", x);
	return xasprintf("%s/.local/state/flashfix", home && *home ? home :
	    ".");
}

char *
paths_records(const char *state, const char *records)
{
	if (records && *records)
		return xstrdup(records);
	return xasprintf("%s/records.csv", state);
}

char *
paths_sessions(const char *state)
{
	return xasprintf("%s/sessions", state);
}

char *
paths_session_file(const char *state, const char *id)
{
	return xasprintf("%s/sessions/%s.csv", state, id);
}

char *
paths_reports(const char *state)
{
	return xasprintf("%s/reports", state);
}

char *
paths_report_file(const char *state, const char *id)
{
	return xasprintf("%s/reports/%s.txt", state, id);
}

char *
paths_cache_dir(void)
{
	const char *x = getenv("XDG_CACHE_HOME"), *h = getenv("HOME");

	/* A relative XDG path is ignored, as the XDG base directory
	 * specification says. */
	if (x && x[0] == '/')
		return xasprintf("%s/flashfix", x);
	if (h && h[0] == '/')
		return xasprintf("%s/.cache/flashfix", h);
	return NULL;
}
