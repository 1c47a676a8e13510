/* The walk follows RFC 9989 (DMARCbis, May 2026), read from the final
 * draft-ietf-dmarc-dmarcbis text: §4.10 the DNS tree walk (at most eight
 * queries: a name of x >= 8 labels is cut to 7 after the first query,
 * then one label at a time up to the top-level domain; a single record
 * with psd=y or psd=n stops it; several records at one name are all
 * discarded), §4.10.1 policy discovery (the record of the domain itself,
 * else of its organizational domain, else of its public suffix domain),
 * §4.10.2 the organizational domain (from the longest name to the
 * shortest: psd=n there; psd=y one label below, except at the start;
 * else the record with the fewest labels; else the domain itself). */
#include "mc_dmarc.h"
#include "mc_name.h"
#include "mc_ip.h"
#include "mc_tags.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SHOWN_BUF 200

int mc_dmarc_walk_names(const char *domain, size_t offsets[MC_DMARC_MAX_QUERIES])
{
	size_t starts[MC_NAME_MAX], nlabels = 0;
	starts[nlabels++] = 0;
	for (size_t i = 0; domain[i]; i++) {
		if (domain[i] == '.' && domain[i + 1]) {
			starts[nlabels++] = i + 1;
		}
	}
	int n = 0;
	offsets[n++] = 0;
	size_t next = nlabels >= 8 ? nlabels - 7 : 1;
	for (size_t l = next; l < nlabels; l++) {
		offsets[n++] = starts[l];
	}
	return n;
}

typedef struct {
	const char *name;            /* the name whose _dmarc record was asked */
	const mc_dns_rr *rr;         /* its one DMARC record, NULL when none */
	mc_dmarc_record parsed;
} level;

static char **copy_uris(const char *txt, const mc_dmarc_uri *uris, size_t n)
{
	char **list = calloc(n ? n : 1, sizeof(*list));
	for (size_t i = 0; list && i < n; i++) {
		list[i] = mc_tags_copy(txt + uris[i].pos, uris[i].len);
	}
	return list;
}

static void free_list(char **list, size_t n)
{
	for (size_t i = 0; list && i < n; i++) {
		free(list[i]);
	}
	free(list);
}

/* The DMARC records of one name: the one to use, or problems with them.
 * lower_found: a record was found below this name, which then prevails. */
static const mc_dns_rr *read_answer(const mc_dns_answer *a, const char *qname, int lower_found, mc_problems *problems)
{
	const mc_dns_rr *found = NULL;
	int records = 0;
	char s[SHOWN_BUF];
	mc_status severity = lower_found ? MC_STATUS_WARN : MC_STATUS_FAIL;
	for (size_t i = 0; i < a->count; i++) {
		const mc_dns_rr *rr = &a->rrs[i];
		if (rr->type != MC_DNS_T_TXT) {
			continue;
		}
		if (mc_dmarc_is_record((const char *)rr->data, rr->len)) {
			found = found ? found : rr;
			records++;
		}
	}
	for (size_t i = 0; i < a->count; i++) {
		const mc_dns_rr *rr = &a->rrs[i];
		const char *why = rr->type == MC_DNS_T_TXT ? mc_dmarc_near_miss((const char *)rr->data, rr->len) : NULL;
		if (why) {
			mc_problems_add(problems, records ? MC_STATUS_WARN : severity, "dmarc_syntax",
				"The TXT record \"%s\" at %s is meant as DMARC but is not a DMARC record: %s; receivers ignore it",
				mc_tags_shown((const char *)rr->data, rr->len, s, sizeof(s)), qname, why);
		}
	}
	if (records > 1) {
		mc_problems_add(problems, severity, "dmarc_multiple_records",
			"%s holds %d DMARC records: receivers discard them all (RFC 9989 §4.10, as RFC 7489 §6.6.3 did) and look above it; "
			"merge them into one", qname, records);
		return NULL;
	}
	return found;
}

