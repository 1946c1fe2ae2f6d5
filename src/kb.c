/* kb.c: the knowledge base as a model: the names of its enumerations,
 * errors found by id, conditions evaluated and shown, texts read when
 * shown, and freeing it.  Loading it from its files is kb_load.c's.
 * Layer: kb. */
#include <config.h>

#include "kb.h"

#include <stdint.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "digest.h"
#include "files.h"
#include "i18n.h"
#include "kb_int.h"
#include "kb_lazy.h"
#include "text.h"
#include "tokens.h"
#include "util.h"

const char *const kb_level_keys[LEVEL_COUNT] = {
	"retry", "relogin", "settings", "config", "account", "update",
	"connection", "driver", "pc", "power", "package", "auth", "hardware",
	"escalate",
};
static const char *const level_labels[LEVEL_COUNT] = {
	N_("try again"), N_("re-login"), N_("tool settings"),
	N_("config file"), N_("account"), N_("tool update"),
	N_("connection"), N_("driver"), N_("PC"), N_("power"),
	N_("package"), N_("authorisation"), N_("hardware"), N_("escalate"),
};
const char *const kb_family_keys[FAM_COUNT] = {
	"mtk-brom", "mtk-da", "mtk-dram", "mtk-auth", "mtk-image",
	"mtk-download", "mtk-storage", "qcom-driver", "qcom-sahara",
	"qcom-firehose", "qcom-auth", "qcom-storage", "qcom-state",
	"vendor-account", "vendor-package", "vendor-tool",
};
static const char *const family_labels[FAM_COUNT] = {
	N_("MTK: BROM and preloader connection"),
	N_("MTK: download agent (DA)"),
	N_("MTK: DRAM initialisation"),
	N_("MTK: authentication (SLA, DAA, auth file)"),
	N_("MTK: scatter, partitions and images"),
	N_("MTK: writing and formatting"),
	N_("MTK: the phone's storage"),
	N_("Qualcomm: PC driver and 9008 port"),
	N_("Qualcomm: Sahara (programmer upload)"),
	N_("Qualcomm: Firehose programmer"),
	N_("Qualcomm: signature and authentication"),
	N_("Qualcomm: the phone's storage"),
	N_("Qualcomm: device in another mode"),
	N_("Flash tool account and server (WCSM)"),
	N_("Firmware package (OFP)"),
	N_("Flash tool program and PC"),
};
const char *const kb_cat_keys[CAT_COUNT] = {
	"account", "wcsm", "package", "settings", "version", "pc",
	"connection", "hardware",
};
static const char *const cat_labels[CAT_COUNT] = {
	N_("login and account"), N_("WCSM server code"),
	N_("package and file"), N_("tool settings"), N_("tool version"),
	N_("PC environment"), N_("connection"), N_("hardware"),
};

const char *
kb_level_key(enum level l)
{
	return l < LEVEL_COUNT ? kb_level_keys[l] : "?";
}

const char *
kb_level_label(enum level l)
{
	return l < LEVEL_COUNT ? _(level_labels[l]) : "?";
}

const char *
kb_level_label_of(const char *key)
{
	int l = kb_key_find(kb_level_keys, LEVEL_COUNT, key, strlen(key));

	return l >= 0 ? kb_level_label((enum level)l) : key;
}

const char *
kb_category_key(enum category c)
{
	return c < CAT_COUNT ? kb_cat_keys[c] : NULL;
}

const char *
kb_category_label(enum category c)
{
	return c < CAT_COUNT ? _(cat_labels[c]) : "";
}

const char *
kb_family_key(enum family f)
{
	return f < FAM_COUNT ? kb_family_keys[f] : "";
}

const char *
kb_family_label(enum family f)
{
	return f < FAM_COUNT ? _(family_labels[f]) : "";
}

const char *
kb_platform_key(enum platform p)
{
	return p == PLAT_MTK ? "mtk" : p == PLAT_QCOM ? "qcom" : "both";
}

const char *
kb_platforms_label(unsigned platforms)
{
	switch (platforms & PLAT_BOTH) {
	case PLAT_MTK:
		return "MTK";
	case PLAT_QCOM:
		return _("Qualcomm");
	default:
		return _("MTK, Qualcomm");
	}
}

