/* cmd_lookup.c: flashfix lookup: the known errors that best match a text,
 * with cause and fixes, as text or JSON.
 * Layer: commands. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "env.h"
#include "i18n.h"
#include "kb.h"
#include "match.h"
#include "text.h"
#include "util.h"

/* Writes one error as JSON. */
static void
json_error(const struct kb *kb, const struct match_result *r, bool ambiguous)
{
	const struct kb_error *e = r->err;

	printf("{\"id\":");
	json_str(stdout, e->id);
	printf(",\"score\":%.3f,\"matched_code\":%s,\"ambiguous_code\":%s,"
	    "\"platforms\":[", r->score, r->by_code ? "true" : "false",
	    ambiguous && r->by_code ? "true" : "false");
	if (e->platforms & PLAT_MTK)
		printf("\"mtk\"%s", e->platforms & PLAT_QCOM ? "," : "");
	if (e->platforms & PLAT_QCOM)
		printf("\"qcom\"");
	printf("],\"family\":");
	json_str(stdout, kb_family_key(e->family));
	printf(",\"source\":");
	json_str(stdout, e->source);
	printf(",\"category\":");
	json_str(stdout, kb_category_key(e->category));
	printf(",\"codes\":[");
	for (size_t i = 0; i < e->ncodes; i++) {
		if (i)
			putchar(',');
		json_str(stdout, e->codes[i]);
	}
	printf("],\"error_en\":");
	json_str(stdout, e->error_en);
	printf(",\"error_zh\":");
	json_str(stdout, e->error_zh);
	printf(",\"cause_en\":");
	json_str(stdout, kb_cause(kb, e, false));
	printf(",\"cause_zh\":");
	json_str(stdout, kb_cause(kb, e, true));
	printf(",\"distinguish_en\":");
	json_str(stdout, e->notes->distinguish_en);
	printf(",\"distinguish_zh\":");
	json_str(stdout, e->notes->distinguish_zh);
	printf(",\"escalate_en\":");
	json_str(stdout, e->notes->escalate_en);
	printf(",\"escalate_zh\":");
	json_str(stdout, e->notes->escalate_zh);
	printf(",\"fixes\":[");
	for (size_t i = 0; i < e->nfixes; i++) {
		const struct fix *f = &e->fixes[i];
		char *cond = kb_cond_str(f->cond);
		printf("%s{\"step\":%u,\"level\":", i ? "," : "", f->step);
		json_str(stdout, kb_level_key(f->level));
		printf(",\"condition\":");
		json_str(stdout, *cond ? cond : NULL);
		printf(",\"action_en\":");
		json_str(stdout, kb_action(kb, f, false));
		printf(",\"action_zh\":");
		json_str(stdout, kb_action(kb, f, true));
		printf(",\"source\":");
		json_str(stdout, f->source);
		putchar('}');
		free(cond);
	}
	printf("]}");
}

/* Writes a text pair in the chosen language(s), wrapped under a label. */
static void
show(const struct options *o, size_t indent, const char *label,
    const char *en, const char *zh, size_t width)
{
	if (o->lang == LANG_BOTH && zh && *zh) {
		output_wrapped(stdout, indent, label, en, width, o->ascii);
		output_wrapped(stdout, indent + text_width(label), "", zh,
		    width, o->ascii);
		return;
	}
	output_wrapped(stdout, indent, label, pick(o->lang, en, zh), width,
	    o->ascii);
}

