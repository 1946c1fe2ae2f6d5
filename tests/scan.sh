#!/bin/sh
# scan.sh: flashfix scan on whole logs built in each tool's format: the
# decisive error at the start, in the middle and at the end among noise,
# in each encoding, with colour escapes, NUL bytes and a 1 MB line; a log
# that only succeeded; several logs; standard input; JSON; --follow on a
# log that grows.
. "${top_srcdir:-.}/tests/lib.sh"

J() { "$JSONCHECK" "$@"; }
noise() {
	printf '%s\n' "[2024-03-01 10:42:13] Searching for devices..." \
		"Port - Device detected :)" "Preloader - [LIB]: CPU: MT6765(Helio P35)" \
		"DA_handler - Sending DA, done" "Download DA 100%" "Format flash 45%" \
		"INFO: TARGET SAID: 'INFO: Calling handler for configure'"
}

# SP Flash Tool / mtkclient: a retried handshake the tool got past, then
# the DRAM failure that stopped it, then its consequences.
{
	noise
	printf '%s\n' "Preloader - [LIB]: Status: Handshake failed, retrying..." \
		"Port - Device detected :)" "All command exec done!" \
		"BROM ERROR : S_FT_ENABLE_DRAM_FAIL (4032)" \
		"[EMI] Enable DRAM Failed!" "Download failed" "Disconnect!"
} >"$T/spft.log"
run "$FLASHFIX" scan "$T/spft.log"
is "$rc" 0 "a failed MediaTek flash: found, exit 0"
like "$out" "^> $T/spft.log:11: BROM ERROR : S_FT_ENABLE_DRAM_FAIL \\(4032\\)" \
	"the decisive line is the DRAM failure, with its file and line"
like "$out" "  $T/spft.log:10: All command exec done!" "the lines before it"
like "$out" "  $T/spft.log:12: \\[EMI\\] Enable DRAM Failed!" "and after it"
like "$out" "\\[mtk-dram-enable\\] MTK; MTK: DRAM initialisation" "its entry, as lookup prints it"
like "$out" "Other errors in the log:" "the others after it"
like "$out" "$T/spft.log:8: Preloader - \\[LIB\\]: Status: Handshake failed" \
	"the retried handshake is among them, not first"
run "$FLASHFIX" scan --json "$T/spft.log"
is "$(printf '%s' "$out" | J 0.line)/$(printf '%s' "$out" | J 0.id)" 11/mtk-dram-enable \
	"JSON: the decisive finding first"
is "$(printf '%s' "$out" | J 0.decisive)/$(printf '%s' "$out" | J 0.family)" true/mtk-dram \
	"JSON: marked decisive, with the entry's family"
is "$(printf '%s' "$out" | J 0.file)" "$T/spft.log" "JSON: its file"
is "$(printf '%s' "$out" | J 0.context.0.line)" 9 "JSON: its context, with line numbers"
is "$(printf '%s' "$out" | J 0.text)" "BROM ERROR : S_FT_ENABLE_DRAM_FAIL (4032)" "JSON: its text"
is "$(printf '%s' "$out" | J 1.decisive)" false "JSON: the others are not decisive"

# The decisive error at the start and at the end of a log.
{ printf '%s\n' "Sahara communication failed"; noise; } >"$T/start.log"
run "$FLASHFIX" scan --json "$T/start.log"
is "$(printf '%s' "$out" | J 0.line)/$(printf '%s' "$out" | J 0.id)" 1/sahara "at the start"
{ noise; noise; printf '%s' "sahara - [LIB]: Error: Failed to verify hash for a given segment of ELF image"; } >"$T/end.log"
run "$FLASHFIX" scan --json "$T/end.log"
is "$(printf '%s' "$out" | J 0.line)/$(printf '%s' "$out" | J 0.id)" 15/qcom-auth-segment-hash \
	"at the end, without a line end"

