/* main.c: options, locale, and dispatch through the table of commands,
 * which checks every command's options and operands the same way.
 * Layer: main (the top; nothing uses it). */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "diag.h"
#include "i18n.h"
#include "kb.h"
#include "paths.h"
#include "text.h"
#include "util.h"

enum {
	OPT_DATA = 256, OPT_STATE_DIR, OPT_RECORDS, OPT_LANG, OPT_NO_COLOR,
	OPT_ASCII, OPT_PLAIN, OPT_JSON, OPT_LIMIT, OPT_PLATFORM, OPT_HELP,
	OPT_VERSION, OPT_ENGINEER, OPT_MODEL, OPT_SERIAL, OPT_FORMAT, OPT_OUTPUT,
	OPT_FORCE, OPT_LAST, OPT_SINCE, OPT_NO_CACHE, OPT_FOLLOW,
	OPT_EXIT_ON_ERROR, OPT_RESUME, OPT_STEPS,
};

static const struct option longopts[] = {
	{ "data", required_argument, NULL, OPT_DATA },
	{ "state-dir", required_argument, NULL, OPT_STATE_DIR },
	{ "records", required_argument, NULL, OPT_RECORDS },
	{ "lang", required_argument, NULL, OPT_LANG },
	{ "no-color", no_argument, NULL, OPT_NO_COLOR },
	{ "no-cache", no_argument, NULL, OPT_NO_CACHE },
	{ "ascii", no_argument, NULL, OPT_ASCII },
	{ "plain", no_argument, NULL, OPT_PLAIN },
	{ "json", no_argument, NULL, OPT_JSON },
	{ "limit", required_argument, NULL, OPT_LIMIT },
	{ "platform", required_argument, NULL, OPT_PLATFORM },
	{ "engineer", required_argument, NULL, OPT_ENGINEER },
	{ "model", required_argument, NULL, OPT_MODEL },
	{ "serial", required_argument, NULL, OPT_SERIAL },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "output", required_argument, NULL, OPT_OUTPUT },
	{ "force", no_argument, NULL, OPT_FORCE },
	{ "last", no_argument, NULL, OPT_LAST },
	{ "since", required_argument, NULL, OPT_SINCE },
	{ "follow", no_argument, NULL, OPT_FOLLOW },
	{ "exit-on-error", no_argument, NULL, OPT_EXIT_ON_ERROR },
	{ "resume", optional_argument, NULL, OPT_RESUME },
	{ "steps", no_argument, NULL, OPT_STEPS },
	{ "help", no_argument, NULL, OPT_HELP },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ NULL, 0, NULL, 0 },
};