/* Finds key in a table of names; -1 when absent. */
int
kb_key_find(const char *const *keys, int n, const char *s, size_t len)
{
	for (int i = 0; i < n; i++)
		if (strlen(keys[i]) == len && memcmp(keys[i], s, len) == 0)
			return i;
	return -1;
}

unsigned
kb_platform_parse(const char *s, size_t n)
{
	if (n == 3 && strncasecmp(s, "mtk", 3) == 0)
		return PLAT_MTK;
	if ((n == 4 && strncasecmp(s, "qcom", 4) == 0) ||
	    (n == 8 && strncasecmp(s, "qualcomm", 8) == 0))
		return PLAT_QCOM;
	return 0;
}

static uint64_t
hash_str(const char *s)
{
	return util_fnv1a(s, strlen(s));
}

/* Whether an id table of cap slots is too full for n ids (over 3/4). */
static bool
id_full(size_t n, size_t cap)
{
	return n * 4 > cap * 3;
}

/* Rebuilds the id table for the errors loaded so far. */
void
kb_idtab_rebuild(struct kb *kb)
{
	free(kb->idtab);
	kb->idcap = 16;
	while (id_full(kb->nerrors + 1, kb->idcap))
		kb->idcap *= 2;
	kb->idtab = xmalloc(kb->idcap * sizeof *kb->idtab);
	for (size_t i = 0; i < kb->idcap; i++)
		kb->idtab[i] = UINT32_MAX;
	for (size_t e = 0; e < kb->nerrors; e++) {
		size_t h = (size_t)hash_str(kb->errors[e].id) & (kb->idcap - 1);
		while (kb->idtab[h] != UINT32_MAX)
			h = (h + 1) & (kb->idcap - 1);
		kb->idtab[h] = (uint32_t)e;
	}
}

const struct kb_error *
kb_find(const struct kb *kb, const char *id)
{
	size_t h;

	if (!kb->idtab)
		return NULL;
	h = (size_t)hash_str(id) & (kb->idcap - 1);
	while (kb->idtab[h] != UINT32_MAX) {
		const struct kb_error *e = &kb->errors[kb->idtab[h]];
		if (strcmp(e->id, id) == 0)
			return e;
		h = (h + 1) & (kb->idcap - 1);
	}
	return NULL;
}

const struct kb_error *
kb_family_entry(const struct kb *kb, enum family f)
{
	for (size_t i = 0; i < kb->nerrors; i++)
		if (kb->errors[i].scope == SCOPE_FAMILY &&
		    kb->errors[i].family == f)
			return &kb->errors[i];
	return NULL;
}

const struct kb_notes kb_no_notes;
const struct condition kb_no_cond;

const struct kb_notes *
kb_keep_notes(struct kb *kb, const struct kb_notes *n)
{
	struct kb_notes *keep;

	if (!n->distinguish_en && !n->distinguish_zh && !n->escalate_en &&
	    !n->escalate_zh)
		return &kb_no_notes;
	keep = arena_alloc(&kb->arena, sizeof *keep);
	*keep = *n;
	return keep;
}

bool
kb_add_error(struct kb *kb, const struct kb_error *e)
{
	size_t h;

	if (kb_find(kb, e->id))
		return false;
	kb->errors = xgrow(kb->errors, &kb->caperrors, kb->nerrors + 1,
	    sizeof *kb->errors);
	kb->errors[kb->nerrors++] = *e;
	if (id_full(kb->nerrors + 1, kb->idcap)) {
		kb_idtab_rebuild(kb);
		return true;
	}
	h = (size_t)hash_str(e->id) & (kb->idcap - 1);
	while (kb->idtab[h] != UINT32_MAX)
		h = (h + 1) & (kb->idcap - 1);
	kb->idtab[h] = (uint32_t)(kb->nerrors - 1);
	return true;
}

/* Splits s at separators (any of seps) into trimmed, non-empty items. */
size_t
kb_split(const char *s, const char *seps, const char ***out, struct arena *a)
{
	const char **v = NULL;
	size_t n = 0, cap = 0;

	while (s && *s) {
		size_t k = strcspn(s, seps);
		const char *p = s;
		size_t m = k;
		while (m && (*p == ' ' || *p == '\n'))
			p++, m--;
		while (m && (p[m - 1] == ' ' || p[m - 1] == '\n'))
			m--;
		if (m) {
			v = xgrow(v, &cap, n + 1, sizeof *v);
			v[n++] = arena_strndup(a, p, m);
		}
		s += k;
		if (*s)
			s++;
	}
	if (n) {
		const char **keep = arena_alloc(a, n * sizeof *keep);
		memcpy(keep, v, n * sizeof *keep);
		*out = keep;
	} else {
		*out = NULL;
	}
	free(v);
	return n;
}