# A log read as a log.  A Python traceback is read to its last line: the
# exception, not the frames it passed through (one of which holds words
# of another error).
{
	noise
	printf '%s\n' "Traceback (most recent call last):" \
		'  File "mtk.py", line 10, in upload' \
		'    raise RuntimeError("Sahara communication failed")' \
		"RuntimeError: BROM ERROR : S_FT_ENABLE_DRAM_FAIL (4032)"
} >"$T/trace.log"
run "$FLASHFIX" scan --json "$T/trace.log"
is "$(printf '%s' "$out" | J 0.line)/$(printf '%s' "$out" | J 0.id)" 11/mtk-dram-enable \
	"a traceback: its last line, the exception"
hasnt "$out" '"id":"sahara"' "not a line of its frames"
# A step the tool retries, then gives up on: the line where it gives up.
{
	noise
	printf '%s\n' "Preloader - [LIB]: Status: Handshake failed, retrying..." \
		"[06:10:14]: Handshake attempt 1 failed: [Errno 5] Input/Output Error" \
		"Preloader - [LIB]: Status: Handshake failed, retrying..." \
		"[06:10:16]: Handshake failed after retries"
} >"$T/retry.log"
run "$FLASHFIX" scan --json "$T/retry.log"
is "$(printf '%s' "$out" | J 0.line)/$(printf '%s' "$out" | J 0.id)/$(printf '%s' "$out" | J 0.count)" \
	11/mtk-brom-handshake/4 "retried, then given up: the line that gives up, all four counted"
# Specific evidence over words shared: a weak match, then the exact code.
{
	noise
	printf '%s\n' "security check failed" "BROM ERROR : S_SECURITY_SLA_FAIL (6004)" "Disconnect!"
} >"$T/specific.log"
run "$FLASHFIX" scan --json "$T/specific.log"
is "$(printf '%s' "$out" | J 0.line)/$(printf '%s' "$out" | J 0.id)" 9/mtk-auth-sla-fail \
	"a code after a line that only shares words: the code's line"
# The weak one shares words with an MTK family, and this log has both
# platforms' lines: no family on those words alone.
is "$(printf '%s' "$out" | J '#')" 1 "the weak one is no finding"
run "$FLASHFIX" scan --json --platform mtk "$T/specific.log"
is "$(printf '%s' "$out" | J 1.line)/$(printf '%s' "$out" | J 1.decisive)" 8/false \
	"on MTK, the weak one is among the others"

# The platform the log's lines name: a MediaTek device (bypass_utility's
# report of it) makes a bare USB timeout, which alone names no platform
# and no error, a MediaTek one.
printf '%s\n' "[2021-06-17 07:35:06.447885] Waiting for device" \
	"[2021-06-17 07:35:26.171471] Found port = /dev/ttyACM0" \
	"[2021-06-17 07:35:26.226004] Device hw code: 0x766" \
	"[2021-06-17 07:35:26.226235] Device serial link authorization: True" \
	"[2021-06-17 07:35:26.226317] Disabling watchdog timer" \
	"[Errno 110] Operation timed out" >"$T/plat.log"
run "$FLASHFIX" lookup --limit 1 "[Errno 110] Operation timed out"
is "$rc" 1 "alone, the line is no known error"
has "$err" "no known error matches" "and lookup says so"
run "$FLASHFIX" scan --json "$T/plat.log"
is "$(printf '%s' "$out" | J 0.line)/$(printf '%s' "$out" | J 0.family)" 6/mtk-brom \
	"in a MediaTek tool's log: MediaTek's family"
# The log's platform is a preference: a line none of its errors explains
# is asked of every platform's (a log of two tools' lines).
printf '%s\n' "sahara - Protocol version: 2, Version supported: 1" "firehose - [LIB]: Couldn't detect TargetName" \
	"QFIL: Download Succeed" "EMI：启用 DRAM 失败。" >"$T/mixed.log"
run "$FLASHFIX" scan --json "$T/mixed.log"
is "$(printf '%s' "$out" | J 0.line)/$(printf '%s' "$out" | J 0.id)" 4/mtk-dram-enable \
	"a MediaTek line in a log of Qualcomm lines: still found"
