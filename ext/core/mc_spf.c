#include "mc_spf.h"
#include "mc_spf_record.h"
#include "mc_spf_macro.h"
#include "mc_ptr.h"
#include "mc_name.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <arpa/nameser.h>
#include <netdb.h>
#include <spf2/spf.h>
#include <spf2/spf_dns.h>

typedef enum { LIMIT_NONE = 0, LIMIT_TERMS, LIMIT_VOID } limit_hit;

/* State of one evaluation, reached from libspf2's callbacks through the
 * resolver's hook (and, for the error handler, a thread-local pointer). */
typedef struct {
	mc_dns *dns;
	int64_t deadline_ms;
	mc_spf_result *out;
	int records_fetched;
	limit_hit limit;
	mc_dns_status dns_trouble;      /* the last lookup that failed, for the problem */
	char trouble_name[MC_DNS_NAME_BUF];
	/* Names from the last MX or PTR answer: their address lookups belong to
	 * that mechanism and are not terms of their own (RFC 7208 §4.6.4). */
	char **secondary;
	size_t nsecondary;
	SPF_request_t *req;
	/* For expanding macros ourselves (see rewrite_record). */
	const mc_ip *ip;
	const char *helo;
	const char *receiver;
	char identity[600];             /* the sender, postmaster@ filled in */
	int validated_done;
	char *validated;                /* %{p}: the IP's confirmed name */
	/* Stand-in names given to libspf2 for expanded names it would mangle. */
	char **alias_real;
	int *alias_kind;
	size_t naliases;
	/* The exp= text libspf2 fetched, and the domain whose record named it:
	 * expanded by us, since libspf2 1.2.10 mangles it. */
	char *exp_text;
	char *exp_domain;
	jmp_buf escape;
	char error[256];
} spf_eval;

/* What a stand-in name stands for. libspf2 cannot express a CIDR length
 * of 0, so "a//0" and "mx/0" become "exists:<stand-in>", answered here. */
enum {
	ALIAS_NAME = 0,          /* just the name */
	ALIAS_ANY_ADDRESS,       /* exists when the name has an address of the client's family */
	ALIAS_MX_ANY_ADDRESS     /* exists when one of the name's MX hosts has one */
};

static _Thread_local spf_eval *current_eval;

static const char *real_name(const spf_eval *ev, const char *name);

/* libspf2 calls this on internal assertion failures and then aborts: leave
 * through the evaluation's escape instead, so a PHP worker survives. */
static void on_spf_error(const char *file, int line, const char *msg) __attribute__((noreturn));
static void on_spf_error(const char *file, int line, const char *msg)
{
	spf_eval *ev = current_eval;
	if (ev) {
		snprintf(ev->error, sizeof(ev->error), "%s (libspf2 %s:%d)", msg ? msg : "internal error", file ? file : "?", line);
		longjmp(ev->escape, 1);
	}
	abort(); /* outside an evaluation: nothing to return to */
}

static void on_spf_message(const char *file, int line, const char *msg)
{
	/* libspf2's warnings and debug output would go to stderr: drop them,
	 * what matters reaches the result through the response. */
}

void mc_spf_startup(void)
{
	SPF_error_handler = on_spf_error;
	SPF_warning_handler = on_spf_message;
	SPF_info_handler = on_spf_message;
	SPF_debug_handler = on_spf_message;
}

const char *mc_spf_result_name(mc_spf_result_code code)
{
	switch (code) {
		case MC_SPF_NONE: return "none";
		case MC_SPF_NEUTRAL: return "neutral";
		case MC_SPF_PASS: return "pass";
		case MC_SPF_FAIL: return "fail";
		case MC_SPF_SOFTFAIL: return "softfail";
		case MC_SPF_TEMPERROR: return "temperror";
		case MC_SPF_PERMERROR: return "permerror";
	}
	return "permerror";
}

static void clear_secondary(spf_eval *ev)
{
	for (size_t i = 0; i < ev->nsecondary; i++) {
		free(ev->secondary[i]);
	}
	free(ev->secondary);
	ev->secondary = NULL;
	ev->nsecondary = 0;
}

static int is_secondary(const spf_eval *ev, const char *name)
{
	for (size_t i = 0; i < ev->nsecondary; i++) {
		if (mc_name_equal(ev->secondary[i], name)) {
			return 1;
		}
	}
	return 0;
}

/* Counts a DNS-querying term; 0 when the limit is now exceeded. */
static int count_term(spf_eval *ev)
{
	if (++ev->out->dns_lookups > MC_SPF_MAX_DNS_TERMS) {
		ev->limit = LIMIT_TERMS;
		return 0;
	}
	return 1;
}

static int count_void(spf_eval *ev)
{
	if (++ev->out->void_lookups > MC_SPF_MAX_VOID_LOOKUPS) {
		ev->limit = LIMIT_VOID;
		return 0;
	}
	return 1;
}

