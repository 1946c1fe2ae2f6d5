#!/bin/sh
# layers.sh: the modules of src/ use one another only downwards, in the
# order src/layers gives: by #include in every source and header, and by
# symbol in the objects that make the library and the program (from nm).
# Every source file is in src/layers, and none is over 700 lines.
. "$(dirname "$0")/lib.sh"

layers=$top_srcdir/src/layers
objdir=$top_builddir/src
order=$T/order
# "RANK MODULE", one a line, in the order of src/layers.
# Files joined by "+" are one module: the same rank.
sed -n 's/^[^#][^:]*: *//p' "$layers" | tr ' ' '\n' | grep -v '^$' |
	awk '{ k = split($1, f, "+"); for (i = 1; i <= k; i++) print NR, f[i] }' >"$order"
test -s "$order"; ok $? "src/layers lists the modules ($(wc -l <"$order"))"

# Every source file is some module's.
missing=""
for f in "$top_srcdir"/src/*.c "$top_srcdir"/src/*.h; do
	m=$(basename "$f"); m=${m%.*}
	grep -q " $m\$" "$order" || missing="$missing $m"
done
is "$missing" "" "every file of src/ is in src/layers"

# Each file's first comment names its layer, as src/layers does.
wrong=""
for f in "$top_srcdir"/src/*.c "$top_srcdir"/src/*.h; do
	m=$(basename "$f"); m=${m%.*}
	want=$(awk -v m="$m" -F': *' '!/^#/ && NF > 1 {
		n = split($2, mods, /[ +]/)
		for (i = 1; i <= n; i++) if (mods[i] == m) print $1 }' "$layers")
	got=$(awk '/\*\// { print; exit } { print }' "$f" | tr '\n' ' ' |
		sed -n 's/.*Layer: \([a-z ]*\).*/\1/p' | sed 's/ *$//')
	[ "$got" = "$want" ] || wrong="$wrong $m($got/$want)"
done
is "$wrong" "" "every file's first comment names its layer"

# No source file over 700 lines.
long=$(wc -l "$top_srcdir"/src/*.c "$top_srcdir"/src/*.h | awk '$2 != "total" && $1 > 700 { printf " %s (%d)", $2, $1 }')
is "$long" "" "no file of src/ is over 700 lines"

# up FILE: the "USER USED" pairs in which USED ranks above USER.
up() {
	awk 'NR == FNR { rank[$2] = $1; next }
	     ($1 in rank) && ($2 in rank) && rank[$2] > rank[$1] {
		print $1 " uses " $2 }' "$order" "$1" | sort -u
}

# The includes: "FILE'S MODULE  INCLUDED MODULE".
for f in "$top_srcdir"/src/*.c "$top_srcdir"/src/*.h; do
	m=$(basename "$f"); m=${m%.*}
	sed -n 's/^#include "\([a-z_0-9]*\)\.h"/\1/p' "$f" | sed "s/^/$m /"
done >"$T/includes"
test -s "$T/includes"; ok $? "the sources' includes are read ($(wc -l <"$T/includes"))"
is "$(up "$T/includes")" "" "no source includes a header of a later module"

# The symbols: the objects of the library and the program.
objs=$(sed -n '/^src_libflashfix_a_SOURCES\|^src_flashfix_SOURCES/,/^$/p' \
	"$top_srcdir/Makefile.am" | grep -o 'src/[a-z_0-9]*\.c' |
	sed "s|^src/\(.*\)\.c\$|$objdir/\1.o|")
: >"$T/defs"
: >"$T/uses"
nobj=0
for o in $objs; do
	[ -f "$o" ] || continue
	nobj=$((nobj + 1))
	m=$(basename "$o" .o)
	nm --defined-only -g "$o" | awk -v m="$m" 'NF == 3 { print $3, m }' >>"$T/defs"
	nm -u "$o" | awk -v m="$m" '{ print m, $NF }' >>"$T/uses"
done
is "$nobj" "$(echo "$objs" | wc -w)" "every object is there to read"
awk 'NR == FNR { d[$1] = $2; next } ($2 in d) && d[$2] != $1 { print $1, d[$2] }' \
	"$T/defs" "$T/uses" | sort -u >"$T/links"
grep -q '^main cmd_wizard$' "$T/links"; ok $? "the link graph is read (main calls cmd_wizard)"
is "$(up "$T/links")" "" "no object uses a symbol of a later module"

# The check itself can fail: an upward use is found.
printf 'util wizard\n' >"$T/bad"
is "$(up "$T/bad")" "util uses wizard" "an upward use is reported"

# Every source is in the build's lists, or the tarball (make dist) lacks
# it and builds from it fail.
unlisted=
nlisted=0
for f in "$top_srcdir"/src/*.[ch]; do
	rel=src/${f##*/}
	nlisted=$((nlisted + 1))
	grep -qE "(^|[[:space:]])$rel([[:space:]]|\$)" "$top_srcdir/Makefile.am" || unlisted="$unlisted $rel"
done
[ "$nlisted" -gt 40 ]; ok $? "the sources are there to check ($nlisted)"
is "$unlisted" "" "every file of src/ is in Makefile.am"
done_testing