# Another tool's error is called so: its tool, family "other", exit 1.
printf '%s\n' "Sending 'boot_a' (65536 KB) OKAY" \
	"Writing 'boot_a' FAILED (remote: 'Partition not found')" \
	"fastboot: error: Command failed" >"$T/other.log"
run "$FLASHFIX" scan --json "$T/other.log"
is "$rc/$(printf '%s' "$out" | J 0.line)/$(printf '%s' "$out" | J 0.level)/$(printf '%s' "$out" | J 0.tool)/$(printf '%s' "$out" | J 0.family)" \
	1/2/other/fastboot/other "another tool's error: its line and tool, family other, exit 1"
run "$FLASHFIX" scan "$T/other.log"
like "$out" "This is an error of another tool \\(fastboot\\), outside what flashfix knows" \
	"said so in text"
hasnt "$out" "[qcom-" "with no entry of the base"
# A log that stops where edl uploads its programmer: the stage's family,
# on its last line, marked as a stop.
printf '%s\n' "main - Waiting for the device" "main - Device detected :)" \
	"main - Mode detected: sahara" "sahara - Uploading loader prog.bin ..." \
	"sahara - 32-Bit mode detected." "sahara - Firehose mode detected, uploading..." >"$T/stop.log"
run "$FLASHFIX" scan --json "$T/stop.log"
is "$rc/$(printf '%s' "$out" | J 0.line)/$(printf '%s' "$out" | J 0.id)/$(printf '%s' "$out" | J 0.level)/$(printf '%s' "$out" | J 0.stopped)" \
	0/6/qcom-sahara/family/true "stopped while the loader uploads: Sahara's family, on the last line"
run "$FLASHFIX" scan "$T/stop.log"
like "$out" "No error line: the log stops at this stage" "said so in text"
like "$out" "\[qcom-sahara\] Qualcomm; Qualcomm: Sahara" "with its family's entry"
hasnt "$out" "score 0.00" "and no score, where nothing was matched"
# An error the base does not know, right after that stage: its family.
printf '%s\n' "sahara - Uploading loader prog.bin ..." "sahara - Firehose mode detected, uploading..." \
	"Error: Unknown host error received in HELLO_RESP" >"$T/stage.log"
run "$FLASHFIX" scan --json "$T/stage.log"
is "$(printf '%s' "$out" | J 0.line)/$(printf '%s' "$out" | J 0.id)/$(printf '%s' "$out" | J 0.stopped)" \
	3/qcom-sahara/false "an unknown error in that stage: the stage's family, on the error's line"
# A tool's list of fields is debug data; a log pasted as a quote is read.
printf '%s\n' "Preloader - 	SBC enabled:		True" "Preloader - 	Mem read auth:		False" \
	"Preloader - 	Cmd 0xC8 blocked:	False" "Download OK" >"$T/field.log"
run "$FLASHFIX" scan --json "$T/field.log"
is "$rc/$out" "1/[]" "fields and their values: no error"
printf '%s\n' "> Port - Device detected :)" "> [2024-03-01 10:42:13] BROM ERROR : S_FT_ENABLE_DRAM_FAIL (4032)" >"$T/quote.log"
run "$FLASHFIX" scan --json "$T/quote.log"
is "$(printf '%s' "$out" | J 0.line)/$(printf '%s' "$out" | J 0.id)" 2/mtk-dram-enable "a log pasted as a quote (> )"

# A log that only succeeded: nothing, exit 1.
{ noise; printf '%s\n' "Download OK" "All command exec done!"; } >"$T/ok.log"
run "$FLASHFIX" scan "$T/ok.log"
is "$rc" 1 "a log that only succeeded: exit 1"
like "$err" "no known error in the log" "and it says so"
is "$out" "" "nothing on standard output"
run "$FLASHFIX" scan --json "$T/ok.log"
is "$rc/$out" "1/[]" "JSON: an empty array"

