/* One DKIM key record (RFC 6376 §3.6.1, ed25519 by RFC 8463, the limits
 * of RFC 8301): its tags, the key decoded with OpenSSL for its type and
 * size, and what is wrong with it. Kept apart from the lookups (mc_dkim.c)
 * so that it can be fuzzed and table-tested on its own. Plain C core. */
#ifndef MC_DKIM_KEY_H
#define MC_DKIM_KEY_H

#include <stddef.h>
#include "mc_problems.h"

/* RFC 8301 §3.2: verifiers must not accept RSA keys below 1024 bits, and
 * signers should use at least 2048. */
#define MC_DKIM_RSA_MIN_BITS 1024
#define MC_DKIM_RSA_GOOD_BITS 2048
#define MC_DKIM_ED25519_KEY_LEN 32   /* RFC 8463 §4.2: the raw public key */

typedef struct {
	/* A key record rather than some other TXT string: v=DKIM1 first, or
	 * a p= tag. A name's other TXT strings are not its key. */
	int is_key;
	int usable;             /* verifiers can check signatures with it */
	int revoked;            /* p= is empty (RFC 6376 §3.6.1) */
	int testing;            /* t=y */
	const char *key_type;   /* "rsa" or "ed25519"; NULL when k= names another type */
	int key_bits;           /* of the decoded key; 0 when it did not decode */
	mc_problems problems;
} mc_dkim_key;

/* Reads a key record. where names it in messages
 * ("sel._domainkey.example.com"); selector_given: the caller named the
 * selector (a revoked key is then a failure, not a leftover). out must be
 * given to mc_dkim_key_free(). */
void mc_dkim_key_parse(const char *txt, size_t len, const char *where, int selector_given, mc_dkim_key *out);
void mc_dkim_key_free(mc_dkim_key *key);
/* Decodes base64 with folding white space (RFC 6376 §2.4, §3.6.1) into
 * out (at least len * 3 / 4 + 3 bytes). Returns the length, or -1 when it
 * is not base64. */
long mc_dkim_base64_decode(const char *in, size_t len, unsigned char *out);

#endif
