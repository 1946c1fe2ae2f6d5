/* frame.c: the frame of the tool that printed a line.
 *
 * Each mark is a piece of text as a tool prints it around its messages
 * (a logger's name, a prefix, a port or chip name), looked for without
 * regard to case at the start of a word.  Marks of one platform only say
 * the line came from that platform's tools; marks of another maker's
 * tool say the error is that tool's; a few shapes of line (a field and
 * its value, a device found, a protection announced as got around) say
 * that no error can be read from the line.
 *
 * Sources for the marks: the tools' own output as posted in their issue
 * trackers (bkerler/mtkclient, shomykohai/penumbra, bkerler/edl,
 * linux-msm/qdl, SP Flash Tool and QFIL logs on forums), and the other
 * tools' well-known formats (Odin's "<ID:0/003>", fastboot's "FAILED
 * (remote: ...)", Python's tracebacks).
 *
 * Layer: match (below the query side). */
#include <config.h>

#include "frame.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "kb.h"
#include "logline.h"
#include "tokens.h"

/* A mark: its text (lowercase ASCII, or Chinese; a trailing '$' asks
 * for the end of a word after it) and what it tells. */
struct mark {
	const char *s;
	const char *tool;
};

/* Frames of MediaTek's tools and chips. */
static const struct mark mtk_marks[] = {
	{ "preloader - ", "mtkclient" }, { "daxflash - ", "mtkclient" },
	{ "dahandler - ", "mtkclient" }, { "pltools - ", "mtkclient" },
	{ "xflashext - ", "mtkclient" }, { "daloader - ", "mtkclient" },
	{ "dalegacy - ", "mtkclient" }, { "mtk - ", "mtkclient" },
	{ "exploitation - ", "mtkclient" }, { "sej - ", "mtkclient" },
	{ "mtkclient", "mtkclient" },
	{ "kamakiri", "mtkclient" }, { "antumbra", "antumbra" },
	{ "penumbra", "penumbra" }, { "sendda", "penumbra" },
	{ "brom error", "SP Flash Tool" },
	{ "brom exception", "SP Flash Tool" },
	{ "brom_dll", "SP Flash Tool" }, { "da_dll", "SP Flash Tool" },
	{ "flashtool[", "SP Flash Tool" }, { "apcore::", "SP Flash Tool" },
	{ "sp flash", "SP Flash Tool" }, { "spflash", "SP Flash Tool" },
	{ "flash_tool", "SP Flash Tool" },
	{ "sp multiport", "SP MultiPort Flash Download" },
	{ "bypass_utility", "bypass_utility" }, { "0e8d:", NULL },
	{ "mediatek", NULL }, { "preloader vcom", NULL },
	{ "helio$", NULL }, { "dimensity$", NULL }, { "spft$", "SP Flash Tool" },
	{ "xflash", NULL }, { "s_ft_", NULL }, { "s_brom_", NULL },
	{ "s_da_", NULL }, { "s_dl_", NULL }, { "status_brom", NULL },
	{ "status_da_", NULL }, { "scatter", NULL },
	{ "emi$", NULL }, { "brom mode", NULL },
	{ "sla$", NULL }, { "daa$", NULL }, { "mtk$", NULL },
	{ "preloader$", NULL }, { "brom$", NULL }, { "da1$", NULL },
	{ "da2$", NULL }, { "pmt$", NULL }, { "联发科", NULL },
	/* SP Flash Tool's own progress, quoted in a report, and mtkclient's
	 * word for the seccfg lock */
	{ "download da", "SP Flash Tool" }, { "downloading da", "SP Flash Tool" },
	{ "sp tool", "SP Flash Tool" }, { "lockstate", NULL },
};