# Encodings: UTF-16LE with a BOM and CRLF (Windows tools), GB18030.
if command -v iconv >/dev/null 2>&1; then
	{ printf '\377\376'; printf 'Start download\r\nBROM ERROR : S_FT_DOWNLOAD_FAIL (4008)\r\nDisconnect!\r\n' |
		iconv -f UTF-8 -t UTF-16LE; } >"$T/u16.log"
	run "$FLASHFIX" scan --json "$T/u16.log"
	is "$(printf '%s' "$out" | J 0.line)/$(printf '%s' "$out" | J 0.id)" 2/mtk-download-fail \
		"UTF-16LE with a BOM and CRLF"
	printf '开始下载\r\n刷机失败：Sahara通信失败\r\n' | iconv -f UTF-8 -t GB18030 >"$T/gb.log"
	run "$FLASHFIX" scan --json "$T/gb.log"
	is "$(printf '%s' "$out" | J 0.id)" sahara "GB18030 (a Chinese Windows)"
	is "$(printf '%s' "$out" | J 0.text)" "刷机失败：Sahara通信失败" "its line shown as UTF-8"
else
	ok 0 "# SKIP iconv not installed"
fi

# Encodings without a byte-order mark, big-endian, UTF-32: told by where
# their NUL bytes fall, and said on standard error.
if command -v iconv >/dev/null 2>&1; then
	printf 'Start download\nBROM ERROR : S_FT_DOWNLOAD_FAIL (4008)\nDisconnect!\n' >"$T/u8.txt"
	for e in UTF-16LE UTF-16BE UTF-32LE UTF-32BE; do
		iconv -f UTF-8 -t "$e" "$T/u8.txt" >"$T/nobom-$e.log"
		run "$FLASHFIX" scan --json "$T/nobom-$e.log"
		is "$(printf '%s' "$out" | J 0.line)/$(printf '%s' "$out" | J 0.id)" 2/mtk-download-fail \
			"$e without a byte-order mark: read"
		like "$err" "nobom-$e.log: read as $e \\(no byte-order mark" "and said how it was read"
	done
	{ printf '\376\377'; iconv -f UTF-8 -t UTF-16BE "$T/u8.txt"; } >"$T/bom16be.log"
	{ printf '\377\376\000\000'; iconv -f UTF-8 -t UTF-32LE "$T/u8.txt"; } >"$T/bom32le.log"
	{ printf '\000\000\376\377'; iconv -f UTF-8 -t UTF-32BE "$T/u8.txt"; } >"$T/bom32be.log"
	for f in bom16be:UTF-16BE bom32le:UTF-32LE bom32be:UTF-32BE; do
		run "$FLASHFIX" scan --json "$T/${f%%:*}.log"
		is "$(printf '%s' "$out" | J 0.line)/$(printf '%s' "$out" | J 0.id)" 2/mtk-download-fail \
			"${f#*:} with its byte-order mark"
		like "$err" "read as ${f#*:} \\(its byte-order mark says so\\)" "${f#*:}: said"
	done
	# Chinese in UTF-16LE without a mark: the time stamps' NUL bytes tell.
	printf '[10:00:00] 开始下载\n[10:00:01] 刷机失败：Sahara通信失败\n[10:00:02] 断开\n' |
		iconv -f UTF-8 -t UTF-16LE >"$T/zh16.log"
	run "$FLASHFIX" scan --json "$T/zh16.log"
	is "$(printf '%s' "$out" | J 0.line)/$(printf '%s' "$out" | J 0.id)" 2/sahara \
		"Chinese in UTF-16LE without a byte-order mark"
	# A log that succeeded in UTF-16BE: no error, and how it was read.
	printf 'Download OK\nAll command exec done!\n' | iconv -f UTF-8 -t UTF-16BE >"$T/ok16be.log"
	run "$FLASHFIX" scan "$T/ok16be.log"
	is "$rc" 1 "nothing in a UTF-16BE log that succeeded: exit 1"
	like "$err" "ok16be.log: read as UTF-16BE" "its encoding is said, not a silent no-error"
	like "$err" "no known error in the log" "with no known error"
else
	ok 0 "# SKIP iconv not installed"