static SPF_dns_stat_t herrno_for(mc_dns_status status)
{
	switch (status) {
		case MC_DNS_OK: return NETDB_SUCCESS;
		case MC_DNS_NXDOMAIN: return HOST_NOT_FOUND;
		case MC_DNS_NODATA: return NO_DATA;
		/* A CNAME loop or an unusable answer: no address to match, as for
		 * a name without records (RFC 7208 §5.5: the name is skipped). */
		case MC_DNS_ERROR: return NO_DATA;
		default: return TRY_AGAIN;  /* RFC 7208 §5: DNS errors are temperror */
	}
}

static const mc_dns_answer *ask(spf_eval *ev, mc_dns_batch *batch, const char *name, uint16_t type)
{
	mc_dns_query *q = mc_dns_batch_add(batch, name, type);
	if (!q) {
		return NULL;
	}
	mc_dns_batch_wait(batch);
	if (q->answer && q->answer->status != MC_DNS_OK && q->answer->status != MC_DNS_NXDOMAIN
			&& q->answer->status != MC_DNS_NODATA) {
		ev->dns_trouble = q->answer->status;
		snprintf(ev->trouble_name, sizeof(ev->trouble_name), "%s", name);
	}
	return q->answer;
}

static long alias_index(const spf_eval *ev, const char *name);

/* Answers the A query of an "exists:" that stands for a/0 or mx/0: one
 * address when the name (or one of its first 10 MX hosts) has an address
 * of the client's family, none otherwise. */
static SPF_dns_rr_t *answer_any_address(SPF_dns_server_t *server, spf_eval *ev, const char *asked,
		const char *name, int kind)
{
	uint16_t family_type = ev->ip->family == AF_INET ? MC_DNS_T_A : MC_DNS_T_AAAA;
	mc_dns_batch *batch = mc_dns_batch_new(ev->dns, ev->deadline_ms);
	const mc_dns_answer *a = batch && mc_name_is_askable(name)
		? ask(ev, batch, name, kind == ALIAS_ANY_ADDRESS ? family_type : MC_DNS_T_MX) : NULL;
	mc_dns_status status = a ? a->status : MC_DNS_NXDOMAIN;
	int found = 0;

	if ((status == MC_DNS_NXDOMAIN || status == MC_DNS_NODATA) && !count_void(ev)) {
		status = MC_DNS_TIMEOUT; /* stops the evaluation: the limit makes it a permerror */
	} else if (status == MC_DNS_OK && kind == ALIAS_ANY_ADDRESS) {
		found = a->count > 0;
	} else if (status == MC_DNS_OK) {
		mc_dns_batch *hosts = mc_dns_batch_new(ev->dns, ev->deadline_ms);
		mc_dns_query *qs[10] = {0};
		size_t n = a->count < 10 ? a->count : 10;
		for (size_t i = 0; hosts && i < n; i++) {
			qs[i] = mc_dns_batch_add(hosts, (const char *)a->rrs[i].data, family_type);
		}
		if (hosts) {
			mc_dns_batch_wait(hosts);
		}
		for (size_t i = 0; i < n; i++) {
			found |= qs[i] && qs[i]->answer && qs[i]->answer->status == MC_DNS_OK && qs[i]->answer->count > 0;
		}
		mc_dns_batch_free(hosts);
	}
	mc_dns_batch_free(batch);

	if (status != MC_DNS_OK && status != MC_DNS_NXDOMAIN && status != MC_DNS_NODATA) {
		return SPF_dns_rr_new_init(server, asked, ns_t_a, 0, TRY_AGAIN);
	}
	SPF_dns_rr_t *rr = SPF_dns_rr_new_init(server, asked, ns_t_a, 0, found ? NETDB_SUCCESS : NO_DATA);
	if (rr && found && SPF_dns_rr_buf_realloc(rr, 0, sizeof(struct in_addr)) == SPF_E_SUCCESS) {
		inet_pton(AF_INET, "127.0.0.1", &rr->rr[0]->a);
		rr->num_rr = 1;
	}
	return rr;
}

