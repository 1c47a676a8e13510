#include "mc_dns.h"
#include "mc_dns_cache.h"
#include "mc_clock.h"

#include <ares.h>
#include <arpa/inet.h>
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Cache policy, in seconds. The floor spares servers from records with a
 * TTL of 0 or 1 inside one check; the ceiling bounds how stale a long-lived
 * worker may get; negative and failed answers are kept only briefly. */
#define CACHE_TTL_FLOOR 5
#define CACHE_TTL_CEILING 3600
#define CACHE_NEGATIVE_CEILING 60
#define CACHE_FAILURE_TTL 3
#define CACHE_MAX_ENTRIES 4096
/* c-ares 1.28 hands answers over parsed (ares_query_dnsrec) and deprecates
 * the calls that give wire format; older releases have only those. */
#define MC_ARES_DNSREC (ARES_VERSION >= 0x011c00)

/* CNAME targets outside the answering zone are asked for again, this often. */
#define MAX_FOLLOWS 8

struct mc_dns {
	ares_channel channel;
	mc_dns_cache *cache;
	mc_dns_stats stats;
	int pending;   /* flights on the wire, over all batches */
	int configured;
	int timeout_ms;
	char servers[1024]; /* as given to c-ares; "" for resolv.conf */
	/* Sockets c-ares wants watched, from its socket-state callback: any
	 * number, where ares_getsock() reports at most 16. */
	struct pollfd *socks;
	size_t nsocks, capsocks;
	mc_dns_answer_source source;
	void *source_ctx;
	int no_prefetch;
	void *attachment;
	void (*free_attachment)(void *);
};

struct mc_dns_batch {
	mc_dns *dns;
	int64_t deadline_ms;
	mc_dns_query *queries;
};

/* One query on the wire, owned by c-ares' callback: it outlives the batch
 * that asked when the batch gives up, so that a late answer is cached and
 * no batch ever has to cancel another's queries. */
struct mc_dns_flight {
	mc_dns *dns;
	mc_dns_query *query;             /* NULL once its batch gave up on it */
	char name[MC_DNS_NAME_BUF];      /* as asked first: the cache key */
	char asking[MC_DNS_NAME_BUF];    /* the name on the wire (a CNAME target) */
	uint16_t type;
	int follows;
	int cacheable;
	uint32_t chain_ttl;
};

int mc_dns_parse_servers(const char *list, char *out, size_t outlen, char *err, size_t errlen)
{
	size_t o = 0;
	const char *p = list;
	out[0] = '\0';

	while (*p) {
		while (*p == ' ' || *p == '\t' || *p == ',') {
			p++;
		}
		if (!*p) {
			break;
		}
		const char *start = p;
		while (*p && *p != ',' && *p != ' ' && *p != '\t') {
			p++;
		}
		char item[80], host[80];
		size_t ilen = (size_t)(p - start);
		if (ilen >= sizeof(item)) {
			snprintf(err, errlen, "server \"%.40s...\" is too long", start);
			return -1;
		}
		memcpy(item, start, ilen);
		item[ilen] = '\0';

		const char *port = NULL;
		unsigned char addr[16];
		int family;
		if (item[0] == '[') {
			char *close = strchr(item, ']');
			if (!close || (close[1] != '\0' && close[1] != ':')) {
				snprintf(err, errlen, "server \"%s\": expected [IPv6]:port", item);
				return -1;
			}
			*close = '\0';
			snprintf(host, sizeof(host), "%s", item + 1);
			port = close[1] == ':' ? close + 2 : NULL;
			family = AF_INET6;
		} else if (strchr(item, ':') && strchr(item, ':') != strrchr(item, ':')) {
			snprintf(host, sizeof(host), "%s", item); /* bare IPv6, no port */
			family = AF_INET6;
		} else {
			char *colon = strchr(item, ':');
			if (colon) {
				*colon = '\0';
				port = colon + 1;
			}
			snprintf(host, sizeof(host), "%s", item);
			family = AF_INET;
		}
		if (inet_pton(family, host, addr) != 1) {
			snprintf(err, errlen, "\"%s\" is not an IP%s address (names are not accepted: the resolver cannot resolve itself)",
				host, family == AF_INET6 ? "v6" : "v4");
			return -1;
		}
		unsigned long portnum = 53;
		if (port) {
			char *end;
			errno = 0;
			portnum = strtoul(port, &end, 10);
			/* strtoul takes "+53" and wraps "-1": digits only. */
			if (!*port || strspn(port, "0123456789") != strlen(port) || *end || errno
					|| portnum == 0 || portnum > 65535) {
				snprintf(err, errlen, "server %s: port \"%s\" is not a number from 1 to 65535", host, port);
				return -1;
			}
		}
		int n = snprintf(out + o, outlen - o, family == AF_INET6 ? "%s[%s]:%lu" : "%s%s:%lu",
			o ? "," : "", host, portnum);
		if (n < 0 || (size_t)n >= outlen - o) {
			snprintf(err, errlen, "too many servers");
			return -1;
		}
		o += (size_t)n;
	}
	return 0;
}

