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

typedef struct {
	mc_smtp_probe probe;
	mc_problems problems;
	mc_status status;
} mc_mta_result;

void mc_mta_check(mc_dns *dns, const char *host, int port, const char *ehlo_name,
		int64_t deadline_ms, mc_mta_result *out);
void mc_mta_result_free(mc_mta_result *result);

#endif
