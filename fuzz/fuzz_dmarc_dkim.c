/* libFuzzer target for the tag parsers behind mail_check_dmarc() and
 * mail_check_dkim(): mc_tags_parse() (RFC 6376 tag lists),
 * mc_dmarc_is_record(), mc_dmarc_near_miss(), mc_dmarc_record_parse(),
 * mc_dkim_key_parse() (its key decoded with OpenSSL) and
 * mc_dkim_base64_decode().
 *
 * Records come from TXT answers, so every byte is hostile. The input is
 * the record, in an exact-size heap copy (NULs inside allowed: the API
 * takes a length), so ASan sees any read past its end. The DMARC record
 * parser runs on the input as it is and, to reach it with every input, on
 * "v=DMARC1;" followed by the input.
 *
 * Oracles, written apart from the parsers:
 *  - tag lists: every tag's name and value inside the text, in order and
 *    not overlapping; a name ALPHA *(ALPHA / DIGIT / "_"); a value without
 *    white space at its ends, without ";" and printable ASCII but for
 *    inner white space; at most MC_TAGS_MAX, truncated only when full;
 *    the malformed specs' positions inside the text;
 *  - DMARC: a record by mc_dmarc_is_record() is no near miss; its first
 *    tag is v with the value DMARC1; the applied policies are never BAD,
 *    UNSET together or not at all, nonexistent follows subdomain follows
 *    policy when the tags are absent; psd, adkim, aspf from their sets;
 *    every URI inside the text; a mailto URI is a valid one;
 *  - DKIM: is_key exactly when a p= tag exists or v=DKIM1 is written;
 *    usable implies a known type and a decoded size (ed25519: 256; RSA at
 *    least 1024) and no failure; revoked implies an empty p= and no size;
 *  - both: every problem has a known code, a severity, and a message of
 *    printable ASCII or UTF-8 (the section sign), never a raw input byte;
 *  - base64: the decoded length fits the buffer the callers allocate
 *    (exact size, so ASan sees a write past it) and decoding is
 *    deterministic. */
#include "mc_tags.h"
#include "mc_dmarc_record.h"
#include "mc_dkim_key.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHECK(cond) do { \
	if (!(cond)) { \
		fprintf(stderr, "fuzz_dmarc_dkim: check failed at line %d: %s\n", __LINE__, #cond); \
		abort(); \
	} \
} while (0)

static int is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static int is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static const char *const known_codes[] = {
	"dmarc_syntax", "dmarc_obsolete_tag", "dmarc_no_reports", "dmarc_p_not_second", "dmarc_testing",
	"dkim_syntax", "dkim_key_revoked", "dkim_key_weak", "dkim_testing", "dns_error", NULL
};

static void check_problems(const mc_problems *p)
{
	for (size_t i = 0; i < p->count; i++) {
		int known = 0;
		for (size_t k = 0; known_codes[k]; k++) {
			known |= strcmp(p->items[i].code, known_codes[k]) == 0;
		}
		CHECK(known);
		CHECK(p->items[i].severity >= MC_STATUS_WARN && p->items[i].severity <= MC_STATUS_FAIL);
		for (const unsigned char *m = (const unsigned char *)p->items[i].message; *m; m++) {
			/* printable ASCII, or the two bytes of "§" (C2 A7) */
			if (*m == 0xC2) {
				CHECK(m[1] == 0xA7);
				m++;
				continue;
			}
			CHECK(*m >= 0x20 && *m < 0x7f);
		}
	}
}

static void check_tags(const char *txt, size_t len, mc_tag_list *out)
{
	mc_tags_parse(txt, len, out);
	CHECK(out->count <= MC_TAGS_MAX);
	CHECK(!out->truncated || out->count == MC_TAGS_MAX);
	const char *prev_end = txt;
	for (size_t i = 0; i < out->count; i++) {
		const mc_tag *t = &out->tags[i];
		CHECK(t->name >= prev_end && t->name_len > 0 && t->name + t->name_len <= txt + len);
		CHECK(t->pos == (size_t)(t->name - txt));
		CHECK(is_alpha((unsigned char)t->name[0]));
		for (size_t k = 1; k < t->name_len; k++) {
			int c = (unsigned char)t->name[k];
			CHECK(is_alpha(c) || (c >= '0' && c <= '9') || c == '_');
		}
		CHECK(t->value >= t->name + t->name_len && t->value + t->value_len <= txt + len);
		CHECK(memchr(t->name + t->name_len, '=', (size_t)(t->value - t->name) - t->name_len) != NULL);
		if (t->value_len) {
			CHECK(!is_space((unsigned char)t->value[0]) && !is_space((unsigned char)t->value[t->value_len - 1]));
		}
		for (size_t k = 0; k < t->value_len; k++) {
			int c = (unsigned char)t->value[k];
			CHECK(c != ';' && ((c >= 0x21 && c <= 0x7e) || is_space(c)));
		}
		prev_end = t->value + t->value_len;
	}
	for (size_t i = 0; i < out->nbad && i < MC_TAGS_BAD_SHOWN; i++) {
		CHECK(out->bad[i].pos < len && out->bad[i].why != NULL);
	}
}

