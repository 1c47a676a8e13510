#include "mc_guard.h"
#include "mc_ahead.h"
#include "mc_address.h"
#include "mc_dkim.h"
#include "mc_dmarc.h"
#include "mc_helo.h"
#include "mc_mailmsg.h"
#include "mc_ptr.h"
#include "mc_receiver_scores.h"
#include "mc_sender.h"
#include "mc_spf.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

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

/* Appends text to buf (size len, NUL-terminated), as much as fits. */
static void append(char *buf, size_t len, const char *text)
{
	size_t used = strlen(buf);
	if (used + 1 < len) {
		snprintf(buf + used, len - used, "%s", text);
	}
}

static int in_group(const mc_problem *p, int group)
{
	int setting = strncmp(p->code, "guard_ini_", 10) == 0;
	switch (group) {
	case 0: return setting;
	case 1: return !setting && (p->severity == MC_STATUS_FAIL || p->severity == MC_STATUS_WARN);
	default: return p->severity == MC_STATUS_ERROR;
	}
}

static int seen_before(const mc_problems *list, size_t i)
{
	for (size_t j = 0; j < i; j++) {
		if (strcmp(list->items[j].code, list->items[i].code) == 0) {
			return 1;
		}
	}
	return 0;
}

/* What the problems of a warning cost at rspamd's defaults: each symbol
 * counted once, however many problems raise it. */
static double rspamd_cost(const mc_problems *problems, int blocked)
{
	const char *seen[64];
	size_t nseen = 0;
	double total = 0;
	for (size_t i = 0; i < problems->count; i++) {
		const mc_problem *p = &problems->items[i];
		const mc_receiver_scores *s = in_group(p, 1) && (!blocked || p->severity == MC_STATUS_FAIL)
			? mc_receiver_scores_rspamd(p->code, p->message) : NULL;
		for (size_t k = 0; s && k < s->count; k++) {
			size_t j = 0;
			while (j < nseen && strcmp(seen[j], s->symbols[k].symbol) != 0) {
				j++;
			}
			if (j == nseen && nseen < sizeof(seen) / sizeof(seen[0])) {
				seen[nseen++] = s->symbols[k].symbol;
				total += s->symbols[k].score;
			}
		}
	}
	return total;
}

/* Room kept for the advice when the code list is long, and for the cost. */
#define SUMMARY_ADVICE_MIN 80
#define SUMMARY_COST_MAX 32
#define SUMMARY_TAIL "; see mail_check_last()"

