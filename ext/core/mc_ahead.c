#include "mc_ahead.h"
#include "mc_dmarc.h"
#include "mc_name.h"
#include "mc_ptr.h"
#include "mc_spf_prefetch.h"
#include "mc_spf_record.h"

#include <stdio.h>
#include <sys/socket.h>

/* The most levels sent: the SPF walk's bound, and one. */
#define AHEAD_LEVELS (MC_SPF_MAX_DNS_TERMS * 2 + 3)

static int ask_first_level(mc_dns_batch *batch, const mc_ahead_plan *plan, mc_dns_query **ptr)
{
	char name[MC_DNS_NAME_BUF];
	int added = 0;
	for (size_t i = 0; i < MC_AHEAD_MAX_DOMAINS; i++) {
		const char *d = plan->mail_domains[i];
		if (d && mc_name_is_askable(d)) {
			mc_dns_batch_add(batch, d, MC_DNS_T_MX);
			mc_dns_batch_add(batch, d, MC_DNS_T_A);
			mc_dns_batch_add(batch, d, MC_DNS_T_AAAA);
			added += 3;
		}
	}
	if (plan->policy_domain && mc_name_is_askable(plan->policy_domain)) {
		mc_dns_batch_add(batch, plan->policy_domain, MC_DNS_T_TXT);
		mc_dns_batch_add(batch, plan->policy_domain, MC_DNS_T_SPF);
		added += 2;
	}
	const char *dmarc = plan->dmarc_domain;
	if (dmarc && mc_name_is_askable(dmarc)) {
		size_t offsets[MC_DMARC_MAX_QUERIES];
		int n = mc_dmarc_walk_names(dmarc, offsets);
		for (int i = 0; i < n; i++) {
			snprintf(name, sizeof(name), "_dmarc.%s", dmarc + offsets[i]);
			mc_dns_batch_add(batch, name, MC_DNS_T_TXT);
			added++;
		}
		for (size_t i = 0; i < plan->dkim_count; i++) {
			if ((size_t)snprintf(name, sizeof(name), "%s._domainkey.%s", plan->dkim_selectors[i], dmarc) < sizeof(name)) {
				mc_dns_batch_add(batch, name, MC_DNS_T_TXT);
				added++;
			}
		}
	}
	if (plan->helo && mc_name_is_askable(plan->helo)) {
		mc_dns_batch_add(batch, plan->helo, MC_DNS_T_A);
		mc_dns_batch_add(batch, plan->helo, MC_DNS_T_AAAA);
		added += 2;
	}
	for (size_t i = 0; i < plan->dnsbl_count; i++) {
		mc_dns_batch_add(batch, plan->dnsbl_names[i], MC_DNS_T_A);
		mc_dns_batch_add(batch, plan->dnsbl_names[i], MC_DNS_T_TXT);
		added += 2;
	}
	if (plan->ip) {
		char reverse[MC_IP_REVERSE_LEN];
		mc_ip_reverse_name(plan->ip, reverse);
		*ptr = mc_dns_batch_add(batch, reverse, MC_DNS_T_PTR);
		added++;
	}
	return added;
}

/* The forward lookups that confirm the PTR names (mc_ptr_check). */
static int ask_ptr_names(mc_dns_batch *batch, const mc_ip *ip, const mc_dns_query *ptr)
{
	int added = 0;
	if (ptr && ptr->answer && ptr->answer->status == MC_DNS_OK) {
		uint16_t type = ip->family == AF_INET ? MC_DNS_T_A : MC_DNS_T_AAAA;
		for (size_t i = 0; i < ptr->answer->count && i < MC_PTR_MAX_FORWARD; i++) {
			mc_dns_batch_add(batch, (const char *)ptr->answer->rrs[i].data, type);
			added++;
		}
	}
	return added;
}

void mc_ahead_run(mc_dns *dns, const mc_ahead_plan *plan, int64_t deadline_ms)
{
	mc_spf_walk *walk = plan->spf_domain ? mc_spf_walk_new(plan->spf_domain, plan->spf_env) : NULL;
	mc_dns_batch *levels[AHEAD_LEVELS];
	int nlevels = 0;
	mc_dns_query *ptr = NULL;
	while (nlevels < AHEAD_LEVELS) {
		mc_dns_batch *batch = mc_dns_batch_new(dns, deadline_ms);
		if (!batch) {
			break;
		}
		levels[nlevels++] = batch;
		int added = walk ? mc_spf_walk_level(walk, batch) : 0;
		if (nlevels == 1) {
			added += ask_first_level(batch, plan, &ptr);
		} else if (nlevels == 2 && plan->ip) {
			added += ask_ptr_names(batch, plan->ip, ptr);
		}
		if (added == 0) {
			break;
		}
		mc_dns_batch_wait(batch);
	}
	mc_spf_walk_free(walk);
	for (int i = 0; i < nlevels; i++) {
		mc_dns_batch_free(levels[i]);
	}
}
