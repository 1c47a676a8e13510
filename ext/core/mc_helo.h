/* mail_check_helo(): is the name an MTA announces in HELO/EHLO one that
 * receivers accept: a resolving FQDN, matching the sending IP and its PTR. */
#ifndef MC_HELO_H
#define MC_HELO_H

#include <stdint.h>
#include "mc_dns.h"
#include "mc_ip.h"
#include "mc_ptr.h"
#include "mc_problems.h"

typedef struct {
	int fqdn;
	mc_ip *addresses;       /* what the name resolves to (or the literal) */
	size_t address_count;
	mc_tri matches_ip;      /* MC_TRI_UNKNOWN without an IP */
	mc_tri matches_ptr;     /* MC_TRI_UNKNOWN without an IP */
	mc_problems problems;
	mc_status status;
} mc_helo_result;

/* ip may be NULL. */
void mc_helo_check(mc_dns *dns, const char *helo, const mc_ip *ip, int64_t deadline_ms, mc_helo_result *out);
void mc_helo_result_free(mc_helo_result *result);

#endif
