#include "mc_dnsbl.h"
#include "mc_name.h"
#include "mc_tags.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#define SHOWN_BUF 200

const char *const mc_dnsbl_default_ip_zones[] = {
	"zen.spamhaus.org", "bl.spamcop.net", "psbl.surriel.com", "bl.mailspike.net", NULL
};

const char *const mc_dnsbl_default_domain_zones[] = {
	"dbl.spamhaus.org", "multi.surbl.org", NULL
};

mc_dnsbl_code mc_dnsbl_classify(const unsigned char addr[4], const char **why)
{
	if (addr[0] != 127) {
		*why = "an address outside 127.0.0.0/8, which lists do not answer with: the list's domain may have lapsed "
			"and answer everything, or the resolver rewrites answers";
		return MC_DNSBL_QUERY_ERROR;
	}
	if (addr[1] == 255 && addr[2] == 255) {
		switch (addr[3]) {
			case 252:
				*why = "a malformed query (Spamhaus: typing error in the list's name)";
				return MC_DNSBL_QUERY_ERROR;
			case 254:
				*why = "the list refuses queries from public and open resolvers (Spamhaus)";
				return MC_DNSBL_REFUSED;
			case 255:
				*why = "the list refuses this resolver for excessive queries (Spamhaus)";
				return MC_DNSBL_REFUSED;
			default:
				*why = "an error code of the list (127.255.255.0/24), not a listing";
				return MC_DNSBL_REFUSED;
		}
	}
	if (addr[1] == 0 && addr[2] == 0 && addr[3] == 1) {
		*why = "the list blocks this resolver (SURBL, URIBL: 127.0.0.1 is never a listing)";
		return MC_DNSBL_REFUSED;
	}
	*why = "listed";
	return MC_DNSBL_LISTED;
}

const char *mc_dnsbl_zone_problem(const char *zone)
{
	if (zone[0] == '\0') {
		return "an empty zone name";
	}
	/* The last label, before any root dot: no top-level domain is numeric. */
	size_t end = strlen(zone), start;
	end -= end > 0 && zone[end - 1] == '.';
	for (start = end; start > 0 && zone[start - 1] != '.'; start--) {
	}
	int numeric = start < end;
	for (size_t i = start; i < end; i++) {
		numeric &= zone[i] >= '0' && zone[i] <= '9';
	}
	if (!mc_name_is_hostname(zone, 1) || numeric) {
		return "not a zone name (a host name of two labels or more, e.g. zen.spamhaus.org)";
	}
	return NULL;
}

static char *normalized(const char *s, size_t len)
{
	char *c = mc_tags_copy(s, len);
	if (c) {
		mc_name_normalize(c);
	}
	return c;
}

void mc_dnsbl_zone_set_free(mc_dnsbl_zone_set *set)
{
	for (size_t i = 0; i < set->nip; i++) {
		free(set->ip[i]);
	}
	for (size_t i = 0; i < set->ndomain; i++) {
		free(set->domain[i]);
	}
	memset(set, 0, sizeof(*set));
}

static int has_domain_prefix(const char *s)
{
	static const char prefix[] = "domain:";
	for (size_t i = 0; i < sizeof(prefix) - 1; i++) {
		char c = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] + ('a' - 'A')) : s[i];
		if (c != prefix[i]) {
			return 0;
		}
	}
	return 1;
}

int mc_dnsbl_parse_zone_set(const char *text, mc_dnsbl_zone_set *out, char *err, size_t errlen)
{
	char a[SHOWN_BUF];
	memset(out, 0, sizeof(*out));
	size_t len = strlen(text), i = 0;
	while (i < len && mc_tags_is_space((unsigned char)text[i])) {
		i++;
	}
	if (i == len) {
		return 0;
	}
	const char *item;
	size_t pos = 0, ilen;
	while (mc_tags_next_item(text, len, ',', &pos, &item, &ilen)) {
		int domain = ilen > 7 && has_domain_prefix(item);
		const char *zone_text = domain ? item + 7 : item;
		size_t zone_len = domain ? ilen - 7 : ilen;
		char *zone = normalized(zone_text, zone_len);
		const char *why = !zone ? "out of memory" : mc_dnsbl_zone_problem(zone);
		char **list = domain ? out->domain : out->ip;
		size_t *n = domain ? &out->ndomain : &out->nip;
		for (size_t k = 0; !why && k < *n; k++) {
			if (strcmp(list[k], zone) == 0) {
				why = "named twice";
			}
		}
		if (!why && *n == MC_DNSBL_MAX_ZONES) {
			why = "more zones of its kind than the 32 allowed";
		}
		if (why) {
			snprintf(err, errlen, "\"%s\": %s", mc_tags_shown(item, ilen, a, sizeof(a)), why);
			free(zone);
			mc_dnsbl_zone_set_free(out);
			return -1;
		}
		list[(*n)++] = zone;
	}
	return 0;
}

