#!/bin/sh
# cli-lookup.sh: flashfix lookup as a user types it, and the options every
# command shares.
. "${top_srcdir:-.}/tests/lib.sh"

# The first id of a lookup, as JSON.
first() {
	"$FLASHFIX" lookup --json --limit 3 "$@" | "$JSONCHECK" 0.id
}

# Every message of the seed, verbatim, finds its error first.
while IFS='	' read -r id text; do
	case $id in '#'*|'') continue ;; esac
	is "$(first "$text")" "$id" "seed message finds $id: $text"
done <"$top_srcdir/tests/fixtures/seed-messages.tsv"

# Codes, log lines, full width, case and spacing, typos, part, Chinese.
while IFS='	' read -r id text; do
	case $id in '#'*|'') continue ;; esac
	is "$(first "$text")" "$id" "finds $id from: $text"
done <"$top_srcdir/tests/fixtures/queries.tsv"

# ANSI colour in pasted text is noise.
is "$(first "$(printf '\033[1;31mDL system ERR\033[0m')")" dl-system-err \
	"ANSI colour escapes are ignored"

# Nothing matches: exit 1 and a message, nothing on stdout.
for q in "banana keyboard weather" \
	"2020-08-04 10:42:13 [INFO] Download started on COM5, please wait" \
	"[12:01:33] Searching for devices... 2 ports open"; do
	run "$FLASHFIX" lookup "$q"
	is "$rc" 1 "no match exits 1: $q"
	like "$err" "no known error matches" "no match says so: $q"
	is "$out" "" "no match prints nothing on stdout: $q"
done
run "$FLASHFIX" lookup --json "banana keyboard"
is "$rc/$out" "1/[]" "no match in JSON: an empty array, exit 1"

# The shared message: both errors, and how to tell them apart.
run "$FLASHFIX" lookup "Incorrect verification code"
is "$rc" 0 "shared message exits 0"
like "$out" "verify-code-old-tool" "shared message lists the old-tool error"
like "$out" "wcsm-3003" "shared message lists WCSM 3003"
like "$out" "To tell them apart" "shared message says how to tell apart"
is "$(first "WCSM code 3003")" wcsm-3003 "the code tells them apart"

# JSON shape.
run "$FLASHFIX" lookup --json --limit 2 "Sahara communication failed"
printf '%s' "$out" | "$JSONCHECK"
ok $? "JSON output parses"
for key in id score platforms error_en error_zh cause_en cause_zh fixes; do
	printf '%s' "$out" | "$JSONCHECK" "0.$key" >/dev/null
	ok $? "JSON has $key"
done
is "$(printf '%s' "$out" | "$JSONCHECK" 0.fixes.#)" 3 "sahara has 3 fixes"
for key in step level action_en action_zh; do
	printf '%s' "$out" | "$JSONCHECK" "0.fixes.0.$key" >/dev/null
	ok $? "a fix has $key"
done
is "$(printf '%s' "$out" | "$JSONCHECK" 0.fixes.0.level)" update \
	"the first fix of sahara is the tool update"
is "$(printf '%s' "$out" | "$JSONCHECK" 0.error_zh)" "Sahara通信失败" \
	"JSON carries the Chinese message as UTF-8"
run "$FLASHFIX" lookup --json --limit 1 4026
is "$(printf '%s' "$out" | "$JSONCHECK" 0.escalate_en | cut -c1-12)" \
	"A screenshot" "JSON carries what HQ needs"

# --limit and --platform.
run "$FLASHFIX" lookup --json --limit 1 "WCSM code"
is "$(printf '%s' "$out" | "$JSONCHECK" '#')" 1 "--limit 1 gives one result"
is "$(first --platform mtk "Firehose GetUfsInfo")" "" \
	"--platform mtk hides a Qualcomm-only error"
is "$(first --platform qcom "Firehose GetUfsInfo")" firehose-ufs \
	"--platform qcom keeps it"

# Options before or after the command word, and FLASHFIX_DATA.
cp -r "$DATA" "$T/kb"
run "$FLASHFIX" --data "$T/kb" lookup 4009
a=$out
run "$FLASHFIX" lookup --data "$T/kb" 4009
is "$out" "$a" "--data before and after the command mean the same"
run env FLASHFIX_DATA=/nonexistent "$FLASHFIX" lookup 4009
is "$rc" 3 "FLASHFIX_DATA is used (a missing base fails with 3)"
like "$err" "/nonexistent/errors.csv: error: cannot open" \
	"a missing base names the file"
