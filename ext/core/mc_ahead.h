/* Resolving ahead for a set of checks run together (the guard's checks of
 * a mail, mail_check()'s report): every question the checks will ask that
 * can be known in advance is sent level by level, each level one parallel
 * batch, into the answer cache. The checks then run one after another and
 * find their answers there, so the whole waits about as many round trips
 * as its longest chain of dependent lookups. Plain C core. */
#ifndef MC_AHEAD_H
#define MC_AHEAD_H

#include <stddef.h>
#include <stdint.h>
#include "mc_dns.h"
#include "mc_ip.h"
#include "mc_spf_macro.h"

#define MC_AHEAD_MAX_DOMAINS 4

typedef struct {
	/* SPF: the identity's domain and what its macros expand with. */
	const char *spf_domain;
	const mc_spf_macro_env *spf_env;
	/* A domain whose SPF policy is checked on its own (mail_check_spf_record
	 * also asks the retired type SPF). */
	const char *policy_domain;
	/* Domains whose mail hosts are looked up (MX, A, AAAA: sender checks). */
	const char *mail_domains[MC_AHEAD_MAX_DOMAINS];
	/* The DMARC walk of this domain, and its DKIM keys for these selectors. */
	const char *dmarc_domain;
	const char *const *dkim_selectors;
	size_t dkim_count;
	/* The sending IP's PTR and its names' addresses. */
	const mc_ip *ip;
	/* A HELO name's addresses. */
	const char *helo;
	/* Blocklist names (A and TXT each). */
	const char *const *dnsbl_names;
	size_t dnsbl_count;
} mc_ahead_plan;

/* Never fails: what cannot be sent is left to the checks to ask. */
void mc_ahead_run(mc_dns *dns, const mc_ahead_plan *plan, int64_t deadline_ms);

#endif
