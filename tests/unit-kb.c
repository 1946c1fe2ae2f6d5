/* unit-kb.c: the unit tests of the knowledge base: validation with
 * FILE:LINE:COLUMN, the shipped base, texts read when shown. */
#include "unit.h"

void
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

void
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
	is_num(kb->nerrors, 181, "it holds the 47 errors of the seed, 118 "
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
			    /* 尝试断开（拔下）电池再刷机: unplug, not take apart */
			    "\xe5\xb0\x9d\xe8\xaf\x95\xe6\x96\xad\xe5\xbc\x80"
			    "\xef\xbc\x88\xe6\x8b\x94\xe4\xb8\x8b\xef\xbc\x89"
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

/* Causes and steps are read from their files when first shown: they
 * must come back exactly as the loader saw them, and a file changed since
 * the load must say so rather than show other bytes. */
void
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
