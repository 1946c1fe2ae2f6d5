/* convo.h: the conversation of a troubleshooting session, decided once for
 * both front ends.  For where a session stands it says what to ask: the
 * question, its choices in order, the one preselected, whether text is
 * typed, the keys that apply.  It takes an answer and moves on: platform,
 * version, the error (typed, pasted, a log's path, browsed by family),
 * telling errors apart, the steps, back, notes, the outcome, the job
 * details, quitting and the unfinished sessions.  The front ends draw the
 * question and pass the answer on; no terminal here.
 * Layer: conversation (above the wizard, the sessions and the words). */
#ifndef FLASHFIX_CONVO_H
#define FLASHFIX_CONVO_H

#include <stdbool.h>
#include <stddef.h>

#include "kb.h"
#include "match.h"
#include "output.h"
#include "session.h"
#include "wizard.h"

/* Where the conversation is: which question is asked. */
enum convo_at {
	CV_RESUME,        /* the unfinished sessions */
	CV_PLATFORM,
	CV_VERSION,       /* choices filtered by what is typed */
	CV_ERROR,         /* typed; its choices follow what is typed */
	CV_MATCHES,       /* what the typed error matched, to choose from */
	CV_FAMILY,        /* browsing: the kinds of error */
	CV_FAMILY_ERRORS, /* the errors of one kind */
	CV_DISTINGUISH,   /* errors that share a message: which fits */
	CV_CAUSE,         /* the error and its cause, to read */
	CV_STEP,
	CV_OUTCOME,       /* to read; r asks for a report when escalated */
	CV_DETAILS,       /* the job details, one field at a time */
	CV_REPORT,        /* a report for HQ, after an escalation */
	CV_END,
};

enum convo_pick {
	CP_PLATFORM, CP_TOOL, CP_OTHER, CP_DONTKNOW, CP_ERROR, CP_NOTLISTED,
	CP_AGAIN, CP_BROWSE, CP_FAMILY, CP_SESSION, CP_NEW, CP_FIRST,
	CP_GENERAL, CP_FIXED, CP_NOT_FIXED, CP_SKIPPED, CP_ESCALATE, CP_YES,
	CP_NO, CP_GO,
};

struct convo_choice {
	enum convo_pick pick;
	const void *ptr;   /* the tool or the error */
	unsigned n;        /* the platform, the family, the session */
	char *label;
	char key;          /* a letter that answers it too, or 0 */
};

/* Keys that apply besides the choices. */
enum {
	CK_BACK = 1,      /* to the question before */
	CK_QUIT = 2,
	CK_NOTE = 4,      /* a note for the step */
	CK_SOURCE = 8,    /* where the step comes from */
	CK_REPORT = 16,   /* a report for HQ (r) */
	CK_ABANDON = 32,  /* record an unfinished session as abandoned */
	CK_BROWSE = 64,   /* browse the errors by kind */
};

#define CONVO_NONE ((size_t)-1)

struct convo_question {
	enum convo_at at;
	const char *text;           /* the question, or "" */
	struct convo_choice *choices;
	size_t n;
	size_t pre;                 /* the choice preselected, or CONVO_NONE */
	bool typed;                 /* text is typed */
	bool live;                  /* the choices follow the text typed: a
	                             * list to search, not to print whole */
	bool read;                  /* a page to read: going on needs no
	                             * choice (CP_GO) */
	unsigned keys;              /* CK_... */
};

struct convo {
	struct wizard *w;
	struct match_index *ix;
	struct offer *of;
	enum lang lang;             /* of the knowledge base's text */
	enum convo_at at;
	enum convo_at came_from;    /* where the error was chosen */
	struct convo_question q;
	size_t capchoices;
	char *filter;               /* typed so far (a live list) */
	char *typed;                /* the error text, for CV_MATCHES */
	struct match_result *ranked;
	enum family fam;
	bool fam_chosen;
	const struct kb_error *shared[8];
	size_t nshared;
	char *shared_query;
	int detail;                 /* the job detail asked, 0 to 2 */
	bool report_decided;
	bool nothing;               /* quit before anything was under way */
	bool none_applies;          /* the error's plan was empty */
	enum wiz_answer earlier;    /* a step revisited: its answer before */
	size_t earlier_at;
	char *msg;                  /* to say before the question, or NULL */
};

void convo_init(struct convo *c, struct wizard *w, struct match_index *ix,
    struct offer *of, enum lang lang);
void convo_free(struct convo *c);
/* The question for where the session stands (the first one after a
 * session is taken up, or the offer); valid until the next call. */
const struct convo_question *convo_ask(struct convo *c);
/* What a live list is filtered by (the version or error typed so far). */
void convo_filter(struct convo *c, const char *text);
/* Choice i of the last question asked. */
void convo_choose(struct convo *c, size_t i);
/* Text answered (a version, an error, a job detail: NULL keeps it); at
 * a question with choices, a choice named by its label or key. */
void convo_text(struct convo *c, const char *text);
/* Enter where text is typed over a live list with choice sel (CONVO_NONE:
 * none) selected: a log's path, a paste, or nothing typed are taken as
 * text; else the choice. */
void convo_enter(struct convo *c, const char *text, size_t sel);
/* Job detail field (0 engineer, 1 model, 2 serial) set to text, where
 * all three are typed at once; and the details done. */
void convo_detail(struct convo *c, int field, const char *text);
void convo_details_done(struct convo *c);
/* A step answered with a choice's pick, and a note (NULL keeps the note
 * it has, "" drops it). */
void convo_step(struct convo *c, enum convo_pick p, const char *note);
/* Keeps a note for the step asked, before it is answered. */
void convo_note(struct convo *c, const char *note);
/* Back to the question before; false at the first. */
bool convo_back(struct convo *c);
/* q: a session under way is recorded as abandoned; before one, nothing. */
void convo_quit(struct convo *c);
/* Whether quitting now would leave a session as abandoned (a front end
 * may ask first). */
bool convo_quit_abandons(const struct convo *c);
/* r on the outcome: a report for HQ, or none. */
void convo_toggle_report(struct convo *c);
/* Records unfinished session i of the offer as abandoned (CK_ABANDON). */
void convo_abandon_session(struct convo *c, size_t i);
/* What to say before the question (malloc'd), or NULL; said once. */
char *convo_take_msg(struct convo *c);
/* Whether the session is over: recorded, or nothing to record. */
bool convo_over(const struct convo *c);

/* The answer the step asked had before it was gone back to, or
 * ANS_NONE. */
enum wiz_answer convo_earlier(const struct convo *c);

#endif