static void
usage(void)
{
	printf(_("Usage: flashfix [OPTION]... [COMMAND [ARG]...]\n"
	    "Troubleshoot a phone that will not flash: find the error, then\n"
	    "try its fixes in escalating order.\n\n"));
	printf(_("Commands:\n"
	    "  (none)              start the wizard\n"
	    "  lookup TEXT...      print the known errors that match TEXT\n"
	    "  check [DIR]         validate a knowledge base\n"
	    "  history             list the recorded sessions, newest first\n"
	    "  report [ID]         a report of one session, for HQ\n"
	    "  stats               what fixed which error, from the records\n"
	    "  scan [FILE]...      the decisive error in whole logs\n"
	    "  export              the records for another database\n\n"));
	printf(_("Options for every command (before or after the command):\n"
	    "      --data DIR       knowledge base directory\n"
	    "      --state-dir DIR  where records and the session in progress "
	    "live\n"
	    "      --records FILE   the records file (default: "
	    "STATE-DIR/records.csv)\n"
	    "      --no-cache       parse the knowledge base; no cache read "
	    "or written\n"
	    "      --lang LANG      knowledge-base text: en, zh or both\n"
	    "      --no-color       no colours\n"
	    "      --ascii          ASCII lines and borders\n"
	    "      --help           show this help and exit\n"
	    "      --version        show the version and exit\n\n"));
	printf(_("Options for the wizard:\n"
	    "      --plain          line mode: questions on stdout, answers "
	    "on stdin\n"
	    "      --engineer NAME  prefill the engineer (default: login "
	    "name)\n"
	    "      --model MODEL    prefill the phone model\n"
	    "      --serial SN      prefill the serial or IMEI\n"
	    "      --resume[=ID]    take up the newest unfinished session (or\n"
	    "                       ID); from a script, nothing else is\n\n"));
	printf(_("Options for lookup, history and stats:\n"
	    "      --json           print JSON\n\n"));
	printf(_("Options for report:\n"
	    "      --last           the newest session (instead of an ID)\n"
	    "      --format F       text (default), markdown, json or csv\n"
	    "      --output FILE    write FILE (atomically) instead of stdout\n"
	    "      --force          replace FILE if it exists\n\n"));
	printf(_("Options for export:\n"
	    "      --format F       csv (default) or jsonl\n"
	    "      --steps          one row per step, not per session\n"
	    "      --since DATE     as for stats; several --records merge\n\n"));
	printf(_("Options for stats:\n"
	    "      --since DATE     only sessions started on or after DATE "
	    "(YYYY-MM-DD)\n\n"));
	printf(_("Options for scan:\n"
	    "      --follow         watch the log as a running tool writes it\n"
	    "      --exit-on-error  with --follow: stop at the first error\n"
	    "      --json, --platform P as for lookup\n\n"));
	printf(_("Options for lookup:\n"
	    "      --limit N        at most N matches (default 5)\n"
	    "      --platform P     only errors seen on P: mtk or qcom\n\n"));
	printf(_("Exit status: 0 success, 1 nothing matched or invalid data, "
	    "2 wrong usage,\n3 data or files that cannot be used, 4 out of "
	    "memory.\n\n"));
	printf(_("Environment: FLASHFIX_DATA, FLASHFIX_STATE_DIR, "
	    "FLASHFIX_RECORDS, NO_COLOR, XDG_CACHE_HOME.\n"));
	printf(_("Report bugs to: %s\n"), PACKAGE_BUGREPORT);
}

static void
version(const struct options *o)
{
	const char *dir = o->data_dir ? o->data_dir : paths_data_dir();
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

/* Reports wrong usage: fmt takes one string, the offending argument. */
static int __attribute__((format(printf, 1, 2)))
bad_usage(const char *fmt, ...)
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
	return EXIT_USAGE;
}

/* The options, each a bit: which were given, which a command takes. */
#define BIT(opt) (1UL << ((opt) - OPT_DATA))
/* Options that every command takes. */
#define ALL_CMDS (BIT(OPT_DATA) | BIT(OPT_STATE_DIR) | BIT(OPT_RECORDS) | \
	BIT(OPT_LANG) | BIT(OPT_NO_COLOR) | BIT(OPT_ASCII) | \
	BIT(OPT_NO_CACHE) | BIT(OPT_HELP) | BIT(OPT_VERSION))

/* The commands: what each is called, runs, and takes.  Every command's
 * options and operands are checked here, the same way. */
static const struct command {
	const char *name;         /* NULL: the wizard (no command word) */
	int (*run)(struct options *o);
	unsigned long opts;       /* beyond ALL_CMDS */
	int min_args, max_args;   /* operands; -1: any number */
	const char *operands;     /* what they are, for the message */
} commands[] = {
	{ NULL, cmd_wizard, BIT(OPT_PLAIN) | BIT(OPT_ENGINEER) |
	    BIT(OPT_MODEL) | BIT(OPT_SERIAL) | BIT(OPT_RESUME), 0, 0, NULL },
	{ "lookup", cmd_lookup, BIT(OPT_JSON) | BIT(OPT_LIMIT) |
	    BIT(OPT_PLATFORM), 1, -1, N_("the error text, for example: "
	    "flashfix lookup 'WCSM code 4009'") },
	{ "check", cmd_check, 0, 0, 1, N_("at most one directory") },
	{ "history", cmd_history, BIT(OPT_JSON), 0, 0, N_("no operands") },
	{ "report", cmd_report, BIT(OPT_LAST) | BIT(OPT_FORMAT) |
	    BIT(OPT_OUTPUT) | BIT(OPT_FORCE), 0, 1,
	    N_("one session ID, or --last") },
	{ "export", cmd_export, BIT(OPT_FORMAT) | BIT(OPT_SINCE) |
	    BIT(OPT_STEPS), 0, 0, N_("no operands") },
	{ "stats", cmd_stats, BIT(OPT_JSON) | BIT(OPT_SINCE), 0, 0,
	    N_("no operands") },
	{ "scan", cmd_scan, BIT(OPT_JSON) | BIT(OPT_PLATFORM) |
	    BIT(OPT_FOLLOW) | BIT(OPT_EXIT_ON_ERROR), 0, -1, NULL },
};