mc_dns *mc_dns_new(void)
{
	mc_dns *dns = calloc(1, sizeof(*dns));
	if (!dns) {
		return NULL;
	}
	dns->cache = mc_dns_cache_new(CACHE_MAX_ENTRIES);
	if (!dns->cache) {
		free(dns);
		return NULL;
	}
	return dns;
}

static void on_socket_state(void *data, ares_socket_t fd, int readable, int writable)
{
	mc_dns *dns = data;
	size_t i = 0;
	while (i < dns->nsocks && dns->socks[i].fd != fd) {
		i++;
	}
	if (!readable && !writable) {
		if (i < dns->nsocks) {
			dns->socks[i] = dns->socks[--dns->nsocks];
		}
		return;
	}
	if (i == dns->nsocks) {
		if (dns->nsocks == dns->capsocks) {
			size_t cap = dns->capsocks ? dns->capsocks * 2 : 8;
			struct pollfd *grown = realloc(dns->socks, cap * sizeof(*grown));
			if (!grown) {
				return; /* unwatched: its queries end at the deadline */
			}
			dns->socks = grown;
			dns->capsocks = cap;
		}
		dns->nsocks++;
	}
	dns->socks[i].fd = fd;
	dns->socks[i].events = (short)((readable ? POLLIN : 0) | (writable ? POLLOUT : 0));
	dns->socks[i].revents = 0;
}

int mc_dns_configure(mc_dns *dns, const char *servers, int timeout_ms, char *err, size_t errlen)
{
	char csv[sizeof(dns->servers)];
	if (mc_dns_parse_servers(servers, csv, sizeof(csv), err, errlen) < 0) {
		return -1;
	}
	if (dns->configured && dns->timeout_ms == timeout_ms && strcmp(dns->servers, csv) == 0) {
		return 0;
	}

	struct ares_options opts;
	memset(&opts, 0, sizeof(opts));
	opts.sock_state_cb = on_socket_state;
	opts.sock_state_cb_data = dns;
	/* Three tries with c-ares' doubling back-off fill about twice the budget;
	 * the batch deadline cuts it, so a lost UDP packet still gets a retry. */
	opts.timeout = timeout_ms / 3 > 100 ? timeout_ms / 3 : 100;
	opts.tries = 3;
	/* Names are always absolute: no search list, no hosts file. SERVFAIL and
	 * REFUSED come back to us as they are, not retried on the next server
	 * and reported as "connection refused": the caller must tell them apart. */
	opts.flags = ARES_FLAG_NOSEARCH | ARES_FLAG_NOCHECKRESP;
	opts.lookups = (char *)"b";
	int optmask = ARES_OPT_TIMEOUTMS | ARES_OPT_TRIES | ARES_OPT_FLAGS | ARES_OPT_LOOKUPS | ARES_OPT_SOCK_STATE_CB;

	ares_channel channel;
	int rc = ares_init_options(&channel, &opts, optmask);
	if (rc != ARES_SUCCESS) {
		snprintf(err, errlen, "c-ares could not start: %s", ares_strerror(rc));
		return -1;
	}
	if (csv[0] && (rc = ares_set_servers_ports_csv(channel, csv)) != ARES_SUCCESS) {
		snprintf(err, errlen, "c-ares rejected the servers \"%s\": %s", csv, ares_strerror(rc));
		ares_destroy(channel);
		return -1;
	}
	if (dns->configured) {
		/* Ends the old channel's flights (EDESTRUCTION: not cached) and
		 * tells on_socket_state its sockets are closed. */
		ares_destroy(dns->channel);
		if (strcmp(dns->servers, csv) != 0) {
			/* Answers of other servers are not this configuration's answers. */
			mc_dns_cache_clear(dns->cache);
		}
	}
	dns->channel = channel;
	dns->configured = 1;
	dns->timeout_ms = timeout_ms;
	memcpy(dns->servers, csv, sizeof(csv));
	return 0;
}

