/* unit.c: unit tests of the logic (no terminal): versions, text, tokens,
 * the CSV reader, the knowledge base and its validation, matching. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csvfile.h"
#include "diag.h"
#include "kb.h"
#include "kb_cache.h"
#include "logline.h"
#include "store.h"
#include "match.h"
#include "match_int.h"
#include "tap.h"
#include "text.h"
#include "tokens.h"
#include "util.h"
#include "version.h"
#include "wizard.h"

#include <unistr.h>

static char tmpdir[] = "/tmp/flashfix-unit-XXXXXX";

/* Writes a file under tmpdir; returns its path (static). */
static const char *
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
static bool
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

static void
test_version(void)
{
	struct version a, b;
	size_t bad = 99;
	char *s;

	ok(version_parse("2.0.11", 6, &a, NULL) && a.nparts == 3 &&
	    a.part[2] == 11, "version 2.0.11 parses");
	ok(version_parse("V1936.91", 8, &b, NULL) && b.nparts == 2 &&
	    b.part[0] == 1936, "version V1936.91 parses");
	ok(version_parse(" 19.36.101 ", 11, &a, NULL) && a.nparts == 3,
	    "spaces around a version are allowed");
	ok(!version_parse("2..1", 4, &a, &bad) && bad == 2,
	    "2..1 is refused at offset 2");
	ok(!version_parse("2.x", 3, &a, &bad) && bad == 2,
	    "2.x is refused at offset 2");
	ok(!version_parse("", 0, &a, NULL), "empty is not a version");
	ok(!version_parse("1.2.3.4.5.6.7", 13, &a, NULL),
	    "seven parts are too many");
	ok(!version_parse("1.99999999999", 13, &a, NULL),
	    "a part of 11 digits is refused");
	version_parse("2.0.9", 5, &a, NULL);
	version_parse("2.0.11", 6, &b, NULL);
	ok(version_cmp(&a, &b) < 0, "2.0.9 is older than 2.0.11");
	version_parse("2.0", 3, &a, NULL);
	version_parse("2.0.0", 5, &b, NULL);
	ok(version_cmp(&a, &b) == 0, "2.0 equals 2.0.0");
	s = version_str(&b);
	is_str(s, "2.0.0", "version_str writes dotted numbers");
	free(s);
}

static void
test_text(void)
{
	char *s;
	char **lines;
	size_t n;

	s = text_escape("a\x1b[2Jb", 6, 0);
	is_str(s, "a\\x1B[2Jb", "ESC is escaped");
	free(s);
	s = text_escape("x\xe2\x80\xaey", 5, 0);
	is_str(s, "x\\u202Ey", "a bidirectional override is escaped");
	s = (free(s), text_escape("a\xc2\x9b" "b", 4, 0));
	is_str(s, "a\\u009Bb", "a C1 control is escaped");
	free(s);
	s = text_escape("a\xffz", 3, 0);
	is_str(s, "a\xef\xbf\xbdz", "invalid UTF-8 becomes U+FFFD");
	free(s);
	s = text_escape("\xe4\xb8\xad" "a\nb", 6, TEXT_ASCII);
	is_str(s, "?a\\x0Ab", "ASCII mode: Chinese becomes ?, LF escaped");
	free(s);
	s = text_escape("a\r\nb", 4, TEXT_KEEP_NL);
	is_str(s, "a\nb", "CRLF kept as one line feed");
	free(s);
	is_num(text_width("\xe4\xb8\xad\xe6\x96\x87"), 4,
	    "two Chinese characters take four columns");
	is_num(text_width("abc"), 3, "ASCII takes one column each");

	lines = text_wrap("one two three", 7, &n);
	ok(n == 2 && strcmp(lines[0], "one two") == 0 &&
	    strcmp(lines[1], "three") == 0, "wrap at spaces");
	text_lines_free(lines, n);
	/* Five Chinese characters at width 4: never half a character. */
	lines = text_wrap("\xe4\xb8\x80\xe4\xba\x8c\xe4\xb8\x89\xe5\x9b\x9b"
	    "\xe4\xba\x94", 4, &n);
	ok(n == 3 && text_width(lines[0]) == 4 && text_width(lines[2]) == 2,
	    "wrap Chinese two characters a line at width 4");
	text_lines_free(lines, n);
	lines = text_wrap("abcdefghij", 4, &n);
	ok(n == 3 && strcmp(lines[2], "ij") == 0,
	    "a word longer than the line is cut");
	text_lines_free(lines, n);
	lines = text_wrap("a\n\nb", 10, &n);
	ok(n == 3 && lines[1][0] == '\0', "hard line breaks are kept");
	text_lines_free(lines, n);
}

/* The tokens of s as one string "a|b|c" (numbers as #n). */
static char *
toks(const char *s, int flags)
{
	struct toklist tl;
	struct buf b;

	toklist_init(&tl);
	buf_init(&b);
	buf_add(&b, "", 0);
	tokenize(s, strlen(s), flags, &tl);
	for (size_t i = 0; i < tl.n; i++) {
		if (i)
			buf_addc(&b, '|');
		if (tl.v[i].kind == TK_NUM)
			buf_addc(&b, '#');
		buf_adds(&b, tok_str(&tl, &tl.v[i]));
	}
	toklist_free(&tl);
	return buf_take(&b);
}

static void
test_tokens(void)
{
	char *s;

	s = toks("FirehoseCheckRSP is error.", 0);
	is_str(s, "firehosecheckrsp|firehose|check|rsp|is|error",
	    "CamelCase gives the word and its parts");
	free(s);
	s = toks("WCSM code\xef\xbc\x9a" "3006/3005/5001", 0);
	is_str(s, "wcsm|code|#3006|#3005|#5001",
	    "codes joined by slashes stay codes");
	free(s);
	s = toks("2020-08-04 10:42:13.123 tool 2.0.11 ok", TOK_QUERY);
	is_str(s, "tool|ok", "dates, times and versions are dropped");
	free(s);
	s = toks("\x1b[31mDL system ERR\x1b[0m [LIB]: x", TOK_QUERY);
	is_str(s, "dl|system|err", "colour escapes and [TAGS] are noise");
	free(s);
	s = toks("\xef\xbc\xb7\xef\xbc\xa3\xef\xbc\xb3\xef\xbc\xad 4009", 0);
	is_str(s, "wcsm|#4009", "full-width letters are folded");
	free(s);
	s = toks("Sahara\xe9\x80\x9a\xe4\xbf\xa1\xe5\xa4\xb1\xe8\xb4\xa5", 0);
	is_str(s, "sahara|\xe9\x80\x9a\xe4\xbf\xa1|\xe4\xbf\xa1\xe5\xa4\xb1|"
	    "\xe5\xa4\xb1\xe8\xb4\xa5", "Chinese gives character pairs");
	free(s);
	s = toks("????????????", 0);
	is_str(s, "???", "a row of question marks is one token");
	free(s);
	s = toks("bad \xff\xfe bytes", 0);
	is_str(s, "bad|bytes", "invalid UTF-8 is skipped, not fatal");
	free(s);
}

struct rows {
	char out[4096];
	int n;
};

static void
collect_row(const struct csvrec *r, void *ctx)
{
	struct rows *rs = ctx;
	size_t len = strlen(rs->out);
	snprintf(rs->out + len, sizeof rs->out - len, "%s[%lu:%lu]%s|",
	    rs->n ? " " : "", r->pos[1].line, r->pos[1].col, r->v[1]);
	rs->n++;
}

static const struct csvcol two_cols[] = { { "id", true }, { "text", true } };

/* Reads content as a two-column CSV file; returns rows and problems. */
static bool
read_csv(const char *content, size_t n, struct rows *rs, struct diag *d)
{
	const char *p = write_file("t.csv", content, n);
	memset(rs, 0, sizeof *rs);
	diag_init(d);
	return csvfile_read(p, "t.csv", two_cols, 2, d, collect_row, rs);
}

