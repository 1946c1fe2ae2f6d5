#!/bin/sh
# deb.sh: the Debian package that ./quickstart deb built (in _deb/, or
# FLASHFIX_DEB), unpacked into a scratch root with dpkg -x and run from
# there: its files where Debian puts them, --version, lookup and check on
# the installed base, the man pages rendered without a warning, the
# completions, and lintian's verdict.  Skipped when no package is built.
. "${top_srcdir:-.}/tests/lib.sh"

deb=${FLASHFIX_DEB:-$(ls "$top_srcdir"/_deb/flashfix_*.deb 2>/dev/null | head -n 1)}
[ -n "$deb" ] && [ -f "$deb" ] || skip_all "no package built (./quickstart deb)"
command -v dpkg >/dev/null 2>&1 || skip_all "no dpkg"

R=$T/root
dpkg -x "$deb" "$R"
is "$?" 0 "dpkg -x unpacks $(basename "$deb")"
for f in usr/bin/flashfix usr/share/flashfix/errors.csv usr/share/flashfix/fixes.csv \
	usr/share/flashfix/tools.csv usr/share/flashfix/generic.csv \
	usr/share/man/man1/flashfix.1.gz usr/share/man/man5/flashfix.5.gz \
	usr/share/locale/zh_CN/LC_MESSAGES/flashfix.mo \
	usr/share/bash-completion/completions/flashfix \
	usr/share/zsh/vendor-completions/_flashfix \
	usr/share/doc/flashfix/copyright; do
	[ -f "$R/$f" ]; ok $? "installs /$f"
done
# Debian compresses documentation over 4 KiB.
[ -f "$R/usr/share/doc/flashfix/README.md.gz" ] || [ -f "$R/usr/share/doc/flashfix/README.md" ]
ok $? "installs the README under /usr/share/doc/flashfix"
ff=$R/usr/bin/flashfix
is "$(dpkg-deb -f "$deb" Package)/$(dpkg-deb -f "$deb" Version)" "flashfix/$(sed -n 's/^AC_INIT(\[flashfix\], \[\([^]]*\)\].*/\1/p' "$top_srcdir/configure.ac")" \
	"the package's name and version are the program's"

run "$ff" --data "$R/usr/share/flashfix" --version
is "$rc" 0 "the installed program runs: --version"
like "$out" "Knowledge base: $R/usr/share/flashfix \\(digest [0-9a-f]{16}\\)" "and names the base it would use"
# The installed program looks in /usr/share/flashfix, which the scratch
# root holds: --data points it there.
run "$ff" --data "$R/usr/share/flashfix" lookup --limit 1 4009
is "$rc" 0 "lookup 4009 on the installed base"
like "$out" "WCSM code" "finds the account server's 4009"
run "$ff" check "$R/usr/share/flashfix"
is "$rc" 0 "check: the installed base is valid"
like "$err" "valid: [0-9]+ errors" "and says so"

for m in man1/flashfix.1.gz man5/flashfix.5.gz; do
	w=$(man --warnings -E UTF-8 -l -Tutf8 -Z "$R/usr/share/man/$m" 2>&1 >/dev/null)
	is "$w" "" "man -l $m: no warning (groff -ww)"
	like "$(man -l -Tutf8 "$R/usr/share/man/$m" 2>/dev/null | head -c 2000 | col -b 2>/dev/null)" "NAME" "and it renders"
done
# What the package installs, as a reader meets it.
MANWIDTH=80 LC_ALL=C.UTF-8 man -E UTF-8 -l "$R/usr/share/man/man5/flashfix.5.gz" 2>/dev/null | col -bx >"$T/man5"
has "$(tr -s ' \n' '  ' <"$T/man5")" "installed in /usr/share/flashfix by the Debian package" \
	"flashfix(5) names /usr/share/flashfix, where the package puts the base"
for m in man1/flashfix.1.gz man5/flashfix.5.gz; do
	wide=$(MANWIDTH=80 LC_ALL=C.UTF-8 man -E UTF-8 -l "$R/usr/share/man/$m" 2>/dev/null | col -bx | LC_ALL=C.UTF-8 wc -L)
	[ "$wide" -gt 40 ] && [ "$wide" -le 80 ]; ok $? "$m: no line wider than 80 columns (widest $wide)"
done
run "$ff" --help
like "$out" "^  /usr/share/doc/flashfix/README\.md\$" "--help points to the README where the package puts it"
[ -f "$R/usr/share/doc/flashfix/README.md" ]; ok $? "and it is there by that name (not compressed)"
# The binary holds no path of the build tree it was made in.
strings "$ff" >"$T/strings"
has "$(cat "$T/strings")" "/usr/share/flashfix" "the binary holds its installed paths"
is "$(grep -E '^/(tmp|build|home|work|srv)/' "$T/strings" | head -n 3)" "" "and no build directory's"
# The autopkgtest, run on the unpacked package.
is "$(sed -n 's/^Tests: //p' "$top_srcdir/debian/tests/control")" "smoke" "the autopkgtest is declared"
run env FLASHFIX_BIN="$ff" FLASHFIX_DATA="$R/usr/share/flashfix" sh "$top_srcdir/debian/tests/smoke"
is "$rc" 0 "debian/tests/smoke passes on the package"
like "$out" "lookup 4009 and check answer" "and says what it checked"
run env FLASHFIX_BIN="$ff" FLASHFIX_DATA="$T/nowhere" sh "$top_srcdir/debian/tests/smoke"
[ "$rc" -ne 0 ]; ok $? "and fails on a base that is not there"
like "$err" "smoke: " "saying what failed"

bash -n "$R/usr/share/bash-completion/completions/flashfix"
is "$?" 0 "the bash completion parses"

if command -v lintian >/dev/null 2>&1; then
	lintian --fail-on error,warning "$deb" >"$T/lintian" 2>&1
	is "$?" 0 "lintian: no errors and no warnings"
	is "$(grep -cE '^[EW]: ' "$T/lintian")" 0 "none listed ($(wc -l <"$T/lintian") lines of lintian)"
else
	ok 0 "# SKIP lintian not installed"
fi
done_testing