int mc_dnsbl_query_name(const mc_ip *ip, const char *domain, const char *zone, char *out, size_t outlen)
{
	static const char hex[] = "0123456789abcdef";
	size_t o = 0;
	if (ip && ip->family != AF_INET6) {
		o = (size_t)snprintf(out, outlen, "%u.%u.%u.%u.", ip->addr[3], ip->addr[2], ip->addr[1], ip->addr[0]);
	} else if (ip) {
		for (int i = 15; i >= 0 && o + 4 < outlen; i--) {
			out[o++] = hex[ip->addr[i] & 0x0f];
			out[o++] = '.';
			out[o++] = hex[ip->addr[i] >> 4];
			out[o++] = '.';
		}
		out[o] = '\0';
	} else {
		o = (size_t)snprintf(out, outlen, "%s.", domain);
	}
	if (o >= outlen || (size_t)snprintf(out + o, outlen - o, "%s", zone) >= outlen - o) {
		return -1;
	}
	return mc_name_is_askable(out) ? 0 : -1;
}

static void zone_error(mc_dnsbl_zone *z, const char *fmt, const char *a, const char *b)
{
	char buf[SHOWN_BUF * 4];
	snprintf(buf, sizeof(buf), fmt, a, b);
	z->error = strdup(buf);
}

/* The TXT records of an answer, joined and made printable. */
static char *reason_of(const mc_dns_query *q)
{
	char buf[MC_DNSBL_REASON_MAX], part[MC_DNSBL_REASON_MAX];
	size_t o = 0;
	if (!q || q->answer->status != MC_DNS_OK) {
		return NULL;
	}
	buf[0] = '\0';
	for (size_t i = 0; i < q->answer->count && o + 4 < sizeof(buf); i++) {
		const mc_dns_rr *rr = &q->answer->rrs[i];
		if (rr->type == MC_DNS_T_TXT) {
			o += (size_t)snprintf(buf + o, sizeof(buf) - o, "%s%s", o ? " / " : "",
				mc_tags_shown((const char *)rr->data, rr->len, part, sizeof(part) - o));
		}
	}
	return o ? strdup(buf) : NULL;
}

/* One zone's answers: listed, or why it could not tell. */
static void take_zone(mc_dns *dns, mc_dnsbl_result *out, mc_dnsbl_zone *z, const char *subject,
		const char *qname, const mc_dns_query *qa, const mc_dns_query *qt)
{
	char codes[MC_DNSBL_MAX_CODES * 18] = "";
	const char *why = NULL;
	mc_dnsbl_code worst = MC_DNSBL_LISTED;
	mc_dns_status status = qa->answer->status;
	if (status == MC_DNS_NXDOMAIN || status == MC_DNS_NODATA) {
		return;
	}
	if (status != MC_DNS_OK) {
		char what[MC_DNS_NAME_BUF + 64];
		snprintf(what, sizeof(what), "%s on the blocklist %s (A %s)", subject, z->zone, qname);
		mc_dns_add_problem(dns, &out->problems, status, what);
		zone_error(z, "DNS: %s%s", mc_dns_status_name(status), "");
		return;
	}
	for (size_t i = 0; i < qa->answer->count; i++) {
		const mc_dns_rr *rr = &qa->answer->rrs[i];
		if (rr->type != MC_DNS_T_A || rr->len != 4) {
			continue;
		}
		char code[16];
		const char *w;
		snprintf(code, sizeof(code), "%u.%u.%u.%u", rr->data[0], rr->data[1], rr->data[2], rr->data[3]);
		mc_dnsbl_code c = mc_dnsbl_classify(rr->data, &w);
		if (!why || c > worst) {
			worst = c;
			why = w;
		}
		if (z->ncodes < MC_DNSBL_MAX_CODES) {
			z->codes[z->ncodes++] = strdup(code);
			snprintf(codes + strlen(codes), sizeof(codes) - strlen(codes), "%s%s", z->ncodes > 1 ? ", " : "", code);
		}
	}
	if (!z->ncodes) {
		return;
	}
	z->reason = reason_of(qt);
	if (worst == MC_DNSBL_LISTED) {
		z->listed = 1;
		out->listed = 1;
		mc_problems_add(&out->problems, MC_STATUS_FAIL, "dnsbl_listed",
			"%s is listed on %s (%s)%s%s%s: receivers that use this list reject or junk its mail; the list's site says why and how to be delisted",
			subject, z->zone, codes, z->reason ? ": \"" : "", z->reason ? z->reason : "", z->reason ? "\"" : "");
	} else if (worst == MC_DNSBL_REFUSED) {
		zone_error(z, "refused (%s): %s", codes, why);
		mc_problems_add(&out->problems, MC_STATUS_ERROR, "dnsbl_refused",
			"%s did not answer about %s: it returned %s, %s; this says nothing about the listing. Ask it through a "
			"resolver of your own (mailcheck.resolver), not a public one (8.8.8.8, 1.1.1.1) or a busy shared one, "
			"or through the list's registered query service", z->zone, subject, codes, why);
	} else {
		zone_error(z, "query error (%s): %s", codes, why);
		mc_problems_add(&out->problems, MC_STATUS_ERROR, "dnsbl_error",
			"%s answered %s for %s: %s; not counted as a listing. Check the zone name and the resolver "
			"(mailcheck.resolver)", z->zone, codes, subject, why);
	}
}

