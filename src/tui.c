/* tui.c: the full-screen wizard: what each screen lists and what each key
 * does there.  Drawing is in tui_draw.c, the terminal in tui_term.c.
 * Layer: front ends. */
#include <config.h>

#include "tui.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unistr.h>

#include "i18n.h"
#include "kb.h"
#include "text.h"
#include "tui_int.h"
#include "scan.h"
#include "tui_term.h"
#include "words.h"

enum act { ACT_GO, ACT_NOTHING, ACT_DONE, ACT_LOST };


/* Backspaces closer together than this are one held key (a terminal's
 * repeat starts after 250 ms to 1 s, then comes every 30 to 50 ms): a
 * held Backspace clears a field or goes back one screen, never more. */
#define HELD_MS 1000

bool
tui_usable(char **why)
{
	return term_usable(why);
}

static void
say(struct tui *t, const char *msg)
{
	free(t->msg);
	t->msg = xstrdup(msg);
}


static void
go(struct tui *t, enum screen sc)
{
	t->sc = sc;
	t->sel = t->top = t->scroll = 0;
	t->noting = false;
	t->stale = true;
	t->editing = NULL;
}

/* The error is chosen (NULL: not listed): ask which one where errors
 * share a message, else make the plan and show the cause. */
static void
choose_error(struct tui *t, const struct kb_error *e, const char *query)
{
	t->came_from = t->sc == SC_DISAMBIG ? t->came_from : t->sc;
	if (e && t->sc != SC_DISAMBIG) {
		t->nshared = match_same_message(t->ix, e, t->shared, 8);
		if (t->nshared >= 2) {
			free(t->shared_query);
			t->shared_query = xstrdup(query);
			go(t, SC_DISAMBIG);
			return;
		}
	}
	wizard_choose(t->w, e, query);
	buf_reset(&t->note);
	go(t, SC_CAUSE);
}

/* Enter on the error screen when the field names a log file: its
 * decisive error is chosen, its line kept with the session.  True when
 * the field named a file (chosen, or said why not). */
static bool
from_log(struct tui *t)
{
	char *path = scan_log_path(t->query.s ? t->query.s : "");
	char *evidence = NULL, *why = NULL;
	const struct kb_error *e = NULL;

	if (!path)
		return false;
	if (scan_log_file(t->ix, t->w->platform, path, &e, &evidence, &why)) {
		choose_error(t, e, t->query.s);
		wizard_set_log(t->w, evidence);
	} else {
		say(t, why);
	}
	free(path);
	free(evidence);
	free(why);
	return true;
}

/* After an answer, or to start: the step being asked, or the outcome. */
static void
to_step_or_outcome(struct tui *t)
{
	const struct wiz_step *st = wizard_step(t->w);

	/* Back on a step answered before: its note is there to change. */
	buf_reset(&t->note);
	buf_adds(&t->note, st && st->note ? st->note : "");
	go(t, st ? SC_STEP : SC_OUTCOME);
}

/* The screen for the question the session is at (a resumed one). */
static void
start_at_stage(struct tui *t)
{
	const char *details[DETAIL_FIELDS] = { t->w->engineer, t->w->model,
		t->w->serial };

	/* A session taken up brings its own job details. */
	for (int i = 0; i < DETAIL_FIELDS; i++) {
		buf_reset(&t->detail[i]);
		buf_adds(&t->detail[i], details[i] ? details[i] : "");
	}
	free(t->tools);
	t->tools = NULL;
	t->ntools = wizard_versions(t->w, &t->tools);
	switch (t->w->stage) {
	case STAGE_PLATFORM:
		go(t, SC_PLATFORM);
		break;
	case STAGE_VERSION:
		go(t, SC_VERSION);
		break;
	case STAGE_SYMPTOM:
		/* Asked again (its error left the knowledge base): what
		 * was typed is there to search with. */
		buf_reset(&t->query);
		buf_adds(&t->query, t->w->query ? t->w->query : "");
		go(t, SC_SYMPTOM);
		break;
	default:
		t->came_from = SC_SYMPTOM;
		buf_reset(&t->query);
		buf_adds(&t->query, t->w->query ? t->w->query : "");
		to_step_or_outcome(t);
		break;
	}
}

