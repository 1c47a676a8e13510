/* mail_check_dmarc(): a domain's DMARC policy, found as RFC 9989 §4.10
 * finds it — by the DNS tree walk, not by a public suffix list — with its
 * organizational domain and what is wrong with the record. Plain C core.
 *
 * The walk asks _dmarc.<name> for the domain and then its parents: one
 * label off at a time, except that a name of eight or more labels is first
 * cut to seven, so that no walk asks more than eight names. All of them
 * are asked in one parallel batch (one round trip), and the answers are
 * then read in the walk's order, so a name the walk would not have reached
 * (it stops at a record with psd=y or psd=n) counts for nothing, its DNS
 * trouble included. */
#ifndef MC_DMARC_H
#define MC_DMARC_H

#include <stddef.h>
#include <stdint.h>
#include "mc_dns.h"
#include "mc_problems.h"
#include "mc_dmarc_record.h"

#define MC_DMARC_MAX_QUERIES 8   /* RFC 9989 §4.10 */

typedef struct {
	char *domain;            /* lower case without the trailing dot; as given when it is no domain */
	char *record;            /* the record that applies to the domain, NULL when none (or DNS trouble) */
	size_t record_len;
	char *found_at;          /* the domain whose _dmarc record that is */
	char *org_domain;        /* from the walk (§4.10.2); NULL when DNS trouble cut it short */
	/* The applied record's policies as receivers read them (mc_dmarc_record);
	 * UNSET without a record. */
	mc_dmarc_policy policy, subdomain_policy, nonexistent_policy;
	int testing;             /* t=y; -1 without a record */
	char adkim, aspf;        /* 'r' or 's'; 0 without a record */
	char **rua, **ruf;       /* the URIs as written */
	size_t nrua, nruf;
	int queries;             /* names the walk asked */
	mc_problems problems;
	mc_status status;
} mc_dmarc_result;

/* Never fails: out of memory and DNS trouble end up as problems. domain is
 * any string (a malformed one gives dmarc_invalid_domain without asking
 * DNS). out must be given to mc_dmarc_result_free(). */
void mc_dmarc_check(mc_dns *dns, const char *domain, int64_t deadline_ms, mc_dmarc_result *out);
void mc_dmarc_result_free(mc_dmarc_result *r);
/* The names the walk asks for domain (normalised, valid), in order: offsets
 * into domain of the names whose _dmarc records are asked. Returns how many. */
int mc_dmarc_walk_names(const char *domain, size_t offsets[MC_DMARC_MAX_QUERIES]);

#endif
