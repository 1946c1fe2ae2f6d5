/* kb.h: the knowledge base: known errors, their fixes in escalating order,
 * the tool releases, and the generic ladder; loading and validating it.
 * Layer: kb. */
#ifndef FLASHFIX_KB_H
#define FLASHFIX_KB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "diag.h"
#include "version.h"

enum platform {
	PLAT_MTK = 1,
	PLAT_QCOM = 2,
	PLAT_BOTH = 3,
};

/* What kind of action a fix is.  Roughly cheapest first, but a base
 * lists an error's fixes in the order its source gives them. */
enum level {
	LEVEL_RETRY,
	LEVEL_RELOGIN,
	LEVEL_SETTINGS,
	LEVEL_CONFIG,
	LEVEL_ACCOUNT,
	LEVEL_UPDATE,
	LEVEL_CONNECTION,
	LEVEL_DRIVER,
	LEVEL_PC,
	LEVEL_POWER,
	LEVEL_PACKAGE,
	LEVEL_AUTH,
	LEVEL_HARDWARE,
	LEVEL_ESCALATE,
	LEVEL_COUNT
};

/* The family of an error: where in the flash it failed (a fixed list;
 * flashfix(5) says what belongs where). */
enum family {
	FAM_MTK_BROM,
	FAM_MTK_DA,
	FAM_MTK_DRAM,
	FAM_MTK_AUTH,
	FAM_MTK_IMAGE,
	FAM_MTK_DOWNLOAD,
	FAM_MTK_STORAGE,
	FAM_QCOM_DRIVER,
	FAM_QCOM_SAHARA,
	FAM_QCOM_FIREHOSE,
	FAM_QCOM_AUTH,
	FAM_QCOM_STORAGE,
	FAM_QCOM_STATE,
	FAM_VENDOR_ACCOUNT,
	FAM_VENDOR_PACKAGE,
	FAM_VENDOR_TOOL,
	FAM_COUNT
};

/* What an entry of errors.csv stands for: one known error, or a family
 * as a whole (its ladder is what to try when the evidence names the
 * family but no error of it): an entry whose id is its family's key. */
enum kb_scope {
	SCOPE_ERROR,
	SCOPE_FAMILY,
	SCOPE_COUNT
};

enum category {
	CAT_ACCOUNT,
	CAT_WCSM,
	CAT_PACKAGE,
	CAT_SETTINGS,
	CAT_VERSION,
	CAT_PC,
	CAT_CONNECTION,
	CAT_HARDWARE,
	CAT_COUNT   /* also: none given */
};

enum cond_op { OP_ANY, OP_LT, OP_LE, OP_EQ, OP_GE, OP_GT };

/* "qcom < 2.0.11": holds on that platform, for versions that compare so. */
struct cond_clause {
	enum platform platform;
	enum cond_op op;
	struct version ver;
};

/* Clauses joined by "or"; no clause: always holds. */
struct condition {
	struct cond_clause *c;
	uint32_t n;
};

enum cond_result { COND_FALSE, COND_TRUE, COND_UNKNOWN };

/* The files whose long texts (causes, steps) stay on disk. */
enum kb_src { KB_SRC_ERRORS, KB_SRC_FIXES, KB_SRC_GENERIC, KB_NSRC };

/* A cause or a step, left in its file until it is shown: a base of
 * thousands of errors keeps only its messages in memory.  Read it with
 * kb_cause() or kb_action().  len 0: no text. */
struct kb_text {
	uint32_t off, len; /* its bytes in the file, as written there */
};

/* The structures below are laid out small: a base of 10,000 errors holds
 * 10,000 of the one and 20,000 or more of the other. */
struct fix {
	const struct condition *cond; /* never NULL */
	struct kb_text action_en, action_zh;
	const char *source; /* where the step comes from; never NULL */
	uint32_t line;
	uint16_t step;      /* 1 to 9999 */
	unsigned char level; /* enum level */
	unsigned char src;   /* enum kb_src */
};

/* Texts few errors have: how to tell errors with one message apart, and
 * what HQ needs on an escalation (each NULL when there is none). */
struct kb_notes {
	const char *distinguish_en, *distinguish_zh;
	const char *escalate_en, *escalate_zh;
};

struct kb_error {
	const char *id;
	const char **codes;
	const char *error_en, *error_zh;
	const char **aliases;
	const struct kb_notes *notes; /* never NULL */
	struct fix *fixes;
	struct kb_text cause_en, cause_zh;
	const char *source;      /* where the entry comes from; never NULL */
	uint32_t ncodes, naliases, nfixes;
	unsigned char platforms; /* PLAT_ bits */
	unsigned char category;  /* enum category; CAT_COUNT: none */
	unsigned char family;    /* enum family */
	unsigned char scope;     /* enum kb_scope */
};

