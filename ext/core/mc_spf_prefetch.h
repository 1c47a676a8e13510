/* Resolving ahead for an SPF evaluation: what check_host() will look up
 * is found level by level (the record; then its include/redirect targets'
 * records and its a/mx/exists/ptr lookups; then MX hosts' and PTR names'
 * addresses, and so on down the tree), each level in one parallel batch,
 * into the answer cache, so that the evaluation that follows waits for no
 * answer one after another. Plain C core.
 *
 * It asks no more than an evaluation that matches nothing may ask (RFC
 * 7208 §4.6.4): at most 10 DNS-querying terms, taken in the order the
 * evaluation meets them as far as the records fetched so far tell it, none
 * after the third void lookup, at most 10 MX hosts or PTR names a term.
 * Terms whose domain needs %{p} are left to the evaluation. */
#ifndef MC_SPF_PREFETCH_H
#define MC_SPF_PREFETCH_H

#include <stdint.h>
#include "mc_dns.h"
#include "mc_spf_macro.h"

typedef struct {
	int levels;         /* batches sent */
	int queries;        /* queries sent or answered from the cache */
} mc_spf_prefetch_stats;

/* domain: the identity's domain; env: what macros expand with (its domain
 * is ignored: each record's own is used). Skips everything when the
 * domain's record is already cached: the rest then most likely is too. */
void mc_spf_prefetch(mc_dns *dns, const char *domain, const mc_spf_macro_env *env,
		int64_t deadline_ms, mc_spf_prefetch_stats *stats);

#endif
