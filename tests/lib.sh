# lib.sh: TAP helpers for the shell tests.  Source it; it sets $FLASHFIX,
# $top_srcdir, a scratch directory $T (removed at exit), XDG_CACHE_HOME
# inside it, and these:
#   ok COND-RC DESCRIPTION   (pass 0 for success)
#   run CMD...               runs CMD; sets $out, $err, $rc
#   is GOT WANT DESCRIPTION
#   like TEXT PATTERN DESCRIPTION   (grep -E pattern)
#   skip_all REASON
#   done_testing
#   answers NAME=VALUE...    the lines a script types into the line mode
#   has TEXT FIXED-STRING DESCRIPTION / hasnt ...   (grep -F, present or not)
: "${top_srcdir:?run through make check}"
: "${FLASHFIX:?run through make check}"
JSONCHECK=${JSONCHECK:-$top_builddir/tests/jsoncheck}
DATA=$top_srcdir/data
T=$(mktemp -d "${TMPDIR:-/tmp}/flashfix-test.XXXXXX") || exit 99
trap 'rm -rf "$T"' EXIT
# The compiled knowledge bases go to the scratch directory, never to the
# user's own cache.
XDG_CACHE_HOME=$T/cache
export XDG_CACHE_HOME
# Run over SSH or not, the tests see the same: no SSH session.
unset SSH_CONNECTION SSH_CLIENT SSH_TTY
n=0
failed=0

ok() {
	n=$((n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $n - $2"
	else
		echo "not ok $n - $2"
		failed=$((failed + 1))
	fi
}

# answers NAME=VALUE...: what a script types into the line mode, one line
# per answer, each named by the question it answers, so that a test reads
# without the program beside it:
#   platform=1|2|3    MTK, Qualcomm, not sure
#   version=N|TEXT    a number from the list of releases, or a version
#   error=TEXT        what the error says (empty: browse by kind)
#   pick=N            a numbered choice: a match, a kind, an error of it
#   step=y|n|s|b      fixed, not fixed, can't do it here, back ("n: note")
#   detail=TEXT       engineer, phone model, serial, in that order
#   report=y|n        the report for HQ after an escalation
#   resume=y|n|N|aN   the offer of unfinished sessions
# Only the value is typed.
answers() {
	for a in "$@"; do
		printf '%s\n' "${a#*=}"
	done
}

# has TEXT STRING DESCRIPTION: TEXT holds STRING (fixed, not a pattern).
has() {
	if printf '%s\n' "$1" | grep -qF -- "$2"; then
		ok 0 "$3"
	else
		ok 1 "$3"
		printf '#   no "%s" in:\n' "$2"
		printf '%s\n' "$1" | sed 's/^/#     /' | head -20
	fi
}

# hasnt TEXT STRING DESCRIPTION: TEXT does not hold STRING.  Pair it with a
# check that the expected text is there, so that no output cannot pass.
hasnt() {
	if printf '%s\n' "$1" | grep -qF -- "$2"; then
		ok 1 "$3"
		printf '#   "%s" found\n' "$2"
	else
		ok 0 "$3"
	fi
}

run() {
	"$@" >"$T/out" 2>"$T/err"
	rc=$?
	out=$(cat "$T/out")
	err=$(cat "$T/err")
}

is() {
	if [ "$1" = "$2" ]; then
		ok 0 "$3"
	else
		ok 1 "$3"
		printf '#   got:  %s\n#   want: %s\n' "$1" "$2"
	fi
}

like() {
	if printf '%s\n' "$1" | grep -Eq -- "$2"; then
		ok 0 "$3"
	else
		ok 1 "$3"
		printf '#   no match for /%s/ in:\n' "$2"
		printf '%s\n' "$1" | sed 's/^/#     /' | head -20
	fi
}

skip_all() {
	echo "1..0 # SKIP $1"
	exit 0
}

done_testing() {
	echo "1..$n"
	[ "$failed" -eq 0 ]
}
