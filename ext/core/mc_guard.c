#include "mc_guard.h"
#include "mc_mailmsg.h"
#include "mc_ptr.h"
#include "mc_sender.h"
#include "mc_spf.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

void mc_guard_merge_problems(mc_problems *dst, const mc_problems *src)
{
	for (size_t i = 0; i < src->count; i++) {
		const mc_problem *p = &src->items[i];
		int seen = 0;
		for (size_t j = 0; j < dst->count && !seen; j++) {
			seen = strcmp(dst->items[j].code, p->code) == 0 && strcmp(dst->items[j].message, p->message) == 0;
		}
		if (!seen) {
			mc_problems_add(dst, p->severity, p->code, "%s", p->message);
		}
	}
}

/* Checks one address into res (kept for its parsed domain) and collects
 * its problems. */
static void check_address(mc_dns *dns, const char *address, const char *process_user, int64_t deadline_ms,
		mc_guard_verdict *out, mc_sender_result *res)
{
	mc_sender_check(dns, address, strlen(address), process_user, deadline_ms, res);
	mc_guard_merge_problems(&out->problems, &res->problems);
}

void mc_guard_evaluate(mc_dns *dns, const mc_guard_mail *mail, int64_t deadline_ms, mc_guard_verdict *out)
{
	memset(out, 0, sizeof(*out));
	mc_problems_init(&out->problems);

	mc_sender_result envelope, from;
	memset(&envelope, 0, sizeof(envelope));
	memset(&from, 0, sizeof(from));
	int have_envelope = mail->envelope[0] != '\0';
	if (have_envelope) {
		check_address(dns, mail->envelope, mail->process_user, deadline_ms, out, &envelope);
	}
	int have_from = 0;
	if (mail->from) {
		check_address(dns, mail->from, mail->process_user, deadline_ms, out, &from);
		have_from = 1;
	}

	/* SPF on the envelope as the MTA takes it (the address, comments and
	 * <> gone); on no envelope at all when it is not an address, which
	 * sender_syntax has said, and whose text a message must not quote. */
	if (mail->ip && (!have_envelope || envelope.address.address)) {
		mc_spf_result spf;
		/* The null sender (bounces) is checked on the HELO identity. */
		mc_spf_check(dns, mail->ip, have_envelope ? envelope.address.address : "", mail->helo, NULL, deadline_ms, &spf);
		mc_guard_merge_problems(&out->problems, &spf.problems);
		mc_spf_result_free(&spf);
	}
	if (mail->ip) {
		mc_ptr_result ptr;
		mc_ptr_check(dns, mail->ip, mail->helo, deadline_ms, &ptr);
		mc_guard_merge_problems(&out->problems, &ptr.problems);
		mc_ptr_result_free(&ptr);
	}

	/* DMARC-style relaxed alignment: receivers judge the From: domain, SPF
	 * vouches for the envelope domain; they should be the same domain. */
	if (have_envelope && have_from && envelope.address.domain && from.address.domain
			&& !mc_mailmsg_domains_aligned(envelope.address.domain, from.address.domain)) {
		mc_problems_add(&out->problems, MC_STATUS_WARN, "from_not_aligned",
			"The From: domain %s is not the envelope sender's domain %s: SPF can only vouch for %s, while DMARC judges %s; "
			"send with -f an address at %s (sendmail_path or the 5th mail() argument)",
			from.address.domain, envelope.address.domain, envelope.address.domain, from.address.domain, from.address.domain);
	}
	mc_sender_result_free(&envelope);
	mc_sender_result_free(&from);

	for (size_t i = 0; i < out->problems.count; i++) {
		out->dns_trouble |= out->problems.items[i].severity == MC_STATUS_ERROR;
		out->blockable |= out->problems.items[i].severity == MC_STATUS_FAIL;
	}
	out->status = mc_problems_status(&out->problems);
}

void mc_guard_verdict_free(mc_guard_verdict *verdict)
{
	mc_problems_free(&verdict->problems);
	memset(verdict, 0, sizeof(*verdict));
}
