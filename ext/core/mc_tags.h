/* Tag lists ("name=value; name=value") of RFC 6376 §3.2, the syntax of DKIM
 * key records and of DMARC records (RFC 9989 §4.7). Only the split into
 * tags: what a tag means is the caller's. The text comes from DNS, so any
 * byte may appear, NUL included: lengths are explicit. Plain C core. */
#ifndef MC_TAGS_H
#define MC_TAGS_H

#include <stddef.h>

/* DKIM defines 7 key tags and DMARC 14: a list longer than this is junk,
 * and the tags past it are not read (truncated says so). */
#define MC_TAGS_MAX 64
/* How many malformed tag-specs are remembered to be named. */
#define MC_TAGS_BAD_SHOWN 4

typedef struct {
	const char *name;       /* into the text: ALPHA *(ALPHA / DIGIT / "_") */
	size_t name_len;
	const char *value;      /* into the text, without the white space around it; may be empty */
	size_t value_len;
	size_t pos;             /* offset of the name in the text */
} mc_tag;

typedef struct {
	size_t pos;             /* offset of the tag-spec in the text */
	const char *why;        /* a static reason */
} mc_tag_error;

typedef struct {
	mc_tag tags[MC_TAGS_MAX];
	size_t count;
	size_t nbad;            /* malformed tag-specs (left out of tags) */
	mc_tag_error bad[MC_TAGS_BAD_SHOWN];
	int truncated;          /* more than MC_TAGS_MAX tags: the rest were not read */
} mc_tag_list;

/* Splits text at ";" into tags. White space (SP, HTAB, CR, LF: RFC 6376's
 * FWS) may surround names, "=" and values, and may appear inside values.
 * A tag-spec that is not name=value, or whose value holds a byte outside
 * printable ASCII, is counted in nbad and left out. Empty tag-specs (";;",
 * a trailing ";") are allowed. */
void mc_tags_parse(const char *text, size_t len, mc_tag_list *out);
/* The first tag of that name, or NULL. ci: names compared without regard
 * to ASCII case (DMARC); DKIM's names are case-sensitive. */
const mc_tag *mc_tags_find(const mc_tag_list *list, const char *name, int ci);
/* The first tag whose name appeared before in the list, or NULL: RFC 6376
 * §3.2 makes a list with a repeated name invalid. */
const mc_tag *mc_tags_repeated(const mc_tag_list *list, int ci);
/* Whether the tag's name, or its whole value, is word (ASCII case ignored). */
int mc_tag_name_is(const mc_tag *tag, const char *word);
int mc_tag_value_is(const mc_tag *tag, const char *word);
/* Whether the byte is white space in a tag list. */
int mc_tags_is_space(int c);
/* The next item of a list separated by sep (the "," of DMARC's URI
 * lists, the ":" of DKIM's and DMARC's flag lists) in text[*pos, len),
 * white space around it trimmed: sets *item and *item_len and moves *pos
 * past the separator. Returns 0 when the list is done. An empty list is
 * one empty item; "a," is "a" and "". Start with *pos = 0. */
int mc_tags_next_item(const char *text, size_t len, char sep, size_t *pos, const char **item, size_t *item_len);
/* A NUL-terminated heap copy of len bytes (which may hold NULs), or NULL. */
char *mc_tags_copy(const char *text, size_t len);
/* Text from DNS as a message may quote it: printable ASCII kept, other
 * bytes as \xHH, cut with "..." to fit out (at least 16 bytes). */
const char *mc_tags_shown(const char *text, size_t len, char *out, size_t outlen);

#endif
