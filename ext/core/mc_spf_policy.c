#include "mc_spf_policy.h"
#include "mc_spf_record.h"
#include "mc_name.h"
#include "mc_ip.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MC_SPF_POLICY_MAX_VOID 2      /* RFC 7208 §4.6.4 */
#define VOID_NAMES_SHOWN 3
#define SHOWN_BUF 200                 /* a name as quoted in a message */

/* One a:/mx:/exists: target resolved to count void lookups. */
typedef struct {
	const mc_spf_node *node;          /* the record with the term */
	mc_spf_term_kind kind;
	char *name;                       /* the name asked, in query form */
	mc_dns_query *q1, *q2;            /* a: A and AAAA; mx: MX; exists: A */
} term_lookup;

typedef struct {
	term_lookup *items;
	size_t count, cap;
} term_list;

/* The first lookup that failed with each DNS status, to report it once. */
typedef struct {
	char what[MC_DNS_NAME_BUF + SHOWN_BUF + 64];
	int count;
} trouble;

typedef struct {
	mc_dns *dns;
	int64_t deadline_ms;
	mc_spf_policy *out;
	mc_dns_batch *batch;
	mc_dns_query **asked;             /* queries of the current batch */
	size_t nasked, capasked;
	term_list terms;                  /* targets found in this level's records */
	size_t term_total;
	size_t nodes;
	int permerror;                    /* a problem that makes receivers return permerror */
	int oom;
	trouble troubles[MC_DNS_ERROR + 1];
	char void_names[VOID_NAMES_SHOWN][SHOWN_BUF];
} walk;

/* ---- names ---------------------------------------------------------- */

static int lower(int c)
{
	return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

/* A name as a message shows it: printable ASCII, other bytes as \xHH, cut. */
static const char *shown(const char *s, char out[SHOWN_BUF])
{
	size_t o = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (o + 8 >= SHOWN_BUF) {
			memcpy(out + o, "...", 3);
			o += 3;
			break;
		}
		if (*p >= 0x20 && *p < 0x7f) {
			out[o++] = (char)*p;
		} else {
			o += (size_t)snprintf(out + o, 5, "\\x%02X", *p);
		}
	}
	out[o] = '\0';
	return out;
}

/* Writes a domain-spec (macro-free) as the name to ask: lower case, no
 * trailing dot. Returns 0, or -1 when the name cannot be asked: RFC 7208
 * §4.3 makes that a domain without records. */
static int query_name(const char *spec, char out[MC_DNS_NAME_BUF])
{
	if (!mc_name_is_askable(spec)) {
		return -1;
	}
	size_t len = strlen(spec), o = 0;
	if (spec[len - 1] == '.') {
		len--;
	}
	for (size_t i = 0; i < len; i++) {
		out[o++] = (char)lower((unsigned char)spec[i]);
	}
	out[o] = '\0';
	return 0;
}

/* ---- the tree ------------------------------------------------------- */

static void node_free(mc_spf_node *n)
{
	for (size_t i = 0; i < n->nchildren; i++) {
		node_free(&n->children[i]);
	}
	free(n->children);
	free(n->domain);
	free(n->record);
	memset(n, 0, sizeof(*n));
}

/* "x.example.com", or "x.example.com (include: in the SPF record of y.example.com)". */
static const char *describe(const mc_spf_node *n, char *out, size_t len)
{
	char a[SHOWN_BUF], b[SHOWN_BUF];
	if (!n->parent) {
		snprintf(out, len, "%s", shown(n->domain, a));
	} else {
		snprintf(out, len, "%s (%s%s in the SPF record of %s)", shown(n->domain, a), n->mechanism,
			n->mechanism[0] == 'i' ? ":" : "=", shown(n->parent->domain, b));
	}
	return out;
}

static void add_trouble(walk *w, mc_dns_status status, const char *what)
{
	if (status == MC_DNS_OK || status > MC_DNS_ERROR) {
		status = MC_DNS_ERROR;
	}
	trouble *t = &w->troubles[status];
	if (t->count++ == 0) {
		snprintf(t->what, sizeof(t->what), "%s", what);
	}
}

/* A void lookup, named as the term that made it: "include:x", "a:x". */
static void add_void(walk *w, const char *term, const char *name)
{
	int i = w->out->void_lookups++;
	if (i < VOID_NAMES_SHOWN) {
		char s[SHOWN_BUF];
		snprintf(w->void_names[i], SHOWN_BUF, "%s%s", term, shown(name, s));
	}
}

