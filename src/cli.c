/* cli.c: the command line from the commands' entries: the options every
 * command takes, the common takers of values, the parsing of argv into a
 * command and its options (checked the same way for every command), and
 * --help and --version.  Layer: commands (the bottom of it). */
#include <config.h>

#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "i18n.h"
#include "kb.h"
#include "paths.h"
#include "text.h"
#include "util.h"

void
cli_usage(const char *fmt, ...)
{
	va_list ap;
	char *msg, *s;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	s = text_sanitize(msg, text_terminal_utf8());
	fprintf(stderr, "flashfix: %s\n", s);
	fputs(_("Try 'flashfix --help' for more information.\n"), stderr);
	free(s);
	free(msg);
}

bool
opt_flag(const struct cmd_opt *opt, const char *value, void *field)
{
	(void)opt;
	(void)value;
	*(bool *)field = true;
	return true;
}

bool
opt_string(const struct cmd_opt *opt, const char *value, void *field)
{
	(void)opt;
	*(const char **)field = value;
	return true;
}

bool
opt_file(const struct cmd_opt *opt, const char *value, void *field)
{
	if (!*value) {
		cli_usage(_("--%s takes a file, not '%s'"), opt->name, value);
		return false;
	}
	*(const char **)field = value;
	return true;
}

bool
opt_count(const struct cmd_opt *opt, const char *value, void *field)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(value, &end, 10);
	if (errno || *end || end == value || n < 1 || n > 1000) {
		cli_usage(_("--%s takes a number from 1 to 1000, not '%s'"),
		    opt->name, value);
		return false;
	}
	*(long *)field = n;
	return true;
}

bool
opt_date(const struct cmd_opt *opt, const char *value, void *field)
{
	struct tm tm, back;
	const char *end;
	time_t t = (time_t)-1;

	memset(&tm, 0, sizeof tm);
	end = strptime(value, "%Y-%m-%d", &tm);
	if (end && !*end) {
		/* Midnight UTC: --since means the same day wherever it
		 * runs. */
		back = tm;
		t = timegm(&tm);
		/* 2026-02-30 is not a date, though timegm makes one of it. */
		if (tm.tm_mday != back.tm_mday || tm.tm_mon != back.tm_mon ||
		    tm.tm_year != back.tm_year)
			t = (time_t)-1;
	}
	if (t == (time_t)-1) {
		cli_usage(_("--%s takes a date such as 2026-11-01, not '%s'"),
		    opt->name, value);
		return false;
	}
	*(time_t *)field = t;
	return true;
}

bool
opt_platform(const struct cmd_opt *opt, const char *value, void *field)
{
	unsigned p = kb_platform_parse(value, strlen(value));

	if (!p) {
		cli_usage(_("--%s takes mtk or qcom, not '%s'"), opt->name,
		    value);
		return false;
	}
	*(unsigned *)field = p;
	return true;
}

/* The common options' own takers. */
static bool
take_data(const struct cmd_opt *opt, const char *value, void *field)
{
	struct cli *c = field;

	(void)opt;
	c->data_dir = value;
	c->data_given = true;
	return true;
}

static bool
take_records(const struct cmd_opt *opt, const char *value, void *field)
{
	struct cli *c = field;

	if (!*value) {
		cli_usage(_("--%s takes a file, not '%s'"), opt->name, value);
		return false;
	}
	if (!c->records) {
		c->records = value;
		return true;
	}
	c->more_records = xrealloc(c->more_records,
	    (c->nmore + 1) * sizeof *c->more_records);
	c->more_records[c->nmore++] = value;
	return true;
}

static bool
take_lang(const struct cmd_opt *opt, const char *value, void *field)
{
	struct cli *c = field;

	if (strcmp(value, "en") == 0)
		c->look.lang = LANG_EN;
	else if (strcmp(value, "zh") == 0)
		c->look.lang = LANG_ZH;
	else if (strcmp(value, "both") == 0)
		c->look.lang = LANG_BOTH;
	else {
		cli_usage(_("--%s takes en, zh or both, not '%s'"), opt->name,
		    value);
		return false;
	}
	c->lang_given = true;
	return true;
}

/* --help and --version: the parser's own (no taker). */
#define OPT_HELP "help"
#define OPT_VERSION "version"