static SPF_dns_rr_t *lookup(SPF_dns_server_t *server, const char *domain, ns_type type, int should_cache)
{
	spf_eval *ev = server->hook;
	const char *raw = domain;
	domain = real_name(ev, domain);
	int primary = type != ns_t_txt   /* TXT here is exp=, which is no term */
		&& !((type == ns_t_a || type == ns_t_aaaa) && is_secondary(ev, domain));

	if (ev->limit != LIMIT_NONE || (primary && !count_term(ev))) {
		/* Stops the evaluation at once; the result becomes permerror. */
		return SPF_dns_rr_new_init(server, domain, type, 0, TRY_AGAIN);
	}
	if (primary) {
		clear_secondary(ev);
	}
	long alias = alias_index(ev, raw);
	if (alias >= 0 && ev->alias_kind[alias] != ALIAS_NAME) {
		return answer_any_address(server, ev, raw, domain, ev->alias_kind[alias]);
	}
	if (!mc_name_is_askable(domain)) {
		if (primary && !count_void(ev)) {
			return SPF_dns_rr_new_init(server, domain, type, 0, TRY_AGAIN);
		}
		return SPF_dns_rr_new_init(server, domain, type, 0, HOST_NOT_FOUND);
	}

	mc_dns_batch *batch = mc_dns_batch_new(ev->dns, ev->deadline_ms);
	const mc_dns_answer *a = batch ? ask(ev, batch, domain, (uint16_t)type) : NULL;
	mc_dns_status status = a ? a->status : MC_DNS_ERROR;
	if (primary && (status == MC_DNS_NXDOMAIN || status == MC_DNS_NODATA) && !count_void(ev)) {
		mc_dns_batch_free(batch);
		return SPF_dns_rr_new_init(server, domain, type, 0, TRY_AGAIN);
	}

	if (type == ns_t_txt && status == MC_DNS_OK && a->count == 1 && ev->req && ev->req->cur_dom) {
		free(ev->exp_text);
		free(ev->exp_domain);
		ev->exp_text = strndup((const char *)a->rrs[0].data, a->rrs[0].len);
		ev->exp_domain = strdup(real_name(ev, ev->req->cur_dom));
	}
	SPF_dns_rr_t *rr = SPF_dns_rr_new_init(server, domain, type, a ? (int)a->ttl : 0, herrno_for(status));
	if (!rr || status != MC_DNS_OK) {
		mc_dns_batch_free(batch);
		return rr;
	}
	size_t n = a->count;
	if (type == ns_t_ptr && n > MC_SPF_MAX_PTR_NAMES) {
		n = MC_SPF_MAX_PTR_NAMES; /* §4.6.4: the rest MUST be ignored */
	}
	int names_follow = type == ns_t_mx || type == ns_t_ptr;
	if (names_follow) {
		ev->secondary = calloc(n ? n : 1, sizeof(char *));
	}
	for (size_t i = 0; i < n; i++) {
		const mc_dns_rr *src = &a->rrs[i];
		size_t len = (type == ns_t_a || type == ns_t_aaaa) ? src->len : src->len + 1;
		if (SPF_dns_rr_buf_realloc(rr, (int)i, len) != SPF_E_SUCCESS) {
			break;
		}
		memcpy(rr->rr[i], src->data, len);
		rr->num_rr = (int)i + 1;
		if (names_follow && ev->secondary) {
			ev->secondary[ev->nsecondary] = strdup((const char *)src->data);
			ev->nsecondary += ev->secondary[ev->nsecondary] != NULL;
		}
	}
	mc_dns_batch_free(batch);
	return rr;
}

static SPF_errcode_t give_up(SPF_response_t *resp, SPF_result_t result, SPF_errcode_t err, const char *why, const char *domain)
{
	resp->result = result;
	resp->reason = SPF_REASON_FAILURE;
	return SPF_response_add_error(resp, err, "%s for '%s'", why, domain);
}

#define ALIAS_SUFFIX ".alias.mailcheck.invalid"

static long alias_index(const spf_eval *ev, const char *name)
{
	unsigned idx;
	char suffix[64];
	if (sscanf(name, "mc%u%63s", &idx, suffix) == 2 && strcmp(suffix, ALIAS_SUFFIX) == 0 && idx < ev->naliases) {
		return (long)idx;
	}
	return -1;
}

/* The real name behind a stand-in, or the name itself. */
static const char *real_name(const spf_eval *ev, const char *name)
{
	long idx = alias_index(ev, name);
	return idx >= 0 ? ev->alias_real[idx] : name;
}

static const char *validated_name(spf_eval *ev)
{
	if (!ev->validated_done) {
		mc_ptr_result ptr;
		ev->validated_done = 1;
		mc_ptr_check(ev->dns, ev->ip, NULL, ev->deadline_ms, &ptr);
		if (ptr.hostname) {
			ev->validated = strdup(ptr.hostname);
		}
		mc_ptr_result_free(&ptr);
	}
	return ev->validated;
}

typedef struct {
	char *buf;
	size_t len, cap;
	int failed;
} textbuf;

static void emit(textbuf *t, const char *s, size_t n)
{
	if (t->failed) {
		return;
	}
	if (t->len + n + 1 > t->cap) {
		size_t cap = (t->len + n + 1) * 2;
		char *nb = realloc(t->buf, cap);
		if (!nb) {
			t->failed = 1;
			return;
		}
		t->buf = nb;
		t->cap = cap;
	}
	memcpy(t->buf + t->len, s, n);
	t->len += n;
	t->buf[t->len] = '\0';
}

