/* The resolver: one c-ares channel with its answer cache, and batches of
 * queries that run in parallel under one deadline. Plain C core. */
#ifndef MC_DNS_H
#define MC_DNS_H

#include <stddef.h>
#include <stdint.h>
#include "mc_dns_msg.h"
#include "mc_problems.h"

typedef struct mc_dns mc_dns;
typedef struct mc_dns_batch mc_dns_batch;

typedef struct {
	uint64_t hits;        /* answers served from the cache */
	uint64_t misses;      /* answers that needed the network */
	uint64_t sent;        /* queries handed to c-ares (CNAME follow-ups too) */
} mc_dns_stats;

typedef struct mc_dns_flight mc_dns_flight;

typedef struct mc_dns_query {
	char name[MC_DNS_NAME_BUF];
	uint16_t type;
	mc_dns_answer *answer;     /* NULL until done; owned by the batch */
	/* internal */
	mc_dns_flight *flight;     /* the network query answering it, while in flight */
	struct mc_dns_query *next;
} mc_dns_query;

/* Answers queries instead of the network (the whole-path fuzzer): writes
 * a DNS response for (name, type) into buf and returns its length, or -1
 * for a query that gets no answer. */
typedef int (*mc_dns_answer_source)(void *ctx, const char *name, uint16_t type,
		unsigned char *buf, size_t cap);

mc_dns *mc_dns_new(void);
/* (Re)makes the c-ares channel when the settings differ from its own.
 * servers: "" for the system configuration (resolv.conf), else a list in
 * the form mc_dns_parse_servers() accepts; the cache is emptied when they
 * change. timeout_ms sets the per-try timeout; the deadline of each batch
 * bounds the whole. Returns 0, or -1 with err filled in. */
int mc_dns_configure(mc_dns *dns, const char *servers, int timeout_ms, char *err, size_t errlen);
void mc_dns_free(mc_dns *dns);
/* Replaces c-ares with src for every query from now on (NULL: c-ares again). */
void mc_dns_set_answer_source(mc_dns *dns, mc_dns_answer_source src, void *ctx);
/* State of a layer above that lives as long as the channel (the SPF
 * engine keeps its libspf2 server here): freed with free_data by
 * mc_dns_free, or when replaced. */
void *mc_dns_attachment(mc_dns *dns);
void mc_dns_attach(mc_dns *dns, void *data, void (*free_data)(void *));
const mc_dns_stats *mc_dns_get_stats(const mc_dns *dns);
size_t mc_dns_cache_entries(const mc_dns *dns);
/* Whether a fresh answer for (name, type) is in the cache. */
int mc_dns_is_cached(mc_dns *dns, const char *name, uint16_t type);
/* Resolving ahead (mailcheck.prefetch): checks that know what they will
 * ask fetch it level by level in parallel batches first. On by default. */
void mc_dns_set_prefetch(mc_dns *dns, int on);
int mc_dns_prefetch_enabled(const mc_dns *dns);
/* Writes the servers the channel really uses, "ip:port, …". */
void mc_dns_describe_servers(mc_dns *dns, char *out, size_t len);

/* Checks a server list ("127.0.0.1:5353, [::1]:53, 192.0.2.1") and writes
 * it in c-ares' csv form to out. Returns 0, or -1 with err filled in. */
int mc_dns_parse_servers(const char *list, char *out, size_t outlen, char *err, size_t errlen);

mc_dns_batch *mc_dns_batch_new(mc_dns *dns, int64_t deadline_ms);
/* Starts a query (or answers it from the cache). The query stays valid
 * until the batch is freed. Returns NULL only when out of memory. */
mc_dns_query *mc_dns_batch_add(mc_dns_batch *batch, const char *name, uint16_t type);
/* The same, but neither answered from the cache nor stored in it: a
 * probe of the resolver itself. */
mc_dns_query *mc_dns_batch_add_fresh(mc_dns_batch *batch, const char *name, uint16_t type);
/* Runs until every query of the batch has an answer or the deadline has
 * passed; unanswered queries then end as MC_DNS_TIMEOUT. Queries of other
 * batches are served meanwhile. A query given up at the deadline stays in
 * flight: a late answer still reaches the cache, a timeout never does. */
void mc_dns_batch_wait(mc_dns_batch *batch);
/* Batches are independent: freeing one leaves the others' queries running. */
void mc_dns_batch_free(mc_dns_batch *batch);

/* Adds the dns_* problem (severity error) for a lookup that could not be
 * answered; what names the lookup, e.g. "the PTR of 192.0.2.1". */
void mc_dns_add_problem(const mc_dns *dns, mc_problems *problems, mc_dns_status status, const char *what);

#endif
