#include "mc_spf.h"
#include "mc_spf_record.h"
#include "mc_spf_macro.h"
#include "mc_spf_prefetch.h"
#include "mc_ptr.h"
#include "mc_name.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <arpa/nameser.h>
#include <netdb.h>
#include <spf2/spf.h>
#include <spf2/spf_dns.h>

typedef enum { LIMIT_NONE = 0, LIMIT_TERMS, LIMIT_VOID, LIMIT_MX } limit_hit;

/* A record libspf2 evaluated, as far as the explanation needs it. */
typedef struct {
	char *domain;
	char *exp_spec;        /* the exp= domain-spec, unexpanded, or NULL */
	long redirect_of;      /* the record whose redirect= fetched this one, or -1 */
} seen_record;

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
	/* Address lookups of MX hosts that found nothing: RFC 7208 does not
	 * count them as void, pyspf does (see MC_SPF_STRICT_VOID). */
	int empty_mx_hosts;
	int last_term_mx;               /* the last term looked up was an MX */
	SPF_request_t *req;
	mc_dns_batch *live_batch;       /* freed here if libspf2 escapes mid-lookup */
	/* For expanding macros ourselves (see rewrite_record). */
	const mc_ip *ip;
	const char *helo;
	const char *receiver;
	char identity[600];             /* the sender, postmaster@ filled in */
	int validated_done;
	char *validated;                /* %{p}: the IP's confirmed name */
	/* Every domain libspf2 is to look up is written as a stand-in name, so
	 * that a lookup tells which term asked (see lookup()). */
	char **alias_real;
	int *alias_kind;
	long *alias_redirect_of;
	size_t naliases;
	seen_record *records;
	size_t nrecords;
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
		/* FORMERR, NOTIMP, any other rcode, a CNAME loop, an answer that
		 * does not parse: RFC 7208 §5 and §4.4 make every DNS error other
		 * than NXDOMAIN a temperror, never "no such address". */
		default: return TRY_AGAIN;
	}
}

static void note_trouble(spf_eval *ev, const mc_dns_answer *a, const char *name)
{
	if (a && a->status != MC_DNS_OK && a->status != MC_DNS_NXDOMAIN && a->status != MC_DNS_NODATA) {
		ev->dns_trouble = a->status;
		snprintf(ev->trouble_name, sizeof(ev->trouble_name), "%s", name);
	}
}

/* One lookup in a batch of its own, kept in ev->live_batch until the
 * caller frees it with end_lookup(): libspf2 may leave through its error
 * handler while the answer is in use. */
static const mc_dns_answer *ask(spf_eval *ev, const char *name, uint16_t type)
{
	mc_dns_batch *batch = mc_dns_batch_new(ev->dns, ev->deadline_ms);
	mc_dns_query *q = batch ? mc_dns_batch_add(batch, name, type) : NULL;
	ev->live_batch = batch;
	if (!q) {
		return NULL;
	}
	mc_dns_batch_wait(batch);
	note_trouble(ev, q->answer, name);
	return q->answer;
}

static void end_lookup(spf_eval *ev)
{
	mc_dns_batch_free(ev->live_batch);
	ev->live_batch = NULL;
}

static long alias_index(const spf_eval *ev, const char *name);

/* Answers the A query of an "exists:" that stands for a/0 or mx/0: one
 * address when the name (or one of its first 10 MX hosts) has an address
 * of the client's family, none otherwise. */
