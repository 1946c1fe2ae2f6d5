/* unit-match.c: the unit tests of the matcher: ranking, codes, typos,
 * and the inputs the fuzzers found crashing. */
#include "unit.h"

/* The first result for text, or "" */
static const char *
top(struct match_index *ix, const char *text, unsigned platform)
{
	struct match_result r[3];
	size_t n = match_query(ix, text, platform, r, 3);
	return n ? r[0].err->id : "";
}

/* A message both platforms' tools print: no answer without a platform,
 * each platform's own error with one. */
static void
each_platform(struct match_index *ix, const char *text, const char *mtk,
    const char *qcom, const char *what)
{
	is_str(top(ix, text, 0), "", "%s: with no platform, no answer", what);
	is_str(top(ix, text, PLAT_MTK), mtk, "%s: on MTK, %s", what, mtk);
	is_str(top(ix, text, PLAT_QCOM), qcom, "%s: on Qualcomm, %s", what,
	    qcom);
}

void
test_match(const char *datadir)
{
	struct diag d;
	struct kb *kb;
	struct match_index *ix;
	struct match_result r[5];
	size_t n, bad = 0, famonly = 0, platonly = 0;

	diag_init(&d);
	kb = kb_load(datadir, &d);
	diag_free(&d);
	if (!kb)
		return;
	ix = match_index_new(kb);
	/* fuzz_lookup: a code after a word that is in no message, none of
	 * whose parts is either ("WCCSMcode:5001"), gathered no context
	 * words (UBSan: an offset applied to a null array). */
	n = match_query(ix, "2020/00\307\305\317\317\305\317\317\341"
	    "Downloas#m c'ode dTool: Login fail, Wed, WCCSMcode:5001", 0, r, 5);
	ok(n <= 5, "a code after a word whose parts are in no message either "
	    "(fuzz_lookup): answered, %zu results", n);
	/* Every message, in both languages, finds its error first (or in
	 * a tie for first, where two errors share a message); a message
	 * that is thin evidence as a query ("[CONFIGURE] request failed",
	 * whose tag a pasted line drops) may find only its family's own
	 * entry, but few may. */
	for (size_t i = 0; i < kb->nerrors; i++) {
		const struct kb_error *e = &kb->errors[i];
		const char *texts[2] = { e->error_en, e->error_zh };
		for (int t = 0; t < 2; t++) {
			bool found = false;
			n = match_query(ix, texts[t], 0, r, 5);
			for (size_t k = 0; k < n && r[k].score == r[0].score;
			    k++)
				if (r[k].err == e)
					found = true;
			/* A message both platforms' tools print (pyusb's)
			 * finds nothing until the platform is given. */
			if (!found && n == 0 && (n = match_query(ix, texts[t],
			    e->platforms, r, 5)) && r[0].err == e) {
				platonly++;
				printf("#   %s (%s) only on its platform for "
				    "'%s'\n", e->id, t ? "zh" : "en", texts[t]);
				continue;
			}
			if (!found && n && r[0].level == MATCH_FAMILY &&
			    r[0].err->family == e->family) {
				famonly++;
				printf("#   %s (%s) only its family for '%s'\n",
				    e->id, t ? "zh" : "en", texts[t]);
			} else if (!found) {
				bad++;
				printf("#   %s (%s) not first for '%s'\n", e->id,
				    t ? "zh" : "en", texts[t]);
			}
		}
	}
	is_num(bad, 0, "all %zu messages find their error first",
	    2 * kb->nerrors);
	ok(famonly <= 2, "and %zu of them only their family's own entry",
	    famonly);
	ok(platonly <= 6, "and %zu of them only once their platform is given",
	    platonly);
	is_str(top(ix, "4009", 0), "wcsm-4009", "a code alone");
	is_str(top(ix, "3005", 0), "wcsm-mac", "one of three codes");
	is_str(top(ix, "wscm code 4009", 0), "wcsm-4009", "a swapped letter");
	is_str(top(ix, "sahara comunication failed", 0), "sahara",
	    "a missing letter");
	is_str(top(ix, "getufsinfo", 0), "firehose-ufs",
	    "CamelCase typed as one word");
	is_str(top(ix, "firehose check rsp", 0), "firehose-check-rsp",
	    "CamelCase typed as words");
	is_str(top(ix, "banana keyboard weather", 0), "", "nonsense: nothing");
	is_str(top(ix, "BROM ERROR : S_FT_DOWNLOAD_FAIL (4008)", 0),
	    "mtk-download-fail", "MTK's BROM 4008 is not WCSM 4008");
	is_str(top(ix, "4009", PLAT_MTK), "wcsm-4009",
	    "WCSM codes occur on MTK too");
	is_str(top(ix, "SendDA command failed with status: 1D0D", 0),
	    "mtk-auth-sla-fail", "a status printed without 0x, after "
	    "'status', whatever command returned it");
	is_str(top(ix, "unexpected status = 7437 (0x1d0d)", 0),
	    "mtk-auth-sla-fail", "a status after generic words");
	n = match_query(ix, "Error on sending DA (code: 0x1d0d)", 0, r, 5);
	ok(n >= 1 && strcmp(r[0].err->id, "mtk-auth-sla-fail") == 0 &&
	    r[0].by_code, "a bracket that opens on 'code' states the number "
	    "bare: the sentence's words name no code system");
	is_str(top(ix, "upload_data failed with error: Unknown: 0x1d19", 0), "",
	    "a stated status that is none of the error's codes (0x1D18): "
	    "not that error");
	is_str(top(ix, "upload_data failed with error: Unknown: 0x1d18", 0),
	    "mtk-auth-upload-data-rejected", "while its own status names it");
	is_str(top(ix, "STATUS_SEC_AUTH_FILE_NEEDED error 0x1234", 0),
	    "mtk-auth-file-needed", "and an error's own name outweighs a "
	    "stated number that is not its code");
	is_str(top(ix, "MSVCP140.dll was not found", 0), "vendor-tool",
	    "the vendor tool's family is both platforms', with no platform "
	    "named, even where the FAQ saw the error on one");
	is_str(top(ix, "UsbClass - [LIB]: Timed out", 0), "",
	    "two generic words that are all the line, with no platform "
	    "named: no Qualcomm error");
	is_str(top(ix, "RX:<?xml version=\"1.0\" encoding=\"UTF-8\" ?><data>"
	    "<log value=\"Host's payload to target size is too large\" />"
	    "</data>", 0), "qcom-firehose-payload-size",
	    "while a message of many words is found, and 'too large' says "
	    "it failed");
	is_str(top(ix, "SendDA command failed with 1D0D", 0), "mtk-da-send",
	    "four hex digits not after 'status': no code");
	is_str(top(ix, "Read GPT failed!", 0), "",
	    "a one-platform family where no platform is named: nothing");
	is_str(top(ix, "Read GPT failed!", PLAT_QCOM), "qcom-storage",
	    "the same on Qualcomm: its family");
	is_str(top(ix, "no port appears in device manager", PLAT_MTK),
	    "mtk-brom", "'port' is a word of the base, no typo of 'part': "
	    "the port's family, no S_PART_NO_... error");
	is_str(top(ix, "sahara comunication failed", 0), "sahara",
	    "while a word the base lacks is still read as a typo");
	is_str(top(ix, "[ERROR] Failed to set FBLOCK state!", 0), "",
	    "a word of the base with a letter before it is a name, no typo "
	    "(FBLOCK is no block): nothing");
	is_str(top(ix, "S_FT_SET_DOWNLOAD_BLOCK_FAIL", 0),
	    "mtk-download-block-range", "while the block's own name finds it");
	is_str(top(ix, "the handshake keeps failing", PLAT_MTK), "mtk-brom",
	    "a stage's word, typed after MTK was chosen: the stage's family");
	is_str(top(ix, "the handshake keeps failing", 0), "",
	    "the same with no platform: nothing");
	is_str(top(ix, "qfil says the loader is wrong and fails", PLAT_QCOM),
	    "qcom-sahara", "Qualcomm's loader: the Sahara family");
	is_str(top(ix, "the handshake keeps working", PLAT_MTK), "",
	    "a stage's word where nothing failed: nothing");
	is_str(top(ix, "DAXFlash - [LIB]: Error on sending parameter: Exceed "
	    "available range (0xc004000b)", 0), "mtk-download-block-range",
	    "an error of a stage the DA's module runs in: answered");
	is_str(top(ix, "DAXFlash - [LIB]: Timeout or short read on header at "
	    "0x15e1b0000", 0), "",
	    "a BROM error by a shared word, printed by the DA's module "
	    "after the BROM is past: nothing");
	is_str(top(ix, "Exploitation - [LIB]: Error on sending payload.", 0),
	    "mtk-brom", "a DA error by a shared word, printed while the BROM "
	    "payload is sent: the module's stage, BROM");
	ok(frame_stage("could not load ../brom-payload/build/payload.bin",
	    48, PLAT_MTK) == FAM_COUNT,
	    "a stage's word in a file's path names no stage");
	ok(frame_stage("DA1/DA2 upload failed", 21, PLAT_MTK) == FAM_MTK_DA,
	    "while two words joined by one '/' are words");
	ok(frame_stage("brom-payload/x.bin, then BROM timed out", 39,
	    PLAT_MTK) == FAM_MTK_BROM,
	    "and the word outside the path is still read");
	is_str(top(ix, "flashing of SAIL_SW1 failed", PLAT_QCOM), "qcom-firehose",
	    "a partition's name is data: qdl's line is about flashing");
	is_str(top(ix, "However, write functions return the error '[Errno 110] "
	    "Operation timed out'.", 0), "",
	    "pyusb's timeout comes in any stage of either platform: no USB "
	    "driver answer");
	is_str(top(ix, "USB Overflow", 0), "qcom-driver-usb-timeout",
	    "while edl's own USB message is found");
	is_str(top(ix, "OnePlus 9 stuck in 0x900E", 0), "qcom-state",
	    "0x900E, Qualcomm's crash-dump port as a hex number, names "
	    "Qualcomm and the phone's state");
	is_str(top(ix, "[22:58:23]: Stage was't executed. Maybe dram issue ?.",
	    0), "mtk-dram-stage-not-run",
	    "mtkclient's stage 2 that never ran, typo and all");
	is_str(top(ix, "DeviceClass - [LIB]: Couldn't detect the device. Is it "
	    "connected ?", 0), "mtk-brom-mtkclient-no-device",
	    "mtkclient finding no phone");
	is_str(top(ix, "Couldn't write partition. Either wrong memorytype given "
	    "or no gpt partition.", 0), "qcom-storage-write-partition",
	    "edl's partition write");
	each_platform(ix, "usb.core.NoBackendError: No backend available",
	    "mtk-brom-no-backend", "qcom-driver-no-backend",
	    "pyusb's NoBackendError");
	is_str(top(ix, "The handshake completes, but the process fails at the "
	    "Uploading XML DA1 stage with error code 1D0D.", 0),
	    "mtk-auth-sla-fail", "a hex status quoted after 'code', no 0x: "
	    "the status, whatever words come before");
	each_platform(ix, "DeviceClass - [LIB]: Couldn't get device "
	    "configuration.", "mtk-brom-usb-config", "qcom-driver-usb-config",
	    "edl's and mtkclient's shared DeviceClass message");
	/* Typed symptoms that name no platform: answered once the wizard
	 * (or --platform) gives it, never guessed without. */
	is_str(top(ix, "the port appears and then disappears", PLAT_MTK),
	    "mtk-brom", "a port that connects and drops, on MTK");
	is_str(top(ix, "the port appears and then disappears", PLAT_QCOM),
	    "qcom-driver", "and on Qualcomm");
	is_str(top(ix, "the port appears and then disappears", 0), "",
	    "and with no platform, nothing");
	is_str(top(ix, "stuck at waiting for device", PLAT_MTK), "mtk-brom",
	    "a tool stuck waiting for the device");
	is_str(top(ix, "驱动有黄色感叹号", PLAT_QCOM), "qcom-driver",
	    "a driver with a warning mark, in Chinese");
	is_str(top(ix, "yellow exclamation mark on the driver", PLAT_MTK),
	    "mtk-brom", "and in English");
	is_str(top(ix, "刷完还是原来的系统", PLAT_MTK), "mtk-storage",
	    "writes that do not stick");
	is_str(top(ix, "Error calling Python override of QThread::run(): "
	    "QBasicTimer::stop: Failed. Possibly trying to stop from a different "
	    "thread", 0), "mtk-tool-mtkclient-gui",
	    "mtkclient's GUI failing in its Qt threads: the tool, not the phone");
	is_str(top(ix, "edl cannot flash it, the loader needs auth", 0),
	    "qcom-auth", "'auth' on its own names the authentication stage "
	    "(edl names Qualcomm), before 'loader' names Sahara");
	is_str(top(ix, "Downloading DA 100% and then it is stuck there", 0),
	    "mtk-da", "SP Flash Tool's progress quoted in a report names MTK");
	is_str(top(ix, "it says Unknown lockstate and stops", 0), "mtk-auth",
	    "mtkclient's lockstate names MTK and its stage");
	is_str(top(ix, "Terminal output:[PROGRAM] errors while parsing program",
	    0), "qcom-firehose", "all of a family's message that says much "
	    "names its platform");
	each_platform(ix, "usb.core.USBError: [Errno 5] Input/Output Error",
	    "mtk-brom-usb-io", "qcom-driver-zadig", "pyusb's I/O error");
	is_str(top(ix, "DeviceClass - USBError(5, 'Input/Output Error')",
	    PLAT_QCOM), "qcom-driver-zadig", "edl's own form, on Qualcomm");
	is_str(top(ix, "it hangs in the firehose stage after reading the "
	    "partitions", 0), "qcom-firehose", "the Firehose stage named");
	is_str(top(ix, "there is no firehose file for this phone, it hangs", 0),
	    "qcom-sahara", "while 'firehose' alone is the programmer's file: "
	    "none for the phone is Sahara's missing loader, no Firehose "
	    "stage");
	is_str(top(ix, "MsmDownloadTool login failed", 0), "vendor-account",
	    "a word the base knows whole is not counted again in its parts: "
	    "the tool's name in a Sahara error's title does not outweigh "
	    "the login");
	n = match_query(ix, "SP flash tool error 4032", 0, r, 5);
	ok(n >= 1 && strcmp(r[0].err->id, "mtk-dram-enable") == 0 &&
	    r[0].by_code, "SP Flash Tool's name before a number is its code "
	    "system's, no other: 4032 names its DRAM error");
	is_str(top(ix, "SP Flash Tool asks for an auth file", 0), "mtk-auth",
	    "a tool asking for what it needs reports a failure");
	is_str(top(ix, "DAXFlash - [LIB]: unpack requires a buffer of 12 "
	    "bytes", 0), "", "while Python's 'unpack requires' is no word of "
	    "need, and names no stage");
	is_str(top(ix, "DRAM init error!", 0), "",
	    "DRAM words alone (an Amlogic console's too): nothing");
	is_str(top(ix, "MT-6765 DRAM init error!", 0), "mtk-dram",
	    "a chip's name with a dash names MTK");
	is_str(top(ix, "无灯又进不了9008", 0), "qcom-driver",
	    "9008 right after Chinese names Qualcomm");
	is_str(top(ix, "Issues entering brom mode on mt6768 moto g24 power", 0),
	    "mtk-brom", "a typed BROM symptom with a phone's name");
	is_str(top(ix, "高通存储问题", 0), "qcom-storage",
	    "高通 in Chinese names Qualcomm");
	is_str(top(ix, "Firehose GetUfsInfo", PLAT_MTK), "",
	    "the platform filter drops Qualcomm-only errors");
	n = match_query(ix, "WCSM code 3003", 0, r, 5);
	ok(n >= 1 && strcmp(r[0].err->id, "wcsm-3003") == 0 && r[0].by_code,
	    "code 3003 settles the shared message");
	{
		/* The list as one types: the matcher's answers first. */
		struct match_result *all = xmalloc(kb->nerrors * sizeof *all);
		size_t k, m = match_rank_list(ix, "sahara comunication failed",
		    0, all, kb->nerrors, &k);
		ok(k >= 1 && k < m && strcmp(all[0].err->id, "sahara") == 0 &&
		    all[k - 1].score >= MATCH_THRESHOLD &&
		    all[k].score < MATCH_THRESHOLD,
		    "rank_list: the answers (at least the threshold) first, "
		    "the weaker after");
		m = match_rank_list(ix, "[Info] All command exec done!", 0, all,
		    kb->nerrors, &k);
		ok(k == 0 && m > 0 && match_query(ix, "[Info] All command exec "
		    "done!", 0, r, 5) == 0,
		    "rank_list: a success line the matcher refuses presents "
		    "none, the ranking is still there");
		m = match_rank_list(ix, "", 0, all, kb->nerrors, &k);
		ok(k == m && m == kb->nerrors,
		    "rank_list: no text presents every error");
		free(all);
	}
	{
		/* Two words of a text that find one word of a message
		 * ("recognized", "recognize") find it once: the message
		 * "9008 not recognized" is half found, not all of it. */
		struct match_result *all = xmalloc(kb->nerrors * sizeof *all);
		size_t m = match_rank_all(ix, "not recognized, and Windows "
		    "does not recognize it", 0, all, kb->nerrors);
		const struct match_result *q = NULL;
		for (size_t i = 0; i < m; i++)
			if (strcmp(all[i].err->id, "qcom-driver-qhsusb-bulk") == 0)
				q = &all[i];
		ok(q && q->whole > 0.3 && q->whole < 0.8,
		    "a message's word found by two words of the text counts "
		    "once (whole %.2f)", q ? q->whole : -1.0);
		free(all);
		is_str(top(ix, "USB device not recognized - The last USB device "
		    "you connected to this computer malfunctioned, and Windows "
		    "does not recognize it.", 0), "",
		    "Windows's own USB dialog: no Qualcomm driver answer");
		is_str(top(ix, "9008 not recognized", 0),
		    "qcom-driver-qhsusb-bulk", "while the 9008 message is found");
	}
	n = match_rank_all(ix, "", PLAT_QCOM, r, 5);
	ok(n == 5 && r[0].err == &kb->errors[0] &&
	    r[1].err == &kb->errors[1],
	    "rank_all with no text keeps the base's order (Qualcomm only)");
	match_index_free(ix);
	kb_free(kb);
}

/* Inputs the fuzzers found crashing, kept as regression tests. */
void
test_fuzz_regressions(void)
{
	struct diag d;
	struct kb *kb;
	struct match_index *ix;
	struct match_result r[4];
	const char *dir;

	/* Empty files: a base with no errors and no codes to index
	 * (fuzz_kb: qsort of a NULL array). */
	dir = make_kb("", "", "", "");
	diag_init(&d);
	kb = kb_load(dir, &d);
	ok(kb != NULL && d.errors > 0, "empty files: a base with errors");
	if (kb) {
		ix = match_index_new(kb);
		ok(match_query(ix, "WCSM code 4009", 0, r, 4) == 0 &&
		    match_rank_all(ix, "x", 0, r, 4) == 0,
		    "an index over no errors and no codes answers nothing");
		match_index_free(ix);
		kb_free(kb);
	}
	diag_free(&d);
}
