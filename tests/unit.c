/* unit.c: the unit tests of the logic, one program from the files
 * tests/unit-*.c (one a module or two), one TAP stream: the scratch
 * directory and the helpers they share, and main, which runs them all.
 */
#define TAP_MAIN
#include "unit.h"

char tmpdir[] = "/tmp/flashfix-unit-XXXXXX";

/* Writes a file under tmpdir; returns its path (static). */
const char *
write_file(const char *name, const char *content, size_t n)
{
	static char path[512];
	FILE *fp;

	snprintf(path, sizeof path, "%s/%s", tmpdir, name);
	fp = fopen(path, "wb");
	if (!fp || fwrite(content, 1, n, fp) != n || fclose(fp) != 0) {
		printf("Bail out! cannot write %s: %s\n", path, strerror(errno));
		exit(99);
	}
	return path;
}

/* Whether d holds a problem at line:col whose message contains text. */
bool
has_diag(const struct diag *d, unsigned long line, unsigned long col,
    const char *text)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->items[i].line == line && d->items[i].col == col &&
		    strstr(d->items[i].msg, text))
			return true;
	printf("#   no problem at %lu:%lu with '%s'; have:\n", line, col, text);
	for (size_t i = 0; i < d->n; i++)
		printf("#     %s:%lu:%lu: %s\n", d->items[i].file,
		    d->items[i].line, d->items[i].col, d->items[i].msg);
	return false;
}

const char *
make_kb(const char *errors, const char *fixes, const char *tools,
    const char *generic)
{
	static char dir[512];
	snprintf(dir, sizeof dir, "%s/kb", tmpdir);
	mkdir(dir, 0700);
	write_file("kb/errors.csv", errors, strlen(errors));
	write_file("kb/fixes.csv", fixes, strlen(fixes));
	write_file("kb/tools.csv", tools, strlen(tools));
	write_file("kb/generic.csv", generic, strlen(generic));
	return dir;
}

int
main(void)
{
	const char *src = getenv("top_srcdir");
	char *datadir;

	setlocale(LC_ALL, "C.UTF-8");
	if (!mkdtemp(tmpdir)) {
		printf("Bail out! mkdtemp: %s\n", strerror(errno));
		return 99;
	}
	datadir = xasprintf("%s/data", src ? src : ".");
	test_version();
	test_text();
	test_find_bad_agrees();
	test_glance();
	test_tokens();
	test_csvfile();
	test_kb_validation();
	test_lazy_texts();
	test_kb_cache(datadir);
	test_shipped_kb(datadir);
	test_match(datadir);
	test_wizard(datadir);
	test_fuzz_regressions();
	test_logread();
	test_scan(datadir);
	test_session(datadir);
	test_report(datadir);
	test_files();
	free(datadir);
	{
		char *cmd = xasprintf("rm -rf '%s'", tmpdir);
		if (system(cmd) != 0)
			printf("# could not remove %s\n", tmpdir);
		free(cmd);
	}
	return tap_done();
}
