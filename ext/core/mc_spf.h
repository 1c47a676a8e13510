/* SPF evaluation (RFC 7208 check_host()) with libspf2, every lookup going
 * through the extension's resolver, every record through our validator. */
#ifndef MC_SPF_H
#define MC_SPF_H

#include <stdint.h>
#include "mc_dns.h"
#include "mc_ip.h"
#include "mc_problems.h"
#include "mc_spf_record.h"

/* RFC 7208 §4.6.4 (the term limit, MC_SPF_MAX_DNS_TERMS, is beside the parser) */
#define MC_SPF_MAX_VOID_LOOKUPS 2
#define MC_SPF_MAX_PTR_NAMES 10
#define MC_SPF_MAX_MX_NAMES 10
/* The names mc_spf_check() gives libspf2 in place of every domain it is
 * to look up end so; a DNS answer naming one is left out. */
#define MC_SPF_STANDIN_SUFFIX ".alias.mailcheck.invalid"
/* An explanation is sent back in an SMTP reply (RFC 5321 §4.5.3.1.5:
 * 512 octets a line, the code included). */
#define MC_SPF_MAX_EXPLANATION 500

typedef enum {
	MC_SPF_NONE = 0,
	MC_SPF_NEUTRAL,
	MC_SPF_PASS,
	MC_SPF_FAIL,
	MC_SPF_SOFTFAIL,
	MC_SPF_TEMPERROR,
	MC_SPF_PERMERROR
} mc_spf_result_code;

typedef struct {
	mc_spf_result_code result;
	int identity_helo;      /* the HELO name was checked: the sender was empty */
	char *domain;           /* the domain checked, NULL when there was none */
	char *record;           /* its SPF record, NULL when none was found */
	char *explanation;      /* for fail with exp=, expanded */
	char *received_spf;     /* "Received-SPF: …" (RFC 7208 §9.1) */
	int dns_lookups;        /* DNS-querying terms evaluated, includes followed */
	int void_lookups;
	mc_problems problems;
	mc_status status;
} mc_spf_result;

/* Installs libspf2's log and error handlers: nothing may reach stderr and
 * no input may reach libspf2's abort(). Call once per process. */
void mc_spf_startup(void);
/* sender: "" checks the HELO identity (RFC 7208 §2.4); a sender without
 * a local part is postmaster@domain. receiver names this host in the
 * Received-SPF header. */
void mc_spf_check(mc_dns *dns, const mc_ip *ip, const char *sender, const char *helo,
		const char *receiver, int64_t deadline_ms, mc_spf_result *out);
void mc_spf_result_free(mc_spf_result *result);
const char *mc_spf_result_name(mc_spf_result_code code);
int mc_spf_is_standin(const char *name);

#endif
