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

/* The whole walk, in batches of its own. domain: the identity's domain;
 * env: what macros expand with (its domain is ignored: each record's own
 * is used). Skips everything when the domain's record is already cached:
 * the rest then most likely is too. */
void mc_spf_prefetch(mc_dns *dns, const char *domain, const mc_spf_macro_env *env, int64_t deadline_ms);

/* The walk a level at a time, for a caller that sends other checks'
 * queries in the same batches (the guard). env must outlive the walk. */
typedef struct mc_spf_walk mc_spf_walk;
mc_spf_walk *mc_spf_walk_new(const char *domain, const mc_spf_macro_env *env);
/* Adds the next level's queries to batch, reading the answers of the
 * batches given before: the caller waits on each batch before the next
 * call and frees them only after mc_spf_walk_free(). Returns how many it
 * added: 0 when the walk is done. */
int mc_spf_walk_level(mc_spf_walk *walk, mc_dns_batch *batch);
void mc_spf_walk_free(mc_spf_walk *walk);

#endif