void mc_dns_free(mc_dns *dns)
{
	if (!dns) {
		return;
	}
	if (dns->configured) {
		ares_destroy(dns->channel);
	}
	if (dns->free_attachment) {
		dns->free_attachment(dns->attachment);
	}
	mc_dns_cache_free(dns->cache);
	free(dns->socks);
	free(dns);
}

void mc_dns_set_answer_source(mc_dns *dns, mc_dns_answer_source src, void *ctx)
{
	dns->source = src;
	dns->source_ctx = ctx;
}

void *mc_dns_attachment(mc_dns *dns)
{
	return dns->attachment;
}

void mc_dns_attach(mc_dns *dns, void *data, void (*free_data)(void *))
{
	if (dns->free_attachment && dns->attachment != data) {
		dns->free_attachment(dns->attachment);
	}
	dns->attachment = data;
	dns->free_attachment = free_data;
}

const mc_dns_stats *mc_dns_get_stats(const mc_dns *dns)
{
	return &dns->stats;
}

size_t mc_dns_cache_entries(const mc_dns *dns)
{
	return mc_dns_cache_count(dns->cache);
}

int mc_dns_is_cached(mc_dns *dns, const char *name, uint16_t type)
{
	mc_dns_answer *answer = mc_dns_cache_get(dns->cache, name, type, mc_now_ms());
	mc_dns_answer_release(answer);
	return answer != NULL;
}

void mc_dns_set_prefetch(mc_dns *dns, int on)
{
	dns->no_prefetch = !on;
}

int mc_dns_prefetch_enabled(const mc_dns *dns)
{
	return !dns->no_prefetch;
}

void mc_dns_describe_servers(mc_dns *dns, char *out, size_t len)
{
	size_t o = 0;
	out[0] = '\0';
	if (!dns->configured) {
		return;
	}
#if MC_ARES_DNSREC
	/* "127.0.0.1:53535,[::1]:53", spaced after each comma like the list below. */
	char *csv = ares_get_servers_csv(dns->channel);
	for (const char *c = csv; c && *c && o + 2 < len; c++) {
		out[o++] = *c;
		if (*c == ',') {
			out[o++] = ' ';
		}
	}
	out[o] = '\0';
	ares_free_string(csv);
#else
	struct ares_addr_port_node *servers = NULL;
	if (ares_get_servers_ports(dns->channel, &servers) != ARES_SUCCESS) {
		return;
	}
	for (struct ares_addr_port_node *s = servers; s && o < len; s = s->next) {
		char ip[INET6_ADDRSTRLEN];
		inet_ntop(s->family, &s->addr, ip, sizeof(ip));
		int port = s->udp_port ? s->udp_port : 53;
		int n = snprintf(out + o, len - o, s->family == AF_INET6 ? "%s[%s]:%d" : "%s%s:%d",
			o ? ", " : "", ip, port);
		if (n < 0) {
			break;
		}
		o += (size_t)n;
	}
	ares_free_data(servers);
#endif
}