static void emits(textbuf *t, const char *s)
{
	emit(t, s, strlen(s));
}

/* A domain-spec as libspf2 will see it: macros expanded by us (RFC 7208
 * §7), cut to 253 octets from the left (§7.3), and written literally when
 * plain, or as a stand-in name when it holds bytes libspf2 would take for
 * macro syntax. Returns 0, or -1 when the expansion is invalid. */
static int emit_domain(textbuf *t, spf_eval *ev, const char *spec, const char *cur_dom, int kind)
{
	mc_spf_macro_env env = {
		.sender = ev->identity, .domain = cur_dom, .helo = ev->helo, .receiver = ev->receiver,
		.validated = NULL, .ip = ev->ip, .now = (long long)time(NULL),
	};
	if (strstr(spec, "%{p") || strstr(spec, "%{P")) {
		env.validated = validated_name(ev);
	}
	char *name = mc_spf_macro_expand(spec, strlen(spec), 0, &env);
	if (!name) {
		return -1;
	}
	char *cut = name;
	while (strlen(cut) > 253 && strchr(cut, '.')) {
		cut = strchr(cut, '.') + 1;
	}
	int plain = *cut != '\0';
	for (const char *p = cut; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_')) {
			plain = 0;
		}
	}
	if (plain && kind == ALIAS_NAME) {
		emits(t, cut);
	} else {
		char **grown = realloc(ev->alias_real, (ev->naliases + 1) * sizeof(char *));
		char stand_in[64];
		if (grown) {
			ev->alias_real = grown;
		}
		int *kinds = grown ? realloc(ev->alias_kind, (ev->naliases + 1) * sizeof(int)) : NULL;
		if (!kinds) {
			free(name);
			return -1;
		}
		ev->alias_kind = kinds;
		ev->alias_kind[ev->naliases] = kind;
		ev->alias_real[ev->naliases] = strdup(cut);
		snprintf(stand_in, sizeof(stand_in), "mc%zu" ALIAS_SUFFIX, ev->naliases);
		ev->naliases++;
		emits(t, stand_in);
	}
	free(name);
	return 0;
}

static void emit_cidr(textbuf *t, const char *sep, int len)
{
	char num[16];
	if (len >= 0) {
		snprintf(num, sizeof(num), "%s%d", sep, len);
		emits(t, num);
	}
}

/* Writes a validated record in the form libspf2 evaluates as RFC 7208
 * means it: macros expanded by us (libspf2's expander has had CVEs and
 * mangles %_ and %-), unknown modifiers dropped (they are ignored by
 * definition), redirect= last and dropped when "all" is present (§6.1),
 * and CIDR lengths of 0, which libspf2's compiler refuses, replaced by
 * equivalent terms where one exists for this client's address family.
 * Returns a malloc'd record, or NULL. */
static char *rewrite_record(spf_eval *ev, const mc_spf_record *rec, const char *cur_dom)
{
	textbuf t = {0};
	int v4 = ev->ip->family == AF_INET;
	static const char *const names[] = {
		[MC_SPF_M_ALL] = "all", [MC_SPF_M_INCLUDE] = "include", [MC_SPF_M_A] = "a", [MC_SPF_M_MX] = "mx",
		[MC_SPF_M_PTR] = "ptr", [MC_SPF_M_IP4] = "ip4", [MC_SPF_M_IP6] = "ip6", [MC_SPF_M_EXISTS] = "exists",
	};

	emits(&t, "v=spf1");
	for (size_t i = 0; i < rec->count; i++) {
		const mc_spf_term *term = &rec->terms[i];
		char q[2] = { (char)term->qualifier, '\0' };
		if (term->kind >= MC_SPF_MOD_REDIRECT) {
			continue;
		}
		emits(&t, " ");
		emits(&t, q);
		switch (term->kind) {
			case MC_SPF_M_IP4:
				if (term->cidr4 == 0) {
					emits(&t, "ip4:0.0.0.0/1 ");
					emits(&t, q);
					emits(&t, "ip4:128.0.0.0/1");
				} else {
					emits(&t, "ip4:");
					emits(&t, term->ip);
					emit_cidr(&t, "/", term->cidr4);
				}
				break;
			case MC_SPF_M_IP6:
				if (term->cidr6 == 0) {
					emits(&t, "ip6:::/1 ");
					emits(&t, q);
					emits(&t, "ip6:8000::/1");
				} else {
					emits(&t, "ip6:");
					emits(&t, term->ip);
					emit_cidr(&t, "/", term->cidr6);
				}
				break;
			case MC_SPF_M_A:
			case MC_SPF_M_MX: {
				/* Only the length of the client's family matters. */
				int len = v4 ? term->cidr4 : term->cidr6;
				if (len == 0) {
					/* Any address of the name (or of its MX hosts) matches. */
					emits(&t, "exists:");
					if (emit_domain(&t, ev, term->domain_spec ? term->domain_spec : cur_dom, cur_dom,
							term->kind == MC_SPF_M_A ? ALIAS_ANY_ADDRESS : ALIAS_MX_ANY_ADDRESS) < 0) {
						goto invalid;
					}
					break;
				}
				emits(&t, names[term->kind]);
				if (term->domain_spec) {
					emits(&t, ":");
					if (emit_domain(&t, ev, term->domain_spec, cur_dom, ALIAS_NAME) < 0) {
						goto invalid;
					}
				}
				emit_cidr(&t, v4 ? "/" : "//", len);
				break;
			}
			default:
				emits(&t, names[term->kind]);
				if (term->domain_spec) {
					emits(&t, ":");
					if (emit_domain(&t, ev, term->domain_spec, cur_dom, ALIAS_NAME) < 0) {
						goto invalid;
					}
				}
				break;
		}
	}
	if (rec->exp_index >= 0) {
		emits(&t, " exp=");
		if (emit_domain(&t, ev, rec->terms[rec->exp_index].domain_spec, cur_dom, ALIAS_NAME) < 0) {
			goto invalid;
		}
	}
	if (rec->redirect_index >= 0 && !rec->has_all) {
		emits(&t, " redirect=");
		if (emit_domain(&t, ev, rec->terms[rec->redirect_index].domain_spec, cur_dom, ALIAS_NAME) < 0) {
			goto invalid;
		}
	}
	if (!t.failed) {
		return t.buf;
	}
invalid:
	free(t.buf);
	return NULL;
}