struct tool {
	enum platform platform;
	const char *name;
	const char *version_text;
	struct version ver;
	const char *note_en, *note_zh;
};

struct kb {
	struct arena arena;
	struct kb_error *errors;
	size_t nerrors, caperrors;
	struct fix *fixv; /* the errors' fixes, each error's in a row */
	struct tool *tools;
	size_t ntools, captools;
	struct fix *generic;
	size_t ngeneric, capgeneric;
	/* id -> error index, open addressing */
	uint32_t *idtab;
	size_t idcap;
	/* the files the long texts are read from, and those read so far */
	struct kb_lazy *lazy;
	/* loaded from a cache: its texts, in one block */
	char *strings;
};

/* The condition of a fix that has none: it always holds. */
extern const struct condition kb_no_cond;

/* The notes of an error that has none. */
extern const struct kb_notes kb_no_notes;

/* The files of a knowledge base directory. */
#define KB_ERRORS "errors.csv"
#define KB_FIXES "fixes.csv"
#define KB_TOOLS "tools.csv"
#define KB_GENERIC "generic.csv"

/* Whether fix f is about the vendor's own flash tool, whose releases
 * tools.csv lists: a step of the vendor FAQ (its source starts "vendor
 * FAQ") or of the general ladder. */
bool kb_fix_vendor_tool(const struct fix *f);
/* Whether error e comes from the vendor's FAQ (its source says "vendor
 * FAQ"): a message the vendor's own tool prints. */
bool kb_error_vendor_faq(const struct kb_error *e);
/* Code c of an error (kept in decimal, so that every printed form finds
 * it) as its tools print it, into out (at least 16 bytes): a status of
 * 0x4000 and above in hex (MediaTek's 0xC0060001, DAA's 0x7017), the
 * others in decimal (BROM 4032, WCSM 4009, Winsock 12045).  out. */
const char *kb_code_shown(const char *c, char *out, size_t n);
/* Whether fix f asks for the newest or a newer release of the tool ("the
 * latest version", "a newer tool", "update the tool"), not for a
 * particular build (the FAQ's special builds for Winsock 12045) or tool
 * (the one made for the phone's platform). */
bool kb_fix_wants_newest(const struct kb *kb, const struct fix *f);

/* A 64-bit digest of the four files of the base in dir, named in
 * --version and in reports so that HQ knows which base answered.  False
 * (and why, malloc'd) when a file cannot be read. */
bool kb_digest(const char *dir, uint64_t *out, char **why);

/* Loads the knowledge base in dir, reporting every problem to d.  Returns
 * NULL only when nothing usable could be read; callers that need a valid
 * base also check d->errors. */
struct kb *kb_load(const char *dir, struct diag *d);
void kb_free(struct kb *kb);
const struct kb_error *kb_find(const struct kb *kb, const char *id);
/* The entry that stands for family f as a whole (its id is the family's key), or NULL
 * when the base has none. */
const struct kb_error *kb_family_entry(const struct kb *kb, enum family f);

/* An error's cause and a fix's action, in English or Chinese (NULL when
 * the base has none), read from the file on first use and kept until
 * kb_free().  When the file was changed since kb_load(), or cannot be
 * read, a text in brackets says so instead. */
const char *kb_cause(const struct kb *kb, const struct kb_error *e, bool zh);
const char *kb_action(const struct kb *kb, const struct fix *f, bool zh);

const char *kb_platform_key(enum platform p);
/* The platform a name gives ("mtk", "qcom" or "qualcomm", in any case,
 * n bytes); 0 when it names none.  The one parser of platform names. */
unsigned kb_platform_parse(const char *s, size_t n);
/* "MTK", "Qualcomm", "MTK, Qualcomm". */
const char *kb_platforms_label(unsigned platforms);
const char *kb_level_key(enum level l);
const char *kb_level_label(enum level l);
/* The label of a level named by its key ("relogin": "re-login",
 * translated); the key itself when it names no level. */
const char *kb_level_label_of(const char *key);
const char *kb_category_key(enum category c);
const char *kb_category_label(enum category c);
const char *kb_family_key(enum family f);
/* "MediaTek BROM and preloader" ... (translated). */
const char *kb_family_label(enum family f);

/* Whether cond holds for a platform (0: not known) and a tool version
 * (nparts 0: not known). */
enum cond_result kb_cond_eval(const struct condition *cond,
    unsigned platform, const struct version *ver);
/* The condition as text ("qcom < 2.0.11 or mtk < 19.36.101"), malloc'd. */
char *kb_cond_str(const struct condition *cond);

#endif
