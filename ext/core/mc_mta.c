#include "mc_mta.h"
#include "mc_ip.h"
#include "mc_name.h"

#include <ares.h>
#include <netdb.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>

/* RFC 6761 §6.3: localhost and every name under it are the loopback,
 * whatever DNS or the hosts file say. */
static int is_localhost(const char *host)
{
	size_t len = strlen(host);
	if (len > 1 && host[len - 1] == '.') {
		len--;
	}
	return (len == 9 && strncasecmp(host, "localhost", 9) == 0)
		|| (len > 10 && strncasecmp(host + len - 10, ".localhost", 10) == 0);
}

/* An address as people write an MTA's: 192.0.2.25, 2001:db8::25, or the
 * RFC 5321 literals [192.0.2.25], [IPv6:2001:db8::25] (and [2001:db8::25]).
 * Returns 1 and fills ip, 0 when host is no literal, -1 when it is
 * bracketed but not an address. */
static int parse_literal(const char *host, mc_ip *ip)
{
	const char *why;
	size_t len = strlen(host);
	if (host[0] != '[') {
		return mc_ip_parse(host, len, ip, &why) == 0;
	}
	if (len < 3 || host[len - 1] != ']') {
		return -1;
	}
	host++;
	len -= 2;
	if (len > 5 && strncasecmp(host, "IPv6:", 5) == 0) {
		host += 5;
		len -= 5;
	}
	return mc_ip_parse(host, len, ip, &why) == 0 ? 1 : -1;
}

static void set_address(mc_ip *ip, int family, const void *bytes)
{
	memset(ip, 0, sizeof(*ip));
	ip->family = family;
	memcpy(ip->addr, bytes, family == AF_INET ? 4 : 16);
}

/* The hosts file, and only it: c-ares reads it without any network, so a
 * name for the hosts file costs no time of the budget. */
static size_t hosts_file_addresses(const char *host, mc_ip *addrs, size_t max)
{
	struct ares_options opts;
	ares_channel channel;
	size_t n = 0;
	memset(&opts, 0, sizeof(opts));
	opts.lookups = (char *)"f";
	if (ares_init_options(&channel, &opts, ARES_OPT_LOOKUPS) != ARES_SUCCESS) {
		return 0;
	}
	static const int families[] = { AF_INET, AF_INET6 };
	for (size_t f = 0; f < 2; f++) {
		struct hostent *he = NULL;
		if (ares_gethostbyname_file(channel, host, families[f], &he) != ARES_SUCCESS || !he) {
			continue;
		}
		for (char **a = he->h_addr_list; he->h_addrtype == families[f] && a && *a && n < max; a++) {
			set_address(&addrs[n++], families[f], *a);
		}
		ares_free_hostent(he);
	}
	ares_destroy(channel);
	return n;
}

static int dns_trouble(const mc_dns_query *q)
{
	return q && q->answer && q->answer->status != MC_DNS_OK && q->answer->status != MC_DNS_NXDOMAIN
		&& q->answer->status != MC_DNS_NODATA;
}

/* A and AAAA through our resolver, under the deadline: IPv4 first. */
static size_t dns_addresses(mc_dns *dns, const char *host, int64_t deadline_ms, mc_ip *addrs, size_t max,
		mc_dns_status *trouble)
{
	size_t n = 0;
	*trouble = MC_DNS_OK;
	mc_dns_batch *batch = mc_dns_batch_new(dns, deadline_ms);
	if (!batch) {
		*trouble = MC_DNS_ERROR;
		return 0;
	}
	mc_dns_query *qs[2] = {
		mc_dns_batch_add(batch, host, MC_DNS_T_A),
		mc_dns_batch_add(batch, host, MC_DNS_T_AAAA),
	};
	mc_dns_batch_wait(batch);
	for (size_t i = 0; i < 2; i++) {
		const mc_dns_answer *a = qs[i] ? qs[i]->answer : NULL;
		int family = i == 0 ? AF_INET : AF_INET6;
		for (size_t r = 0; a && a->status == MC_DNS_OK && r < a->count && n < max; r++) {
			set_address(&addrs[n++], family, a->rrs[r].data);
		}
		if (!qs[i]) {
			*trouble = MC_DNS_ERROR;
		} else if (dns_trouble(qs[i])) {
			*trouble = qs[i]->answer->status;
		}
	}
	mc_dns_batch_free(batch);
	return n;
}

/* The addresses to probe, found without ever leaving the budget: literals
 * as they are, localhost by RFC 6761, a name without a dot in the hosts
 * file first, everything else through our resolver. Returns how many, or
 * 0 with the problem added. */