/* Fetches the record of spf_request->cur_dom: for the domain checked, and
 * for every include: and redirect=. Our validator sees each record before
 * libspf2's compiler does. */
static SPF_errcode_t get_record(SPF_server_t *server, SPF_request_t *req, SPF_response_t *resp, SPF_record_t **recp)
{
	spf_eval *ev = server->resolver->hook;
	const char *domain = real_name(ev, req->cur_dom);
	int top = ev->records_fetched++ == 0;
	*recp = NULL;

	if (ev->limit != LIMIT_NONE || (!top && !count_term(ev))) {
		return give_up(resp, SPF_RESULT_TEMPERROR, SPF_E_BIG_DNS, "DNS term limit", domain);
	}
	if (!top) {
		clear_secondary(ev);
	}
	if (!mc_name_is_askable(domain)) {
		return give_up(resp, top ? SPF_RESULT_NONE : SPF_RESULT_PERMERROR, SPF_E_NOT_SPF, "Invalid domain", domain);
	}
	mc_dns_batch *batch = mc_dns_batch_new(ev->dns, ev->deadline_ms);
	const mc_dns_answer *a = batch ? ask(ev, batch, domain, MC_DNS_T_TXT) : NULL;
	mc_dns_status status = a ? a->status : MC_DNS_ERROR;
	SPF_errcode_t err;

	if (status == MC_DNS_NXDOMAIN || status == MC_DNS_NODATA) {
		if (!top && !count_void(ev)) {
			err = give_up(resp, SPF_RESULT_TEMPERROR, SPF_E_BIG_DNS, "Void lookup limit", domain);
		} else {
			err = give_up(resp, SPF_RESULT_NONE, SPF_E_NOT_SPF, "No SPF record", domain);
		}
		mc_dns_batch_free(batch);
		return err;
	}
	if (status != MC_DNS_OK) {
		mc_dns_batch_free(batch);
		return give_up(resp, SPF_RESULT_TEMPERROR, SPF_E_DNS_ERROR, "Temporary DNS failure", domain);
	}

	const mc_dns_rr *found = NULL;
	int nfound = 0;
	for (size_t i = 0; i < a->count; i++) {
		if (mc_spf_is_record((const char *)a->rrs[i].data, a->rrs[i].len)) {
			found = &a->rrs[i];
			nfound++;
		}
	}
	if (nfound == 0) {
		mc_dns_batch_free(batch);
		return give_up(resp, SPF_RESULT_NONE, SPF_E_NOT_SPF, "No SPF record", domain);
	}
	if (top) {
		ev->out->record = strndup((const char *)found->data, found->len);
	}
	if (nfound > 1) {
		mc_problems_add(&ev->out->problems, MC_STATUS_FAIL, "spf_multiple_records",
			"%s publishes %d SPF records (TXT records starting with v=spf1); RFC 7208 §4.5 makes that a permerror: merge them into one",
			domain, nfound);
		mc_dns_batch_free(batch);
		return give_up(resp, SPF_RESULT_PERMERROR, SPF_E_MULTIPLE_RECORDS, "Multiple SPF records", domain);
	}

	mc_spf_record parsed;
	if (mc_spf_record_parse((const char *)found->data, found->len, &parsed) < 0) {
		mc_dns_batch_free(batch);
		return give_up(resp, SPF_RESULT_TEMPERROR, SPF_E_NO_MEMORY, "Out of memory", domain);
	}
	if (!parsed.valid) {
		mc_problems_add(&ev->out->problems, MC_STATUS_FAIL, "spf_syntax",
			"The SPF record of %s is not valid at position %zu: %s",
			domain, parsed.error_pos + 1, parsed.error_detail ? parsed.error_detail : parsed.error);
		mc_spf_record_free(&parsed);
		mc_dns_batch_free(batch);
		return give_up(resp, SPF_RESULT_PERMERROR, SPF_E_SYNTAX, "Invalid SPF record", domain);
	}
	/* The validator accepted it, so libspf2's compiler only sees RFC 7208,
	 * in the form it evaluates correctly. */
	char *text = rewrite_record(ev, &parsed, domain);
	mc_spf_record_free(&parsed);
	mc_dns_batch_free(batch);
	if (!text) {
		return give_up(resp, SPF_RESULT_PERMERROR, SPF_E_INVALID_VAR, "Invalid macro", domain);
	}
	err = SPF_record_compile(server, resp, recp, text);
	free(text);
	if (err != SPF_E_SUCCESS) {
		mc_problems_add(&ev->out->problems, MC_STATUS_FAIL, "spf_syntax",
			"The SPF record of %s could not be compiled: %s", domain, SPF_strerror(err));
		return give_up(resp, SPF_RESULT_PERMERROR, err, "Failed to compile SPF record", domain);
	}
	return SPF_E_SUCCESS;
}

