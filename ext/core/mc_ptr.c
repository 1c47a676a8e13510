#include "mc_ptr.h"
#include "mc_name.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int add_name(mc_ptr_result *out, const char *name)
{
	for (size_t i = 0; i < out->count; i++) {
		if (mc_name_equal(out->names[i].name, name)) {
			return 0;
		}
	}
	char *copy = strdup(name);
	if (!copy) {
		return -1;
	}
	mc_name_normalize(copy);
	out->names[out->count].name = copy;
	out->names[out->count].confirmed = MC_TRI_NO;
	out->count++;
	return 0;
}

static int answer_has_ip(const mc_dns_answer *answer, const mc_ip *ip)
{
	for (size_t i = 0; i < answer->count; i++) {
		if (answer->rrs[i].len == mc_ip_len(ip) && memcmp(answer->rrs[i].data, ip->addr, mc_ip_len(ip)) == 0) {
			return 1;
		}
	}
	return 0;
}

/* Tells what the first PTR name resolves to, for the not-confirmed advice. */
static void describe_forward(const mc_dns_answer *answer, const mc_ip *ip, char *out, size_t len)
{
	if (!answer || answer->status == MC_DNS_NXDOMAIN) {
		snprintf(out, len, "does not exist in DNS");
		return;
	}
	if (answer->status != MC_DNS_OK || answer->count == 0) {
		snprintf(out, len, "has no %s record", ip->family == AF_INET ? "A" : "AAAA");
		return;
	}
	char addr[MC_IP_STRLEN];
	inet_ntop(ip->family, answer->rrs[0].data, addr, sizeof(addr));
	snprintf(out, len, "resolves to %s%s", addr, answer->count > 1 ? " and others" : "");
}

static void check_forward(mc_dns *dns, mc_ptr_result *out, int64_t deadline_ms, const char *ipstr)
{
	mc_dns_batch *batch = mc_dns_batch_new(dns, deadline_ms);
	mc_dns_query *queries[MC_PTR_MAX_FORWARD] = {0};
	uint16_t type = out->ip.family == AF_INET ? MC_DNS_T_A : MC_DNS_T_AAAA;
	size_t n = out->count < MC_PTR_MAX_FORWARD ? out->count : MC_PTR_MAX_FORWARD;

	if (!batch) {
		return;
	}
	/* All names at once: one round trip however many PTR names there are. */
	for (size_t i = 0; i < n; i++) {
		/* A localhost name resolves to the loopback, if at all: not asked. */
		if (mc_name_is_hostname(out->names[i].name, 0) && !mc_name_is_localhost(out->names[i].name)) {
			queries[i] = mc_dns_batch_add(batch, out->names[i].name, type);
		}
	}
	mc_dns_batch_wait(batch);

	mc_dns_status trouble = MC_DNS_OK;
	const char *trouble_name = NULL;
	for (size_t i = 0; i < n; i++) {
		const mc_dns_answer *a = queries[i] ? queries[i]->answer : NULL;
		if (!a) {
			continue;
		}
		if (a->status == MC_DNS_OK) {
			out->names[i].confirmed = answer_has_ip(a, &out->ip) ? MC_TRI_YES : MC_TRI_NO;
		} else if (a->status != MC_DNS_NXDOMAIN && a->status != MC_DNS_NODATA) {
			out->names[i].confirmed = MC_TRI_UNKNOWN;
			trouble = a->status;
			trouble_name = out->names[i].name;
		}
		if (out->names[i].confirmed == MC_TRI_YES && !out->hostname) {
			out->hostname = out->names[i].name;
		}
	}

	if (out->hostname) {
		out->forward_confirmed = MC_TRI_YES;
	} else if (trouble != MC_DNS_OK) {
		char what[MC_DNS_NAME_BUF + 32];
		snprintf(what, sizeof(what), "the address of %s", trouble_name);
		out->forward_confirmed = MC_TRI_UNKNOWN;
		mc_dns_add_problem(dns, &out->problems, trouble, what);
	} else if (mc_name_is_localhost(out->names[0].name)) {
		out->forward_confirmed = MC_TRI_NO;
		mc_problems_add(&out->problems, MC_STATUS_FAIL, "ptr_localhost",
			"The PTR name of %s is %s%s, which only means \"this machine\": receivers treat the IP as having no reverse DNS; "
			"ask the owner of the IP (your hosting provider) to set the PTR to the mail server's name, with an %s record pointing back to %s",
			ipstr, out->names[0].name, out->count > 1 ? " (and others)" : "", out->ip.family == AF_INET ? "A" : "AAAA", ipstr);
	} else {
		char fwd[96];
		describe_forward(queries[0] ? queries[0]->answer : NULL, &out->ip, fwd, sizeof(fwd));
		out->forward_confirmed = MC_TRI_NO;
		mc_problems_add(&out->problems, MC_STATUS_FAIL, "ptr_not_confirmed",
			"The PTR name of %s is %s%s, but that name %s, so the reverse DNS is not forward-confirmed and receivers treat it as missing: "
			"add an %s record %s -> %s, or have the PTR set to a name that has one",
			ipstr, out->names[0].name, out->count > 1 ? " (and others)" : "", fwd,
			out->ip.family == AF_INET ? "A" : "AAAA", out->names[0].name, ipstr);
	}
	mc_dns_batch_free(batch);
}