run env FLASHFIX_DATA=/nonexistent "$FLASHFIX" --data "$T/kb" lookup 4009
is "$rc" 0 "--data overrides FLASHFIX_DATA"

# Languages and wrapping.
run "$FLASHFIX" lookup --lang zh --limit 1 4009
like "$out" "将手机对应信息添加白名单" "--lang zh shows the Chinese fix"
run "$FLASHFIX" lookup --lang both --limit 1 4009
like "$out" "whitelist" "--lang both shows English"
like "$out" "白名单" "--lang both shows Chinese"
run env LC_ALL=C "$FLASHFIX" lookup --lang zh --limit 1 4009
like "$out" "whitelist" "the C locale falls back to English"
like "$out" "Cause:" "the C locale prints the entry"
printf '%s' "$out" | LC_ALL=C grep -q '[^ -~]'
ok $((! $?)) "the C locale prints ASCII only"
run env LC_ALL=zh_CN.UTF-8 "$FLASHFIX" lookup --limit 1 4009
if locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; then
	like "$out" "原因：" "a zh_CN locale speaks Chinese (gettext)"
else
	ok 0 "# SKIP zh_CN.UTF-8 locale not installed"
fi
run env COLUMNS=40 "$FLASHFIX" lookup --lang zh --limit 1 sahara
long=$(printf '%s\n' "$out" | while IFS= read -r l; do
	w=$(printf '%s' "$l" | wc -L)
	[ "$w" -gt 40 ] && echo "$w"
done)
is "$long" "" "COLUMNS=40: no line wider than 40 columns, Chinese too"
# But a download link is never cut: wider than the line, on its own line,
# so that it can be copied (the terminal wraps it).
run env COLUMNS=80 "$FLASHFIX" lookup --lang en --limit 1 "Winsock 12045"
like "$out" "^ +https://fileload-coloros-com\.s3-ap-southeast-1\.amazonaws\.com/24544DownloadTool_V1936\.91_3\.exe\$" \
	"COLUMNS=80: a link longer than the line stays whole on its own line"
like "$out" "^ +1\. \(tool update\) Use the special tool versions" "with its step's text"

# Hostile text in the query is escaped on the way out.
run "$FLASHFIX" lookup "$(printf 'zzz\033]52;c;aGk=\007qqq')"
has "$err" 'zzz\x1B]52;c;aGk=\x07qqq' "the query is quoted back, escaped"
hasnt "$err" "$(printf '\033')" "an escape sequence in the query does not reach the terminal"

# Usage errors: exit 2 with a hint.
run "$FLASHFIX" lookup
is "$rc" 2 "lookup without text exits 2"
run "$FLASHFIX" lookup --limit 0 x
is "$rc" 2 "--limit 0 exits 2"
like "$err" "Try 'flashfix --help'" "a usage error points to --help"
run "$FLASHFIX" lookup --platform nokia x
is "$rc" 2 "--platform nokia exits 2"
run "$FLASHFIX" --frobnicate
is "$rc" 2 "an unknown option exits 2"
like "$err" "unknown option '--frobnicate'" "and names it"
run "$FLASHFIX" lookup --limit
is "$rc" 2 "an option without its value exits 2"
run "$FLASHFIX" teleport
is "$rc" 2 "an unknown command exits 2"
run "$FLASHFIX" --lang xx lookup x
is "$rc" 2 "--lang xx exits 2"

# --help and --version (GNU style: stdout, exit 0).
run "$FLASHFIX" --help
is "$rc" 0 "--help exits 0"
like "$out" "^Usage: flashfix" "--help starts with Usage"
like "$out" "lookup TEXT" "--help lists lookup"
run "$FLASHFIX" --version
is "$rc" 0 "--version exits 0"
like "$out" "^flashfix [0-9]+\.[0-9]+" "--version gives name and number"
if [ -w /dev/full ]; then
	"$FLASHFIX" --help >/dev/full 2>"$T/err"
	rc=$?
	is "$rc" 3 "a write error on stdout is a failure"
	like "$(cat "$T/err")" "cannot write" "and says so"
fi

