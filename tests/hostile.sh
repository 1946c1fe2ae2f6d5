#!/bin/sh
# hostile.sh: knowledge bases, records and answers that carry terminal
# escape sequences (clear screen, OSC 52 clipboard writes, title changes),
# C1 controls, bidirectional overrides, invalid UTF-8, NUL, a 1 MB field
# and 100,000 rows: reported or shown escaped, never raw, never a crash.
. "${top_srcdir:-.}/tests/lib.sh"

ESC=$(printf '\033')
C1=$(printf '\302\233')
BIDI=$(printf '\342\200\256')
# raw FILE...: succeeds when a file holds an escape, a C1 control or a
# bidirectional override as raw bytes.
raw() {
	LC_ALL=C grep -q "$(printf '[\033\007]')" "$@" && return 0
	grep -q -e "$C1" -e "$BIDI" "$@"
}
nothing_raw() {
	if raw "$T/out" "$T/err"; then ok 1 "$1"; else ok 0 "$1"; fi
}

# A knowledge base with control characters: refused with their places.
K=$T/kb
cp -r "$DATA" "$K"
# The lines the rows below land on (the shipped base's lines plus one).
el=$(($(wc -l <"$K/errors.csv") + 1))
fl=$(($(wc -l <"$K/fixes.csv") + 1))
printf 'evil-1,mtk,hardware,,EVIL \033[2J clear \033]52;c;aGk=\007 osc \033]0;pwned\007 title,,,"cause \302\233 c1",,,,,,vendor-tool,test\n' >>"$K/errors.csv"
printf 'evil-1,1,hardware,,"fix \033[2J now",,test\n' >>"$K/fixes.csv"
run "$FLASHFIX" check "$K"
is "$rc" 1 "control characters in the base: invalid"
like "$err$out" "errors.csv:$el:27: error: control character U\+001B" "the escape is located"
like "$err$out" "errors.csv:$el:[0-9]+: error: control character U\+009B" "the C1 control is located"
like "$err$out" "fixes.csv:$fl:[0-9]+: error: control character U\+001B" "in fixes too"
nothing_raw "check shows none of them raw"
run "$FLASHFIX" --data "$K" lookup evil
is "$rc" 3 "lookup refuses the base"
nothing_raw "lookup shows none of them raw"
answers platform=1 | "$FLASHFIX" --plain --data "$K" --state-dir "$T/s" >"$T/out" 2>"$T/err"
is "$?" 3 "the wizard refuses the base"
nothing_raw "the wizard shows none of them raw"

# Invalid UTF-8 and NUL: located, not a crash.
K2=$T/kb2
cp -r "$DATA" "$K2"
printf 'bad-1,mtk,hardware,,bad \377\376 bytes,,,cause,,,,,,vendor-tool,test\n' >>"$K2/errors.csv"
printf 'bad-2,mtk,hardware,,nul \000 byte,,,cause,,,,,,vendor-tool,test\n' >>"$K2/errors.csv"
run "$FLASHFIX" check "$K2"
is "$rc" 1 "invalid UTF-8 and NUL: invalid"
like "$err$out" "errors.csv:$el:[0-9]+: error: .*(UTF-8|invalid)" "invalid UTF-8 is located"
like "$err$out" "errors.csv:$((el + 1)):[0-9]+: error: " "NUL is located"

# A bidirectional override is text a base may hold; it is shown escaped.
K3=$T/kb3
cp -r "$DATA" "$K3"
printf 'bidi-1,mtk,hardware,,Bidi \342\200\256reversed\342\200\254 text,,,cause,,,,,,vendor-tool,test\n' >>"$K3/errors.csv"
printf 'bidi-1,1,hardware,,"fix \342\200\256 it",,test\n' >>"$K3/fixes.csv"
run "$FLASHFIX" --data "$K3" lookup bidi reversed
is "$rc" 0 "a bidirectional override in the base: it loads"
like "$out" 'Bidi \\u202Ereversed\\u202C text' "lookup shows it escaped"
nothing_raw "lookup shows it nowhere raw"
run "$FLASHFIX" --data "$K3" lookup --json bidi reversed
nothing_raw "JSON escapes it"
answers platform=1 version=1 error='Bidi reversed text' pick=1 \
	step="$(printf 'n: \342\200\256 \033]52;c;aGk=\007')" detail= detail= detail= |
	"$FLASHFIX" --plain --data "$K3" --state-dir "$T/s3" >"$T/out" 2>"$T/err"