/* Frames of Qualcomm's tools and of the 9008 port. */
static const struct mark qcom_marks[] = {
	{ "sahara - ", "edl" }, { "firehose - ", "edl" },
	{ "firehose_client", "edl" }, { "library.sahara", "edl" },
	{ "library.firehose", "edl" }, { "edlclient", "edl" },
	{ "edl.py", "edl" }, { "qdl:", "qdl" }, { "qdl-rs", "qdl-rs" },
	{ "qfil", "QFIL" }, { "qsaharaserver", "QSaharaServer" },
	{ "fh_loader", "fh_loader" }, { "ltbox", "LTBox" },
	{ "emmcdl", "emmcdl" }, { "msmdownloadtool", "MsmDownloadTool" },
	{ "msm download tool", "MsmDownloadTool" },
	{ "qdloader", NULL }, { "hs-usb", NULL }, { "05c6:", NULL },
	{ "9008$", NULL }, { "900e$", NULL }, { "0x900e$", NULL },
	{ "qualcomm", NULL },
	{ "snapdragon", NULL }, { "target said", NULL },
	{ "<response value", NULL }, { "<log value", NULL },
	{ "sahara", NULL }, { "firehose", NULL }, { "qpst", NULL },
	{ "rawprogram", NULL }, { "prog_emmc", NULL }, { "prog_ufs", NULL },
	{ "edl$", NULL }, { "pk_hash", NULL }, { "msm8", NULL },
	{ "qhusb", NULL }, { "qhsusb", NULL }, { "[configure]", NULL },
	{ "高通", NULL }, { "error: function: ", "QSaharaServer" },
	{ "hello_resp", NULL }, { "hello response", NULL },
	{ "streaming mode", NULL },
};

/* Marks of another maker's tool, or of a program that is not a flash
 * tool at all, whose errors the base does not know. */
static const struct mark other_marks[] = {
	{ "<id:0/", "Odin" }, { "odin", "Odin" }, { "<osm>", "Odin" },
	{ "sw rev check fail", "Samsung bootloader" },
	{ "setupconnection", "Odin" }, { "heimdall", "Heimdall" },
	{ "researchdownload", "Unisoc ResearchDownload" },
	{ "upgradedownload", "Unisoc UpgradeDownload" },
	{ "factorydownload", "Unisoc FactoryDownload" },
	{ "unisoc", "Unisoc" }, { "spreadtrum", "Unisoc" },
	{ "sprd", "Unisoc" }, { "fastboot:", "fastboot" },
	{ "failed (remote", "fastboot" }, { "< waiting for", "fastboot" },
	{ "(bootloader) ", "fastboot" }, { "failed (status read", "fastboot" },
	{ "failed (write to device", "fastboot" }, { "twrp", "TWRP" },
	{ "updater process ended", "TWRP" }, { "e:unable to mount", "TWRP" },
	{ "e:failed to mount", "TWRP" }, { "livesuit", "LiveSuite" },
	{ "phoenixsuit", "PhoenixSuit" }, { "phoenixcard", "PhoenixCard" },
	{ "allwinner", "Allwinner" }, { "sunxi", "Allwinner" },
	{ "rockchip", "Rockchip" }, { "rkflashtool", "Rockchip rkflashtool" },
	{ "rkdevtool", "Rockchip RKDevTool" },
	{ "rkdeveloptool", "Rockchip rkdeveloptool" },
	{ "amlogic", "Amlogic" }, { "usb burning tool", "Amlogic USB Burning Tool" },
	{ "hisilicon", "HiSilicon" }, { "hisuite", "HiSuite" },
	{ "balong", "HiSilicon" }, { "fwupd", "fwupd" },
	{ "lvfs", "fwupd" }, { "adb: ", "adb" }, { "adb server", "adb" },
	{ "error: device unauthorized", "adb" },
	{ "no devices/emulators found", "adb" },
	{ "traceback (most recent call last)", "Python" },
	{ "modulenotfounderror", "Python" }, { "no module named", "Python" },
	{ "importerror", "Python" }, { "syntaxerror", "Python" },
	{ "indentationerror", "Python" }, { "ssh: ", "ssh" },
	/* a file the program looked for is not on the PC */
	{ "filenotfounderror: ", "Python" },
};