# A number stated as a status that is none of an error's codes speaks
# against it: mtkclient's upload_data failure with its own status is not
# DAA's signature check (0x7024), which only shares the word "upload".
run "$FLASHFIX" lookup "Preloader - [LIB]: upload_data failed with error: Unknown: 0x1d19"
is "$rc" 1 "a status that is no known error's code: no match, exit 1"
hasnt "$out" "DAA_SIG_VERIFY_FAILED" "not the error that shares a word"
like "$out$err" "[Nn]o known error" "and it says so"
# The same line with the status the threads report (0x1D18) is that error.
run "$FLASHFIX" lookup --json "Preloader - [LIB]: upload_data failed with error: Unknown: 0x1d18"
is "$rc" 0 "the status the threads name: a match"
is "$(printf '%s' "$out" | "$JSONCHECK" 0.id)" mtk-auth-upload-data-rejected "the preloader's refusal of the DA"
# "(code: 0x1d0d)": the bracket opens on "code", so the number is read bare
# and the sentence's words before it name no code system.
run "$FLASHFIX" lookup --json "Error on sending DA (code: 0x1d0d)"
is "$rc" 0 "a code in brackets after the sentence: a match"
is "$(printf '%s' "$out" | "$JSONCHECK" 0.id)" mtk-auth-sla-fail "the error whose code it is (SLA, 0x1D0D)"
is "$(printf '%s' "$out" | "$JSONCHECK" 0.matched_code)" true "named by its code"
run "$FLASHFIX" lookup --json "Failed to upload DA1: Preloader/Brom error: SEC: DAA signature verification failed (code: 0x7024)"
is "$rc" 0 "with the error's own code stated: a match"
is "$(printf '%s' "$out" | "$JSONCHECK" 0.id)" mtk-auth-daa-sig "the error whose code it is"

# A name cut from its prefix as a forum post writes it ("tool-STATUS:
# DA_HASH_MISMATCH 0xC0070004"): the word is in no message, one of its
# parts is, and the code counts as that error's.
run "$FLASHFIX" lookup --json "Sp flash tool-STATUS:DA_HASH_MISMATCH 0xC0070004"
is "$(printf '%s' "$out" | "$JSONCHECK" 0.id)/$(printf '%s' "$out" | "$JSONCHECK" 0.matched_code)" \
	mtk-da-hash/true "a name's part places the code: the error, by its code"
run "$FLASHFIX" lookup --json "ERROR : S_BROM_BBCHIP_HW_VER_INCORRECT (0x7E6)"
is "$(printf '%s' "$out" | "$JSONCHECK" 0.family)" mtk-image \
	"a name that is known is taken whole, not by its parts (brom)"

# The level of an answer: a known error on specific evidence, the
# family's own entry where the words name only the family, another
# tool's error where the line plainly is one.
level() {
	"$FLASHFIX" lookup --json --limit 1 "$@" | "$JSONCHECK" 0.level
}
is "$(level "Sahara communication failed")" specific \
	"a whole message: a specific error"
is "$(level "BROM ERROR : S_FT_ENABLE_DRAM_FAIL (0xFC0)")" specific \
	"a name and its code: a specific error"
is "$(level "Sahara failed: timed out")/$(first "Sahara failed: timed out")" \
	family/qcom-sahara "words that name only the family: its own entry"
run "$FLASHFIX" lookup "Sahara failed: timed out"
is "$rc" 0 "a family answer exits 0"
like "$out" "only the family" "the text output says it is the family only"
run "$FLASHFIX" lookup "Sahara communication failed"
like "$out" "Level: a known error" "the text output says a known error"
run "$FLASHFIX" lookup --json "<ID:0/003> FAIL! (Auth)"
is "$rc" 1 "another tool's error exits 1 (nothing the base knows)"
is "$(printf '%s' "$out" | "$JSONCHECK" 0.level)/$(printf '%s' "$out" |
	"$JSONCHECK" 0.tool)" other/Odin "JSON says level other and the tool"
