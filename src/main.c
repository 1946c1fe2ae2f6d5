/* main.c: options, locale, and dispatch to the commands. */
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
#include "text.h"
#include "util.h"

enum {
	OPT_DATA = 256, OPT_STATE_DIR, OPT_RECORDS, OPT_LANG, OPT_NO_COLOR,
	OPT_ASCII, OPT_PLAIN, OPT_JSON, OPT_LIMIT, OPT_PLATFORM, OPT_HELP,
	OPT_VERSION, OPT_ENGINEER, OPT_MODEL, OPT_SERIAL, OPT_FORMAT, OPT_OUTPUT,
	OPT_FORCE, OPT_LAST, OPT_SINCE, OPT_NO_CACHE,
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
	    "  stats               what fixed which error, from the records\n\n"));
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
	    "      --ascii          ASCII only: lines, borders and text\n"
	    "      --help           show this help and exit\n"
	    "      --version        show the version and exit\n\n"));
	printf(_("Options for the wizard:\n"
	    "      --plain          line mode: questions on stdout, answers "
	    "on stdin\n"
	    "      --engineer NAME  prefill the engineer (default: login "
	    "name)\n"
	    "      --model MODEL    prefill the phone model\n"
	    "      --serial SN      prefill the serial or IMEI\n\n"));
	printf(_("Options for lookup, history and stats:\n"
	    "      --json           print JSON\n\n"));
	printf(_("Options for report:\n"
	    "      --last           the newest session (instead of an ID)\n"
	    "      --format F       text (default), markdown, json or csv\n"
	    "      --output FILE    write FILE (atomically) instead of stdout\n"
	    "      --force          replace FILE if it exists\n\n"));
	printf(_("Options for stats:\n"
	    "      --since DATE     only sessions started on or after DATE "
	    "(YYYY-MM-DD)\n\n"));
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
version(void)
{
	printf("flashfix %s\n", PACKAGE_VERSION);
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

/* Whether a directory holds a knowledge base. */
static bool
has_kb(const char *dir)
{
	char *p = xasprintf("%s/%s", dir, KB_ERRORS);
	bool ok = access(p, R_OK) == 0;
	free(p);
	return ok;
}

/* Whether this program runs from its build tree, not installed. */
static bool
check_uninstalled(void)
{
	char self[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
	char *slash;

	if (n <= 0)
		return false;
	self[n] = '\0';
	slash = strrchr(self, '/');
	if (!slash)
		return false;
	*slash = '\0';
	return strcmp(self, ABS_BUILDDIR "/src") == 0;
}

/* The bundled knowledge base: the source tree's when this program runs
 * from its build tree, else the installed one. */
static const char *
default_data_dir(bool uninstalled)
{
	if (uninstalled || !has_kb(PKGDATADIR))
		return ABS_SRCDIR "/data";
	return PKGDATADIR;
}

/* Where the compiled knowledge bases are kept ($XDG_CACHE_HOME/flashfix,
 * else ~/.cache/flashfix; a relative XDG path is ignored, as the XDG base
 * directory specification says); NULL for none. */
static char *
cache_dir(const struct options *o)
{
	const char *x = getenv("XDG_CACHE_HOME"), *h = getenv("HOME");

	if (o->no_cache)
		return NULL;
	if (x && x[0] == '/')
		return xasprintf("%s/flashfix", x);
	if (h && h[0] == '/')
		return xasprintf("%s/.cache/flashfix", h);
	return NULL;
}

struct kb *
cli_load_kb(const struct options *o)
{
	struct diag d;
	struct kb *kb;
	char *cache = cache_dir(o);

	diag_init(&d);
	kb = kb_load_cached(o->data_dir, cache, &d);
	free(cache);
	if (d.errors) {
		diag_print(&d, stderr);
		fprintf(stderr, _("flashfix: the knowledge base in %s has "
		    "errors; run 'flashfix check %s' and mend them\n"),
		    o->data_dir, o->data_dir);
		kb_free(kb);
		kb = NULL;
	}
	diag_free(&d);
	return kb;
}

int
main(int argc, char **argv)
{
	struct options o;
	const char *cmd = NULL, *env;
	bool lang_given = false, uninstalled = check_uninstalled();
	int c, rc;

	util_tune_malloc();
	setlocale(LC_ALL, "");
	/* Uninstalled, the catalogs are in the build tree (make builds a
	 * locale/ tree there for that). */
	bindtextdomain(PACKAGE, uninstalled ? ABS_BUILDDIR "/locale" :
	    LOCALEDIR);
	textdomain(PACKAGE);

	memset(&o, 0, sizeof o);
	o.limit = 5;
	o.lang = LANG_EN;
	if ((env = getenv("FLASHFIX_DATA")) && *env) {
		o.data_dir = env;
		o.data_given = true;
	}
	if ((env = getenv("FLASHFIX_STATE_DIR")) && *env)
		o.state_dir = env;
	if ((env = getenv("FLASHFIX_RECORDS")) && *env)
		o.records = env;
	if ((env = getenv("NO_COLOR")) && *env)
		o.no_color = true;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_DATA:
			o.data_dir = optarg;
			o.data_given = true;
			break;
		case OPT_STATE_DIR:
			o.state_dir = optarg;
			break;
		case OPT_RECORDS:
			o.records = optarg;
			break;
		case OPT_LANG:
			lang_given = true;
			if (strcmp(optarg, "en") == 0)
				o.lang = LANG_EN;
			else if (strcmp(optarg, "zh") == 0)
				o.lang = LANG_ZH;
			else if (strcmp(optarg, "both") == 0)
				o.lang = LANG_BOTH;
			else
				return bad_usage(_("--lang takes en, zh or "
				    "both, not '%s'"), optarg);
			break;
		case OPT_NO_COLOR:
			o.no_color = true;
			break;
		case OPT_NO_CACHE:
			o.no_cache = true;
			break;
		case OPT_ASCII:
			o.ascii = true;
			break;
		case OPT_PLAIN:
			o.plain = true;
			break;
		case OPT_JSON:
			o.json = true;
			break;
		case OPT_LIMIT: {
			char *end;
			errno = 0;
			o.limit = strtol(optarg, &end, 10);
			if (errno || *end || end == optarg || o.limit < 1 ||
			    o.limit > 1000)
				return bad_usage(_("--limit takes a number "
				    "from 1 to 1000, not '%s'"), optarg);
			break;
		}
		case OPT_PLATFORM:
			if (strcmp(optarg, "mtk") == 0)
				o.platform = PLAT_MTK;
			else if (strcmp(optarg, "qcom") == 0 ||
			    strcmp(optarg, "qualcomm") == 0)
				o.platform = PLAT_QCOM;
			else
				return bad_usage(_("--platform takes mtk or "
				    "qcom, not '%s'"), optarg);
			break;
		case OPT_ENGINEER:
			o.engineer = optarg;
			break;
		case OPT_FORMAT:
			if (strcmp(optarg, "text") && strcmp(optarg, "markdown") &&
			    strcmp(optarg, "json") && strcmp(optarg, "csv"))
				return bad_usage(_("--format takes text, markdown, "
				    "json or csv, not '%s'"), optarg);
			o.format = optarg;
			break;
		case OPT_OUTPUT:
			o.output = optarg;
			break;
		case OPT_FORCE:
			o.force = true;
			break;
		case OPT_LAST:
			o.last = true;
			break;
		case OPT_SINCE: {
			struct tm tm;
			const char *end;
			memset(&tm, 0, sizeof tm);
			end = strptime(optarg, "%Y-%m-%d", &tm);
			if (!end || *end)
				return bad_usage(_("--since takes a date such as "
				    "2026-11-01, not '%s'"), optarg);
			o.since = optarg;
			break;
		}
		case OPT_MODEL:
			o.model = optarg;
			break;
		case OPT_SERIAL:
			o.serial = optarg;
			break;
		case OPT_HELP:
			usage();
			return output_close_stdout() ? EXIT_OK : EXIT_FAILED;
		case OPT_VERSION:
			version();
			return output_close_stdout() ? EXIT_OK : EXIT_FAILED;
		case ':':
			return bad_usage(_("option '%s' needs a value"),
			    argv[optind - 1]);
		default:
			return bad_usage(_("unknown option '%s'"),
			    argv[optind - 1]);
		}
	}
	if (optind < argc)
		cmd = argv[optind++];
	o.args = argv + optind;
	o.nargs = argc - optind;
	if (!o.data_dir)
		o.data_dir = default_data_dir(uninstalled);

	o.lang_given = lang_given;
	o.lang_asked = o.lang;
	/* Chinese needs a terminal that shows UTF-8. */
	if (!o.ascii && !text_terminal_utf8())
		o.ascii = true;
	if (o.ascii)
		text_set_terminal_utf8(false);
	if (!lang_given) {
		const char *m = setlocale(LC_MESSAGES, NULL);
		if (m && strncmp(m, "zh", 2) == 0)
			o.lang = LANG_ZH;
	}
	/* A terminal that cannot show Chinese gets the English text. */
	if (o.ascii)
		o.lang = LANG_EN;

	if (!cmd) {
		rc = cmd_wizard(&o);
	} else if (strcmp(cmd, "history") == 0) {
		rc = cmd_history(&o);
	} else if (strcmp(cmd, "report") == 0) {
		rc = cmd_report(&o);
	} else if (strcmp(cmd, "stats") == 0) {
		rc = cmd_stats(&o);
	} else if (strcmp(cmd, "lookup") == 0) {
		rc = cmd_lookup(&o);
	} else if (strcmp(cmd, "check") == 0) {
		if (o.json)
			return bad_usage(_("%s applies to lookup only"),
			    "--json");
		rc = cmd_check(&o);
	} else {
		return bad_usage(_("unknown command '%s'; the commands are "
		    "lookup, check, history, report and stats"), cmd);
	}
	if (!output_close_stdout() && rc == EXIT_OK)
		rc = EXIT_FAILED;
	return rc;
}
