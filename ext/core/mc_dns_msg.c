#include "mc_dns_msg.h"
#include "mc_name.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HEADER_LEN 12
#define RCODE_NOERROR 0
#define RCODE_SERVFAIL 2
#define RCODE_NXDOMAIN 3
#define RCODE_REFUSED 5
/* A chain longer than this is a loop or an abuse; resolvers stop near 8-16. */
#define MAX_CNAME_HOPS 16
/* Without a SOA to tell, a negative answer is kept this long. */
#define DEFAULT_NEGATIVE_TTL 60

typedef struct {
	char owner[MC_DNS_NAME_BUF];
	mc_dns_rr rr;
	int unusable;   /* a target name that is not plain (see read_name) */
} parsed_rr;

static uint16_t get16(const unsigned char *p)
{
	return (uint16_t)((p[0] << 8) | p[1]);
}

static uint32_t get32(const unsigned char *p)
{
	return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}

/* Writes one label octet the way read_name() does. */
static size_t escape_octet(unsigned char c, char *out)
{
	if (c == '.' || c == '\\') {
		out[0] = '\\';
		out[1] = (char)c;
		return 2;
	}
	if (c <= 0x20 || c >= 0x7f) {
		return (size_t)snprintf(out, 5, "\\%03u", c);
	}
	out[0] = (char)c;
	return 1;
}

/* A name as callers pass it (c-ares' presentation form: \. and \DDD
 * escapes, other bytes as they are) in read_name()'s form, so that owner
 * names in the answer can be compared with it. */
