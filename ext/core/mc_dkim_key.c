#include "mc_dkim_key.h"
#include "mc_tags.h"

#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/x509.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SHOWN_BUF 200

static int b64_value(int c)
{
	if (c >= 'A' && c <= 'Z') {
		return c - 'A';
	}
	if (c >= 'a' && c <= 'z') {
		return c - 'a' + 26;
	}
	if (c >= '0' && c <= '9') {
		return c - '0' + 52;
	}
	return c == '+' ? 62 : c == '/' ? 63 : -1;
}

long mc_dkim_base64_decode(const char *in, size_t len, unsigned char *out)
{
	unsigned long acc = 0;
	size_t o = 0, chars = 0, pad = 0;
	for (size_t i = 0; i < len; i++) {
		int c = (unsigned char)in[i];
		if (mc_tags_is_space(c)) {
			continue;
		}
		if (c == '=') {
			pad++;
			continue;
		}
		int v = b64_value(c);
		if (v < 0 || pad) {
			return -1;   /* not base64, or data after the padding */
		}
		acc = (acc << 6) | (unsigned long)v;
		if (++chars % 4 == 0) {
			out[o++] = (unsigned char)(acc >> 16);
			out[o++] = (unsigned char)(acc >> 8);
			out[o++] = (unsigned char)acc;
			acc = 0;
		}
	}
	/* A last group of 2 or 3 characters holds 1 or 2 bytes; padding, when
	 * written, fills the group to 4. */
	size_t rest = chars % 4;
	if (rest == 1 || pad > 2 || (pad && rest + pad != 4)) {
		return -1;
	}
	if (rest == 2) {
		out[o++] = (unsigned char)(acc >> 4);
	} else if (rest == 3) {
		out[o++] = (unsigned char)(acc >> 10);
		out[o++] = (unsigned char)(acc >> 2);
	}
	return (long)o;
}

/* Whether a colon-separated tag value (h=, s=, t=) lists word. */
static int list_has(const mc_tag *t, const char *word)
{
	mc_tag item = *t;
	size_t pos = 0;
	while (mc_tags_next_item(t->value, t->value_len, ':', &pos, &item.value, &item.value_len)) {
		if (mc_tag_value_is(&item, word)) {
			return 1;
		}
	}
	return 0;
}

#define SYNTAX(key, ...) mc_problems_add(&(key)->problems, MC_STATUS_FAIL, "dkim_syntax", __VA_ARGS__)

/* The key in p= decoded: its size in bits, or 0 with a syntax problem. */
static int decode_key(mc_dkim_key *key, const mc_tag *p, const char *where)
{
	unsigned char *der = malloc(p->value_len * 3 / 4 + 3);
	if (!der) {
		mc_problems_add(&key->problems, MC_STATUS_ERROR, "dns_error", "The check ran out of memory");
		return 0;
	}
	long len = mc_dkim_base64_decode(p->value, p->value_len, der);
	int bits = 0;
	if (len < 0) {
		SYNTAX(key, "%s: p= is not valid base64: verifiers cannot read the key (RFC 6376 §3.6.1)", where);
	} else if (strcmp(key->key_type, "ed25519") == 0) {
		EVP_PKEY *pkey = len == MC_DKIM_ED25519_KEY_LEN
			? EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, NULL, der, (size_t)len) : NULL;
		if (pkey) {
			bits = EVP_PKEY_bits(pkey);
			EVP_PKEY_free(pkey);
		} else {
			SYNTAX(key, "%s: p= holds %ld bytes, but an ed25519 key is the %d bytes of the raw public key (RFC 8463 §4.2), "
				"not a SubjectPublicKeyInfo", where, len, MC_DKIM_ED25519_KEY_LEN);
		}
	} else {
		/* RFC 6376 keys are SubjectPublicKeyInfo (what openssl rsa -pubout
		 * writes); some publish the bare RSAPublicKey, which verifiers take too. */
		const unsigned char *cursor = der;
		EVP_PKEY *pkey = d2i_PUBKEY(NULL, &cursor, len);
		if (!pkey) {
			cursor = der;
			pkey = d2i_PublicKey(EVP_PKEY_RSA, NULL, &cursor, len);
		}
		if (!pkey) {
			SYNTAX(key, "%s: p= does not hold an RSA public key (neither SubjectPublicKeyInfo nor RSAPublicKey DER): "
				"verifiers cannot use it", where);
		} else if (EVP_PKEY_base_id(pkey) != EVP_PKEY_RSA) {
			SYNTAX(key, "%s: p= holds a key of another type (%s) than k= says (rsa): verifiers cannot use it",
				where, OBJ_nid2sn(EVP_PKEY_base_id(pkey)));
		} else {
			bits = EVP_PKEY_bits(pkey);
		}
		EVP_PKEY_free(pkey);
	}
	free(der);
	return bits;
}

