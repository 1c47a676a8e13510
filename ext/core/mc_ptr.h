/* Reverse DNS of a sending IP: PTR names, forward confirmation (FCrDNS),
 * the HELO name against them, and names that look like address pools. */
#ifndef MC_PTR_H
#define MC_PTR_H

#include <stdint.h>
#include "mc_dns.h"
#include "mc_ip.h"
#include "mc_problems.h"

/* PTR names looked up forward at most; a longer set is abuse, not config. */
#define MC_PTR_MAX_FORWARD 32

typedef enum { MC_TRI_NO = 0, MC_TRI_YES = 1, MC_TRI_UNKNOWN = -1 } mc_tri;

typedef struct {
	char *name;         /* lower case, no trailing dot */
	mc_tri confirmed;   /* resolves back to the IP */
} mc_ptr_name;

typedef struct {
	mc_ip ip;
	mc_ptr_name *names;
	size_t count;
	const char *hostname;         /* the first confirmed name, or NULL */
	mc_tri forward_confirmed;
	mc_tri helo_matches;          /* MC_TRI_UNKNOWN when no HELO given */
	mc_problems problems;
	mc_status status;
} mc_ptr_result;

/* Runs the check; every lookup ends by deadline_ms. helo may be NULL. */
void mc_ptr_check(mc_dns *dns, const mc_ip *ip, const char *helo, int64_t deadline_ms, mc_ptr_result *out);
void mc_ptr_result_free(mc_ptr_result *result);

#endif