static void
test_csvfile(void)
{
	struct rows rs;
	struct diag d;
	static const char bom_crlf[] = "\xef\xbb\xbfid,text\r\na,\"one\r\n"
	    "two\"\r\n\r\nb, x\xe4\xb8\xad\r\n";
	static const char gb[] = "id,text\n1,\xc8\xed\xbc\xfe\n";

	ok(read_csv(bom_crlf, sizeof bom_crlf - 1, &rs, &d) && d.n == 0,
	    "BOM, CRLF, quoted line break: no problem");
	is_str(rs.out, "[2:3]one\ntwo| [5:3]x\xe4\xb8\xad|",
	    "values and their line:column");
	diag_free(&d);

	read_csv("id,text\na,b\nc,\"open\nd,e\n", 24, &rs, &d);
	ok(d.errors == 1 && has_diag(&d, 3, 3, "never closed"),
	    "unterminated quote reported where it opens");
	diag_free(&d);

	read_csv("id,text\na,b\"c\n", 14, &rs, &d);
	ok(d.errors == 1 && has_diag(&d, 2, 4, "misplaced quote"),
	    "a quote inside an unquoted value");
	diag_free(&d);

	read_csv("id,text\na,b,c\nd\n", 16, &rs, &d);
	ok(d.errors == 2 && has_diag(&d, 2, 5, "3 fields but the header has 2")
	    && has_diag(&d, 3, 1, "1 fields but the header has 2"),
	    "too many and too few fields");
	diag_free(&d);

	ok(!read_csv("id,extra\na,b\n", 13, &rs, &d) &&
	    has_diag(&d, 1, 1, "required column 'text' is missing") &&
	    has_diag(&d, 1, 4, "unknown column 'extra'"),
	    "missing required column and unknown column");
	diag_free(&d);

	read_csv("id,text\nab,c\xff\n", 13, &rs, &d);
	ok(d.errors == 1 && has_diag(&d, 2, 5, "invalid UTF-8 (byte 0xFF)"),
	    "invalid UTF-8 reported at its byte");
	diag_free(&d);

	read_csv("id,text\na,b\x1b[2J\n", 15, &rs, &d);
	ok(d.errors == 1 && has_diag(&d, 2, 4, "control character U+001B")
	    && strstr(rs.out, "\\x1B") != NULL,
	    "control character reported and escaped");
	diag_free(&d);

	read_csv("id,text\na,\"b\"\"c\"\n", 17, &rs, &d);
	ok(d.n == 0 && strstr(rs.out, "b\"c") != NULL, "doubled quotes");
	diag_free(&d);

	ok(!read_csv("", 0, &rs, &d) && has_diag(&d, 1, 1, "file is empty"),
	    "empty file");
	diag_free(&d);

	read_csv("id,text\n,\n,,\n", 13, &rs, &d);
	ok(rs.n == 0, "blank spreadsheet rows are skipped");
	diag_free(&d);

	ok(read_csv(gb, sizeof gb - 1, &rs, &d) && d.errors == 0 &&
	    d.warnings == 1 && strcmp(rs.out, "[2:3]\xe8\xbd\xaf\xe4\xbb\xb6|")
	    == 0 && has_diag(&d, 0, 0, "GB18030"),
	    "GB18030 file is converted, with a warning");
	diag_free(&d);

	memset(&rs, 0, sizeof rs);
	diag_init(&d);
	ok(!csvfile_read("/nonexistent/x.csv", "x.csv", two_cols, 2, &d,
	    collect_row, &rs) && has_diag(&d, 0, 0, "cannot open"),
	    "missing file");
	diag_free(&d);
}

static const char *
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

/* Rows of the fixtures end in their family and source (F) or source (S). */
static const char ERR_HEAD[] = "id,platforms,category,codes,error_en,"
    "error_zh,cause_en,cause_zh,family,source\n";
static const char FIX_HEAD[] = "error,step,level,condition,action_en,"
    "action_zh,source\n";
#define F ",vendor-tool,test\n"
#define S ",test\n"
static const char GEN_OK[] = "step,level,action_en,action_zh,source\n"
    "1,relogin,Log in again.,\xe9\x87\x8d\xe6\x96\xb0\xe7\x99\xbb\xe5\xbd\x95" S;

static void
test_kb_validation(void)
{
	struct diag d;
	struct kb *kb;
	char e[2048], f[2048], g[1024];
	const char *dir;

	snprintf(e, sizeof e, "%s"
	    "a,mtk,wcsm,4009,Msg A,A,Cause,C" F
	    "a,mtk,wcsm,,Msg B,B,Cause,C" F
	    "b,nokia,wcsm,,Msg C,C,Cause,C" F
	    "c,qcom,weather,,Msg D,D,Cause,C" F
	    "d,qcom,pc,12x,Msg E,E,,C" F
	    "E!,qcom,pc,,Msg F,F,Cause,C" F
	    "f,qcom,pc,,Msg G,,Cause,C" F
	    "g,qcom,,,Msg H,H,Cause,C,weather,test\n"
	    "h,qcom,,,Msg I,I,Cause,C,vendor-tool,\n", ERR_HEAD);
	snprintf(f, sizeof f, "%s"
	    "a,1,relogin,,Do,D" S
	    "a,3,settings,,Do,D" S
	    "zz,1,relogin,,Do,D" S
	    "f,1,teleport,,Do,D" S
	    "f,1,update,qcom < 2.x,Do,D" S
	    "f,1,update,nokia < 2.0,Do,D" S
	    "f,1,hardware,qcom < 2.0.11,Do," S
	    "f,2,relogin,,Do,D" S
	    "g,1,hardware,,Do,D,\n", FIX_HEAD);
	snprintf(g, sizeof g, "platform,tool,version\nqcom,Msm,2.0.x\n"
	    "mtk,Dl,19.36.101\nmtk,Dl,19.36.101\n");
	dir = make_kb(e, f, g, GEN_OK);
	diag_init(&d);
	kb = kb_load(dir, &d);
	ok(kb != NULL, "a base with errors still loads for reporting");
	ok(has_diag(&d, 3, 1, "id 'a' is already used on line 2"),
	    "errors.csv:3:1 duplicate id");
	ok(has_diag(&d, 4, 3, "unknown platform 'nokia'"),
	    "errors.csv:4:3 bad platform");
	ok(has_diag(&d, 5, 8, "unknown category 'weather'"),
	    "errors.csv:5:8 bad category");
	ok(has_diag(&d, 6, 11, "code '12x' is not a code"),
	    "errors.csv:6:11 bad code");
	ok(has_diag(&d, 6, 23, "'cause_en' is empty; it is required"),
	    "errors.csv:6:23 empty required text");
	ok(has_diag(&d, 7, 1, "id 'E!' may hold only"), "errors.csv:7:1 bad id");
	ok(has_diag(&d, 8, 18, "'error_zh' is empty: the Chinese text is "
	    "missing"), "errors.csv:8:18 missing translation is a warning");
	ok(has_diag(&d, 3, 3, "step 3 of a is out of order: expected step 2"),
	    "fixes.csv:3:3 step out of order");
	ok(has_diag(&d, 4, 1, "no error has the id 'zz'"),
	    "fixes.csv:4:1 fix names an unknown error");
	ok(has_diag(&d, 5, 5, "unknown level 'teleport'"),
	    "fixes.csv:5:5 bad level");
	ok(has_diag(&d, 6, 12, "'2.x' is not a version"),
	    "fixes.csv:6:12 unparseable version in a condition");
	ok(has_diag(&d, 7, 12, "unknown platform 'nokia' in the condition"),
	    "fixes.csv:7:12 bad platform in a condition");
	ok(has_diag(&d, 8, 31, "'action_zh' is empty"),
	    "fixes.csv:8:31 missing translation of an action");
	ok(!has_diag(&d, 9, 5, "comes after"),
	    "fixes.csv:9:5 a cheaper level after a dearer one is the "
	    "source's order: no warning");
	ok(has_diag(&d, 9, 26, "unknown family 'weather'"),
	    "errors.csv:9:26 unknown family");
	ok(has_diag(&d, 10, 38, "'source' is empty; it is required"),
	    "errors.csv:10:38 an error without its source");
	ok(has_diag(&d, 10, 20, "'source' is empty; it is required"),
	    "fixes.csv:10:20 a fix without its source");
	ok(has_diag(&d, 2, 10, "'2.0.x' is not a version"),
	    "tools.csv:2:10 bad tool version");
	ok(has_diag(&d, 4, 8, "version 19.36.101 is listed twice"),
	    "tools.csv:4:8 duplicate tool");
	{
		bool nofix_a = false, nofix_f = false;
		for (size_t i = 0; i < d.n; i++) {
			if (strstr(d.items[i].msg, "error 'a' has no fixes"))
				nofix_a = true;
			if (strstr(d.items[i].msg, "error 'f' has no fixes"))
				nofix_f = true;
		}
		ok(!nofix_a && !nofix_f, "errors with fixes are not reported "
		    "as without");
	}
	for (size_t i = 0; i < d.n; i++)
		if (strstr(d.items[i].msg, "'2.x'"))
			ok(strstr(d.items[i].file, "kb/fixes.csv") != NULL,
			    "the problem names its file");
	kb_free(kb);
	diag_free(&d);
}

