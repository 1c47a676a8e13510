/* A domain's SPF policy checked without a client IP: its record fetched and
 * validated, every include: and redirect= followed (breadth first, one
 * parallel DNS batch per level), the RFC 7208 §4.6.4 lookup and void-lookup
 * limits counted through the whole tree, and the policy's weak spots
 * (+all, ?all, no all, ptr, records too long for UDP) reported. Serves
 * mail_check_spf_record(). Plain C core: no Zend types.
 *
 * What "without an IP" means for the counts: a real evaluation stops at the
 * first matching term, so the counts here are those of a client that matches
 * nothing — the worst case, which is what the limits must hold for. Terms
 * after the first "all" are never evaluated (§5.1) and are neither counted
 * nor followed; redirect= is ignored when the record has an "all" (§6.1).
 * A domain-spec with macros (%{i}, %{s}, …) names a different domain for
 * every message: it counts as its one lookup but is not followed. */
#ifndef MC_SPF_POLICY_H
#define MC_SPF_POLICY_H

#include <stddef.h>
#include <stdint.h>
#include "mc_dns.h"
#include "mc_problems.h"

/* The most records (nodes, the root included) the tree may hold. Each node
 * below the root costs a lookup, so a tree this big is far past the limit of
 * 10 anyway; further include:/redirect= terms are counted but not shown. */
#define MC_SPF_POLICY_MAX_NODES 50
/* The most a:/mx:/exists: targets resolved to count void lookups. */
#define MC_SPF_POLICY_MAX_TERM_LOOKUPS 50
/* A TXT answer larger than this does not fit a plain UDP DNS message
 * (RFC 1035 §4.2.1): resolvers must retry over TCP, and some do not. */
#define MC_SPF_POLICY_UDP_LIMIT 512

typedef struct mc_spf_node {
	char *domain;            /* the root: the domain checked, lower case without the trailing
	                          * dot (as given when it is no valid domain name);
	                          * below: the target as the parent's term writes it */
	char *record;            /* its SPF record (NUL-terminated copy), NULL when none was found */
	size_t record_len;       /* bytes of record (a TXT record may hold NUL bytes) */
	int dns_terms;           /* its own DNS-querying terms that are evaluated (§4.6.4):
	                          * include, a, mx, ptr, exists before the first "all",
	                          * and redirect when there is no "all"; 0 without a valid record */
	int valid;               /* record is valid RFC 7208 syntax */
	const char *mechanism;   /* "include" / "redirect"; NULL for the root */
	struct mc_spf_node *children;   /* its include: and redirect= targets, in record order */
	size_t nchildren;
	/* Why the node was not followed or what is wrong with it, for people
	 * (a static string), NULL when its record was fetched and is fine. */
	const char *note;
	/* internal */
	int records_found;       /* TXT strings starting with v=spf1 */
	size_t wire_len;         /* the record's RDATA size: strings + a length byte each */
	int all_qualifier;       /* '+', '-', '~', '?' of the first "all"; 0 when none */
	int all_bare;            /* that "all" was written without a qualifier */
	int has_redirect;        /* redirect= that applies (no "all") */
	int fetch;               /* to be fetched in the next level's batch */
	int include_qualifier;   /* the qualifier of the include: term naming it */
	struct mc_spf_node *parent;
} mc_spf_node;

typedef struct {
	mc_spf_node root;
	int records_found;       /* SPF records at the domain itself */
	int valid;               /* one record, and nothing in the tree makes it a permerror */
	int dns_lookups;         /* DNS-querying terms, counted through include/redirect */
	int void_lookups;        /* include/redirect/a/mx/exists targets without records */
	int truncated;           /* the node cap was hit: dns_lookups is a lower bound */
	mc_problems problems;
	mc_status status;
} mc_spf_policy;

/* Never fails: out of memory or DNS trouble end up as problems. out must be
 * given to mc_spf_policy_free(). domain is the name to check (any string:
 * a malformed one gives the problem spf_invalid_domain). */
void mc_spf_policy_check(mc_dns *dns, const char *domain, int64_t deadline_ms, mc_spf_policy *out);
/* The same for a record not yet published (any bytes, len of them): it is
 * taken as the domain's one TXT record, and the rest of the tree is looked
 * up as for a published one. */
void mc_spf_policy_check_draft(mc_dns *dns, const char *domain, const char *record, size_t len,
		int64_t deadline_ms, mc_spf_policy *out);
void mc_spf_policy_free(mc_spf_policy *p);

#endif
