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
/* CNAME targets outside the answering zone are asked for again, this often. */
#define MAX_FOLLOWS 8

struct mc_dns {
	ares_channel channel;
	mc_dns_cache *cache;
	mc_dns_stats stats;
	int pending;   /* c-ares queries in flight, over all batches */
	int configured;
	int timeout_ms;
	char servers[1024]; /* as given to c-ares; "" for resolv.conf */
};

struct mc_dns_batch {
	mc_dns *dns;
	int64_t deadline_ms;
	mc_dns_query *queries;
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
	/* Three tries with c-ares' doubling back-off fill about twice the budget;
	 * the batch deadline cuts it, so a lost UDP packet still gets a retry. */
	opts.timeout = timeout_ms / 3 > 100 ? timeout_ms / 3 : 100;
	opts.tries = 3;
	/* Names are always absolute: no search list, no hosts file. SERVFAIL and
	 * REFUSED come back to us as they are, not retried on the next server
	 * and reported as "connection refused": the caller must tell them apart. */
	opts.flags = ARES_FLAG_NOSEARCH | ARES_FLAG_NOCHECKRESP;
	opts.lookups = (char *)"b";
	int optmask = ARES_OPT_TIMEOUTMS | ARES_OPT_TRIES | ARES_OPT_FLAGS | ARES_OPT_LOOKUPS;

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
	mc_dns_cache_free(dns->cache);
	free(dns);
}

const mc_dns_stats *mc_dns_get_stats(const mc_dns *dns)
{
	return &dns->stats;
}

size_t mc_dns_cache_entries(const mc_dns *dns)
{
	return mc_dns_cache_count(dns->cache);
}

