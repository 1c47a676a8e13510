/* mail_check_sender(): is the address one receivers accept mail from?
 * Syntax (mc_address), the domain's mail hosts (MX, null MX, implicit MX),
 * reserved names and unconfigured-server accounts. Plain C core. */
#ifndef MC_SENDER_H
#define MC_SENDER_H

#include <stdint.h>
#include "mc_address.h"
#include "mc_dns.h"
#include "mc_problems.h"

typedef struct {
	char *host;
	unsigned preference;
} mc_mx;

typedef struct {
	mc_address address;   /* address == NULL when it did not parse */
	mc_mx *mx;            /* by preference */
	size_t mx_count;
	int null_mx;          /* RFC 7505 "MX 0 ." */
	mc_problems problems;
	mc_status status;
} mc_sender_result;

/* process_user: the account PHP runs as (counts as a system account), or NULL. */
void mc_sender_check(mc_dns *dns, const char *input, size_t len, const char *process_user,
		int64_t deadline_ms, mc_sender_result *out);
void mc_sender_result_free(mc_sender_result *result);

#endif
