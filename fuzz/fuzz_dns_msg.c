/* libFuzzer target for mc_dns_msg_parse(): DNS wire responses are hostile
 * input straight from the network.
 *
 * Input: byte 0 picks the qtype (QTYPES[]), byte 1 the qname: QNAMES[]
 * when its high bit is clear; when set, byte 2 is a length n and the next
 * n bytes are the qname (any text: callers pass HELO names and PTR names,
 * with \. and \DDD escapes, which mc_dns_msg_parse canonicalises). The
 * rest is the DNS message. Keep the tables in sync with capture-seeds.py,
 * which writes the seed corpus in this format.
 *
 * Besides the sanitizers, the target checks the contract of mc_dns_msg.h
 * and aborts when it does not hold. */
#include "mc_dns_msg.h"
#include "mc_name.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const uint16_t QTYPES[] = {
	MC_DNS_T_A, MC_DNS_T_AAAA, MC_DNS_T_PTR, MC_DNS_T_TXT,
	MC_DNS_T_MX, MC_DNS_T_CNAME, MC_DNS_T_SOA,
};
#define NQTYPES (sizeof(QTYPES) / sizeof(QTYPES[0]))

static const char *const QNAMES[] = {
	"9.113.0.203.in-addr.arpa",   /* NSD: two PTRs */
	"11.113.0.203.in-addr.arpa",  /* NSD: RFC 2317 CNAME, then PTR */
	"6.113.0.203.in-addr.arpa",   /* NSD: NXDOMAIN + SOA */
	"4.2.0.192.in-addr.arpa",     /* faultd: 31 PTRs over TCP */
	"chain1.example.com",         /* NSD: CNAME chain */
	"alias.example.com",          /* NSD: one CNAME */
	"dual.example.com",           /* NSD: A + AAAA */
	"big-txt.fault.test",         /* faultd: 4 x 255-byte TXT strings */
	"example.com",                /* NSD: zone apex, SOA / NODATA */
	"nope.fault.test",            /* faultd: NXDOMAIN + SOA */
	"5.2.0.192.in-addr.arpa",     /* faultd: one PTR */
	"2.2.0.192.in-addr.arpa",     /* faultd: SERVFAIL */
	"MAIL.Example.COM.",          /* case and trailing dot */
	".",                          /* the root */
	"",                           /* empty: must not match or crash */
	"a\\.b.example.com",          /* an escaped dot, as read_name writes it */
};
#define NQNAMES (sizeof(QNAMES) / sizeof(QNAMES[0]))

#define CHECK(cond) do { \
	if (!(cond)) { \
		fprintf(stderr, "fuzz_dns_msg: check failed at line %d: %s\n", __LINE__, #cond); \
		abort(); \
	} \
} while (0)

/* Reads every byte the answer claims to own, so ASan sees any overrun. */
static volatile unsigned sink;

static void touch(const unsigned char *p, size_t len)
{
	unsigned acc = 0;
	for (size_t i = 0; i < len; i++) {
		acc += p[i];
	}
	sink += acc;
}

/* A name as mc_dns_msg.h promises target names: asked for exactly as
 * written, so printable ASCII, no space, no backslash (no escapes). */
static int plain_name(const char *name)
{
	for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
		if (*p <= 0x20 || *p >= 0x7f || *p == '\\') {
			return 0;
		}
	}
	return 1;
}