static void canonical_name(const char *in, char out[MC_DNS_NAME_BUF])
{
	size_t o = 0;
	for (const unsigned char *p = (const unsigned char *)in; *p && o + 5 < MC_DNS_NAME_BUF; p++) {
		unsigned char c = *p;
		if (c == '.') {
			out[o++] = '.';
			continue;
		}
		if (c == '\\' && p[1]) {
			if (p[1] >= '0' && p[1] <= '9' && p[2] >= '0' && p[2] <= '9' && p[3] >= '0' && p[3] <= '9') {
				c = (unsigned char)((p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0'));
				p += 3;
			} else {
				c = *++p;
			}
		}
		o += escape_octet(c, out + o);
	}
	out[o] = '\0';
}

/* Whether a label octet stands for itself in presentation form. Any other
 * (a dot or backslash inside a label, a space, a control or non-ASCII
 * byte) can only be written escaped, and resolvers disagree on escapes:
 * c-ares 1.18 reads "\032" as "032", so the name asked would not be the
 * name received. */
static int plain_octet(unsigned char c)
{
	return c > 0x20 && c < 0x7f && c != '.' && c != '\\';
}

/* Reads a possibly compressed name at *pos into presentation form, escaping
 * dots and non-printable octets inside labels so that hostile data cannot
 * pose as another name. Advances *pos past the name in the message. When
 * plain is given, it is set to whether every octet was plain_octet(). */
static int read_name(const unsigned char *msg, size_t len, size_t *pos, char *out, int *plain)
{
	size_t p = *pos, o = 0, wire = 0;
	int jumped = 0, jumps = 0;

	if (plain) {
		*plain = 1;
	}
	for (;;) {
		if (p >= len) {
			return -1;
		}
		unsigned char l = msg[p];
		if ((l & 0xc0) == 0xc0) {
			if (p + 1 >= len || ++jumps > 64) {
				return -1;
			}
			size_t target = (size_t)((l & 0x3f) << 8) | msg[p + 1];
			if (!jumped) {
				*pos = p + 2;
				jumped = 1;
			}
			if (target >= len) {
				return -1;
			}
			p = target;
			continue;
		}
		if (l & 0xc0) {
			return -1; /* extended label types are obsolete */
		}
		p++;
		if (l == 0) {
			break;
		}
		wire += (size_t)l + 1;
		if (p + l > len || wire > 255) {
			return -1;
		}
		if (o > 0) {
			out[o++] = '.';
		}
		for (size_t i = 0; i < l; i++) {
			if (plain && !plain_octet(msg[p + i])) {
				*plain = 0;
			}
			o += escape_octet(msg[p + i], out + o);
		}
		p += l;
	}
	if (o == 0) {
		out[o++] = '.';
	}
	out[o] = '\0';
	if (!jumped) {
		*pos = p;
	}
	return 0;
}

static int set_data(mc_dns_rr *rr, const void *data, size_t len)
{
	rr->data = malloc(len + 1);
	if (!rr->data) {
		return -1;
	}
	memcpy(rr->data, data, len);
	rr->data[len] = '\0';
	rr->len = len;
	return 0;
}

/* Decodes the rdata of the types we use; other types keep no data. A
 * target name that is not plain sets *unusable (its data, escaped, is
 * kept for messages). */
static int read_rdata(const unsigned char *msg, size_t len, size_t pos, size_t rdlen, mc_dns_rr *rr, int *unusable)
{
	char name[MC_DNS_NAME_BUF];
	size_t end = pos + rdlen;

	switch (rr->type) {
		case MC_DNS_T_A:
		case MC_DNS_T_AAAA:
			if (rdlen != (rr->type == MC_DNS_T_A ? 4u : 16u)) {
				return -1;
			}
			return set_data(rr, msg + pos, rdlen);
		case MC_DNS_T_MX:
			if (rdlen < 3) {
				return -1;
			}
			rr->preference = get16(msg + pos);
			pos += 2;
			/* fall through */
		case MC_DNS_T_PTR:
		case MC_DNS_T_CNAME:
		case MC_DNS_T_NS: {
			int plain;
			if (read_name(msg, end, &pos, name, &plain) < 0 || pos != end) {
				return -1;
			}
			*unusable = !plain;
			return set_data(rr, name, strlen(name));
		}
		case MC_DNS_T_TXT:
		case MC_DNS_T_SPF: {
			unsigned char *text = malloc(rdlen + 1);
			size_t tlen = 0;
			if (!text) {
				return -1;
			}
			while (pos < end) {
				size_t slen = msg[pos++];
				if (pos + slen > end) {
					free(text);
					return -1;
				}
				memcpy(text + tlen, msg + pos, slen);
				tlen += slen;
				pos += slen;
				rr->nstrings++;
			}
			text[tlen] = '\0';
			rr->data = text;
			rr->len = tlen;
			return 0;
		}
		case MC_DNS_T_SOA: {
			/* Keep only what negative caching needs: the MINIMUM field. */
			char rname[MC_DNS_NAME_BUF];
			if (read_name(msg, end, &pos, name, NULL) < 0 || read_name(msg, end, &pos, rname, NULL) < 0
					|| end - pos != 20) {
				return -1;
			}
			uint32_t minimum = get32(msg + pos + 16);
			return set_data(rr, &minimum, sizeof(minimum));
		}
		default:
			return set_data(rr, "", 0);
	}
}

static void free_parsed(parsed_rr *rrs, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		free(rrs[i].rr.data);
	}
	free(rrs);
}

/* Reads one section's records into rrs, skipping classes other than IN. */
static int read_section(const unsigned char *msg, size_t len, size_t *pos, unsigned count,
		parsed_rr *rrs, size_t *nrrs)
{
	for (unsigned i = 0; i < count; i++) {
		parsed_rr *prr = &rrs[*nrrs];
		memset(&prr->rr, 0, sizeof(prr->rr));
		prr->unusable = 0;
		if (read_name(msg, len, pos, prr->owner, NULL) < 0 || *pos + 10 > len) {
			return -1;
		}
		const unsigned char *h = msg + *pos;
		uint16_t type = get16(h), klass = get16(h + 2);
		uint32_t ttl = get32(h + 4);
		size_t rdlen = get16(h + 8);
		*pos += 10;
		if (*pos + rdlen > len) {
			return -1;
		}
		if (klass == 1) {
			prr->rr.type = type;
			prr->rr.ttl = ttl > 0x7fffffff ? 0 : ttl; /* RFC 2181 §8 */
			if (read_rdata(msg, len, *pos, rdlen, &prr->rr, &prr->unusable) < 0) {
				free(prr->rr.data);
				return -1;
			}
			(*nrrs)++;
		}
		*pos += rdlen;
	}
	return 0;
}

static uint32_t negative_ttl(const parsed_rr *rrs, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++) {
		if (rrs[i].rr.type == MC_DNS_T_SOA && rrs[i].rr.len == sizeof(uint32_t)) {
			uint32_t minimum;
			memcpy(&minimum, rrs[i].rr.data, sizeof(minimum));
			/* RFC 2308 §5: the lesser of the SOA's TTL and its MINIMUM. */
			return rrs[i].rr.ttl < minimum ? rrs[i].rr.ttl : minimum;
		}
	}
	return DEFAULT_NEGATIVE_TTL;
}

