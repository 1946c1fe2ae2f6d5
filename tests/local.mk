## tests/local.mk: make check.  Every test speaks TAP, one line per check.
LOG_DRIVER = env AM_TAP_AWK='$(AWK)' $(SHELL) $(top_srcdir)/build-aux/tap-driver.sh
# Each test with no standard input and a time limit (tests/timeout.sh).
LOG_COMPILER = $(SHELL) $(top_srcdir)/tests/timeout.sh
TESTS_ENVIRONMENT = \
	top_srcdir='$(abs_top_srcdir)' top_builddir='$(abs_top_builddir)' \
	FLASHFIX='$(abs_top_builddir)/src/flashfix' TMUX_BIN='$(TMUX_PROG)' \
	pkgdatadir='$(pkgdatadir)' \
	FLASHFIX_SRCDIR='$(abs_top_srcdir)' FLASHFIX_BUILDDIR='$(abs_top_builddir)' \
	LC_ALL= LANG=C.UTF-8 LANGUAGE= FLASHFIX_DATA= FLASHFIX_STATE_DIR= \
	FLASHFIX_RECORDS= NO_COLOR=

check_PROGRAMS = tests/unit tests/jsoncheck tests/families tests/summary tests/convo tests/scan-unit
tests_jsoncheck_SOURCES = tests/jsoncheck.c
tests_unit_SOURCES = tests/unit.c tests/unit.h tests/tap.h \
	tests/unit-text.c tests/unit-csv.c tests/unit-kb.c tests/unit-kb-cache.c \
	tests/unit-match.c tests/unit-wizard.c tests/unit-logread.c tests/unit-scan.c \
	tests/unit-session.c tests/unit-report.c tests/unit-files.c
tests_unit_LDADD = $(LOGIC_LIBS)
tests_families_SOURCES = tests/families.c tests/tap.h
tests_families_LDADD = $(LOGIC_LIBS)
tests_summary_SOURCES = tests/summary.c tests/tap.h
tests_summary_LDADD = $(LOGIC_LIBS)
tests_convo_SOURCES = tests/convo.c tests/tap.h
tests_convo_LDADD = $(LOGIC_LIBS)
tests_scan_unit_SOURCES = tests/scan-unit.c tests/tap.h
tests_scan_unit_LDADD = $(LOGIC_LIBS)

TESTS = tests/unit tests/families tests/summary tests/convo tests/scan-unit tests/cli-lookup.sh tests/cli-check.sh tests/cli-wizard.sh \
	tests/tui.sh tests/tui-keys.sh tests/tui-convo.sh tests/zh.sh tests/resume.sh tests/records.sh tests/hostile.sh \
	tests/kb-edit.sh tests/kb-cache.sh tests/layers.sh tests/cli-usage.sh tests/kb-reference.sh tests/kb-audit.sh tests/scan.sh tests/scan-tty.sh tests/scan-score.sh tests/export.sh tests/chain.sh tests/hq-postgres.sh tests/po.sh tests/completion.sh tests/completion-tty.sh tests/deb.sh tests/man.sh \
	tests/logscore.sh tests/accuracy-floor.sh tests/stats.sh
EXTRA_DIST += tests/accuracy-floor.sh tests/kb-audit.sh
EXTRA_DIST += tests/lib.sh tests/timeout.sh tests/chain.sh tests/hq-postgres.sh tests/deb.sh tests/man.sh tests/po.sh tests/completion.sh tests/completion-tty.sh tests/scan.sh tests/scan-tty.sh tests/scan-score.sh tests/export.sh tests/layers.sh tests/cli-usage.sh tests/kb-reference.sh tests/families.c src/layers tests/tmux.sh tests/tui.sh tests/tui-keys.sh tests/tui-convo.sh tests/zh.sh tests/resume.sh tests/records.sh \
	tests/hostile.sh tests/kb-edit.sh tests/kb-cache.sh tests/bench.sh tests/bench-tty.sh \
	tests/bench-scan.sh tests/bench-records.sh tests/bench-gen.sh \
	tests/bench-reallog.sh tests/corpus/bench-lines.tsv tests/logscore.sh tests/corpus/logs \
	tests/cli-lookup.sh tests/cli-check.sh tests/cli-wizard.sh \
	tests/fixtures