static void
test_shipped_kb(const char *datadir)
{
	struct diag d;
	struct kb *kb;
	const struct kb_error *e;
	struct version v;
	size_t nfix = 0;

	diag_init(&d);
	kb = kb_load(datadir, &d);
	ok(kb && d.errors == 0 && d.warnings == 0,
	    "the shipped knowledge base is valid, without warnings");
	if (!kb) {
		diag_free(&d);
		return;
	}
	is_num(kb->nerrors, 165, "it holds the 47 errors of the seed, 102 "
	    "public MTK and Qualcomm ones and the 16 families' own entries");
	{
		size_t fams = 0;
		for (unsigned f = 0; f < FAM_COUNT; f++)
			if (kb_family_entry(kb, (enum family)f) &&
			    kb_family_entry(kb, (enum family)f)->nfixes >= 3)
				fams++;
		is_num(fams, FAM_COUNT, "every family has an entry of its own "
		    "with a ladder of at least 3 steps");
	}
	for (size_t i = 0; i < kb->nerrors; i++) {
		nfix += kb->errors[i].nfixes;
		if (!kb->errors[i].error_zh ||
		    !kb_cause(kb, &kb->errors[i], true))
			ok(0, "%s has Chinese texts", kb->errors[i].id);
	}
	ok(nfix >= 47, "every error has fixes (%zu in all)", nfix);
	ok(kb->ntools >= 5, "the seed's tool releases are listed");
	ok(kb->ngeneric >= 7 &&
	    kb->generic[kb->ngeneric - 1].level == LEVEL_ESCALATE,
	    "the generic ladder ends with escalation");
	{
		bool battery = false;
		for (size_t i = 0; i < kb->ngeneric; i++)
			if (strstr(kb_action(kb, &kb->generic[i], true),
			    "\xe5\xb0\x9d\xe8\xaf\x95\xe6\x8b\x86\xe5\xbc\x80"
			    "\xe7\x94\xb5\xe6\xb1\xa0\xe5\x86\x8d\xe5\x88\xb7"
			    "\xe6\x9c\xba"))
				battery = true;
		ok(battery, "the seed's battery tip is in the generic ladder");
	}
	e = kb_find(kb, "login-area-ofp");
	ok(e && e->nfixes >= 2, "login-area-ofp has conditional fixes");
	if (e) {
		const struct fix *qf = NULL;
		for (size_t i = 0; i < e->nfixes; i++)
			if (e->fixes[i].cond->n &&
			    e->fixes[i].cond->c[0].platform == PLAT_QCOM)
				qf = &e->fixes[i];
		ok(qf != NULL, "a fix for the Qualcomm tool version");
		if (qf) {
			version_parse("2.0.0", 5, &v, NULL);
			ok(kb_cond_eval(qf->cond, PLAT_QCOM, &v) == COND_TRUE,
			    "qcom 2.0.0 needs the update");
			version_parse("2.0.11", 6, &v, NULL);
			ok(kb_cond_eval(qf->cond, PLAT_QCOM, &v) ==
			    COND_FALSE, "qcom 2.0.11 does not");
			ok(kb_cond_eval(qf->cond, PLAT_MTK, &v) == COND_FALSE,
			    "the Qualcomm condition fails on MTK");
			v.nparts = 0;
			ok(kb_cond_eval(qf->cond, PLAT_QCOM, &v) ==
			    COND_UNKNOWN, "an unknown version cannot rule it out");
			ok(kb_cond_eval(qf->cond, 0, &v) == COND_UNKNOWN,
			    "nor an unknown platform");
		}
	}
	kb_free(kb);
	diag_free(&d);
}

/* The first result for text, or "" */
static const char *
top(struct match_index *ix, const char *text, unsigned platform)
{
	struct match_result r[3];
	size_t n = match_query(ix, text, platform, r, 3);
	return n ? r[0].err->id : "";
}

static void
test_match(const char *datadir)
{
	struct diag d;
	struct kb *kb;
	struct match_index *ix;
	struct match_result r[5];
	size_t n, bad = 0, famonly = 0;

	diag_init(&d);
	kb = kb_load(datadir, &d);
	diag_free(&d);
	if (!kb)
		return;
	ix = match_index_new(kb);
	/* fuzz_lookup: a code after a word that is in no message, none of
	 * whose parts is either ("WCCSMcode:5001"), gathered no context
	 * words (UBSan: an offset applied to a null array). */
	n = match_query(ix, "2020/00\307\305\317\317\305\317\317\341"
	    "Downloas#m c'ode dTool: Login fail, Wed, WCCSMcode:5001", 0, r, 5);
	ok(n <= 5, "a code after a word whose parts are in no message either "
	    "(fuzz_lookup): answered, %zu results", n);
	/* Every message, in both languages, finds its error first (or in
	 * a tie for first, where two errors share a message); a message
	 * that is thin evidence as a query ("[CONFIGURE] request failed",
	 * whose tag a pasted line drops) may find only its family's own
	 * entry, but few may. */
	for (size_t i = 0; i < kb->nerrors; i++) {
		const struct kb_error *e = &kb->errors[i];
		const char *texts[2] = { e->error_en, e->error_zh };
		for (int t = 0; t < 2; t++) {
			bool found = false;
			n = match_query(ix, texts[t], 0, r, 5);
			for (size_t k = 0; k < n && r[k].score == r[0].score;
			    k++)
				if (r[k].err == e)
					found = true;
			if (!found && n && r[0].level == MATCH_FAMILY &&
			    r[0].err->family == e->family) {
				famonly++;
				printf("#   %s (%s) only its family for '%s'\n",
				    e->id, t ? "zh" : "en", texts[t]);
			} else if (!found) {
				bad++;
				printf("#   %s (%s) not first for '%s'\n", e->id,
				    t ? "zh" : "en", texts[t]);
			}
		}
	}
	is_num(bad, 0, "all %zu messages find their error first",
	    2 * kb->nerrors);
	ok(famonly <= 2, "and %zu of them only their family's own entry",
	    famonly);
	is_str(top(ix, "4009", 0), "wcsm-4009", "a code alone");
	is_str(top(ix, "3005", 0), "wcsm-mac", "one of three codes");
	is_str(top(ix, "wscm code 4009", 0), "wcsm-4009", "a swapped letter");
	is_str(top(ix, "sahara comunication failed", 0), "sahara",
	    "a missing letter");
	is_str(top(ix, "getufsinfo", 0), "firehose-ufs",
	    "CamelCase typed as one word");
	is_str(top(ix, "firehose check rsp", 0), "firehose-check-rsp",
	    "CamelCase typed as words");
	is_str(top(ix, "banana keyboard weather", 0), "", "nonsense: nothing");
	is_str(top(ix, "BROM ERROR : S_FT_DOWNLOAD_FAIL (4008)", 0),
	    "mtk-download-fail", "MTK's BROM 4008 is not WCSM 4008");
	is_str(top(ix, "4009", PLAT_MTK), "wcsm-4009",
	    "WCSM codes occur on MTK too");
	is_str(top(ix, "Firehose GetUfsInfo", PLAT_MTK), "",
	    "the platform filter drops Qualcomm-only errors");
	n = match_query(ix, "WCSM code 3003", 0, r, 5);
	ok(n >= 1 && strcmp(r[0].err->id, "wcsm-3003") == 0 && r[0].by_code,
	    "code 3003 settles the shared message");
	n = match_rank_all(ix, "", PLAT_QCOM, r, 5);
	ok(n == 5 && r[0].err == &kb->errors[0] &&
	    r[1].err == &kb->errors[1],
	    "rank_all with no text keeps the base's order (Qualcomm only)");
	match_index_free(ix);
	kb_free(kb);
}