static void check_tags(mc_dkim_key *key, const mc_tag_list *tags, const char *where)
{
	for (size_t i = 0; i < tags->nbad && i < MC_TAGS_BAD_SHOWN; i++) {
		SYNTAX(key, "%s: the tag at byte %zu is malformed (%s): verifiers discard the key record (RFC 6376 §3.6.1, §6.1.2)",
			where, tags->bad[i].pos + 1, tags->bad[i].why);
	}
	if (tags->truncated) {
		SYNTAX(key, "%s: more than %d tags; the rest were not read", where, MC_TAGS_MAX);
	}
	const mc_tag *twice = mc_tags_repeated(tags, 0);
	if (twice) {
		SYNTAX(key, "%s: the tag %.*s= appears twice, which makes the key record invalid (RFC 6376 §3.2)",
			where, (int)twice->name_len, twice->name);
	}
}

void mc_dkim_key_parse(const char *txt, size_t len, const char *where, int selector_given, mc_dkim_key *out)
{
	mc_tag_list tags;
	char a[SHOWN_BUF];
	memset(out, 0, sizeof(*out));
	mc_problems_init(&out->problems);
	mc_tags_parse(txt, len, &tags);

	const mc_tag *v = mc_tags_find(&tags, "v", 0), *p = mc_tags_find(&tags, "p", 0), *k = mc_tags_find(&tags, "k", 0);
	out->is_key = p != NULL || (v && v->value_len == 5 && memcmp(v->value, "DKIM1", 5) == 0);
	if (!out->is_key) {
		return;
	}
	check_tags(out, &tags, where);
	if (v && (v != &tags.tags[0] || v->value_len != 5 || memcmp(v->value, "DKIM1", 5) != 0)) {
		SYNTAX(out, "%s: v=%s: when present, v= must be the first tag and say DKIM1; verifiers discard the record (RFC 6376 §3.6.1)",
			where, mc_tags_shown(v->value, v->value_len, a, sizeof(a)));
	}
	out->key_type = !k || mc_tag_value_is(k, "rsa") ? "rsa" : mc_tag_value_is(k, "ed25519") ? "ed25519" : NULL;
	if (!out->key_type) {
		SYNTAX(out, "%s: k=%s is not a key type verifiers know (rsa, ed25519): they cannot use the key",
			where, mc_tags_shown(k->value, k->value_len, a, sizeof(a)));
	}
	const mc_tag *h = mc_tags_find(&tags, "h", 0), *s = mc_tags_find(&tags, "s", 0), *t = mc_tags_find(&tags, "t", 0);
	if (h && !list_has(h, "sha256")) {
		mc_problems_add(&out->problems, MC_STATUS_FAIL, "dkim_key_weak",
			"%s: h=%s allows no sha256: signatures can only use SHA-1, which verifiers refuse (RFC 8301 §3.1); add sha256 or drop h=",
			where, mc_tags_shown(h->value, h->value_len, a, sizeof(a)));
	}
	if (s && !list_has(s, "*") && !list_has(s, "email")) {
		SYNTAX(out, "%s: s=%s does not include email (or *): verifiers do not use the key for mail (RFC 6376 §3.6.1)",
			where, mc_tags_shown(s->value, s->value_len, a, sizeof(a)));
	}
	out->testing = t && list_has(t, "y");

	if (!p) {
		SYNTAX(out, "%s: no p= tag: the key itself is missing (p= is required, RFC 6376 §3.6.1)", where);
	} else if (p->value_len == 0) {
		out->revoked = 1;
		mc_problems_add(&out->problems, selector_given ? MC_STATUS_FAIL : MC_STATUS_WARN, "dkim_key_revoked",
			"%s: p= is empty: the key is revoked (RFC 6376 §3.6.1) and every signature made with it fails%s",
			where, selector_given ? "; publish the current key, or sign with another selector"
			: "; make sure your mail servers no longer sign with this selector");
	} else if (out->key_type) {
		out->key_bits = decode_key(out, p, where);
	}
	if (out->key_type && strcmp(out->key_type, "rsa") == 0 && out->key_bits > 0) {
		if (out->key_bits < MC_DKIM_RSA_MIN_BITS) {
			mc_problems_add(&out->problems, MC_STATUS_FAIL, "dkim_key_weak",
				"%s: a %d-bit RSA key: verifiers do not accept signatures with keys below %d bits (RFC 8301 §3.2); "
				"make a %d-bit key", where, out->key_bits, MC_DKIM_RSA_MIN_BITS, MC_DKIM_RSA_GOOD_BITS);
		} else if (out->key_bits < MC_DKIM_RSA_GOOD_BITS) {
			mc_problems_add(&out->problems, MC_STATUS_WARN, "dkim_key_weak",
				"%s: a %d-bit RSA key: accepted, but RFC 8301 §3.2 asks for %d bits and Gmail and Yahoo recommend them; "
				"make a %d-bit key and switch to it", where, out->key_bits, MC_DKIM_RSA_GOOD_BITS, MC_DKIM_RSA_GOOD_BITS);
		}
	}
	if (out->testing) {
		mc_problems_add(&out->problems, MC_STATUS_WARN, "dkim_testing",
			"%s: t=y: the domain says it is testing DKIM, so verifiers may treat its signatures as absent (RFC 6376 §3.6.1); "
			"remove t=y once signing works", where);
	}
	out->usable = mc_problems_status(&out->problems) < MC_STATUS_ERROR && out->key_bits > 0;
}

void mc_dkim_key_free(mc_dkim_key *key)
{
	mc_problems_free(&key->problems);
}
