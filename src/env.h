/* env.h: what a command runs in, from its options: the knowledge base
 * loaded with its index (its problems printed), the state directory and
 * the records file.  Commands use it; cli only fills the options.
 * Layer: commands (the bottom of it). */
#ifndef FLASHFIX_ENV_H
#define FLASHFIX_ENV_H

#include <stdbool.h>

#include "cli.h"
#include "store.h"

/* Loads the knowledge base of o with its index, printing its problems;
 * false (after a message) when it cannot be used. */
bool env_load(const struct cli *o, struct store *st);

/* The same without a word: false (st empty) when the base cannot be
 * used, for a command that can do without it. */
bool env_load_quiet(const struct cli *o, struct store *st);

/* The state directory and the records file that o names (or the
 * defaults).  Each malloc'd.  env_state_dir is NULL, after saying to set
 * HOME or give --state-dir, when there is no directory to use. */
char *env_state_dir(const struct cli *o);
char *env_records(const struct cli *o, const char *state);
/* Every records file o names (several --records: a chain's shops), the
 * default one when it names none; *n of them, each malloc'd. */
char **env_records_all(const struct cli *o, const char *state,
    size_t *n);
void env_records_free(char **v, size_t n);
/* Whether the records files that o names (every --records, or
 * FLASHFIX_RECORDS) exist: one that does not is said (a typo must not read
 * as a shop without sessions).  The default file may be absent. */
bool env_records_exist(const struct cli *o, char **files, size_t n);
/* The engineer of this run: given (--engineer), else the login name. */
const char *env_engineer(const char *given);
/* This machine's host name into out (n bytes; "" when unknown). */
void env_host(char *out, size_t n);
/* The cache directory o allows, when it is this user's own; NULL
 * otherwise (--no-cache, no home, or another account's).  malloc'd. */
char *env_cache_dir(const struct cli *o);

#endif