static void walk(const mc_dns_answer *answer, uint16_t qtype, const char *follow)
{
	/* canonical: a NUL-terminated name within its buffer */
	size_t clen = strnlen(answer->canonical, MC_DNS_NAME_BUF);
	CHECK(clen < MC_DNS_NAME_BUF);
	touch((const unsigned char *)answer->canonical, clen);

	CHECK(answer->refs == 1);
	CHECK((answer->count == 0) == (answer->rrs == NULL));
	if (answer->status == MC_DNS_OK) {
		CHECK(answer->count > 0);
	} else {
		CHECK(answer->count == 0);
	}
	if (follow[0]) {
		CHECK(answer->status == MC_DNS_NODATA);
		CHECK(plain_name(follow));
		CHECK(answer->unusable == 0);
	}
	/* records with an unusable target: counted, the first one named */
	CHECK((answer->unusable > 0) == (answer->unusable_name != NULL));
	if (answer->unusable > 0) {
		CHECK(qtype == MC_DNS_T_PTR || qtype == MC_DNS_T_MX || qtype == MC_DNS_T_CNAME || qtype == MC_DNS_T_NS);
		CHECK(answer->status == MC_DNS_OK || answer->status == MC_DNS_NODATA);
		CHECK(!plain_name(answer->unusable_name));
		touch((const unsigned char *)answer->unusable_name, strlen(answer->unusable_name));
	}

	for (size_t i = 0; i < answer->count; i++) {
		const mc_dns_rr *rr = &answer->rrs[i];
		CHECK(rr->type == qtype);
		CHECK(rr->ttl <= 0x7fffffff);
		CHECK(rr->ttl >= answer->ttl);
		CHECK(rr->data != NULL);
		touch(rr->data, rr->len);
		CHECK(rr->data[rr->len] == '\0'); /* "the NUL kept after it" */
		switch (rr->type) {
			case MC_DNS_T_A:
				CHECK(rr->len == 4);
				break;
			case MC_DNS_T_AAAA:
				CHECK(rr->len == 16);
				break;
			case MC_DNS_T_PTR:
			case MC_DNS_T_CNAME:
			case MC_DNS_T_MX:
				/* a plain name: no NUL inside, fits the buffer, no escapes */
				CHECK(rr->len > 0 && rr->len < MC_DNS_NAME_BUF);
				CHECK(strlen((const char *)rr->data) == rr->len);
				CHECK(plain_name((const char *)rr->data));
				/* what the PTR check does with it */
				(void)mc_name_is_hostname((const char *)rr->data, 1);
				break;
			case MC_DNS_T_SOA:
				CHECK(rr->len == sizeof(uint32_t));
				break;
			default:
				break;
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2) {
		return 0;
	}
	uint16_t qtype = QTYPES[data[0] % NQTYPES];
	const char *qname;
	char custom[256];
	const unsigned char *msg;
	size_t len;
	if (data[1] & 0x80) {
		if (size < 3 || (size_t)data[2] > size - 3) {
			return 0;
		}
		memcpy(custom, data + 3, data[2]);
		custom[data[2]] = '\0';
		qname = custom;
		msg = data + 3 + data[2];
		len = size - 3 - data[2];
	} else {
		qname = QNAMES[(data[1] & 0x7f) % NQNAMES];
		msg = data + 2;
		len = size - 2;
	}

	/* An exact-size heap copy: ASan then catches a read one past the end
	 * (the libFuzzer buffer is exact too; this also drops the selector). */
	unsigned char *copy = malloc(len ? len : 1);
	if (!copy) {
		return 0;
	}
	memcpy(copy, msg, len);

	char follow[MC_DNS_NAME_BUF];
	memset(follow, 0xa5, sizeof(follow)); /* no NUL unless the parser writes one */
	mc_dns_answer *answer = mc_dns_msg_parse(copy, len, qname, qtype, follow);
	CHECK(memchr(follow, '\0', sizeof(follow)) != NULL);
	if (answer) {
		walk(answer, qtype, follow);
		/* the reference counting the cache uses */
		mc_dns_answer_retain(answer);
		mc_dns_answer_release(answer);
		CHECK(answer->refs == 1);

		/* canonical is where the records were found: asking for it
		 * directly finds the same records there (and names it the same:
		 * canonicalising is idempotent). */
		if (answer->status == MC_DNS_OK) {
			char name[MC_DNS_NAME_BUF], follow2[MC_DNS_NAME_BUF];
			memcpy(name, answer->canonical, sizeof(name));
			mc_dns_answer *again = mc_dns_msg_parse(copy, len, name, qtype, follow2);
			if (again) {
				walk(again, qtype, follow2);
				CHECK(again->status == MC_DNS_OK);
				CHECK(again->count == answer->count);
				CHECK(again->unusable == answer->unusable);
				CHECK(strcmp(again->canonical, answer->canonical) == 0);
				for (size_t i = 0; i < again->count; i++) {
					CHECK(again->rrs[i].len == answer->rrs[i].len);
					CHECK(memcmp(again->rrs[i].data, answer->rrs[i].data, again->rrs[i].len) == 0);
				}
				mc_dns_answer_release(again);
			}
		}
		mc_dns_answer_release(answer);
	}

	/* The resolver asks for follow next: parse the same message for it, as
	 * a server that sends the whole chain again would answer. */
	if (follow[0]) {
		char name[MC_DNS_NAME_BUF], follow2[MC_DNS_NAME_BUF];
		memcpy(name, follow, sizeof(name));
		memset(follow2, 0xa5, sizeof(follow2));
		answer = mc_dns_msg_parse(copy, len, name, qtype, follow2);
		CHECK(memchr(follow2, '\0', sizeof(follow2)) != NULL);
		if (answer) {
			walk(answer, qtype, follow2);
			mc_dns_answer_release(answer);
		}
	}

	free(copy);
	return 0;
}