static const char *term_prefix(mc_spf_term_kind kind)
{
	switch (kind) {
		case MC_SPF_M_A: return "a:";
		case MC_SPF_M_MX: return "mx:";
		case MC_SPF_M_EXISTS: return "exists:";
		case MC_SPF_M_INCLUDE: return "include:";
		default: return "redirect=";
	}
}

/* A problem that makes receivers return permerror: the policy is not valid. */
#define ADD_PERMERROR(w, code, ...) \
	((w)->permerror = 1, mc_problems_add(&(w)->out->problems, MC_STATUS_FAIL, (code), __VA_ARGS__))

static mc_dns_query *ask(walk *w, const char *name, uint16_t type)
{
	for (size_t i = 0; i < w->nasked; i++) {
		if (w->asked[i]->type == type && strcmp(w->asked[i]->name, name) == 0) {
			return w->asked[i];
		}
	}
	if (w->nasked == w->capasked) {
		size_t cap = w->capasked ? w->capasked * 2 : 16;
		mc_dns_query **grown = realloc(w->asked, cap * sizeof(*grown));
		if (!grown) {
			w->oom = 1;
			return NULL;
		}
		w->asked = grown;
		w->capasked = cap;
	}
	mc_dns_query *q = mc_dns_batch_add(w->batch, name, type);
	if (!q) {
		w->oom = 1;
		return NULL;
	}
	w->asked[w->nasked++] = q;
	return q;
}

static void add_term_lookup(walk *w, const mc_spf_node *n, const mc_spf_term *term)
{
	char name[MC_DNS_NAME_BUF];
	const char *spec = term->domain_spec ? term->domain_spec : n->domain;
	if (term->has_macros || w->term_total >= MC_SPF_POLICY_MAX_TERM_LOOKUPS) {
		return;
	}
	w->term_total++;
	if (query_name(spec, name) < 0) {
		add_void(w, term_prefix(term->kind), spec);   /* as for a name without records (§4.3) */
		return;
	}
	if (w->terms.count == w->terms.cap) {
		size_t cap = w->terms.cap ? w->terms.cap * 2 : 8;
		term_lookup *grown = realloc(w->terms.items, cap * sizeof(*grown));
		if (!grown) {
			w->oom = 1;
			return;
		}
		w->terms.items = grown;
		w->terms.cap = cap;
	}
	term_lookup *t = &w->terms.items[w->terms.count];
	memset(t, 0, sizeof(*t));
	t->name = strdup(name);
	if (!t->name) {
		w->oom = 1;
		return;
	}
	t->node = n;
	t->kind = term->kind;
	w->terms.count++;
}

static void free_terms(term_list *list)
{
	for (size_t i = 0; i < list->count; i++) {
		free(list->items[i].name);
	}
	free(list->items);
	memset(list, 0, sizeof(*list));
}

static void ask_terms(walk *w, term_list *list)
{
	for (size_t i = 0; i < list->count; i++) {
		term_lookup *t = &list->items[i];
		switch (t->kind) {
			case MC_SPF_M_A:
				t->q1 = ask(w, t->name, MC_DNS_T_A);
				t->q2 = ask(w, t->name, MC_DNS_T_AAAA);
				break;
			case MC_SPF_M_MX:
				t->q1 = ask(w, t->name, MC_DNS_T_MX);
				break;
			default:
				t->q1 = ask(w, t->name, MC_DNS_T_A);
				break;
		}
	}
}

static mc_dns_status status_of(walk *w, const mc_dns_query *q)
{
	if (!q || !q->answer) {
		w->oom |= !q;
		return q ? MC_DNS_TIMEOUT : MC_DNS_ERROR;
	}
	return q->answer->status;
}

static int is_void(mc_dns_status s)
{
	return s == MC_DNS_NXDOMAIN || s == MC_DNS_NODATA;
}

/* A void lookup is one that finds nothing. a: is counted void only when it
 * is void for every client: the name has neither A nor AAAA records. */
