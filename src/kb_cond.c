/* kb_cond.c: the conditions of fixes ("qcom < 2.0.11 or mtk"): parsed
 * from the files, evaluated for a platform and tool version, and shown.
 * Layer: kb. */
#include <config.h>

#include "kb.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "kb_int.h"
#include "text.h"
#include "util.h"
#include "version.h"

/* Parses "qcom < 2.0.11 or mtk < 19.36.101" into cond. */
bool
kb_cond_parse(struct kb *kb, struct arena *tmp, const char *s,
    struct condition *cond, char **why)
{
	const char **clauses;
	struct buf b;
	size_t n;

	cond->c = NULL;
	cond->n = 0;
	if (!s)
		return true;
	/* Replace the word "or" by a separator. */
	buf_init(&b);
	for (const char *p = s; *p;) {
		if ((p == s || p[-1] == ' ') && strncmp(p, "or ", 3) == 0) {
			buf_addc(&b, '|');
			p += 3;
		} else {
			buf_addc(&b, *p++);
		}
	}
	n = kb_split(b.s, "|", &clauses, tmp);
	buf_free(&b);
	if (n == 0) {
		*why = xstrdup(_("empty condition"));
		return false;
	}
	cond->c = arena_alloc(&kb->arena, n * sizeof *cond->c);
	cond->n = n;
	for (size_t i = 0; i < n; i++) {
		const char *c = clauses[i];
		struct cond_clause *cl = &cond->c[i];
		size_t k = strcspn(c, " <>=");
		const char *op;

		cl->platform = (enum platform)kb_platform_parse(c, k);
		if (!cl->platform) {
			*why = xasprintf(_("unknown platform '%.*s' in the "
			    "condition; write mtk or qcom"), (int)k, c);
			return false;
		}
		op = c + k;
		while (*op == ' ')
			op++;
		cl->op = OP_ANY;
		cl->ver.nparts = 0;
		if (!*op)
			continue;
		if (op[0] == '<' && op[1] == '=')
			cl->op = OP_LE, op += 2;
		else if (op[0] == '>' && op[1] == '=')
			cl->op = OP_GE, op += 2;
		else if (op[0] == '<')
			cl->op = OP_LT, op += 1;
		else if (op[0] == '>')
			cl->op = OP_GT, op += 1;
		else if (op[0] == '=')
			cl->op = OP_EQ, op += 1;
		else {
			*why = xasprintf(_("expected <, <=, =, >= or > after "
			    "'%.*s' in the condition"), (int)k, c);
			return false;
		}
		while (*op == ' ')
			op++;
		if (!version_parse(op, strlen(op), &cl->ver, NULL)) {
			char *e = text_cut(op, 40, true);
			*why = xasprintf(_("'%s' is not a version such as "
			    "2.0.11"), e);
			free(e);
			return false;
		}
	}
	return true;
}


enum cond_result
kb_cond_eval(const struct condition *cond, unsigned platform,
    const struct version *ver)
{
	enum cond_result res = cond->n ? COND_FALSE : COND_TRUE;

	for (size_t i = 0; i < cond->n; i++) {
		const struct cond_clause *c = &cond->c[i];
		enum cond_result r;

		if (platform && !(platform & c->platform))
			continue; /* another platform: this clause fails */
		if (c->op == OP_ANY) {
			r = platform ? COND_TRUE : COND_UNKNOWN;
		} else if (!ver || ver->nparts == 0) {
			r = COND_UNKNOWN;
		} else {
			int k = version_cmp(ver, &c->ver);
			bool t = (c->op == OP_LT && k < 0) ||
			    (c->op == OP_LE && k <= 0) ||
			    (c->op == OP_EQ && k == 0) ||
			    (c->op == OP_GE && k >= 0) ||
			    (c->op == OP_GT && k > 0);
			r = t ? (platform ? COND_TRUE : COND_UNKNOWN) :
			    COND_FALSE;
		}
		if (r == COND_TRUE)
			return COND_TRUE;
		if (r == COND_UNKNOWN)
			res = COND_UNKNOWN;
	}
	return res;
}

char *
kb_cond_str(const struct condition *cond)
{
	static const char *const ops[] = { "", " < ", " <= ", " = ", " >= ",
		" > " };
	struct buf b;

	buf_init(&b);
	buf_add(&b, "", 0);
	for (size_t i = 0; i < cond->n; i++) {
		const struct cond_clause *c = &cond->c[i];
		if (i)
			buf_adds(&b, " or ");
		buf_adds(&b, kb_platform_key(c->platform));
		if (c->op != OP_ANY) {
			char *v = version_str(&c->ver);
			buf_adds(&b, ops[c->op]);
			buf_adds(&b, v);
			free(v);
		}
	}
	return buf_take(&b);
}