static void
back(struct tui *t)
{
	switch (t->sc) {
	case SC_VERSION:
		go(t, SC_PLATFORM);
		break;
	case SC_SYMPTOM:
		go(t, SC_VERSION);
		break;
	case SC_CATEGORY:
		go(t, SC_SYMPTOM);
		break;
	case SC_CATLIST:
		go(t, SC_CATEGORY);
		break;
	case SC_DISAMBIG:
	case SC_CAUSE:
		go(t, t->came_from);
		break;
	case SC_STEP:
	case SC_OUTCOME:
		if (wizard_back(t->w))
			to_step_or_outcome(t);
		else
			go(t, SC_CAUSE);
		break;
	case SC_DETAILS:
		go(t, SC_OUTCOME);
		break;
	default:
		break;
	}
}

static void
save_details(struct tui *t)
{
	wizard_details(t->w, t->detail[0].s ? t->detail[0].s : "",
	    t->detail[1].s ? t->detail[1].s : "",
	    t->detail[2].s ? t->detail[2].s : "");
}

static enum act
finish(struct tui *t)
{
	save_details(t);
	return ACT_DONE;
}

/* q, F10: leave; a session under way is recorded as abandoned, after the
 * engineer says so. */
static enum act
quit(struct tui *t)
{
	if (t->w->stage == STAGE_PLATFORM)
		return ACT_NOTHING;
	if (t->w->outcome != OUT_NONE)
		return finish(t);
	t->asking = ASK_QUIT;
	return ACT_GO;
}

static void
toggle_lang(struct tui *t)
{
	if (t->o->ascii) {
		say(t, _("Chinese text needs a UTF-8 terminal; showing "
		    "English."));
		return;
	}
	t->lang = t->lang == LANG_EN ? LANG_ZH : t->lang == LANG_ZH ?
	    LANG_BOTH : LANG_EN;
	t->stale = true;
	say(t, t->lang == LANG_EN ? _("Knowledge base in English.") :
	    t->lang == LANG_ZH ? _("Knowledge base in Chinese.") :
	    _("Knowledge base in English and Chinese."));
}

static enum act
choose(struct tui *t)
{
	const struct item *it;

	if (t->sc == SC_CAUSE) {
		to_step_or_outcome(t);
		return ACT_GO;
	}
	if (t->sc == SC_OUTCOME) {
		go(t, SC_DETAILS);
		return ACT_GO;
	}
	if (t->sc == SC_DETAILS) {
		if (t->detail_at + 1 < DETAIL_FIELDS) {
			/* A field confirmed is saved with the session. */
			save_details(t);
			t->detail_at++;
			return ACT_GO;
		}
		return finish(t);
	}
	if (t->sc == SC_STEP) {
		if (t->noting) {
			t->noting = false;
			wizard_note(t->w, t->note.s);
		}
		return ACT_GO;
	}
	if (t->sc == SC_SYMPTOM && from_log(t))
		return ACT_GO;
	if (t->sel >= t->nitems)
		return ACT_GO;
	it = &t->items[t->sel];
	switch (it->kind) {
	case IT_PLATFORM:
		wizard_set_platform(t->w, it->n);
		start_at_stage(t);
		go(t, SC_VERSION);
		break;
	case IT_TOOL:
		wizard_set_version(t->w, ((const struct tool *)it->ptr)->
		    version_text);
		go(t, SC_SYMPTOM);
		break;
	case IT_OTHER:
		if (!t->version.len)
			say(t, _("Type the version, such as 2.0.11."));
		else if (!wizard_set_version(t->w, t->version.s))
			say(t, _("That is not a version such as 2.0.11 or "
			    "19.36.101."));
		else
			go(t, SC_SYMPTOM);
		break;
	case IT_DONTKNOW:
		wizard_set_version(t->w, NULL);
		go(t, SC_SYMPTOM);
		break;
	case IT_ERROR:
		choose_error(t, it->ptr, t->sc == SC_DISAMBIG ?
		    t->shared_query : t->sc == SC_SYMPTOM && t->query.s ?
		    t->query.s : "");
		break;
	case IT_NOTLISTED:
		choose_error(t, NULL, t->sc == SC_SYMPTOM && t->query.s ?
		    t->query.s : "");
		break;
	case IT_BROWSE:
		go(t, SC_CATEGORY);
		break;
	case IT_CATEGORY:
		t->fam = (enum family)it->n;
		go(t, SC_CATLIST);
		break;
	case IT_SESSION:
		if (offer_resume(t->of, it->n, t->w)) {
			start_at_stage(t);
			if (t->of->changed)
				say(t, t->of->changed);
		} else
			say(t, t->of->why ? t->of->why :
			    _("This session cannot be taken up again."));
		break;
	case IT_NEW:
		go(t, SC_PLATFORM);
		break;
	}
	return ACT_GO;
}