fi
# NUL bytes in no order UTF-16 or UTF-32 puts them: said, read as UTF-8.
awk 'BEGIN { for (i = 0; i < 40; i++) printf "St%cart%c do%cwn%cload\nBROM%c ERROR%c : S_FT_DOWNLOAD_FAIL (4008)%c\n", 0, 0, 0, 0, 0, 0, 0 }' >"$T/nuls.log"
run "$FLASHFIX" scan --json "$T/nuls.log"
like "$err" "nuls.log: cannot tell its encoding" "NUL bytes at no fixed place: it says it could not tell"
is "$(printf '%s' "$out" | J 0.id)" mtk-download-fail "and reads it as UTF-8"
# A log cut by a power loss ends in NUL bytes: still text.
{ printf 'Start download\nBROM ERROR : S_FT_DOWNLOAD_FAIL (4008)\n'; head -c 8192 /dev/zero; } >"$T/padded.log"
run "$FLASHFIX" scan --json "$T/padded.log"
is "$rc/$(printf '%s' "$out" | J 0.id)" 0/mtk-download-fail "a log padded with NUL bytes (a power loss) is read"
hasnt "$err" "not text" "and is not called binary"
# Random bytes are not text: no decisive error, said so, and read no
# further than needed.
head -c 4194304 /dev/urandom >"$T/random.bin"
run "$FLASHFIX" scan "$T/random.bin"
is "$rc" 3 "random bytes: exit 3 (not a log)"
like "$err" "random.bin: not text \\([0-9]+% of its bytes are control characters\\)" "said to be not text"
hasnt "$out" "decisive" "and no decisive error"
run "$FLASHFIX" scan --json "$T/random.bin"
is "$rc/$out" "3/[]" "JSON: an empty array"
run "$FLASHFIX" scan "$T/random.bin" "$T/spft.log"
like "$out" "^> $T/spft.log:11: BROM ERROR" "with a real log beside it: the real log's error"
hasnt "$out" "random.bin:" "none from the random bytes"

# Colour escapes, raw and as a console printed them; NUL and binary
# junk; a 1 MB line.  Never a raw control character on the terminal.
{
	printf '\033[1;31mERROR : STATUS_DA_HASH_MISMATCH (0xC0070004)\033[0m\n'
	printf '\342\206\220[31mERROR : STATUS_EXT_RAM_EXCEPTION (0xC0050005)\342\206\220[0m\n'
	printf 'bin\000ary\001\002\377\376 junk\n'
	head -c 1048576 /dev/zero | tr '\0' 'x'
	printf '\nDL system ERR\n'
} >"$T/junk.log"
run "$FLASHFIX" scan "$T/junk.log"
is "$rc" 0 "colour, NUL bytes, binary junk and a 1 MB line: read"
like "$out" "^> $T/junk.log:1: ERROR : STATUS_DA_HASH_MISMATCH \\(0xC0070004\\)" \
	"the decisive line (the first of the run), its raw escapes gone"
like "$out" "  $T/junk.log:2: ERROR : STATUS_EXT_RAM_EXCEPTION \\(0xC0050005\\)" \
	"the next line, its printed escapes (←[31m) gone too"
like "$out" "$T/junk.log:5: DL system ERR" "the line after the 1 MB one is found"
hasnt "$out$err" "$(printf '\033')" "no raw escape reaches the terminal"
hasnt "$out$err" "$(printf '\001')" "nor a raw control character"

# Several logs, standard input and "-".
run "$FLASHFIX" scan "$T/ok.log" "$T/start.log"
like "$out" "^> $T/start.log:1: Sahara communication failed" "several logs: the one that failed"
"$FLASHFIX" scan --json <"$T/start.log" >"$T/out" 2>"$T/err"
is "$(J 0.file <"$T/out")/$(J 0.id <"$T/out")" "-/sahara" "standard input, named -"
"$FLASHFIX" scan --json - <"$T/start.log" >"$T/out" 2>"$T/err"
is "$(J 0.id <"$T/out")" sahara "and - for it"
run "$FLASHFIX" scan "$T/none.log"
is "$rc" 3 "a log that cannot be read: exit 3"
like "$err" "cannot read $T/none.log: No such file" "and why"
run "$FLASHFIX" scan --limit 3 "$T/ok.log"
is "$rc" 2 "an option of lookup's is not scan's: exit 2"

