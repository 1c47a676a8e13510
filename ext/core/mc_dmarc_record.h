/* One DMARC record (RFC 9989 §4.7, obsoleting RFC 7489): which TXT strings
 * are DMARC records, their tags, what receivers apply, and what is wrong
 * with them, said where RFC 7489 readers (still deployed) would judge
 * otherwise. Kept apart from the DNS walk (mc_dmarc.c) so that it can be
 * fuzzed and table-tested on its own. Plain C core. */
#ifndef MC_DMARC_RECORD_H
#define MC_DMARC_RECORD_H

#include <stddef.h>
#include "mc_problems.h"

/* rua= and ruf= URIs read; more are reported as one problem. */
#define MC_DMARC_MAX_URIS 16

typedef enum {
	MC_DMARC_UNSET = 0,     /* not written; as an applied policy: no DMARC at all */
	MC_DMARC_NONE,
	MC_DMARC_QUARANTINE,
	MC_DMARC_REJECT,
	MC_DMARC_BAD            /* written, but none of the three */
} mc_dmarc_policy;

typedef struct {
	size_t pos, len;        /* the URI in the record, white space trimmed */
	int valid;              /* a URI by RFC 3986 (a mailto: with an address) */
	int mailto;             /* a valid mailto: URI, the scheme receivers must support */
} mc_dmarc_uri;

typedef struct {
	/* as written */
	mc_dmarc_policy p, sp, np;
	/* what receivers apply (RFC 9989 §4.10.1): to the domain itself, to its
	 * existing subdomains, to names below it that do not exist. UNSET for
	 * all three when the record gives no usable policy and no usable rua=:
	 * receivers then apply no DMARC. */
	mc_dmarc_policy policy, subdomain_policy, nonexistent_policy;
	char psd;               /* 'y', 'n' or 'u' (the default, also for a bad value) */
	char adkim, aspf;       /* 'r' or 's' ('r' also for a bad value) */
	int testing;            /* t=y */
	mc_dmarc_uri rua[MC_DMARC_MAX_URIS], ruf[MC_DMARC_MAX_URIS];
	size_t nrua, nruf;
	mc_problems problems;   /* what is wrong with this record, for the check's list */
} mc_dmarc_record;

/* Whether a TXT string is a DMARC record: its first tag is v=DMARC1
 * (the value case-sensitive, RFC 9989 §4.7). */
int mc_dmarc_is_record(const char *txt, size_t len);
/* Why a TXT string that is not a DMARC record was evidently meant as one
 * (v=DMARC1 not first, v=dmarc1, DMARC tags without v=), or NULL for any
 * other TXT string. A static reason. */
const char *mc_dmarc_near_miss(const char *txt, size_t len);
/* Reads a DMARC record (mc_dmarc_is_record() true). where names it in
 * messages ("_dmarc.example.com"). out->problems holds what is wrong; out
 * must be given to mc_dmarc_record_free(). The positions point into txt. */
void mc_dmarc_record_parse(const char *txt, size_t len, const char *where, mc_dmarc_record *out);
void mc_dmarc_record_free(mc_dmarc_record *r);
/* "none", "quarantine", "reject"; NULL for UNSET and BAD. */
const char *mc_dmarc_policy_name(mc_dmarc_policy p);

#endif