/* Keys that act the same on every screen, and those of the modes (help,
 * quitting, too small).  True when the key was used. */
static bool
common_key(struct tui *t, bool is_ch, unsigned ch, int key, enum act *a)
{
	if (key == TK_RESIZE)
		return true;
	if (term_rows() < TERM_MIN_ROWS || term_cols() < TERM_MIN_COLS) {
		/* No room to ask: q quits, and a session under way stays
		 * saved, offered at the next start. */
		if ((is_ch && (ch == 'q' || ch == 'Q')) || key == TK_F10)
			*a = t->w->stage == STAGE_PLATFORM ? ACT_NOTHING :
			    t->w->outcome != OUT_NONE ? finish(t) : ACT_LOST;
		return true;
	}
	if (t->help) {
		if (key == TK_HOME || key == TK_END) {
			t->help_scroll = key == TK_HOME ? 0 : t->help_max;
		} else if (key == TK_UP || key == TK_DOWN || key == TK_PGUP ||
		    key == TK_PGDN || (is_ch && (ch == 'j' || ch == 'k'))) {
			long by = key == TK_PGUP || key == TK_PGDN ?
			    (tui_page_rows() > 2 ? tui_page_rows() - 2 : 1) : 1;
			long to = (long)t->help_scroll + (key == TK_UP ||
			    key == TK_PGUP || ch == 'k' ? -by : by);
			t->help_scroll = to < 0 ? 0 : (size_t)to >
			    t->help_max ? t->help_max : (size_t)to;
		} else {
			t->help = false;
		}
		return true;
	}
	if (t->asking) {
		enum ask was = t->asking;
		t->asking = ASK_NONE;
		if (!is_ch || (ch != 'y' && ch != 'Y'))
			return true;
		if (was == ASK_QUIT) {
			wizard_abandon(t->w);
			*a = finish(t);
		} else if (t->sel < t->nitems &&
		    t->items[t->sel].kind == IT_SESSION) {
			t->of->abandon[t->items[t->sel].n] = true;
			say(t, _("It will be recorded as abandoned."));
			t->stale = true;
		}
		return true;
	}
	if (key == TK_F1) {
		t->help = true;
		t->help_scroll = 0;
		return true;
	}
	if (key == TK_F2) {
		toggle_lang(t);
		return true;
	}
	if (key == TK_F10) {
		*a = quit(t);
		return true;
	}
	return false;
}

/* Esc and Backspace: out of a note, a character, or a screen back.  A
 * held Backspace (held) erases but never goes back.  On the first
 * screen nothing is behind: q quits. */
static enum act
back_key(struct tui *t, struct buf *f, bool esc, bool held)
{
	if (!esc && f && tui_cursor(t, f) > 0) {
		tui_erase_char(t, f);
	} else if (!esc && held) {
		/* Key repeat past the start of the field: nothing. */
	} else if (t->noting) {
		t->noting = false;
		if (esc) {
			buf_reset(&t->note);
			wizard_note(t->w, NULL);
		}
	} else if (t->sc == SC_PLATFORM || t->sc == SC_RESUME) {
		if (t->w->stage != STAGE_PLATFORM)
			return quit(t);
		say(t, _("This is the first question: q or F10 quits."));
	} else {
		back(t);
	}
	return ACT_GO;
}

/* The keys that move: the selection, the page, the field.  True when the
 * key was one. */