/* Marks of programs whose names MTK and Qualcomm threads use too ("but I
 * can enter recovery and fastboot"): another tool's error only when the
 * line names neither platform. */
static const struct mark bare_other_marks[] = {
	{ "fastboot", "fastboot" },
	{ "whole-file signature", "Android recovery" },
	{ "e:signature verification", "Android recovery" },
	{ "e:failed to verify", "Android recovery" },
	{ "write-firmware", "fwupd" }, { "efivarsfs", "fwupd" },
	{ "libwdi", "libwdi (Zadig)" },
};

/* Windows dialogs about a program's libraries: another program's error
 * unless the base knows the library (the vendor tool's runtime). */
static const struct mark dialog_marks[] = {
	{ "the program can't start because", "Windows" },
	{ "the program can not start because", "Windows" },
	{ "the code execution cannot proceed because", "Windows" },
	{ "is missing from your computer", "Windows" },
	{ "dll was not found", "Windows" },
	{ "entry point not found", "Windows" },
};

/* Lines in which a tool announces it gets around a protection, as a
 * step of its work. */
static const char *const bypass_marks[] = {
	"patched ", "patched$", "bypass", "exploit", "kamakiri",
	"disabling ", "to always report", "crashing da", "trying to crash",
};

/* Advice for a failure that has not happened: "..., if it fails, try
 * using --memory with UFS". */
static const char *const advice_marks[] = {
	"if it fails", "if this fails", "if that fails", "in case it fails",
};

/* Words of a device or port found, of a step done. */
static const char *const found_marks[] = {
	"connected", "found", "detected", "opened", "succeeded",
	"successful", "completed", "done", "passed", "ready", "enabled",
	"handshake ok",
};

/* Words and module names that place a line in one stage of the flash,
 * and so in one family, when its platform is known: mtkclient's and
 * edl's loggers are named after the stage ("Sej - " drives the security
 * engine, "PLTools - " sends the BROM payload), and a few words of the
 * field belong to one stage only.  First match wins: the later stages,
 * which need the earlier ones to have passed, come first.  Sources: the
 * module names of bkerler/mtkclient (mtkclient/Library) and bkerler/edl
 * (edlclient/Library); the stages as MediaTek's and Qualcomm's download
 * protocols run them (see data/errors.csv, the families' entries). */