/* A wizard on the shipped base, with platform, version and error set. */
static void
start(struct wizard *w, const struct kb *kb, unsigned plat,
    const char *ver, const char *id)
{
	wizard_init(w, kb);
	wizard_set_platform(w, plat);
	wizard_set_version(w, ver);
	wizard_choose(w, id ? kb_find(kb, id) : NULL, id ? id : "???");
}

static void
test_wizard(const char *datadir)
{
	struct diag d;
	struct kb *kb;
	struct wizard w;
	const struct tool **t;
	size_t n;

	diag_init(&d);
	kb = kb_load(datadir, &d);
	diag_free(&d);
	if (!kb)
		return;

	/* Fixed at each step of a three-step error. */
	for (size_t at = 1; at <= 3; at++) {
		start(&w, kb, PLAT_QCOM, "2.0.11", "sahara");
		for (size_t i = 1; i < at; i++)
			wizard_answer(&w, ANS_NOT_FIXED, NULL);
		ok(wizard_step(&w) && w.cur + 1 == at, "sahara: at step %zu",
		    at);
		wizard_answer(&w, ANS_FIXED, "swapped cable");
		ok(w.outcome == OUT_FIXED && w.fixed_at == at &&
		    !wizard_step(&w), "sahara: fixed at step %zu", at);
		is_str(w.steps[at - 1].note, "swapped cable",
		    "the note is kept with its step");
		wizard_free(&w);
	}
	/* Nothing works: escalated; skips count as tried, not fixed. */
	start(&w, kb, PLAT_QCOM, "2.0.11", "sahara");
	wizard_answer(&w, ANS_NOT_FIXED, NULL);
	wizard_answer(&w, ANS_SKIPPED, NULL);
	wizard_answer(&w, ANS_NOT_FIXED, NULL);
	ok(w.outcome == OUT_ESCALATED && w.fixed_at == 0,
	    "every step not fixed: escalated");
	ok(w.steps[1].answer == ANS_SKIPPED, "a skipped step stays skipped");
	/* Back from the outcome changes the last answer. */
	ok(wizard_back(&w) && w.outcome == OUT_NONE && w.cur == 2,
	    "back from the outcome returns to the last step");
	wizard_answer(&w, ANS_FIXED, NULL);
	ok(w.outcome == OUT_FIXED && w.fixed_at == 3,
	    "and a new answer changes the outcome");
	ok(wizard_back(&w) && wizard_back(&w) && w.cur == 1 &&
	    w.steps[1].answer == ANS_NONE && w.steps[2].answer == ANS_NONE,
	    "back twice: later answers no longer stand");
	ok(wizard_back(&w) && !wizard_back(&w), "no going back before step 1");
	wizard_abandon(&w);
	ok(w.outcome == OUT_ABANDONED && !wizard_step(&w), "abandoned");
	wizard_free(&w);

	/* A tool update the engineer already has: said, not dropped. */
	start(&w, kb, PLAT_QCOM, "2.0.17", "sahara");
	ok(wizard_latest_chosen(&w) != NULL && wizard_step(&w) &&
	    w.steps[0].fix->level == LEVEL_UPDATE &&
	    wizard_step_has_latest(&w),
	    "sahara on qcom 2.0.17 (the newest known): step 1, the update, "
	    "is one the engineer has");
	ok(w.nsteps == 3, "and it stays in the plan (a newer release may "
	    "exist)");
	wizard_answer(&w, ANS_NOT_FIXED, NULL);
	ok(!wizard_step_has_latest(&w), "step 2 is no update: nothing said");
	wizard_free(&w);
	start(&w, kb, PLAT_QCOM, "2.0.11", "sahara");
	ok(wizard_latest_chosen(&w) == NULL && !wizard_step_has_latest(&w),
	    "on 2.0.11 the update is not one the engineer has");
	wizard_free(&w);
	start(&w, kb, 0, "2.0.17", "sahara");
	ok(!wizard_step_has_latest(&w), "platform not known: nothing said");
	wizard_free(&w);
	start(&w, kb, PLAT_QCOM, "2.0.17", "qcom-sahara-program-headers");
	ok(w.nsteps > 0 && w.steps[0].fix->level == LEVEL_UPDATE &&
	    !wizard_step_has_latest(&w),
	    "updating edl (another tool) is not the vendor tool's update");
	wizard_free(&w);

	/* Conditions and version-first. */
	start(&w, kb, PLAT_QCOM, "2.0.0", "login-area-ofp");
	ok(w.nsteps == 1 && w.steps[0].fix->level == LEVEL_UPDATE,
	    "login-area-ofp on qcom 2.0.0: only the Qualcomm update");
	wizard_free(&w);
	start(&w, kb, PLAT_QCOM, "2.0.17", "login-area-ofp");
	ok(w.nsteps == 0 && w.outcome == OUT_ESCALATED,
	    "on qcom 2.0.17 no fix applies: straight to escalation");
	wizard_free(&w);
	start(&w, kb, 0, NULL, "login-area-ofp");
	is_num(w.nsteps, 2, "platform and version unknown: both updates");
	wizard_free(&w);
	start(&w, kb, PLAT_QCOM, "2.0.0", "private-key");
	is_num(w.nsteps, 1, "private key on 2.0.0: update to 2.0.17");
	wizard_free(&w);
	start(&w, kb, PLAT_QCOM, "2.0.11", "private-key");
	is_num(w.nsteps, 1, "private key on 2.0.11: the FAQ's one step (a "
	    "newer tool such as 2.0.17) still shows");
	wizard_free(&w);
	{
		/* A base where the update comes last in the file: it moves
		 * first when the version is known to need it. */
		char e[512], f[512];
		const char *dir;
		struct kb *k2;
		snprintf(e, sizeof e, "%sx,qcom,pc,,M,M,C,C" F, ERR_HEAD);
		snprintf(f, sizeof f, "%sx,1,relogin,,A,A" S "x,2,settings,,B,B" S
		    "x,3,update,qcom < 2.0.11,U,U" S, FIX_HEAD);
		dir = make_kb(e, f, "platform,tool,version\nqcom,M,2.0.11\n",
		    GEN_OK);
		diag_init(&d);
		k2 = kb_load(dir, &d);
		ok(k2 && d.errors == 0, "a base with a conditional update");
		if (k2) {
			start(&w, k2, PLAT_QCOM, "2.0.0", "x");
			ok(w.nsteps == 3 && w.steps[0].fix->level ==
			    LEVEL_UPDATE && w.steps[1].fix->level ==
			    LEVEL_RELOGIN, "an older tool: update first");
			wizard_free(&w);
			start(&w, k2, PLAT_QCOM, NULL, "x");
			ok(w.nsteps == 3 && w.steps[2].fix->level ==
			    LEVEL_UPDATE, "version unknown: update in its place");
			wizard_free(&w);
			kb_free(k2);
		}
		diag_free(&d);
	}

	/* Not listed: the generic ladder. */
	start(&w, kb, PLAT_MTK, NULL, NULL);
	ok(w.error == NULL && w.nsteps == kb->ngeneric,
	    "not listed: the generic ladder, every step");
	wizard_free(&w);

	/* Versions offered, newest first, per platform. */
	wizard_init(&w, kb);
	wizard_set_platform(&w, PLAT_QCOM);
	n = wizard_versions(&w, &t);
	ok(n == 3 && strcmp(t[0]->version_text, "2.0.17") == 0 &&
	    strcmp(t[2]->version_text, "2.0.0") == 0,
	    "Qualcomm versions, newest first");
	free(t);
	ok(!wizard_set_version(&w, "2.x") && wizard_set_version(&w, "v2.0.9")
	    && strcmp(w.version_text, "2.0.9") == 0,
	    "a typed version is validated and normalised");
	wizard_details(&w, "ana", "CPH2023", "");
	ok(strcmp(w.engineer, "ana") == 0 && w.serial == NULL,
	    "job details; an empty one stays empty");
	wizard_free(&w);
	kb_free(kb);
}