static SPF_dns_rr_t *answer_any_address(SPF_dns_server_t *server, spf_eval *ev, const char *asked,
		const char *name, int kind)
{
	uint16_t family_type = ev->ip->family == AF_INET ? MC_DNS_T_A : MC_DNS_T_AAAA;
	const mc_dns_answer *a = mc_name_is_askable(name)
		? ask(ev, name, kind == ALIAS_ANY_ADDRESS ? family_type : MC_DNS_T_MX) : NULL;
	mc_dns_status status = a ? a->status : MC_DNS_NXDOMAIN;
	int found = 0;

	if ((status == MC_DNS_NXDOMAIN || status == MC_DNS_NODATA) && !count_void(ev)) {
		status = MC_DNS_TIMEOUT; /* stops the evaluation: the limit makes it a permerror */
	} else if (status == MC_DNS_OK && kind != ALIAS_ANY_ADDRESS && a->count > MC_SPF_MAX_MX_NAMES) {
		/* §4.6.4: as libspf2 does for a plain mx, which this stands for. */
		ev->limit = LIMIT_MX;
		status = MC_DNS_TIMEOUT;
	} else if (status == MC_DNS_OK && kind == ALIAS_ANY_ADDRESS) {
		found = a->count > 0;
	} else if (status == MC_DNS_OK) {
		mc_dns_batch *hosts = mc_dns_batch_new(ev->dns, ev->deadline_ms);
		mc_dns_query *qs[MC_SPF_MAX_MX_NAMES] = {0};
		size_t n = a->count < MC_SPF_MAX_MX_NAMES ? a->count : MC_SPF_MAX_MX_NAMES;
		for (size_t i = 0; hosts && i < n; i++) {
			qs[i] = mc_dns_batch_add(hosts, (const char *)a->rrs[i].data, family_type);
		}
		if (hosts) {
			mc_dns_batch_wait(hosts);
		}
		for (size_t i = 0; i < n; i++) {
			const mc_dns_answer *h = qs[i] ? qs[i]->answer : NULL;
			found |= h && h->status == MC_DNS_OK && h->count > 0;
			ev->empty_mx_hosts += h && (h->status == MC_DNS_NXDOMAIN || h->status == MC_DNS_NODATA);
			note_trouble(ev, h, (const char *)a->rrs[i].data);
			if (h && h->status != MC_DNS_OK && h->status != MC_DNS_NXDOMAIN && h->status != MC_DNS_NODATA && !found) {
				status = h->status;
			}
		}
		mc_dns_batch_free(hosts);
		if (found) {
			status = MC_DNS_OK;
		}
	}
	end_lookup(ev);

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

/* libspf2's DNS layer. Every domain of a rewritten record is a stand-in
 * name, so a lookup of a stand-in is a term (a, mx, exists: counted), and
 * an address lookup of a real name can only be libspf2 following an MX
 * or PTR answer (part of that term, RFC 7208 §4.6.4). libspf2 never asks
 * for TXT here: records come through get_record(), and exp= never reaches
 * it. */
static SPF_dns_rr_t *lookup(SPF_dns_server_t *server, const char *domain, ns_type type, int should_cache)
{
	spf_eval *ev = server->hook;
	const char *raw = domain;
	long alias = alias_index(ev, raw);
	int address = type == ns_t_a || type == ns_t_aaaa;
	int term = alias >= 0 || type == ns_t_mx || type == ns_t_ptr;
	domain = real_name(ev, domain);

	if (!term && !address) {
		return SPF_dns_rr_new_init(server, domain, type, 0, HOST_NOT_FOUND);
	}
	if (ev->limit != LIMIT_NONE || (term && !count_term(ev))) {
		/* Stops the evaluation at once; the result becomes permerror. */
		return SPF_dns_rr_new_init(server, domain, type, 0, TRY_AGAIN);
	}
	if (term) {
		ev->last_term_mx = type == ns_t_mx;
	}
	if (alias >= 0 && ev->alias_kind[alias] != ALIAS_NAME) {
		return answer_any_address(server, ev, raw, domain, ev->alias_kind[alias]);
	}
	if (!mc_name_is_askable(domain)) {
		if (term && !count_void(ev)) {
			return SPF_dns_rr_new_init(server, domain, type, 0, TRY_AGAIN);
		}
		ev->empty_mx_hosts += !term && ev->last_term_mx;
		return SPF_dns_rr_new_init(server, domain, type, 0, HOST_NOT_FOUND);
	}

	const mc_dns_answer *a = ask(ev, domain, (uint16_t)type);
	mc_dns_status status = a ? a->status : MC_DNS_ERROR;
	/* An MX answer whose hosts are all unusable names had records: no
	 * void lookup (§4.6.4), just nothing to match. */
	int empty = (status == MC_DNS_NXDOMAIN || status == MC_DNS_NODATA) && !(a && a->unusable > 0);
	if (term && empty && !count_void(ev)) {
		end_lookup(ev);
		return SPF_dns_rr_new_init(server, domain, type, 0, TRY_AGAIN);
	}
	ev->empty_mx_hosts += !term && empty && ev->last_term_mx;

	SPF_dns_stat_t herrno = herrno_for(status);
	if (!term && !ev->last_term_mx && herrno == TRY_AGAIN) {
		herrno = NO_DATA;  /* §5.5: a PTR name whose address lookup fails is skipped */
	}
	SPF_dns_rr_t *rr = SPF_dns_rr_new_init(server, domain, type, a ? (int)a->ttl : 0, herrno);
	if (!rr || status != MC_DNS_OK) {
		end_lookup(ev);
		return rr;
	}
	size_t n = a->count;
	if (type == ns_t_ptr && n > MC_SPF_MAX_PTR_NAMES) {
		n = MC_SPF_MAX_PTR_NAMES; /* §4.6.4: the rest MUST be ignored */
	}
	for (size_t i = 0; i < n; i++) {
		const mc_dns_rr *src = &a->rrs[i];
		size_t len = address ? src->len : src->len + 1;
		/* A name in an answer that reads like a stand-in would pass for
		 * another term: such a host cannot exist (.invalid), so it is left
		 * out, as the resolving ahead leaves it out. */
		if (!address && mc_spf_is_standin((const char *)src->data)) {
			continue;
		}
		if (SPF_dns_rr_buf_realloc(rr, rr->num_rr, len) != SPF_E_SUCCESS) {
			break;
		}
		memcpy(rr->rr[rr->num_rr], src->data, len);
		rr->num_rr++;
	}
	end_lookup(ev);
	return rr;
}

static SPF_errcode_t give_up(SPF_response_t *resp, SPF_result_t result, SPF_errcode_t err, const char *why, const char *domain)
{
	resp->result = result;
	resp->reason = SPF_REASON_FAILURE;
	return SPF_response_add_error(resp, err, "%s for '%s'", why, domain);
}

#define ALIAS_SUFFIX MC_SPF_STANDIN_SUFFIX

int mc_spf_is_standin(const char *name)
{
	size_t len = strlen(name), slen = strlen(ALIAS_SUFFIX);
	return len >= slen && strcasecmp(name + len - slen, ALIAS_SUFFIX) == 0;
}

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

/* How a domain-spec is written for libspf2. */
typedef enum {
	SPEC_LOOKED_UP,   /* a name libspf2 will look up: always a stand-in */
	SPEC_COMPARED     /* ptr:'s domain, only compared with PTR names: literal when plain */
} spec_use;

/* A domain as libspf2 will see it: cut to 253 octets from the left (RFC
 * 7208 §7.3), and written as a stand-in name (or, for ptr:, literally
 * when it is plain LDH). redirect_of: the record this is the redirect= of,
 * else -1. emit_domain() expands the macros of a domain-spec first (§7).
 * Return 0, or -1 when the expansion is invalid. */
static int emit_name(textbuf *t, spf_eval *ev, const char *name, int kind, spec_use use, long redirect_of)
{
	const char *cut = name;
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
	if (plain && use == SPEC_COMPARED) {
		emits(t, cut);
		return 0;
	}
	size_t n = ev->naliases;
	char **real = realloc(ev->alias_real, (n + 1) * sizeof(char *));
	if (real) {
		ev->alias_real = real;
	}
	int *kinds = real ? realloc(ev->alias_kind, (n + 1) * sizeof(int)) : NULL;
	if (kinds) {
		ev->alias_kind = kinds;
	}
	long *redirects = kinds ? realloc(ev->alias_redirect_of, (n + 1) * sizeof(long)) : NULL;
	if (redirects) {
		ev->alias_redirect_of = redirects;
	}
	if (!redirects || !(ev->alias_real[n] = strdup(cut))) {
		return -1;
	}
	ev->alias_kind[n] = kind;
	ev->alias_redirect_of[n] = redirect_of;
	ev->naliases++;
	char stand_in[64];
	snprintf(stand_in, sizeof(stand_in), "mc%zu" ALIAS_SUFFIX, n);
	emits(t, stand_in);
	return 0;
}

static int emit_domain(textbuf *t, spf_eval *ev, const char *spec, const char *cur_dom, int kind,
		spec_use use, long redirect_of)
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
	int rc = emit_name(t, ev, name, kind, use, redirect_of);
	free(name);
	return rc;
}