static bool
move_key(struct tui *t, bool is_ch, unsigned ch, int key)
{
	if (key == TK_UP || key == TK_DOWN) {
		tui_move_sel(t, key == TK_UP ? -1 : 1);
	} else if (key == TK_HOME || key == TK_END) {
		bool home = key == TK_HOME;
		t->sel = home || !t->nitems ? 0 : t->nitems - 1;
		t->scroll = home ? 0 : t->page_max;
		if (t->sc == SC_DETAILS)
			t->detail_at = home ? 0 : DETAIL_FIELDS - 1;
	} else if (key == TK_PGUP || key == TK_PGDN) {
		long by = tui_page_rows() > 1 ? tui_page_rows() - 1 : 1;
		tui_move_sel(t, key == TK_PGUP ? -by : by);
	} else if (is_ch && ch == CH_TAB) {
		if (t->sc == SC_SYMPTOM)
			go(t, SC_CATEGORY);
		else if (t->sc == SC_DETAILS)
			t->detail_at = (t->detail_at + 1) % DETAIL_FIELDS;
	} else {
		return false;
	}
	return true;
}

/* y, n, s (and : or t for a note) on a step. */
static void
step_key(struct tui *t, unsigned ch)
{
	const char *note = t->note.s ? t->note.s : "";
	enum wiz_answer ans = ch == 'y' || ch == 'Y' ? ANS_FIXED :
	    ch == 'n' || ch == 'N' ? ANS_NOT_FIXED :
	    ch == 's' || ch == 'S' ? ANS_SKIPPED : ANS_NONE;

	if (ch == ':' || ch == 't' || ch == 'T') {
		t->noting = true;
	} else if (ch == 'i' || ch == 'I') {
		t->show_source = !t->show_source;
	} else if (ans != ANS_NONE) {
		wizard_answer(t->w, ans, note);
		to_step_or_outcome(t);
	}
}

/* A letter or digit where no field takes typing. */
static enum act
letter_key(struct tui *t, unsigned ch)
{
	switch (ch) {
	case 'q':
	case 'Q':
		return quit(t);
	case '?':
		t->help = true;
		t->help_scroll = 0;
		break;
	case 'l':
	case 'L':
		toggle_lang(t);
		break;
	case 'r':
	case 'R':
		if (t->sc == SC_OUTCOME) {
			t->w->report = !t->w->report;
			say(t, t->w->report ? _("A report for HQ will be written "
			    "when the session is recorded.") : _("No report will "
			    "be written."));
		}
		break;
	case 'a':
	case 'A':
		if (t->sc == SC_RESUME && t->sel < t->nitems &&
		    t->items[t->sel].kind == IT_SESSION &&
		    !t->of->abandon[t->items[t->sel].n])
			t->asking = ASK_ABANDON;
		break;
	case 'j':
		tui_move_sel(t, 1);
		break;
	case 'k':
		tui_move_sel(t, -1);
		break;
	case ' ':
		if (t->sc == SC_CAUSE || t->sc == SC_OUTCOME)
			return choose(t);
		break;
	default:
		if (t->sc == SC_STEP) {
			step_key(t, ch);
		} else if (ch >= '1' && ch <= '9' && ch - '0' <= t->nitems) {
			t->sel = ch - '1';
			return choose(t);
		}
		break;
	}
	return ACT_GO;
}

/* A paste has ended.  Several lines pasted into the error field are a
 * log: scanned, and its decisive error chosen.  Elsewhere the text is
 * typed into the field, its line ends as spaces. */
static void
paste_end(struct tui *t, struct buf *f)
{
	const char *s = t->paste.s ? t->paste.s : "";
	size_t n = t->paste.len;

	while (n && (s[n - 1] == '\n' || s[n - 1] == '\r'))
		n--;
	if (t->sc == SC_SYMPTOM && memchr(s, '\n', n)) {
		const struct kb_error *e = NULL;
		char *evidence = NULL;
		if (scan_log_text(t->ix, t->w->platform, s, n, &e,
		    &evidence)) {
			char *first = xstrndup(s, strcspn(s, "\n"));
			choose_error(t, e, first);
			wizard_set_log(t->w, evidence);
			free(first);
		} else {
			say(t, _("No known error in the pasted lines."));
		}
		free(evidence);
		return;
	}
	if (f)
		tui_type_text(t, f, s, n);
}

/* One key, in phases: the keys of every screen and mode, going back,
 * choosing, moving, typing into the field, then letters. */