static int64_t expiry_for(const mc_dns_answer *answer, int64_t now_ms)
{
	uint32_t ttl = answer->ttl;
	switch (answer->status) {
		case MC_DNS_OK:
			ttl = ttl < CACHE_TTL_FLOOR ? CACHE_TTL_FLOOR : ttl > CACHE_TTL_CEILING ? CACHE_TTL_CEILING : ttl;
			break;
		case MC_DNS_NXDOMAIN:
		case MC_DNS_NODATA:
			ttl = ttl < CACHE_TTL_FLOOR ? CACHE_TTL_FLOOR : ttl > CACHE_NEGATIVE_CEILING ? CACHE_NEGATIVE_CEILING : ttl;
			break;
		default:
			ttl = CACHE_FAILURE_TTL;
			break;
	}
	return now_ms + (int64_t)ttl * 1000;
}

/* What a server said is an answer worth keeping; running out of time, a
 * cancelled or destroyed query, or no server reached says nothing about
 * the name, and a later check with more time must ask again. */
static int is_answer_from_server(mc_dns_status status)
{
	return status != MC_DNS_TIMEOUT && status != MC_DNS_UNREACHABLE;
}

static mc_dns_status status_from_ares(int status)
{
	switch (status) {
		case ARES_ENOTFOUND: return MC_DNS_NXDOMAIN;
		case ARES_ENODATA: return MC_DNS_NODATA;
		case ARES_ESERVFAIL: return MC_DNS_SERVFAIL;
		case ARES_EREFUSED: return MC_DNS_REFUSED;
		case ARES_ETIMEOUT:
		case ARES_ECANCELLED:
		case ARES_EDESTRUCTION: return MC_DNS_TIMEOUT;
		case ARES_ECONNREFUSED: return MC_DNS_UNREACHABLE;
		default: return MC_DNS_ERROR;
	}
}

static void send_flight(mc_dns_flight *f);

static void land(mc_dns_flight *f, mc_dns_answer *answer)
{
	if (!answer) {
		answer = mc_dns_answer_new(MC_DNS_ERROR, 0);
	}
	if (answer) {
		if (f->chain_ttl < answer->ttl) {
			answer->ttl = f->chain_ttl;
		}
		if (f->cacheable && is_answer_from_server(answer->status)) {
			mc_dns_cache_put(f->dns->cache, f->name, f->type, answer, expiry_for(answer, mc_now_ms()));
		}
	}
	if (f->query) {
		/* out of memory leaves it unanswered: read as a timeout */
		f->query->answer = answer;
		f->query->flight = NULL;
	} else {
		mc_dns_answer_release(answer);
	}
	free(f);
}

static void on_response(void *arg, int status, int timeouts, unsigned char *abuf, int alen)
{
	mc_dns_flight *f = arg;
	f->dns->pending--;

	/* c-ares hands over the response for every rcode: the parser reads the
	 * rcode, the SOA's negative TTL and any CNAME chain from it. */
	int parse = abuf && alen > 0 && status != ARES_ECANCELLED && status != ARES_ETIMEOUT
		&& status != ARES_EDESTRUCTION;
	if (!parse) {
		land(f, mc_dns_answer_new(status_from_ares(status), 0));
		return;
	}
	char follow[MC_DNS_NAME_BUF];
	mc_dns_answer *answer = mc_dns_msg_parse(abuf, (size_t)alen, f->asking, f->type, follow);
	if (answer && follow[0]) {
		if (++f->follows > MAX_FOLLOWS) {
			answer->status = MC_DNS_ERROR;
		} else {
			if (answer->ttl < f->chain_ttl) {
				f->chain_ttl = answer->ttl;
			}
			snprintf(f->asking, sizeof(f->asking), "%s", follow);
			mc_dns_answer_release(answer);
			send_flight(f);
			return;
		}
	}
	land(f, answer);
}

