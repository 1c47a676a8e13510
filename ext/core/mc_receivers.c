#include "mc_receivers.h"

#include <stddef.h>
#include <string.h>

/* The sender requirements Gmail and Yahoo enforce since February 2024,
 * Outlook.com since May 2025, that a DNS lookup or an SMTP probe can see.
 * The spam rate, one-click unsubscribe and the message format are theirs
 * too, but no check here can see them (README says so). */
static const mc_requirement spf_or_dkim = { "spf_or_dkim", "SPF or DKIM authenticates the sender's domain", 0 };
static const mc_requirement ptr = { "ptr", "The sending IP has a PTR record that resolves back to it", 0 };
static const mc_requirement tls = { "tls", "The connection uses TLS (the MTA offers STARTTLS)", 0 };
static const mc_requirement spf = { "spf", "SPF passes for the sending IP", 1 };
static const mc_requirement dkim = { "dkim", "DKIM: a key is published for the sender's domain", 1 };
static const mc_requirement dmarc = { "dmarc", "DMARC is published for the sender's domain (p=none at least)", 1 };
static const mc_requirement aligned = { "aligned", "The From: domain is aligned with SPF or DKIM", 1 };

static const mc_requirement *const gmail[] = { &spf_or_dkim, &ptr, &tls, &spf, &dkim, &dmarc, &aligned };
static const mc_requirement *const yahoo[] = { &spf_or_dkim, &ptr, &spf, &dkim, &dmarc, &aligned };
static const mc_requirement *const outlook[] = { &spf, &dkim, &dmarc, &aligned };

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

const mc_receiver mc_receivers[] = {
	{ "gmail", "Gmail", "2024-02", gmail, COUNT(gmail) },
	{ "yahoo", "Yahoo", "2024-02", yahoo, COUNT(yahoo) },
	{ "outlook", "Outlook.com", "2025-05", outlook, COUNT(outlook) },
};
const size_t mc_receivers_count = COUNT(mc_receivers);

/* Either of two facts: met when one is, not met when both are not; the
 * check named is the one that decided, or the one that could not tell. */
static mc_tri either(mc_tri spf, mc_tri dkim, const char **check)
{
	if (spf == MC_TRI_YES || dkim == MC_TRI_YES) {
		*check = spf == MC_TRI_YES ? "spf" : "dkim";
		return MC_TRI_YES;
	}
	*check = spf == MC_TRI_UNKNOWN ? "spf" : "dkim";
	return spf == MC_TRI_NO && dkim == MC_TRI_NO ? MC_TRI_NO : MC_TRI_UNKNOWN;
}

mc_tri mc_requirement_met(const char *id, const mc_receiver_facts *facts, const char **check)
{
	/* The doctor checks one address as envelope sender and From: at once,
	 * so SPF's domain and the DKIM key's domain are the From: domain:
	 * aligned whenever they authenticate it. */
	if (strcmp(id, "spf_or_dkim") == 0 || strcmp(id, "aligned") == 0) {
		return either(facts->spf_pass, facts->dkim_key, check);
	}
	static const struct { const char *id, *check; size_t offset; } single[] = {
		{ "spf", "spf", offsetof(mc_receiver_facts, spf_pass) },
		{ "dkim", "dkim", offsetof(mc_receiver_facts, dkim_key) },
		{ "dmarc", "dmarc", offsetof(mc_receiver_facts, dmarc) },
		{ "ptr", "ptr", offsetof(mc_receiver_facts, fcrdns) },
		{ "tls", "mta", offsetof(mc_receiver_facts, tls) },
	};
	for (size_t i = 0; i < COUNT(single); i++) {
		if (strcmp(id, single[i].id) == 0) {
			*check = single[i].check;
			return *(const mc_tri *)((const char *)facts + single[i].offset);
		}
	}
	*check = NULL;
	return MC_TRI_UNKNOWN;
}
