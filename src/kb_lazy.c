/* kb_lazy.c: the knowledge base's long texts, read when first shown.
 *
 * Causes and steps are most of a base's bytes but only a few are shown in
 * a session, so the loader validates them and keeps where they are, not
 * what they say.  Each file stays open; a text is read back with libcsv,
 * trimmed and checked as the loader did, and kept.  A file changed on disk
 * since the load (its size or time differs) is not trusted: the text says
 * so.  Replacing the file (a spreadsheet's save) does not matter: the open
 * file is the one that was validated.
 * Layer: kb. */
#include <config.h>

#include "kb_lazy.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "i18n.h"
#include "text.h"
#include "util.h"

struct source {
	int fd;
	char *path;
	struct stat st; /* when it was read */
};

struct memo {
	uint64_t key; /* src << 32 | offset; 0: free slot */
	const char *s;
};

struct kb_lazy {
	struct source src[KB_NSRC];
	struct arena arena;
	struct memo *tab;
	size_t n, cap;
	struct buf scratch;
};

struct kb_lazy *
kb_lazy_new(void)
{
	struct kb_lazy *lz = xcalloc(1, sizeof *lz);

	for (int i = 0; i < KB_NSRC; i++)
		lz->src[i].fd = -1;
	arena_init(&lz->arena);
	buf_init(&lz->scratch);
	return lz;
}

void
kb_lazy_free(struct kb_lazy *lz)
{
	if (!lz)
		return;
	for (int i = 0; i < KB_NSRC; i++) {
		if (lz->src[i].fd >= 0)
			close(lz->src[i].fd);
		free(lz->src[i].path);
	}
	arena_free(&lz->arena);
	free(lz->tab);
	buf_free(&lz->scratch);
	free(lz);
}

void
kb_lazy_keep(struct kb_lazy *lz, enum kb_src src, int fd, const char *path)
{
	struct source *s = &lz->src[src];

	if (s->fd >= 0)
		close(s->fd);
	free(s->path);
	s->fd = fd;
	s->path = xstrdup(path);
	if (fstat(fd, &s->st) != 0) {
		close(fd);
		s->fd = -1;
	}
}

const char *
kb_trim(const char *s, size_t *n)
{
	while (*n && (*s == ' ' || *s == '\n'))
		s++, (*n)--;
	while (*n && (s[*n - 1] == ' ' || s[*n - 1] == '\n'))
		(*n)--;
	return s;
}

static uint64_t
key_of(enum kb_src src, uint32_t off)
{
	/* +1: key 0 marks a free slot */
	return ((uint64_t)src + 1) << 32 | off;
}

static size_t
slot(const struct kb_lazy *lz, uint64_t key)
{
	size_t h = (size_t)(key * 0x9e3779b97f4a7c15ULL >> 17) & (lz->cap - 1);

	while (lz->tab[h].key && lz->tab[h].key != key)
		h = (h + 1) & (lz->cap - 1);
	return h;
}

static void
put(struct kb_lazy *lz, uint64_t key, const char *s)
{
	if ((lz->n + 1) * 2 > lz->cap) {
		struct memo *old = lz->tab;
		size_t oldcap = lz->cap;
		lz->cap = oldcap ? oldcap * 2 : 64;
		lz->tab = xcalloc(lz->cap, sizeof *lz->tab);
		for (size_t i = 0; i < oldcap; i++)
			if (old[i].key)
				lz->tab[slot(lz, old[i].key)] = old[i];
		free(old);
	}
	size_t h = slot(lz, key);
	if (!lz->tab[h].key)
		lz->n++;
	lz->tab[h] = (struct memo){ key, s };
}

struct kb_text
kb_lazy_ref(struct kb_lazy *lz, enum kb_src src, const struct csvspan *sp,
    const char *v, size_t n)
{
	if (n == 0)
		return (struct kb_text){ 0, 0 };
	if (!sp->ok)
		put(lz, key_of(src, (uint32_t)sp->off),
		    arena_strndup(&lz->arena, v, n));
	/* A value has bytes; len stays non-zero even if sp does not
	 * count them. */
	return (struct kb_text){ (uint32_t)sp->off,
		sp->len ? (uint32_t)sp->len : 1 };
}

bool
kb_lazy_next(const struct kb_lazy *lz, size_t *i, enum kb_src *src,
    uint32_t *off, const char **s)
{
	for (; *i < lz->cap; (*i)++) {
		const struct memo *m = &lz->tab[*i];
		if (m->key) {
			*src = (enum kb_src)((m->key >> 32) - 1);
			*off = (uint32_t)m->key;
			*s = m->s;
			(*i)++;
			return true;
		}
	}
	return false;
}

void
kb_lazy_set(struct kb_lazy *lz, enum kb_src src, uint32_t off, const char *s)
{
	put(lz, key_of(src, off), s);
}

/* Whether the file still is what the loader read. */
static bool
unchanged(const struct source *s)
{
	struct stat now;

	return fstat(s->fd, &now) == 0 && now.st_size == s->st.st_size &&
	    now.st_mtim.tv_sec == s->st.st_mtim.tv_sec &&
	    now.st_mtim.tv_nsec == s->st.st_mtim.tv_nsec;
}

/* Reads t from its file into the arena, or says why it cannot. */
static const char *
fetch(struct kb_lazy *lz, enum kb_src src, struct kb_text t)
{
	const struct source *s = &lz->src[src];
	struct csvspan sp = { t.off, t.len, true };
	const char *v;
	size_t n;
	char *msg, *out;
	bool same = false;

	if (s->fd < 0)
		msg = xasprintf(_("[text not available: %s could not be "
		    "read]"), s->path ? s->path : "?");
	else if ((same = unchanged(s)) &&
	    csvfile_field(s->fd, &sp, &lz->scratch))
		msg = NULL;
	else if (same && errno) /* set by csvfile_field */
		msg = xasprintf(_("[text not available: cannot read %s: %s]"),
		    s->path, strerror(errno));
	else
		msg = xasprintf(_("[text not shown: %s was changed after "
		    "flashfix started; start flashfix again]"), s->path);
	if (msg) {
		out = arena_strndup(&lz->arena, msg, strlen(msg));
		free(msg);
		return out;
	}
	n = lz->scratch.len;
	v = kb_trim(lz->scratch.s, &n);
	/* The loader checked these bytes; a file changed without a new
	 * time could still bring others, so check again. */
	if (text_find_bad(v, n) != (size_t)-1) {
		char *e = text_escape(v, n, TEXT_KEEP_NL);
		out = arena_strndup(&lz->arena, e, strlen(e));
		free(e);
		return out;
	}
	return arena_strndup(&lz->arena, v, n);
}

const char *
kb_lazy_get(struct kb_lazy *lz, enum kb_src src, struct kb_text t)
{
	uint64_t key;
	const char *s;
	size_t h;

	if (t.len == 0)
		return NULL;
	key = key_of(src, t.off);
	if (lz->cap && lz->tab[h = slot(lz, key)].key)
		return lz->tab[h].s;
	s = fetch(lz, src, t);
	put(lz, key, s);
	return s;
}
