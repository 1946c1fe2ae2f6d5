#!/bin/sh
# kb-audit.sh: the third audit of the knowledge base (#21), through the
# command line and the line-mode wizard, as an engineer meets it.
. "${top_srcdir:-.}/tests/lib.sh"

S=$T/state
ZH="env LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 LANGUAGE=zh_CN"
L() { "$FLASHFIX" lookup --json --limit 3 "$@"; }
# F QUERY PATH: one field of the first answer's JSON.
F() { L "$1" | "$JSONCHECK" "$2"; }

# The general steps check the software package, after power and before
# the board is replaced; the battery is unplugged, not taken apart.
answers platform=3 version=5 error='the screen went purple' pick=1 \
	step=n step=n step=n step=n step=n step=n step=n step=e \
	detail= detail= detail= |
	"$FLASHFIX" --plain --state-dir "$S" >"$T/out" 2>&1
out=$(cat "$T/out")
like "$out" "Step 6 of 8 \\(package\\): Check the software package" \
	"general steps: step 6 checks the software package"
like "$out" "Step 5 of 8 \\(power\\)" "after the power step"
like "$out" "Step 7 of 8 \\(hardware\\)" "and before the board is replaced"
like "$out" "right one for the phone's" "the right package for the model"
is "$("$FLASHFIX" history --json --state-dir "$S" | "$JSONCHECK" 0.steps.5.level)" \
	package "the record says the package step was tried"
answers platform=3 version=5 error='the screen went purple' pick=1 \
	step=n step=n step=n step=n step=n step=n step=n step=e \
	detail= detail= detail= |
	$ZH "$FLASHFIX" --plain --state-dir "$S" >"$T/out" 2>&1
out=$(cat "$T/out")
has "$out" "第 6 步，共 8 步（软件包）：检查软件包" "zh_CN: the package step"
has "$out" "尝试断开（拔下）电池再刷机" "zh_CN: the battery is unplugged"
hasnt "$out" "拆开电池" "not taken apart"
has "$out" "上报总部。" "zh_CN: the escalate step says 上报总部"
hasnt "$out" "升级给总部" "not 升级给总部"
done_testing