static void check_terms(walk *w, const term_list *list)
{
	for (size_t i = 0; i < list->count; i++) {
		const term_lookup *t = &list->items[i];
		mc_dns_status s1 = status_of(w, t->q1), s2 = MC_DNS_NODATA;
		const char *fmt = "the A record of %s (exists: in the SPF record of %s)";
		if (t->kind == MC_SPF_M_A) {
			s2 = status_of(w, t->q2);
			fmt = "the A/AAAA records of %s (a: in the SPF record of %s)";
			if (s1 == MC_DNS_OK || s2 == MC_DNS_OK) {
				continue;
			}
			if (s1 == MC_DNS_NXDOMAIN || s2 == MC_DNS_NXDOMAIN) {
				s1 = s2 = MC_DNS_NXDOMAIN;
			}
		} else if (t->kind == MC_SPF_M_MX) {
			fmt = "the MX records of %s (mx: in the SPF record of %s)";
		}
		/* An MX answer whose hosts are all unusable names had records. */
		if (s1 == MC_DNS_OK || (t->q1 && t->q1->answer && t->q1->answer->unusable > 0)) {
			continue;
		}
		if (is_void(s1) && is_void(s2)) {
			add_void(w, term_prefix(t->kind), t->name);
		} else {
			char what[SHOWN_BUF * 2 + 96], a[SHOWN_BUF], b[SHOWN_BUF];
			snprintf(what, sizeof(what), fmt, shown(t->name, a), shown(t->node->domain, b));
			add_trouble(w, !is_void(s1) ? s1 : s2, what);
		}
	}
}

/* Makes the child for an include: or redirect= term; 0 when the node cap
 * is reached. Returns the child to fetch, or NULL. */
static mc_spf_node *add_child(walk *w, mc_spf_node *n, const mc_spf_term *term, const char *mechanism)
{
	char name[MC_DNS_NAME_BUF], a[SHOWN_BUF], where[SHOWN_BUF * 2 + 64];
	if (w->nodes >= MC_SPF_POLICY_MAX_NODES) {
		w->out->truncated = 1;
		if (!n->note) {
			n->note = "not all of its include:/redirect= targets are shown or followed: the tree holds at most 50 records";
		}
		return NULL;
	}
	mc_spf_node *c = &n->children[n->nchildren];
	memset(c, 0, sizeof(*c));
	c->domain = strdup(term->domain_spec);
	if (!c->domain) {
		w->oom = 1;
		return NULL;
	}
	n->nchildren++;
	w->nodes++;
	c->mechanism = mechanism;
	c->parent = n;
	c->include_qualifier = term->qualifier;
	if (term->has_macros) {
		c->note = "has macros: it names a different domain for each message, so it is not followed without an IP";
		return NULL;
	}
	if (query_name(c->domain, name) < 0) {
		c->note = "not a valid domain name";
		add_void(w, mechanism[0] == 'i' ? "include:" : "redirect=", c->domain);
		ADD_PERMERROR(w, "spf_include_missing",
			"%s is not a domain name that can be looked up (an empty label, a label over 63 octets or over 253 in all): "
			"receivers return permerror for the whole policy (RFC 7208 §4.3, §5.2); fix the name",
			describe(c, where, sizeof(where)));
		return NULL;
	}
	for (const mc_spf_node *p = n; p; p = p->parent) {
		if (mc_name_equal(p->domain, c->domain)) {
			char b[SHOWN_BUF];
			c->note = "loop: this domain is already on the path from the domain checked";
			snprintf(where, sizeof(where), "%s%s in the SPF record of %s", mechanism, mechanism[0] == 'i' ? ":" : "=", shown(n->domain, b));
			ADD_PERMERROR(w, "spf_include_loop",
				"%s leads back to %s, whose record is already being evaluated: the policy never ends and receivers return permerror (RFC 7208 §5.2); remove the include or redirect that closes the loop",
				where, shown(c->domain, a));
			return NULL;
		}
	}
	c->fetch = 1;
	return c;
}

typedef struct {
	mc_spf_node **items;
	size_t count, cap;
} node_list;

static void push(walk *w, node_list *list, mc_spf_node *n)
{
	if (list->count == list->cap) {
		size_t cap = list->cap ? list->cap * 2 : 8;
		mc_spf_node **grown = realloc(list->items, cap * sizeof(*grown));
		if (!grown) {
			w->oom = 1;
			return;
		}
		list->items = grown;
		list->cap = cap;
	}
	list->items[list->count++] = n;
}

