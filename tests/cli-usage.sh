#!/bin/sh
# cli-usage.sh: one rule for every command's options and operands (the
# command table in main.c): an option that does not apply, or operands a
# command does not take, exit 2 with a message and a hint; what applies
# is taken.  And an installed flashfix reads only its installed data.
. "${top_srcdir:-.}/tests/lib.sh"

S=$T/state
# usage ARGS... / DESCRIPTION: exits 2, says why, points to --help.
usage() {
	desc=$1
	shift
	run "$FLASHFIX" --state-dir "$S" "$@"
	is "$rc" 2 "$desc: exit 2"
	like "$err" "Try 'flashfix --help'" "$desc: a hint"
}

usage "history with an operand" history bogus
like "$err" "history takes no operands" "history bogus: what it takes"
usage "stats with an operand" stats x
usage "check with two directories" check a b
usage "lookup without text" lookup
like "$err" "lookup takes the error text" "lookup: what it takes"
usage "report with two ids" report a b
usage "an unknown command" frobnicate
like "$err" "unknown command 'frobnicate'" "the unknown command is named"
usage "check --json" check --json
like "$err" "--json does not apply to check" "check --json: which option, which command"
usage "lookup --format" lookup --format json 4009
like "$err" "--format does not apply to lookup" "lookup --format: named"
usage "history --limit" history --limit 3
usage "stats --last" stats --last
usage "the wizard --json" --json --plain
like "$err" "--json does not apply to the wizard" "the wizard: named"
usage "--since 2026-02-30" stats --since 2026-02-30
like "$err" "2026-02-30" "the bad date is quoted"
usage "--since 2026-13-01" stats --since 2026-13-01

usage "lookup --limit with no value" lookup --limit
like "$err" "option '--limit' needs a value" "--limit at the end: its value is missing, the command word is not it"
usage "--limit 0" lookup --limit 0 4009
like "$err" "--limit takes a number from 1 to 1000, not '0'" "--limit 0: the range said"
usage "--platform arm" scan --platform arm
like "$err" "--platform takes mtk or qcom, not 'arm'" "--platform arm: named"
usage "report --format pdf" report --format pdf --last
like "$err" "--format takes text, markdown, json or csv, not 'pdf'" "report --format: its four"
usage "export --format markdown" export --format markdown
like "$err" "--format takes csv or jsonl for export" "export --format: its two"
usage "--lang fr" --lang fr history
like "$err" "--lang takes en, zh or both, not 'fr'" "--lang fr: named"

# --help is made from the commands' entries: each command's options under
# its name, the common ones once.
run "$FLASHFIX" --help
is "$rc" 0 "--help: exit 0"
sec() { printf '%s\n' "$out" | awk -v h="$1" '$0 == h { on = 1; next } on && /^$/ { exit } on'; }
like "$(sec 'Options for scan:')" "--platform P +only errors seen on P" "scan's --platform under scan"
like "$(sec 'Options for scan:')" "--exit-on-error" "and its --exit-on-error"
hasnt "$(sec 'Options for scan:')" "--limit" "lookup's --limit is not scan's"
like "$(sec 'Options for lookup:')" "--limit N +at most N matches" "lookup's --limit under lookup"
like "$(sec 'Options for the wizard:')" "--resume\[=ID\]" "the wizard's --resume[=ID]"
is "$(printf '%s\n' "$out" | grep -c '^Options for check')" 0 "check, which has no options of its own, has no section"
like "$(sec 'Commands:')" "scan \[FILE\]\.\.\. +the decisive error" "the commands, with their operands"
run "$FLASHFIX" frobnicate --help
is "$rc" 0 "--help answers whatever the command word"
has "$out" "Commands:" "an unknown word: the whole help"
# A command's --help: its usage and its own options, then the common ones.
run "$FLASHFIX" scan --help
is "$rc" 0 "scan --help: exit 0"
has "$out" "Usage: flashfix [OPTION]... scan [FILE]..." "scan --help: its usage"
has "$(sec 'Options for scan:')" "--exit-on-error" "with its own options"
has "$out" "--state-dir DIR" "and the common ones"
hasnt "$out" "Options for lookup:" "not another command's"
hasnt "$out" "Commands:" "not the list of commands"
run "$FLASHFIX" --help history
has "$out" "flashfix history: list the recorded sessions" "--help before the command word: the same"