static const struct cmd_opt common_opts[] = {
	{ "data", N_("DIR"), take_data, 0, N_("knowledge base directory") },
	{ "state-dir", N_("DIR"), opt_string, offsetof(struct cli, state_dir),
	    N_("where records and the session in progress live") },
	{ "records", N_("FILE"), take_records, 0,
	    N_("the records file (default: STATE-DIR/records.csv)") },
	{ "no-cache", NULL, opt_flag, offsetof(struct cli, no_cache),
	    N_("parse the knowledge base; no cache read or written") },
	{ "lang", N_("LANG"), take_lang, 0,
	    N_("knowledge-base text: en, zh or both") },
	{ "no-color", NULL, opt_flag, offsetof(struct cli, look.no_color),
	    N_("no colours") },
	{ "ascii", NULL, opt_flag, offsetof(struct cli, ascii_asked),
	    N_("ASCII lines and borders") },
	{ OPT_HELP, NULL, NULL, 0, N_("show this help and exit") },
	{ OPT_VERSION, NULL, NULL, 0, N_("show the version and exit") },
	{ NULL, NULL, NULL, 0, NULL },
};

static int
has_arg(const struct cmd_opt *o)
{
	return !o->arg ? no_argument : o->arg[0] == '[' ? optional_argument :
	    required_argument;
}

static const struct cmd_opt *
opt_find(const struct cmd_opt *opts, const char *name)
{
	for (; opts && opts->name; opts++)
		if (strcmp(opts->name, name) == 0)
			return opts;
	return NULL;
}

/* Writes s, then spaces to column col (a new line first when s reaches
 * it), then help, its further lines indented to col. */
static void
help_row(size_t indent, const char *s, size_t col, const char *help)
{
	size_t w = indent + text_width(s);

	printf("%*s%s", (int)indent, "", s);
	if (w + 1 > col) {
		putchar('\n');
		w = 0;
	}
	printf("%*s", (int)(col - w), "");
	for (const char *p = help; *p; p++) {
		putchar(*p);
		if (*p == '\n' && p[1])
			printf("%*s", (int)col, "");
	}
	putchar('\n');
}

static void
help_opts(const struct cmd_opt *opts)
{
	for (; opts->name; opts++) {
		const char *arg = opts->arg ? _(opts->arg) : NULL;
		char *s = !arg ? xasprintf("--%s", opts->name) :
		    *arg == '[' ? xasprintf("--%s%s", opts->name, arg) :
		    xasprintf("--%s %s", opts->name, arg);
		help_row(6, s, 23, _(opts->help));
		free(s);
	}
	putchar('\n');
}

static void
usage(const struct cmd_entry *const *table, size_t n)
{
	printf(_("Usage: flashfix [OPTION]... [COMMAND [ARG]...]\n"
	    "Troubleshoot a phone that will not flash: find the error, then\n"
	    "try its fixes in escalating order.\n\n"));
	printf(_("Commands:\n"));
	for (size_t i = 0; i < n; i++)
		help_row(2, _(table[i]->synopsis), 22, _(table[i]->summary));
	putchar('\n');
	printf(_("Options for every command (before or after the command):\n"));
	help_opts(common_opts);
	for (size_t i = 0; i < n; i++) {
		if (!table[i]->opts || !table[i]->opts->name)
			continue;
		if (table[i]->name)
			printf(_("Options for %s:\n"), table[i]->name);
		else
			printf(_("Options for the wizard:\n"));
		help_opts(table[i]->opts);
	}
	printf(_("Exit status: 0 success, 1 nothing matched or invalid data, "
	    "2 wrong usage,\n3 data or files that cannot be used, 4 out of "
	    "memory.\n\n"));
	printf(_("Environment: FLASHFIX_DATA, FLASHFIX_STATE_DIR, "
	    "FLASHFIX_RECORDS, NO_COLOR,\nXDG_STATE_HOME (else HOME), "
	    "XDG_CACHE_HOME.\n"));
	printf(_("Report bugs to: %s\n"), PACKAGE_BUGREPORT);
	if (*PACKAGE_URL)
		printf(_("%s home page: <%s>\n"), PACKAGE_NAME, PACKAGE_URL);
	else
		/* The path on a line of its own: a long prefix (make
		 * distcheck's) must not make the line wider than 80. */
		printf(_("Home page: the README,\n  %s/README.md\n"), DOCDIR);
}

/* flashfix COMMAND --help: that command's usage and its own options. */
static void
command_usage(const struct cmd_entry *cmd)
{
	printf(_("Usage: flashfix [OPTION]... %s\n"), _(cmd->synopsis));
	printf(_("flashfix %s: %s.\n\n"), cmd->name, _(cmd->summary));
	if (cmd->opts && cmd->opts->name) {
		printf(_("Options for %s:\n"), cmd->name);
		help_opts(cmd->opts);
	}
	printf(_("Options for every command (before or after the command):\n"));
	help_opts(common_opts);
	printf(_("The other commands: flashfix --help.\n"
	    "Exit status, files and examples: flashfix(1).\n"));
}

