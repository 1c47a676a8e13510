#include "mc_dns_cache.h"

#include <stdlib.h>
#include <string.h>

#define BUCKETS 1024 /* a power of two */

typedef struct entry {
	struct entry *chain;              /* next in the bucket */
	struct entry *newer, *older;      /* recency list */
	uint32_t hash;
	uint16_t type;
	int64_t expires_ms;
	mc_dns_answer *answer;
	char name[];                      /* lower-cased, no trailing dot */
} entry;

struct mc_dns_cache {
	entry *buckets[BUCKETS];
	entry *newest, *oldest;
	size_t count, max_entries;
};

static void canonical_key(const char *name, char *out, size_t *len)
{
	size_t n = 0;
	for (; name[n]; n++) {
		char c = name[n];
		out[n] = (c >= 'A' && c <= 'Z') ? (char)(c + ('a' - 'A')) : c;
	}
	if (n > 1 && out[n - 1] == '.') {
		n--;
	}
	out[n] = '\0';
	*len = n;
}

static uint32_t hash_key(const char *key, uint16_t type)
{
	uint32_t h = 2166136261u ^ type; /* FNV-1a */
	for (; *key; key++) {
		h = (h ^ (unsigned char)*key) * 16777619u;
	}
	return h;
}

mc_dns_cache *mc_dns_cache_new(size_t max_entries)
{
	mc_dns_cache *cache = calloc(1, sizeof(*cache));
	if (cache) {
		cache->max_entries = max_entries;
	}
	return cache;
}

static void unlink_recency(mc_dns_cache *cache, entry *e)
{
	if (e->newer) e->newer->older = e->older; else cache->newest = e->older;
	if (e->older) e->older->newer = e->newer; else cache->oldest = e->newer;
	e->newer = e->older = NULL;
}

static void link_newest(mc_dns_cache *cache, entry *e)
{
	e->older = cache->newest;
	e->newer = NULL;
	if (cache->newest) cache->newest->newer = e; else cache->oldest = e;
	cache->newest = e;
}

static void remove_entry(mc_dns_cache *cache, entry *e)
{
	entry **link = &cache->buckets[e->hash & (BUCKETS - 1)];
	while (*link != e) {
		link = &(*link)->chain;
	}
	*link = e->chain;
	unlink_recency(cache, e);
	mc_dns_answer_release(e->answer);
	free(e);
	cache->count--;
}

static entry *find(mc_dns_cache *cache, const char *key, uint16_t type, uint32_t hash)
{
	for (entry *e = cache->buckets[hash & (BUCKETS - 1)]; e; e = e->chain) {
		if (e->hash == hash && e->type == type && strcmp(e->name, key) == 0) {
			return e;
		}
	}
	return NULL;
}

mc_dns_answer *mc_dns_cache_get(mc_dns_cache *cache, const char *name, uint16_t type, int64_t now_ms)
{
	char key[MC_DNS_NAME_BUF];
	size_t len;
	if (strlen(name) >= sizeof(key)) {
		return NULL;
	}
	canonical_key(name, key, &len);
	uint32_t hash = hash_key(key, type);
	entry *e = find(cache, key, type, hash);
	if (!e) {
		return NULL;
	}
	if (e->expires_ms <= now_ms) {
		remove_entry(cache, e);
		return NULL;
	}
	unlink_recency(cache, e);
	link_newest(cache, e);
	mc_dns_answer_retain(e->answer);
	return e->answer;
}

void mc_dns_cache_put(mc_dns_cache *cache, const char *name, uint16_t type,
		mc_dns_answer *answer, int64_t expires_ms)
{
	char key[MC_DNS_NAME_BUF];
	size_t len;
	if (cache->max_entries == 0 || strlen(name) >= sizeof(key)) {
		return;
	}
	canonical_key(name, key, &len);
	uint32_t hash = hash_key(key, type);
	entry *old = find(cache, key, type, hash);
	if (old) {
		remove_entry(cache, old);
	}
	while (cache->count >= cache->max_entries) {
		remove_entry(cache, cache->oldest);
	}
	entry *e = malloc(sizeof(*e) + len + 1);
	if (!e) {
		return;
	}
	memcpy(e->name, key, len + 1);
	e->hash = hash;
	e->type = type;
	e->expires_ms = expires_ms;
	e->answer = answer;
	mc_dns_answer_retain(answer);
	e->chain = cache->buckets[hash & (BUCKETS - 1)];
	cache->buckets[hash & (BUCKETS - 1)] = e;
	link_newest(cache, e);
	cache->count++;
}

void mc_dns_cache_clear(mc_dns_cache *cache)
{
	while (cache->oldest) {
		remove_entry(cache, cache->oldest);
	}
}

void mc_dns_cache_free(mc_dns_cache *cache)
{
	if (cache) {
		mc_dns_cache_clear(cache);
		free(cache);
	}
}

size_t mc_dns_cache_count(const mc_dns_cache *cache)
{
	return cache->count;
}