static const struct command *
find_command(const char *name)
{
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		if (name ? commands[i].name && strcmp(commands[i].name,
		    name) == 0 : !commands[i].name)
			return &commands[i];
	return NULL;
}

/* The option of a bit, as typed. */
static const char *
option_name(unsigned long bit)
{
	static char name[40];

	for (const struct option *lo = longopts; lo->name; lo++)
		if (BIT(lo->val) == bit) {
			snprintf(name, sizeof name, "--%s", lo->name);
			return name;
		}
	return "?";
}

/* Whether cmd takes what was given; a usage message when not. */
static int
check_usage(const struct command *cmd, unsigned long given, int nargs)
{
	unsigned long stray = given & ~(cmd->opts | ALL_CMDS);
	const char *name = cmd->name ? cmd->name : _("the wizard");

	if (stray)
		return bad_usage(_("%s does not apply to %s"),
		    option_name(stray & -stray), name);
	if (nargs < cmd->min_args ||
	    (cmd->max_args >= 0 && nargs > cmd->max_args))
		return bad_usage(_("%s takes %s"), name, _(cmd->operands));
	return EXIT_OK;
}

/* A calendar date, YYYY-MM-DD, as the midnight UTC it starts with, so
 * that --since means the same day wherever it runs; (time_t)-1 when it
 * is not one (2026-02-30 is not). */
static time_t
parse_date(const char *s)
{
	struct tm tm, back;
	const char *end;
	time_t t;

	memset(&tm, 0, sizeof tm);
	end = strptime(s, "%Y-%m-%d", &tm);
	if (!end || *end)
		return (time_t)-1;
	back = tm;
	t = timegm(&tm);
	if (t == (time_t)-1 || tm.tm_mday != back.tm_mday ||
	    tm.tm_mon != back.tm_mon || tm.tm_year != back.tm_year)
		return (time_t)-1;
	return t;
}

/* Takes option c (with optarg) into o.  EXIT_OK to go on; else how to
 * exit (after --help or --version, or a usage message). */
static int
take_option(struct options *o, int c, char **argv)
{
	switch (c) {
	case OPT_DATA:
		o->data_dir = optarg;
		o->data_given = true;
		break;
	case OPT_STATE_DIR:
		o->state_dir = optarg;
		break;
	case OPT_RECORDS:
		if (!*optarg)
			return bad_usage(_("--records takes a file, not '%s'"),
			    optarg);
		if (!o->records) {
			o->records = optarg;
		} else {
			o->more_records = xrealloc(o->more_records,
			    (o->nmore + 1) * sizeof *o->more_records);
			o->more_records[o->nmore++] = optarg;
		}
		break;
	case OPT_LANG:
		o->lang_given = true;
		if (strcmp(optarg, "en") == 0)
			o->lang = LANG_EN;
		else if (strcmp(optarg, "zh") == 0)
			o->lang = LANG_ZH;
		else if (strcmp(optarg, "both") == 0)
			o->lang = LANG_BOTH;
		else
			return bad_usage(_("--lang takes en, zh or "
			    "both, not '%s'"), optarg);
		break;
	case OPT_NO_COLOR:
		o->no_color = true;
		break;
	case OPT_NO_CACHE:
		o->no_cache = true;
		break;
	case OPT_ASCII:
		o->ascii = true;
		break;
	case OPT_PLAIN:
		o->plain = true;
		break;
	case OPT_JSON:
		o->json = true;
		break;
	case OPT_LIMIT: {
		char *end;
		errno = 0;
		o->limit = strtol(optarg, &end, 10);
		if (errno || *end || end == optarg || o->limit < 1 ||
		    o->limit > 1000)
			return bad_usage(_("--limit takes a number "
			    "from 1 to 1000, not '%s'"), optarg);
		break;
	}
	case OPT_PLATFORM:
		o->platform = kb_platform_parse(optarg, strlen(optarg));
		if (!o->platform)
			return bad_usage(_("--platform takes mtk or "
			    "qcom, not '%s'"), optarg);
		break;
	case OPT_ENGINEER:
		o->engineer = optarg;
		break;
	case OPT_FORMAT:
		/* Which formats a command takes is the command's to say. */
		o->format_name = optarg;
		break;
	case OPT_OUTPUT:
		if (!*optarg)
			return bad_usage(_("--output takes a file, not '%s'"),
			    optarg);
		o->output = optarg;
		break;
	case OPT_FORCE:
		o->force = true;
		break;
	case OPT_LAST:
		o->last = true;
		break;
	case OPT_SINCE:
		o->since = parse_date(optarg);
		if (o->since == (time_t)-1)
			return bad_usage(_("--since takes a date such as "
			    "2026-11-01, not '%s'"), optarg);
		break;
	case OPT_MODEL:
		o->model = optarg;
		break;
	case OPT_SERIAL:
		o->serial = optarg;
		break;
	case OPT_FOLLOW:
		o->follow = true;
		break;
	case OPT_STEPS:
		o->steps = true;
		break;
	case OPT_RESUME:
		o->resume = true;
		o->resume_id = optarg && *optarg ? optarg : NULL;
		break;
	case OPT_EXIT_ON_ERROR:
		o->exit_on_error = true;
		break;
	case ':':
		return bad_usage(_("option '%s' needs a value"),
		    argv[optind - 1]);
	default:
		return bad_usage(_("unknown option '%s'"),
		    argv[optind - 1]);
	}
	return EXIT_OK;
}