#if MC_ARES_DNSREC
/* The response back in wire format for our parser, as c-ares' own
 * ares_query() does it. */
static void on_dns_record(void *arg, ares_status_t status, size_t timeouts, const ares_dns_record_t *response)
{
	unsigned char *wire = NULL;
	size_t len = 0;
	if (response) {
		ares_status_t written = ares_dns_write(response, &wire, &len);
		if (written != ARES_SUCCESS) {
			status = written;
		}
	}
	on_response(arg, (int)status, (int)timeouts, wire, (int)len);
	ares_free_string(wire);
}
#endif

static void send_flight(mc_dns_flight *f)
{
	mc_dns *dns = f->dns;
	dns->pending++;
	dns->stats.sent++;
	if (dns->source) {
		unsigned char msg[65535];
		int len = dns->source(dns->source_ctx, f->asking, f->type, msg, sizeof(msg));
		on_response(f, len >= 0 ? ARES_SUCCESS : ARES_ETIMEOUT, 0, len >= 0 ? msg : NULL, len);
		return;
	}
	/* May call on_response at once (e.g. no servers): pending is counted first.
	 * A failure to send is reported through the callback too. */
#if MC_ARES_DNSREC
	ares_query_dnsrec(dns->channel, f->asking, ARES_CLASS_IN, (ares_dns_rec_type_t)f->type, on_dns_record, f, NULL);
#else
	ares_query(dns->channel, f->asking, 1 /* IN */, f->type, on_response, f);
#endif
}

mc_dns_batch *mc_dns_batch_new(mc_dns *dns, int64_t deadline_ms)
{
	mc_dns_batch *batch = calloc(1, sizeof(*batch));
	if (batch) {
		batch->dns = dns;
		batch->deadline_ms = deadline_ms;
	}
	return batch;
}

static mc_dns_query *batch_add(mc_dns_batch *batch, const char *name, uint16_t type, int cacheable)
{
	mc_dns_query *q = calloc(1, sizeof(*q));
	if (!q) {
		return NULL;
	}
	/* Names come in presentation form, shorter than MC_DNS_NAME_BUF. */
	size_t len = strnlen(name, sizeof(q->name) - 1);
	memcpy(q->name, name, len);
	q->type = type;
	q->next = batch->queries;
	batch->queries = q;

	mc_dns *dns = batch->dns;
	if (cacheable && (q->answer = mc_dns_cache_get(dns->cache, q->name, type, mc_now_ms()))) {
		dns->stats.hits++;
		return q;
	}
	dns->stats.misses++;
	mc_dns_flight *f = calloc(1, sizeof(*f));
	if (!f || mc_now_ms() >= batch->deadline_ms || (!dns->configured && !dns->source)) {
		free(f);
		q->answer = mc_dns_answer_new(MC_DNS_TIMEOUT, 0);
		return q;
	}
	f->dns = dns;
	f->query = q;
	memcpy(f->name, q->name, len);
	memcpy(f->asking, q->name, len);
	f->type = type;
	f->cacheable = cacheable;
	f->chain_ttl = UINT32_MAX;
	q->flight = f;
	send_flight(f);
	return q;
}

mc_dns_query *mc_dns_batch_add(mc_dns_batch *batch, const char *name, uint16_t type)
{
	return batch_add(batch, name, type, 1);
}

mc_dns_query *mc_dns_batch_add_fresh(mc_dns_batch *batch, const char *name, uint16_t type)
{
	return batch_add(batch, name, type, 0);
}

static int batch_done(const mc_dns_batch *batch)
{
	for (const mc_dns_query *q = batch->queries; q; q = q->next) {
		if (!q->answer) {
			return 0;
		}
	}
	return 1;
}

