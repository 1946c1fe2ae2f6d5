/* unit-files.c: the unit tests of files and paths: directories made with
 * their parents; a state directory of one's own, never a symbolic link
 * or one others may write; files replaced atomically, a FIFO or a link
 * at the path replaced and never written through, no temporary file
 * left; records refused in a FIFO without blocking; the paths from
 * XDG_STATE_HOME, XDG_CACHE_HOME and HOME. */
#include "unit.h"

#include <dirent.h>

#include "files.h"
#include "paths.h"
#include "records.h"

/* Whether dir holds a name that contains part. */
static bool
dir_has(const char *dir, const char *part)
{
	DIR *dp = opendir(dir);
	struct dirent *de;
	bool has = false;

	while (dp && (de = readdir(dp)) != NULL)
		if (strstr(de->d_name, part))
			has = true;
	if (dp)
		closedir(dp);
	return has;
}

/* The first line of path, or "" (static). */
static const char *
first_line(const char *path)
{
	static char line[256];
	FILE *fp = fopen(path, "r");

	line[0] = '\0';
	if (fp) {
		if (!fgets(line, sizeof line, fp))
			line[0] = '\0';
		fclose(fp);
	}
	return line;
}

static void
test_files_dirs(void)
{
	char *deep = xasprintf("%s/f/a/b/c", tmpdir);
	char *own = xasprintf("%s/f/own", tmpdir);
	char *link = xasprintf("%s/f/own-link", tmpdir);
	char *open_dir = xasprintf("%s/f/open", tmpdir);
	char *why = NULL;
	struct stat st;

	ok(files_make_dir(deep) && stat(deep, &st) == 0 &&
	    S_ISDIR(st.st_mode) && (st.st_mode & 0777) == 0700,
	    "a directory made with its parents, mode 0700");
	ok(files_make_dir(deep), "made again: it is there, true");
	ok(files_make_dir(own) &&
	    files_private_dir(own, "--state-dir", &why),
	    "one's own directory is private");
	free(why);
	why = NULL;
	ok(symlink(own, link) == 0 &&
	    !files_private_dir(link, "--state-dir", &why) && why &&
	    strstr(why, "symbolic link"),
	    "a symbolic link to it is refused, and said");
	free(why);
	why = NULL;
	ok(files_make_dir(open_dir) && chmod(open_dir, 0777) == 0 &&
	    !files_private_dir(open_dir, "--state-dir", &why) && why &&
	    strstr(why, "mode 0777") && strstr(why, "chmod 700"),
	    "one that others may write is refused, with what to do");
	free(why);
	why = NULL;
	{
		char *file = xasprintf("%s/f/plain", tmpdir);
		write_file("f/plain", "x", 1);
		ok(!files_make_dir(file) && errno == ENOTDIR,
		    "a file where the directory should be: ENOTDIR");
		free(file);
	}
	free(deep);
	free(own);
	free(link);
	free(open_dir);
}

static void
test_files_atomic(void)
{
	char *dir = xasprintf("%s/w", tmpdir);
	char *path = xasprintf("%s/w/out.txt", tmpdir);
	char *fifo = xasprintf("%s/w/fifo", tmpdir);
	char *link = xasprintf("%s/w/link", tmpdir);
	char *target = xasprintf("%s/w/target", tmpdir);
	struct files_part parts[] = { { "one ", 4 }, { "two\n", 4 } };
	struct stat st;

	files_make_dir(dir);
	ok(files_write_atomic(path, parts, 2, 0600, FILES_KEEP),
	    "written atomically, in two parts");
	is_str(first_line(path), "one two\n", "both parts, in order");
	ok(!files_write_atomic(path, parts, 1, 0600, FILES_KEEP) &&
	    errno == EEXIST, "FILES_KEEP refuses a file that exists");
	is_str(first_line(path), "one two\n", "which stays as it was");
	ok(files_write_atomic(path, parts + 1, 1, 0600, FILES_REPLACE),
	    "FILES_REPLACE replaces it");
	is_str(first_line(path), "two\n", "with the new bytes");
	ok(!dir_has(dir, ".tmp."), "no temporary file is left");

	/* A FIFO at the path: replaced, never opened (that would block). */
	ok(mkfifo(fifo, 0600) == 0 &&
	    files_write_atomic(fifo, parts, 1, 0600, FILES_REPLACE) &&
	    lstat(fifo, &st) == 0 && S_ISREG(st.st_mode),
	    "a FIFO at the path is replaced by the file, without blocking");
	/* A symbolic link at the path: replaced, its target untouched. */
	write_file("w/target", "mine\n", 5);
	ok(symlink(target, link) == 0 &&
	    files_write_atomic(link, parts, 1, 0600, FILES_REPLACE) &&
	    lstat(link, &st) == 0 && S_ISREG(st.st_mode),
	    "a symbolic link at the path is replaced, not written through");
	is_str(first_line(target), "mine\n", "its target is as it was");
	{
		/* write_synced never follows a link either. */
		char *l2 = xasprintf("%s/w/link2", tmpdir);
		ok(symlink(target, l2) == 0 &&
		    !write_synced(l2, O_TRUNC, 0600, "x", 1) &&
		    errno == ELOOP, "write_synced refuses a symbolic link "
		    "(ELOOP)");
		is_str(first_line(target), "mine\n", "and leaves its target");
		free(l2);
	}
	{
		/* Nor waits on a FIFO put at its path (no reader: the open
		 * would block without O_NONBLOCK). */
		char *sfifo = xasprintf("%s/w/fifo-synced", tmpdir);
		char *reg = xasprintf("%s/w/synced", tmpdir);
		ok(mkfifo(sfifo, 0600) == 0 &&
		    !write_synced(sfifo, O_TRUNC, 0600, "x", 1),
		    "write_synced refuses a FIFO without waiting for a reader");
		ok(write_synced(reg, O_TRUNC, 0600, "x\n", 2),
		    "and writes a regular file");
		is_str(first_line(reg), "x\n", "its content");
		free(sfifo);
		free(reg);
	}
	{
		/* Records are never appended to a FIFO, and asking does
		 * not block. */
		char *rf = xasprintf("%s/w/records-fifo", tmpdir);
		char *err = NULL;
		struct wizard w;
		wizard_init(&w, NULL);
		ok(mkfifo(rf, 0600) == 0 &&
		    !records_append(rf, &w, "h", NULL, &err) && err &&
		    strstr(err, "not a regular file"),
		    "records in a FIFO: refused, said (%s)", err ? err : "");
		free(err);
		wizard_free(&w);
		free(rf);
	}
	free(dir);
	free(path);
	free(fifo);
	free(link);
	free(target);
}