static const char *trouble_note(mc_dns_status s)
{
	switch (s) {
		case MC_DNS_TIMEOUT: return "DNS lookup timed out";
		case MC_DNS_SERVFAIL: return "DNS lookup failed: SERVFAIL";
		case MC_DNS_REFUSED: return "DNS lookup refused by the resolver";
		case MC_DNS_UNREACHABLE: return "no DNS server could be reached";
		default: return "DNS lookup failed";
	}
}

/* A node's TXT answer: its record checked, its children made (those to
 * fetch appended to next) and its a:/mx:/exists: targets queued. */
static void take_record(walk *w, mc_spf_node *n, const mc_dns_query *q, node_list *next)
{
	char where[SHOWN_BUF * 2 + 64];
	mc_spf_policy *out = w->out;
	int root = n->parent == NULL;
	mc_dns_status status = status_of(w, q);
	const mc_dns_rr *found = NULL;

	describe(n, where, sizeof(where));
	if (status != MC_DNS_OK && !is_void(status)) {
		char what[sizeof(where) + 32];
		snprintf(what, sizeof(what), "the SPF record (TXT) of %s", where);
		n->note = trouble_note(status);
		add_trouble(w, status, what);
		return;
	}
	if (status == MC_DNS_OK) {
		for (size_t i = 0; i < q->answer->count; i++) {
			const mc_dns_rr *rr = &q->answer->rrs[i];
			if (rr->type == MC_DNS_T_TXT && mc_spf_is_record((const char *)rr->data, rr->len)) {
				found = found ? found : rr;
				n->records_found++;
			}
		}
	}
	if (root) {
		out->records_found = n->records_found;
	}
	if (n->records_found == 0) {
		if (is_void(status) && !root) {
			add_void(w, n->mechanism[0] == 'i' ? "include:" : "redirect=", n->domain);
		}
		n->note = status == MC_DNS_NXDOMAIN ? "does not exist (NXDOMAIN)" : "no SPF record";
		if (root && status == MC_DNS_NXDOMAIN) {
			mc_problems_add(&out->problems, MC_STATUS_WARN, "spf_missing",
				"%s does not exist in DNS (NXDOMAIN), so it publishes no SPF record: check the spelling of the domain", where);
		} else if (root) {
			mc_problems_add(&out->problems, MC_STATUS_WARN, "spf_missing",
				"%s publishes no SPF record: add a TXT record such as \"v=spf1 mx -all\" that lists the servers sending its mail and ends in -all or ~all "
				"(Gmail and Yahoo require SPF or DKIM)", where);
		} else {
			ADD_PERMERROR(w, "spf_include_missing",
				"%s %s: receivers return permerror for the whole policy (RFC 7208 §5.2, §6.1); fix or remove the term",
				where, status == MC_DNS_NXDOMAIN ? "does not exist in DNS (NXDOMAIN)" : "publishes no SPF record");
		}
		return;
	}
	if (n->records_found > 1) {
		n->note = "more than one SPF record";
		ADD_PERMERROR(w, "spf_multiple_records",
			"%s publishes %d SPF records (TXT records starting with v=spf1): RFC 7208 §4.5 makes that a permerror; merge them into one",
			where, n->records_found);
		return;
	}

	n->record = malloc(found->len + 1);
	if (!n->record) {
		w->oom = 1;
		return;
	}
	memcpy(n->record, found->data, found->len);
	n->record[found->len] = '\0';
	n->record_len = found->len;
	n->wire_len = found->len + found->nstrings;
	if (n->wire_len > MC_SPF_POLICY_UDP_LIMIT) {
		mc_problems_add(&out->problems, MC_STATUS_WARN, "spf_record_too_long",
			"The SPF record of %s takes %zu bytes in DNS, more than the %d of a plain UDP answer: resolvers must retry over TCP and some fail, "
			"which receivers see as temperror; shorten it (CIDR ranges instead of single addresses, drop unused terms)",
			where, n->wire_len, MC_SPF_POLICY_UDP_LIMIT);
	}

	mc_spf_record rec;
	if (mc_spf_record_parse(n->record, n->record_len, &rec) < 0) {
		w->oom = 1;
		return;
	}
	if (!rec.valid) {
		n->note = "invalid SPF record";
		ADD_PERMERROR(w, "spf_syntax",
			"The SPF record of %s is not valid at position %zu: %s; receivers return permerror for the whole policy until it is fixed",
			where, rec.error_pos + 1, rec.error_detail ? rec.error_detail : rec.error);
		mc_spf_record_free(&rec);
		return;
	}
	n->valid = 1;

	size_t nchildren = 0;
	for (size_t i = 0; i < rec.count && rec.terms[i].kind != MC_SPF_M_ALL; i++) {
		nchildren += rec.terms[i].kind == MC_SPF_M_INCLUDE;
	}
	nchildren += !rec.has_all && rec.redirect_index >= 0;
	if (nchildren) {
		n->children = calloc(nchildren, sizeof(*n->children));
		if (!n->children) {
			w->oom = 1;
			mc_spf_record_free(&rec);
			return;
		}
	}

	int ptr = 0;
	for (size_t i = 0; i < rec.count; i++) {
		const mc_spf_term *term = &rec.terms[i];
		mc_spf_node *c;
		if (term->kind == MC_SPF_M_ALL) {
			n->all_qualifier = term->qualifier;
			n->all_bare = !term->explicit_qualifier;
			break;   /* §5.1: what follows is never evaluated */
		}
		switch (term->kind) {
			case MC_SPF_M_INCLUDE:
				n->dns_terms++;
				if ((c = add_child(w, n, term, "include"))) {
					push(w, next, c);
				}
				break;
			case MC_SPF_M_A:
			case MC_SPF_M_MX:
			case MC_SPF_M_EXISTS:
				n->dns_terms++;
				add_term_lookup(w, n, term);
				break;
			case MC_SPF_M_PTR:
				n->dns_terms++;
				ptr = 1;
				break;
			default:
				break;
		}
	}
	if (!rec.has_all && rec.redirect_index >= 0) {
		mc_spf_node *c;
		n->dns_terms++;
		n->has_redirect = 1;
		if ((c = add_child(w, n, &rec.terms[rec.redirect_index], "redirect"))) {
			push(w, next, c);
		}
	}
	if (ptr) {
		mc_problems_add(&out->problems, MC_STATUS_WARN, "spf_ptr_mechanism",
			"The SPF record of %s uses the ptr mechanism, which RFC 7208 §5.5 says SHOULD NOT be used: it is slow, unreliable and some receivers ignore it; "
			"list the servers with ip4:/ip6: or a: instead", where);
	}
	mc_spf_record_free(&rec);
}