# What applies is taken, before or after the command word.
run "$FLASHFIX" --limit 1 --state-dir "$S" lookup 4009
is "$rc" 0 "lookup's --limit before the command word"
is "$(printf '%s\n' "$out" | grep -c '^[0-9]\. ')" 1 "and taken: one match"
run "$FLASHFIX" --state-dir "$S" history --json
is "$rc/$out" "0/[]" "history --json applies"
run "$FLASHFIX" --json --state-dir "$S" stats
is "$rc" 0 "stats --json applies, before the command word too"
like "$out" '"sessions":0' "and prints JSON"
run "$FLASHFIX" --state-dir "$S" stats --since 2024-02-29
is "$rc" 0 "--since 2024-02-29 (a leap day) is a date"
run "$FLASHFIX" lookup --limit 1 --platform qualcomm Sahara communication failed
is "$rc" 0 "lookup --limit --platform apply"
like "$out" "Sahara communication failed" "and find"

# The line mode speaks the language asked for: both is both.
answers platform=2 version=2.0.11 error='Sahara communication failed' \
	pick=1 step=y detail= detail= detail= |
	"$FLASHFIX" --plain --lang both --state-dir "$S" >"$T/out" 2>&1
has "$(cat "$T/out")" "Sahara communication failed." "--plain --lang both: English"
has "$(cat "$T/out")" "Sahara通信失败" "--plain --lang both: Chinese too"

# The records file has the stage column; a finished record leaves it empty.
is "$(head -n 1 "$S/records.csv")" \
	"id,started,finished,engineer,host,model,serial,platform,tool_version,query,error_id,outcome,fixed_at_step,steps,stage,log,tool,family,kb,flashfix,account" \
	"the records header: the stage, the log, then who answered"
# A records file of the earlier layout (no stage column) is still read
# and appended to in its own columns.
O=$T/old.csv
printf '%s\n' 'id,started,finished,engineer,host,model,serial,platform,tool_version,query,error_id,outcome,fixed_at_step,steps' \
	'"6b0d0000-1","2026-11-01T10:00:00+0000","2026-11-01T10:05:00+0000","ana","h","","","mtk","","DL system ERR","dl-system-err","fixed","1","1 power fixed 2026-11-01T10:04:00+0000"' >"$O"
answers platform=1 version=1 error='DL system ERR' pick=1 step=y \
	detail= detail= detail= |
	"$FLASHFIX" --plain --records "$O" --state-dir "$S" >/dev/null 2>&1
is "$?" 0 "a session appended to a records file of the earlier layout"
is "$(awk -F'","' 'NR > 1 { print NF }' "$O" | sort -u)" 14 \
	"every record there in its 14 columns"
run "$FLASHFIX" history --json --records "$O" --state-dir "$S"
is "$(printf '%s' "$out" | "$JSONCHECK" '#')" 2 "and both read back"
is "$(printf '%s' "$out" | "$JSONCHECK" 1.outcome)" fixed "the old one with its outcome"

# An installed flashfix (here: the program copied out of its build tree)
# reads its installed knowledge base, never the source tree's.
cp "$FLASHFIX" "$T/flashfix-installed"
run "$T/flashfix-installed" lookup 4009
if [ -f "$pkgdatadir/errors.csv" ]; then
	is "$rc" 0 "installed: the installed base answers"
	ok 0 "# SKIP flashfix is installed in $pkgdatadir on this machine"
else
	is "$rc" 3 "installed, with no installed base: exit 3"
	has "$err" "$pkgdatadir" "and the installed data directory is named"
fi
hasnt "$err$out" "$top_srcdir/data" "the source tree's data is never used"
run env FLASHFIX_DATA="$DATA" "$T/flashfix-installed" lookup --limit 1 4009
is "$rc" 0 "installed, FLASHFIX_DATA still chooses a base"
like "$out" "WCSM code" "and it answers from it"

# --version names the knowledge base in use and a digest of its files.
run "$FLASHFIX" --version
is "$rc" 0 "--version: exit 0"
like "$out" "^flashfix [0-9]" "--version: the program's version first"
like "$out" "Knowledge base: $(cd "$top_srcdir/data" && pwd -P) \(digest [0-9a-f]{16}\)" "--version: the base in use, with its digest"
d1=$(printf '%s\n' "$out" | sed -n 's/.*digest \([0-9a-f]*\).*/\1/p')
K=$T/kbcopy
mkdir -p "$K" && cp "$top_srcdir"/data/*.csv "$K"/
run "$FLASHFIX" --data "$K" --version
is "$(printf '%s\n' "$out" | sed -n 's/.*digest \([0-9a-f]*\).*/\1/p')" "$d1" "--data: a copy of the same files, the same digest"
printf '\n' >>"$K/fixes.csv"
run "$FLASHFIX" --data "$K" --version
d2=$(printf '%s\n' "$out" | sed -n 's/.*digest \([0-9a-f]*\).*/\1/p')
[ -n "$d2" ] && [ "$d2" != "$d1" ]; ok $? "one byte more in a file: another digest ($d2)"
run "$FLASHFIX" --data "$T/nowhere" --version
is "$rc" 0 "a base that cannot be read: --version still answers"
like "$out" "Knowledge base: cannot be read \(.*nowhere/errors.csv" "and says which file is missing"