static const struct stage {
	const char *s;
	unsigned platform;
	unsigned char family;
} stage_marks[] = {
	/* SP Flash Tool heads every error "BROM ERROR", whatever its
	 * stage: no stage (FAM_COUNT) */
	{ "brom error", PLAT_MTK, FAM_COUNT },
	/* MediaTek */
	{ "sej - ", PLAT_MTK, FAM_MTK_AUTH },
	{ "authenticat", PLAT_MTK, FAM_MTK_AUTH },
	{ "sla$", PLAT_MTK, FAM_MTK_AUTH }, { "daa$", PLAT_MTK, FAM_MTK_AUTH },
	{ "sec:", PLAT_MTK, FAM_MTK_AUTH },
	{ "auth file", PLAT_MTK, FAM_MTK_AUTH }, { "auth$", PLAT_MTK, FAM_MTK_AUTH },
	{ "seccfg", PLAT_MTK, FAM_MTK_AUTH },
	{ "lockstate", PLAT_MTK, FAM_MTK_AUTH },
	{ "dram", PLAT_MTK, FAM_MTK_DRAM }, { "emi$", PLAT_MTK, FAM_MTK_DRAM },
	{ "scatter", PLAT_MTK, FAM_MTK_IMAGE }, { "pmt$", PLAT_MTK, FAM_MTK_IMAGE },
	{ "daxflash - ", PLAT_MTK, FAM_MTK_DA },
	{ "dalegacy - ", PLAT_MTK, FAM_MTK_DA },
	{ "xflashext - ", PLAT_MTK, FAM_MTK_DA },
	{ "dahandler - ", PLAT_MTK, FAM_MTK_DA },
	{ "da1$", PLAT_MTK, FAM_MTK_DA }, { "da2$", PLAT_MTK, FAM_MTK_DA },
	{ "pltools - ", PLAT_MTK, FAM_MTK_BROM },
	{ "exploitation - ", PLAT_MTK, FAM_MTK_BROM },
	{ "brom$", PLAT_MTK, FAM_MTK_BROM }, { "bootrom", PLAT_MTK, FAM_MTK_BROM },
	{ "handshake", PLAT_MTK, FAM_MTK_BROM },
	{ "preloader vcom", PLAT_MTK, FAM_MTK_BROM },
	{ "driver", PLAT_MTK, FAM_MTK_BROM }, { "驱动", PLAT_MTK, FAM_MTK_BROM },
	/* Qualcomm: a phone seen in 900E has left the stage it failed in */
	{ "900e$", PLAT_QCOM, FAM_QCOM_STATE },
	{ "0x900e$", PLAT_QCOM, FAM_QCOM_STATE },
	/* the programmer's authentication (Xiaomi's) runs inside Firehose */
	{ "authenticat", PLAT_QCOM, FAM_QCOM_AUTH },
	{ "auth$", PLAT_QCOM, FAM_QCOM_AUTH },
	/* edl's module, and the protocol's stage; "firehose" alone is as
	 * often the programmer's file ("tried all 3 firehose files", "no
	 * firehose for the phone"), sent in the Sahara stage, or the port */
	{ "firehose - ", PLAT_QCOM, FAM_QCOM_FIREHOSE },
	{ "firehose section", PLAT_QCOM, FAM_QCOM_FIREHOSE },
	{ "firehose stage", PLAT_QCOM, FAM_QCOM_FIREHOSE },
	{ "firehose mode", PLAT_QCOM, FAM_QCOM_FIREHOSE },
	{ "firehose protocol", PLAT_QCOM, FAM_QCOM_FIREHOSE },
	{ "firehose command", PLAT_QCOM, FAM_QCOM_FIREHOSE },
	{ "<response value", PLAT_QCOM, FAM_QCOM_FIREHOSE },
	{ "configure", PLAT_QCOM, FAM_QCOM_FIREHOSE },
	{ "sahara", PLAT_QCOM, FAM_QCOM_SAHARA },
	{ "hello_resp", PLAT_QCOM, FAM_QCOM_SAHARA },
	{ "loader", PLAT_QCOM, FAM_QCOM_SAHARA },
	{ "gpt$", PLAT_QCOM, FAM_QCOM_STORAGE },
	{ "printgpt", PLAT_QCOM, FAM_QCOM_STORAGE },
	{ "qdloader", PLAT_QCOM, FAM_QCOM_DRIVER },
	{ "qhsusb", PLAT_QCOM, FAM_QCOM_DRIVER },
	{ "driver", PLAT_QCOM, FAM_QCOM_DRIVER }, { "驱动", PLAT_QCOM, FAM_QCOM_DRIVER },
	{ "进入9008", PLAT_QCOM, FAM_QCOM_DRIVER },
	{ "进入 9008", PLAT_QCOM, FAM_QCOM_DRIVER },
	{ "进不了9008", PLAT_QCOM, FAM_QCOM_DRIVER },
	/* The vendor's own stages, on either platform */
	{ "ofp$", PLAT_BOTH, FAM_VENDOR_PACKAGE },
	{ "ops file", PLAT_BOTH, FAM_VENDOR_PACKAGE },
	{ "login", PLAT_BOTH, FAM_VENDOR_ACCOUNT },
	{ "log in", PLAT_BOTH, FAM_VENDOR_ACCOUNT },
};

/* mtkclient's modules, the families an error printed inside one may
 * belong to, and the stage it runs in when that is one: PLTools and
 * Exploitation send the BROM payload, before the DA, and get around its
 * protection (BROM); Sej drives the security engine (auth); the DA's
 * modules (DAXFlash, DALegacy, XFlashExt, DaHandler) run once the BROM
 * and the DA's sending are past, and do the DA's own checks, DRAM, the
 * partitions and their writing: no one stage.  Source: bkerler/mtkclient,
 * mtkclient/Library (the module names and what each does). */
