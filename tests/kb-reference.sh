#!/bin/sh
# kb-reference.sh: the knowledge base's families, sources and code systems
# through the command line and the wizard, as an engineer meets them.
. "${top_srcdir:-.}/tests/lib.sh"

S=$T/state
L() { "$FLASHFIX" lookup --json --limit 3 "$@"; }

# Each result and each step says where it comes from, and its family.
out=$(L 'WCSM code：4009')
is "$(printf '%s' "$out" | "$JSONCHECK" 0.id)" wcsm-4009 "the FAQ's WCSM 4009"
is "$(printf '%s' "$out" | "$JSONCHECK" 0.family)" vendor-account "its family"
like "$(printf '%s' "$out" | "$JSONCHECK" 0.source)" "^vendor FAQ" "its source: the FAQ"
like "$(printf '%s' "$out" | "$JSONCHECK" 0.fixes.0.source)" "^vendor FAQ" \
	"and its step's source"
out=$(L 'BROM ERROR : S_FT_ENABLE_DRAM_FAIL (4032)')
is "$(printf '%s' "$out" | "$JSONCHECK" 0.id)/$(printf '%s' "$out" | "$JSONCHECK" 0.family)" \
	mtk-dram-enable/mtk-dram "a public MTK error by its name and number"
like "$(printf '%s' "$out" | "$JSONCHECK" 0.source)" "SP Flash Tool source" \
	"with its public source"
like "$(printf '%s' "$out" | "$JSONCHECK" 0.fixes.6.source)" "SP Flash Tool source" \
	"and each step's"

# Numbers in every printed form, inside their code system.
for q in 'error 4032' 'BROM ERROR : S_FT_ENABLE_DRAM_FAIL (0xFC0)' \
	'S_FT_ENABLE_DRAM_FAIL (0xfc0)' 'S_FT_ENABLE_DRAM_FAIL'; do
	is "$(L "$q" | "$JSONCHECK" 0.id)" mtk-dram-enable "DRAM failure from: $q"
done
for q in 'ERROR: STATUS_BROM_CMD_SEND_DA_FAIL (0xC0060003)' \
	'ERROR: STATUS_BROM_CMD_SEND_DA_FAIL (-1073348605)' 'C0060003' \
	'0xc0060003'; do
	is "$(L "$q" | "$JSONCHECK" 0.id)" mtk-da-send "send DA from: $q"
done
is "$(L 'ERROR: STATUS_ERR (0xC0010001)' | "$JSONCHECK" 0.family)" mtk-da \
	"STATUS_ERR (0xC0010001) is MediaTek's, not a Qualcomm answer"
is "$(L 'WCSM code：4008' | "$JSONCHECK" 0.id)" wcsm-4009 \
	"WCSM code：4008: the account server's"
is "$(L 'BROM ERROR : S_FT_DOWNLOAD_FAIL (4008)' | "$JSONCHECK" 0.id)" \
	mtk-download-fail "BROM ... (4008): MediaTek's"
# A bare number of two systems: both, and how to tell them apart.
out=$(L 4008)
is "$(printf '%s' "$out" | "$JSONCHECK" '#')" 2 "a bare 4008: two candidates"
is "$(printf '%s' "$out" | "$JSONCHECK" 0.ambiguous_code)/$(printf '%s' "$out" | "$JSONCHECK" 1.ambiguous_code)" \
	true/true "each marked as an ambiguous code"
run "$FLASHFIX" lookup 4008
like "$out" "code in more than one system" "the text says so"
like "$out" "wcsm-4009: Flash tool account and server" "naming the account server's"
like "$out" "mtk-download-fail: MTK" "and MediaTek's"

# No confident wrong answer.
for q in error failed 'ERROR: failed' '错误' \
	'All command exec done!' 'Sahara protocol completed' \
	'READ64 image: 13 offset: 0x0' "INFO: TARGET SAID: 'INFO: Calling handler for configure'"; do
	run "$FLASHFIX" lookup "$q"
	is "$rc" 1 "no match: $q"
	like "$err" "no known error matches" "and it says so: $q"
done
run "$FLASHFIX" lookup "sahara - [LIB]: Error: Failed to verify hash for a given segment of ELF image"
is "$rc" 0 "an error line among them is found"
like "$out" "qcom-auth-segment-hash" "as its own error"