/* What text_find_bad answered when it asked libunistring about every
 * non-ASCII character: the reference for the inline decoder. */
static size_t
find_bad_ref(const uint8_t *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		ucs4_t c;
		int k;

		if (s[i] < 0x80) {
			if ((s[i] < 0x20 && s[i] != '\t' && s[i] != '\n' &&
			    s[i] != '\r') || s[i] == 0x7f)
				return i;
			i++;
			continue;
		}
		k = u8_mbtoucr(&c, s + i, n - i);
		if (k < 0 || (c >= 0x80 && c < 0xa0))
			return i;
		i += (size_t)k;
	}
	return (size_t)-1;
}

/* text_find_bad decodes UTF-8 itself: it must agree with libunistring on
 * every sequence of 2 and 3 bytes and, for 4 bytes, on every first two
 * bytes with a range of last two. */
static void
test_find_bad_agrees(void)
{
	unsigned long checked = 0, differ = 0;
	uint8_t s[4];

	for (unsigned len = 2; len <= 4; len++) {
		unsigned long combos = len == 4 ? 1UL << 20 : 1UL << (8 * len);
		for (unsigned long v = 0; v < combos; v++) {
			size_t want, got;

			if (len == 4) {
				s[0] = (uint8_t)(v >> 12);
				s[1] = (uint8_t)(v >> 4);
				s[2] = (uint8_t)(0x78 + (v & 0xf) * 5);
				s[3] = (uint8_t)(0x7f + (v & 0xf) * 4);
			} else {
				for (unsigned b = 0; b < len; b++)
					s[b] = (uint8_t)(v >> (8 * (len - 1 - b)));
			}
			want = find_bad_ref(s, len);
			got = text_find_bad((const char *)s, len);
			checked++;
			if (got != want && differ++ < 5)
				printf("#   %02X %02X %02X %02X (%u bytes): "
				    "libunistring %zd, text_find_bad %zd\n",
				    s[0], s[1], len > 2 ? s[2] : 0,
				    len > 3 ? s[3] : 0, len, (ssize_t)want,
				    (ssize_t)got);
		}
	}
	ok(differ == 0, "text_find_bad judges %lu byte sequences as "
	    "libunistring does", checked);
}

/* The glance at a line is the scan's filter: the 16-bytes-at-a-time
 * version must say what the byte-at-a-time one says, whatever the length
 * and wherever a word falls against the 16-byte blocks; and a line whose
 * words logline_maybe_error() finds must pass it (else the scan would
 * never look at it).  Lines are made of log words, marks in any case,
 * numbers, Chinese, and separators. */
static void
test_glance(void)
{
	static const char *const words[] = {
		"Download", "flash", "INFO", "DA_handler", "Sending", "block",
		"offset", "0x5000", "Preloader", "firehose", "Writing",
		"sector", "done", "OK", "Checksum", "partition", "Progress",
		"ERROR", "error", "Err", "failed", "FAIL", "Timeout",
		"cannot", "can't", "no", "NOT", "bad", "invalid", "unknown",
		"Sahara", "S_FT_ENABLE_DRAM_FAIL", "4032", "status", "code",
		"\xe5\xa4\xb1\xe8\xb4\xa5", "\xe6\x88\x90\xe5\x8a\x9f", "???",
		"success", "finished", "retrying", "hw_code", "MT6765", "wcsm",
		"please", "auth", "handler", "for", "program", "Device",
	};
	static const char seps[] = " :-[]()=,./\t";
	unsigned long lines = 0, differ = 0, missed = 0;
	unsigned seed = 12345;
	char line[400];

	for (int round = 0; round < 200000; round++) {
		size_t n = 0;
		int nw;
		seed = seed * 1103515245u + 12345u;
		nw = (int)(seed >> 16) % 12;
		for (int k = 0; k < nw && n < 300; k++) {
			const char *w;
			seed = seed * 1103515245u + 12345u;
			w = words[(seed >> 16) % (sizeof words / sizeof *words)];
			if (k) {
				seed = seed * 1103515245u + 12345u;
				line[n++] = seps[(seed >> 16) % (sizeof seps - 1)];
			}
			memcpy(line + n, w, strlen(w));
			n += strlen(w);
		}
		/* Now and then a byte that may hide words. */
		seed = seed * 1103515245u + 12345u;
		if ((seed >> 16) % 50 == 0 && n) {
			static const char hide[] = { 0x1b, 0 };
			line[(seed >> 8) % n] = hide[(seed >> 4) & 1];
		}
		{
			unsigned v = logline_glance(line, n);
			unsigned b = logline_glance_bytes(line, n);
			lines++;
			if (v != b && differ++ < 3)
				printf("#   '%.*s': %u by blocks, %u by bytes\n",
				    (int)n, line, v, b);
			if (!memchr(line, 0x1b, n) && !memchr(line, 0, n) &&
			    logline_maybe_error(line, n) &&
			    !(v & LOGLINE_MAYBE_ERROR) && missed++ < 3)
				printf("#   '%.*s': an error the glance misses\n",
				    (int)n, line);
		}
	}
	ok(differ == 0, "the glance by blocks agrees with the glance by bytes "
	    "on %lu lines", lines);
	ok(missed == 0, "no line that logline_maybe_error() finds passes the "
	    "glance unseen");
	ok(logline_glance("x\x1b[31mERROR", 11) == LOGLINE_HIDDEN &&
	    logline_glance("0123456789abcdef0123\x1b[31m", 25) == LOGLINE_HIDDEN,
	    "an escape, before or after 16 bytes, may hide words");
	ok(logline_glance("0123456789abcde error", 21) == LOGLINE_MAYBE_ERROR &&
	    logline_glance("0123456789abcd error", 20) == LOGLINE_MAYBE_ERROR &&
	    logline_glance("0123456789abcdeferror", 21) == 0,
	    "a mark across the 16-byte line is seen at a word's start only");
}

/* Causes and steps are read from their files when first shown: they
 * must come back exactly as the loader saw them, and a file changed since
 * the load must say so rather than show other bytes. */