static void
version(const struct cli *c)
{
	const char *dir = c->data_dir ? c->data_dir : paths_data_dir();
	char *why = NULL, *shown;
	uint64_t dig;

	printf("flashfix %s\n", PACKAGE_VERSION);
	if (kb_digest(dir, &dig, &why)) {
		char *real = realpath(dir, NULL);
		shown = text_sanitize(real ? real : dir, true);
		free(real);
		printf(_("Knowledge base: %s (digest %016llx)\n"), shown,
		    (unsigned long long)dig);
	} else {
		shown = text_sanitize(why, true);
		printf(_("Knowledge base: cannot be read (%s)\n"), shown);
	}
	free(shown);
	free(why);
	printf(_("Copyright (C) 2026 the flashfix authors.\n"
	    "License GPLv3+: GNU GPL version 3 or later "
	    "<https://gnu.org/licenses/gpl.html>.\n"
	    "This is free software: you are free to change and redistribute "
	    "it.\nThere is NO WARRANTY, to the extent permitted by law.\n"));
}

/* Every option of every command and the common ones, each name once, for
 * getopt_long (which takes an unambiguous start of a name too). */
static struct option *
all_options(const struct cmd_entry *const *table, size_t n)
{
	size_t cap = 0, len = 0;
	struct option *lo = NULL;

	for (size_t i = 0; i <= n; i++) {
		const struct cmd_opt *o = i < n ? table[i]->opts : common_opts;
		for (; o && o->name; o++) {
			size_t k;
			for (k = 0; k < len && strcmp(lo[k].name, o->name); k++)
				;
			if (k < len) {
				/* One name, one way of taking a value. */
				if (lo[k].has_arg != has_arg(o))
					abort();
				continue;
			}
			if (len + 1 >= cap) {
				cap = cap ? 2 * cap : 32;
				lo = xrealloc(lo, cap * sizeof *lo);
			}
			lo[len] = (struct option){ o->name, has_arg(o), NULL,
			    (int)len };
			len++;
		}
	}
	lo = xrealloc(lo, (len + 1) * sizeof *lo);
	lo[len] = (struct option){ NULL, 0, NULL, 0 };
	return lo;
}

static const struct cmd_entry *
find_command(const struct cmd_entry *const *table, size_t n,
    const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (name ? table[i]->name && strcmp(table[i]->name, name) == 0 :
		    !table[i]->name)
			return table[i];
	return NULL;
}

static void
cli_defaults(struct cli *c)
{
	const char *env;

	memset(c, 0, sizeof *c);
	c->look.lang = LANG_EN;
	if ((env = getenv("FLASHFIX_DATA")) && *env) {
		c->data_dir = env;
		c->data_given = true;
	}
	if ((env = getenv("FLASHFIX_STATE_DIR")) && *env)
		c->state_dir = env;
	if ((env = getenv("NO_COLOR")) && *env)
		c->look.no_color = true;
}

/* What the output is drawn with, from what was asked and the terminal:
 * --ascii draws lines and borders in ASCII, and text the terminal can
 * show stays text; a terminal that is not UTF-8 gets ASCII for both, and
 * English (Chinese needs UTF-8). */
static void
cli_look(struct cli *c)
{
	c->lang_asked = c->look.lang;
	c->look.ascii_lines = c->ascii_asked;
	c->look.ascii = !text_terminal_utf8();
	if (c->look.ascii)
		c->look.ascii_lines = true;
	if (!c->lang_given) {
		const char *m = setlocale(LC_MESSAGES, NULL);
		if (m && strncmp(m, "zh", 2) == 0)
			c->look.lang = LANG_ZH;
	}
	if (c->look.ascii)
		c->look.lang = LANG_EN;
}

/* The commands' names, for the message about one that is none. */
static char *
command_names(const struct cmd_entry *const *table, size_t n)
{
	struct buf b;

	buf_init(&b);
	for (size_t i = 0; i < n; i++) {
		if (!table[i]->name)
			continue;
		if (b.len)
			buf_adds(&b, ", ");
		buf_adds(&b, table[i]->name);
	}
	return b.s ? b.s : xstrdup("");
}

/* What take did with an option. */
enum taken { TAKEN, TAKEN_NOT, TAKE_HELP, TAKE_VERSION };

/* Takes the option of getopt's index k (its value in optarg) into c or
 * the command's options; *stray names the first that applies to another
 * command only. */
