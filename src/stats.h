/* stats.h: what the records say: per error, how many sessions and how
 * many fixed; per step, how often it was tried and how often it fixed
 * the error; the errors of the week; each engineer's escalation rate.
 * Layer: stats. */
#ifndef FLASHFIX_STATS_H
#define FLASHFIX_STATS_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "idset.h"
#include "kb.h"
#include "records.h"

/* One fix of an error: its step number in the knowledge base (0: a
 * record of an earlier build, which says only the level) and level. */
struct stat_step {
	unsigned long fix;
	const char *level;
	unsigned long tried, fixed;
};

struct stat_error {
	const char *id;         /* "" for sessions not listed */
	unsigned long sessions, fixed, escalated, abandoned, week;
	struct stat_step *steps;
	size_t nsteps, cap;
};

struct stat_engineer {
	const char *name;
	unsigned long sessions, escalated;
};

/* The sessions of one shop (host) or one month (UTC, "2026-11"). */
struct stat_group {
	const char *name;
	unsigned long sessions, fixed, escalated, abandoned;
};

struct stat_groups {
	struct stat_group *v;        /* by name */
	size_t n, cap;
};

/* A text typed in sessions that got no specific answer (no error id),
 * normalised (ASCII case, runs of spaces) and safe to show. */
struct stat_todo {
	const char *text;
	unsigned long sessions, fixed, escalated, abandoned;
};

/* At most this many different texts are kept; later new ones are only
 * counted in dropped.  The table has room for them at most 61% full. */
#define STATS_TODO_KEPT 10000
#define STATS_TODO_SLOTS 16384
/* stats shows this many, the most frequent. */
#define STATS_TODO_SHOWN 20

struct stat_todos {
	struct stat_todo *v;         /* most sessions first, once done */
	size_t n, cap;
	uint32_t *slot;              /* index + 1 by hash, while counting */
	size_t nslot;
	unsigned long dropped;       /* sessions of texts not kept */
};

struct stats {
	unsigned long sessions, fixed, escalated, abandoned;
	/* Abandoned before an error was chosen: counted in the sessions,
	 * abandoned, shops, months and engineers, never under an error
	 * (nor "not listed"), a family or the week's errors. */
	unsigned long unchosen;
	struct stat_error *errors;   /* most sessions first */
	size_t n, cap;
	struct stat_engineer *eng;   /* by name */
	size_t neng, capeng;
	struct stat_groups hosts;    /* per shop */
	struct stat_groups months;   /* per month of the start, UTC; "" for
					a start that is not a time */
	struct stat_todos todo;      /* the knowledge base's to-do list,
					made when with_todo */
	bool with_todo;
	struct arena a;              /* the ids, levels, names and texts */
	time_t since, now;
	bool once;                   /* several files: a session in more
					than one counted once */
	struct idset seen;           /* the ids counted, when once */
};

/* Counting as records stream by: those started at or after since
 * ((time_t)-1: all), "this week" being the seven days before now; each
 * record added (and forgotten: stats keeps its own copies); then sorted,
 * most sessions first. */
void stats_init(struct stats *st, time_t since, time_t now);
void stats_add(struct stats *st, const struct rec *r);
void stats_done(struct stats *st);
/* The typed query of a session with no error id, counted in st->todo
 * with its outcome (stats_add does it); sorted by stats_done. */
void stats_todo_add(struct stats *st, const char *query, enum wiz_outcome o);
void stats_todo_done(struct stats *st);
void stats_todo_free(struct stats *st);
/* Figures of one step from a summary: tried and fixed added. */
void stats_add_step(struct stats *st, const char *error_id,
    unsigned long fix, const char *level, unsigned long tried,
    unsigned long fixed);
/* The same over the records of set. */
void stats_build(struct stats *st, const struct recset *set, time_t since,
    time_t now);
void stats_free(struct stats *st);
/* Sessions per family of the knowledge base: out[f] for family f, and
 * out[FAM_COUNT] for sessions whose error the base does not hold (or
 * none).  Strings are the families' keys. */
struct stat_family {
	unsigned long sessions, fixed, escalated, abandoned;
};
void stats_families(const struct stats *st, const struct kb *kb,
    struct stat_family out[FAM_COUNT + 1]);

/* The figures of one fix of an error (its step number in the knowledge
 * base), or NULL when never tried: "this step fixed it N of M times"
 * counts that fix alone, not every fix of its level. */
const struct stat_step *stats_step(const struct stats *st,
    const char *error_id, unsigned long fix);

#endif
