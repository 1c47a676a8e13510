#include "mc_helo.h"
#include "mc_name.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>

/* "[192.0.2.1]", "[IPv6:2001:db8::1]" or a bare address. */
static int parse_literal(const char *helo, mc_ip *ip)
{
	char buf[64];
	const char *why;
	size_t len = strlen(helo);
	if (len >= 2 && helo[0] == '[' && helo[len - 1] == ']') {
		const char *inner = helo + 1;
		len -= 2;
		if (len > 5 && strncasecmp(inner, "IPv6:", 5) == 0) {
			inner += 5;
			len -= 5;
		}
		if (len >= sizeof(buf)) {
			return 0;
		}
		memcpy(buf, inner, len);
		buf[len] = '\0';
		return mc_ip_parse(buf, len, ip, &why) == 0;
	}
	return mc_ip_parse(helo, len, ip, &why) == 0;
}

static int add_address(mc_helo_result *out, const mc_ip *ip)
{
	mc_ip *grown = realloc(out->addresses, (out->address_count + 1) * sizeof(*grown));
	if (!grown) {
		return -1;
	}
	out->addresses = grown;
	out->addresses[out->address_count++] = *ip;
	return 0;
}

static void collect(mc_helo_result *out, const mc_dns_query *q, int family)
{
	if (!q || !q->answer || q->answer->status != MC_DNS_OK) {
		return;
	}
	for (size_t i = 0; i < q->answer->count; i++) {
		mc_ip ip = { .family = family };
		memcpy(ip.addr, q->answer->rrs[i].data, family == AF_INET ? 4 : 16);
		add_address(out, &ip);
	}
}

static void check_ptr_match(mc_dns *dns, const char *helo, const mc_ip *ip, int64_t deadline_ms, mc_helo_result *out)
{
	/* The PTR check already knows how to compare a HELO with the
	 * forward-confirmed PTR names, and how to say what to fix. */
	mc_ptr_result ptr;
	mc_ptr_check(dns, ip, helo, deadline_ms, &ptr);
	out->matches_ptr = ptr.helo_matches;
	for (size_t i = 0; i < ptr.problems.count; i++) {
		const mc_problem *p = &ptr.problems.items[i];
		if (strcmp(p->code, "helo_mismatch") == 0 || strncmp(p->code, "dns_", 4) == 0) {
			mc_problems_add(&out->problems, p->severity, p->code, "%s", p->message);
		}
	}
	if (ptr.count == 0 && ptr.forward_confirmed == MC_TRI_NO) {
		char ipstr[MC_IP_STRLEN];
		mc_ip_format(ip, ipstr);
		mc_problems_add(&out->problems, MC_STATUS_WARN, "helo_mismatch",
			"%s has no PTR record, so the HELO name %s cannot match it: have the PTR of %s set to %s", ipstr, helo, ipstr, helo);
	}
	mc_ptr_result_free(&ptr);
}

void mc_helo_check(mc_dns *dns, const char *helo, const mc_ip *ip, int64_t deadline_ms, mc_helo_result *out)
{
	memset(out, 0, sizeof(*out));
	mc_problems_init(&out->problems);
	out->matches_ip = ip ? MC_TRI_NO : MC_TRI_UNKNOWN;
	out->matches_ptr = ip ? MC_TRI_NO : MC_TRI_UNKNOWN;

	mc_ip literal;
	if (parse_literal(helo, &literal)) {
		add_address(out, &literal);
		mc_problems_add(&out->problems, MC_STATUS_WARN, "helo_ip_literal",
			"The HELO is an address (%s), not a name: RFC 5321 allows it, but receivers score it as a sign of a badly configured sender; announce the server's FQDN", helo);
		if (ip) {
			out->matches_ip = mc_ip_equal(&literal, ip) ? MC_TRI_YES : MC_TRI_NO;
		}
		out->status = mc_problems_status(&out->problems);
		return;
	}

	/* localhost.localdomain has the form of one, and names nothing. */
	out->fqdn = mc_name_is_hostname(helo, 1) && !mc_name_is_localhost(helo);
	if (mc_name_is_localhost(helo)) {
		mc_problems_add(&out->problems, MC_STATUS_FAIL, "helo_localhost",
			"The HELO name %s only means \"this machine\": receivers reject or score it; set the MTA's name (postfix: myhostname) to the FQDN its IP's PTR points to", helo);
		out->status = mc_problems_status(&out->problems);
		return;
	}
	if (!out->fqdn) {
		mc_problems_add(&out->problems, MC_STATUS_FAIL, "helo_not_fqdn",
			"The HELO name %s is not a fully qualified domain name (RFC 5321 §4.1.1.1): announce a name such as mail.example.com (postfix: myhostname)", helo);
		out->status = mc_problems_status(&out->problems);
		return;
	}

	mc_dns_batch *batch = mc_dns_batch_new(dns, deadline_ms);
	if (batch) {
		mc_dns_query *a = mc_dns_batch_add(batch, helo, MC_DNS_T_A);
		mc_dns_query *aaaa = mc_dns_batch_add(batch, helo, MC_DNS_T_AAAA);
		mc_dns_batch_wait(batch);
		collect(out, a, AF_INET);
		collect(out, aaaa, AF_INET6);
		if (out->address_count == 0) {
			const mc_dns_query *bad = NULL;
			if (a && a->answer && a->answer->status > MC_DNS_NODATA) bad = a;
			else if (aaaa && aaaa->answer && aaaa->answer->status > MC_DNS_NODATA) bad = aaaa;
			if (bad) {
				char what[MC_DNS_NAME_BUF + 32];
				snprintf(what, sizeof(what), "the address of %s", helo);
				mc_dns_add_problem(dns, &out->problems, bad->answer->status, what);
			} else {
				/* RFC 5321 §4.1.4: a receiver MUST NOT refuse mail for this
				 * alone; some do (postfix: reject_unknown_helo_hostname),
				 * spam filters score it. */
				mc_problems_add(&out->problems, MC_STATUS_WARN, "helo_no_address",
					"The HELO name %s does not resolve (no A or AAAA record): spam filters score it, and receivers with strict settings reject the mail; add an A record for it", helo);
			}
		}
		mc_dns_batch_free(batch);
	}

	if (ip && out->address_count > 0) {
		for (size_t i = 0; i < out->address_count; i++) {
			if (mc_ip_equal(&out->addresses[i], ip)) {
				out->matches_ip = MC_TRI_YES;
			}
		}
		if (out->matches_ip != MC_TRI_YES) {
			char ipstr[MC_IP_STRLEN];
			mc_ip_format(ip, ipstr);
			mc_problems_add(&out->problems, MC_STATUS_WARN, "helo_ip_mismatch",
				"The HELO name %s does not resolve to the sending IP %s: point its A/AAAA record at %s, or announce the name that does", helo, ipstr, ipstr);
		}
	}
	if (ip) {
		check_ptr_match(dns, helo, ip, deadline_ms, out);
	}
	out->status = mc_problems_status(&out->problems);
}

void mc_helo_result_free(mc_helo_result *result)
{
	free(result->addresses);
	mc_problems_free(&result->problems);
	memset(result, 0, sizeof(*result));
}
