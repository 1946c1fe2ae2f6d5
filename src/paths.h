/* paths.h: where flashfix finds and keeps things: the bundled knowledge
 * base, the catalogs, the state directory with its records, sessions and
 * reports, and the cache.  Every path is decided here and nowhere else.
 * Layer: base. */
#ifndef FLASHFIX_PATHS_H
#define FLASHFIX_PATHS_H

#include <stdbool.h>

/* Whether this program runs from its build tree (then the source tree's
 * data/ and the build tree's catalogs are used), not installed. */
bool paths_uninstalled(void);
/* The bundled knowledge base: the source tree's uninstalled, else the
 * installed one (never the build tree's from an installed program). */
const char *paths_data_dir(void);
/* Where the message catalogs are. */
const char *paths_locale_dir(void);

/* The state directory: dir if given, else $XDG_STATE_HOME/flashfix (an
 * absolute one), else $HOME/.local/state/flashfix; NULL when there is
 * neither (HOME unset or relative).  malloc'd. */
char *paths_state_dir(const char *dir);
/* The records file: records if given, else STATE/records.csv. */
char *paths_records(const char *state, const char *records);
/* STATE/sessions, and the file of a session in progress there. */
char *paths_sessions(const char *state);
char *paths_session_file(const char *state, const char *id);
/* STATE/reports, and the report the wizard writes there. */
char *paths_reports(const char *state);
char *paths_report_file(const char *state, const char *id);
/* The cache of compiled knowledge bases: $XDG_CACHE_HOME/flashfix (an
 * absolute one), else ~/.cache/flashfix; NULL when there is no home. */
char *paths_cache_dir(void);

#endif
