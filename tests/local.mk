## tests/local.mk: make check.  Every test speaks TAP, one line per check.
LOG_DRIVER = env AM_TAP_AWK='$(AWK)' $(SHELL) $(top_srcdir)/build-aux/tap-driver.sh
TESTS_ENVIRONMENT = \
	top_srcdir='$(abs_top_srcdir)' top_builddir='$(abs_top_builddir)' \
	FLASHFIX='$(abs_top_builddir)/src/flashfix' TMUX_BIN='$(TMUX)' \
	LC_ALL= LANG=C.UTF-8 LANGUAGE= FLASHFIX_DATA= FLASHFIX_STATE_DIR= \
	FLASHFIX_RECORDS= NO_COLOR=

check_PROGRAMS = tests/unit tests/jsoncheck
tests_jsoncheck_SOURCES = tests/jsoncheck.c
tests_unit_SOURCES = tests/unit.c tests/tap.h
tests_unit_LDADD = $(LOGIC_LIBS)

TESTS = tests/unit tests/cli-lookup.sh tests/cli-check.sh
EXTRA_DIST += tests/lib.sh tests/cli-lookup.sh tests/cli-check.sh \
	tests/fixtures
