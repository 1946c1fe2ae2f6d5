/* scan_stop.h: the stages at which a log that stops, with no error line
 * after, tells what failed (edl's "Firehose mode detected, uploading...",
 * a tool waiting for a device that never comes).  Layer: scan. */
#ifndef FLASHFIX_SCAN_STOP_H
#define FLASHFIX_SCAN_STOP_H

#include <stddef.h>

#include "kb.h"

/* The stage the n bytes at t are (an index for scan_stop_family()), or
 * -1. */
int scan_stop_stage(const char *t, size_t n);
/* The family of stage k. */
enum family scan_stop_family(int k);

#endif
