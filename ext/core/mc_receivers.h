/* What Gmail, Yahoo and Outlook.com publish as sender requirements, as far
 * as DNS and the MTA can show them, and whether a sender meets each.
 * Plain C core. */
#ifndef MC_RECEIVERS_H
#define MC_RECEIVERS_H

#include <stddef.h>
#include "mc_ptr.h"

/* Facts found by the checks; MC_TRI_UNKNOWN when a check could not tell
 * or did not run. */
typedef struct {
	mc_tri spf_pass;        /* SPF passes for the sender at the sending IP */
	mc_tri dkim_key;        /* a DKIM key is published at the sender's domain */
	mc_tri dmarc;           /* a DMARC policy (p=none at least) applies to it */
	mc_tri fcrdns;          /* the sending IP's PTR resolves back to it */
	mc_tri tls;             /* the MTA offers STARTTLS */
} mc_receiver_facts;

typedef struct {
	const char *id;
	const char *text;
	int bulk_only;          /* only for bulk senders (5,000 mails a day and more) */
} mc_requirement;

typedef struct {
	const char *key;        /* "gmail", "yahoo", "outlook" */
	const char *name;
	const char *since;      /* when the requirements took effect */
	const mc_requirement *const *requirements;
	size_t count;
} mc_receiver;

extern const mc_receiver mc_receivers[];
extern const size_t mc_receivers_count;

/* Whether facts meet requirement id, and the check that decided it. */
mc_tri mc_requirement_met(const char *id, const mc_receiver_facts *facts, const char **check);

#endif