/* The "all" that ends the policy of n, following redirect=. Returns the
 * qualifier, 0 when the policy ends without one; *unknown is set when that
 * cannot be told (a redirect not followed). *from gets the node whose
 * record holds it. */
static int effective_all(const mc_spf_node *n, int *unknown, const mc_spf_node **from)
{
	*from = n;
	if (n->all_qualifier || !n->has_redirect) {
		return n->all_qualifier;
	}
	for (size_t i = 0; i < n->nchildren; i++) {
		const mc_spf_node *c = &n->children[i];
		if (strcmp(c->mechanism, "redirect") == 0) {
			if (c->record && c->valid) {
				return effective_all(c, unknown, from);
			}
			break;
		}
	}
	*unknown = 1;
	return 0;
}

static void check_include_all(walk *w, const mc_spf_node *n)
{
	for (size_t i = 0; i < n->nchildren; i++) {
		const mc_spf_node *c = &n->children[i];
		int unknown = 0;
		const mc_spf_node *from;
		char a[SHOWN_BUF], b[SHOWN_BUF];
		if (strcmp(c->mechanism, "include") == 0 && c->include_qualifier == '+' && c->valid
				&& effective_all(c, &unknown, &from) == '+') {
			mc_problems_add(&w->out->problems, MC_STATUS_FAIL, "spf_plus_all",
				"include:%s in the SPF record of %s matches every IP on the internet, because the included record ends in +all: "
				"mail from anywhere passes; remove the include or have its owner fix the record",
				shown(c->domain, a), shown(n->domain, b));
		}
		check_include_all(w, c);
	}
}

static int sum_terms(const mc_spf_node *n)
{
	int sum = n->dns_terms;
	for (size_t i = 0; i < n->nchildren; i++) {
		sum += sum_terms(&n->children[i]);
	}
	return sum;
}