nothing_raw "the line mode shows it, and a typed OSC 52, escaped"
for f in text markdown json csv; do
	"$FLASHFIX" report --last --format $f --data "$K3" --state-dir "$T/s3" \
		>"$T/out" 2>"$T/err"
	nothing_raw "report --format $f: nothing raw"
done

# Job details from the command line and $USER, shown in the line mode's
# job-details prompts: escaped.
for opt in --engineer --model --serial USER; do
	v=$(printf 'x\033]0;pwned\007\033[2Jy\302\233')
	if [ "$opt" = USER ]; then
		set -- ; u=$v
	else
		set -- "$opt" "$v"; u=ana
	fi
	answers platform=1 version=1 error='DL system ERR' pick=1 step=y \
		detail= detail= detail= |
		USER=$u "$FLASHFIX" --plain --state-dir "$T/s8" "$@" >"$T/out" 2>"$T/err"
	like "$(cat "$T/out")" 'x\\x1B\]0;pwned\\x07' "$opt: the prompt shows it escaped"
	nothing_raw "$opt: nothing raw reaches the terminal"
done
set --

# Records edited by hand with raw escapes, C1, bidi, invalid UTF-8.
R=$T/records.csv
{
	echo 'id,started,finished,engineer,host,model,serial,platform,tool_version,query,error_id,outcome,fixed_at_step,steps'
	printf '"6b0-1","2026-11-24T10:00:00+0000","2026-11-24T10:05:00+0000","\033]0;pwned\007ana","h\302\233","M\342\200\256","S\377","qcom","2.0.11","\033[2J","sahara","escalated","","1 update not_fixed 2026-11-24T10:01:00+0000: \033]52;c;aGk=\007"\n'
} >"$R"
run "$FLASHFIX" history --records "$R"
is "$rc" 0 "history reads a hand-edited record"
nothing_raw "history shows nothing raw"
run "$FLASHFIX" history --json --records "$R"
nothing_raw "history --json: nothing raw"
printf '%s' "$out" | "$JSONCHECK"
ok $? "history --json parses"
for f in text markdown json csv; do
	run "$FLASHFIX" report 6b0-1 --format $f --records "$R"
	is "$rc" 0 "report --format $f of a hand-edited record"
	nothing_raw "report --format $f: nothing raw"
done
run "$FLASHFIX" report 6b0-1 --format json --records "$R"
printf '%s' "$out" | "$JSONCHECK"
ok $? "report --format json parses"
run "$FLASHFIX" stats --records "$R"
nothing_raw "stats: nothing raw"

# Formula injection: a note, the job details and knowledge-base texts
# that a spreadsheet would run (= + - @, tab, CR) reach export, export
# --steps and the report's CSV with a ' before them; the JSON keeps them.
K6=$T/kb6
cp -r "$DATA" "$K6"
printf 'formula-1,mtk,hardware,,Formula trap error,,,"=HYPERLINK(""http://x"";""y"")",,,,"+escalate",,vendor-tool,test\n' >>"$K6/errors.csv"
printf 'formula-1,1,hardware,,"@SUM(1+1) the fix",,test\n' >>"$K6/fixes.csv"
answers platform=1 version=1 error='Formula trap error' pick=1 step='n: =1+2' \
	detail='-2+3' detail='+model' detail='@serial' |
	"$FLASHFIX" --plain --data "$K6" --state-dir "$T/s6" >"$T/out" 2>"$T/err"
is "$?" 0 "formulas: the session is recorded"
run "$FLASHFIX" export --state-dir "$T/s6"
like "$out" "\"'-2\+3\",[^,]*,\"'\+model\",\"'@serial\"" "export: the job details get a '"
hasnt "$out" '"-2+3"' "export: none raw"
run "$FLASHFIX" export --steps --state-dir "$T/s6"
has "$out" "\"'=1+2\"" "export --steps: the note gets a '"
hasnt "$out" '"=1+2"' "export --steps: not raw"
run "$FLASHFIX" export --format jsonl --steps --state-dir "$T/s6"
has "$out" '"note":"=1+2"' "the JSON lines keep it as typed"
run "$FLASHFIX" report --last --format csv --data "$K6" --state-dir "$T/s6"
has "$out" "\"'=HYPERLINK(\"\"http://x" "report csv: the cause from the base gets a '"
has "$out" "\"'@SUM(1+1) the fix\"" "report csv: the action"
has "$out" "\"'+escalate\"" "report csv: what HQ needs"
has "$out" "\"'=1+2\"" "report csv: the note"
for bad in '"=' '"+' '"-2' '"@'; do
	hasnt "$out" "$bad" "report csv: no cell starts with ${bad#?}"
