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

# No English where the base itself speaks Chinese: 高通 in the platform
# list and in lookup, full-width punctuation between Chinese items, the
# kinds of source in Chinese, one word for "escalated", and stats naming
# families and levels, not their ids.
Z=$T/zh16
printf '%s\n' 2 2.0.11 'Sahara communication failed' 1 i n n n '' '' '' n |
	$ZH "$FLASHFIX" --plain --engineer ana --state-dir "$Z" >"$T/out" 2>"$T/err"
out=$(cat "$T/out")
has "$out" "  2) 高通" "zh_CN: the platform list says 高通"
hasnt "$out" "Qualcomm" "and no Qualcomm anywhere in the session"
has "$out" "y = 已解决，n = 未解决，s = 此处无法操作，b = 返回" "a step's keys, full-width commas"
hasnt "$out" "已解决, n" "no half-width comma between them"
has "$out" "出处：厂商 FAQ（海外刷机工具 FAQ，2020-10-21）" "i: the kind of source in Chinese"
hasnt "$out" "vendor FAQ" "not the English kind"
has "$out" "（已上报总部）" "escalated: 已上报总部"
hasnt "$out" "升级" "never 升级 for it"
out=$($ZH "$FLASHFIX" lookup 4009)
has "$out" "[wcsm-4009] MTK、高通；" "lookup: both platforms in Chinese"
hasnt "$out" "Qualcomm" "lookup: no Qualcomm"
out=$($ZH "$FLASHFIX" stats --state-dir "$Z")
has "$out" "高通：Sahara（编程器上传）" "stats: the family by its Chinese name"
has "$out" "更新工具" "stats: the step's level by its Chinese name"
has "$out" "已上报 1" "stats: escalated as 已上报"
hasnt "$out" "qcom-sahara" "stats: not the family's id"
like "$("$FLASHFIX" stats --state-dir "$Z")" "qcom-sahara" "in English stats keeps the id"

done_testing