bool
kb_valid_code(const char *s)
{
	size_t len = strlen(s);
	uint32_t v;
	char canon[16];

	/* As the loader keeps it: the value in decimal, no leading zero. */
	if (len < 1 || len > 10 || strspn(s, "0123456789") != len ||
	    !tok_code_value(s, len, &v))
		return false;
	snprintf(canon, sizeof canon, "%lu", (unsigned long)v);
	return strcmp(canon, s) == 0;
}

bool
kb_valid_id(const char *s)
{
	if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9')))
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		    *s == '-' || *s == '_' || *s == '.'))
			return false;
	return true;
}


struct kb *
kb_new(void)
{
	struct kb *kb = xcalloc(1, sizeof *kb);

	arena_init(&kb->arena);
	kb->lazy = kb_lazy_new();
	kb_idtab_rebuild(kb);
	return kb;
}


void
kb_free(struct kb *kb)
{
	if (!kb)
		return;
	free(kb->fixv);
	free(kb->errors);
	free(kb->tools);
	free(kb->generic);
	free(kb->idtab);
	free(kb->strings);
	arena_free(&kb->arena);
	kb_lazy_free(kb->lazy);
	free(kb);
}

const char *
kb_cause(const struct kb *kb, const struct kb_error *e, bool zh)
{
	return kb_lazy_get(kb->lazy, KB_SRC_ERRORS, zh ? e->cause_zh :
	    e->cause_en);
}

const char *
kb_action(const struct kb *kb, const struct fix *f, bool zh)
{
	return kb_lazy_get(kb->lazy, f->src, zh ? f->action_zh :
	    f->action_en);
}

static const char vendor_faq[] = "vendor FAQ";

bool
kb_fix_vendor_tool(const struct fix *f)
{
	return f->src == KB_SRC_GENERIC ||
	    strncmp(f->source, vendor_faq, sizeof vendor_faq - 1) == 0;
}

bool
kb_error_vendor_faq(const struct kb_error *e)
{
	return strncmp(e->source, vendor_faq, sizeof vendor_faq - 1) == 0;
}

const char *
kb_code_shown(const char *c, char *out, size_t n)
{
	char *end;
	unsigned long v = strtoul(c, &end, 10);

	if (*end || v < 0x4000)
		snprintf(out, n, "%s", c);
	else
		snprintf(out, n, "0x%0*lX", v >= 0x10000000ul ? 8 : 4, v);
	return out;
}

bool
kb_fix_wants_newest(const struct kb *kb, const struct fix *f)
{
	static const char *const words[] = { "latest", "newer", "new tool",
		"update the tool", "new version" };
	const char *a = kb_action(kb, f, false);

	if (!a || strstr(a, "://"))
		return false; /* a download link: that build */
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (strcasestr(a, words[i]))
			return true;
	return false;
}

bool
kb_digest(const char *dir, uint64_t *out, char **why)
{
	static const char *const files[] = { KB_ERRORS, KB_FIXES, KB_TOOLS,
		KB_GENERIC };
	struct digest g;
	char buf[65536];

	digest_init(&g);
	for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
		char *path = xasprintf("%s/%s", dir, files[i]);
		/* Never waits on a FIFO or a device put in the base. */
		bool odd;
		int fd = files_open_regular(path, &odd);
		FILE *fp = fd >= 0 ? fdopen(fd, "rb") : NULL;
		size_t n;

		if (!fp) {
			if (fd >= 0)
				close(fd);
			*why = odd ? xasprintf(_("%s: not a regular file (a "
			    "FIFO, a device or a directory)"), path) :
			    xasprintf("%s: %s", path, strerror(errno));
			free(path);
			return false;
		}
		/* The name, then the bytes: a row moved to another file is
		 * another base. */
		digest_add(&g, files[i], strlen(files[i]) + 1);
		while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
			digest_add(&g, buf, n);
		if (ferror(fp)) {
			*why = xasprintf("%s: %s", path, strerror(errno));
			fclose(fp);
			free(path);
			return false;
		}
		fclose(fp);
		free(path);
	}
	*out = digest_end(&g);
	return true;
}