void mc_dnsbl_check(mc_dns *dns, const mc_ip *ip, const char *domain, const char *const *zones, size_t nzones,
		int64_t deadline_ms, mc_dnsbl_result *out)
{
	char subject[MC_DNS_NAME_BUF];
	memset(out, 0, sizeof(*out));
	mc_problems_init(&out->problems);
	if (ip) {
		char text[MC_IP_STRLEN];
		mc_ip_format(ip, text);
		out->ip = strdup(text);
		snprintf(subject, sizeof(subject), "%s", text);
	} else {
		out->domain = normalized(domain, strlen(domain));
		snprintf(subject, sizeof(subject), "%s", out->domain ? out->domain : domain);
	}
	out->zones = calloc(nzones ? nzones : 1, sizeof(*out->zones));
	char (*qnames)[MC_DNS_NAME_BUF] = calloc(nzones ? nzones : 1, sizeof(*qnames));
	mc_dns_query **queries = calloc(nzones ? nzones * 2 : 1, sizeof(*queries));
	mc_dns_batch *batch = mc_dns_batch_new(dns, deadline_ms);
	int oom = !out->zones || !qnames || !queries || !batch || !(out->ip || out->domain);

	for (size_t i = 0; !oom && i < nzones; i++) {
		mc_dnsbl_zone *z = &out->zones[out->nzones++];
		z->zone = normalized(zones[i], strlen(zones[i]));
		oom = !z->zone;
		if (oom) {
			break;
		}
		if (mc_dnsbl_query_name(ip, out->domain, z->zone, qnames[i], MC_DNS_NAME_BUF) < 0) {
			zone_error(z, "query error: %.253s.%.253s is longer than a DNS name may be", subject, z->zone);
			mc_problems_add(&out->problems, MC_STATUS_ERROR, "dnsbl_error",
				"%s cannot be looked up on %s: the query name would be longer than 253 octets", subject, z->zone);
			continue;
		}
		/* The A record says whether it is listed, the TXT why: both at once. */
		queries[2 * i] = mc_dns_batch_add(batch, qnames[i], MC_DNS_T_A);
		queries[2 * i + 1] = mc_dns_batch_add(batch, qnames[i], MC_DNS_T_TXT);
		oom = !queries[2 * i] || !queries[2 * i + 1];
	}
	if (!oom) {
		mc_dns_batch_wait(batch);
		for (size_t i = 0; i < out->nzones; i++) {
			if (queries[2 * i]) {
				take_zone(dns, out, &out->zones[i], subject, qnames[i], queries[2 * i], queries[2 * i + 1]);
			}
		}
		if (nzones == 0) {
			mc_problems_add(&out->problems, MC_STATUS_WARN, "dnsbl_no_zones",
				"No %s blocklists to ask: mailcheck.dnsbl_zones names none (write domain lists as domain:zone)",
				ip ? "IP" : "domain");
		}
	} else {
		mc_problems_add(&out->problems, MC_STATUS_ERROR, "dns_error", "The check ran out of memory");
	}
	free(qnames);
	free(queries);
	if (batch) {
		mc_dns_batch_free(batch);
	}
	out->status = mc_problems_status(&out->problems);
}

void mc_dnsbl_result_free(mc_dnsbl_result *r)
{
	for (size_t i = 0; i < r->nzones; i++) {
		mc_dnsbl_zone *z = &r->zones[i];
		for (size_t k = 0; k < z->ncodes; k++) {
			free(z->codes[k]);
		}
		free(z->zone);
		free(z->reason);
		free(z->error);
	}
	free(r->zones);
	free(r->ip);
	free(r->domain);
	mc_problems_free(&r->problems);
	memset(r, 0, sizeof(*r));
}