static void
test_lazy_texts(void)
{
	static const char errors[] = "\xef\xbb\xbf" /* a BOM */
	    "id,platforms,category,codes,error_en,error_zh,cause_en,cause_zh,"
	    "family,source\r\n"
	    "a,qcom,pc,1,Msg A,,\"  He said \"\"no\"\", twice\r\nthen left  \","
	    "\xe5\x8e\x9f\xe5\x9b\xa0,vendor-tool,test\r\n"
	    "b,mtk,pc,2,Msg B,, plain cause ,,vendor-tool,test\r\n";
	static const char fixes[] = "error,step,level,action_en,action_zh,"
	    "source\n"
	    "a,1,relogin,\"Log in, again\",,test\n"
	    "b,1,settings,Check settings.,\xe6\xa3\x80\xe6\x9f\xa5,test\n";
	/* "改" in GB18030, as a Chinese spreadsheet saves it */
	static const char gb_generic[] = "step,level,action_en,action_zh,source\n"
	    "1,escalate,Ask HQ.,\xb8\xc4,test\n";
	char *fpath = NULL, *tmp = NULL;
	struct diag d;
	struct kb *kb;
	const struct kb_error *a, *b;
	const char *s;

	const char *dir = make_kb(errors, fixes,
	    "platform,tool,version\nqcom,M,2.0.11\n", gb_generic);
	diag_init(&d);
	kb = kb_load(dir, &d);
	a = kb ? kb_find(kb, "a") : NULL;
	b = kb ? kb_find(kb, "b") : NULL;
	ok(kb && d.errors == 0 && a && b, "a base with a BOM, CRLF, quotes "
	    "and a GB18030 file loads");
	if (!a || !b)
		goto out;
	is_str(kb_cause(kb, a, false), "He said \"no\", twice\nthen left",
	    "a quoted cause with doubled quotes, a comma and CRLF comes back "
	    "trimmed, with LF");
	is_str(kb_cause(kb, a, true), "\xe5\x8e\x9f\xe5\x9b\xa0",
	    "the Chinese cause after it");
	is_str(kb_cause(kb, b, false), "plain cause",
	    "an unquoted cause, trimmed");
	ok(kb_cause(kb, b, true) == NULL, "an empty cause is NULL");
	is_str(kb_action(kb, &a->fixes[0], false), "Log in, again",
	    "a quoted action");
	is_str(kb_action(kb, &kb->generic[0], true), "\xe6\x94\xb9",
	    "an action from a GB18030 file, converted");
	ok(kb_cause(kb, a, false) == kb_cause(kb, a, false),
	    "a text is read once and kept");

	/* A spreadsheet's save replaces the file: the open one still
	 * holds what was validated. */
	fpath = xasprintf("%s/fixes.csv", dir);
	tmp = xasprintf("%s/fixes.new", dir);
	{
		static const char other[] = "error,step,level,action_en,"
		    "action_zh,source\nb,1,settings,Other text.,,test\n";
		write_file("kb/fixes.new", other, sizeof other - 1);
	}
	ok(rename(tmp, fpath) == 0, "fixes.csv replaced by rename");
	is_str(kb_action(kb, &b->fixes[0], false), "Check settings.",
	    "after a rename over the file, its text as loaded");
	/* Written over in place: the size and time differ. */
	{
		struct timespec when[2] = { { 1000000000, 0 },
			{ 1000000000, 0 } };
		const char *ep = write_file("kb/errors.csv", "id\n", 3);
		ok(utimensat(AT_FDCWD, ep, when, 0) == 0,
		    "errors.csv written over in place");
	}
	s = kb_cause(kb, b, true);
	ok(s == NULL, "an empty text stays empty");
	s = kb_cause(kb, a, true); /* already read: kept */
	is_str(s, "\xe5\x8e\x9f\xe5\x9b\xa0", "a text read before the "
	    "change is kept");
	s = kb_cause(kb, b, false); /* read before: kept */
	ok(s && strcmp(s, "plain cause") == 0, "and that one too");
	kb_free(kb);
	kb = NULL;
	diag_free(&d);

	/* The same change with a text not read yet. */
	dir = make_kb(errors, fixes, "platform,tool,version\nqcom,M,2.0.11\n",
	    gb_generic);
	diag_init(&d);
	kb = kb_load(dir, &d);
	b = kb ? kb_find(kb, "b") : NULL;
	if (!b)
		goto out;
	{
		const char *ep = write_file("kb/errors.csv", errors,
		    sizeof errors - 1);
		struct timespec when[2] = { { 1000000000, 0 },
			{ 1000000000, 0 } };
		ok(utimensat(AT_FDCWD, ep, when, 0) == 0, "errors.csv "
		    "rewritten with the same bytes and another time");
	}
	s = kb_cause(kb, b, false);
	ok(s && strstr(s, "was changed after flashfix started") &&
	    strstr(s, "errors.csv"), "a text of a file changed since the "
	    "load says so: %s", s ? s : "(null)");
out:
	free(fpath);
	free(tmp);
	kb_free(kb);
	diag_free(&d);
}

