#include "mc_dkim.h"
#include "mc_dkim_key.h"
#include "mc_name.h"
#include "mc_ip.h"
#include "mc_tags.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SHOWN_BUF 200

const char *const mc_dkim_common_selectors[] = {
	"default", "dkim", "mail", "x", "google", "selector1", "selector2", "k1", "k2", "k3",
	"s1", "s2", "smtp", "mandrill", "mailjet", "fm1", "fm2", "fm3", "protonmail", "sig1", NULL
};

const char *mc_dkim_selector_problem(const char *selector)
{
	size_t len = strlen(selector);
	if (len == 0) {
		return "must not be empty";
	}
	if (selector[len - 1] == '.' || !mc_name_is_hostname(selector, 0)) {
		return "must be a DKIM selector: labels of letters, digits and hyphens separated by dots (RFC 6376 §3.1)";
	}
	return NULL;
}

/* One selector's answer: the key it publishes and its problems. */
static void take_answer(mc_dkim_selector *sel, const mc_dns_answer *a, const char *qname, int given, mc_problems *problems)
{
	mc_dkim_key keys[2];
	const mc_dns_rr *rrs[2];
	size_t nkeys = 0, other_txt = 0, chosen = 0;
	for (size_t i = 0; a->status == MC_DNS_OK && i < a->count; i++) {
		const mc_dns_rr *rr = &a->rrs[i];
		if (rr->type != MC_DNS_T_TXT) {
			continue;
		}
		mc_dkim_key key;
		mc_dkim_key_parse((const char *)rr->data, rr->len, qname, given, &key);
		if (!key.is_key) {
			other_txt++;
			mc_dkim_key_free(&key);
		} else if (nkeys < 2) {
			rrs[nkeys] = rr;
			keys[nkeys++] = key;
		} else {
			nkeys++;
			mc_dkim_key_free(&key);
		}
	}
	sel->found = nkeys > 0;
	if (nkeys == 0) {
		if (given) {
			mc_problems_add(problems, MC_STATUS_FAIL, "dkim_key_missing",
				"No DKIM key at %s%s: mail signed with s=%s fails DKIM (no key, RFC 6376 §6.1.2) and cannot align for DMARC; "
				"publish the key your mail server signs with", qname,
				other_txt ? " (the name has TXT records, but none is a key record: no p= tag)" : "", sel->selector);
		}
		return;
	}
	if (nkeys > 1) {
		mc_problems_add(problems, MC_STATUS_WARN, "dkim_multiple_records",
			"%s publishes %zu key records: verifiers may use any one of them (RFC 6376 §3.6.2.2), so signatures fail "
			"whenever one does not match; keep one", qname, nkeys);
		chosen = keys[0].usable || !keys[1].usable ? 0 : 1;
	}
	const mc_dkim_key *k = &keys[chosen];
	for (size_t i = 0; i < k->problems.count; i++) {
		mc_problems_add(problems, k->problems.items[i].severity, k->problems.items[i].code, "%s", k->problems.items[i].message);
	}
	sel->record = mc_tags_copy((const char *)rrs[chosen]->data, rrs[chosen]->len);
	sel->record_len = rrs[chosen]->len;
	sel->key_type = k->key_type;
	sel->key_bits = k->key_bits;
	sel->testing = k->testing;
	sel->usable = k->usable;
	for (size_t i = 0; i < nkeys && i < 2; i++) {
		mc_dkim_key_free(&keys[i]);
	}
}

/* DNS trouble, one problem per kind: the name when one selector has it,
 * else how many and the first few (twenty selectors timing out are one
 * slow domain, not twenty problems). */
static void add_trouble(mc_dns *dns, mc_dkim_result *out, mc_dns_query **queries, char (*qnames)[MC_DNS_NAME_BUF])
{
	for (size_t i = 0; i < out->count; i++) {
		if (out->selectors[i].found != -1) {
			continue;
		}
		mc_dns_status status = queries[i]->answer->status;
		size_t same = 0, first = i;
		char names[200] = "";
		for (size_t j = 0; j < out->count; j++) {
			if (out->selectors[j].found == -1 && queries[j]->answer->status == status) {
				if (same++ == 0) {
					first = j;
				}
				if (strlen(names) + strlen(out->selectors[j].selector) + 8 < sizeof(names)) {
					snprintf(names + strlen(names), sizeof(names) - strlen(names), "%s%s", same > 1 ? ", " : "",
						out->selectors[j].selector);
				} else if (!strstr(names, ", …")) {
					snprintf(names + strlen(names), sizeof(names) - strlen(names), ", …");
				}
			}
		}
		if (first != i) {
			continue;   /* told with the first selector of that kind */
		}
		char what[MC_DNS_NAME_BUF + sizeof(names) + 64];
		if (same == 1) {
			snprintf(what, sizeof(what), "the DKIM key (TXT) at %s", qnames[i]);
		} else {
			snprintf(what, sizeof(what), "the DKIM keys (TXT) of %zu selectors under _domainkey.%s (%s)", same, out->domain, names);
		}
		mc_dns_add_problem(dns, &out->problems, status, what);
	}
}

