/* mail_check_dkim(): the DKIM key records of a domain at
 * <selector>._domainkey.<domain>, all selectors asked in one parallel
 * batch; without selectors, the common ones of mail software and mail
 * providers. Plain C core. */
#ifndef MC_DKIM_H
#define MC_DKIM_H

#include <stddef.h>
#include <stdint.h>
#include "mc_dns.h"
#include "mc_problems.h"

/* The most selectors mail_check_dkim() takes. */
#define MC_DKIM_MAX_SELECTORS 32

/* The selectors asked when none are given, NULL-terminated (README lists
 * whose they are). */
extern const char *const mc_dkim_common_selectors[];

typedef struct {
	char *selector;
	int found;               /* a key record is published; -1 when DNS trouble hid it */
	char *record;            /* that record, NULL when none */
	size_t record_len;
	const char *key_type;    /* "rsa", "ed25519"; NULL when none or unknown */
	int key_bits;            /* 0 when none or not decoded */
	int testing;             /* t=y; -1 without a record */
	int usable;              /* verifiers can check signatures with the key (not revoked, weak or broken) */
} mc_dkim_selector;

typedef struct {
	char *domain;            /* lower case without the trailing dot; as given when it is no domain */
	mc_dkim_selector *selectors;
	size_t count;
	mc_problems problems;
	mc_status status;
} mc_dkim_result;

/* Why a selector cannot be one (RFC 6376 §3.1: dot-separated LDH labels),
 * or NULL. */
const char *mc_dkim_selector_problem(const char *selector);
/* Never fails: out of memory and DNS trouble end up as problems. domain is
 * any string (a malformed one gives dkim_invalid_domain without asking
 * DNS); selectors must pass mc_dkim_selector_problem(); NULL asks the
 * common ones. out must be given to mc_dkim_result_free(). */
void mc_dkim_check(mc_dns *dns, const char *domain, const char *const *selectors, size_t nselectors,
		int64_t deadline_ms, mc_dkim_result *out);
void mc_dkim_result_free(mc_dkim_result *r);

#endif
