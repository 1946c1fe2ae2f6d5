/* kb_lazy.h: the knowledge base's long texts, left in their files and read
 * when first shown (internal to kb.c).
 * Layer: kb. */
#ifndef FLASHFIX_KB_LAZY_H
#define FLASHFIX_KB_LAZY_H

#include <stdbool.h>
#include <stdint.h>

#include "csvfile.h"
#include "kb.h"

struct kb_lazy *kb_lazy_new(void);
void kb_lazy_free(struct kb_lazy *lz);

/* The open file src was read from (path for messages); lz owns fd. */
void kb_lazy_keep(struct kb_lazy *lz, enum kb_src src, int fd,
    const char *path);

/* A text of src whose value is v[0..n), its bytes at sp: the handle to
 * keep.  A value whose bytes do not give it back (converted, escaped) is
 * kept in memory now. */
struct kb_text kb_lazy_ref(struct kb_lazy *lz, enum kb_src src,
    const struct csvspan *sp, const char *v, size_t n);

/* The texts kept in memory so far (at load: those kb_lazy_ref kept), one
 * per call from *i = 0 on; false after the last. */
bool kb_lazy_next(const struct kb_lazy *lz, size_t *i, enum kb_src *src,
    uint32_t *off, const char **s);
/* Keeps s (which must outlive lz) as the text of src at off. */
void kb_lazy_set(struct kb_lazy *lz, enum kb_src src, uint32_t off,
    const char *s);

/* The text t of src; NULL when t holds none. */
const char *kb_lazy_get(struct kb_lazy *lz, enum kb_src src,
    struct kb_text t);

/* Trims spaces and line feeds around s[0..*n); the new start. */
const char *kb_trim(const char *s, size_t *n);

#endif