/* The batch stops waiting for its unanswered queries; their flights go on. */
static void give_up(mc_dns_batch *batch)
{
	for (mc_dns_query *q = batch->queries; q; q = q->next) {
		if (q->flight) {
			q->flight->query = NULL;
			q->flight = NULL;
		}
		if (!q->answer) {
			q->answer = mc_dns_answer_new(MC_DNS_TIMEOUT, 0);
		}
	}
}

void mc_dns_batch_wait(mc_dns_batch *batch)
{
	mc_dns *dns = batch->dns;

	while (!batch_done(batch) && dns->pending > 0 && dns->configured) {
		int64_t now = mc_now_ms();
		if (now >= batch->deadline_ms) {
			break;
		}
		/* poll() fills revents in place; c-ares may change the set while
		 * processing, so work on a copy. */
		size_t nfds = dns->nsocks;
		struct pollfd fds[nfds ? nfds : 1];
		memcpy(fds, dns->socks, nfds * sizeof(*fds));

		int64_t left = batch->deadline_ms - now;
		struct timeval max = { (time_t)(left / 1000), (suseconds_t)((left % 1000) * 1000) }, tv;
		struct timeval *wait = ares_timeout(dns->channel, &max, &tv);
		int wait_ms = (int)(wait->tv_sec * 1000 + (wait->tv_usec + 999) / 1000);

		int ready = poll(fds, (nfds_t)nfds, wait_ms);
		if (ready < 0 && errno != EINTR) {
			break;
		}
		if (ready <= 0) {
			/* Lets c-ares retry or give up the tries whose time is up. */
			ares_process_fd(dns->channel, ARES_SOCKET_BAD, ARES_SOCKET_BAD);
			continue;
		}
		for (size_t i = 0; i < nfds; i++) {
			ares_socket_t rfd = (fds[i].revents & (POLLIN | POLLERR | POLLHUP)) ? fds[i].fd : ARES_SOCKET_BAD;
			ares_socket_t wfd = (fds[i].revents & POLLOUT) ? fds[i].fd : ARES_SOCKET_BAD;
			if (rfd != ARES_SOCKET_BAD || wfd != ARES_SOCKET_BAD) {
				ares_process_fd(dns->channel, rfd, wfd);
			}
		}
	}
	give_up(batch);
}

void mc_dns_batch_free(mc_dns_batch *batch)
{
	if (!batch) {
		return;
	}
	give_up(batch);
	mc_dns_query *q = batch->queries;
	while (q) {
		mc_dns_query *next = q->next;
		mc_dns_answer_release(q->answer);
		free(q);
		q = next;
	}
	free(batch);
}

void mc_dns_add_problem(const mc_dns *dns, mc_problems *problems, mc_dns_status status, const char *what)
{
	switch (status) {
		case MC_DNS_TIMEOUT:
			mc_problems_add(problems, MC_STATUS_ERROR, "dns_timeout",
				"No answer for %s within the time budget (mailcheck.timeout = %d ms): the resolver or the domain's name servers are slow or unreachable",
				what, dns->timeout_ms);
			break;
		case MC_DNS_SERVFAIL:
			mc_problems_add(problems, MC_STATUS_ERROR, "dns_servfail",
				"The resolver answered SERVFAIL for %s: the domain's name servers are broken or its DNSSEC does not validate; mail receivers will see the same failure",
				what);
			break;
		case MC_DNS_REFUSED:
			mc_problems_add(problems, MC_STATUS_ERROR, "dns_refused",
				"The resolver refused to answer for %s: check mailcheck.resolver (the server must allow recursion for this host)",
				what);
			break;
		case MC_DNS_UNREACHABLE:
			mc_problems_add(problems, MC_STATUS_ERROR, "dns_unreachable",
				"No DNS server could be reached to look up %s: check mailcheck.resolver or /etc/resolv.conf",
				what);
			break;
		default:
			mc_problems_add(problems, MC_STATUS_ERROR, "dns_error",
				"The answer for %s could not be used (%s)", what, mc_dns_status_name(status));
			break;
	}
}