static mc_spf_result_code code_from_libspf2(SPF_result_t result)
{
	switch (result) {
		case SPF_RESULT_PASS: return MC_SPF_PASS;
		case SPF_RESULT_FAIL: return MC_SPF_FAIL;
		case SPF_RESULT_SOFTFAIL: return MC_SPF_SOFTFAIL;
		case SPF_RESULT_NEUTRAL: return MC_SPF_NEUTRAL;
		case SPF_RESULT_NONE: return MC_SPF_NONE;
		case SPF_RESULT_TEMPERROR: return MC_SPF_TEMPERROR;
		default: return MC_SPF_PERMERROR;
	}
}

static void add_result_problem(mc_spf_result *out, const mc_ip *ip, const char *ipstr)
{
	const char *d = out->domain ? out->domain : "(none)";
	switch (out->result) {
		case MC_SPF_PASS:
			break;
		case MC_SPF_FAIL:
			mc_problems_add(&out->problems, MC_STATUS_FAIL, "spf_fail",
				"%s is not allowed to send for %s: its SPF record ends in a fail for this IP; add the IP (ip%c:%s) or your provider's include: to the record",
				ipstr, d, ip->family == AF_INET ? '4' : '6', ipstr);
			break;
		case MC_SPF_SOFTFAIL:
			mc_problems_add(&out->problems, MC_STATUS_WARN, "spf_softfail",
				"%s is not listed in the SPF record of %s (~all: softfail); receivers file such mail as suspicious: add the IP (ip%c:%s) to the record",
				ipstr, d, ip->family == AF_INET ? '4' : '6', ipstr);
			break;
		case MC_SPF_NEUTRAL:
			mc_problems_add(&out->problems, MC_STATUS_WARN, "spf_neutral",
				"The SPF record of %s says nothing about %s (neutral): add the IP so that receivers get a pass", d, ipstr);
			break;
		case MC_SPF_NONE:
			if (mc_problems_has(&out->problems, "spf_missing")) {
				break;
			}
			mc_problems_add(&out->problems, MC_STATUS_WARN, "spf_missing",
				"%s publishes no SPF record: add a TXT record such as \"v=spf1 ip%c:%s -all\" (Gmail and Yahoo require SPF or DKIM)",
				d, ip->family == AF_INET ? '4' : '6', ipstr);
			break;
		case MC_SPF_TEMPERROR:
			if (!mc_problems_has(&out->problems, "spf_temperror")) {
				mc_problems_add(&out->problems, MC_STATUS_ERROR, "spf_temperror",
					"SPF of %s could not be evaluated for a DNS failure: receivers will defer or treat the mail as unauthenticated", d);
			}
			break;
		case MC_SPF_PERMERROR:
			if (out->problems.count == 0) {
				mc_problems_add(&out->problems, MC_STATUS_FAIL, "spf_permerror",
					"The SPF record of %s is broken (permerror): receivers treat the mail as if it failed authentication", d);
			}
			break;
	}
}

/* libspf2's server compiles its default explanation and calls uname()
 * when it is made: one per thread, reused; each evaluation reaches it
 * through the resolver's hook. */