run "$FLASHFIX" lookup "FAILED (remote: 'Partition flashing is not allowed')"
is "$rc" 1 "fastboot's error exits 1"
like "$out" "error of another tool" "the text output says it is another tool's error"
like "$out" "(fastboot)" "and names the tool"
is "$err" "" "and is no 'no match' message"
# Programs an MTK or Qualcomm thread names too: another tool's when the
# line names neither platform, the base's when it does.
run "$FLASHFIX" lookup --json "My device is stuck on fastboot mode."
is "$(printf '%s' "$out" | "$JSONCHECK" 0.level)/$(printf '%s' "$out" |
	"$JSONCHECK" 0.tool)" other/fastboot "a phone stuck in fastboot: fastboot's"
run "$FLASHFIX" lookup --json "E:failed to verify whole-file signature"
is "$(printf '%s' "$out" | "$JSONCHECK" 0.tool)" "Android recovery" \
	"recovery's signature check: Android recovery's"
run "$FLASHFIX" lookup --json "SP Flash Tool fails with S_FT_ENABLE_DRAM_FAIL, fastboot still works"
is "$(printf '%s' "$out" | "$JSONCHECK" 0.family)" mtk-dram \
	"fastboot beside an MTK tool's error: the MTK error"
# The Linux kernel's USB lines, with dmesg's stamp or without: the kernel's.
run "$FLASHFIX" lookup --json "[   86.480463] usb 2-3: device descriptor read/64, error -71"
is "$(printf '%s' "$out" | "$JSONCHECK" 0.level)/$(printf '%s' "$out" |
	"$JSONCHECK" 0.tool)" "other/Linux kernel (USB)" "dmesg's USB error: the kernel's"
run "$FLASHFIX" lookup --json "usb usb2-port3: unable to enumerate USB device"
is "$(printf '%s' "$out" | "$JSONCHECK" 0.tool)" "Linux kernel (USB)" "a hub port's: the kernel's"
run "$FLASHFIX" lookup --json --platform qcom "usb error: timeout"
is "$(printf '%s' "$out" | "$JSONCHECK" 0.level)" specific "'usb error:' is no kernel line: the base's (on Qualcomm)"
# A message both platforms' tools print, with no platform named: no
# answer, and the two errors the platform would choose between.
run "$FLASHFIX" lookup "usb.core.NoBackendError: No backend available"
is "$rc" 1 "pyusb's NoBackendError names no platform: no match"
has "$err" "MTK: mtk-brom-no-backend; Qualcomm: qcom-driver-no-backend" \
	"and lookup names each platform's error"
has "$err" "--platform mtk" "and says how to choose"
run "$FLASHFIX" lookup --platform mtk --json --limit 1 "usb.core.NoBackendError: No backend available"
is "$(printf '%s' "$out" | "$JSONCHECK" 0.id)" mtk-brom-no-backend "with --platform mtk: the MTK tools' error"
# Advice for a failure to come, and a step the tool takes on purpose, are
# no errors; the same words reporting a failure are.
run "$FLASHFIX" lookup 'firehose_client - [LIB]: No --memory option set, we assume "eMMC" as default ..., if it fails, try using "--memory" with "UFS","NAND" or "spinor" instead !'
is "$rc" 1 "edl's advice 'if it fails, try --memory': no error"
like "$err" "no known error matches" "and it says so"
run "$FLASHFIX" lookup --json 'Memory type was set as eMMC but device reported it is UFS instead.'
is "$(printf '%s' "$out" | "$JSONCHECK" 0.id)" qcom-storage-memory-type \
	"the memory type that did not fit: its error"
run "$FLASHFIX" lookup "Exploitation - Crashing da..."
is "$rc" 1 "mtkclient crashing the DA to reach BROM, a step: no error"
run "$FLASHFIX" lookup --json "[2025-04-05 02:00:26.894907] Found device in preloader mode, trying to crash..."
is "$rc/$out" "1/[]" "bypass_utility trying to crash the preloader, a step: no error"
run "$FLASHFIX" lookup --json "FileNotFoundError: [Errno 2] No such file or directory: '../brom-payload/build/payload.bin'"
is "$(printf '%s' "$out" | "$JSONCHECK" 0.level)/$(printf '%s' "$out" |
	"$JSONCHECK" 0.tool)" other/Python "Python's missing file, BROM only in its path: Python's error"
run "$FLASHFIX" lookup --json "Handshake: could not open port 'COM6': FileNotFoundError(2, 'The system cannot find the file specified.', None, 2)"
is "$(printf '%s' "$out" | "$JSONCHECK" 0.family)" mtk-brom \
	"pyserial's missing COM port inside the handshake's message: still the BROM port"
