/* sig.h: SIGHUP (the SSH connection dropped), SIGTERM and SIGINT during
 * the wizard: noted, so that the front end gives the terminal back and
 * the program ends with the session saved, never mid-write.
 * Layer: base. */
#ifndef FLASHFIX_SIG_H
#define FLASHFIX_SIG_H

#include <stdbool.h>

/* Installs the handlers (without SA_RESTART: a read in progress returns
 * EINTR, and the front end looks at sig_caught). */
void sig_install(void);
/* The signal caught, or 0. */
int sig_caught(void);

#endif
