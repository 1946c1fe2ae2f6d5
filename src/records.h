/* records.h: the records file read back as sessions with their steps, for
 * history, report, stats and resuming. */
#ifndef FLASHFIX_RECORDS_H
#define FLASHFIX_RECORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "arena.h"
#include "diag.h"
#include "journal.h"

struct rstep {
	unsigned long step;  /* 1-based place in the session's plan */
	const char *level, *answer, *at, *note; /* note may be NULL */
};

struct rec {
	struct record r;
	struct rstep *steps;
	size_t nsteps;
};

struct recset {
	struct rec *v;       /* in file order: oldest first */
	size_t n, cap;
	struct arena a;
};

void recset_init(struct recset *set);
void recset_free(struct recset *set);
/* Adds the records of path (damaged ones reported to d and skipped).  A
 * missing file adds nothing; false when the file cannot be read. */
bool recset_load(struct recset *set, const char *path, struct diag *d);
/* The record with that id, or NULL. */
const struct rec *recset_find(const struct recset *set, const char *id);

/* Parses "2026-11-24T10:42:13+0800"; (time_t)-1 when it is not one. */
time_t records_time(const char *s);

#endif
