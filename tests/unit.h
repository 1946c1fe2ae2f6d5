/* unit.h: what the files of the unit tests (one program, tests/unit,
 * one TAP stream) share: the scratch directory, writing files and a
 * knowledge base there, the fixtures' headers, and each file's tests. */
#ifndef FLASHFIX_UNIT_H
#define FLASHFIX_UNIT_H

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
#include "frame.h"
#include "logline.h"
#include "store.h"
#include "match.h"
#include "match_int.h"
#include "text.h"
#include "tokens.h"
#include "util.h"
#include "version.h"
#include "wizard.h"

#include <unistr.h>

#define TAP_MANY
#include "tap.h"

/* The scratch directory, made by main and removed at the end. */
extern char tmpdir[];

/* Writes a file under tmpdir; returns its path (static). */
const char *write_file(const char *name, const char *content, size_t n);
/* Whether d holds a problem at line:col whose message contains text. */
bool has_diag(const struct diag *d, unsigned long line, unsigned long col,
    const char *text);
/* A knowledge base of these four files in tmpdir/kb; its path (static). */
const char *make_kb(const char *errors, const char *fixes,
    const char *tools, const char *generic);

/* Rows of the fixtures end in their family and source (F) or source (S). */
static const char ERR_HEAD[] = "id,platforms,category,codes,error_en,"
    "error_zh,cause_en,cause_zh,family,source\n";
static const char FIX_HEAD[] = "error,step,level,condition,action_en,"
    "action_zh,source\n";
#define F ",vendor-tool,test\n"
#define S ",test\n"
static const char GEN_OK[] = "step,level,action_en,action_zh,source\n"
    "1,relogin,Log in again.,\xe9\x87\x8d\xe6\x96\xb0\xe7\x99\xbb\xe5\xbd\x95" S;

/* unit-text.c */
void test_version(void);
void test_text(void);
void test_tokens(void);
void test_find_bad_agrees(void);
void test_glance(void);
/* unit-csv.c */
void test_csvfile(void);
/* unit-kb.c */
void test_kb_validation(void);
void test_shipped_kb(const char *datadir);
void test_lazy_texts(void);
/* unit-kb-cache.c */
void test_kb_cache(const char *datadir);
/* unit-match.c */
void test_match(const char *datadir);
void test_fuzz_regressions(void);
/* unit-wizard.c */
void test_wizard(const char *datadir);
/* unit-logread.c */
void test_logread(void);
/* unit-scan.c */
void test_scan(const char *datadir);
/* unit-session.c */
void test_session(const char *datadir);
/* unit-report.c */
void test_report(const char *datadir);
/* unit-files.c: files and paths */
void test_files(void);

#endif
