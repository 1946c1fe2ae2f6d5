#!/bin/sh
# po.sh: every source file with translatable strings is in po/POTFILES.in
# (else xgettext never sees its strings and they stay English under
# zh_CN), and the zh_CN catalog translates every message, none fuzzy.
. "${top_srcdir:-.}/tests/lib.sh"

P=$top_srcdir/po
missing=
nsrc=0
for f in "$top_srcdir"/src/*.c; do
	rel=src/${f##*/}
	grep -qE '(^|[^A-Za-z0-9_])(N_|_|ngettext)\("' "$f" || continue
	nsrc=$((nsrc + 1))
	grep -qx "$rel" "$P/POTFILES.in" || missing="$missing $rel"
done
[ "$nsrc" -gt 10 ]; ok $? "sources with translatable strings found ($nsrc)"
is "$missing" "" "each of them is in po/POTFILES.in"
missing=
for f in $(grep -v '^#' "$P/POTFILES.in"); do
	[ -f "$top_srcdir/$f" ] || missing="$missing $f"
done
is "$missing" "" "and POTFILES.in names only files that exist"

if command -v msgfmt >/dev/null 2>&1 && command -v xgettext >/dev/null 2>&1; then
	# The catalog against the strings the sources hold now.
	(cd "$top_srcdir" && xgettext --from-code=UTF-8 -k_ -kN_ -kngettext:1,2 \
		-f po/POTFILES.in -o "$T/now.pot") 2>"$T/xg.err"
	is "$?" 0 "xgettext reads the sources"
	msgmerge -q --no-fuzzy-matching "$P/zh_CN.po" "$T/now.pot" -o "$T/zh.po" 2>/dev/null
	stats=$(msgfmt --statistics -o /dev/null "$T/zh.po" 2>&1)
	like "$stats" "^[0-9]+ translated messages\.$" "zh_CN: every message translated, none fuzzy ($stats)"
	t=$(printf '%s' "$stats" | sed 's/ .*//')
	[ "${t:-0}" -gt 300 ]; ok $? "zh_CN: the catalog holds the program's messages ($t)"
	run msgfmt --check -o /dev/null "$P/zh_CN.po"
	is "$rc" 0 "zh_CN: formats agree with their msgids"
else
	ok 0 "# SKIP msgfmt or xgettext not installed"
fi

done_testing