static enum taken
take(const struct option *lo, int k, const struct cmd_entry *cmd,
    struct cli *c, void *opts, const char **stray)
{
	const char *name = lo[k].name;
	const struct cmd_opt *o = opt_find(common_opts, name);
	void *base = c;

	if (o && !o->take)
		return strcmp(name, OPT_HELP) == 0 ? TAKE_HELP : TAKE_VERSION;
	if (!o) {
		if (!cmd)
			return TAKEN; /* the unknown command is said after */
		if (!(o = opt_find(cmd->opts, name))) {
			if (!*stray)
				*stray = name;
			return TAKEN;
		}
		base = opts;
	}
	return o->take(o, optarg, (char *)base + o->offset) ? TAKEN :
	    TAKEN_NOT;
}

/* What a command was given beyond its options: anything wrong said. */
static int
check(const struct cmd_entry *const *table, size_t n,
    const struct cmd_entry *cmd, const char *name, const char *stray,
    int nargs)
{
	const char *what = cmd && cmd->name ? cmd->name : _("the wizard");

	if (!cmd) {
		char *names = command_names(table, n);
		cli_usage(_("unknown command '%s'; the commands are %s"), name,
		    names);
		free(names);
		return EXIT_USAGE;
	}
	if (stray) {
		cli_usage(_("--%s does not apply to %s"), stray, what);
		return EXIT_USAGE;
	}
	if (nargs < cmd->min_args ||
	    (cmd->max_args >= 0 && nargs > cmd->max_args)) {
		cli_usage(_("%s takes %s"), what, _(cmd->operands));
		return EXIT_USAGE;
	}
	return EXIT_OK;
}

int
cli_parse(const struct cmd_entry *const *table, size_t n, int argc,
    char **argv, struct cli *c, const struct cmd_entry **cmd, void **opts)
{
	struct option *lo = all_options(table, n);
	const char *name = NULL, *stray = NULL;
	char **words;
	int k, rc = EXIT_OK;

	cli_defaults(c);
	*opts = NULL;
	/* First the command word (the first operand: getopt_long moves
	 * the options before it), for whose options they are. */
	opterr = 0;
	optind = 0;
	/* getopt_long reorders what it reads: a copy, so that the second
	 * reading sees the words as they were given. */
	words = xmalloc(((size_t)argc + 1) * sizeof *words);
	memcpy(words, argv, ((size_t)argc + 1) * sizeof *words);
	while (getopt_long(argc, words, ":", lo, NULL) != -1)
		;
	if (optind < argc)
		name = words[optind];
	free(words);
	*cmd = find_command(table, n, name);
	if (*cmd) {
		*opts = xmalloc((*cmd)->size ? (*cmd)->size : 1);
		if ((*cmd)->size)
			memcpy(*opts, (*cmd)->defaults, (*cmd)->size);
	}
	/* Then the options, in the order given; --help and --version
	 * answer at once. */
	optind = 0;
	while (rc == EXIT_OK &&
	    (k = getopt_long(argc, argv, ":", lo, NULL)) != -1) {
		enum taken t = TAKEN_NOT;
		if (k == ':')
			cli_usage(_("option '%s' needs a value"),
			    argv[optind - 1]);
		else if (k == '?')
			cli_usage(_("unknown option '%s'"), argv[optind - 1]);
		else
			t = take(lo, k, *cmd, c, *opts, &stray);
		if (t == TAKE_HELP || t == TAKE_VERSION) {
			if (t == TAKE_HELP && *cmd && (*cmd)->name)
				command_usage(*cmd);
			else if (t == TAKE_HELP)
				usage(table, n);
			else
				version(c);
			free(lo);
			cli_free(c, *opts);
			*opts = NULL;
			*cmd = NULL;
			return output_close_stdout() ? EXIT_OK : EXIT_FAILED;
		}
		if (t == TAKEN_NOT)
			rc = EXIT_USAGE;
	}
	if (rc == EXIT_OK) {
		if (name)
			optind++; /* the command word */
		c->args = argv + optind;
		c->nargs = argc - optind;
		rc = check(table, n, *cmd, name, stray, c->nargs);
	}
	free(lo);
	if (rc != EXIT_OK) {
		cli_free(c, *opts);
		*opts = NULL;
		*cmd = NULL;
		return rc;
	}
	if (!c->data_dir)
		c->data_dir = paths_data_dir();
	cli_look(c);
	return EXIT_OK;
}

void
cli_free(struct cli *c, void *opts)
{
	free(c->more_records);
	c->more_records = NULL;
	free(opts);
}
