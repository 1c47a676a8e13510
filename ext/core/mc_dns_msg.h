/* DNS wire-format responses to the answers the checks use. Plain C, no
 * I/O: c-ares hands us the raw response, this turns it into records,
 * follows CNAME chains inside it and finds how long it may be cached.
 * Kept apart from the resolver so it can be fuzzed on its own. */
#ifndef MC_DNS_MSG_H
#define MC_DNS_MSG_H

#include <stddef.h>
#include <stdint.h>

/* A name in presentation form with \DDD escapes can be 4x its 255 octets. */
#define MC_DNS_NAME_BUF 1024

#define MC_DNS_T_A     1
#define MC_DNS_T_NS    2
#define MC_DNS_T_CNAME 5
#define MC_DNS_T_SOA   6
#define MC_DNS_T_PTR   12
#define MC_DNS_T_MX    15
#define MC_DNS_T_TXT   16
#define MC_DNS_T_AAAA  28
#define MC_DNS_T_SPF   99

typedef enum {
	MC_DNS_OK = 0,      /* records of the asked type */
	MC_DNS_NXDOMAIN,    /* the name does not exist */
	MC_DNS_NODATA,      /* the name exists, without records of that type */
	MC_DNS_SERVFAIL,
	MC_DNS_REFUSED,
	MC_DNS_TIMEOUT,     /* no answer within the budget */
	MC_DNS_UNREACHABLE, /* no server could be reached at all */
	MC_DNS_ERROR        /* a malformed answer, a loop, out of memory */
} mc_dns_status;

typedef struct {
	uint16_t type;
	uint16_t preference;    /* MX */
	uint16_t nstrings;      /* TXT: character-strings joined into data */
	uint32_t ttl;
	size_t len;             /* bytes of data, without the NUL kept after it */
	/* A/AAAA: the address bytes; PTR, CNAME, NS, MX: the target name in
	 * presentation form, plain (see mc_dns_msg_parse): printable ASCII
	 * without spaces or backslashes, exactly the name to ask; TXT: the
	 * strings concatenated. */
	unsigned char *data;
} mc_dns_rr;

typedef struct {
	mc_dns_status status;
	uint32_t ttl;                        /* seconds this outcome holds */
	char canonical[MC_DNS_NAME_BUF];     /* owner of rrs after CNAMEs */
	size_t count;
	mc_dns_rr *rrs;
	/* PTR, MX, NS (and CNAME asked as such): records of the asked type left
	 * out of rrs because their target is not a plain name. */
	size_t unusable;
	char *unusable_name;   /* the first of them with \DDD escapes, for messages: never to be asked */
	int refs;
} mc_dns_answer;

/* Parses the response to (qname, qtype). Records of qtype owned by qname,
 * or by the end of a CNAME chain starting there, make an MC_DNS_OK answer.
 * When the chain leaves the message without reaching data, *follow gets
 * the name to ask next (the caller re-queries it) and the answer is
 * MC_DNS_NODATA. Returns NULL only when out of memory.
 *
 * A target name (CNAME, PTR, MX, NS) is plain when every label octet is
 * printable ASCII other than space, '.' and '\': only such a name is
 * written as it is received and asked for exactly. Any other is unusable,
 * the same way for every caller, so that no query ever goes to a name
 * other than the one received: a PTR/MX/NS record with such a target is
 * left out of rrs and counted in unusable (MC_DNS_NODATA when none is
 * left); a CNAME on the chain with such a target makes the answer
 * MC_DNS_ERROR. Owner names are only compared, never asked for. */
mc_dns_answer *mc_dns_msg_parse(const unsigned char *msg, size_t len,
		const char *qname, uint16_t qtype, char follow[MC_DNS_NAME_BUF]);
/* An answer with no records, for outcomes without a usable response. */
mc_dns_answer *mc_dns_answer_new(mc_dns_status status, uint32_t ttl);
void mc_dns_answer_retain(mc_dns_answer *answer);
void mc_dns_answer_release(mc_dns_answer *answer);
const char *mc_dns_status_name(mc_dns_status status);

#endif