static _Thread_local SPF_dns_server_t spf_resolver;
static _Thread_local SPF_server_t *spf_server;
static _Thread_local char spf_rec_dom[256];

static SPF_server_t *thread_server(const char *receiver)
{
	if (!spf_server) {
		memset(&spf_resolver, 0, sizeof(spf_resolver));
		spf_resolver.lookup = lookup;
		spf_resolver.get_spf = get_record;
		spf_resolver.name = "mailcheck";
		spf_server = SPF_server_new_dns(&spf_resolver, 0);
		if (!spf_server) {
			return NULL;
		}
		/* RFC 7208 counts PTR names itself (we cut the answer to 10);
		 * libspf2's own cut-off would call more a permerror. */
		SPF_server_set_max_dns_ptr(spf_server, MC_SPF_MAX_PTR_NAMES + 1);
		spf_rec_dom[0] = '\0';
	}
	if (strncmp(spf_rec_dom, receiver, sizeof(spf_rec_dom)) != 0) {
		SPF_server_set_rec_dom(spf_server, receiver);
		snprintf(spf_rec_dom, sizeof(spf_rec_dom), "%s", receiver);
	}
	return spf_server;
}

static void forget_thread_server(void)
{
	spf_server = NULL;   /* after an escape it may be half-made: not freed */
}

void mc_spf_thread_shutdown(void)
{
	if (spf_server) {
		SPF_server_free(spf_server);
		spf_server = NULL;
	}
}

/* RFC 7208 §6.2: the exp= text, macros expanded; NULL when it is invalid. */
static char *expand_explanation(spf_eval *ev)
{
	mc_spf_macro_env env = {
		.sender = ev->identity, .domain = ev->exp_domain, .helo = ev->helo, .receiver = ev->receiver,
		.validated = NULL, .ip = ev->ip, .now = (long long)time(NULL),
	};
	if (strstr(ev->exp_text, "%{p") || strstr(ev->exp_text, "%{P")) {
		env.validated = validated_name(ev);
	}
	return mc_spf_macro_expand(ev->exp_text, strlen(ev->exp_text), 1, &env);
}