mc_dns_answer *mc_dns_answer_new(mc_dns_status status, uint32_t ttl)
{
	mc_dns_answer *answer = calloc(1, sizeof(*answer));
	if (answer) {
		answer->status = status;
		answer->ttl = ttl;
		answer->refs = 1;
	}
	return answer;
}

void mc_dns_answer_retain(mc_dns_answer *answer)
{
	answer->refs++;
}

void mc_dns_answer_release(mc_dns_answer *answer)
{
	if (!answer || --answer->refs > 0) {
		return;
	}
	for (size_t i = 0; i < answer->count; i++) {
		free(answer->rrs[i].data);
	}
	free(answer->rrs);
	free(answer->unusable_name);
	free(answer);
}

/* Moves the records of qtype owned by name out of rrs into the answer;
 * those with an unusable target are only counted (the first one's name is
 * kept for messages). */
static int take_records(mc_dns_answer *answer, parsed_rr *rrs, size_t nrrs, const char *name, uint16_t qtype)
{
	size_t n = 0;
	for (size_t i = 0; i < nrrs; i++) {
		n += rrs[i].rr.type == qtype && !rrs[i].unusable && mc_name_equal(rrs[i].owner, name);
	}
	if (n > 0 && !(answer->rrs = calloc(n, sizeof(*answer->rrs)))) {
		return -1;
	}
	for (size_t i = 0; i < nrrs; i++) {
		if (rrs[i].rr.type != qtype || !mc_name_equal(rrs[i].owner, name)) {
			continue;
		}
		if (rrs[i].rr.ttl < answer->ttl) {
			answer->ttl = rrs[i].rr.ttl;
		}
		if (rrs[i].unusable) {
			if (answer->unusable++ == 0) {
				answer->unusable_name = (char *)rrs[i].rr.data;
				rrs[i].rr.data = NULL;
			}
			continue;
		}
		answer->rrs[answer->count++] = rrs[i].rr;
		rrs[i].rr.data = NULL;
	}
	return 0;
}