static enum act
handle(struct tui *t, bool is_ch, unsigned ch, int key)
{
	struct buf *f = tui_field(t);
	enum act a = ACT_GO;
	bool bs, held = false;

	if (key == TK_LOST)
		return ACT_LOST;
	if (key == TK_PASTE_BEGIN) {
		t->pasting = true;
		buf_reset(&t->paste);
		return ACT_GO;
	}
	if (t->pasting) {
		if (key == TK_PASTE_END) {
			t->pasting = false;
			paste_end(t, f);
		} else {
			tui_paste_key(t, is_ch, ch, key);
		}
		return ACT_GO;
	}
	if (key == TK_PASTE_END)
		return ACT_GO;
	if (is_ch && ch == CH_CTRL_L) {
		term_repaint();
		return ACT_GO;
	}
	bs = (is_ch && (ch == CH_BS || ch == CH_DEL)) || key == TK_BACKSPACE;
	if (bs) {
		long long now = util_now_ms();
		held = t->last_bs && now - t->last_bs < HELD_MS;
		t->last_bs = now;
	} else if (key != TK_RESIZE) {
		t->last_bs = 0;
	}
	free(t->msg);
	t->msg = NULL;
	if (common_key(t, is_ch, ch, key, &a))
		return a;
	if (is_ch && ch == CH_ESC)
		return back_key(t, f, true, false);
	if (bs)
		return back_key(t, f, false, held);
	if ((is_ch && (ch == '\r' || ch == '\n')) || key == TK_ENTER)
		return choose(t);
	if (f && tui_edit_keys(t, f, is_ch, ch, key))
		return ACT_GO;
	if (move_key(t, is_ch, ch, key))
		return ACT_GO;
	if (f) {
		if (is_ch)
			tui_type_char(t, f, ch);
		return ACT_GO;
	}
	return is_ch ? letter_key(t, ch) : ACT_GO;
}

/* What a notice says, kept until the key that led to it is handled. */
static void
keep_alert(void *ctx, const char *msg)
{
	char **alert = ctx;

	free(*alert);
	*alert = xstrdup(msg);
}

enum tui_result
tui_run(const struct look *o, struct wizard *w, struct match_index *ix,
    const struct stats *st, struct offer *of, const char *notice,
    struct fe_notices *notices, char **why)
{
	struct tui t;
	enum act a = ACT_GO;
	char *alert = NULL;
	char **dst[DETAIL_FIELDS] = { &w->engineer, &w->model, &w->serial };

	*why = NULL;
	memset(&t, 0, sizeof t);
	t.o = o;
	t.w = w;
	t.ix = ix;
	t.stats = st;
	t.of = of;
	t.lang = o->lang;
	buf_init(&t.version);
	buf_init(&t.query);
	buf_init(&t.note);
	buf_init(&t.paste);
	buf_add(&t.version, "", 0);
	buf_add(&t.query, "", 0);
	buf_add(&t.note, "", 0);
	for (int i = 0; i < DETAIL_FIELDS; i++) {
		buf_init(&t.detail[i]);
		buf_adds(&t.detail[i], *dst[i] ? *dst[i] : "");
	}
	if (!term_open(!o->no_color, !o->ascii && text_terminal_utf8(),
	    !o->ascii_lines, why))
		goto out;
	if (of->n && !of->settled)
		go(&t, SC_RESUME);
	else
		start_at_stage(&t);
	if (notice)
		say(&t, notice);
	*notices = (struct fe_notices){ keep_alert, &alert };
	while (a == ACT_GO) {
		unsigned ch;
		int key;
		bool is_ch;

		if (t.stale)
			tui_build_items(&t);
		tui_draw(&t);
		is_ch = term_key(&ch, &key);
		a = handle(&t, is_ch, ch, key);
		if (alert) {
			say(&t, alert);
			free(alert);
			alert = NULL;
		}
	}
	*notices = (struct fe_notices){ NULL, NULL };
	free(alert);
	term_close();
out:
	tui_clear_items(&t);
	free(t.items);
	free(t.msg);
	free(t.ranked);
	free(t.tools);
	free(t.shared_query);
	buf_free(&t.version);
	buf_free(&t.query);
	buf_free(&t.note);
	buf_free(&t.paste);
	for (int i = 0; i < DETAIL_FIELDS; i++)
		buf_free(&t.detail[i]);
	if (*why)
		return TUI_UNUSABLE;
	return a == ACT_NOTHING ? TUI_NOTHING : a == ACT_LOST ? TUI_LOST :
	    TUI_DONE;
}
