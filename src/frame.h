/* frame.h: reading a line before matching it: the frame of the tool that
 * printed it (mtkclient's "Preloader - ", edl's "sahara - ", SP Flash
 * Tool's "BROM ERROR :", QFIL's "ERROR:"...) tells the platform; some
 * frames say the line is no error at all (a field and its value, a
 * device found, a protection the tool announces it gets around); and some
 * lines are plainly another tool's error (Odin, fastboot, TWRP, a Python
 * traceback...), outside what a MediaTek and Qualcomm base knows.
 * Layer: match (below the query side). */
#ifndef FLASHFIX_FRAME_H
#define FLASHFIX_FRAME_H

#include <stdbool.h>
#include <stddef.h>

struct frame {
	unsigned platform;  /* PLAT_ bits the frame names; 0: none or both */
	const char *tool;   /* the flash tool whose frame it is, or NULL */
	const char *other;  /* another tool's error: that tool's name */
	bool weak_other;    /* other holds only when the base knows nothing
			       of the line (a Windows dialog about a DLL) */
	bool not_error;     /* success, progress or debug data */
	unsigned char stage; /* enum family: the stage of the flash the
				line's words or the tool's module name
				("sahara - ", "DRAM"); FAM_COUNT: none */
};

/* The stage (enum family) that the n bytes at s name on platform (PLAT_
 * bits; 0: only the vendor's stages, which both platforms share), or
 * FAM_COUNT. */
unsigned frame_stage(const char *s, size_t n, unsigned platform);

/* Reads the frame of the n bytes at s into *f; its stage on the platform
 * the frame names. */
void frame_read(const char *s, size_t n, struct frame *f);

#endif