#define BIT(f) (1u << (f))
#define DA_STAGES (BIT(FAM_MTK_DA) | BIT(FAM_MTK_DRAM) | BIT(FAM_MTK_AUTH) | \
	BIT(FAM_MTK_IMAGE) | BIT(FAM_MTK_DOWNLOAD) | BIT(FAM_MTK_STORAGE))
static const struct module {
	const char *s;
	unsigned families;
	unsigned char stage;
} modules[] = {
	{ "pltools - ", BIT(FAM_MTK_BROM) | BIT(FAM_MTK_AUTH), FAM_MTK_BROM },
	{ "exploitation - ", BIT(FAM_MTK_BROM) | BIT(FAM_MTK_AUTH),
	    FAM_MTK_BROM },
	{ "sej - ", BIT(FAM_MTK_AUTH), FAM_MTK_AUTH },
	{ "daxflash - ", DA_STAGES, FAM_COUNT },
	{ "dalegacy - ", DA_STAGES, FAM_COUNT },
	{ "xflashext - ", DA_STAGES, FAM_COUNT },
	{ "dahandler - ", DA_STAGES, FAM_COUNT },
};

/* Statuses whose name reports success. */
static const char *const ok_status[] = {
	"no_auth_needed", "status_success", "status_ok", "s_done",
};

static bool
word_char(unsigned char c)
{
	return isalnum(c) || c == '_' || c >= 0x80;
}

static bool
ascii_word(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z') || c == '_';
}

/* c in lowercase, when it is an ASCII letter (no locale's tables). */
static unsigned char
fold(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c + ('a' - 'A')) : c;
}

/* Whether mark m, of mlen bytes and with a '$' after it when end, starts
 * at s[i] (its first byte already matched, in any case) as a word of
 * s[0..n) would. */
static bool
mark_at(const char *s, size_t n, size_t i, const char *m, size_t mlen,
    bool end)
{
	size_t k = 1;

	/* Chinese has no spaces: a mark in it may start anywhere, and a
	 * word of ASCII may start right after it (进入9008). */
	if (i > 0 && ascii_word((unsigned char)s[i - 1]) &&
	    ascii_word((unsigned char)m[0]))
		return false;
	while (k < mlen && fold((unsigned char)s[i + k]) == (unsigned char)m[k])
		k++;
	if (k < mlen)
		return false;
	return !(end && i + mlen < n && ascii_word((unsigned char)s[i + mlen]));
}

/* The first place before lim in s[0..n) where m (mlen <= n) starts with
 * byte c, or n. */
static size_t
first_at(const char *s, size_t n, size_t lim, unsigned char c,
    const char *m, size_t mlen, bool end)
{
	const char *p = s, *last;

	if (lim > n - mlen + 1)
		lim = n - mlen + 1;
	if (lim == 0)
		return n;
	last = s + lim - 1;
	/* memchr() finds the first byte: a line is read for some two
	 * hundred marks, and nearly all are ruled out by it. */
	while (p <= last && (p = memchr(p, c, (size_t)(last - p) + 1))) {
		if (mark_at(s, n, (size_t)(p - s), m, mlen, end))
			return (size_t)(p - s);
		p++;
	}
	return n;
}

/* Where mark m (see struct mark) starts a word of s[0..n), or NULL. */
static const char *
find(const char *s, size_t n, const char *m)
{
	size_t mlen = strlen(m), i;
	bool end = mlen && m[mlen - 1] == '$';
	unsigned char c;

	if (end)
		mlen--;
	if (mlen == 0 || mlen > n)
		return NULL;
	c = (unsigned char)m[0];
	i = first_at(s, n, n, c, m, mlen, end);
	if (c >= 'a' && c <= 'z') {
		/* and in capitals, before that place */
		size_t j = first_at(s, n, i, (unsigned char)(c - ('a' - 'A')),
		    m, mlen, end);
		if (j < i)
			i = j;
	}
	return i < n ? s + i : NULL;
}