void mc_dkim_check(mc_dns *dns, const char *domain, const char *const *selectors, size_t nselectors,
		int64_t deadline_ms, mc_dkim_result *out)
{
	char buf[SHOWN_BUF];
	mc_ip ip;
	const char *ignored;
	memset(out, 0, sizeof(*out));
	mc_problems_init(&out->problems);
	int given = selectors != NULL;
	if (!given) {
		selectors = mc_dkim_common_selectors;
		for (nselectors = 0; selectors[nselectors]; nselectors++) {
		}
	}

	const char *why = mc_ip_parse(domain, strlen(domain), &ip, &ignored) == 0
		? "it is an IP address: DKIM keys are published by domains"
		: mc_name_domain_problem(domain, buf, sizeof(buf));
	out->domain = strdup(domain);
	out->selectors = calloc(nselectors ? nselectors : 1, sizeof(*out->selectors));
	if (!out->domain || !out->selectors || why) {
		if (why) {
			mc_problems_add(&out->problems, MC_STATUS_FAIL, "dkim_invalid_domain",
				"\"%s\" is not a domain name that can publish DKIM keys: %s", mc_tags_shown(domain, strlen(domain), buf, sizeof(buf)), why);
		} else {
			mc_problems_add(&out->problems, MC_STATUS_ERROR, "dns_error", "The check ran out of memory");
		}
		out->status = mc_problems_status(&out->problems);
		return;
	}
	mc_name_normalize(out->domain);

	mc_dns_batch *batch = mc_dns_batch_new(dns, deadline_ms);
	mc_dns_query **queries = calloc(nselectors ? nselectors : 1, sizeof(*queries));
	char (*qnames)[MC_DNS_NAME_BUF] = calloc(nselectors ? nselectors : 1, sizeof(*qnames));
	int oom = !batch || !queries || !qnames;
	for (size_t i = 0; !oom && i < nselectors; i++) {
		mc_dkim_selector *sel = &out->selectors[out->count++];
		sel->selector = strdup(selectors[i]);
		sel->testing = -1;
		snprintf(qnames[i], MC_DNS_NAME_BUF, "%s._domainkey.%s", selectors[i], out->domain);
		/* A name too long to ask has no key, like any name that does not exist. */
		queries[i] = mc_name_is_askable(qnames[i]) ? mc_dns_batch_add(batch, qnames[i], MC_DNS_T_TXT) : NULL;
		oom |= !sel->selector || (!queries[i] && mc_name_is_askable(qnames[i]));
	}
	if (!oom) {
		mc_dns_batch_wait(batch);
	}
	int found = 0, trouble = 0;
	for (size_t i = 0; !oom && i < out->count; i++) {
		mc_dkim_selector *sel = &out->selectors[i];
		mc_dns_status status = queries[i] ? queries[i]->answer->status : MC_DNS_NXDOMAIN;
		if (status != MC_DNS_OK && status != MC_DNS_NXDOMAIN && status != MC_DNS_NODATA) {
			sel->found = -1;
			trouble = 1;
			continue;
		}
		if (queries[i]) {
			take_answer(sel, queries[i]->answer, qnames[i], given, &out->problems);
		} else if (given) {
			mc_problems_add(&out->problems, MC_STATUS_FAIL, "dkim_key_missing",
				"No DKIM key can be published at %s: the name is longer than DNS allows; use a shorter selector", qnames[i]);
		}
		found |= sel->found == 1;
	}
	if (trouble) {
		add_trouble(dns, out, queries, qnames);
	}
	if (oom) {
		mc_problems_add(&out->problems, MC_STATUS_ERROR, "dns_error", "The check ran out of memory");
	} else if (!given && !found && !trouble) {
		mc_problems_add(&out->problems, MC_STATUS_WARN, "dkim_key_missing",
			"None of the %zu common selectors (default, google, selector1, k1, s1, ...) has a DKIM key under _domainkey.%s: "
			"Gmail and Yahoo require bulk mail to be signed; if your mail is signed, pass its selector (the s= of its "
			"DKIM-Signature header), else set up DKIM signing", nselectors, out->domain);
	}
	free(queries);
	free(qnames);
	if (batch) {
		mc_dns_batch_free(batch);
	}
	out->status = mc_problems_status(&out->problems);
}

void mc_dkim_result_free(mc_dkim_result *r)
{
	for (size_t i = 0; i < r->count; i++) {
		free(r->selectors[i].selector);
		free(r->selectors[i].record);
	}
	free(r->selectors);
	free(r->domain);
	mc_problems_free(&r->problems);
	memset(r, 0, sizeof(*r));
}
