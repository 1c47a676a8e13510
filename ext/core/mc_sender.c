#include "mc_sender.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int by_preference(const void *a, const void *b)
{
	const mc_mx *x = a, *y = b;
	if (x->preference != y->preference) {
		return x->preference < y->preference ? -1 : 1;
	}
	return strcmp(x->host, y->host);
}

static int has_records(const mc_dns_query *q)
{
	return q && q->answer && q->answer->status == MC_DNS_OK && q->answer->count > 0;
}

static int is_void(const mc_dns_query *q)
{
	return q && q->answer && (q->answer->status == MC_DNS_NXDOMAIN || q->answer->status == MC_DNS_NODATA);
}

/* The first DNS failure among the queries, for the dns_* problem. */
static const mc_dns_query *trouble(mc_dns_query *const *qs, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (qs[i] && qs[i]->answer && !has_records(qs[i]) && !is_void(qs[i])) {
			return qs[i];
		}
	}
	return NULL;
}

static void copy_mx(mc_sender_result *out, const mc_dns_answer *a)
{
	out->mx = calloc(a->count, sizeof(*out->mx));
	if (!out->mx) {
		return;
	}
	for (size_t i = 0; i < a->count; i++) {
		out->mx[out->mx_count].host = strdup((const char *)a->rrs[i].data);
		out->mx[out->mx_count].preference = a->rrs[i].preference;
		out->mx_count += out->mx[out->mx_count].host != NULL;
	}
	qsort(out->mx, out->mx_count, sizeof(*out->mx), by_preference);
	/* RFC 7505: a single MX of preference 0 pointing at the root. */
	out->null_mx = out->mx_count == 1 && out->mx[0].preference == 0 && strcmp(out->mx[0].host, ".") == 0;
}

/* With no MX of its own, a name under a domain that has one is a host
 * name used as a mail domain: web01.example.com instead of example.com. */
static const char *parent_with_mx(mc_dns *dns, const char *domain, int64_t deadline_ms)
{
	const char *parent = strchr(domain, '.');
	if (!parent || !strchr(parent + 1, '.')) {
		return NULL;
	}
	parent++;
	mc_dns_batch *batch = mc_dns_batch_new(dns, deadline_ms);
	if (!batch) {
		return NULL;
	}
	mc_dns_query *q = mc_dns_batch_add(batch, parent, MC_DNS_T_MX);
	mc_dns_batch_wait(batch);
	int found = has_records(q);
	mc_dns_batch_free(batch);
	return found ? parent : NULL;
}

