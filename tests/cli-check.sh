#!/bin/sh
# cli-check.sh: flashfix check on the shipped base and on broken ones.
. "${top_srcdir:-.}/tests/lib.sh"

run "$FLASHFIX" check
is "$rc" 0 "the shipped knowledge base is valid"
is "$out" "" "and has no problems"
like "$err" "valid: 181 errors" "the summary counts 181 entries (the FAQ's 47 errors, 118 public ones, 16 families' own)"

# A broken errors.csv does not drown its own problem in others.
rm -rf "$T/kb" && cp -r "$DATA" "$T/kb"
printf 'id,platforms,category,error_en,cause_en,family,source\nx,mtk,pc,"M"x,C,vendor-tool,s\n' \
	>"$T/kb/errors.csv"
run "$FLASHFIX" check "$T/kb"
is "$(printf '%s\n' "$out" | grep -c ': error: ')" 1 \
	"a parse error in errors.csv is reported once, without cascades"
run "$FLASHFIX" check "$DATA"
is "$rc" 0 "check DIR works"

# A broken copy: every problem on its own line as FILE:LINE:COLUMN.
mk() {
	rm -rf "$T/kb" && cp -r "$DATA" "$T/kb"
}
mk
printf 'id,platforms,category,error_en,cause_en,family,source\nx,mtk,pc,"open,c\n' \
	>"$T/kb/errors.csv"
run "$FLASHFIX" check "$T/kb"
is "$rc" 1 "unterminated quote: invalid, exit 1"
like "$out" "^$T/kb/errors.csv:2:10: error: quoted value is never closed" \
	"unterminated quote at 2:10, where it opens"

mk
printf 'id,platforms,category,error_en,cause_en,family,source,colour\nx,mtk,pc,M,C,vendor-tool,s,red,1\n' \
	>"$T/kb/errors.csv"
run "$FLASHFIX" check "$T/kb"
like "$out" "errors.csv:1:55: warning: unknown column 'colour'" \
	"unknown column is a warning at its header cell"
like "$out" "errors.csv:2:32: error: this row has 9 fields but the header has 8" \
	"wrong field count at the first extra field"

mk
printf 'id,platforms,error_en,cause_en,source\nx,mtk,M,C,s\n' >"$T/kb/errors.csv"
run "$FLASHFIX" check "$T/kb"
like "$out" "errors.csv:1:1: error: required column 'family' is missing" \
	"missing required column"

mk
printf 'error,step,level,action_en,action_zh,source\nsahara,1,update,Do it.,做,s\nsahara,1,power,Again.,再,s\nghost,1,power,Boo.,嘘,s\n' >"$T/kb/fixes.csv"
run "$FLASHFIX" check "$T/kb"
like "$out" "fixes.csv:3:8: error: step 1 of sahara is already on line 2" \
	"duplicate step"
like "$out" "fixes.csv:4:1: error: no error has the id 'ghost'" \
	"a fix naming an unknown error"
like "$out" "errors.csv:[0-9]+:1: error: error 'mes' has no fixes" \
	"errors left without fixes are named"

mk
printf '\357\273\277platform,tool,version\r\nqcom,Msm,"2.0\r\n.11"\r\nmtk,DL,19.36.101\r\n' \
	>"$T/kb/tools.csv"
run "$FLASHFIX" check "$T/kb"
like "$out" "tools.csv:2:10: error: '2\\.0\\\\x0A\\.11' is not a version" \
	"a version with a line break in it (BOM, CRLF), the break escaped"

mk
printf 'id,platforms,category,error_en,cause_en,family,source\nx,mtk,pc,M\377,C,vendor-tool,s\n' \
	>"$T/kb/errors.csv"
run "$FLASHFIX" check "$T/kb"
like "$out" "errors.csv:2:" "bytes that are neither UTF-8 nor GB18030 are located"

# A GB18030 save from a Chinese spreadsheet is read, with a warning.
mk
printf 'step,level,action_en,action_zh,source\n1,escalate,Call HQ.,\310\355\274\376,own\n' \
	>"$T/kb/generic.csv"
run "$FLASHFIX" check "$T/kb"
is "$rc" 0 "a GB18030 file is valid"
like "$out" "generic.csv: warning: not UTF-8; read as GB18030" \
	"and the conversion is not silent"

# Hostile bytes never crash check, and never reach the terminal raw.
mk
head -c 20000 /dev/urandom >"$T/kb/errors.csv" 2>/dev/null ||
	dd if=/dev/urandom of="$T/kb/errors.csv" bs=1000 count=20 2>/dev/null
run "$FLASHFIX" check "$T/kb"
is "$rc" 1 "random bytes: invalid, not a crash"
printf '%s' "$out" | grep -q "$(printf '\033')"
ok $((! $?)) "no escape character in the report"
mk
printf 'id,platforms,category,error_en,cause_en,family,source\nx\033]0;pwned\007,mtk,pc,M,C,vendor-tool,s\n' \
	>"$T/kb/errors.csv"
run "$FLASHFIX" check "$T/kb"
like "$out" 'errors.csv:2:2: error: control character U\+001B' \
	"a control character in a value is located"
printf '%s' "$out" | grep -q "$(printf '\033')"
ok $((! $?)) "and escaped in the report"

# A missing directory, and usage.
run "$FLASHFIX" check "$T/none"
is "$rc" 3 "a missing directory cannot be used (3, as with --data)"
like "$out" "none/errors.csv: error: cannot open" "and says why"
run "$FLASHFIX" check a b
is "$rc" 2 "check takes one directory"

# lookup refuses an invalid base, pointing at check.
mk
printf 'id,platforms,category,error_en,cause_en,family,source\nx,mars,pc,M,C,vendor-tool,s\n' \
	>"$T/kb/errors.csv"
run "$FLASHFIX" --data "$T/kb" lookup x
is "$rc" 3 "lookup on an invalid base exits 3"
like "$err" "run 'flashfix check" "and says to run check"

done_testing