void mc_dns_describe_servers(mc_dns *dns, char *out, size_t len)
{
	struct ares_addr_port_node *servers = NULL;
	size_t o = 0;
	out[0] = '\0';
	if (!dns->configured || ares_get_servers_ports(dns->channel, &servers) != ARES_SUCCESS) {
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

static void send_query(mc_dns_query *q);

static void finish(mc_dns_query *q, mc_dns_answer *answer)
{
	mc_dns *dns = q->batch->dns;
	if (!answer) {
		answer = mc_dns_answer_new(MC_DNS_ERROR, 0);
		if (!answer) {
			return; /* out of memory: the query stays unanswered, read as a timeout */
		}
	}
	if (q->chain_ttl < answer->ttl) {
		answer->ttl = q->chain_ttl;
	}
	q->answer = answer;
	mc_dns_cache_put(dns->cache, q->name, q->type, answer, expiry_for(answer, mc_now_ms()));
}

static void on_response(void *arg, int status, int timeouts, unsigned char *abuf, int alen)
{
	mc_dns_query *q = arg;
	q->batch->dns->pending--;

	/* c-ares hands over the response for every rcode: the parser reads the
	 * rcode, the SOA's negative TTL and any CNAME chain from it. */
	int parse = abuf && alen > 0 && status != ARES_ECANCELLED && status != ARES_ETIMEOUT
		&& status != ARES_EDESTRUCTION;
	if (!parse) {
		finish(q, mc_dns_answer_new(status_from_ares(status), 0));
		return;
	}
	char follow[MC_DNS_NAME_BUF];
	mc_dns_answer *answer = mc_dns_msg_parse(abuf, (size_t)alen, q->asking, q->type, follow);
	if (answer && follow[0] && status != ARES_ECANCELLED) {
		if (++q->follows > MAX_FOLLOWS) {
			answer->status = MC_DNS_ERROR;
		} else {
			if (answer->ttl < q->chain_ttl) {
				q->chain_ttl = answer->ttl;
			}
			snprintf(q->asking, sizeof(q->asking), "%s", follow);
			mc_dns_answer_release(answer);
			send_query(q);
			return;
		}
	}
	finish(q, answer);
}

static void send_query(mc_dns_query *q)
{
	mc_dns *dns = q->batch->dns;
	dns->pending++;
	dns->stats.sent++;
	/* May call on_response at once (e.g. no servers): pending is counted first. */
	ares_query(dns->channel, q->asking, 1 /* IN */, q->type, on_response, q);
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

mc_dns_query *mc_dns_batch_add(mc_dns_batch *batch, const char *name, uint16_t type)
{
	mc_dns_query *q = calloc(1, sizeof(*q));
	if (!q) {
		return NULL;
	}
	/* Names come in presentation form, shorter than MC_DNS_NAME_BUF. */
	size_t len = strnlen(name, sizeof(q->name) - 1);
	memcpy(q->name, name, len);
	memcpy(q->asking, name, len);
	q->type = type;
	q->chain_ttl = UINT32_MAX;
	q->batch = batch;
	q->next = batch->queries;
	batch->queries = q;

	mc_dns *dns = batch->dns;
	q->answer = mc_dns_cache_get(dns->cache, name, type, mc_now_ms());
	if (q->answer) {
		dns->stats.hits++;
		return q;
	}
	dns->stats.misses++;
	if (mc_now_ms() >= batch->deadline_ms) {
		q->answer = mc_dns_answer_new(MC_DNS_TIMEOUT, 0);
		return q;
	}
	send_query(q);
	return q;
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

void mc_dns_batch_wait(mc_dns_batch *batch)
{
	mc_dns *dns = batch->dns;

	while (!batch_done(batch) && dns->pending > 0) {
		int64_t now = mc_now_ms();
		if (now >= batch->deadline_ms) {
			/* Ends every query in flight with ARES_ECANCELLED → timeout. */
			ares_cancel(dns->channel);
			break;
		}
		ares_socket_t socks[ARES_GETSOCK_MAXNUM];
		int bits = ares_getsock(dns->channel, socks, ARES_GETSOCK_MAXNUM);
		struct pollfd fds[ARES_GETSOCK_MAXNUM];
		int nfds = 0;
		for (int i = 0; i < ARES_GETSOCK_MAXNUM; i++) {
			/* c-ares' ARES_GETSOCK_WRITABLE shifts a signed 1 into bit 31 for
			 * the last socket: read the bits unsigned instead. */
			unsigned mask = (unsigned)bits;
			short events = 0;
			if ((mask >> i) & 1u) events |= POLLIN;
			if ((mask >> (i + ARES_GETSOCK_MAXNUM)) & 1u) events |= POLLOUT;
			if (!events) {
				continue;
			}
			fds[nfds].fd = socks[i];
			fds[nfds].events = events;
			fds[nfds].revents = 0;
			nfds++;
		}

		int64_t left = batch->deadline_ms - now;
		struct timeval max = { (time_t)(left / 1000), (suseconds_t)((left % 1000) * 1000) }, tv;
		struct timeval *wait = ares_timeout(dns->channel, &max, &tv);
		int wait_ms = (int)(wait->tv_sec * 1000 + (wait->tv_usec + 999) / 1000);

		int ready = poll(fds, (nfds_t)nfds, wait_ms);
		if (ready < 0 && errno != EINTR) {
			ares_cancel(dns->channel);
			break;
		}
		if (ready <= 0) {
			/* Lets c-ares retry or give up the tries whose time is up. */
			ares_process_fd(dns->channel, ARES_SOCKET_BAD, ARES_SOCKET_BAD);
			continue;
		}
		for (int i = 0; i < nfds; i++) {
			ares_socket_t rfd = (fds[i].revents & (POLLIN | POLLERR | POLLHUP)) ? fds[i].fd : ARES_SOCKET_BAD;
			ares_socket_t wfd = (fds[i].revents & POLLOUT) ? fds[i].fd : ARES_SOCKET_BAD;
			if (rfd != ARES_SOCKET_BAD || wfd != ARES_SOCKET_BAD) {
				ares_process_fd(dns->channel, rfd, wfd);
			}
		}
	}
	/* Whatever is still open could not be asked in time. */
	for (mc_dns_query *q = batch->queries; q; q = q->next) {
		if (!q->answer) {
			q->answer = mc_dns_answer_new(MC_DNS_TIMEOUT, 0);
		}
	}
}

void mc_dns_batch_free(mc_dns_batch *batch)
{
	if (!batch) {
		return;
	}
	if (batch->dns->pending > 0) {
		/* c-ares must not call back into queries about to be freed. */
		ares_cancel(batch->dns->channel);
	}
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
