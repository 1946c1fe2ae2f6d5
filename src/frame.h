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
};

/* The stage (enum family) of the flash that the n bytes at s name on
 * platform, by their words or the tool's module ("sahara - ", "DRAM";
 * PLAT_ bits; 0: only the vendor's stages, which both platforms share),
 * or FAM_COUNT.  Read only when a line needs it: no message matched. */
unsigned frame_stage(const char *s, size_t n, unsigned platform);

/* The families (bits 1 << enum family) an error may be of when the n
 * bytes at s were printed by one of mtkclient's modules, each of which
 * runs in a part of the flash ("DAXFlash - " once the BROM is past); 0
 * when no module is named.  *stage gets the one stage the module runs
 * in ("PLTools - ": BROM), or FAM_COUNT. */
unsigned frame_module(const char *s, size_t n, unsigned *stage);
/* The same for a module named at the start of s only ("Exploitation - "
 * first), as mtkclient prints its lines: cheap enough for every line of
 * a log. */
unsigned frame_module_lead(const char *s, size_t n, unsigned *stage);

/* Reads the frame of the n bytes at s into *f. */
void frame_read(const char *s, size_t n, struct frame *f);

#endif