void mc_ptr_check(mc_dns *dns, const mc_ip *ip, const char *helo, int64_t deadline_ms, mc_ptr_result *out)
{
	char rev[MC_IP_REVERSE_LEN], ipstr[MC_IP_STRLEN], what[MC_IP_STRLEN + 16];

	memset(out, 0, sizeof(*out));
	out->ip = *ip;
	mc_problems_init(&out->problems);
	out->forward_confirmed = MC_TRI_UNKNOWN;
	out->helo_matches = helo ? MC_TRI_NO : MC_TRI_UNKNOWN;
	mc_ip_reverse_name(ip, rev);
	mc_ip_format(ip, ipstr);
	snprintf(what, sizeof(what), "the PTR of %s", ipstr);

	mc_dns_batch *batch = mc_dns_batch_new(dns, deadline_ms);
	if (!batch) {
		mc_dns_add_problem(dns, &out->problems, MC_DNS_ERROR, what);
		out->status = mc_problems_status(&out->problems);
		return;
	}
	mc_dns_query *q = mc_dns_batch_add(batch, rev, MC_DNS_T_PTR);
	mc_dns_batch_wait(batch);
	const mc_dns_answer *a = q ? q->answer : NULL;

	if (a && a->status == MC_DNS_OK) {
		out->names = calloc(a->count, sizeof(*out->names));
		for (size_t i = 0; out->names && i < a->count; i++) {
			add_name(out, (const char *)a->rrs[i].data);
		}
	} else if (a && a->status == MC_DNS_NODATA && a->unusable > 0) {
		out->forward_confirmed = MC_TRI_NO;
		mc_problems_add(&out->problems, MC_STATUS_FAIL, "ptr_invalid_name",
			"The PTR record of %s names %s, which is no host name (a label holds a space, a dot, a control or non-ASCII byte): "
			"receivers treat the IP as having no reverse DNS; ask the owner of the IP to set the PTR to the mail server's name",
			ipstr, a->unusable_name ? a->unusable_name : "a name");
	} else if (a && (a->status == MC_DNS_NXDOMAIN || a->status == MC_DNS_NODATA)) {
		out->forward_confirmed = MC_TRI_NO;
		mc_problems_add(&out->problems, MC_STATUS_FAIL, "ptr_missing",
			"No PTR record for %s: ask the owner of the IP (your hosting provider) to set one to the mail server's name, "
			"e.g. mail.example.com, with an A record pointing back to %s", ipstr, ipstr);
	} else {
		mc_dns_add_problem(dns, &out->problems, a ? a->status : MC_DNS_ERROR, what);
		out->helo_matches = MC_TRI_UNKNOWN;   /* as forward_confirmed: could not tell */
	}
	mc_dns_batch_free(batch);

	if (out->count > 0) {
		check_forward(dns, out, deadline_ms, ipstr);

		const char *shown = out->hostname ? out->hostname : out->names[0].name;
		const char *why;
		if (mc_name_looks_generic(shown, ip, &why)) {
			mc_problems_add(&out->problems, MC_STATUS_WARN, "ptr_generic",
				"The PTR name %s looks like one given to a pool of customer addresses (it contains %s): receivers score such names as dynamic; "
				"have the PTR set to a mail-server name such as mail.yourdomain.com", shown, why);
		}
	}

	int localhost_helo = helo && mc_name_is_localhost(helo);
	if (localhost_helo) {
		mc_problems_add(&out->problems, MC_STATUS_FAIL, "helo_localhost",
			"The HELO name %s only means \"this machine\": receivers reject or score it; announce the mail server's name%s%s (postfix: myhostname)",
			helo, out->hostname ? ", the PTR name " : "", out->hostname ? out->hostname : "");
	}
	if (helo && out->count > 0) {
		int matched = 0;
		for (size_t i = 0; i < out->count; i++) {
			/* Compare with the confirmed names; with none confirmed, with any. */
			if ((out->names[i].confirmed == MC_TRI_YES || !out->hostname) && mc_name_equal(helo, out->names[i].name)) {
				matched = 1;
			}
		}
		out->helo_matches = matched ? MC_TRI_YES : MC_TRI_NO;
		if (!matched && !localhost_helo && out->hostname) {
			mc_problems_add(&out->problems, MC_STATUS_WARN, "helo_mismatch",
				"The HELO name %s is not the PTR name of %s (%s): set the MTA's announced name (postfix: myhostname) to %s, or the PTR to %s",
				helo, ipstr, out->hostname, out->hostname, helo);
		} else if (!matched && !localhost_helo) {
			mc_problems_add(&out->problems, MC_STATUS_WARN, "helo_mismatch",
				"The HELO name %s is not the PTR name of %s (%s): once the PTR name resolves back to the IP, announce that same name in HELO (postfix: myhostname)",
				helo, ipstr, out->names[0].name);
		}
	}
	out->status = mc_problems_status(&out->problems);
}

void mc_ptr_result_free(mc_ptr_result *result)
{
	for (size_t i = 0; i < result->count; i++) {
		free(result->names[i].name);
	}
	free(result->names);
	mc_problems_free(&result->problems);
	memset(result, 0, sizeof(*result));
}