mc_dns_answer *mc_dns_msg_parse(const unsigned char *msg, size_t len,
		const char *qname, uint16_t qtype, char follow[MC_DNS_NAME_BUF])
{
	follow[0] = '\0';
	if (len < HEADER_LEN) {
		return mc_dns_answer_new(MC_DNS_ERROR, 0);
	}
	unsigned rcode = msg[3] & 0x0f;
	unsigned qdcount = get16(msg + 4), ancount = get16(msg + 6), nscount = get16(msg + 8);

	if (rcode == RCODE_SERVFAIL) {
		return mc_dns_answer_new(MC_DNS_SERVFAIL, 0);
	}
	if (rcode == RCODE_REFUSED) {
		return mc_dns_answer_new(MC_DNS_REFUSED, 0);
	}
	if (rcode != RCODE_NOERROR && rcode != RCODE_NXDOMAIN) {
		return mc_dns_answer_new(MC_DNS_ERROR, 0);
	}

	size_t pos = HEADER_LEN;
	char name[MC_DNS_NAME_BUF];
	for (unsigned i = 0; i < qdcount; i++) {
		if (read_name(msg, len, &pos, name, NULL) < 0 || pos + 4 > len) {
			return mc_dns_answer_new(MC_DNS_ERROR, 0);
		}
		pos += 4;
	}

	/* Each record takes at least 11 octets: a bound that needs no parsing. */
	size_t max_rrs = (len - pos) / 11 + 1;
	parsed_rr *rrs = calloc(max_rrs, sizeof(*rrs));
	if (!rrs) {
		return NULL;
	}
	size_t nrrs = 0;
	if (read_section(msg, len, &pos, ancount, rrs, &nrrs) < 0) {
		free_parsed(rrs, nrrs);
		return mc_dns_answer_new(MC_DNS_ERROR, 0);
	}
	size_t answers_end = nrrs;
	/* The authority section only matters for the SOA of a negative answer;
	 * a damaged one must not spoil a good answer section. */
	if (read_section(msg, len, &pos, nscount, rrs, &nrrs) < 0) {
		for (size_t i = answers_end; i < nrrs; i++) {
			free(rrs[i].rr.data);
		}
		nrrs = answers_end;
	}

	mc_dns_answer *answer = mc_dns_answer_new(MC_DNS_NODATA, UINT32_MAX);
	if (!answer) {
		free_parsed(rrs, nrrs);
		return NULL;
	}

	/* Walk the CNAME chain from qname as far as the message carries it. */
	char start[MC_DNS_NAME_BUF];
	canonical_name(qname, start);
	const char *current = start;
	char target[MC_DNS_NAME_BUF];
	int hops = 0;
	for (;;) {
		if (take_records(answer, rrs, answers_end, current, qtype) < 0) {
			free_parsed(rrs, nrrs);
			mc_dns_answer_release(answer);
			return NULL;
		}
		if (answer->count > 0 || answer->unusable > 0 || qtype == MC_DNS_T_CNAME) {
			break;
		}
		size_t i;
		for (i = 0; i < answers_end; i++) {
			if (rrs[i].rr.type == MC_DNS_T_CNAME && mc_name_equal(rrs[i].owner, current)) {
				break;
			}
		}
		if (i == answers_end) {
			break;
		}
		/* An alias to a name we cannot ask for as received: no answer. */
		if (++hops > MAX_CNAME_HOPS || rrs[i].unusable) {
			answer->status = MC_DNS_ERROR;
			answer->ttl = 0;
			free_parsed(rrs, nrrs);
			return answer;
		}
		if (rrs[i].rr.ttl < answer->ttl) {
			answer->ttl = rrs[i].rr.ttl;
		}
		snprintf(target, sizeof(target), "%s", (const char *)rrs[i].rr.data);
		current = target;
	}
	snprintf(answer->canonical, sizeof(answer->canonical), "%s", current);

	if (answer->count > 0) {
		answer->status = MC_DNS_OK;
	} else if (answer->unusable > 0) {
		/* Records exist but none can be followed: no data, for as long as
		 * the records themselves are valid. */
		answer->status = MC_DNS_NODATA;
	} else {
		uint32_t neg = negative_ttl(rrs, answers_end, nrrs);
		answer->ttl = neg < answer->ttl ? neg : answer->ttl;
		if (hops > 0 && rcode == RCODE_NOERROR) {
			/* The server stopped at the alias (its target lives in another
			 * zone): ask for the target itself. */
			snprintf(follow, MC_DNS_NAME_BUF, "%s", current);
			answer->status = MC_DNS_NODATA;
		} else {
			answer->status = rcode == RCODE_NXDOMAIN ? MC_DNS_NXDOMAIN : MC_DNS_NODATA;
		}
	}
	free_parsed(rrs, nrrs);
	return answer;
}

const char *mc_dns_status_name(mc_dns_status status)
{
	switch (status) {
		case MC_DNS_OK: return "ok";
		case MC_DNS_NXDOMAIN: return "nxdomain";
		case MC_DNS_NODATA: return "nodata";
		case MC_DNS_SERVFAIL: return "servfail";
		case MC_DNS_REFUSED: return "refused";
		case MC_DNS_TIMEOUT: return "timeout";
		case MC_DNS_UNREACHABLE: return "unreachable";
		case MC_DNS_ERROR: return "error";
	}
	return "error";
}
