#include "mc_tags.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int lower(int c)
{
	return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

static int is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

int mc_tags_is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static void add_bad(mc_tag_list *out, size_t pos, const char *why)
{
	if (out->nbad < MC_TAGS_BAD_SHOWN) {
		out->bad[out->nbad].pos = pos;
		out->bad[out->nbad].why = why;
	}
	out->nbad++;
}

/* One tag-spec, text[start, end): a tag, nothing (empty spec) or a bad one. */
static void parse_spec(const char *text, size_t start, size_t end, mc_tag_list *out)
{
	size_t i = start;
	while (i < end && mc_tags_is_space((unsigned char)text[i])) {
		i++;
	}
	if (i == end) {
		return;
	}
	size_t name = i;
	if (!is_alpha((unsigned char)text[i])) {
		add_bad(out, name, text[i] == '=' ? "a tag without a name" : "a tag name must start with a letter");
		return;
	}
	while (i < end && (is_alpha((unsigned char)text[i]) || (text[i] >= '0' && text[i] <= '9') || text[i] == '_')) {
		i++;
	}
	size_t name_len = i - name;
	while (i < end && mc_tags_is_space((unsigned char)text[i])) {
		i++;
	}
	if (i == end) {
		add_bad(out, name, "a tag without \"=\" and a value");
		return;
	}
	if (text[i] != '=') {
		add_bad(out, name, "a tag name holds only letters, digits and \"_\"");
		return;
	}
	i++;
	while (i < end && mc_tags_is_space((unsigned char)text[i])) {
		i++;
	}
	size_t value = i, value_end = end;
	while (value_end > value && mc_tags_is_space((unsigned char)text[value_end - 1])) {
		value_end--;
	}
	for (size_t j = value; j < value_end; j++) {
		unsigned char c = (unsigned char)text[j];
		if ((c < 0x21 || c > 0x7e) && !mc_tags_is_space(c)) {
			add_bad(out, name, "a byte outside printable ASCII in the value");
			return;
		}
	}
	if (out->count == MC_TAGS_MAX) {
		out->truncated = 1;
		return;
	}
	mc_tag *t = &out->tags[out->count++];
	t->name = text + name;
	t->name_len = name_len;
	t->value = text + value;
	t->value_len = value_end - value;
	t->pos = name;
}

void mc_tags_parse(const char *text, size_t len, mc_tag_list *out)
{
	memset(out, 0, sizeof(*out));
	size_t start = 0;
	for (size_t i = 0; i <= len; i++) {
		if (i == len || text[i] == ';') {
			parse_spec(text, start, i, out);
			start = i + 1;
		}
	}
}

static int name_equal(const mc_tag *a, const char *name, size_t len, int ci)
{
	if (a->name_len != len) {
		return 0;
	}
	for (size_t i = 0; i < len; i++) {
		int x = (unsigned char)a->name[i], y = (unsigned char)name[i];
		if (ci ? lower(x) != lower(y) : x != y) {
			return 0;
		}
	}
	return 1;
}

const mc_tag *mc_tags_find(const mc_tag_list *list, const char *name, int ci)
{
	size_t len = strlen(name);
	for (size_t i = 0; i < list->count; i++) {
		if (name_equal(&list->tags[i], name, len, ci)) {
			return &list->tags[i];
		}
	}
	return NULL;
}

const mc_tag *mc_tags_repeated(const mc_tag_list *list, int ci)
{
	for (size_t i = 1; i < list->count; i++) {
		for (size_t j = 0; j < i; j++) {
			if (name_equal(&list->tags[j], list->tags[i].name, list->tags[i].name_len, ci)) {
				return &list->tags[i];
			}
		}
	}
	return NULL;
}

static int equal_ci(const char *s, size_t len, const char *word)
{
	if (strlen(word) != len) {
		return 0;
	}
	for (size_t i = 0; i < len; i++) {
		if (lower((unsigned char)s[i]) != lower((unsigned char)word[i])) {
			return 0;
		}
	}
	return 1;
}

int mc_tag_name_is(const mc_tag *tag, const char *word)
{
	return equal_ci(tag->name, tag->name_len, word);
}

int mc_tag_value_is(const mc_tag *tag, const char *word)
{
	return equal_ci(tag->value, tag->value_len, word);
}

int mc_tags_next_item(const char *text, size_t len, char sep, size_t *pos, const char **item, size_t *item_len)
{
	if (*pos > len) {
		return 0;
	}
	size_t s = *pos, e = s;
	while (e < len && text[e] != sep) {
		e++;
	}
	*pos = e + 1;
	while (s < e && mc_tags_is_space((unsigned char)text[s])) {
		s++;
	}
	while (e > s && mc_tags_is_space((unsigned char)text[e - 1])) {
		e--;
	}
	*item = text + s;
	*item_len = e - s;
	return 1;
}

char *mc_tags_copy(const char *text, size_t len)
{
	char *c = malloc(len + 1);
	if (c) {
		memcpy(c, text, len);
		c[len] = '\0';
	}
	return c;
}

const char *mc_tags_shown(const char *text, size_t len, char *out, size_t outlen)
{
	size_t o = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)text[i];
		if (o + 8 >= outlen) {
			memcpy(out + o, "...", 3);
			o += 3;
			break;
		}
		if (c >= 0x20 && c < 0x7f) {
			out[o++] = (char)c;
		} else {
			o += (size_t)snprintf(out + o, 5, "\\x%02X", c);
		}
	}
	out[o] = '\0';
	return out;
}