static size_t host_addresses(mc_dns *dns, const char *host, int64_t deadline_ms, mc_ip *addrs, mc_problems *problems)
{
	int literal = parse_literal(host, &addrs[0]);
	if (literal == 1) {
		return 1;
	}
	if (literal < 0 || !mc_name_is_hostname(host, 0)) {
		mc_problems_add(problems, MC_STATUS_ERROR, "mta_unreachable",
			"%s is neither an IP address nor a host name: give the MTA's name or address", host);
		return 0;
	}
	if (is_localhost(host)) {
		static const unsigned char v4[4] = { 127, 0, 0, 1 }, v6[16] = { [15] = 1 };
		set_address(&addrs[0], AF_INET, v4);
		set_address(&addrs[1], AF_INET6, v6);
		return 2;
	}
	size_t n = strchr(host, '.') ? 0 : hosts_file_addresses(host, addrs, MC_MTA_MAX_ADDRESSES);
	if (n > 0) {
		return n;
	}
	mc_dns_status trouble;
	n = dns_addresses(dns, host, deadline_ms, addrs, MC_MTA_MAX_ADDRESSES, &trouble);
	if (n == 0 && trouble != MC_DNS_OK) {
		char what[MC_NAME_MAX + 32];
		snprintf(what, sizeof(what), "the address of %s", host);
		mc_dns_add_problem(dns, problems, trouble, what);
	} else if (n == 0) {
		mc_problems_add(problems, MC_STATUS_ERROR, "mta_unreachable",
			"%s does not resolve to an address: check the host name", host);
	}
	return n;
}

void mc_mta_check(mc_dns *dns, const char *host, int port, const char *ehlo_name,
		int64_t deadline_ms, mc_mta_result *out)
{
	mc_ip addrs[MC_MTA_MAX_ADDRESSES];
	memset(out, 0, sizeof(*out));
	mc_problems_init(&out->problems);
	out->probe.greeting_ms = -1;

	size_t count = host_addresses(dns, host, deadline_ms, addrs, &out->problems);
	if (count == 0) {
		out->status = mc_problems_status(&out->problems);
		return;
	}
	mc_smtp_probe_run(addrs, count, port, ehlo_name, deadline_ms, &out->probe);
	const mc_smtp_probe *p = &out->probe;

	if (!p->connected || (p->greeting_code == 0 && (p->timed_out || !p->banner))) {
		mc_problems_add(&out->problems, MC_STATUS_ERROR, "mta_unreachable",
			"No SMTP greeting from %s port %d: %s; is the MTA running and listening there?",
			host, port, p->failure ? p->failure : "no answer");
	} else if (p->greeting_code != 220) {
		mc_problems_add(&out->problems, MC_STATUS_FAIL, "mta_not_smtp",
			"%s port %d did not greet with 220 but with %s: %s",
			host, port, p->greeting_code ? "another reply" : "something that is not SMTP",
			p->banner ? p->banner : (p->failure ? p->failure : ""));
	} else {
		if (!p->hostname || !mc_name_is_hostname(p->hostname, 1)) {
			mc_problems_add(&out->problems, MC_STATUS_WARN, "mta_hostname_not_fqdn",
				"The MTA at %s port %d announces \"%s\", not a fully qualified name: receivers compare it with your PTR; "
				"set it to your mail host's FQDN (postfix: myhostname; smtpd_banner = $myhostname ESMTP)",
				host, port, p->hostname ? p->hostname : "");
		}
		if (p->ehlo_code == 250 && !p->starttls) {
			mc_problems_add(&out->problems, MC_STATUS_WARN, "mta_no_starttls",
				"The MTA at %s port %d does not offer STARTTLS: Gmail and others mark or refuse mail that arrives unencrypted; "
				"configure a certificate (postfix: smtpd_tls_cert_file, smtpd_tls_security_level = may)", host, port);
		}
		if (p->greeting_ms > MC_MTA_SLOW_GREETING_MS) {
			mc_problems_add(&out->problems, MC_STATUS_WARN, "mta_slow_greeting",
				"The MTA at %s port %d took %lld ms to greet: usually a DNS lookup of the client that times out; check the MTA's resolver",
				host, port, (long long)p->greeting_ms);
		}
		if (p->ehlo_code != 250) {
			mc_problems_add(&out->problems, MC_STATUS_WARN, "mta_ehlo_failed",
				"The MTA at %s port %d did not accept EHLO (%s): it may not support ESMTP", host, port,
				p->failure ? p->failure : "reply not 250");
		}
	}
	out->status = mc_problems_status(&out->problems);
}

void mc_mta_result_free(mc_mta_result *result)
{
	mc_smtp_probe_free(&result->probe);
	mc_problems_free(&result->problems);
	memset(result, 0, sizeof(*result));
}