/* The first mark of v[0..nv) in s, or NULL. */
static const struct mark *
find_mark(const char *s, size_t n, const struct mark *v, size_t nv)
{
	for (size_t i = 0; i < nv; i++)
		if (find(s, n, v[i].s))
			return &v[i];
	return NULL;
}

static bool
find_any(const char *s, size_t n, const char *const *v, size_t nv)
{
	for (size_t i = 0; i < nv; i++)
		if (find(s, n, v[i]))
			return true;
	return false;
}

#define NELEM(v) (sizeof (v) / sizeof *(v))

/* Whether a chip's name (MT6765, MT8167, MTK6789) is in s. */
static bool
mtk_chip(const char *s, size_t n)
{
	for (size_t i = 0; i + 6 <= n; i++) {
		size_t d = i + 2;
		if ((i > 0 && word_char((unsigned char)s[i - 1])) ||
		    tolower((unsigned char)s[i]) != 'm' ||
		    tolower((unsigned char)s[i + 1]) != 't')
			continue;
		if (tolower((unsigned char)s[d]) == 'k')
			d++; /* MTK6789, as people write it */
		if (d < n && (s[d] == '-' || s[d] == ' '))
			d++; /* MT-6877, MT 6765 */
		if (d + 4 > n || (s[d] != '6' && s[d] != '8'))
			continue;
		if (isdigit((unsigned char)s[d + 1]) &&
		    isdigit((unsigned char)s[d + 2]) &&
		    isdigit((unsigned char)s[d + 3]))
			return true;
	}
	return false;
}

/* How many words s[0..n) has. */
static size_t
count_words(const char *s, size_t n)
{
	size_t w = 0;
	bool in = false;

	for (size_t i = 0; i < n; i++) {
		bool c = word_char((unsigned char)s[i]);
		if (c && !in)
			w++;
		in = c;
	}
	return w;
}

/* Whether s[0..n) is a field and its value, with nothing that fails
 * before the value: "DAA enabled:  True", "SLA: true", "Found device =
 * 0e8d:0003", "HW code: 0x996". */
static bool
field_line(const char *s, size_t n)
{
	static const char *const values[] = {
		"true", "false", "yes", "no", "enabled", "disabled", "none",
		"unknown", "n/a", "null", "on", "off",
	};
	size_t end = n, start, sep = n;

	while (end > 0 && isspace((unsigned char)s[end - 1]))
		end--;
	start = end;
	while (start > 0 && !isspace((unsigned char)s[start - 1]) &&
	    s[start - 1] != ':' && s[start - 1] != '=')
		start--;
	if (start == end)
		return false;
	for (size_t i = start; i-- > 0;) {
		if (s[i] == ':' || s[i] == '=') {
			sep = i;
			break;
		}
		if (!isspace((unsigned char)s[i]))
			return false;
	}
	if (sep == n || sep == 0 || memchr(s, ',', sep))
		return false;
	/* The value: a word of values[], or a number (decimal, hex, a
	 * version). */
	{
		size_t vl = end - start, k;
		bool num = true, known = false;
		for (k = 0; k < NELEM(values); k++)
			if (strlen(values[k]) == vl &&
			    strncasecmp(s + start, values[k], vl) == 0)
				known = true;
		for (k = start; k < end; k++)
			if (!isxdigit((unsigned char)s[k]) && s[k] != 'x' &&
			    s[k] != 'X' && s[k] != '.')
				num = false;
		if (!known && !num)
			return false;
	}
	return !logline_maybe_error(s, sep);
}

/* Whether s[0..n) is a line of the Linux kernel's USB core, after the
 * stamp of dmesg: "[   86.480463] usb 2-3: device descriptor read/64,
 * error -71", "usb usb2-port3: unable to enumerate USB device". */
