/* paths.c: where things are found and kept.  Layer: base. */
#include <config.h>

#include "paths.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

/* The build and source trees: built in (a developer's build), else named
 * by FLASHFIX_BUILDDIR and FLASHFIX_SRCDIR (a package's build, whose binary
 * must not depend on where it was built; its tests name them).  Either
 * counts only for the program that runs from the build tree's src/. */
#ifdef ABS_BUILDDIR
#define TREE(built, env) ((void)(env), (const char *)(built))
#else
#define ABS_BUILDDIR NULL
#define ABS_SRCDIR NULL
#define TREE(built, env) ((void)(built), getenv(env))
#endif

static const char *
build_tree(void)
{
	return TREE(ABS_BUILDDIR, "FLASHFIX_BUILDDIR");
}

static const char *
source_tree(void)
{
	return TREE(ABS_SRCDIR, "FLASHFIX_SRCDIR");
}

bool
paths_uninstalled(void)
{
	static int known = -1;
	const char *tree = build_tree();
	char self[PATH_MAX];
	ssize_t n;
	char *slash;
	size_t len;

	if (known >= 0)
		return known;
	known = 0;
	if (!tree || *tree != '/' || !source_tree() || *source_tree() != '/')
		return false;
	n = readlink("/proc/self/exe", self, sizeof self - 1);
	if (n <= 0)
		return false;
	self[n] = '\0';
	slash = strrchr(self, '/');
	if (!slash)
		return false;
	*slash = '\0';
	len = strlen(tree);
	known = strncmp(self, tree, len) == 0 && strcmp(self + len, "/src") == 0;
	return known;
}

/* dir/sub into kept (PATH_MAX bytes), made once: the trees do not change
 * while the program runs, and nothing is left allocated at exit.  The
 * installed path when it does not fit (it is a path). */
static const char *
tree_dir(const char *dir, const char *sub, char *kept, const char *installed)
{
	if (!*kept) {
		int n = snprintf(kept, PATH_MAX, "%s/%s", dir, sub);
		if (n < 0 || n >= PATH_MAX) {
			*kept = '\0';
			return installed;
		}
	}
	return kept;
}

const char *
paths_data_dir(void)
{
	static char data[PATH_MAX];

	return paths_uninstalled() ? tree_dir(source_tree(), "data", data,
	    PKGDATADIR) : PKGDATADIR;
}

const char *
paths_locale_dir(void)
{
	static char locale[PATH_MAX];

	/* make builds a locale/ tree in the build directory for this. */
	return paths_uninstalled() ? tree_dir(build_tree(), "locale", locale,
	    LOCALEDIR) : LOCALEDIR;
}

char *
paths_state_dir(const char *dir)
{
	const char *x = getenv("XDG_STATE_HOME"), *home = getenv("HOME");

	if (dir && *dir)
		return xstrdup(dir);
	if (x && *x == '/')
		return xasprintf("%s/flashfix", x);
	/* No home: never the current directory, which is anybody's. */
	if (!home || *home != '/')
		return NULL;
	return xasprintf("%s/.local/state/flashfix", home);
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