int
main(int argc, char **argv)
{
	struct options o;
	const struct command *cmd;
	const char *name = NULL, *env;
	unsigned long given = 0;
	int c, rc;

	util_tune_malloc();
	setlocale(LC_ALL, "");
	bindtextdomain(PACKAGE, paths_locale_dir());
	textdomain(PACKAGE);

	memset(&o, 0, sizeof o);
	o.limit = 5;
	o.lang = LANG_EN;
	o.since = (time_t)-1;
	if ((env = getenv("FLASHFIX_DATA")) && *env) {
		o.data_dir = env;
		o.data_given = true;
	}
	if ((env = getenv("FLASHFIX_STATE_DIR")) && *env)
		o.state_dir = env;
	if ((env = getenv("NO_COLOR")) && *env)
		o.no_color = true;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		if (c >= OPT_DATA)
			given |= BIT(c);
		if (c == OPT_HELP || c == OPT_VERSION) {
			if (c == OPT_HELP)
				usage();
			else
				version(&o);
			free(o.more_records);
			return output_close_stdout() ? EXIT_OK : EXIT_FAILED;
		}
		if ((rc = take_option(&o, c, argv)) != EXIT_OK) {
			free(o.more_records);
			return rc;
		}
	}
	if (optind < argc)
		name = argv[optind++];
	o.args = argv + optind;
	o.nargs = argc - optind;
	cmd = find_command(name);
	if (!cmd) {
		free(o.more_records);
		return bad_usage(_("unknown command '%s'; the commands are "
		    "lookup, scan, check, history, report, stats and export"),
		    name);
	}
	if ((rc = check_usage(cmd, given, o.nargs)) != EXIT_OK) {
		free(o.more_records);
		return rc;
	}
	if (!o.data_dir)
		o.data_dir = paths_data_dir();

	o.lang_asked = o.lang;
	/* --ascii draws lines and borders in ASCII; text the terminal can
	 * show stays text.  A terminal that is not UTF-8 gets ASCII for
	 * both, and English (Chinese needs UTF-8). */
	o.ascii_lines = o.ascii;
	o.ascii = !text_terminal_utf8();
	if (o.ascii)
		o.ascii_lines = true;
	if (!o.lang_given) {
		const char *m = setlocale(LC_MESSAGES, NULL);
		if (m && strncmp(m, "zh", 2) == 0)
			o.lang = LANG_ZH;
	}
	/* A terminal that cannot show Chinese gets the English text. */
	if (o.ascii)
		o.lang = LANG_EN;

	rc = cmd->run(&o);
	free(o.more_records);
	if (!output_close_stdout() && rc == EXIT_OK)
		rc = EXIT_FAILED;
	return rc;
}