static bool
kernel_usb(const char *s, size_t n)
{
	size_t i = 0;

	if (n && s[0] == '[') {
		const char *e = memchr(s, ']', n);
		if (!e)
			return false;
		i = (size_t)(e - s) + 1;
		while (i < n && s[i] == ' ')
			i++;
	}
	if (n - i < 6 || memcmp(s + i, "usb ", 4) != 0)
		return false;
	i += 4;
	if (n - i >= 3 && memcmp(s + i, "usb", 3) == 0)
		i += 3;
	if (i == n || !isdigit((unsigned char)s[i]))
		return false;
	while (i < n) {
		if (isdigit((unsigned char)s[i]) || s[i] == '-' || s[i] == '.')
			i++;
		else if (n - i >= 4 && memcmp(s + i, "port", 4) == 0)
			i += 4;
		else
			break;
	}
	return i < n && s[i] == ':';
}

/* Whether s[0..n) ends in a probe for one optional field that the
 * target did not report: edl's "firehose - [LIB]: Couldn't detect
 * MaxPayloadSizeFromTargetinBytes" while it reads the reply to its
 * <configure>, as a read that works prints it (bkerler/edl #424).  A
 * thing not found in words ("Couldn't detect the device") is a
 * failure. */
static bool
probe_line(const char *s, size_t n)
{
	static const char m[] = "couldn't detect ";
	const char *p = NULL, *q;

	for (q = s; (q = find(q, n - (size_t)(q - s), m)); q++)
		p = q;
	if (!p)
		return false;
	p += sizeof m - 1;
	q = p;
	while (q < s + n && ascii_word((unsigned char)*q))
		q++;
	while (q < s + n && (*q == '.' || *q == '!' || isspace((unsigned char)*q)))
		q++;
	return q > p && q == s + n;
}

/* Whether s[0..n) is a tool announcing a step that gets around a
 * protection ("Patched DA", "Exploitation - Crashing da..." to reach
 * BROM), no failure; failing: whether it has a mark of one.  "Patched
 * against carbonara" is the phone refusing the exploit. */
static bool
tool_step(const char *s, size_t n, bool failing)
{
	bool crash = (find(s, n, "crashing da") ||
	    find(s, n, "trying to crash")) && !find(s, n, "fail") &&
	    !find(s, n, "err");

	return (!failing || crash) && !find(s, n, "patched against") &&
	    find_any(s, n, bypass_marks, NELEM(bypass_marks));
}

unsigned
frame_module_lead(const char *s, size_t n, unsigned *stage)
{
	const char *dash = memchr(s, '-', n < 20 ? n : 20);
	size_t len;

	*stage = FAM_COUNT;
	if (!dash || dash == s || dash[-1] != ' ' ||
	    (size_t)(dash - s) + 2 > n || dash[1] != ' ')
		return 0;
	len = (size_t)(dash - s) + 2;
	for (size_t i = 0; i < NELEM(modules); i++) {
		size_t k = 0;
		if (strlen(modules[i].s) != len)
			continue;
		while (k < len && fold((unsigned char)s[k]) ==
		    (unsigned char)modules[i].s[k])
			k++;
		if (k == len) {
			*stage = modules[i].stage;
			return modules[i].families;
		}
	}
	return 0;
}

unsigned
frame_module(const char *s, size_t n, unsigned *stage)
{
	*stage = FAM_COUNT;
	for (size_t i = 0; i < NELEM(modules); i++)
		if (find(s, n, modules[i].s)) {
			*stage = modules[i].stage;
			return modules[i].families;
		}
	return 0;
}

unsigned
frame_stage(const char *s, size_t n, unsigned platform)
{
	for (size_t i = 0; i < NELEM(stage_marks); i++) {
		const char *p = s;
		if (stage_marks[i].platform != PLAT_BOTH &&
		    !(stage_marks[i].platform & platform))
			continue;
		/* A stage's word in a file's path is a name, no stage:
		 * "../brom-payload/build/payload.bin",
		 * "src/firehose/qfirehose.c". */
		while ((p = find(p, (size_t)(s + n - p), stage_marks[i].s)))
			if (!tok_in_path(s, n, (size_t)(p++ - s)))
				return stage_marks[i].family;
	}
	return FAM_COUNT;
}