static void check_policy(walk *w)
{
	mc_spf_policy *out = w->out;
	const mc_spf_node *root = &out->root;
	char a[SHOWN_BUF], b[SHOWN_BUF];

	shown(root->domain, a);
	out->dns_lookups = sum_terms(root);
	if (out->dns_lookups > MC_SPF_MAX_DNS_TERMS) {
		ADD_PERMERROR(w, "spf_too_many_lookups",
			"The SPF policy of %s needs %s%d DNS lookups (include, a, mx, ptr, exists and redirect, counted through its includes); "
			"RFC 7208 §4.6.4 allows %d and receivers return permerror beyond: drop unused includes, replace a and mx by ip4:/ip6: ranges, or flatten includes",
			a, out->truncated ? "at least " : "", out->dns_lookups, MC_SPF_MAX_DNS_TERMS);
	}
	if (out->void_lookups > MC_SPF_POLICY_MAX_VOID) {
		char names[VOID_NAMES_SHOWN * (SHOWN_BUF + 2) + 8] = "";
		for (int i = 0; i < out->void_lookups && i < VOID_NAMES_SHOWN; i++) {
			if (i) {
				strcat(names, ", ");
			}
			strcat(names, w->void_names[i]);
		}
		if (out->void_lookups > VOID_NAMES_SHOWN) {
			strcat(names, ", ...");
		}
		ADD_PERMERROR(w, "spf_void_lookups",
			"The SPF policy of %s has %d lookups that find nothing (void lookups: %s); RFC 7208 §4.6.4 allows %d and receivers return permerror beyond: "
			"remove the terms that name domains without records",
			a, out->void_lookups, names, MC_SPF_POLICY_MAX_VOID);
	}

	if (root->record && root->valid) {
		int unknown = 0;
		const mc_spf_node *from;
		int q = effective_all(root, &unknown, &from);
		char via[SHOWN_BUF + 32] = "";
		if (from != root) {
			snprintf(via, sizeof(via), " (through redirect= to %s)", shown(from->domain, b));
		}
		if (q == '+') {
			mc_problems_add(&out->problems, MC_STATUS_FAIL, "spf_plus_all",
				"The SPF policy of %s%s ends in %s: every IP on the internet may send mail as %s; "
				"list your servers and end the record in -all (or ~all)", a, via, from->all_bare ? "\"all\" (the same as +all)" : "+all", a);
		} else if (q == '?') {
			mc_problems_add(&out->problems, MC_STATUS_WARN, "spf_neutral_all",
				"The SPF policy of %s%s ends in ?all (neutral): receivers get no verdict for servers not listed, so forged mail is not rejected; "
				"end it in -all (or ~all)", a, via);
		} else if (q == 0 && !unknown) {
			mc_problems_add(&out->problems, MC_STATUS_WARN, "spf_no_all",
				"The SPF policy of %s%s has no \"all\" and no redirect=: every server not listed gets neutral, as with ?all, so forged mail is not rejected; "
				"end the record in -all (or ~all)", a, via);
		}
		check_include_all(w, root);
	}
}

/* The same term reached twice (include:x twice, a diamond of includes)
 * would say the same thing twice: keep the first. */
static void drop_repeated(mc_problems *list)
{
	size_t kept = 0;
	for (size_t i = 0; i < list->count; i++) {
		int repeated = 0;
		for (size_t j = 0; j < kept && !repeated; j++) {
			repeated = strcmp(list->items[j].code, list->items[i].code) == 0
				&& strcmp(list->items[j].message, list->items[i].message) == 0;
		}
		if (repeated) {
			free(list->items[i].message);
		} else {
			list->items[kept++] = list->items[i];
		}
	}
	list->count = kept;
}

static void report_troubles(walk *w)
{
	for (int s = 0; s <= MC_DNS_ERROR; s++) {
		trouble *t = &w->troubles[s];
		if (t->count == 0) {
			continue;
		}
		if (t->count > 1) {
			size_t len = strlen(t->what);
			snprintf(t->what + len, sizeof(t->what) - len, " and %d other lookup%s", t->count - 1, t->count > 2 ? "s" : "");
		}
		mc_dns_add_problem(w->dns, &w->out->problems, (mc_dns_status)s, t->what);
	}
}