static void
text_error(const struct options *o, const struct kb *kb,
    const struct match_result *r, size_t n, size_t width)
{
	const struct kb_error *e = r->err;
	char *head;

	head = xasprintf("%zu. ", n);
	show(o, 0, head, e->error_en, e->error_zh, width);
	free(head);
	head = xasprintf(_("[%s] %s; %s; score %.2f%s"), e->id,
	    kb_platforms_label(e->platforms), kb_family_label(e->family),
	    r->score, r->by_code ? _(", by its code") : "");
	output_wrapped(stdout, 3, "", head, width, o->ascii);
	free(head);
	show(o, 3, _("Cause: "), kb_cause(kb, e, false),
	    kb_cause(kb, e, true), width);
	output_wrapped(stdout, 3, _("Source: "), e->source, width, o->ascii);
	output_wrapped(stdout, 3, _("Fixes, in the source's order:"), "",
	    width, o->ascii);
	for (size_t i = 0; i < e->nfixes; i++) {
		const struct fix *f = &e->fixes[i];
		char *cond = kb_cond_str(f->cond);
		char *label = *cond ?
		    xasprintf(_("%u. (%s; only when %s) "), f->step,
		    kb_level_label(f->level), cond) :
		    xasprintf(_("%u. (%s) "), f->step,
		    kb_level_label(f->level));
		show(o, 5, label, kb_action(kb, f, false),
		    kb_action(kb, f, true), width);
		if (strcmp(f->source, e->source) != 0)
			output_wrapped(stdout, 5 + text_width(label),
			    _("Source: "), f->source, width, o->ascii);
		free(label);
		free(cond);
	}
	if (e->notes->escalate_en)
		show(o, 3, _("For HQ: "), e->notes->escalate_en,
		    e->notes->escalate_zh, width);
}

int
cmd_lookup(struct options *o)
{
	struct buf q;
	struct store st;
	struct kb *kb;
	struct match_index *ix;
	struct match_result *res;
	size_t n, width = output_width(stdout), shared = 0;
	int rc;

	buf_init(&q);
	for (int i = 0; i < o->nargs; i++) {
		if (i)
			buf_addc(&q, ' ');
		buf_adds(&q, o->args[i]);
	}
	if (!env_load(o, &st)) {
		buf_free(&q);
		return EXIT_FAILED;
	}
	kb = st.kb;
	ix = st.ix;
	res = xmalloc((size_t)o->limit * sizeof *res);
	n = match_query(ix, q.s, o->platform, res, (size_t)o->limit);

	if (o->json) {
		putchar('[');
		for (size_t i = 0; i < n; i++) {
			if (i)
				putchar(',');
			json_error(kb, &res[i], match_ambiguous_code(res, n));
		}
		printf("]\n");
	} else if (n == 0) {
		char *s = text_sanitize(q.s, !o->ascii);
		fprintf(stderr, _("flashfix: no known error matches '%s'\n"
		    "Try fewer words, the code alone, or the generic steps in "
		    "the wizard (flashfix).\n"), s);
		free(s);
	} else {
		for (size_t i = 0; i < n; i++) {
			if (i)
				putchar('\n');
			text_error(o, kb, &res[i], i + 1, width);
		}
		/* A bare number of several code systems: say which is
		 * which. */
		if (match_ambiguous_code(res, n)) {
			putchar('\n');
			output_wrapped(stdout, 0, "", _("This number is a code "
			    "in more than one system; the words the tool printed "
			    "before it (WCSM code, BROM ERROR and the error's "
			    "name, Sahara status...) tell them apart:"), width,
			    o->ascii);
			for (size_t i = 0; i < n; i++) {
				char *label;
				if (!res[i].by_code)
					continue;
				label = xasprintf("- %s: ", res[i].err->id);
				output_wrapped(stdout, 2, label,
				    kb_family_label(res[i].err->family), width,
				    o->ascii);
				free(label);
			}
		}
		/* Errors that share a message: say how to tell them
		 * apart. */
		for (size_t i = 0; i < n; i++)
			if (match_shares_message(&res[i], &res[0]))
				shared++;
		if (shared >= 2) {
			putchar('\n');
			output_wrapped(stdout, 0, "", _("These errors share a "
			    "message. To tell them apart:"), width, o->ascii);
			for (size_t i = 0; i < n; i++) {
				char *label;
				if (!match_shares_message(&res[i], &res[0]))
					continue;
				label = xasprintf("- %s: ", res[i].err->id);
				show(o, 2, label,
				    res[i].err->notes->distinguish_en,
				    res[i].err->notes->distinguish_zh, width);
				free(label);
			}
		}
	}
	rc = n ? EXIT_OK : EXIT_NEGATIVE;
	free(res);
	store_free(&st);
	buf_free(&q);
	return rc;
}
