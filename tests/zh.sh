#!/bin/sh
# zh.sh: the Chinese interface has no English left in it where the engineer
# reads: the outcome on exit, history's outcome column, the report's step
# levels, and the error of an unfinished session on the resume list.
. "${top_srcdir:-.}/tests/lib.sh"
locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$' ||
	skip_all "zh_CN.UTF-8 locale not installed"
. "$top_srcdir/tests/tmux.sh"

ZH="env LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 LANGUAGE=zh_CN"
S=$T/state

# A session fixed at step 2, from a script.
answers platform=2 version=2.0.11 error='Sahara communication failed' \
	pick=1 step=n step=y detail= detail= detail= |
	$ZH "$FLASHFIX" --plain --engineer ana --state-dir "$S" >"$T/out" 2>"$T/err"
is "$?" 0 "zh_CN: a session from a script, exit 0"
like "$(cat "$T/out")" "已记录为 [0-9a-f-]+，保存在 .*（已解决）。" \
	"the outcome on exit in Chinese"
hasnt "$(cat "$T/out")" "(fixed)" "not the English key"
id=$("$FLASHFIX" history --json --state-dir "$S" | "$JSONCHECK" 0.id)

# history in text: the outcome column in Chinese; JSON keeps the keys.
out=$($ZH "$FLASHFIX" history --state-dir "$S")
like "$out" "^$id  .*  已解决 +sahara  " "history: the outcome in Chinese"
hasnt "$out" "  fixed  " "history: not the English word"
is "$($ZH "$FLASHFIX" history --json --state-dir "$S" | "$JSONCHECK" 0.outcome)" \
	fixed "history --json: the key, as scripts read it"

# The report: step levels by their Chinese labels.
out=$($ZH "$FLASHFIX" report "$id" --state-dir "$S")
like "$out" "1\. 更新工具，|1\. 更新工具, " "report: step 1's level in Chinese"
hasnt "$out" "1. update," "report: not the level key"
out=$($ZH "$FLASHFIX" report "$id" --format markdown --state-dir "$S")
like "$out" "\(更新工具" "report as Markdown: the level in Chinese"
is "$($ZH "$FLASHFIX" report "$id" --format json --state-dir "$S" | "$JSONCHECK" steps.0.level)" \
	update "report as JSON: the level key"

# An unfinished session: the resume list names its error in Chinese.
tstart 80x24 "LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 LANGUAGE=zh_CN $FLASHFIX --engineer ana --state-dir $S"
screen_has "手机是哪个平台" "the wizard in Chinese"
keys 2 End Enter "Sahara" Enter
screen_has "原因：" "on the cause"
tstop
tstart 80x24 "LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 LANGUAGE=zh_CN $FLASHFIX --engineer ana --state-dir $S"
screen_has "> 1\) Sahara通信失败" "resume list: the error in Chinese"
hasnt "$screen" "Sahara communication failed" "resume list: not its English name"
keys q
screen_has "EXIT=0" "quit"

done_testing