done
run "$FLASHFIX" history --json --state-dir "$T/s6"
has "$out" '"model":"+model"' "the records keep the details as typed"

# U+2028 and U+2029 in a note: escaped in every JSON output, so that a
# JSON Lines reader that splits as Python's splitlines() keeps each line
# whole.
LS=$(printf '\342\200\250')
PS=$(printf '\342\200\251')
answers platform=1 version=1 error='DL system ERR' pick=1 \
	step="y: one${LS}two${PS}three" detail= detail= detail= |
	"$FLASHFIX" --plain --state-dir "$T/s9" >/dev/null 2>&1
for cmd in "history --json" "export --format jsonl" "export --steps --format jsonl" \
	"report --last --format json"; do
	run "$FLASHFIX" $cmd --state-dir "$T/s9"
	has "$out" 'one\u2028two\u2029three' "$cmd: the separators are escaped"
	if printf '%s' "$out" | grep -q -e "$LS" -e "$PS"; then r=1; else r=0; fi
	ok $r "$cmd: none raw"
done

# A 100,000-digit version: quoted in part, with an ellipsis, in check's
# message and in the line mode's echo of the answer.
K8=$T/kb8
cp -r "$DATA" "$K8"
v=$(head -c 100000 /dev/zero | tr '\0' '9')x
sed "s/qcom < 2.0.11,Use the latest/qcom < $v,Use the latest/" "$DATA/fixes.csv" >"$K8/fixes.csv"
run "$FLASHFIX" check "$K8"
like "$out" "fixes.csv:[0-9]+:[0-9]+: error: '9{20,}…' is not a version such as 2.0.11" \
	"a 100,000-digit version in a condition: located, quoted in part"
is "$(printf '%s\n' "$out" | awk 'length($0) > 300' | wc -l)" 0 "no line of check's output is long"
answers platform=1 version="$v" version=4 error='DL system ERR' pick=1 step=y \
	detail= detail= detail= | "$FLASHFIX" --plain --state-dir "$T/s10" >"$T/out" 2>&1
like "$(cat "$T/out")" "> 9{20,}…" "a 100,000-digit answer: echoed in part"
is "$(awk 'length($0) > 300' "$T/out" | wc -l)" 0 "no line of the transcript is long"

# Encodings: one bad GB18030 sequence is one error at its line and
# column; a truncated last GB18030 character, a UTF-16 file and a NUL
# in the header are each said once.
K10=$T/kb10
cp -r "$DATA" "$K10"
iconv -f UTF-8 -t GB18030 "$DATA/tools.csv" >"$K10/tools.csv"
gl=$(($(wc -l <"$K10/tools.csv") + 1))
printf 'x,mtk,\201\040bad\n' >>"$K10/tools.csv"
run "$FLASHFIX" check "$K10"
like "$out" "tools.csv:$gl:7: error: invalid UTF-8 \(byte 0x81\), and not GB18030 either" "a bad GB18030 sequence: at its line and column"
is "$(printf '%s\n' "$out" | grep -c 'tools.csv')" 1 "one error, not one per character"
iconv -f UTF-8 -t GB18030 "$DATA/tools.csv" >"$K10/tools.csv"
printf '\201' >>"$K10/tools.csv"
run "$FLASHFIX" check "$K10"
like "$out" "tools.csv:$gl:1: error: the file ends in the middle of a GB18030 character" "a truncated last GB18030 character: said"
iconv -f UTF-8 -t UTF-16LE "$DATA/tools.csv" >"$K10/tools.csv"
run "$FLASHFIX" check "$K10"
like "$out" "tools.csv: error: this file is UTF-16" "a UTF-16 file: said it is UTF-16"
is "$(printf '%s\n' "$out" | grep -c 'tools.csv')" 1 "once"
sed '1s/platform/plat\x00form/' "$DATA/tools.csv" >"$K10/tools.csv"
run "$FLASHFIX" check "$K10"
is "$rc" 1 "a NUL in the header: refused"
like "$out" "tools.csv:1:5: error: control character U\+0000" "at its place"