# One rule: a base that cannot be used is 3 for check as for --data; an
# empty --output is wrong usage, as an empty --records.
run "$FLASHFIX" check "$T/no-such-dir"
is "$rc" 3 "check on a directory that does not exist: 3, as --data"
like "$out" "no-such-dir/errors.csv: error: cannot open" "saying which file"
run "$FLASHFIX" --data "$T/no-such-dir" lookup 4009
is "$rc" 3 "--data on it: 3 too"
mkdir -p "$T/badkb" && cp "$DATA"/*.csv "$T/badkb/" && printf 'oops\n' >>"$T/badkb/errors.csv"
run "$FLASHFIX" check "$T/badkb"
is "$rc" 1 "check on a base with a bad row: 1 (invalid data)"
run "$FLASHFIX" report --last --output ""
is "$rc" 2 "--output '': wrong usage"
like "$err" "--output takes a file" "saying what it takes"

# The help names where to read more, and every variable that moves the
# records: XDG_STATE_HOME among them.
run "$FLASHFIX" --help
like "$out" "(home page: <[a-z]+://[^>]+>|Home page: the README,\$)" "--help: a home-page line"
like "$out" "(home page: <|^  /[^ ]*/README\.md\$)" "naming where the README is"
like "$out" "XDG_STATE_HOME \(else HOME\)" "--help: XDG_STATE_HOME in the environment"
# (but for the README's path, which is as long as the prefix it was
# installed under, on a line of its own)
is "$(printf '%s\n' "$out" | grep -v '^  /.*/README\.md$' | awk 'length > 80' | head -n 3)" "" \
	"--help: no line wider than 80 columns"

# No home: records never land under the current directory.
mkdir -p "$T/cwd"
for cmd in history stats export "report --last"; do
	(cd "$T/cwd" && env -u HOME -u XDG_STATE_HOME -u FLASHFIX_STATE_DIR "$FLASHFIX" $cmd) >"$T/out" 2>"$T/err"
	is "$?" 3 "HOME unset: $cmd refuses (3)"
	like "$(cat "$T/err")" "HOME is not set.*set HOME, or give --state-dir" "and says to set HOME or give --state-dir"
done
answers platform=2 version=2.0.11 error='Sahara communication failed' pick=1 step=y \
	detail=ana detail= detail= >"$T/answers"
(cd "$T/cwd" && env -u HOME -u XDG_STATE_HOME -u FLASHFIX_STATE_DIR "$FLASHFIX" --plain <"$T/answers") >"$T/out" 2>"$T/err"
is "$?" 3 "HOME unset: the wizard refuses before its first question"
like "$(cat "$T/err")" "set HOME, or give --state-dir DIR" "saying what to do"
is "$(ls -A "$T/cwd")" "" "and nothing is written under the current directory"
(cd "$T/cwd" && env -u HOME -u XDG_STATE_HOME -u FLASHFIX_STATE_DIR "$FLASHFIX" --plain --state-dir "$T/nohome" <"$T/answers") >"$T/out" 2>"$T/err"
is "$?" 0 "HOME unset with --state-dir: the session runs"
[ -s "$T/nohome/records.csv" ]; ok $? "and is recorded in the directory given"
(cd "$T/cwd" && env -u HOME -u FLASHFIX_STATE_DIR XDG_STATE_HOME="$T/xdg" "$FLASHFIX" --plain <"$T/answers") >"$T/out" 2>"$T/err"
is "$?" 0 "HOME unset, XDG_STATE_HOME set: the session runs"
[ -s "$T/xdg/flashfix/records.csv" ]; ok $? "and is recorded under XDG_STATE_HOME"
is "$(ls -A "$T/cwd")" "" "still nothing under the current directory"
if locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; then
	(cd "$T/cwd" && env -u HOME -u XDG_STATE_HOME -u FLASHFIX_STATE_DIR LC_ALL=zh_CN.UTF-8 "$FLASHFIX" history) >"$T/out" 2>"$T/err"
	like "$(cat "$T/err")" "请设置 HOME，或用 --state-dir" "HOME unset, in Chinese: what to do"
	run env LC_ALL=zh_CN.UTF-8 "$FLASHFIX" --help
	like "$out" "XDG_STATE_HOME（没有时用 HOME）" "--help in Chinese: XDG_STATE_HOME"
	like "$out" "主页：" "and the home page"
else
	ok 0 "# SKIP zh_CN.UTF-8 locale not installed"
fi

done_testing