run "$FLASHFIX" lookup "XFlashExt - DA version anti-rollback patched"
is "$rc" 1 "mtkclient patching the DA's anti-rollback, a step: no error"
run "$FLASHFIX" lookup --json "Exploitation - V5 Device is patched against carbonara :("
is "$(printf '%s' "$out" | "$JSONCHECK" 0.family)" mtk-auth \
	"a phone patched against the exploit: MTK security"
run "$FLASHFIX" lookup --json "Exploitation - Crashing da failed"
is "$(printf '%s' "$out" | "$JSONCHECK" 0.platforms.0)" mtk \
	"the same step failing: an MTK answer"
# The frame: an MTK tool's line gets no Qualcomm error on thin words, and
# a tool's field and its value is no error.
run "$FLASHFIX" lookup --json "Preloader -     DAA enabled:            True"
is "$rc/$out" "1/[]" "a field and its value in mtkclient's frame: no match"
run "$FLASHFIX" lookup --json "BROM connected"
is "$rc/$out" "1/[]" "a connection announced: no match"
fam=$("$FLASHFIX" lookup --json --limit 1 \
	"Preloader - [LIB]: Error on uploading da data" | "$JSONCHECK" 0.family)
is "$fam" mtk-da "mtkclient's DA upload error: the MTK DA family"

# Codes as their tools print them: MediaTek's statuses and DAA's in hex,
# BROM's and WCSM's in decimal (#21 audit: 3221618689 was shown for
# 0xC0060001).
run "$FLASHFIX" lookup --json --limit 1 0xC0060001
like "$out" '"codes":\["2005","0xC0060001"\]' "an MTK status in hex, the BROM code in decimal"
hasnt "$out" "3221618689" "not the status in decimal"
run "$FLASHFIX" lookup --json --limit 1 0x7017
like "$out" '"codes":\[[^]]*"0x7017"' "DAA's 0x7017 in hex"
run "$FLASHFIX" lookup --json --limit 1 4009
like "$out" '"codes":\[[^]]*"4009"' "WCSM's 4009 in decimal"

# A line the base knows no message of, from a tool whose module or words
# name the stage that failed: that stage's family.
run "$FLASHFIX" lookup --json "PLTools - [LIB]: Error on sending payload: mt6877_payload.bin"
is "$(printf '%s' "$out" | "$JSONCHECK" 0.level)/$(printf '%s' "$out" |
	"$JSONCHECK" 0.id)" "family/mtk-brom" "mtkclient's payload module: BROM's stage, over the DA's few shared words"
run "$FLASHFIX" lookup --json "DAXFlash - [LIB]: Timeout or short read on header at 0x15e1b0000"
is "$rc/$out" "1/[]" "a BROM timeout by its words, printed by the DA's module, after the BROM: nothing"
run "$FLASHFIX" lookup --json "DAXFlash - [LIB]: Error on sending parameter: Exceed available range (0xc004000b)"
is "$(printf '%s' "$out" | "$JSONCHECK" 0.id)" "mtk-download-block-range" "the DA's module and an error of a stage it runs: the error"
run "$FLASHFIX" lookup --json "Sej - [LIB]: SEJ Legacy Hardware seems not to be configured correctly."
is "$(printf '%s' "$out" | "$JSONCHECK" 0.level)/$(printf '%s' "$out" |
	"$JSONCHECK" 0.family)" "family/mtk-auth" "mtkclient's security engine module: the auth family"