# make bench: speed on synthetic bases of 1,000, 10,000 and 100,000 errors
# against grep and fzf, then the terminal: bytes per keystroke and the time
# to the first screen, then flashfix scan on a 200 MB log against grep -c -i
# error (BENCH_SCAN_MB changes the size), then scan on logs of that size
# made of real tool lines in three mixes (English, Chinese-heavy, UTF-16LE;
# make bench-reallog runs only these), then records of 100,000 and
# 1,000,000 sessions (BENCH_RECORDS changes the sizes): the wizard's first
# question, stats, history, report and python3's csv module (reports only).
EXTRA_PROGRAMS = tests/bench
tests_bench_SOURCES = tests/bench.c
tests_bench_LDADD = $(LOGIC_LIBS)
CLEANFILES += tests/bench
BENCH_ERRORS = 1000 10000 100000
bench: tests/bench$(EXEEXT) src/flashfix$(EXEEXT)
	@$(SHELL) $(top_srcdir)/tests/bench.sh $(abs_top_builddir) $(BENCH_ERRORS)
	@TMUX_BIN='$(TMUX_PROG)' $(SHELL) $(top_srcdir)/tests/bench-tty.sh $(abs_top_builddir)/src/flashfix
	@$(SHELL) $(top_srcdir)/tests/bench-scan.sh $(abs_top_builddir)
	@$(SHELL) $(top_srcdir)/tests/bench-reallog.sh $(abs_top_builddir)
	@$(SHELL) $(top_srcdir)/tests/bench-records.sh $(abs_top_builddir)
bench-reallog: tests/bench$(EXEEXT) src/flashfix$(EXEEXT)
	@$(SHELL) $(top_srcdir)/tests/bench-reallog.sh $(abs_top_builddir)
.PHONY: bench bench-reallog

# make stress: tests/stress-records.sh long: 8 writers of 40 sessions
# each, 60 kills, the file replaced under its lock every 0.2 s and torn
# tails left in it; prints sessions confirmed, lost, doubled and torn.
stress: src/flashfix$(EXEEXT) tests/jsoncheck$(EXEEXT)
	@$(TESTS_ENVIRONMENT) STRESS_WRITERS=8 STRESS_SESSIONS=40 \
	STRESS_KILLS=60 STRESS_TEARS=10 $(SHELL) $(top_srcdir)/tests/stress-records.sh
.PHONY: stress
TESTS += tests/faults.sh tests/stress-records.sh
EXTRA_DIST += tests/faults.sh tests/stress-records.sh tests/stats.sh
# A session open in two flashfix processes, in both orders.
TESTS += tests/live-sessions.sh
EXTRA_DIST += tests/live-sessions.sh

# make fuzz: the libFuzzer targets (needs clang); make fuzz-run runs each
# for FUZZ_SECONDS.
FUZZ_SECONDS = 600
fuzz:
	$(SHELL) $(top_srcdir)/tests/fuzz/build.sh $(abs_top_srcdir) $(abs_top_builddir)/fuzz
fuzz-run: fuzz
	$(SHELL) $(top_srcdir)/tests/fuzz/run.sh $(abs_top_builddir)/fuzz $(FUZZ_SECONDS)
.PHONY: fuzz fuzz-run
EXTRA_DIST += tests/fuzz/build.sh tests/fuzz/run.sh tests/fuzz/fuzz_kb.c \
	tests/fuzz/fuzz_cache.c \
	tests/fuzz/fuzz_records.c tests/fuzz/fuzz_lookup.c tests/fuzz/fuzz_version.c \
	tests/fuzz/fuzz_scan.c

# The development corpus of real lines (tests/corpus, #21).
TESTS += tests/corpus.sh
EXTRA_DIST += tests/corpus.sh tests/accuracy.sh tests/corpus/README.md \
	tests/corpus/lines-tune.tsv tests/corpus/lines-measure.tsv \
	tests/corpus/split.sh tests/corpus/pinned.txt

# make accuracy: how flashfix answers the real lines of tests/corpus (the
# tune and the measure part, by kind: right, wrong, refused) and the whole
# logs of tests/corpus/logs, or of ACCURACY_LOGS when the repository has
# none.  One lookup per line, two at a time: a few minutes.
# ACCURACY_LIST=1 lists the tune part's wrong answers and misses.
ACCURACY_LOGS = $(abs_top_srcdir)/../shared/corpus/logs
accuracy: src/flashfix$(EXEEXT) tests/jsoncheck$(EXEEXT)
	@FLASHFIX_DATA='$(abs_top_srcdir)/data' LC_ALL= LANG=C.UTF-8 LANGUAGE= \
	ACCURACY_LIST='$(ACCURACY_LIST)' \
	$(SHELL) $(top_srcdir)/tests/accuracy.sh $(abs_top_builddir)/src/flashfix \
	    $(abs_top_builddir)/tests/jsoncheck $(top_srcdir)/tests/corpus '$(ACCURACY_LOGS)'
.PHONY: accuracy
