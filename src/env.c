/* env.c: the knowledge base and the paths a command runs with.
 * Layer: commands. */
#include <config.h>

#include "env.h"

#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "i18n.h"
#include "util.h"
#include "files.h"
#include "paths.h"

#include <sys/stat.h>

/* The cache directory of o, when there is one that is this user's own
 * (another account's copy of a base is never read); NULL otherwise, said
 * once when loud. */
static char *
cache_of(const struct cli *o, bool loud)
{
	char *cache = o->no_cache ? NULL : paths_cache_dir(), *why = NULL;
	struct stat sb;

	if (cache && lstat(cache, &sb) == 0 && !files_private_dir(cache, "XDG_CACHE_HOME (or --no-cache)", &why)) {
		if (loud)
			fprintf(stderr, _("flashfix: %s; the knowledge base is "
			    "read without its cache.\n"), why);
		free(why);
		free(cache);
		cache = NULL;
	}
	return cache;
}

char *
env_cache_dir(const struct cli *o)
{
	return cache_of(o, false);
}

bool
env_load(const struct cli *o, struct store *st)
{
	struct diag d;
	char *cache = cache_of(o, true);
	bool ok;

	diag_init(&d);
	ok = store_load(st, o->data_dir, cache, &d);
	free(cache);
	if (d.errors) {
		diag_print(&d, stderr);
		fprintf(stderr, _("flashfix: the knowledge base in %s has "
		    "errors; run 'flashfix check %s' and mend them\n"),
		    o->data_dir, o->data_dir);
		store_free(st);
		ok = false;
	}
	diag_free(&d);
	return ok;
}

bool
env_load_quiet(const struct cli *o, struct store *st)
{
	struct diag d;
	char *cache = cache_of(o, false);
	bool ok;

	diag_init(&d);
	ok = store_load(st, o->data_dir, cache, &d) && d.errors == 0;
	free(cache);
	diag_free(&d);
	if (!ok)
		store_free(st);
	return ok;
}

char *
env_state_dir(const struct cli *o)
{
	char *dir = paths_state_dir(o->state_dir);

	if (!dir)
		fprintf(stderr, _("flashfix: no home directory for the records "
		    "(HOME is not set, nor XDG_STATE_HOME): set HOME, or give "
		    "--state-dir DIR\n"));
	return dir;
}

/* The records file named by --records, else by FLASHFIX_RECORDS (the
 * option wins, as --data and --state-dir win over their variables);
 * NULL when neither names one. */
static const char *
records_named(const struct cli *o)
{
	const char *env = getenv("FLASHFIX_RECORDS");

	if (o->records)
		return o->records;
	return env && *env ? env : NULL;
}

char *
env_records(const struct cli *o, const char *state)
{
	return paths_records(state, records_named(o));
}

bool
env_records_exist(const struct cli *o, char **files, size_t n)
{
	bool ok = true;

	/* The default file is absent until a first session is recorded;
	 * one that was named is a typo when it is not there. */
	for (size_t i = records_named(o) ? 0 : 1; i < n; i++) {
		struct stat sb;
		if (lstat(files[i], &sb) == 0 || errno != ENOENT)
			continue;
		fprintf(stderr, _("flashfix: no records file %s: check the "
		    "name given to --records or FLASHFIX_RECORDS\n"),
		    files[i]);
		ok = false;
	}
	return ok;
}

const char *
env_engineer(const char *given)
{
	const char *u = getenv("USER");
	struct passwd *pw;

	if (given)
		return given;
	if (u && *u)
		return u;
	pw = getpwuid(getuid());
	return pw ? pw->pw_name : "";
}

void
env_host(char *out, size_t n)
{
	if (gethostname(out, n) != 0)
		out[0] = '\0';
	out[n - 1] = '\0';
}

char **
env_records_all(const struct cli *o, const char *state, size_t *n)
{
	char **v = xcalloc(o->nmore + 1, sizeof *v);

	v[0] = env_records(o, state);
	for (size_t i = 0; i < o->nmore; i++)
		v[i + 1] = xstrdup(o->more_records[i]);
	*n = o->nmore + 1;
	return v;
}

void
env_records_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}
