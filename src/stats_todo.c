/* stats_todo.c: the knowledge base's to-do list: the texts typed in
 * sessions that got no specific answer (no error id), grouped once
 * normalised (case, spaces), with how those sessions ended.
 * Layer: stats. */
#include <config.h>

#include "stats.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

/* U+3000, the ideographic space a Chinese input method types. */
#define IDEO_SPACE "\xe3\x80\x80"

/* s with ASCII letters in lower case, every run of spaces (ASCII white
 * space or U+3000) one space, none at the ends; then made safe to show
 * (text_sanitize).  malloc'd; "" when s holds no text. */
static char *
normalise(const char *s)
{
	size_t n = strlen(s), k = 0;
	char *t = xmalloc(n + 1), *safe;
	bool space = false;

	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || (c >= '\t' && c <= '\r')) {
			space = true;
			i++;
			continue;
		}
		if (strncmp(s + i, IDEO_SPACE, 3) == 0) {
			space = true;
			i += 3;
			continue;
		}
		if (space && k)
			t[k++] = ' ';
		space = false;
		t[k++] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
		i++;
	}
	t[k] = '\0';
	safe = text_sanitize(t, true);
	free(t);
	return safe;
}

/* The slot of text in the table: its entry's index + 1, or 0 (free). */
static size_t
slot_of(const struct stat_todos *td, const char *text)
{
	size_t mask = td->nslot - 1;
	size_t i = (size_t)util_fnv1a(text, strlen(text)) & mask;

	while (td->slot[i] && strcmp(td->v[td->slot[i] - 1].text, text) != 0)
		i = (i + 1) & mask;
	return i;
}

void
stats_todo_add(struct stats *st, const char *query, enum wiz_outcome o)
{
	struct stat_todos *td = &st->todo;
	char *text = normalise(query);
	struct stat_todo *e;
	size_t i;

	if (!*text) {
		free(text);
		return;
	}
	if (!td->slot) {
		/* The first, or the first after stats_done sorted them. */
		td->nslot = STATS_TODO_SLOTS;
		td->slot = xcalloc(td->nslot, sizeof *td->slot);
		for (size_t k = 0; k < td->n; k++)
			td->slot[slot_of(td, td->v[k].text)] = (uint32_t)(k + 1);
	}
	i = slot_of(td, text);
	if (!td->slot[i]) {
		if (td->n == STATS_TODO_KEPT) {
			td->dropped++; /* a new text when the list is full */
			free(text);
			return;
		}
		td->v = xgrow(td->v, &td->cap, td->n + 1, sizeof *td->v);
		td->v[td->n] = (struct stat_todo){
			arena_strndup(&st->a, text, strlen(text)), 0, 0, 0, 0 };
		td->slot[i] = (uint32_t)++td->n;
	}
	free(text);
	e = &td->v[td->slot[i] - 1];
	e->sessions++;
	e->fixed += o == OUT_FIXED;
	e->escalated += o == OUT_ESCALATED;
	e->abandoned += o != OUT_FIXED && o != OUT_ESCALATED;
}

static int
cmp_todo(const void *a, const void *b)
{
	const struct stat_todo *x = a, *y = b;

	if (x->sessions != y->sessions)
		return x->sessions > y->sessions ? -1 : 1;
	return strcmp(x->text, y->text);
}

void
stats_todo_done(struct stats *st)
{
	struct stat_todos *td = &st->todo;

	/* Sorted, the table's indices no longer hold: it is dropped. */
	free(td->slot);
	td->slot = NULL;
	td->nslot = 0;
	if (td->n)
		qsort(td->v, td->n, sizeof *td->v, cmp_todo);
}

void
stats_todo_free(struct stats *st)
{
	free(st->todo.v);
	free(st->todo.slot);
	memset(&st->todo, 0, sizeof st->todo);
}