void mc_spf_check(mc_dns *dns, const mc_ip *ip, const char *sender, const char *helo,
		const char *receiver, int64_t deadline_ms, mc_spf_result *out)
{
	char ipstr[MC_IP_STRLEN];
	memset(out, 0, sizeof(*out));
	mc_problems_init(&out->problems);
	mc_ip_format(ip, ipstr);

	/* The identity: MAIL FROM, or HELO when it is empty (§2.4); a sender
	 * without a local part is postmaster@domain (§4.3). */
	const char *at = strrchr(sender, '@');
	const char *domain = at ? at + 1 : sender;
	if (!*sender) {
		out->identity_helo = 1;
		domain = helo ? helo : "";
	}
	out->domain = strdup(domain);
	if ((ip->family == AF_INET && ip->addr[0] == 127)
			|| (ip->family == AF_INET6 && memcmp(ip->addr, "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\1", 16) == 0)) {
		/* libspf2 passes loopback clients without looking at the record;
		 * no receiver ever sees a loopback address, so say so instead. */
		out->result = MC_SPF_NONE;
		mc_problems_add(&out->problems, MC_STATUS_WARN, "spf_loopback_client",
			"%s is a loopback address: receivers never see it as the sending IP; check the public address this host sends from", ipstr);
		goto done;
	}
	char why_buf[160];
	const char *why = mc_name_domain_problem(domain, why_buf, sizeof(why_buf));
	if (why) {
		/* RFC 7208 §4.3: not a multi-label domain name gives none. */
		out->result = MC_SPF_NONE;
		mc_problems_add(&out->problems, MC_STATUS_WARN, "spf_missing",
			"No SPF check is possible for \"%s\": %s (RFC 7208 §4.3)", domain, why);
		goto done;
	}

	spf_eval ev;
	memset(&ev, 0, sizeof(ev));
	ev.dns = dns;
	ev.deadline_ms = deadline_ms;
	ev.out = out;
	ev.ip = ip;
	ev.helo = helo;
	ev.receiver = receiver;
	/* §4.3 / §7.3: the sender as macros see it, postmaster@ filled in. */
	if (!*sender || !at || at == sender) {
		snprintf(ev.identity, sizeof(ev.identity), "postmaster@%s", domain);
	} else {
		snprintf(ev.identity, sizeof(ev.identity), "%s", sender);
	}
	SPF_server_t *volatile server = NULL;
	SPF_request_t *volatile req = NULL;
	SPF_response_t *volatile resp = NULL;

	current_eval = &ev;
	if (setjmp(ev.escape) == 0) {
		server = thread_server(receiver && *receiver ? receiver : "localhost");
		if (server) {
			server->resolver->hook = &ev;
			req = SPF_request_new(server);
			ev.req = req;
		}
		if (req) {
			SPF_response_t *r = NULL;
			if (ip->family == AF_INET) {
				struct in_addr a4;
				memcpy(&a4, ip->addr, 4);
				SPF_request_set_ipv4(req, a4);
			} else {
				struct in6_addr a6;
				memcpy(&a6, ip->addr, 16);
				SPF_request_set_ipv6(req, a6);
			}
			if (helo && *helo) {
				SPF_request_set_helo_dom(req, helo);
			}
			SPF_request_set_env_from(req, *sender ? sender : "");
			SPF_request_query_mailfrom(req, &r);
			resp = r;
		}
	}
	current_eval = NULL;

	if (ev.error[0]) {
		/* libspf2 left through its error handler: trust nothing it holds. */
		forget_thread_server();
		server = NULL;
		out->result = MC_SPF_TEMPERROR;
		mc_problems_add(&out->problems, MC_STATUS_ERROR, "spf_temperror",
			"SPF evaluation stopped on an internal error of libspf2: %s", ev.error);
	} else if (!resp) {
		out->result = MC_SPF_TEMPERROR;
		mc_problems_add(&out->problems, MC_STATUS_ERROR, "spf_temperror", "SPF evaluation could not start (out of memory)");
	} else {
		out->result = code_from_libspf2(SPF_response_result(resp));
	}
	if (out->result == MC_SPF_FAIL && ev.exp_text && ev.limit == LIMIT_NONE) {
		out->explanation = expand_explanation(&ev);
	}

	if (ev.limit == LIMIT_TERMS) {
		out->result = MC_SPF_PERMERROR;
		mc_problems_add(&out->problems, MC_STATUS_FAIL, "spf_too_many_lookups",
			"The SPF record of %s needs more than %d DNS lookups (include, a, mx, ptr, exists, redirect, counted through includes): RFC 7208 §4.6.4 makes that a permerror; "
			"flatten includes or drop unused ones", domain, MC_SPF_MAX_DNS_TERMS);
	} else if (ev.limit == LIMIT_VOID) {
		out->result = MC_SPF_PERMERROR;
		mc_problems_add(&out->problems, MC_STATUS_FAIL, "spf_void_lookups",
			"The SPF record of %s makes more than %d lookups that find nothing (void lookups): RFC 7208 §4.6.4 makes that a permerror; "
			"remove the mechanisms that name domains without records", domain, MC_SPF_MAX_VOID_LOOKUPS);
	} else if (out->result == MC_SPF_TEMPERROR && ev.dns_trouble != MC_DNS_OK) {
		char what[MC_DNS_NAME_BUF + 16];
		snprintf(what, sizeof(what), "%s (SPF)", ev.trouble_name);
		mc_dns_add_problem(dns, &out->problems, ev.dns_trouble, what);
	}

	if (resp) {
		const char *header = SPF_response_get_received_spf(resp);
		if (header && out->result == code_from_libspf2(SPF_response_result(resp))) {
			out->received_spf = strdup(header);
		}
		SPF_response_free(resp);
	}
	if (!out->received_spf) {
		const char *r = mc_spf_result_name(out->result);
		size_t len = strlen(r) + strlen(ipstr) + strlen(sender) + (helo ? strlen(helo) : 0) + 128;
		out->received_spf = malloc(len);
		if (out->received_spf) {
			snprintf(out->received_spf, len, "Received-SPF: %s client-ip=%s; envelope-from=\"%s\"; helo=%s;",
				r, ipstr, sender, helo ? helo : "");
		}
	}
	if (req) {
		SPF_request_free(req);
	}
	if (server) {
		server->resolver->hook = NULL;
	}
	clear_secondary(&ev);
	free(ev.exp_text);
	free(ev.exp_domain);
	free(ev.validated);
	for (size_t i = 0; i < ev.naliases; i++) {
		free(ev.alias_real[i]);
	}
	free(ev.alias_real);
	free(ev.alias_kind);

done:
	if (!mc_problems_has(&out->problems, "spf_loopback_client")) {
		add_result_problem(out, ip, ipstr);
	}
	switch (out->result) {
		case MC_SPF_PASS: out->status = MC_STATUS_OK; break;
		case MC_SPF_NEUTRAL: case MC_SPF_NONE: case MC_SPF_SOFTFAIL: out->status = MC_STATUS_WARN; break;
		case MC_SPF_FAIL: case MC_SPF_PERMERROR: out->status = MC_STATUS_FAIL; break;
		case MC_SPF_TEMPERROR: out->status = MC_STATUS_ERROR; break;
	}
}

void mc_spf_result_free(mc_spf_result *result)
{
	free(result->domain);
	free(result->record);
	free(result->explanation);
	free(result->received_spf);
	mc_problems_free(&result->problems);
	memset(result, 0, sizeof(*result));
}