/* Sets or (v NULL) unsets the variable name. */
static void
set_env(const char *name, const char *v)
{
	if (v)
		setenv(name, v, 1);
	else
		unsetenv(name);
}

static void
test_paths(void)
{
	const char *names[] = { "HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME" };
	char *saved[3];
	char *s;

	for (int i = 0; i < 3; i++) {
		const char *v = getenv(names[i]);
		saved[i] = v ? xstrdup(v) : NULL;
	}
	set_env("HOME", "/home/eng");
	set_env("XDG_STATE_HOME", "/srv/state");
	set_env("XDG_CACHE_HOME", "/srv/cache");
	s = paths_state_dir(NULL);
	is_str(s, "/srv/state/flashfix", "state: $XDG_STATE_HOME/flashfix");
	free(s);
	s = paths_state_dir("/given");
	is_str(s, "/given", "state: --state-dir wins");
	free(s);
	s = paths_cache_dir();
	is_str(s, "/srv/cache/flashfix", "cache: $XDG_CACHE_HOME/flashfix");
	free(s);
	set_env("XDG_STATE_HOME", "relative/state");
	set_env("XDG_CACHE_HOME", "relative/cache");
	s = paths_state_dir(NULL);
	is_str(s, "/home/eng/.local/state/flashfix",
	    "state: a relative XDG_STATE_HOME is ignored for HOME's");
	free(s);
	s = paths_cache_dir();
	is_str(s, "/home/eng/.cache/flashfix",
	    "cache: a relative XDG_CACHE_HOME is ignored for HOME's");
	free(s);
	set_env("XDG_STATE_HOME", NULL);
	set_env("XDG_CACHE_HOME", NULL);
	set_env("HOME", NULL);
	s = paths_cache_dir();
	ok(s == NULL, "cache: no home, no cache");
	free(s);
	s = paths_state_dir(NULL);
	ok(s == NULL, "state: no home, no state directory (not ./.local)");
	free(s);
	set_env("HOME", "relative");
	s = paths_state_dir(NULL);
	ok(s == NULL, "state: a relative HOME is no home either");
	free(s);
	set_env("HOME", NULL);
	s = paths_records("/st", NULL);
	is_str(s, "/st/records.csv", "records: STATE/records.csv");
	free(s);
	s = paths_records("/st", "/shop/r.csv");
	is_str(s, "/shop/r.csv", "records: --records wins");
	free(s);
	s = paths_session_file("/st", "6b0d-1");
	is_str(s, "/st/sessions/6b0d-1.csv", "a session's file");
	free(s);
	s = paths_report_file("/st", "6b0d-1");
	is_str(s, "/st/reports/6b0d-1.txt", "a report's file");
	free(s);
	for (int i = 0; i < 3; i++) {
		set_env(names[i], saved[i]);
		free(saved[i]);
	}
}

void
test_files(void)
{
	test_files_dirs();
	test_files_atomic();
	test_paths();
}