# --follow: a log that a running tool writes.
: >"$T/grow.log"
"$FLASHFIX" scan --follow --exit-on-error --json "$T/grow.log" >"$T/fout" 2>"$T/ferr" &
pid=$!
noise >>"$T/grow.log"
i=0
while [ "$i" -lt 20 ] && kill -0 "$pid" 2>/dev/null; do sleep 0.1; i=$((i + 1)); done
kill -0 "$pid" 2>/dev/null
ok $? "--follow waits while the log holds no error"
printf '%s\n' "Sahara communication failed" >>"$T/grow.log"
i=0
while [ "$i" -lt 100 ] && kill -0 "$pid" 2>/dev/null; do sleep 0.1; i=$((i + 1)); done
if kill -0 "$pid" 2>/dev/null; then
	kill "$pid"
	ok 1 "--exit-on-error stops at the first error"
else
	wait "$pid"
	is "$?" 0 "--exit-on-error stops at the first error, exit 0"
fi
is "$(J id <"$T/fout")/$(J line <"$T/fout")" sahara/8 "and prints it as it appears"
# --follow after the log is truncated (copytruncate) and after it is
# replaced (rotated): read again from the start, lines counted from 1.
: >"$T/trunc.log"
# Files of its own: a wait must not find the last test's output there
# before this process has opened (and emptied) them.
: >"$T/tout"
: >"$T/terr"
"$FLASHFIX" scan --follow --json "$T/trunc.log" >"$T/tout" 2>"$T/terr" &
pid=$!
# waitfor FILE PATTERN: until FILE holds PATTERN (30 s at most: a loaded
# machine running the suite in parallel may be slow to poll).
waitfor() {
	i=0
	while [ "$i" -lt 300 ] && ! grep -q -- "$2" "$1" 2>/dev/null; do sleep 0.1; i=$((i + 1)); done
}
printf '%s\n' "Port - Device detected :)" "noise" "Sahara communication failed" >>"$T/trunc.log"
waitfor "$T/tout" '"id":"sahara"'
: >"$T/trunc.log"
waitfor "$T/terr" "was truncated"
printf '%s\n' "BROM ERROR : S_FT_ENABLE_DRAM_FAIL (4032)" >>"$T/trunc.log"
waitfor "$T/tout" mtk-dram-enable
mv "$T/trunc.log" "$T/trunc.old"
printf '%s\n' "x" "y" "DL system ERR" >"$T/trunc.log"
waitfor "$T/tout" '"line":3,"text":"DL system ERR"'
kill "$pid"
wait "$pid"
like "$(cat "$T/terr")" "trunc.log was truncated: reading it again from its start, its lines counted from 1 again" \
	"--follow: a truncated log is said"
is "$(sed -n 2p "$T/tout" | J id)/$(sed -n 2p "$T/tout" | J line)" mtk-dram-enable/1 \
	"and what is written after is read, numbered from 1"
like "$(cat "$T/terr")" "trunc.log was replaced: reading the new file from its start" \
	"--follow: a log replaced (rotated) is said"
is "$(sed -n 3p "$T/tout" | J id)/$(sed -n 3p "$T/tout" | J line)" dl-system-err/3 \
	"and the new file is read from its start"
run "$FLASHFIX" scan --follow "$T/spft.log" "$T/ok.log"
is "$rc" 2 "--follow watches one log"

# In the wizard: a log's path at the error question (line mode).
S=$T/state
answers platform=1 version=4 error="$T/spft.log" step=y detail= detail= detail= |
	"$FLASHFIX" --plain --state-dir "$S" >"$T/out" 2>&1
like "$(cat "$T/out")" "From the log: log $T/spft.log, [0-9]+ bytes, digest" \
	"a log's path: scanned, its name, size and digest"
