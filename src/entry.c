/* entry.c: a knowledge-base entry as lookup and scan print it: as text
 * (message, platforms, family, score, cause, source, the steps) or as the
 * fields of a JSON object.  Layer: commands (below the commands that print
 * entries). */
#include <config.h>

#include "entry.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"
#include "util.h"
#include "words.h"

void
entry_json(const struct kb *kb, const struct match_result *r, bool ambiguous)
{
	const struct kb_error *e = r->err;

	printf("\"id\":");
	json_str(stdout, e->id);
	printf(",\"level\":");
	json_str(stdout, match_level_key((enum match_level)r->level));
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
		char shown[24];
		if (i)
			putchar(',');
		json_str(stdout, kb_code_shown(e->codes[i], shown,
		    sizeof shown));
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
	printf("]");
}

void
entry_show(const struct look *o, size_t indent, const char *label,
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

void
entry_text(const struct look *o, const struct kb *kb,
    const struct match_result *r, size_t n, size_t width)
{
	const struct kb_error *e = r->err;
	char *head, *src;

	head = xasprintf("%zu. ", n);
	entry_show(o, 0, head, e->error_en, e->error_zh, width);
	free(head);
	/* No score where nothing was matched (a log that stops at a
	 * stage: its family, from where it stopped). */
	head = r->score > 0 ? xasprintf(_("[%s] %s; %s; score %.2f%s"), e->id,
	    kb_platforms_label(e->platforms), kb_family_label(e->family),
	    r->score, r->by_code ? _(", by its code") : "") :
	    xasprintf("[%s] %s%s%s", e->id, kb_platforms_label(e->platforms),
	    _("; "), kb_family_label(e->family));
	output_wrapped(stdout, 3, "", head, width, o->ascii);
	free(head);
	output_wrapped(stdout, 3, _("Level: "), words_scope(e), width,
	    o->ascii);
	entry_show(o, 3, _("Cause: "), kb_cause(kb, e, false),
	    kb_cause(kb, e, true), width);
	src = words_source(e->source);
	output_wrapped(stdout, 3, _("Source: "), src, width, o->ascii);
	free(src);
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
		entry_show(o, 5, label, kb_action(kb, f, false),
		    kb_action(kb, f, true), width);
		if (strcmp(f->source, e->source) != 0) {
			src = words_source(f->source);
			output_wrapped(stdout, 5 + text_width(label),
			    _("Source: "), src, width, o->ascii);
			free(src);
		}
		free(label);
		free(cond);
	}
	if (e->notes->escalate_en)
		entry_show(o, 3, _("For HQ: "), e->notes->escalate_en,
		    e->notes->escalate_zh, width);
}

