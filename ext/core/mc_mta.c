#include "mc_mta.h"
#include "mc_ip.h"
#include "mc_name.h"

#include <stdio.h>
#include <sys/socket.h>
#include <string.h>

/* Names with a dot go through our resolver, so the time budget and the
 * configured servers apply; literals and hosts-file names (localhost) go
 * to the probe as they are. */
static int resolve_host(mc_dns *dns, const char *host, int64_t deadline_ms, char out[MC_IP_STRLEN])
{
	mc_ip ip;
	const char *why;
	if (!strchr(host, '.') || mc_ip_parse(host, strlen(host), &ip, &why) == 0 || host[0] == '[') {
		snprintf(out, MC_IP_STRLEN, "%s", host);
		return 0;
	}
	mc_dns_batch *batch = mc_dns_batch_new(dns, deadline_ms);
	if (!batch) {
		return -1;
	}
	mc_dns_query *a = mc_dns_batch_add(batch, host, MC_DNS_T_A);
	mc_dns_query *aaaa = mc_dns_batch_add(batch, host, MC_DNS_T_AAAA);
	mc_dns_batch_wait(batch);
	int rc = -1;
	if (a && a->answer && a->answer->status == MC_DNS_OK) {
		memcpy(ip.addr, a->answer->rrs[0].data, 4);
		ip.family = AF_INET;
		rc = 0;
	} else if (aaaa && aaaa->answer && aaaa->answer->status == MC_DNS_OK) {
		memcpy(ip.addr, aaaa->answer->rrs[0].data, 16);
		ip.family = AF_INET6;
		rc = 0;
	}
	if (rc == 0) {
		mc_ip_format(&ip, out);
	}
	mc_dns_batch_free(batch);
	return rc;
}

void mc_mta_check(mc_dns *dns, const char *host, int port, const char *ehlo_name,
		int64_t deadline_ms, mc_mta_result *out)
{
	char target[MC_IP_STRLEN + 256];
	memset(out, 0, sizeof(*out));
	mc_problems_init(&out->problems);
	out->probe.greeting_ms = -1;

	if (resolve_host(dns, host, deadline_ms, target) < 0) {
		mc_problems_add(&out->problems, MC_STATUS_ERROR, "mta_unreachable",
			"%s does not resolve to an address: check the host name", host);
		out->status = mc_problems_status(&out->problems);
		return;
	}
	mc_smtp_probe_run(target, port, ehlo_name, deadline_ms, &out->probe);
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