/* A term's domain-spec, or the current domain (already expanded) when
 * the term has none. */
static int emit_term_domain(textbuf *t, spf_eval *ev, const mc_spf_term *term, const char *cur_dom,
		int kind, spec_use use)
{
	return term->domain_spec ? emit_domain(t, ev, term->domain_spec, cur_dom, kind, use, -1)
		: emit_name(t, ev, cur_dom, kind, use, -1);
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
 * mangles %_ and %-), every looked-up domain a stand-in name, unknown
 * modifiers and exp= dropped (exp= is ours: see fetch_explanation()),
 * redirect= last and dropped when "all" is present (§6.1), and CIDR
 * lengths of 0, which libspf2's compiler refuses, replaced by equivalent
 * terms where one exists for this client's address family. self: this
 * record's index in ev->records. Returns a malloc'd record, or NULL. */
static char *rewrite_record(spf_eval *ev, const mc_spf_record *rec, const char *cur_dom, long self)
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
					if (emit_term_domain(&t, ev, term, cur_dom,
							term->kind == MC_SPF_M_A ? ALIAS_ANY_ADDRESS : ALIAS_MX_ANY_ADDRESS, SPEC_LOOKED_UP) < 0) {
						goto invalid;
					}
					break;
				}
				/* The current domain written out: its lookup must come
				 * with a stand-in like every other. */
				emits(&t, names[term->kind]);
				emits(&t, ":");
				if (emit_term_domain(&t, ev, term, cur_dom, ALIAS_NAME, SPEC_LOOKED_UP) < 0) {
					goto invalid;
				}
				emit_cidr(&t, v4 ? "/" : "//", len);
				break;
			}
			default:
				/* all has no domain; ptr compares with the current domain,
				 * which for an include is a stand-in: write it out too. */
				emits(&t, names[term->kind]);
				if (term->kind != MC_SPF_M_ALL) {
					emits(&t, ":");
					if (emit_term_domain(&t, ev, term, cur_dom, ALIAS_NAME,
							term->kind == MC_SPF_M_PTR ? SPEC_COMPARED : SPEC_LOOKED_UP) < 0) {
						goto invalid;
					}
				}
				break;
		}
	}
	if (rec->redirect_index >= 0 && !rec->has_all) {
		emits(&t, " redirect=");
		if (emit_domain(&t, ev, rec->terms[rec->redirect_index].domain_spec, cur_dom, ALIAS_NAME,
				SPEC_LOOKED_UP, self) < 0) {
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

/* Notes a record libspf2 is about to evaluate; its index, or -1. */
static long note_record(spf_eval *ev, const char *domain, const mc_spf_record *rec, long redirect_of)
{
	seen_record *grown = realloc(ev->records, (ev->nrecords + 1) * sizeof(*grown));
	if (!grown) {
		return -1;
	}
	ev->records = grown;
	seen_record *r = &ev->records[ev->nrecords];
	r->domain = strdup(domain);
	r->exp_spec = rec->exp_index >= 0 ? strdup(rec->terms[rec->exp_index].domain_spec) : NULL;
	r->redirect_of = redirect_of;
	if (!r->domain) {
		free(r->exp_spec);
		return -1;
	}
	return (long)ev->nrecords++;
}

/* Fetches the record of spf_request->cur_dom: for the domain checked, and
 * for every include: and redirect=. Our validator sees each record before
 * libspf2's compiler does. */
static SPF_errcode_t get_record(SPF_server_t *server, SPF_request_t *req, SPF_response_t *resp, SPF_record_t **recp)
{
	spf_eval *ev = server->resolver->hook;
	long alias = alias_index(ev, req->cur_dom);
	const char *domain = real_name(ev, req->cur_dom);
	int top = ev->records_fetched++ == 0;
	*recp = NULL;

	if (ev->limit != LIMIT_NONE || (!top && !count_term(ev))) {
		return give_up(resp, SPF_RESULT_TEMPERROR, SPF_E_BIG_DNS, "DNS term limit", domain);
	}
	ev->last_term_mx = 0;
	if (!mc_name_is_askable(domain)) {
		return give_up(resp, top ? SPF_RESULT_NONE : SPF_RESULT_PERMERROR, SPF_E_NOT_SPF, "Invalid domain", domain);
	}
	const mc_dns_answer *a = ask(ev, domain, MC_DNS_T_TXT);
	mc_dns_status status = a ? a->status : MC_DNS_ERROR;
	SPF_errcode_t err;

	if (status == MC_DNS_NXDOMAIN || status == MC_DNS_NODATA) {
		end_lookup(ev);
		if (!top && !count_void(ev)) {
			return give_up(resp, SPF_RESULT_TEMPERROR, SPF_E_BIG_DNS, "Void lookup limit", domain);
		}
		return give_up(resp, SPF_RESULT_NONE, SPF_E_NOT_SPF, "No SPF record", domain);
	}
	if (status != MC_DNS_OK) {
		end_lookup(ev);
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
		end_lookup(ev);
		return give_up(resp, SPF_RESULT_NONE, SPF_E_NOT_SPF, "No SPF record", domain);
	}
	if (top) {
		ev->out->record = strndup((const char *)found->data, found->len);
	}
	if (nfound > 1) {
		end_lookup(ev);
		mc_problems_add(&ev->out->problems, MC_STATUS_FAIL, "spf_multiple_records",
			"%s publishes %d SPF records (TXT records starting with v=spf1); RFC 7208 §4.5 makes that a permerror: merge them into one",
			domain, nfound);
		return give_up(resp, SPF_RESULT_PERMERROR, SPF_E_MULTIPLE_RECORDS, "Multiple SPF records", domain);
	}

	mc_spf_record parsed;
	int parsed_ok = mc_spf_record_parse((const char *)found->data, found->len, &parsed) == 0;
	end_lookup(ev);
	if (!parsed_ok) {
		return give_up(resp, SPF_RESULT_TEMPERROR, SPF_E_NO_MEMORY, "Out of memory", domain);
	}
	if (!parsed.valid) {
		mc_problems_add(&ev->out->problems, MC_STATUS_FAIL, "spf_syntax",
			"The SPF record of %s is not valid at position %zu: %s",
			domain, parsed.error_pos + 1, parsed.error_detail ? parsed.error_detail : parsed.error);
		mc_spf_record_free(&parsed);
		return give_up(resp, SPF_RESULT_PERMERROR, SPF_E_SYNTAX, "Invalid SPF record", domain);
	}
	/* The validator accepted it, so libspf2's compiler only sees RFC 7208,
	 * in the form it evaluates correctly. */
	long self = note_record(ev, domain, &parsed, alias >= 0 ? ev->alias_redirect_of[alias] : -1);
	char *text = self >= 0 ? rewrite_record(ev, &parsed, domain, self) : NULL;
	mc_spf_record_free(&parsed);
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
			if (mc_problems_has(&out->problems, "spf_missing") || mc_problems_has(&out->problems, "spf_invalid_identity")) {
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
			if (mc_problems_status(&out->problems) != MC_STATUS_FAIL) {
				mc_problems_add(&out->problems, MC_STATUS_FAIL, "spf_permerror",
					"The SPF record of %s is broken (permerror): receivers treat the mail as if it failed authentication", d);
			}
			break;
	}
}

/* libspf2's server compiles its default explanation and calls uname()
 * when it is made: one per resolver context (so per thread), reused and
 * freed with it; each evaluation reaches it through the resolver's hook. */
typedef struct {
	SPF_dns_server_t resolver;
	SPF_server_t *server;
	char rec_dom[256];
} spf_engine;

static void spf_engine_free(void *data)
{
	spf_engine *engine = data;
	if (engine->server) {
		SPF_server_free(engine->server);
	}
	free(engine);
}

/* libspf2 expands its default explanation with the sender's parts, in
 * the code of CVE-2021-20314: give it text without macros. Ours is made
 * by fetch_explanation(). */
#define ENGINE_EXPLANATION "SPF policy of the domain"

static spf_engine *engine_for(mc_dns *dns, const char *receiver)
{
	spf_engine *engine = mc_dns_attachment(dns);
	if (!engine) {
		engine = calloc(1, sizeof(*engine));
		if (!engine) {
			return NULL;
		}
		engine->resolver.lookup = lookup;
		engine->resolver.get_spf = get_record;
		engine->resolver.name = "mailcheck";
		engine->server = SPF_server_new_dns(&engine->resolver, 0);
		SPF_response_t *resp = NULL;
		if (!engine->server || SPF_server_set_explanation(engine->server, ENGINE_EXPLANATION, &resp) != SPF_E_SUCCESS) {
			SPF_response_free(resp);
			spf_engine_free(engine);
			return NULL;
		}
		SPF_response_free(resp);
		/* RFC 7208 counts PTR names itself (we cut the answer to 10);
		 * libspf2's own cut-off would call more a permerror. */
		SPF_server_set_max_dns_ptr(engine->server, MC_SPF_MAX_PTR_NAMES + 1);
		mc_dns_attach(dns, engine, spf_engine_free);
	}
	if (strncmp(engine->rec_dom, receiver, sizeof(engine->rec_dom)) != 0) {
		SPF_server_set_rec_dom(engine->server, receiver);
		snprintf(engine->rec_dom, sizeof(engine->rec_dom), "%s", receiver);
	}
	return engine;
}

/* Whether s holds a byte that must never reach a header or a parser as
 * text: a control character. */
static int has_control(const char *s)
{
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c < 0x20 || c == 0x7f) {
			return 1;
		}
	}
	return 0;
}

