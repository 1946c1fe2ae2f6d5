#!/bin/sh
# man.sh: the manual pages as man renders them: no groff warning, no line
# wider than 80 columns at MANWIDTH=80 (counted in display columns: a
# Chinese character takes two), the escapes render as the characters meant
# (the full-width colon of "WCSM code：4009", not a backslash), and
# flashfix(5) names where the Debian package installs the knowledge base.
. "${top_srcdir:-.}/tests/lib.sh"

command -v man >/dev/null 2>&1 || skip_all "no man"
for p in flashfix.1 flashfix.5; do
	src=$top_srcdir/man/$p
	w=$(man --warnings -E UTF-8 -l -Tutf8 -Z "$src" 2>&1 >/dev/null)
	is "$w" "" "$p: no warning (groff -ww)"
	MANWIDTH=80 LC_ALL=C.UTF-8 man -E UTF-8 -l "$src" 2>/dev/null | col -bx >"$T/$p.txt"
	like "$(head -n 5 "$T/$p.txt")" "NAME|FLASHFIX" "$p: renders"
	wide=$(LC_ALL=C.UTF-8 wc -L <"$T/$p.txt")
	[ "$wide" -le 80 ]; ok $? "$p: no line wider than 80 columns at MANWIDTH=80 (widest $wide)"
	# Control: the same count sees a line of 81.
	is "$(printf '%081d\n' 0 | LC_ALL=C.UTF-8 wc -L)" 81 "(the count sees 81 columns)"
done
has "$(cat "$T/flashfix.1.txt")" "WCSM code：4009," "flashfix.1: WCSM code：4009 with its full-width colon"
hasnt "$(cat "$T/flashfix.1.txt")" 'code\4009' "and no backslash before the code"
has "$(tr -s ' \n' '  ' <"$T/flashfix.5.txt")" "installed in /usr/share/flashfix by the Debian package" \
	"flashfix.5: the knowledge base where the package installs it"
done_testing
