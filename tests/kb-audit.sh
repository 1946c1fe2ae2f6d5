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
if locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; then
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
else
	for i in 1 2 3 4 5; do ok 0 "# SKIP zh_CN.UTF-8 locale not installed"; done
fi
# Every format step warns to back up NVRAM first, in both languages; the
# step that flashes the preloader warns it can brick the phone.
for c in 'S_FT_ENABLE_DRAM_FAIL mtk-dram-enable 5' \
	'S_DL_GET_DRAM_SETTING_FAIL (5054) mtk-dram-setting 2' \
	'S_FT_FORMAT_FAIL mtk-download-format 0' \
	'STATUS_MMC_ERR mtk-storage-rw 1' \
	'No valid partition table for NAND Flash! mtk-download-no-partition-table 3'; do
	k=${c##* }; c=${c% *}; id=${c##* }; q=${c% *}
	is "$(F "$q" 0.id)" "$id" "$q: $id"
	like "$(F "$q" "0.fixes.$k.action_en")" "[Ff]ormat" "$id: step $((k + 1)) formats"
	like "$(F "$q" "0.fixes.$k.action_en")" "[Bb]ack up NVRAM \\(IMEI, calibration\\) first" \
		"$id: and warns to back up NVRAM first"
	has "$(F "$q" "0.fixes.$k.action_zh")" "先备份 NVRAM（IMEI、校准数据" \
		"$id: in Chinese too"
done
q='STATUS_PRELOADER_INVALID (0xC0030004)'
is "$(F "$q" 0.id)" mtk-image-preloader "$q: the preloader error"
like "$(F "$q" 0.fixes.0.action_en)" "tick the preloader.*can brick the phone" \
	"the step that flashes the preloader warns of a brick"
has "$(F "$q" 0.fixes.0.action_zh)" "变砖" "in Chinese too"
q='S_FT_ENABLE_DRAM_FAIL'
like "$(F "$q" 0.fixes.1.action_en)" "preloader from the original firmware.*can brick the phone" \
	"$q: its step that tries another preloader warns of a brick too"
has "$(F "$q" 0.fixes.1.action_zh)" "变砖" "in Chinese too"

# No valid partition table: SP Flash Tool's own order, Download Only first,
# Firmware Upgrade, the format last.
q='No valid partition table for NAND Flash!'
like "$(F "$q" 0.fixes.0.action_en)" '^Select "Download Only" first' \
	"no partition table: Download Only first, as the tool's tip says"
like "$(F "$q" 0.fixes.0.source)" "ErrorLookup.cpp" "from the tool's tip"
like "$(F "$q" 0.fixes.1.action_en)" "Firmware Upgrade" "then Firmware Upgrade"
is "$(F "$q" 0.fixes.#)" 4 "four steps"
like "$(F "$q" 0.fixes.3.action_en)" "Format All \\+ Download" "the format last"
hasnt "$(F "$q" 0.fixes.0.action_en)$(F "$q" 0.fixes.1.action_en)$(F "$q" 0.fixes.2.action_en)" \
	"Format All" "and no earlier step formats"

# DAA 0x7017: the message as the tool prints it, the auth file first.
for q in 'SEC: An auth file is needed to continue (code: 0x7017)' \
	'Preloader/Brom error: SEC: An auth file is needed to continue (code: 0x7017)' \
	'DAA_Security_Error'; do
	is "$(F "$q" 0.id)" mtk-auth-daa-security "DAA from: $q"
done
q='SEC: An auth file is needed to continue (code: 0x7017)'
is "$(F "$q" 0.error_en)" "$q" "its message is the tool's output"
like "$(F "$q" 0.source)" "^penumbra error.rs" "from the tool's source"
is "$(F "$q" 0.fixes.0.level)" auth "the first step is an authorisation"
like "$(F "$q" 0.fixes.0.action_en)" "^Load the auth file for this model" \
	"the auth file, as the maintainer answered"
like "$(F "$q" 0.fixes.0.source)" "penumbra issue #88" "with the thread"

# edl's Sahara words, one place off its status enum (edl #89): recognised
# as edl prints them, the cause says the status behind them.
q='Error: Invalid tranmission length'
is "$(F "$q" 0.id)" qcom-sahara-status-9 "edl's misspelt words for status 9"
like "$(F "$q" 0.cause_en)" "status 9, an invalid image type" "explained as status 9"
like "$(F "$q" 0.source)" "edl issue #89" "with the thread that found the shift"
has "$(F "$q" 0.error_zh)" "镜像类型无效" "zh_CN: an invalid image type"
hasnt "$(F "$q" 0.error_zh)" "传输长度" "not a transmission length"
q='Error: Failed to authenticate generic image'
is "$(F "$q" 0.id)" qcom-auth-image "edl's words for status 0x24"
like "$(F "$q" 0.cause_en)" "0x24, the target failing to initialise" \
	"explained as a target that failed to initialise"
like "$(F "$q" 0.cause_en)" "Neither is an authentication failure" "not as authentication"
is "$(F "$q" 0.family)" qcom-sahara "so a Sahara problem, not an authorisation one"
for c in 'Error: Protocol mismatch between host and target 0x01' \
	'Error: General transmission or reception error 0x0B' \
	'Error: Cannot receive specified number of program headers 0x0D' \
	'Error: Invalid ELF header received 0x13' \
	'Error: Timeout while receiving data 0x15' \
	'Error: Failed to verify hash for a given segment of ELF image 0x21'; do
	st=${c##* }; q=${c% *}
	like "$(F "$q" 0.cause_en)" "status $st" "$q: the cause names status $st"
done

# Steps that get around security say they are outside the vendor's process
# and come after every step that is inside it.
for c in 'STATUS_SEC_AUTH_FILE_NEEDED:2' 'ERROR : STATUS_SEC_IMG_VFY_FAIL (0xC0020007):2' \
	'TARGET SAID: ERROR: Only nop and sig tag can be received before authentication.:2'; do
	k=${c##*:}; q=${c%:*}
	n_=$(F "$q" 0.fixes.#)
	is "$n_" $((k + 1)) "$q: $((k + 1)) steps"
	like "$(F "$q" "0.fixes.$k.action_en")" "^Outside the vendor's process" \
		"$q: the last step says it is outside the vendor's process"
	has "$(F "$q" "0.fixes.$k.action_zh")" "不属于厂商流程" "in Chinese too"
	hasnt "$(for i in $(seq 0 $((k - 1))); do F "$q" "0.fixes.$i.action_en"; done)" \
		"Outside the vendor's" "and no step before it is"
done
q='ERROR : STATUS_SEC_IMG_VFY_FAIL (0xC0020007)'
like "$(F "$q" 0.fixes.1.action_en)" "vendor's tool and account" \
	"the authorised service before the bootloader unlock"
like "$(F "$q" 0.fixes.2.action_en)" "unlock the bootloader" "the unlock last"
q='Sahara communication failed'
is "$(L "$q" | "$JSONCHECK" 1.id)" qcom-sahara-msm "MsmDownloadTool's Sahara entry"
like "$(L "$q" | "$JSONCHECK" 1.fixes.3.action_en)" \
	"^Outside the vendor's process.*with edl instead of the vendor's tool" \
	"edl instead of the vendor's tool: said to be outside its process, last"

done_testing
