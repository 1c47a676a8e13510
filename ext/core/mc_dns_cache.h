/* Answer cache keyed by (name, type), bounded in size, least recently used
 * out first. It stores what the resolver decided, expiry included. */
#ifndef MC_DNS_CACHE_H
#define MC_DNS_CACHE_H

#include <stddef.h>
#include <stdint.h>
#include "mc_dns_msg.h"

typedef struct mc_dns_cache mc_dns_cache;

mc_dns_cache *mc_dns_cache_new(size_t max_entries);
void mc_dns_cache_free(mc_dns_cache *cache);
/* A retained answer still fresh at now_ms, or NULL. */
mc_dns_answer *mc_dns_cache_get(mc_dns_cache *cache, const char *name, uint16_t type, int64_t now_ms);
/* Stores (retains) the answer until expires_ms, replacing an older one. */
void mc_dns_cache_put(mc_dns_cache *cache, const char *name, uint16_t type,
		mc_dns_answer *answer, int64_t expires_ms);
void mc_dns_cache_clear(mc_dns_cache *cache);
size_t mc_dns_cache_count(const mc_dns_cache *cache);

#endif
