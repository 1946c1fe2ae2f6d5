/* cmd_lookup.c: flashfix lookup: the known errors that best match a text,
 * with cause and fixes, as text or JSON.
 * Layer: commands. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "entry.h"
#include "env.h"
#include "i18n.h"
#include "kb.h"
#include "match.h"
#include "text.h"
#include "util.h"

/* lookup's options. */
struct lookup_opts {
	bool json;
	long limit;
	unsigned platform;
};

static const struct cmd_opt lookup_opts[] = {
	{ "json", NULL, opt_flag, offsetof(struct lookup_opts, json),
	    N_("print JSON") },
	{ "limit", N_("N"), opt_count, offsetof(struct lookup_opts, limit),
	    N_("at most N matches (default 5)") },
	{ "platform", N_("P"), opt_platform,
	    offsetof(struct lookup_opts, platform),
	    N_("only errors seen on P: mtk or qcom") },
	{ NULL, NULL, NULL, 0, NULL },
};

static const struct lookup_opts lookup_defaults = { .limit = 5 };

static int
run(const struct cli *c, void *opts)
{
	const struct lookup_opts *o = opts;
	struct buf q;
	struct store st;
	struct kb *kb;
	struct match_index *ix;
	struct match_result *res;
	size_t n, width = output_width(stdout), shared = 0;
	const char *other = NULL;
	int rc;

	buf_init(&q);
	for (int i = 0; i < c->nargs; i++) {
		if (i)
			buf_addc(&q, ' ');
		buf_adds(&q, c->args[i]);
	}
	if (!env_load(c, &st)) {
		buf_free(&q);
		return EXIT_FAILED;
	}
	kb = st.kb;
	ix = st.ix;
	res = xmalloc((size_t)o->limit * sizeof *res);
	n = match_query(ix, q.s, o->platform, res, (size_t)o->limit);
	if (n == 0)
		other = match_other(ix, q.s);

	if (o->json && other) {
		/* Another tool's error: said, with nothing of the base. */
		printf("[{\"level\":\"other\",\"tool\":");
		json_str(stdout, other);
		printf(",\"id\":null,\"family\":null,\"score\":null}]\n");
	} else if (o->json) {
		putchar('[');
		for (size_t i = 0; i < n; i++) {
			if (i)
				putchar(',');
			putchar('{');
			entry_json(kb, &res[i], match_ambiguous_code(res, n));
			putchar('}');
		}
		printf("]\n");
	} else if (other) {
		char *msg = xasprintf(_("This is an error of another tool "
		    "(%s), outside what flashfix knows: that tool's own "
		    "documentation or its maker's support has the answer. "
		    "If a MediaTek or Qualcomm flash tool printed an error "
		    "too, look that one up instead."), other);
		output_wrapped(stdout, 0, "", msg, width, c->look.ascii);
		free(msg);
	} else if (n == 0) {
		char *s = text_sanitize(q.s, !c->look.ascii);
		struct match_result each[2];
		fprintf(stderr, _("flashfix: no known error matches '%s'\n"
		    "Try fewer words, the code alone, or the generic steps in "
		    "the wizard (flashfix).\n"), s);
		/* A message both platforms' tools print: each platform has
		 * its error, and the text named neither. */
		if (!o->platform && match_each_platform(ix, q.s, each))
			fprintf(stderr, _("Tools of both platforms print this "
			    "(MTK: %s; Qualcomm: %s): give --platform mtk or "
			    "--platform qcom.\n"), each[0].err->id,
			    each[1].err->id);
		free(s);
	} else {
		for (size_t i = 0; i < n; i++) {
			if (i)
				putchar('\n');
			entry_text(&c->look, kb, &res[i], i + 1, width);
		}
		/* A bare number of several code systems: say which is
		 * which. */
		if (match_ambiguous_code(res, n)) {
			putchar('\n');
			output_wrapped(stdout, 0, "", _("This number is a code "
			    "in more than one system; the words the tool printed "
			    "before it (WCSM code, BROM ERROR and the error's "
			    "name, Sahara status...) tell them apart:"), width,
			    c->look.ascii);
			for (size_t i = 0; i < n; i++) {
				char *label;
				if (!res[i].by_code)
					continue;
				label = xasprintf("- %s: ", res[i].err->id);
				output_wrapped(stdout, 2, label,
				    kb_family_label(res[i].err->family), width,
				    c->look.ascii);
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
			    "message. To tell them apart:"), width,
			    c->look.ascii);
			for (size_t i = 0; i < n; i++) {
				char *label;
				if (!match_shares_message(&res[i], &res[0]))
					continue;
				label = xasprintf("- %s: ", res[i].err->id);
				entry_show(&c->look, 2, label,
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

const struct cmd_entry cmd_lookup_entry = {
	.name = "lookup",
	.synopsis = N_("lookup TEXT..."),
	.summary = N_("print the known errors that match TEXT"),
	.opts = lookup_opts,
	.size = sizeof (struct lookup_opts),
	.defaults = &lookup_defaults,
	.min_args = 1, .max_args = -1,
	.operands = N_("the error text, for example: "
	    "flashfix lookup 'WCSM code 4009'"),
	.run = run,
};