like "$(cat "$T/out")" "^ *(digest )?[0-9a-f]{16}$" "the digest in hex"
like "$(cat "$T/out")" "> 11: BROM ERROR : S_FT_ENABLE_DRAM_FAIL \\(4032\\)" "its decisive line"
like "$(cat "$T/out")" "Step 1 of 7 \\(package\\)" "its error chosen: its steps"
is "$("$FLASHFIX" history --json --state-dir "$S" | J 0.error_id)" mtk-dram-enable \
	"recorded with the log's error"
run "$FLASHFIX" report --last --state-dir "$S"
like "$out" "From the log:" "the report for HQ carries the log's line"
like "$out" "> 11: BROM ERROR : S_FT_ENABLE_DRAM_FAIL \\(4032\\)" "with its context"
run "$FLASHFIX" report --last --format json --state-dir "$S"
like "$(printf '%s' "$out" | J log)" "^log $T/spft.log, " "and in JSON"
answers platform=1 version=4 error="'$T/ok.log'" pick=2 detail= detail= detail= |
	"$FLASHFIX" --plain --state-dir "$S" >"$T/out" 2>&1
like "$(cat "$T/out")" "no known error in the log $T/ok.log" \
	"a quoted path to a log without errors: said, and asked on"

# A Qualcomm log (05c6:9008, Qualcomm's USB vendor id) whose failing line
# is qdl's "flashing of X failed", which shares words with an MTK family
# too: Qualcomm's Firehose family, no MTK answer; the same line alone names
# no platform and gets nothing, on MTK the MTK family, at its level.
printf '%s\n' 'Using qdl in ./qdl.' \
	'Bus 004 Device 029: ID 05c6:9008 Qualcomm, Inc. Gobi Wireless Modem (QDL mode)' \
	'flashed "SAIL_DLP" successfully' 'flashing of SAIL_SW1 failed' >"$T/qdl.log"
run "$FLASHFIX" scan "$T/qdl.log"
has "$out" "A Qualcomm Firehose problem" "a Qualcomm log: the Qualcomm family of qdl's line"
hasnt "$out" "MTK" "no MTK answer"
run "$FLASHFIX" lookup --json --limit 1 'flashing of SAIL_SW1 failed'
is "$rc" 1 "the line alone names no platform: no MTK family on shared words"
is "$out" "[]" "and says so: no answer"
run "$FLASHFIX" lookup --json --limit 1 --platform mtk 'flashing of SAIL_SW1 failed'
like "$out" '"level":"family".*"platforms":\["mtk"\]' "on MTK: only a family, at its level"
# A specific answer still crosses: an MTK status in a Qualcomm-voted log.
printf '%s\n' 'ID 05c6:9008 Qualcomm' 'ERROR : STATUS_DA_HASH_MISMATCH (0xC0070004)' >"$T/mixed.log"
run "$FLASHFIX" scan "$T/mixed.log"
has "$out" "mtk-da-hash" "a specific error of the other platform is still found"

# pyserial's list of ports ("/dev/ttyUSB1 USB VID:PID=05c6:9008 ...
# QHSUSB__BULK") says a port is there: never the decisive error; the
# Sahara line after it is.
printf '%s\n' 'Found 3 devices' \
	'/dev/ttyUSB1 USB VID:PID=05c6:9008  Qualcomm CDMA Technologies MSM QHSUSB__BULK' \
	'Connected to /dev/ttyUSB1' \
	'No data waiting. Not in sahara mode, already in a session, or device requires a restart.' >"$T/ports.log"
run "$FLASHFIX" scan "$T/ports.log"
like "$out" "^> .*ports\.log:4: No data waiting" "a port listing: the Sahara line after it is decisive"
hasnt "$out" "qcom-driver-qhsusb-bulk" "not the driver error"
run "$FLASHFIX" lookup 'Device Manager shows QHSUSB__BULK'
has "$out" "[qcom-driver-qhsusb-bulk]" "QHSUSB__BULK as typed still names the driver error"

done_testing