/* RFC 7208 §6.2: the explanation of a fail, from the exp= of the record
 * that decided it (the checked domain's, or the end of its redirect=
 * chain; never an include's), fetched, validated and expanded by us.
 * NULL when there is none; a broken one is reported, as receivers will
 * fall back to their default text. */
static char *fetch_explanation(spf_eval *ev)
{
	if (ev->nrecords == 0) {
		return NULL;
	}
	long decided = 0;
	for (size_t i = 1; i < ev->nrecords; i++) {
		if (ev->records[i].redirect_of == decided) {
			decided = (long)i;
		}
	}
	const seen_record *rec = &ev->records[decided];
	if (!rec->exp_spec) {
		return NULL;
	}
	mc_spf_macro_env env = {
		.sender = ev->identity, .domain = rec->domain, .helo = ev->helo, .receiver = ev->receiver,
		.validated = NULL, .ip = ev->ip, .now = (long long)time(NULL),
	};
	if (strstr(rec->exp_spec, "%{p") || strstr(rec->exp_spec, "%{P")) {
		env.validated = validated_name(ev);
	}
	const char *why = NULL;
	char *text = NULL;
	char *name = mc_spf_macro_expand(rec->exp_spec, strlen(rec->exp_spec), 0, &env);
	char *cut = name;
	while (cut && strlen(cut) > 253 && strchr(cut, '.')) {
		cut = strchr(cut, '.') + 1;
	}
	if (!cut || !mc_name_is_askable(cut)) {
		why = "its exp= names no usable domain";
	} else {
		const mc_dns_answer *a = ask(ev, cut, MC_DNS_T_TXT);
		if (!a || a->status != MC_DNS_OK) {
			why = a && (a->status == MC_DNS_NXDOMAIN || a->status == MC_DNS_NODATA)
				? "the exp= domain has no TXT record" : NULL;
		} else if (a->count != 1) {
			why = "the exp= domain has more than one TXT record";
		} else {
			const char *raw = (const char *)a->rrs[0].data;
			if (strlen(raw) != a->rrs[0].len) {
				why = "the explanation holds a NUL byte";
			} else {
				if (!env.validated && (strstr(raw, "%{p") || strstr(raw, "%{P"))) {
					env.validated = validated_name(ev);
				}
				text = mc_spf_macro_expand(raw, a->rrs[0].len, 1, &env);
				if (!text) {
					why = "the explanation is not a valid macro-string";
				} else if (has_control(text)) {
					why = "the explanation holds control characters";
				} else if (strlen(text) > MC_SPF_MAX_EXPLANATION) {
					why = "the expanded explanation is longer than an SMTP reply can carry";
				}
				if (why) {
					free(text);
					text = NULL;
				}
			}
		}
		end_lookup(ev);
	}
	if (why) {
		mc_problems_add(&ev->out->problems, MC_STATUS_WARN, "spf_exp_invalid",
			"The SPF record of %s has an exp= explanation receivers cannot use (%s): they show their default text instead",
			rec->domain, why);
	}
	free(name);
	return text;
}