# Typed symptoms land on their family.
for pair in "phone not detected=mtk-brom" "stuck at 0%=mtk-brom" \
	"9008 not recognised=qcom-driver" "dram fail=mtk-dram" \
	"account locked=vendor-account" "手机连接电脑没反应=mtk-brom" \
	"9008端口不识别=qcom-driver"; do
	is "$(L "${pair%=*}" | "$JSONCHECK" 0.family)" "${pair#*=}" \
		"typed '${pair%=*}' lands on ${pair#*=}"
done

# check requires a source and a known family, at their places.
rm -rf "$T/kb" && cp -r "$DATA" "$T/kb"
line=$(($(wc -l <"$T/kb/errors.csv") + 1))
printf 'new-1,mtk,,,New error,,,cause,,,,,,mtk-weather,\n' >>"$T/kb/errors.csv"
printf 'new-1,1,retry,,Try again.,,\n' >>"$T/kb/fixes.csv"
run "$FLASHFIX" check "$T/kb"
is "$rc" 1 "an entry without a source or with an unknown family: invalid"
like "$out" "errors.csv:$line:[0-9]+: error: unknown family 'mtk-weather'" \
	"the family is located"
like "$out" "errors.csv:$line:[0-9]+: error: 'source' is empty" \
	"the missing source is located"
like "$out" "fixes.csv:[0-9]+:[0-9]+: error: 'source' is empty" \
	"and the step's"
# Steps in the source's order, whatever their levels: no warning.
rm -rf "$T/kb" && cp -r "$DATA" "$T/kb"
printf 'new-2,mtk,,,New error,,,cause,,,,,,mtk-brom,a forum\n' >>"$T/kb/errors.csv"
printf 'new-2,1,hardware,,Test point.,,a forum\nnew-2,2,retry,,Try again.,,a forum\n' \
	>>"$T/kb/fixes.csv"
run "$FLASHFIX" check "$T/kb"
is "$rc" 0 "a dearer step before a cheaper one, as the source gives them: valid"
is "$(printf '%s\n' "$out" | grep -c 'comes after')" 0 "and no warning to reorder"

# The FAQ's fixes in the wizard (line mode).
answers platform=2 version=2.0.11 error='Cannot find private key for platform: SM4520W' \
	pick=1 step=y detail= detail= detail= |
	"$FLASHFIX" --plain --state-dir "$S" >"$T/out" 2>&1
like "$(cat "$T/out")" "Step 1 of 1 \(tool update\): Use a newer tool, such as version 2\.0\.17" \
	"private key on Qualcomm 2.0.11: the FAQ's step is shown"
answers platform=2 version=2.0.11 error='FirehoseCheckRSP is error.' pick=1 \
	step=i step=n step=y detail= detail= detail= |
	"$FLASHFIX" --plain --state-dir "$S" >"$T/out" 2>&1
like "$(cat "$T/out")" "Step 1 of 3 \(power\)" "FirehoseCheckRSP starts with power, as the FAQ does"
like "$(cat "$T/out")" "Step 2 of 3 \(connection\)" "then the computer or port"
like "$(cat "$T/out")" "Source: vendor FAQ" "i shows where the step comes from"
answers platform=1 version=4 error= pick=3 pick=1 step=y detail= detail= detail= |
	"$FLASHFIX" --plain --state-dir "$S" >"$T/out" 2>&1
like "$(cat "$T/out")" "MTK: DRAM initialisation" "browsing offers the families"
is "$("$FLASHFIX" history --json --state-dir "$S" | "$JSONCHECK" 0.error_id)" \
	mtk-dram-enable "and a family's first error is chosen"
run "$FLASHFIX" report --last --format json --state-dir "$S"
is "$(printf '%s' "$out" | "$JSONCHECK" family)" mtk-dram "the report names the family"
like "$(printf '%s' "$out" | "$JSONCHECK" steps.0.source)" "SP Flash Tool" \
	"and the step's source, for HQ"

# stats groups the sessions by family.
run "$FLASHFIX" stats --json --state-dir "$S"
like "$out" '"family":"mtk-dram","sessions":1,"fixed":1' "stats --json: per family"
like "$out" '"family":"qcom-firehose","sessions":1,"fixed":1' "each family its own"
run "$FLASHFIX" stats --state-dir "$S"
like "$out" "Per family: sessions, fixed, escalated" "stats: a family table"
like "$out" "vendor-tool +1 +1 +0" "with the tool's family"

done_testing
