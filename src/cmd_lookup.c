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
			putchar('{');
			entry_json(kb, &res[i], match_ambiguous_code(res, n));
			putchar('}');
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
			entry_text(o, kb, &res[i], i + 1, width);
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
				entry_show(o, 2, label,
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