static void check_mail_hosts(mc_dns *dns, mc_sender_result *out, int64_t deadline_ms)
{
	const char *domain = out->address.domain;
	mc_dns_batch *batch = mc_dns_batch_new(dns, deadline_ms);
	if (!batch) {
		return;
	}
	/* MX and the implicit-MX fallback in one round trip. */
	mc_dns_query *qs[3] = {
		mc_dns_batch_add(batch, domain, MC_DNS_T_MX),
		mc_dns_batch_add(batch, domain, MC_DNS_T_A),
		mc_dns_batch_add(batch, domain, MC_DNS_T_AAAA),
	};
	mc_dns_batch_wait(batch);

	if (has_records(qs[0])) {
		copy_mx(out, qs[0]->answer);
		if (out->null_mx) {
			mc_problems_add(&out->problems, MC_STATUS_FAIL, "sender_null_mx",
				"%s publishes a null MX (RFC 7505: it accepts no mail), so receivers reject mail from it: send from a domain that receives mail", domain);
		}
	} else if (qs[0] && qs[0]->answer && qs[0]->answer->unusable > 0) {
		/* MX records exist, so the address is no fallback (RFC 5321 §5.1). */
		mc_problems_add(&out->problems, MC_STATUS_FAIL, "sender_no_mail_host",
			"The MX record of %s names %s, which is no host name (a label holds a space, a dot, a control or non-ASCII byte): "
			"no mail can be delivered to %s; fix the MX record", domain,
			qs[0]->answer->unusable_name ? qs[0]->answer->unusable_name : "a name", domain);
	} else if (qs[0] && qs[0]->answer && qs[0]->answer->status == MC_DNS_NXDOMAIN) {
		mc_problems_add(&out->problems, MC_STATUS_FAIL, "sender_no_mail_host",
			"%s does not exist in DNS: receivers reject mail from it; use an address at your real domain", domain);
	} else if (is_void(qs[0]) && (has_records(qs[1]) || has_records(qs[2]))) {
		const char *parent = parent_with_mx(dns, domain, deadline_ms);
		if (parent) {
			mc_problems_add(&out->problems, MC_STATUS_WARN, "sender_host_not_domain",
				"%s is a host name without an MX of its own; replies and bounces would go to that host: send from an address at %s, which has an MX",
				domain, parent);
		} else {
			mc_problems_add(&out->problems, MC_STATUS_WARN, "sender_implicit_mx",
				"%s has no MX record, only an address (implicit MX, RFC 5321 §5.1): many receivers distrust such senders; publish an MX record", domain);
		}
	} else if (is_void(qs[0]) && is_void(qs[1]) && is_void(qs[2])) {
		mc_problems_add(&out->problems, MC_STATUS_FAIL, "sender_no_mail_host",
			"%s has no MX and no A/AAAA record: nobody could reply to this address; use one at a domain that receives mail", domain);
	} else {
		const mc_dns_query *bad = trouble(qs, 3);
		char what[MC_DNS_NAME_BUF + 32];
		snprintf(what, sizeof(what), "the mail hosts of %s", domain);
		mc_dns_add_problem(dns, &out->problems, bad && bad->answer ? bad->answer->status : MC_DNS_ERROR, what);
	}
	mc_dns_batch_free(batch);
}

void mc_sender_check(mc_dns *dns, const char *input, size_t len, const char *process_user,
		int64_t deadline_ms, mc_sender_result *out)
{
	memset(out, 0, sizeof(*out));
	mc_problems_init(&out->problems);

	int rc = mc_address_parse(input, len, &out->address);
	if (rc != 0) {
		mc_problems_add(&out->problems, MC_STATUS_FAIL, "sender_syntax",
			"Not a valid sender address: %s (at byte %zu)", out->address.error ? out->address.error : "out of memory",
			out->address.error_pos + 1);
		out->status = mc_problems_status(&out->problems);
		return;
	}
	const char *domain = out->address.domain;
	const char *reserved = out->address.domain_literal ? NULL : mc_address_reserved_domain(domain);
	if (mc_address_system_account(out->address.local, process_user)) {
		mc_problems_add(&out->problems, MC_STATUS_WARN, "sender_system_account",
			"%s is a system account, what mail() uses when no sender was configured; receivers and people distrust it: "
			"set a real sender such as noreply@%s (php.ini sendmail_path -f, or the From: header)",
			out->address.address, out->address.domain_literal || reserved ? "yourdomain.com" : domain);
	}
	if (out->address.domain_literal) {
		mc_problems_add(&out->problems, MC_STATUS_FAIL, "sender_domain_literal",
			"%s uses an address literal instead of a domain: receivers cannot check SPF or DMARC for it; use an address at a domain", out->address.address);
	} else {
		if (reserved) {
			mc_problems_add(&out->problems, MC_STATUS_FAIL, "sender_reserved_domain",
				"%s is not a public mail domain (%s): receivers reject it; this is typical of a server whose host name was never set, "
				"so set a sender at your real domain", domain, reserved);
		} else {
			check_mail_hosts(dns, out, deadline_ms);
		}
	}
	out->status = mc_problems_status(&out->problems);
}

void mc_sender_result_free(mc_sender_result *result)
{
	for (size_t i = 0; i < result->mx_count; i++) {
		free(result->mx[i].host);
	}
	free(result->mx);
	mc_address_free(&result->address);
	mc_problems_free(&result->problems);
	memset(result, 0, sizeof(*result));
}