static void check_dmarc(const char *txt, size_t len)
{
	mc_tag_list tags;
	mc_dmarc_record r;
	check_tags(txt, len, &tags);
	int record = mc_dmarc_is_record(txt, len);
	const char *near = mc_dmarc_near_miss(txt, len);
	if (!record) {
		return;
	}
	CHECK(near == NULL);
	CHECK(tags.count > 0 && tags.tags[0].name_len == 1 && (tags.tags[0].name[0] | 0x20) == 'v');
	CHECK(tags.tags[0].value_len == 6 && memcmp(tags.tags[0].value, "DMARC1", 6) == 0);

	mc_dmarc_record_parse(txt, len, "_dmarc.example.com", &r);
	CHECK(r.policy != MC_DMARC_BAD && r.subdomain_policy != MC_DMARC_BAD && r.nonexistent_policy != MC_DMARC_BAD);
	CHECK((r.policy == MC_DMARC_UNSET) == (r.subdomain_policy == MC_DMARC_UNSET));
	CHECK((r.policy == MC_DMARC_UNSET) == (r.nonexistent_policy == MC_DMARC_UNSET));
	if (r.policy != MC_DMARC_UNSET && r.p != MC_DMARC_BAD && r.sp != MC_DMARC_BAD && r.np != MC_DMARC_BAD && r.p != MC_DMARC_UNSET) {
		CHECK(r.policy == r.p);
		CHECK(r.subdomain_policy == (r.sp != MC_DMARC_UNSET ? r.sp : r.p));
		CHECK(r.nonexistent_policy == (r.np != MC_DMARC_UNSET ? r.np : r.subdomain_policy));
	}
	CHECK(strchr("ynu", r.psd) && r.psd && strchr("rs", r.adkim) && r.adkim && strchr("rs", r.aspf) && r.aspf);
	CHECK(r.nrua <= MC_DMARC_MAX_URIS && r.nruf <= MC_DMARC_MAX_URIS);
	for (size_t i = 0; i < r.nrua + r.nruf; i++) {
		const mc_dmarc_uri *u = i < r.nrua ? &r.rua[i] : &r.ruf[i - r.nrua];
		CHECK(u->pos + u->len <= len);
		CHECK(!u->mailto || u->valid);
		CHECK(!u->valid || (u->len > 0 && memchr(txt + u->pos, ':', u->len)));
	}
	if (r.policy == MC_DMARC_UNSET) {
		CHECK(r.problems.count > 0 && mc_problems_status(&r.problems) == MC_STATUS_FAIL);
	}
	check_problems(&r.problems);
	mc_dmarc_record_free(&r);
}

static void check_dkim(const char *txt, size_t len, int given)
{
	mc_tag_list tags;
	mc_dkim_key k;
	mc_tags_parse(txt, len, &tags);
	mc_dkim_key_parse(txt, len, "sel._domainkey.example.com", given, &k);
	const mc_tag *p = mc_tags_find(&tags, "p", 0), *v = mc_tags_find(&tags, "v", 0);
	CHECK(k.is_key == (p != NULL || (v && v->value_len == 5 && memcmp(v->value, "DKIM1", 5) == 0)));
	if (!k.is_key) {
		CHECK(k.problems.count == 0 && !k.usable && !k.revoked && k.key_bits == 0);
	}
	if (k.usable) {
		CHECK(k.key_type && k.key_bits > 0 && mc_problems_status(&k.problems) < MC_STATUS_ERROR);
		CHECK(strcmp(k.key_type, "ed25519") == 0 ? k.key_bits == 256 : k.key_bits >= MC_DKIM_RSA_MIN_BITS);
	}
	if (k.revoked) {
		CHECK(p && p->value_len == 0 && k.key_bits == 0 && !k.usable);
	}
	check_problems(&k.problems);
	mc_dkim_key_free(&k);
}

static void check_base64(const char *txt, size_t len)
{
	size_t cap = len * 3 / 4 + 3;
	unsigned char *a = malloc(cap), *b = malloc(cap);
	CHECK(a && b);
	long n = mc_dkim_base64_decode(txt, len, a);
	CHECK(n >= -1 && (n < 0 || (size_t)n <= cap));
	CHECK(mc_dkim_base64_decode(txt, len, b) == n);
	CHECK(n <= 0 || memcmp(a, b, (size_t)n) == 0);
	free(a);
	free(b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char prefix[] = "v=DMARC1;";
	char *txt = malloc(size ? size : 1);
	char *dmarc = malloc(sizeof(prefix) - 1 + size);
	if (!txt || !dmarc) {
		free(txt);
		free(dmarc);
		return 0;
	}
	memcpy(txt, data, size);
	memcpy(dmarc, prefix, sizeof(prefix) - 1);
	memcpy(dmarc + sizeof(prefix) - 1, data, size);

	check_dmarc(txt, size);
	check_dmarc(dmarc, sizeof(prefix) - 1 + size);
	check_dkim(txt, size, size > 0 && (data[0] & 1));
	check_base64(txt, size);
	free(txt);
	free(dmarc);
	return 0;
}
