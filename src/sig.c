/* sig.c: noting the signals that end the wizard.
 * Layer: base. */
#include <config.h>

#include "sig.h"

#include <signal.h>
#include <string.h>

static volatile sig_atomic_t caught;

static void
on_signal(int sig)
{
	caught = sig;
}

void
sig_install(void)
{
	struct sigaction sa;
	const int sigs[] = { SIGHUP, SIGTERM, SIGINT };

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;
	for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
		sigaction(sigs[i], &sa, NULL);
	/* A vanished terminal: write errors, not death by SIGPIPE; a file
	 * size limit: EFBIG, reported, not death by SIGXFSZ. */
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
	sigaction(SIGXFSZ, &sa, NULL);
}

int
sig_caught(void)
{
	return caught;
}