/* Whether a Qualcomm chip's name is in s: SDM450, SM8250, MSM8916,
 * APQ8064, SDX55 (letters, then three or four digits, at a word's
 * start). */
static bool
qcom_chip(const char *s, size_t n)
{
	static const char *const pre[] = { "sdm", "sm", "msm", "apq", "sdx" };

	for (size_t i = 0; i < n; i++) {
		if (i > 0 && word_char((unsigned char)s[i - 1]))
			continue;
		for (size_t k = 0; k < NELEM(pre); k++) {
			size_t l = strlen(pre[k]), d = 0;
			if (i + l > n || strncasecmp(s + i, pre[k], l) != 0)
				continue;
			while (i + l + d < n && isdigit((unsigned char)s[i + l + d]))
				d++;
			if (d == 3 || d == 4)
				return true;
		}
	}
	return false;
}

void
frame_read(const char *s, size_t n, struct frame *f)
{
	const struct mark *m, *mm, *qm;
	bool failing;

	memset(f, 0, sizeof *f);
	mm = find_mark(s, n, mtk_marks, NELEM(mtk_marks));
	qm = find_mark(s, n, qcom_marks, NELEM(qcom_marks));
	if (mm || mtk_chip(s, n))
		f->platform |= PLAT_MTK;
	if (qm || qcom_chip(s, n))
		f->platform |= PLAT_QCOM;
	if (f->platform == PLAT_BOTH)
		f->platform = 0;
	f->tool = mm && mm->tool ? mm->tool : qm && qm->tool ? qm->tool :
	    NULL;

	if ((m = find_mark(s, n, other_marks, NELEM(other_marks)))) {
		/* A traceback's frame inside a flash tool's own code is that
		 * tool's debug output, no error of another tool. */
		if (f->tool && strcmp(m->tool, "Python") == 0)
			f->not_error = true;
		else
			f->other = m->tool;
		return;
	}
	/* The kernel says what the port did, with its own words: the
	 * USB core's, not a flash tool's error. */
	if (kernel_usb(s, n)) {
		f->other = "Linux kernel (USB)";
		return;
	}
	if (!f->platform && !f->tool &&
	    (m = find_mark(s, n, bare_other_marks, NELEM(bare_other_marks)))) {
		f->other = m->tool;
		return;
	}
	if ((m = find_mark(s, n, dialog_marks, NELEM(dialog_marks)))) {
		f->other = m->tool;
		f->weak_other = true;
		return;
	}
	/* A traceback's "File "x.py", line 12, in f". */
	if (find(s, n, "file \"") && find(s, n, "\", line ")) {
		if (f->tool)
			f->not_error = true;
		else
			f->other = "Python";
		return;
	}

	failing = logline_maybe_error(s, n);
	if (find_any(s, n, advice_marks, NELEM(advice_marks)))
		f->not_error = true;
	else if (find_any(s, n, ok_status, NELEM(ok_status)) &&
	    !find(s, n, "fail") && !find(s, n, "err"))
		f->not_error = true;
	else if (field_line(s, n) || probe_line(s, n))
		f->not_error = true;
	else if (tool_step(s, n, failing))
		f->not_error = true;
	else if (!failing && count_words(s, n) <= 6 && !find(s, n, "quit") &&
	    find_any(s, n, found_marks, NELEM(found_marks)))
		f->not_error = true;
	else if (!failing && find(s, n, "(com") && f->platform)
		f->not_error = true; /* a port's name: "QDLoader 9008 (COM5)" */
	else if (find(s, n, "vid:pid=") && !find(s, n, "fail") &&
	    !find(s, n, "error"))
		f->not_error = true; /* pyserial's list of the ports there */
}