/* Whether two strings are both absent or equal. */
static bool
same_str(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static bool
same_fixes(const struct kb *ka, const struct fix *a, const struct kb *kb_,
    const struct fix *b, size_t n, bool texts)
{
	for (size_t i = 0; i < n; i++) {
		char *ca = kb_cond_str(a[i].cond), *cb = kb_cond_str(b[i].cond);
		bool same = a[i].step == b[i].step && a[i].level == b[i].level &&
		    same_str(a[i].source, b[i].source) &&
		    a[i].line == b[i].line && a[i].src == b[i].src &&
		    strcmp(ca, cb) == 0 &&
		    a[i].action_en.len == b[i].action_en.len &&
		    a[i].action_zh.len == b[i].action_zh.len &&
		    (!texts || (same_str(kb_action(ka, &a[i], false),
		    kb_action(kb_, &b[i], false)) &&
		    same_str(kb_action(ka, &a[i], true),
		    kb_action(kb_, &b[i], true))));
		free(ca);
		free(cb);
		if (!same) {
			printf("#   fix %zu (line %lu) differs\n", i,
			    (unsigned long)a[i].line);
			return false;
		}
	}
	return true;
}

/* Whether two bases hold the same errors, fixes and tools (and long
 * texts, when texts). */
static bool
same_kb(const struct kb *a, const struct kb *b, bool texts)
{
	if (a->nerrors != b->nerrors || a->ntools != b->ntools ||
	    a->ngeneric != b->ngeneric) {
		printf("#   counts differ\n");
		return false;
	}
	for (size_t i = 0; i < a->nerrors; i++) {
		const struct kb_error *x = &a->errors[i], *y = &b->errors[i];
		bool same = strcmp(x->id, y->id) == 0 &&
		    x->platforms == y->platforms &&
		    x->category == y->category &&
		    x->family == y->family && same_str(x->source, y->source) &&
		    same_str(x->error_en, y->error_en) &&
		    same_str(x->error_zh, y->error_zh) &&
		    same_str(x->notes->distinguish_en,
		    y->notes->distinguish_en) &&
		    same_str(x->notes->distinguish_zh,
		    y->notes->distinguish_zh) &&
		    same_str(x->notes->escalate_en, y->notes->escalate_en) &&
		    same_str(x->notes->escalate_zh, y->notes->escalate_zh) &&
		    (!texts || (same_str(kb_cause(a, x, false),
		    kb_cause(b, y, false)) && same_str(kb_cause(a, x, true),
		    kb_cause(b, y, true)))) &&
		    x->cause_en.len == y->cause_en.len &&
		    x->cause_zh.len == y->cause_zh.len &&
		    x->ncodes == y->ncodes && x->naliases == y->naliases &&
		    x->nfixes == y->nfixes && kb_find(b, x->id) == y;
		for (size_t c = 0; same && c < x->ncodes; c++)
			same = strcmp(x->codes[c], y->codes[c]) == 0;
		for (size_t c = 0; same && c < x->naliases; c++)
			same = strcmp(x->aliases[c], y->aliases[c]) == 0;
		if (!same) {
			printf("#   error %s differs\n", x->id);
			return false;
		}
		if (!same_fixes(a, x->fixes, b, y->fixes, x->nfixes, texts))
			return false;
	}
	for (size_t i = 0; i < a->ntools; i++) {
		const struct tool *x = &a->tools[i], *y = &b->tools[i];
		if (x->platform != y->platform || strcmp(x->name, y->name) ||
		    strcmp(x->version_text, y->version_text) ||
		    version_cmp(&x->ver, &y->ver) != 0 ||
		    !same_str(x->note_en, y->note_en) ||
		    !same_str(x->note_zh, y->note_zh)) {
			printf("#   tool %zu differs\n", i);
			return false;
		}
	}
	return same_fixes(a, a->generic, b, b->generic, a->ngeneric, texts);
}

/* Whether kb holds what the loader guarantees: every error found by its
 * id, in a known family and with its source, with fixes numbered 1, 2,
 * 3... at known levels and with their sources, valid codes. */
static bool
kb_sound(const struct kb *kb)
{
	for (size_t i = 0; i < kb->nerrors; i++) {
		const struct kb_error *e = &kb->errors[i];
		if (kb_find(kb, e->id) != e || e->nfixes == 0 ||
		    !e->error_en || e->category > CAT_COUNT ||
		    e->family >= FAM_COUNT || !e->source || !*e->source)
			return false;
		for (size_t f = 0; f < e->nfixes; f++)
			if (e->fixes[f].step != f + 1 ||
			    e->fixes[f].level >= LEVEL_COUNT ||
			    !e->fixes[f].source)
				return false;
		for (size_t c = 0; c < e->ncodes; c++)
			if (!*e->codes[c] || strspn(e->codes[c],
			    "0123456789") != strlen(e->codes[c]))
				return false;
	}
	return kb->ngeneric > 0;
}

/* Loads dir through the cache in cachedir; *hit: it came from the
 * cache (a base rebuilt from one holds its texts in one block). */
static struct kb *
load_cached(const char *dir, const char *cachedir, bool *hit)
{
	struct diag d;
	struct store st;
	struct kb *kb;

	diag_init(&d);
	store_load(&st, dir, cachedir, &d);
	kb = st.kb;
	*hit = kb && kb->strings;
	match_index_free(st.ix);
	if (d.errors) {
		kb_free(kb);
		kb = NULL;
	}
	diag_free(&d);
	return kb;
}

/* The index of dir as store_load() gives it, with its base in *kb. */
static struct match_index *
load_index(const char *dir, const char *cachedir, struct kb **kb)
{
	struct diag d;
	struct store st;

	diag_init(&d);
	store_load(&st, dir, cachedir, &d);
	diag_free(&d);
	*kb = st.kb;
	return st.ix;
}

/* The bytes of ix as the cache keeps them (malloc'd, *n of them). */
static unsigned char *
index_bytes(const struct match_index *ix, size_t *n)
{
	struct buf b;

	buf_init(&b);
	match_index_encode(ix, &b);
	*n = b.len;
	return (unsigned char *)buf_take(&b);
}

/* The one cache file in cachedir, or NULL (malloc'd). */
static char *
cache_file(const char *cachedir, const char *dir)
{
	char *real = realpath(dir, NULL), *p;
	struct stat st;

	if (!real)
		return NULL;
	p = kb_cache_path(cachedir, real);
	free(real);
	if (stat(p, &st) != 0) {
		free(p);
		return NULL;
	}
	return p;
}

/* Flips the byte at off of path (from the end when off < 0). */
static bool
flip_byte(const char *path, long off)
{
	int fd = open(path, O_RDWR);
	struct stat st;
	unsigned char c;
	bool ok;

	if (fd < 0)
		return false;
	ok = fstat(fd, &st) == 0;
	if (off < 0)
		off += (long)st.st_size;
	ok = ok && pread(fd, &c, 1, off) == 1;
	c ^= 0x20;
	ok = ok && pwrite(fd, &c, 1, off) == 1;
	return close(fd) == 0 && ok;
}

static void
test_kb_cache(const char *datadir)
{
	static const char errors[] = "\xef\xbb\xbf"
	    "id,platforms,category,codes,error_en,error_zh,aliases,cause_en,"
	    "cause_zh,distinguish_en,escalate_en,family,source\r\n"
	    "a,qcom,pc,1;22,Msg A \xe2\x80\xae,,\"x\ny\",\"  He said \"\"no\"\", "
	    "twice\r\nthen left  \",\xe5\x8e\x9f\xe5\x9b\xa0,tell,send logs,"
	    "qcom-sahara,edl sahara_defs.py\r\n"
	    "b,mtk;qcom,wcsm,,Msg B,\xe4\xb8\x80,,cause \xe2\x80\x8f red,,,,"
	    "vendor-account,FAQ\r\n";
	static const char fixes[] = "error,step,level,condition,action_en,"
	    "action_zh,source\n"
	    "a,1,relogin,qcom < 2.0.11 or mtk,\"Log in, again\",,FAQ\n"
	    "b,1,settings,,Check \xe2\x80\xae settings.,\xe6\xa3\x80,FAQ\n"
	    "b,2,update,mtk >= 19.36.101,Update.,,own\n";
	static const char gb_generic[] = "step,level,action_en,action_zh,source\n"
	    "1,escalate,Ask HQ.,\xb8\xc4,own\n";
	char *cachedir = xasprintf("%s/cache/flashfix", tmpdir);
	char *cpath = NULL, *cpath2 = NULL;
	struct kb *plain, *kb, *kb2;
	struct diag d;
	struct stat st, st2;
	bool hit = true;
	const char *dir;

	/* The shipped base, then a hostile one: parsed, then cached. */
	for (int round = 0; round < 2; round++) {
		const char *what = round ? "a base with a BOM, CRLF, quotes, "
		    "bidi marks and a GB18030 file" : "the shipped base";
		dir = round ? make_kb(errors, fixes,
		    "platform,tool,version,note_en\nqcom,M,2.0.11,n\n"
		    "mtk,D,V19.36.101,\n", gb_generic) : datadir;
		diag_init(&d);
		plain = kb_load(dir, &d);
		diag_free(&d);
		kb = load_cached(dir, cachedir, &hit);
		ok(kb && !hit, "%s: the first load parses", what);
		free(cpath);
		cpath = cache_file(cachedir, dir);
		ok(cpath != NULL, "%s: and leaves a cache", what);
		kb2 = load_cached(dir, cachedir, &hit);
		ok(kb2 && hit, "%s: the next load reads the cache", what);
		ok(plain && kb && kb2 && same_kb(plain, kb2, true),
		    "%s: the cached base is the parsed one, texts and all",
		    what);
		kb_free(plain);
		kb_free(kb);
		kb_free(kb2);
	}
	kb = load_cached(dir, NULL, &hit);
	ok(kb && !hit, "no cache directory: the files are parsed");
	kb_free(kb);

	/* One byte changed, same size, time set back: the bytes decide. */
	ok(cpath && stat(cpath, &st) == 0, "the cache is there");
	{
		char *e = xstrdup(errors);
		char *m = strstr(e, "Msg B");
		struct timespec when[2] = { { 1000000000, 0 },
			{ 1000000000, 0 } };
		const char *ep;
		m[4] = 'C';
		ep = write_file("kb/errors.csv", e, strlen(e));
		utimensat(AT_FDCWD, ep, when, 0);
		free(e);
	}
	kb = load_cached(dir, cachedir, &hit);
	ok(kb && !hit && kb_find(kb, "b") &&
	    strcmp(kb_find(kb, "b")->error_en, "Msg C") == 0,
	    "errors.csv changed in one byte (same size, older time): "
	    "parsed again, the new text");
	kb_free(kb);
	cpath2 = cache_file(cachedir, dir);
	ok(cpath2 && stat(cpath2, &st2) == 0 && st2.st_ino != st.st_ino,
	    "and the cache is written anew");
	kb = load_cached(dir, cachedir, &hit);
	ok(kb && hit && strcmp(kb_find(kb, "b")->error_en, "Msg C") == 0,
	    "which the next load reads");
	kb_free(kb);

	/* A damaged cache is a miss, never a crash. */
	ok(cpath2 && flip_byte(cpath2, -3), "a byte of the cache flipped");
	kb = load_cached(dir, cachedir, &hit);
	ok(kb && !hit, "a damaged cache: parsed again");
	kb_free(kb);
	ok(cpath2 && truncate(cpath2, 100) == 0, "the cache cut short");
	kb = load_cached(dir, cachedir, &hit);
	ok(kb && !hit, "a cut cache: parsed again");
	kb_free(kb);
	kb = load_cached(dir, cachedir, &hit);
	ok(kb && hit, "and cached again");
	kb_free(kb);

	/* A base with errors is not cached. */
	dir = make_kb(ERR_HEAD, FIX_HEAD, "platform,tool,version\n", GEN_OK);
	diag_init(&d);
	{
		struct store sto;
		store_load(&sto, dir, cachedir, &d);
		ok(sto.kb && d.errors > 0 && !sto.ix, "a base with errors still "
		    "loads, with them, and is not indexed");
		store_free(&sto);
	}
	diag_free(&d);
	free(cpath);
	cpath = cache_file(cachedir, dir);
	{
		/* The stale cache of that directory stays, unused. */
		struct store sto;
		diag_init(&d);
		store_load(&sto, dir, cachedir, &d);
		ok(sto.kb && d.errors > 0, "and again: the errors, not an old "
		    "cache");
		store_free(&sto);
		diag_free(&d);
	}
	free(cpath);
	cpath = NULL;

	/* A cache directory that cannot be made: no cache, no failure. */
	{
		char *bad = xasprintf("%s/cachefile/x", tmpdir);
		write_file("cachefile", "x", 1);
		kb = load_cached(datadir, bad, &hit);
		ok(kb && !hit, "a cache directory under a file: parsed, "
		    "quietly");
		kb_free(kb);
		free(bad);
	}

	/* The index read from the cache ranks as the one built. */
	{
		static const char *const queries[] = {
			"WCSM code\xef\xbc\x9a" "4009", "Sahara communication failed.",
			"DL system ERR", "sahara comunication", "4009",
			"\xe7\x99\xbb\xe5\xbd\x95", "Incorrect verificaton code",
			"2020-08-04 10:42:00 [LIB] BROM ERROR : S_FT_ENABLE_DRAM_FAIL (4032)",
		};
		struct match_index *built, *read;
		struct match_result r1[8], r2[8];
		size_t same = 0, flips = 0, rebuilt = 0;
		diag_init(&d);
		plain = kb_load(datadir, &d);
		diag_free(&d);
		unsigned char *bytes;
		size_t nbytes;
		kb = load_cached(datadir, cachedir, &hit);
		kb_free(kb);
		read = load_index(datadir, cachedir, &kb);
		ok(kb && kb->strings && read && read->bytes, "the shipped base's "
		    "cache holds its index, and the index is read from it, not "
		    "built");
		built = match_index_new(plain);
		for (size_t q = 0; read && q < sizeof queries / sizeof *queries;
		    q++) {
			size_t n1 = match_query(built, queries[q], 0, r1, 8);
			size_t n2 = match_query(read, queries[q], 0, r2, 8);
			bool eq = n1 == n2;
			for (size_t i = 0; eq && i < n1; i++)
				eq = strcmp(r1[i].err->id, r2[i].err->id) == 0 &&
				    r1[i].score == r2[i].score &&
				    r1[i].by_code == r2[i].by_code;
			same += eq;
			if (!eq)
				printf("#   '%s' ranks differently\n", queries[q]);
		}
		is_num(same, sizeof queries / sizeof *queries, "%zu queries: "
		    "the same errors, scores and codes from both", same);
		/* Stamps near the point where they start again: still the
		 * same answers, before and after. */
		if (read) {
			size_t agree = 0;
			read->stamp = UINT_MAX / 2 - 3;
			for (size_t q = 0; q < 2 * sizeof queries /
			    sizeof *queries; q++) {
				const char *t = queries[q % (sizeof queries /
				    sizeof *queries)];
				size_t n1 = match_query(built, t, 0, r1, 8);
				size_t n2 = match_query(read, t, 0, r2, 8);
				bool eq = n1 == n2;
				for (size_t i = 0; eq && i < n1; i++)
					eq = strcmp(r1[i].err->id,
					    r2[i].err->id) == 0 &&
					    r1[i].score == r2[i].score;
				agree += eq;
			}
			ok(agree == 2 * sizeof queries / sizeof *queries &&
			    read->stamp < UINT_MAX / 2, "stamps that start "
			    "again mid-way: the same answers (%zu)", agree);
		}
		match_index_free(read);
		/* Damaged index bytes: refused (then built), never a crash. */
		bytes = index_bytes(built, &nbytes);
		for (size_t i = 0; kb && i < nbytes; i += 1 + i / 64) {
			unsigned char *copy = xmalloc(nbytes);
			memcpy(copy, bytes, nbytes);
			copy[i] ^= 0x41;
			read = match_index_decode(kb, copy, nbytes);
			rebuilt += read == NULL;
			flips++;
			if (read)
				match_query(read, "Sahara 4009 comunication", 0,
				    r2, 8);
			match_index_free(read);
		}
		ok(flips > 0 && rebuilt > 0, "%zu index bytes flipped one at "
		    "a time: %zu refused, the rest searched without harm",
		    flips, rebuilt);
		if (kb && nbytes > 8) {
			read = match_index_decode(kb, bytes, nbytes - 8);
			bytes = NULL; /* taken */
			ok(!read, "an index cut short is refused");
			read = match_index_new(kb);
			ok(read && !read->bytes &&
			    match_query(read, "Sahara communication failed", 0,
			    r2, 8) > 0, "and one built instead finds");
			match_index_free(read);
		}
		free(bytes);
		match_index_free(built);
		kb_free(kb);
		kb_free(plain);
	}

	/* The decoder on every cut and on flipped bytes of a good cache. */
	{
		struct buf str, rec;
		size_t bad_cuts = 0, flips = 0, refused = 0, unsound = 0;
		diag_init(&d);
		plain = kb_load(datadir, &d);
		diag_free(&d);
		buf_init(&str);
		buf_init(&rec);
		kb_cache_encode(plain, &str, &rec);
		for (size_t n = 0; n < rec.len; n += 1 + n / 512) {
			char *sc = xmalloc(str.len);
			memcpy(sc, str.s, str.len);
			kb = kb_cache_decode(sc, str.len,
			    (const unsigned char *)rec.s, n);
			bad_cuts += kb != NULL;
			kb_free(kb);
		}
		ok(bad_cuts == 0, "records cut anywhere: refused");
		for (size_t i = 0; i < rec.len; i += 7) {
			char *sc = xmalloc(str.len);
			memcpy(sc, str.s, str.len);
			rec.s[i] ^= 0x5a;
			kb = kb_cache_decode(sc, str.len,
			    (const unsigned char *)rec.s, rec.len);
			flips++;
			refused += kb == NULL;
			unsound += kb && !kb_sound(kb);
			kb_free(kb);
			rec.s[i] ^= 0x5a;
		}
		ok(refused > 0 && unsound == 0, "%zu records with a flipped "
		    "byte: %zu refused, the others a base the loader could "
		    "have made (ids found, steps in order, known levels)",
		    flips, refused);
		{
			char *sc = xmalloc(str.len);
			memcpy(sc, str.s, str.len);
			sc[str.len / 2] = '\x1b';
			kb = kb_cache_decode(sc, str.len,
			    (const unsigned char *)rec.s, rec.len);
			ok(kb == NULL, "a control character in the texts: "
			    "refused");
			kb_free(kb);
		}
		{
			char *sc = xmalloc(str.len);
			memcpy(sc, str.s, str.len);
			kb = kb_cache_decode(sc, str.len,
			    (const unsigned char *)rec.s, rec.len);
			ok(kb && same_kb(plain, kb, false), "the unharmed "
			    "records: the same base");
			kb_free(kb);
		}
		buf_free(&str);
		buf_free(&rec);
		kb_free(plain);
	}
	free(cpath2);
	free(cachedir);
}

/* Inputs the fuzzers found crashing, kept as regression tests. */
static void
test_fuzz_regressions(void)
{
	struct diag d;
	struct kb *kb;
	struct match_index *ix;
	struct match_result r[4];
	const char *dir;

	/* Empty files: a base with no errors and no codes to index
	 * (fuzz_kb: qsort of a NULL array). */
	dir = make_kb("", "", "", "");
	diag_init(&d);
	kb = kb_load(dir, &d);
	ok(kb != NULL && d.errors > 0, "empty files: a base with errors");
	if (kb) {
		ix = match_index_new(kb);
		ok(match_query(ix, "WCSM code 4009", 0, r, 4) == 0 &&
		    match_rank_all(ix, "x", 0, r, 4) == 0,
		    "an index over no errors and no codes answers nothing");
		match_index_free(ix);
		kb_free(kb);
	}
	diag_free(&d);
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
	free(datadir);
	{
		char *cmd = xasprintf("rm -rf '%s'", tmpdir);
		if (system(cmd) != 0)
			printf("# could not remove %s\n", tmpdir);
		free(cmd);
	}
	return tap_done();
}
