/* wizard.h: the troubleshooting session as a state machine, with no
 * terminal in it: platform, tool version, symptom, then the fixes one at
 * a time in escalating order, then the outcome.  Front ends drive it.
 * Layer: wizard. */
#ifndef FLASHFIX_WIZARD_H
#define FLASHFIX_WIZARD_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "kb.h"
#include "version.h"

enum wiz_answer { ANS_NONE, ANS_FIXED, ANS_NOT_FIXED, ANS_SKIPPED };
enum wiz_outcome { OUT_NONE, OUT_FIXED, OUT_ESCALATED, OUT_ABANDONED };
/* The question a session is at, for saving it and taking it up again. */
enum wiz_stage { STAGE_PLATFORM, STAGE_VERSION, STAGE_SYMPTOM, STAGE_STEPS,
	STAGE_DETAILS };

struct wiz_step {
	const struct fix *fix;
	enum wiz_answer answer;
	char *note;
	time_t at;
};

struct wizard {
	const struct kb *kb;
	char id[40];                /* the session's, kept when resumed */
	enum wiz_stage stage;
	unsigned platform;          /* PLAT_MTK, PLAT_QCOM, 0: not sure */
	struct version version;     /* nparts 0: not known */
	char *version_text;
	char *query;                /* what the engineer typed */
	const struct kb_error *error; /* NULL: not listed (generic ladder) */
	struct wiz_step *steps;     /* the plan, in the order asked */
	size_t nsteps, cur;
	enum wiz_outcome outcome;
	size_t fixed_at;            /* 1-based step that fixed it */
	time_t started, finished;
	char *engineer, *model, *serial;
	/* The log the error was read from, when it was (its name, size and
	 * digest, the decisive line and the lines around it), or NULL. */
	char *log;
	bool report;                /* a report for HQ asked for at the end */
	/* Called after every answer, to save the session as it stands. */
	void (*changed)(const struct wizard *w, void *ctx);
	void *changed_ctx;
};

void wizard_init(struct wizard *w, const struct kb *kb);
void wizard_free(struct wizard *w);

void wizard_set_platform(struct wizard *w, unsigned platform);
/* The known releases for the chosen platform (all when not sure), newest
 * first; returns how many, pointers in *out (malloc'd array). */
size_t wizard_versions(const struct wizard *w, const struct tool ***out);
/* The newest release the base knows for the chosen platform when the
 * chosen version is it (or newer); NULL otherwise or when either is not
 * known. */
const struct tool *wizard_latest_chosen(const struct wizard *w);
/* Whether the step asked now is "update the tool" with no condition,
 * about the vendor's tool, while the engineer has its newest known
 * release: the step stays (the base may not know a newer release) but is
 * said to matter only then. */
bool wizard_step_has_latest(const struct wizard *w);
/* text NULL: don't know.  False when text is not a version. */
bool wizard_set_version(struct wizard *w, const char *text);

/* Chooses the error (NULL: not listed) for what was typed, and makes the
 * plan: its fixes whose condition may hold, with the tool updates that the
 * chosen version is known to need first. */
void wizard_choose(struct wizard *w, const struct kb_error *e,
    const char *query);

/* The general steps instead, the error kept: for an error none of whose
 * own steps applies to the tool and version chosen.  Whether the plan is
 * that (an error's, made of general steps). */
void wizard_general(struct wizard *w);
bool wizard_general_plan(const struct wizard *w);

/* What the engineer typed for the error, kept as the query while no
 * error is chosen: a session quit at the matches records it. */
void wizard_typed(struct wizard *w, const char *text);
/* Back to the error question from the first step: the error and its plan
 * are forgotten. */
void wizard_unchoose(struct wizard *w);

/* The step being asked, or NULL when the session has an outcome. */
const struct wiz_step *wizard_step(const struct wizard *w);
void wizard_answer(struct wizard *w, enum wiz_answer a, const char *note);
/* Keeps a note for the step being asked before it is answered (NULL or
 * "": none), so that it is saved with the session. */
void wizard_note(struct wizard *w, const char *note);
/* Back to the previous step, to change its answer; false on the first. */
bool wizard_back(struct wizard *w);
void wizard_abandon(struct wizard *w);
/* The step asked is to escalate to HQ: that is the outcome, the step
 * not answered as a fix tried. */
void wizard_escalate(struct wizard *w);
/* The log evidence of the error chosen (NULL: none). */
void wizard_set_log(struct wizard *w, const char *log);
/* Sets the job details (NULL leaves a field as it is). */
void wizard_details(struct wizard *w, const char *engineer,
    const char *model, const char *serial);

const char *wizard_answer_key(enum wiz_answer a);
const char *wizard_outcome_key(enum wiz_outcome o);
/* OUT_NONE when s is not an outcome key. */
enum wiz_outcome wizard_outcome_parse(const char *s);
/* Stage names as saved ("at_version" ...) and back; -1 when unknown. */
const char *wizard_stage_key(enum wiz_stage s);
int wizard_stage_parse(const char *s);
/* ANS_NONE when s is not an answer key. */
enum wiz_answer wizard_answer_parse(const char *s);

#endif