static void check_policy_tree(mc_dns *dns, const char *domain, mc_dns_query *draft, int64_t deadline_ms,
		mc_spf_policy *out)
{
	char why_buf[160], a[SHOWN_BUF], qname[MC_DNS_NAME_BUF];
	walk w;
	node_list level = {0}, next = {0};
	mc_dns_query *q99 = NULL;

	memset(out, 0, sizeof(*out));
	mc_problems_init(&out->problems);
	memset(&w, 0, sizeof(w));
	w.dns = dns;
	w.deadline_ms = deadline_ms;
	w.out = out;

	const char *why = mc_name_domain_problem(domain, why_buf, sizeof(why_buf));
	out->root.domain = strdup(domain);
	if (!out->root.domain) {
		mc_problems_add(&out->problems, MC_STATUS_ERROR, "dns_error", "The check ran out of memory");
		out->status = MC_STATUS_ERROR;
		return;
	}
	if (why) {
		mc_problems_add(&out->problems, MC_STATUS_FAIL, "spf_invalid_domain",
			"\"%s\" is not a domain name that can publish SPF (RFC 7208 §4.3): %s", shown(domain, a), why);
		out->status = MC_STATUS_FAIL;
		return;
	}
	mc_name_normalize(out->root.domain);
	w.nodes = 1;
	push(&w, &level, &out->root);

	for (int depth = 0; (level.count > 0 || w.terms.count > 0) && !w.oom; depth++) {
		term_list terms = w.terms;
		memset(&w.terms, 0, sizeof(w.terms));
		w.batch = mc_dns_batch_new(dns, deadline_ms);
		w.nasked = 0;
		if (!w.batch) {
			w.oom = 1;
			free_terms(&terms);
			break;
		}
		mc_dns_query **queries = level.count ? calloc(level.count, sizeof(*queries)) : NULL;
		if (level.count && !queries) {
			w.oom = 1;
		} else {
			for (size_t i = 0; i < level.count; i++) {
				query_name(level.items[i]->domain, qname);   /* askable: checked before */
				queries[i] = depth == 0 && draft ? draft : ask(&w, qname, MC_DNS_T_TXT);
			}
			if (depth == 0) {
				q99 = ask(&w, out->root.domain, MC_DNS_T_SPF);
			}
			ask_terms(&w, &terms);
			mc_dns_batch_wait(w.batch);
			check_terms(&w, &terms);

			next.count = 0;
			for (size_t i = 0; i < level.count; i++) {
				take_record(&w, level.items[i], queries[i], &next);
			}
			if (depth == 0 && q99 && q99->answer && q99->answer->status == MC_DNS_OK && q99->answer->count > 0) {
				mc_problems_add(&out->problems, MC_STATUS_WARN, "spf_deprecated_type99",
					"%s still publishes a record of the DNS type SPF (99), which RFC 7208 §3.1 retired: receivers read only TXT; "
					"remove it so that the two cannot disagree (keep the TXT record)", shown(out->root.domain, a));
			}
		}
		free(queries);
		free_terms(&terms);
		mc_dns_batch_free(w.batch);
		w.batch = NULL;

		node_list swap = level;
		level = next;
		next = swap;
	}
	free_terms(&w.terms);
	free(level.items);
	free(next.items);
	free(w.asked);

	check_policy(&w);
	report_troubles(&w);
	drop_repeated(&out->problems);
	if (w.oom) {
		mc_problems_add(&out->problems, MC_STATUS_ERROR, "dns_error", "The check ran out of memory: the result is incomplete");
	}
	out->valid = out->records_found == 1 && out->root.valid && !w.permerror;
	out->status = mc_problems_status(&out->problems);
}

void mc_spf_policy_check(mc_dns *dns, const char *domain, int64_t deadline_ms, mc_spf_policy *out)
{
	check_policy_tree(dns, domain, NULL, deadline_ms, out);
}

void mc_spf_policy_check_draft(mc_dns *dns, const char *domain, const char *record, size_t len,
		int64_t deadline_ms, mc_spf_policy *out)
{
	/* The draft stands in for the root's TXT answer, as one record split
	 * into 255-byte strings the way it would be published. */
	mc_dns_rr rr = {
		.type = MC_DNS_T_TXT, .nstrings = (uint16_t)((len + 254) / 255), .len = len,
		.data = (unsigned char *)(uintptr_t)record,
	};
	mc_dns_answer answer = { .status = MC_DNS_OK, .count = 1, .rrs = &rr };
	mc_dns_query query = { .type = MC_DNS_T_TXT, .answer = &answer };
	check_policy_tree(dns, domain, &query, deadline_ms, out);
}

void mc_spf_policy_free(mc_spf_policy *p)
{
	node_free(&p->root);
	mc_problems_free(&p->problems);
	memset(p, 0, sizeof(*p));
}
