# lib.sh: TAP helpers for the shell tests.  Source it; it sets $FLASHFIX,
# $top_srcdir, a scratch directory $T (removed at exit), XDG_CACHE_HOME
# inside it, and these:
#   ok COND-RC DESCRIPTION   (pass 0 for success)
#   run CMD...               runs CMD; sets $out, $err, $rc
#   is GOT WANT DESCRIPTION
#   like TEXT PATTERN DESCRIPTION   (grep -E pattern)
#   skip_all REASON
#   done_testing
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