void mc_guard_summary(const mc_problems *problems, int blocked, char *buf, size_t len)
{
	static const char *const labels[] = { "fix php.ini: ", "likely to be marked as spam: ", "could not be checked: " };
	/* The advice of the first setting to fix, else of the first failure,
	 * else of the first warning, else of the first error. */
	static const mc_status order[] = { MC_STATUS_FAIL, MC_STATUS_WARN, MC_STATUS_ERROR };
	const mc_problem *advice = NULL;
	/* What a receiver's filter makes of the problems, told beside them. */
	char price[SUMMARY_COST_MAX] = "";
	double cost = rspamd_cost(problems, blocked);
	if (cost >= 0.05) {
		snprintf(price, sizeof(price), " (+%.1f at rspamd's defaults)", cost);
	}
	size_t reserved = SUMMARY_ADVICE_MIN + strlen(price) + sizeof(SUMMARY_TAIL) + 8;
	size_t codes_max = len > reserved ? len - reserved : 0;
	size_t left_out = 0, more_told = 0;
	char more[32];

	if (len == 0) {
		return;
	}
	buf[0] = '\0';
	for (size_t i = 0; i < problems->count && !blocked && !advice; i++) {
		if (in_group(&problems->items[i], 0)) {
			advice = &problems->items[i];
		}
	}
	for (size_t k = 0; k < 3 && !advice; k++) {
		for (size_t i = 0; i < problems->count && !advice; i++) {
			if (problems->items[i].severity == order[k]) {
				advice = &problems->items[i];
			}
		}
	}
	for (int group = blocked ? 1 : 0; group < (blocked ? 2 : 3); group++) {
		int listed = 0;
		for (size_t i = 0; i < problems->count; i++) {
			const mc_problem *p = &problems->items[i];
			if (!in_group(p, group) || (blocked && p->severity != MC_STATUS_FAIL) || seen_before(problems, i)) {
				continue;
			}
			const char *lead = listed ? ", " : buf[0] ? "; " : "";
			size_t need = strlen(lead) + (listed ? 0 : strlen(labels[group])) + strlen(p->code);
			if (left_out || strlen(buf) + need > codes_max) {
				left_out++;
				continue;
			}
			append(buf, len, lead);
			if (!listed && !blocked) {
				append(buf, len, labels[group]);
			}
			append(buf, len, p->code);
			listed = 1;
		}
		if (group == 1 && left_out) {
			snprintf(more, sizeof(more), " (+%zu more)", left_out);
			append(buf, len, more);
			more_told = left_out;
		}
		if (group == 1 && listed) {
			append(buf, len, price);
		}
	}
	if (left_out > more_told) {
		snprintf(more, sizeof(more), " (+%zu more)", left_out - more_told);
		append(buf, len, more);
	}
	if (advice) {
		/* " — " is 5 bytes, "…" 3. */
		size_t used = strlen(buf) + 5 + sizeof(SUMMARY_TAIL) - 1;
		size_t room = used + 1 < len ? len - 1 - used : 0;
		size_t mlen = strlen(advice->message);
		append(buf, len, " — ");
		if (mlen <= room) {
			append(buf, len, advice->message);
		} else if (room > 3) {
			size_t keep = room - 3;
			while (keep > 0 && ((unsigned char)advice->message[keep] & 0xc0) == 0x80) {
				keep--;
			}
			size_t at = strlen(buf);
			snprintf(buf + at, len - at, "%.*s…", (int)keep, advice->message);
		}
		append(buf, len, SUMMARY_TAIL);
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

/* The checks below run one after another, each from the cache when this
 * has filled it: the envelope's and From's mail hosts, the PTR, DMARC and
 * the SPF record go in the first batch; the PTR names' addresses with the
 * SPF record's includes in the second; the rest of the SPF tree after. So
 * a cold mail waits about as many round trips as its longest chain. */
static void resolve_ahead(mc_dns *dns, const mc_guard_mail *mail, int64_t deadline_ms)
{
	mc_address envelope, from;
	memset(&envelope, 0, sizeof(envelope));
	memset(&from, 0, sizeof(from));
	if (mail->envelope[0]) {
		mc_address_parse(mail->envelope, strlen(mail->envelope), &envelope);
	}
	if (mail->from) {
		mc_address_parse(mail->from, strlen(mail->from), &from);
	}

	/* A domain literal names no domain to ask about. */
	const char *envelope_domain = envelope.domain_literal ? NULL : envelope.domain;
	const char *from_domain = from.domain_literal ? NULL : from.domain;
	char identity[600] = "";
	mc_ahead_plan plan = {
		.mail_domains = { envelope_domain, from_domain },
		.dmarc_domain = from_domain,
		.dkim_selectors = &mail->dkim_selector,
		.dkim_count = mail->dkim_selector ? 1 : 0,
		.ip = mail->ip,
		.helo = mail->helo,
	};
	if (mail->ip && !mail->envelope[0] && mail->helo) {
		snprintf(identity, sizeof(identity), "postmaster@%s", mail->helo);
		plan.spf_domain = mail->helo;
	} else if (mail->ip && envelope.address && envelope_domain) {
		snprintf(identity, sizeof(identity), "%s", envelope.address);
		plan.spf_domain = envelope_domain;
	}
	mc_spf_macro_env env = {
		.sender = identity, .domain = plan.spf_domain, .helo = mail->helo, .receiver = NULL,
		.validated = NULL, .ip = mail->ip, .now = (long long)time(NULL),
	};
	plan.spf_env = &env;
	mc_ahead_run(dns, &plan, deadline_ms);
	mc_address_free(&envelope);
	mc_address_free(&from);
}

/* The HELO name as receivers judge it: a name, resolving, to this IP.
 * Whether it matches the PTR (and names like localhost) the PTR check
 * reports; this adds what only the HELO check sees. */
static void check_helo(mc_dns *dns, const mc_guard_mail *mail, int64_t deadline_ms, mc_guard_verdict *out)
{
	static const char *const own[] = { "helo_not_fqdn", "helo_ip_literal", "helo_no_address", "helo_ip_mismatch" };
	mc_helo_result helo;
	mc_helo_check(dns, mail->helo, mail->ip, deadline_ms, &helo);
	for (size_t i = 0; i < helo.problems.count; i++) {
		const mc_problem *p = &helo.problems.items[i];
		for (size_t k = 0; k < sizeof(own) / sizeof(own[0]); k++) {
			if (strcmp(p->code, own[k]) == 0) {
				mc_problems_add(&out->problems, p->severity, p->code, "%s", p->message);
			}
		}
	}
	mc_helo_result_free(&helo);
}

/* Whether SPF's domain is aligned with the From domain under the record's
 * aspf (RFC 9989 §4.4): the same name (s), or within the From domain's
 * organizational domain (r). */
static int spf_aligned(const char *envelope_domain, const char *from_domain, const mc_dmarc_result *dmarc)
{
	if (!envelope_domain) {
		return 0;
	}
	if (strcasecmp(envelope_domain, from_domain) == 0) {
		return 1;
	}
	if (dmarc->aspf == 's') {
		return 0;
	}
	const char *org = dmarc->org_domain ? dmarc->org_domain : from_domain;
	size_t elen = strlen(envelope_domain), olen = strlen(org);
	return mc_mailmsg_domains_aligned(envelope_domain, from_domain)
		|| (elen > olen && envelope_domain[elen - olen - 1] == '.' && strcasecmp(envelope_domain + elen - olen, org) == 0);
}

/* DMARC as a receiver applies it to this mail: the From domain's policy,
 * and whether SPF (a pass for an aligned envelope domain) or DKIM (a usable key
 * published for mailcheck.dkim_selector at the From domain, d= being the
 * From domain) can make it pass. A quarantine or reject policy the mail
 * cannot pass is a fail; p=none and no DMARC leave the alignment warning
 * to the caller. Returns 1 when DMARC judged the alignment here. */
static int check_dmarc(mc_dns *dns, const mc_guard_mail *mail, const char *envelope_domain,
		const char *from_domain, int spf_pass, int64_t deadline_ms, mc_guard_verdict *out)
{
	mc_dmarc_result dmarc;
	mc_dmarc_check(dns, from_domain, deadline_ms, &dmarc);
	for (size_t i = 0; i < dmarc.problems.count; i++) {
		const mc_problem *p = &dmarc.problems.items[i];
		if (p->severity == MC_STATUS_ERROR) {   /* DNS trouble: could not tell */
			mc_problems_add(&out->problems, p->severity, p->code, "%s", p->message);
		}
	}
	int dkim_ok = 0;
	if (mail->dkim_selector) {
		mc_dkim_result dkim;
		const char *selectors[] = { mail->dkim_selector };
		mc_dkim_check(dns, from_domain, selectors, 1, deadline_ms, &dkim);
		/* A key that is missing or weak costs this mail only through
		 * DMARC, judged below: on its own it is advice. */
		for (size_t i = 0; i < dkim.problems.count; i++) {
			const mc_problem *p = &dkim.problems.items[i];
			mc_problems_add(&out->problems, p->severity == MC_STATUS_FAIL ? MC_STATUS_WARN : p->severity,
				p->code, "%s", p->message);
		}
		dkim_ok = dkim.count == 1 && dkim.selectors[0].found == 1 && dkim.selectors[0].usable;
		mc_dkim_result_free(&dkim);
	}
	mc_dmarc_policy applied = dmarc.found_at && strcasecmp(dmarc.found_at, from_domain) == 0
		? dmarc.policy : dmarc.subdomain_policy;
	int aligned = spf_aligned(envelope_domain, from_domain, &dmarc);
	int judged = 0;
	if ((applied == MC_DMARC_QUARANTINE || applied == MC_DMARC_REJECT) && !dkim_ok && !(spf_pass && aligned)) {
		judged = 1;
		mc_problems_add(&out->problems, MC_STATUS_FAIL, "dmarc_not_aligned",
			"%s publishes DMARC p=%s, and this mail cannot pass it: SPF %s, and no DKIM key %s; receivers will %s. "
			"Send with -f an address at %s whose SPF allows this host, or sign with DKIM for %s and set mailcheck.dkim_selector",
			from_domain, mc_dmarc_policy_name(applied),
			!aligned ? (mail->envelope[0] ? "vouches for another domain (the envelope sender's)"
				: "vouches for another domain (the HELO name's: a bounce has no envelope sender)") : "does not pass for this host",
			mail->dkim_selector ? "is published for mailcheck.dkim_selector" : "is configured (mailcheck.dkim_selector)",
			applied == MC_DMARC_REJECT ? "reject" : "put it in spam (quarantine)", from_domain, from_domain);
	} else if (dkim_ok || (spf_pass && aligned)) {
		judged = 1;  /* DMARC passes: nothing to warn about */
	}
	mc_dmarc_result_free(&dmarc);
	return judged;
}

void mc_guard_evaluate(mc_dns *dns, const mc_guard_mail *mail, int64_t deadline_ms, mc_guard_verdict *out)
{
	memset(out, 0, sizeof(*out));
	mc_problems_init(&out->problems);
	if (mc_dns_prefetch_enabled(dns)) {
		resolve_ahead(dns, mail, deadline_ms);
	}

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
	if (mail->from_fields > 1) {
		/* Only the first is judged here; receivers may read another. */
		mc_problems_add(&out->problems, MC_STATUS_FAIL, "from_multiple",
			"The header section has %zu From: fields: RFC 5322 §3.6 allows one, and receivers reject such mail (RFC 7489 §6.6.1); "
			"send one (a CR or LF from user input in a header value adds fields)", mail->from_fields);
	}

	/* SPF on the envelope as the MTA takes it (the address, comments and
	 * <> gone); on no envelope at all when it is not an address, which
	 * sender_syntax has said, and whose text a message must not quote. */
	int spf_pass = 0;
	if (mail->ip && (!have_envelope || envelope.address.address)) {
		mc_spf_result spf;
		/* The null sender (bounces) is checked on the HELO identity. */
		mc_spf_check(dns, mail->ip, have_envelope ? envelope.address.address : "", mail->helo, NULL, deadline_ms, &spf);
		mc_guard_merge_problems(&out->problems, &spf.problems);
		spf_pass = spf.result == MC_SPF_PASS;
		mc_spf_result_free(&spf);
	}
	if (mail->ip && mail->helo) {
		check_helo(dns, mail, deadline_ms, out);
	}
	if (mail->ip) {
		mc_ptr_result ptr;
		mc_ptr_check(dns, mail->ip, mail->helo, deadline_ms, &ptr);
		mc_guard_merge_problems(&out->problems, &ptr.problems);
		mc_ptr_result_free(&ptr);
	}

	int dmarc_judged = 0;
	if (have_from && from.address.domain) {
		/* A bounce's SPF is the HELO name's (RFC 7208 §2.4), and DMARC
		 * aligns the From: domain with that (RFC 7489 §3.1.2). */
		dmarc_judged = check_dmarc(dns, mail, have_envelope ? envelope.address.domain : mail->helo,
			from.address.domain, spf_pass, deadline_ms, out);
	}

	/* DMARC-style relaxed alignment: receivers judge the From: domain, SPF
	 * vouches for the envelope domain; they should be the same domain. */
	if (!dmarc_judged && have_envelope && have_from && envelope.address.domain && from.address.domain
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