# A FIFO or a device where a knowledge-base file should be: refused at
# once (it hung every command, --version too, waiting for a writer).
for kind in fifo device; do
	K7=$T/kb7-$kind
	cp -r "$DATA" "$K7"
	rm "$K7/tools.csv"
	if [ $kind = fifo ]; then mkfifo "$K7/tools.csv"; else ln -s /dev/zero "$K7/tools.csv"; fi
	run timeout 20 "$FLASHFIX" check "$K7"
	is "$rc" 1 "a $kind in the base: check refuses it without waiting"
	like "$out$err" "tools.csv: error: not a regular file \(a FIFO, a device or a directory\)" \
		"and says what it is"
	run timeout 20 "$FLASHFIX" --data "$K7" --version
	is "$rc" 0 "a $kind in the base: --version answers"
	like "$out" "Knowledge base: cannot be read .*not a regular file" "and says the base cannot be read"
	run timeout 20 "$FLASHFIX" --data "$K7" lookup 4009
	is "$rc" 3 "a $kind in the base: lookup refuses it"
	answers platform=1 | timeout 20 "$FLASHFIX" --plain --data "$K7" --state-dir "$T/s7" >"$T/out" 2>"$T/err"
	is "$?" 3 "a $kind in the base: the wizard refuses it"
done

# Size: a 1 MB field, 100,000 rows, a 1 MB answer.
K4=$T/kb4
cp -r "$DATA" "$K4"
{
	printf 'big-1,mtk,hardware,,big,,,"'
	head -c 1048576 /dev/zero | tr '\0' 'a'
	printf '",,,,,,vendor-tool,test\n'
} >>"$K4/errors.csv"
run "$FLASHFIX" check "$K4"
is "$rc" 1 "a 1 MB field: checked, refused"
like "$out" "errors.csv:$el:[0-9]+: error: this value is 1048576 bytes long; a value holds at most 65536 bytes" \
	"and located, with the bound"
K5=$T/kb5
cp -r "$DATA" "$K5"
last=$(($(wc -l <"$K5/errors.csv") + 100000))
awk 'BEGIN { for (i = 0; i < 100000; i++)
	printf "gen-%d,mtk,hardware,,Generated error %d,,,cause,,,,,,vendor-tool,test\n", i, i }' \
	>>"$K5/errors.csv"
run "$FLASHFIX" check "$K5"
ok "$([ "$rc" -le 1 ]; echo $?)" "100,000 rows: checked, no crash (exit $rc)"
like "$out$err" "invalid: 100[0-9][0-9][0-9] errors" "and all of them read"
like "$out$err" "errors.csv:[0-9]+:1: error: error .gen-0. has no fixes" "the first at its line"
is "$(printf '%s\n' "$out" | grep -c 'has no fixes')" 1000 "the first 1,000 errors shown"
like "$out$err" "flashfix: [0-9]{6} more problems are not shown; mend the ones above first" \
	"the others counted in one line"
# A 1,000,000-row base: refused at once, in one line, before parsing.
K9=$T/kb9
cp -r "$DATA" "$K9"
awk 'BEGIN { for (i = 0; i < 1000000; i++) printf "g%d,mtk,hardware,,E%d,,,c,,,,,,vendor-tool,t\n", i, i }' \
	>>"$K9/errors.csv"
start=$(date +%s)
run "$FLASHFIX" check "$K9"
took=$(($(date +%s) - start))
is "$rc" 1 "1,000,000 rows: refused"
like "$out" "errors.csv: error: file has 10[0-9]{5} lines; a knowledge-base file holds at most 500000" \
	"said with the bound"
is "$(printf '%s\n' "$out" | wc -l)" 1 "once"
[ "$took" -le 5 ]; ok $? "at once (${took} s)"
rm -rf "$K9"
{
	answers platform=1 version=1
	head -c 1048576 /dev/zero | tr '\0' 'x' # the error: 1 MB of x
	printf '\n'
	answers pick=1 step=y detail= detail= detail=
} | "$FLASHFIX" --plain --state-dir "$T/s5" >"$T/out" 2>"$T/err"
is "$?" 0 "a 1 MB answer: the session runs to its end"
run "$FLASHFIX" history --json --state-dir "$T/s5"
is "$(printf '%s' "$out" | "$JSONCHECK" 0.outcome)" fixed "and is recorded"

done_testing