/* A quoted-string (RFC 5322 §3.2.4) of s, which holds no control bytes. */
static void emit_quoted(textbuf *t, const char *s)
{
	emits(t, "\"");
	for (; *s; s++) {
		if (*s == '"' || *s == '\\') {
			emits(t, "\\");
		}
		emit(t, s, 1);
	}
	emits(t, "\"");
}

/* The Received-SPF header of RFC 7208 §9.1, made here rather than taken
 * from libspf2, whose fixed 480-byte buffer cuts long values short and
 * which writes envelope-from unquoted. */
static char *received_spf(const mc_spf_result *out, const char *ipstr, const char *sender,
		const char *helo, const char *receiver)
{
	static const char *const comments[] = {
		[MC_SPF_NONE] = "domain of %s does not provide an SPF record",
		[MC_SPF_NEUTRAL] = "%2$s is neither permitted nor denied by domain of %1$s",
		[MC_SPF_PASS] = "domain of %s designates %s as permitted sender",
		[MC_SPF_FAIL] = "domain of %s does not designate %s as permitted sender",
		[MC_SPF_SOFTFAIL] = "transitioning domain of %s does not designate %s as permitted sender",
		[MC_SPF_TEMPERROR] = "error in processing during lookup of domain of %s",
		[MC_SPF_PERMERROR] = "domain of %s uses a broken SPF record",
	};
	const char *domain = out->domain && mc_name_is_hostname(out->domain, 0) ? out->domain : "(none)";
	const char *host = receiver && mc_name_is_hostname(receiver, 0) ? receiver : "localhost";
	char comment[MC_NAME_MAX * 2 + 128];
	snprintf(comment, sizeof(comment), comments[out->result], domain, ipstr);

	textbuf t = {0};
	emits(&t, "Received-SPF: ");
	emits(&t, mc_spf_result_name(out->result));
	emits(&t, " (");
	emits(&t, host);
	emits(&t, ": ");
	emits(&t, comment);
	emits(&t, ") receiver=");
	emits(&t, host);
	emits(&t, "; client-ip=");
	emits(&t, ipstr);
	emits(&t, "; envelope-from=");
	emit_quoted(&t, sender);
	emits(&t, "; helo=");
	if (helo && mc_name_is_hostname(helo, 0)) {
		emits(&t, helo);
	} else {
		emit_quoted(&t, helo ? helo : "");
	}
	emits(&t, out->identity_helo ? "; identity=helo;" : "; identity=mailfrom;");
	if (t.failed) {
		free(t.buf);
		return NULL;
	}
	return t.buf;
}