run "$FLASHFIX" lookup --json "Error: Unknown host error received in HELLO_RESP"
is "$(printf '%s' "$out" | "$JSONCHECK" 0.family)" "qcom-sahara" "Sahara's HELLO_RESP: the Sahara family"
# The stage's words in a line that reports nothing failed, or after SP
# Flash Tool's "BROM ERROR" that heads errors of every stage: no family.
run "$FLASHFIX" lookup --json "firehose - [LIB]: Supported functions: program,read,nop,patch,configure"
is "$out" "[]" "edl listing Firehose's functions (nop is no 'no'): nothing"
run "$FLASHFIX" lookup --json "firehose - [LIB]: Couldn't detect MaxPayloadSizeFromTargetinBytes"
is "$out" "[]" "edl probing one optional field of the target's reply: nothing"
run "$FLASHFIX" lookup --json "DeviceClass - [LIB]: Couldn't detect the device. Is it connected ? (MT6765)"
is "$(printf '%s' "$out" | "$JSONCHECK" 0.family)" "mtk-brom" "the device itself not detected: a failure, BROM's family"
run "$FLASHFIX" lookup --json "Brom error: s_ft_get_memory_fail (0xfda)"
is "$out" "[]" "'BROM ERROR' names no stage: nothing"
run "$FLASHFIX" lookup --json "DaHandler - [LIB]: Error: Couldn't read the phone's memory"
is "$(printf '%s' "$out" | "$JSONCHECK" 0.family)" "mtk-da" "and mtkclient's DA module on a failure: the DA family"
# A public error of one platform by a few shared words, in a line that
# names no platform, is as often another maker's tool; with the
# platform named, the same words find it.
run "$FLASHFIX" lookup --json "Test Device failed!"
is "$out" "[]" "'Test Device failed!' alone: nothing"
run "$FLASHFIX" lookup --json "MT6765: Test Device failed!"
is "$(printf '%s' "$out" | "$JSONCHECK" 0.id)" "mtk-dram-test" "with an MTK chip named: the DRAM test"
run "$FLASHFIX" lookup --json "[COM12] 02:13:55 DL system ERR (elapsed 00:01:12)"
is "$(printf '%s' "$out" | "$JSONCHECK" 0.id)" "dl-system-err" "the vendor tool's own message needs no platform"
# But all of a message that says much finds its error with no platform
# named; a step under way ("...") reports no failure of its stage.
run "$FLASHFIX" lookup --json "USBError 19 ERROR: Failed to initialize (open whole lun) UFS Device slot 0 partition 0"
is "$(printf '%s' "$out" | "$JSONCHECK" 0.id)" "qcom-storage-init" "a long message of one platform, whole in the line: its error"
run "$FLASHFIX" lookup --json --platform qcom "main - Trying with no loader given ..."
is "$out" "[]" "edl trying without a loader, on Qualcomm: nothing"
run "$FLASHFIX" lookup --json --platform qcom "main - No loader given, it fails"
is "$(printf '%s' "$out" | "$JSONCHECK" 0.family)" "qcom-sahara" "the same words reporting a failure: the Sahara family"
# An error's name inside a sentence names it, as its code does; an
# identifier that is no error's name (a function's) does not.
run "$FLASHFIX" lookup --json "I'm getting \`S_DL_GET_DRAM_SETTING_FAIL\` after 11 seconds from starting a readback."
is "$(printf '%s' "$out" | "$JSONCHECK" 0.id)/$(printf '%s' "$out" | "$JSONCHECK" 0.level)" \
	"mtk-dram-setting/specific" "a status's name in a sentence: its error"
run "$FLASHFIX" lookup --json "MT8167S variant, payload seemingly works but SP Tool still reporting STATUS_SEC_AUTH_FILE_NEEDED on readback."
is "$(printf '%s' "$out" | "$JSONCHECK" 0.id)" "mtk-auth-file-needed" "STATUS_SEC_AUTH_FILE_NEEDED in a report: its error"
run "$FLASHFIX" lookup --json "we looked at sahara_rx_data in the source today"
is "$out" "[]" "a function's name in the base's texts names no error"
run "$FLASHFIX" lookup --json "Message: BROM ERROR : S_DA_SDMMC_WRITE_FAILED (3149)"
is "$(printf '%s' "$out" | "$JSONCHECK" 0.id)" "mtk-storage-rw" "a name of the base's S_DA_SDMMC_* names its error, over an older header's number"
# Rockchip's and Amlogic's tools are other makers'; authentication is a
# stage of its own on either platform.
run "$FLASHFIX" lookup --json "rkflashtool: fatal: cannot open device"
is "$(printf '%s' "$out" | "$JSONCHECK" 0.level)/$(printf '%s' "$out" | "$JSONCHECK" 0.tool)" \
	"other/Rockchip rkflashtool" "rkflashtool's error: Rockchip's"
run "$FLASHFIX" lookup --json "stuck at xiaomi's authentication, tried the patched firehose too, nothing"
is "$(printf '%s' "$out" | "$JSONCHECK" 0.family)" "qcom-auth" "Xiaomi's authentication in Firehose: the auth family"
done_testing
