/* mail_check_mta(): what the local (or any) MTA says of itself when a
 * receiver connects: its greeting, its name, STARTTLS. Judges the probe. */
#ifndef MC_MTA_H
#define MC_MTA_H

#include <stdint.h>
#include "mc_dns.h"
#include "mc_smtp.h"
#include "mc_problems.h"

/* A greeting slower than this keeps receivers' connections waiting; most
 * often the MTA is doing DNS lookups that time out. */
#define MC_MTA_SLOW_GREETING_MS 1000
/* Addresses of one host name tried in turn, each with its share of the time. */
#define MC_MTA_MAX_ADDRESSES 8

typedef struct {
	mc_smtp_probe probe;
	mc_problems problems;
	mc_status status;
} mc_mta_result;

/* host: an IP address (also [192.0.2.25], [2001:db8::25], [IPv6:…]),
 * localhost or a name under it (the loopback, RFC 6761, no lookup), a name
 * without a dot (the hosts file, else DNS), or any other host name (DNS:
 * A, then AAAA). Every lookup goes through dns within deadline_ms, which
 * also bounds the probe: nothing here can block past it. */
void mc_mta_check(mc_dns *dns, const char *host, int port, const char *ehlo_name,
		int64_t deadline_ms, mc_mta_result *out);
void mc_mta_result_free(mc_mta_result *result);

#endif