static void free_eval(spf_eval *ev)
{
	end_lookup(ev);
	free(ev->validated);
	for (size_t i = 0; i < ev->naliases; i++) {
		free(ev->alias_real[i]);
	}
	free(ev->alias_real);
	free(ev->alias_kind);
	free(ev->alias_redirect_of);
	for (size_t i = 0; i < ev->nrecords; i++) {
		free(ev->records[i].domain);
		free(ev->records[i].exp_spec);
	}
	free(ev->records);
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
	spf_eval ev;
	memset(&ev, 0, sizeof(ev));
	int controls = has_control(sender) || has_control(helo) || has_control(receiver);
	if (controls) {
		/* The bindings refuse these; the core never lets them near a header. */
		out->result = MC_SPF_NONE;
		free(out->domain);
		out->domain = NULL;
		mc_problems_add(&out->problems, MC_STATUS_FAIL, "spf_invalid_identity",
			"The sender or HELO name holds control characters: no SPF check is possible");
		goto done;
	}
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
	if (why && !*domain) {
		out->result = MC_SPF_NONE;
		mc_problems_add(&out->problems, MC_STATUS_WARN, "spf_missing",
			"No SPF check is possible without a sender or a HELO name (RFC 7208 §4.3)");
		goto done;
	}
	if (why) {
		/* RFC 7208 §4.3: not a multi-label domain name gives none; receivers
		 * refuse such a sender outright, so it fails here. */
		out->result = MC_SPF_NONE;
		if (!*sender) {
			mc_problems_add(&out->problems, MC_STATUS_FAIL, "spf_invalid_identity",
				"The HELO name \"%s\" is no domain SPF can check (%s): SPF gives none, and receivers distrust the mail; announce the server's FQDN (postfix: myhostname)",
				domain, why);
		} else if (domain == sender) {
			mc_problems_add(&out->problems, MC_STATUS_FAIL, "spf_invalid_identity",
				"The sender \"%s\" is no mail address SPF can check (%s): SPF gives none, and receivers refuse such a sender; send from an address at your domain, e.g. noreply@example.com",
				sender, why);
		} else {
			mc_problems_add(&out->problems, MC_STATUS_FAIL, "spf_invalid_identity",
				"The sender \"%s\" has no domain SPF can check: \"%s\" is no domain name (%s); SPF gives none, and receivers refuse such a sender; send from an address at your domain",
				sender, domain, why);
		}
		goto done;
	}

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
	if (mc_dns_prefetch_enabled(dns)) {
		mc_spf_macro_env env = {
			.sender = ev.identity, .domain = domain, .helo = helo, .receiver = receiver,
			.validated = NULL, .ip = ip, .now = (long long)time(NULL),
		};
		mc_spf_prefetch(dns, domain, &env, deadline_ms);
	}
	spf_engine *engine = engine_for(dns, receiver && *receiver ? receiver : "localhost");
	SPF_request_t *volatile req = NULL;
	SPF_response_t *volatile resp = NULL;

	if (engine) {
		engine->resolver.hook = &ev;
		current_eval = &ev;
		if (setjmp(ev.escape) == 0) {
			req = SPF_request_new(engine->server);
			ev.req = req;
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
		engine->resolver.hook = NULL;
	}

	if (ev.error[0]) {
		/* libspf2 left through its error handler: what the evaluation held
		 * inside it (the response, compiled records) is lost, see
		 * docs/security.md; the request and the server, which hold
		 * nothing half-made, are freed below. */
		out->result = MC_SPF_TEMPERROR;
		mc_problems_add(&out->problems, MC_STATUS_ERROR, "spf_temperror",
			"SPF evaluation stopped on an internal error of libspf2: %s", ev.error);
	} else if (!resp) {
		out->result = MC_SPF_TEMPERROR;
		mc_problems_add(&out->problems, MC_STATUS_ERROR, "spf_temperror", "SPF evaluation could not start (out of memory)");
	} else {
		out->result = code_from_libspf2(SPF_response_result(resp));
	}
	if (resp) {
		SPF_response_free(resp);
	}
	if (req) {
		SPF_request_free(req);
	}
	if (ev.error[0]) {
		mc_dns_attach(dns, NULL, NULL);  /* a new server next time */
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
	} else if (ev.limit == LIMIT_MX) {
		out->result = MC_SPF_PERMERROR;
		mc_problems_add(&out->problems, MC_STATUS_FAIL, "spf_permerror",
			"The SPF record of %s has an mx term for a domain with more than %d MX records: RFC 7208 §4.6.4 makes that a permerror; "
			"use ip4:/ip6: for the mail hosts instead", domain, MC_SPF_MAX_MX_NAMES);
	} else if (out->result == MC_SPF_TEMPERROR && ev.dns_trouble != MC_DNS_OK) {
		char what[MC_DNS_NAME_BUF + 16];
		snprintf(what, sizeof(what), "%s (SPF)", ev.trouble_name);
		mc_dns_add_problem(dns, &out->problems, ev.dns_trouble, what);
	}
	if (ev.limit == LIMIT_NONE && out->result != MC_SPF_TEMPERROR
			&& out->void_lookups + ev.empty_mx_hosts > MC_SPF_MAX_VOID_LOOKUPS) {
		mc_problems_add(&out->problems, MC_STATUS_WARN, "spf_void_lookups_strict",
			"The SPF record of %s makes %d void lookups, counting %d MX hosts without an address as void: within RFC 7208's limit of %d, "
			"but receivers that count MX hosts so (pyspf, behind Postfix's policyd-spf) answer permerror; give the MX hosts addresses or drop the mx terms",
			domain, out->void_lookups + ev.empty_mx_hosts, ev.empty_mx_hosts, MC_SPF_MAX_VOID_LOOKUPS);
	}
	if (out->result == MC_SPF_FAIL && ev.limit == LIMIT_NONE && !ev.error[0]) {
		out->explanation = fetch_explanation(&ev);
	}

done:
	free_eval(&ev);
	if (controls) {
		goto status;   /* no header and no advice can quote such an identity */
	}
	out->received_spf = received_spf(out, ipstr, ev.identity[0] ? ev.identity : sender, helo, receiver);
	if (!mc_problems_has(&out->problems, "spf_loopback_client")) {
		add_result_problem(out, ip, ipstr);
	}
status:
	switch (out->result) {
		case MC_SPF_PASS: out->status = MC_STATUS_OK; break;
		case MC_SPF_NEUTRAL: case MC_SPF_NONE: case MC_SPF_SOFTFAIL: out->status = MC_STATUS_WARN; break;
		case MC_SPF_FAIL: case MC_SPF_PERMERROR: out->status = MC_STATUS_FAIL; break;
		case MC_SPF_TEMPERROR: out->status = MC_STATUS_ERROR; break;
	}
	if (out->status < mc_problems_status(&out->problems)) {
		out->status = mc_problems_status(&out->problems);
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