static void fail_invalid_domain(mc_dmarc_result *out, const char *domain, const char *why)
{
	char a[SHOWN_BUF];
	mc_problems_add(&out->problems, MC_STATUS_FAIL, "dmarc_invalid_domain",
		"\"%s\" is not a domain name that can publish DMARC: %s", mc_tags_shown(domain, strlen(domain), a, sizeof(a)), why);
}

/* The domain one label below the public suffix domain at levels[k], on the
 * way to the domain checked (§4.10.2 rule 2). */
static const char *below(const char *domain, const char *psd)
{
	const char *p = psd;
	if (p == domain) {
		return domain;
	}
	p -= 2;   /* the last byte of the label before the dot ahead of psd */
	while (p > domain && p[-1] != '.') {
		p--;
	}
	return p;
}

void mc_dmarc_check(mc_dns *dns, const char *domain, int64_t deadline_ms, mc_dmarc_result *out)
{
	char buf[SHOWN_BUF], qnames[MC_DMARC_MAX_QUERIES][MC_DNS_NAME_BUF];
	mc_ip ip;
	const char *ignored;
	memset(out, 0, sizeof(*out));
	mc_problems_init(&out->problems);
	out->testing = -1;

	const char *why = mc_ip_parse(domain, strlen(domain), &ip, &ignored) == 0
		? "it is an IP address: DMARC records are published by domains"
		: mc_name_domain_problem(domain, buf, sizeof(buf));
	out->domain = strdup(domain);
	if (!out->domain || why) {
		if (why) {
			fail_invalid_domain(out, domain, why);
		} else {
			mc_problems_add(&out->problems, MC_STATUS_ERROR, "dns_error", "The check ran out of memory");
		}
		out->status = mc_problems_status(&out->problems);
		return;
	}
	mc_name_normalize(out->domain);
	domain = out->domain;   /* normalized, and never null to the compiler */

	size_t offsets[MC_DMARC_MAX_QUERIES];
	int n = mc_dmarc_walk_names(out->domain, offsets);
	level levels[MC_DMARC_MAX_QUERIES];
	mc_dns_query *queries[MC_DMARC_MAX_QUERIES];
	mc_dns_batch *batch = mc_dns_batch_new(dns, deadline_ms);
	for (int k = 0; k < n; k++) {
		memset(&levels[k], 0, sizeof(levels[k]));
		levels[k].name = out->domain + offsets[k];
		snprintf(qnames[k], sizeof(qnames[k]), "_dmarc.%s", levels[k].name);
		/* A name too long to ask has no record, like any name that does not exist. */
		queries[k] = batch && mc_name_is_askable(qnames[k]) ? mc_dns_batch_add(batch, qnames[k], MC_DNS_T_TXT) : NULL;
	}
	out->queries = n;
	if (batch) {
		mc_dns_batch_wait(batch);
	}

	/* Read in the walk's order; stop where the walk stops. */
	int trouble = 0, reached = 0, lower_found = 0;
	for (int k = 0; k < n && !trouble; k++) {
		reached = k + 1;
		mc_dns_status status = !batch ? MC_DNS_ERROR
			: queries[k] ? queries[k]->answer->status
			: mc_name_is_askable(qnames[k]) ? MC_DNS_ERROR : MC_DNS_NXDOMAIN;
		if (status == MC_DNS_NXDOMAIN || status == MC_DNS_NODATA) {
			continue;
		}
		if (status != MC_DNS_OK) {
			char what[MC_DNS_NAME_BUF + 32];
			snprintf(what, sizeof(what), "the DMARC record (TXT) of %.*s", MC_NAME_MAX + 8, qnames[k]);
			mc_dns_add_problem(dns, &out->problems, status, what);
			trouble = 1;
			break;
		}
		levels[k].rr = read_answer(queries[k]->answer, qnames[k], lower_found, &out->problems);
		if (levels[k].rr) {
			lower_found = 1;
			mc_dmarc_record_parse((const char *)levels[k].rr->data, levels[k].rr->len, qnames[k], &levels[k].parsed);
			if (levels[k].parsed.psd != 'u') {
				break;
			}
		}
	}

	/* §4.10.2: the organizational domain, unless trouble hid part of the walk. */
	const char *org = NULL;
	if (!trouble) {
		org = out->domain;
		for (int k = 0; k < reached; k++) {
			if (!levels[k].rr) {
				continue;
			}
			if (levels[k].parsed.psd == 'n') {
				org = levels[k].name;
				break;
			}
			if (levels[k].parsed.psd == 'y' && k > 0) {
				org = below(out->domain, levels[k].name);
				break;
			}
			org = levels[k].name;
		}
	}
	/* §4.10.1: the domain's own record, else its organizational domain's,
	 * else its public suffix domain's. */
	int applied = -1, from_psd = 0;
	if (levels[0].rr) {
		applied = 0;
	} else if (!trouble) {
		for (int k = 0; k < reached; k++) {
			if (levels[k].rr && levels[k].name == org) {
				applied = k;
			}
		}
		for (int k = 0; applied < 0 && k < reached; k++) {
			if (levels[k].rr && levels[k].parsed.psd == 'y') {
				applied = k;
				from_psd = 1;
			}
		}
	}

	if (org) {
		out->org_domain = strdup(org);
	}
	if (applied >= 0) {
		const level *l = &levels[applied];
		const char *txt = (const char *)l->rr->data;
		for (size_t i = 0; i < l->parsed.problems.count; i++) {
			const mc_problem *p = &l->parsed.problems.items[i];
			mc_problems_add(&out->problems, p->severity, p->code, "%s", p->message);
		}
		if (from_psd) {
			mc_problems_add(&out->problems, MC_STATUS_WARN, "dmarc_psd_policy",
				"No DMARC record of %s's own: the policy that applies is the public suffix operator's at %s (psd=y), "
				"found by RFC 9989's tree walk; RFC 7489 readers without RFC 9091 find no policy at all; publish your own at _dmarc.%s",
				out->domain, qnames[applied], org);
		}
		out->record = mc_tags_copy(txt, l->rr->len);
		out->record_len = l->rr->len;
		out->found_at = strdup(l->name);
		out->policy = l->parsed.policy;
		out->subdomain_policy = l->parsed.subdomain_policy;
		out->nonexistent_policy = l->parsed.nonexistent_policy;
		out->testing = l->parsed.testing;
		out->adkim = l->parsed.adkim;
		out->aspf = l->parsed.aspf;
		out->rua = copy_uris(txt, l->parsed.rua, l->parsed.nrua);
		out->nrua = l->parsed.nrua;
		out->ruf = copy_uris(txt, l->parsed.ruf, l->parsed.nruf);
		out->nruf = l->parsed.nruf;
	} else if (!trouble && batch) {
		mc_problems_add(&out->problems, MC_STATUS_FAIL, "dmarc_missing",
			"No DMARC policy applies to %s: RFC 9989's tree walk found no usable record at %s or above it (%d name%s asked). "
			"Gmail, Yahoo and Microsoft reject or junk bulk mail from domains without one: publish a TXT record such as "
			"\"v=DMARC1; p=none; rua=mailto:dmarc-reports@%s\" at _dmarc.%s (at the organizational domain it covers the subdomains too)",
			domain, qnames[0], reached, reached == 1 ? "" : "s", domain, domain);
	}
	if (!batch) {
		mc_problems_add(&out->problems, MC_STATUS_ERROR, "dns_error", "The check ran out of memory");
	}
	for (int k = 0; k < n; k++) {
		if (levels[k].rr) {
			mc_dmarc_record_free(&levels[k].parsed);
		}
	}
	if (batch) {
		mc_dns_batch_free(batch);
	}
	out->status = mc_problems_status(&out->problems);
}

void mc_dmarc_result_free(mc_dmarc_result *r)
{
	free(r->domain);
	free(r->record);
	free(r->found_at);
	free(r->org_domain);
	free_list(r->rua, r->nrua);
	free_list(r->ruf, r->nruf);
	mc_problems_free(&r->problems);
	memset(r, 0, sizeof(*r));
}
