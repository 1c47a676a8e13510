/* libFuzzer target for the whole SPF path: mc_spf_check() (mail_check_spf,
 * libspf2 included), mc_spf_policy_check() (mail_check_spf_record) and
 * mc_guard_evaluate() (the mail() guard's verdict), with every DNS answer
 * taken from the input through mc_dns_set_answer_source(). A fresh
 * resolver (and so a fresh cache and libspf2 server) per input.
 *
 * Input: text lines (README.md, "fuzz_spf_path", has the grammar).
 *   line 1   PATH IP SENDER HELO REST
 *   then     OWNER TYPE FLAGS RDATA      one zone entry a line
 * PATH: s(pf) | r(ecord) | g(uard) | b(oth: spf, then record on the
 * domain it checked, same resolver). An entry answers queries for OWNER
 * ("*": the next unused "*" entry answers the next query no named entry
 * matches, whatever its name); entries of one owner make one response.
 *
 * Checks, per path (abort on violation):
 *  spf:    result a known code; status = max(the result's, the problems');
 *          identity_helo = sender empty; domain set; record, when set, an
 *          SPF record; dns_lookups <= 10, or 11 exactly with permerror and
 *          spf_too_many_lookups (and that problem only then);
 *          void_lookups <= 2, or 3 exactly with permerror and
 *          spf_void_lookups (and only then); never both; a result problem
 *          per result (spf_fail, spf_softfail, ...); pass has no problem of
 *          severity fail; explanation only for fail, no control bytes,
 *          <= MC_SPF_MAX_EXPLANATION; received_spf set, starts
 *          "Received-SPF: <result> ", no control bytes; libspf2 never left
 *          through its error handler ("internal error of libspf2") and
 *          its compiler never refused a record we passed; none, neutral,
 *          fail or softfail only when every DNS answer in error is one
 *          RFC 7208 lets pass (check_spf_dns).
 *  record: status = the problems'; dns_lookups = the sum of the nodes'
 *          dns_terms, > 10 exactly with spf_too_many_lookups;
 *          void_lookups > 2 exactly with spf_void_lookups; valid never
 *          with a permerror problem; the tree: at most
 *          MC_SPF_POLICY_MAX_NODES nodes, truncated when a node has its
 *          note, records NUL-terminated SPF records, children named
 *          include/redirect with their parent set.
 *  guard:  status = the problems'; dns_trouble = some problem of severity
 *          error; blockable = some of severity fail; no problem twice.
 *  both:   the spf and record checks, and when the zone answers every
 *          query the same way (no "*", no timeout, no raw message): the
 *          record's verdict on the root record agrees with the
 *          evaluation (none, multiple, syntax), and when the evaluation
 *          ran out of lookups, so does the record check (unless it saw
 *          DNS trouble, a loop, a macro target or the node cap).
 *  every problem: a snake_case code, a message without control bytes, a
 *  severity warn..fail. Leaks: LeakSanitizer. */
#define _GNU_SOURCE /* memmem */
#include "mc_dns.h"
#include "mc_guard.h"
#include "mc_ip.h"
#include "mc_name.h"
#include "mc_problems.h"
#include "mc_spf.h"
#include "mc_spf_policy.h"
#include "mc_spf_record.h"
#include "mc_clock.h"
#include "known.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define CHECK(cond) do { \
	if (!(cond)) { \
		fprintf(stderr, "fuzz_spf_path: check failed at line %d: %s\n", __LINE__, #cond); \
		abort(); \
	} \
} while (0)

#define MAX_ENTRIES 256
#define MAX_CHASE 20            /* CNAME hops written into one response */
#define DEFAULT_TTL 300

enum { PATH_SPF, PATH_RECORD, PATH_GUARD, PATH_BOTH };

typedef struct {
	const char *owner;        /* presentation form; NULL for "*" */
	int any_type;             /* TYPE "*": the type asked */
	uint16_t type;
	int raw;                  /* RDATA is the whole response */
	int timeout;              /* no answer */
	int rcode;
	int no_chase;             /* CNAME: stop at the alias */
	int all_types;            /* answer with the owner's records of every type */
	uint32_t ttl;
	const char *rdata;        /* NUL-terminated, escapes not yet decoded */
	int used;                 /* "*" entries: answered a query */
} entry;

static int debug; /* FUZZ_SPF_PATH_DEBUG set: each query and result on stderr */
/* MC_FUZZ_TOLERATE=identity-control and an SPF identity (sender, HELO,
 * receiver) with a control byte: those bytes may show in messages and in
 * received_spf (see known.h). */
static int lenient_control;

#define MAX_NAMED 32

typedef struct {
	entry e[MAX_ENTRIES];
	size_t n;
	int uniform;              /* every query always gets the same answer */
	unsigned queries;
	/* What the answers were, as the resolver parses them, for the check
	 * that DNS errors never make a definite SPF result (issue 8 item 2). */
	int cidr0;                /* the input holds "/0": mx/0 matches despite a host's error */
	unsigned errors;          /* answers in error no RFC 7208 rule excuses */
	unsigned txt_errors;      /* TXT answers in error */
	unsigned last_txt, last_txt_error;  /* query numbers */
	/* A timeout is not cached: a lookup that timed out while resolving
	 * ahead is asked again by the evaluation, which sees only that second
	 * answer. The error counted for the first is taken back then. */
	char timed_out[MAX_NAMED][MC_DNS_NAME_BUF];
	uint16_t timed_out_type[MAX_NAMED];
	int timed_out_txt[MAX_NAMED];
	size_t ntimed_out;
	size_t nptr, nmx;         /* names of PTR and MX answers */
	char ptr_names[MAX_NAMED][MC_DNS_NAME_BUF], mx_names[MAX_NAMED][MC_DNS_NAME_BUF];
} zone;

/* ---- writing responses ---------------------------------------------- */

typedef struct {
	unsigned char *buf;
	size_t len, cap;
	int full;
} wbuf;

static void put(wbuf *w, const void *p, size_t n)
{
	if (w->full || w->len + n > w->cap) {
		w->full = 1;
		return;
	}
	memcpy(w->buf + w->len, p, n);
	w->len += n;
}

static void put8(wbuf *w, unsigned v)
{
	unsigned char b = (unsigned char)v;
	put(w, &b, 1);
}

static void put16(wbuf *w, unsigned v)
{
	put8(w, v >> 8);
	put8(w, v);
}

static void put32(wbuf *w, uint32_t v)
{
	put16(w, v >> 16);
	put16(w, v & 0xffff);
}

/* A presentation-form name (\DDD and \c escapes, as c-ares reads them) in
 * wire form: labels cut to 63 octets, empty labels dropped, at most 255
 * octets. Returns the length written to out (at least 1: the root). */
static size_t name_to_wire(const char *name, unsigned char out[256], int lower)
{
	size_t o = 0, label = 0;
	unsigned char cur[63];
	const unsigned char *p = (const unsigned char *)name;
	for (;;) {
		int end = *p == '\0';
		if (end || *p == '.') {
			if (label > 0 && o + 1 + label + 1 <= 256) {
				out[o++] = (unsigned char)label;
				memcpy(out + o, cur, label);
				o += label;
			}
			label = 0;
			if (end) {
				break;
			}
			p++;
			continue;
		}
		unsigned c = *p++;
		if (c == '\\' && *p) {
			if (isdigit(p[0]) && isdigit(p[1]) && isdigit(p[2])) {
				c = (unsigned)((p[0] - '0') * 100 + (p[1] - '0') * 10 + (p[2] - '0')) & 0xff;
				p += 3;
			} else {
				c = *p++;
			}
		}
		if (lower && c >= 'A' && c <= 'Z') {
			c += 'a' - 'A';
		}
		if (label < sizeof(cur)) {
			cur[label++] = (unsigned char)c;
		}
	}
	out[o++] = 0;
	return o;
}

static void put_name(wbuf *w, const char *name)
{
	unsigned char wire[256];
	put(w, wire, name_to_wire(name, wire, 0));
}

/* Whether an entry's owner is the name asked: the same text (ignoring
 * case: a hint libFuzzer can use to write the name), else the same wire
 * name. */
static int owner_is(const char *owner, const char *name)
{
	if (strcasecmp(owner, name) == 0) {
		return 1;
	}
	unsigned char a[256], b[256];
	size_t la = name_to_wire(owner, a, 1), lb = name_to_wire(name, b, 1);
	return la == lb && memcmp(a, b, la) == 0;
}

static int hexval(int c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
		: c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* Decodes \xHH into out (any byte); with breaks, "\|" ends a TXT
 * character-string and is written as a 0x100 marker in marks[]. Returns
 * the length. */
static size_t decode(const char *s, unsigned char *out, size_t cap, unsigned char *marks)
{
	size_t o = 0;
	for (const char *p = s; *p && o < cap; p++) {
		if (p[0] == '\\' && p[1] == 'x' && hexval(p[2]) >= 0 && hexval(p[3]) >= 0) {
			out[o] = (unsigned char)(hexval(p[2]) * 16 + hexval(p[3]));
			if (marks) {
				marks[o] = 0;
			}
			o++;
			p += 3;
		} else if (marks && p[0] == '\\' && p[1] == '|') {
			marks[o] = 1;
			out[o++] = 0;
			p++;
		} else {
			if (marks) {
				marks[o] = 0;
			}
			out[o++] = (unsigned char)*p;
		}
	}
	return o;
}

static void put_rdata(wbuf *w, const entry *e, uint16_t type)
{
	size_t at = w->len;
	put16(w, 0); /* RDLENGTH, filled in below */
	const char *r = e->rdata;
	switch (type) {
		case MC_DNS_T_A:
		case MC_DNS_T_AAAA: {
			unsigned char addr[16], raw[64];
			if (inet_pton(type == MC_DNS_T_A ? AF_INET : AF_INET6, r, addr) == 1) {
				put(w, addr, type == MC_DNS_T_A ? 4 : 16);
			} else {
				put(w, raw, decode(r, raw, sizeof(raw), NULL)); /* a wrong length: a broken message */
			}
			break;
		}
		case MC_DNS_T_MX: {
			char *end;
			unsigned long pref = strtoul(r, &end, 10);
			if (end != r && *end == ' ') {
				r = end + 1;
			} else {
				pref = 10;
			}
			put16(w, (unsigned)pref & 0xffff);
			put_name(w, r);
			break;
		}
		case MC_DNS_T_PTR:
		case MC_DNS_T_CNAME:
		case MC_DNS_T_NS:
			put_name(w, r);
			break;
		case MC_DNS_T_TXT:
		case MC_DNS_T_SPF: {
			static unsigned char text[8192], marks[8192];
			size_t n = decode(r, text, sizeof(text), marks), start = 0;
			if (n == 0) {
				put8(w, 0);
			}
			/* character-strings: cut at "\|" and every 255 octets */
			while (start < n) {
				size_t len = 0;
				while (start + len < n && len < 255 && !marks[start + len]) {
					len++;
				}
				put8(w, (unsigned)len);
				put(w, text + start, len);
				start += len + (start + len < n && marks[start + len]);
			}
			break;
		}
		case MC_DNS_T_SOA:
			put_name(w, "ns.example");
			put_name(w, "hostmaster.example");
			put32(w, 1);
			put32(w, 3600);
			put32(w, 600);
			put32(w, 86400);
			put32(w, e->ttl);
			break;
		default: {
			unsigned char raw[1024];
			put(w, raw, decode(r, raw, sizeof(raw), NULL));
			break;
		}
	}
	if (!w->full) {
		size_t len = w->len - at - 2;
		w->buf[at] = (unsigned char)(len >> 8);
		w->buf[at + 1] = (unsigned char)len;
	}
}

/* One record; owner NULL: a pointer to the question's name. */
static void put_rr(wbuf *w, const char *owner, const entry *e, uint16_t type)
{
	if (owner) {
		put_name(w, owner);
	} else {
		put16(w, 0xc00c);
	}
	put16(w, type);
	put16(w, 1);
	put32(w, e->ttl);
	put_rdata(w, e, type);
}

/* The entries owned by name, or NULL (a "*" entry is its own set). */
static const entry *first_owned(const zone *z, const char *name, size_t from, size_t *idx)
{
	for (size_t i = from; i < z->n; i++) {
		if (z->e[i].owner && owner_is(z->e[i].owner, name)) {
			*idx = i;
			return &z->e[i];
		}
	}
	return NULL;
}

/* The response to (name, qtype), or -1 for no answer (README.md). */
static int build_answer(zone *z, const char *name, uint16_t qtype, unsigned char *buf, size_t cap)
{
	size_t first;
	const entry *base = first_owned(z, name, 0, &first);
	const entry *wild = NULL;
	z->queries++;
	if (!base) {
		for (size_t i = 0; i < z->n && !wild; i++) {
			if (!z->e[i].owner && !z->e[i].used) {
				z->e[i].used = 1;
				wild = base = &z->e[i];
			}
		}
	}
	if (base && base->timeout) {
		return -1;
	}
	if (base && base->raw) {
		return (int)decode(base->rdata, buf, cap, NULL);
	}

	wbuf w = { buf, 0, cap, 0 };
	int rcode = base ? base->rcode : 3;
	put16(&w, 0x1234);
	put16(&w, 0x8180 | (unsigned)rcode);
	put16(&w, 1);
	put16(&w, 0);   /* ANCOUNT, counted below */
	put16(&w, 0);
	put16(&w, 0);
	put_name(&w, name);
	put16(&w, qtype);
	put16(&w, 1);

	unsigned ancount = 0;
	if (wild) {
		if (wild->rdata[0]) {
			put_rr(&w, NULL, wild, wild->any_type ? qtype : wild->type);
			ancount++;
		}
	} else if (base) {
		const char *cur = name;
		int all = base->all_types;
		for (int hop = 0; cur && hop <= MAX_CHASE; hop++) {
			const char *owner = hop ? cur : NULL;
			const entry *cname = NULL;
			int direct = 0;
			size_t i = 0;
			for (const entry *e = first_owned(z, cur, 0, &i); e; e = first_owned(z, cur, i + 1, &i)) {
				if (e->timeout || e->raw || !e->rdata[0]) {
					continue; /* empty RDATA: the name exists, without this record */
				}
				uint16_t t = e->any_type ? qtype : e->type;
				if (t == MC_DNS_T_CNAME && qtype != MC_DNS_T_CNAME) {
					cname = cname ? cname : e;
					if (!all) {
						continue;
					}
				}
				if (t == qtype || all) {
					put_rr(&w, owner, e, t);
					ancount++;
					direct |= t == qtype;
				}
			}
			cur = NULL;
			if (!direct && cname) {
				if (!all) {
					put_rr(&w, owner, cname, MC_DNS_T_CNAME);
					ancount++;
				}
				if (!base->no_chase) {
					cur = cname->rdata;
				}
			}
		}
	}
	if (ancount == 0 && (rcode == 0 || rcode == 3)) {
		/* The SOA of a negative answer (RFC 2308), for its TTL. */
		static const entry soa = { .ttl = 60 };
		unsigned char *counts = buf + 8;
		put_name(&w, "example");
		put16(&w, MC_DNS_T_SOA);
		put16(&w, 1);
		put32(&w, 60);
		put_rdata(&w, &soa, MC_DNS_T_SOA);
		if (!w.full) {
			counts[0] = 0;
			counts[1] = 1;
		}
	}
	if (w.full) {
		return -1; /* bigger than a DNS message: no answer */
	}
	buf[6] = (unsigned char)(ancount >> 8);
	buf[7] = (unsigned char)ancount;
	return (int)w.len;
}

static int named_in(char names[][MC_DNS_NAME_BUF], size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++) {
		if (strcasecmp(names[i], name) == 0) {
			return 1;
		}
	}
	return 0;
}

/* Notes what the resolver will make of the answer: its errors, and the
 * names a PTR or MX answer hands to the next lookups. RFC 7208 lets an
 * error pass in three places: the PTR lookup of ptr and %{p} and the
 * address lookups of the names it gave (§5.5), an MX host beside one
 * that matches (only mx/0 gets there: the input holds "/0"), and the
 * exp= TXT (§6.2; the last TXT asked, see check_spf_dns). */
static void note_answer(zone *z, const char *name, uint16_t qtype, const unsigned char *buf, int len)
{
	mc_dns_status status = MC_DNS_TIMEOUT;
	mc_dns_answer *a = NULL;
	char follow[MC_DNS_NAME_BUF];
	if (len >= 0) {
		a = mc_dns_msg_parse(buf, (size_t)len, name, qtype, follow);
		CHECK(a);
		status = a->status;
	}
	if (qtype == MC_DNS_T_TXT) {
		z->last_txt = z->queries;
	}
	for (size_t i = 0; i < z->ntimed_out; i++) {
		if (z->timed_out_type[i] == qtype && strcmp(z->timed_out[i], name) == 0) {
			if (z->timed_out_txt[i] == 1) {
				z->txt_errors--;
			} else if (z->timed_out_txt[i] == 0) {
				z->errors--;
			}
			z->ntimed_out--;
			memmove(z->timed_out[i], z->timed_out[z->ntimed_out], MC_DNS_NAME_BUF);
			z->timed_out_type[i] = z->timed_out_type[z->ntimed_out];
			z->timed_out_txt[i] = z->timed_out_txt[z->ntimed_out];
			break;
		}
	}
	if (status != MC_DNS_OK && status != MC_DNS_NXDOMAIN && status != MC_DNS_NODATA) {
		int address = qtype == MC_DNS_T_A || qtype == MC_DNS_T_AAAA;
		int counted = -1;
		if (qtype == MC_DNS_T_TXT) {
			z->txt_errors++;
			z->last_txt_error = z->queries;
			counted = 1;
		} else if (qtype != MC_DNS_T_PTR && !(address && named_in(z->ptr_names, z->nptr, name))
				&& !(address && z->cidr0 && named_in(z->mx_names, z->nmx, name))) {
			z->errors++;
			counted = 0;
		}
		if (len < 0 && counted >= 0 && z->ntimed_out < MAX_NAMED) {
			snprintf(z->timed_out[z->ntimed_out], MC_DNS_NAME_BUF, "%s", name);
			z->timed_out_type[z->ntimed_out] = qtype;
			z->timed_out_txt[z->ntimed_out++] = counted;
		}
	}
	for (size_t i = 0; a && status == MC_DNS_OK && i < a->count; i++) {
		if (qtype == MC_DNS_T_PTR && z->nptr < MAX_NAMED) {
			snprintf(z->ptr_names[z->nptr++], MC_DNS_NAME_BUF, "%s", (const char *)a->rrs[i].data);
		} else if (qtype == MC_DNS_T_MX && z->nmx < MAX_NAMED) {
			snprintf(z->mx_names[z->nmx++], MC_DNS_NAME_BUF, "%s", (const char *)a->rrs[i].data);
		}
	}
	mc_dns_answer_release(a);
	if (debug) {
		fprintf(stderr, "  query %s %u -> %s\n", name, qtype, mc_dns_status_name(status));
	}
}

static int answer(void *ctx, const char *name, uint16_t qtype, unsigned char *buf, size_t cap)
{
	zone *z = ctx;
	int len = build_answer(z, name, qtype, buf, cap);
	note_answer(z, name, qtype, buf, len);
	return len;
}


/* ---- reading the input ------------------------------------------------ */

static uint16_t type_of(const char *t, int *any, int *raw)
{
	static const struct { const char *name; uint16_t type; } types[] = {
		{ "A", MC_DNS_T_A }, { "AAAA", MC_DNS_T_AAAA }, { "MX", MC_DNS_T_MX }, { "TXT", MC_DNS_T_TXT },
		{ "PTR", MC_DNS_T_PTR }, { "CNAME", MC_DNS_T_CNAME }, { "SPF", MC_DNS_T_SPF },
		{ "SOA", MC_DNS_T_SOA }, { "NS", MC_DNS_T_NS },
	};
	*any = strcmp(t, "*") == 0;
	*raw = strcasecmp(t, "RAW") == 0;
	for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		if (strcasecmp(t, types[i].name) == 0) {
			return types[i].type;
		}
	}
	return (uint16_t)strtoul(t, NULL, 10);
}

/* FLAGS: digits = the rcode (0-15), T = no answer (timeout), N = stop at
 * a CNAME (the resolver asks for its target), X = every record of the
 * owner, whatever the type, "/digits" = the TTL. */
static void flags_of(const char *f, entry *e)
{
	e->ttl = DEFAULT_TTL;
	int rcode = 0;
	for (const char *p = f; *p; p++) {
		if (isdigit((unsigned char)*p)) {
			rcode = (rcode * 10 + (*p - '0')) & 0xff;
		} else if (*p == 'T') {
			e->timeout = 1;
		} else if (*p == 'N') {
			e->no_chase = 1;
		} else if (*p == 'X') {
			e->all_types = 1;
		} else if (*p == '/') {
			e->ttl = (uint32_t)strtoul(p + 1, NULL, 10);
			break;
		}
	}
	e->rcode = rcode & 0x0f;
}

/* Splits s at the first space: returns the rest, or "" (s keeps the
 * field). */
static char *field(char *s)
{
	char *sp = strchr(s, ' ');
	if (!sp) {
		return s + strlen(s);
	}
	*sp = '\0';
	return sp + 1;
}

/* A header field: "-" is absent (NULL), else its \xHH escapes decoded (a
 * C string: cut at a NUL). */
static char *hfield(char *s)
{
	if (strcmp(s, "-") == 0) {
		return NULL;
	}
	/* decoding only shortens: in place */
	s[decode(s, (unsigned char *)s, strlen(s), NULL)] = '\0';
	return s;
}

/* ---- checks ------------------------------------------------------------ */

static int no_control(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p < 0x20 || *p == 0x7f) {
			return 0;
		}
	}
	return 1;
}

static int has_fail(const mc_problems *list)
{
	for (size_t i = 0; i < list->count; i++) {
		if (list->items[i].severity == MC_STATUS_FAIL) {
			return 1;
		}
	}
	return 0;
}

static int has_prefix(const mc_problems *list, const char *prefix)
{
	for (size_t i = 0; i < list->count; i++) {
		if (strncmp(list->items[i].code, prefix, strlen(prefix)) == 0) {
			return 1;
		}
	}
	return 0;
}

static void check_problems(const mc_problems *list)
{
	CHECK(list->count <= list->capacity);
	CHECK(list->count == 0 || list->items);
	for (size_t i = 0; i < list->count; i++) {
		const mc_problem *p = &list->items[i];
		CHECK(p->code && p->code[0]);
		CHECK(strspn(p->code, "abcdefghijklmnopqrstuvwxyz0123456789_") == strlen(p->code));
		CHECK(p->message && p->message[0]);
		if (!no_control(p->message) && !lenient_control) {
			fprintf(stderr, "fuzz_spf_path: control byte in the message of %s: %s\n", p->code, p->message);
		}
		CHECK(no_control(p->message) || lenient_control);
		CHECK(p->severity >= MC_STATUS_WARN && p->severity <= MC_STATUS_FAIL);
	}
}

static void dump_problems(const mc_problems *list)
{
	for (size_t i = 0; i < list->count; i++) {
		fprintf(stderr, "  problem %s (%s): %s\n", list->items[i].code, mc_status_name(list->items[i].severity),
			list->items[i].message);
	}
}

static void check_spf(const mc_spf_result *r, const char *sender)
{
	if (debug) {
		fprintf(stderr, "spf: %s, status %s, lookups %d, void %d, record %s\n  explanation %s\n  %s\n",
			mc_spf_result_name(r->result), mc_status_name(r->status), r->dns_lookups, r->void_lookups,
			r->record ? r->record : "-", r->explanation ? r->explanation : "-", r->received_spf ? r->received_spf : "-");
		dump_problems(&r->problems);
	}
	static const char *const names[] = {
		"none", "neutral", "pass", "fail", "softfail", "temperror", "permerror",
	};
	mc_status by_result = MC_STATUS_OK;

	check_problems(&r->problems);
	CHECK(r->result >= MC_SPF_NONE && r->result <= MC_SPF_PERMERROR);
	for (size_t i = 0; i < r->problems.count; i++) {
		const mc_problem *p = &r->problems.items[i];
		if (strcmp(p->code, "spf_temperror") == 0 && strstr(p->message, "internal error of libspf2")) {
			fprintf(stderr, "fuzz_spf_path: libspf2 left through its error handler: %s\n", p->message);
			abort();
		}
		/* Our validator accepted the record and we rewrote it: libspf2's
		 * compiler refusing it means the two disagree. */
		if (strcmp(p->code, "spf_syntax") == 0 && strstr(p->message, "could not be compiled")) {
			fprintf(stderr, "fuzz_spf_path: libspf2 refused a rewritten record: %s\n", p->message);
			abort();
		}
	}
	switch (r->result) {
		case MC_SPF_PASS: by_result = MC_STATUS_OK; break;
		case MC_SPF_NEUTRAL: case MC_SPF_NONE: case MC_SPF_SOFTFAIL: by_result = MC_STATUS_WARN; break;
		case MC_SPF_FAIL: case MC_SPF_PERMERROR: by_result = MC_STATUS_FAIL; break;
		case MC_SPF_TEMPERROR: by_result = MC_STATUS_ERROR; break;
	}
	mc_status worst = mc_problems_status(&r->problems);
	CHECK(r->status == (by_result > worst ? by_result : worst));
	CHECK(r->identity_helo == (sender[0] == '\0'));
	/* An identity with control bytes is named nowhere, its domain included. */
	CHECK(r->domain || mc_problems_has(&r->problems, "spf_invalid_identity"));
	CHECK(!r->record || mc_spf_is_record(r->record, strlen(r->record)));

	int too_many = mc_problems_has(&r->problems, "spf_too_many_lookups");
	int too_void = mc_problems_has(&r->problems, "spf_void_lookups");
	CHECK(r->dns_lookups >= 0 && r->void_lookups >= 0);
	CHECK(r->dns_lookups <= MC_SPF_MAX_DNS_TERMS + 1);
	CHECK(too_many == (r->dns_lookups == MC_SPF_MAX_DNS_TERMS + 1));
	CHECK(r->void_lookups <= MC_SPF_MAX_VOID_LOOKUPS + 1);
	CHECK(too_void == (r->void_lookups == MC_SPF_MAX_VOID_LOOKUPS + 1));
	CHECK(!(too_many && too_void));
	CHECK(!(too_many || too_void) || r->result == MC_SPF_PERMERROR);

	switch (r->result) {
		case MC_SPF_PASS: CHECK(!has_fail(&r->problems)); break;
		case MC_SPF_FAIL: CHECK(mc_problems_has(&r->problems, "spf_fail")); break;
		case MC_SPF_SOFTFAIL: CHECK(mc_problems_has(&r->problems, "spf_softfail")); break;
		case MC_SPF_NEUTRAL: CHECK(mc_problems_has(&r->problems, "spf_neutral")); break;
		case MC_SPF_TEMPERROR: CHECK(mc_problems_has(&r->problems, "spf_temperror")); break;
		case MC_SPF_PERMERROR:
			CHECK(has_fail(&r->problems) || fuzz_tolerate("permerror-reason"));
			break;
		case MC_SPF_NONE:
			CHECK(mc_problems_has(&r->problems, "spf_missing") || mc_problems_has(&r->problems, "spf_loopback_client")
				|| mc_problems_has(&r->problems, "spf_invalid_identity"));
			break;
	}

	if (r->explanation) {
		CHECK(r->result == MC_SPF_FAIL);
		CHECK(no_control(r->explanation));
		CHECK(strlen(r->explanation) <= MC_SPF_MAX_EXPLANATION);
	}
	if (!r->received_spf) {
		/* only for an identity no header may quote */
		CHECK(mc_problems_has(&r->problems, "spf_invalid_identity"));
		return;
	}
	char head[64];
	snprintf(head, sizeof(head), "Received-SPF: %s ", names[r->result]);
	CHECK(strncmp(r->received_spf, head, strlen(head)) == 0);
	if (lenient_control) {
		return;
	}
	if (!no_control(r->received_spf)) {
		fprintf(stderr, "fuzz_spf_path: control byte in %s\n", r->received_spf);
	}
	CHECK(no_control(r->received_spf));
}

static int walk_nodes(const mc_spf_node *n, const mc_spf_node *parent, size_t *count, int *macros)
{
	int sum = n->dns_terms;
	(*count)++;
	CHECK(n->domain);
	CHECK(n->parent == parent);
	CHECK(parent ? (strcmp(n->mechanism, "include") == 0 || strcmp(n->mechanism, "redirect") == 0) : !n->mechanism);
	if (n->record) {
		CHECK(n->record[n->record_len] == '\0');
		CHECK(mc_spf_is_record(n->record, n->record_len));
	}
	CHECK(!n->valid || n->record);
	CHECK(n->nchildren == 0 || n->children);
	*macros |= n->note && strstr(n->note, "has macros") != NULL;
	for (size_t i = 0; i < n->nchildren; i++) {
		sum += walk_nodes(&n->children[i], n, count, macros);
	}
	return sum;
}

static void check_policy(const mc_spf_policy *p, int *macros)
{
	static const char *const permerrors[] = {
		"spf_too_many_lookups", "spf_void_lookups", "spf_syntax", "spf_multiple_records",
		"spf_include_missing", "spf_include_loop", "spf_invalid_domain",
	};
	size_t nodes = 0;

	if (debug) {
		fprintf(stderr, "record: status %s, valid %d, found %d, lookups %d, void %d, truncated %d\n",
			mc_status_name(p->status), p->valid, p->records_found, p->dns_lookups, p->void_lookups, p->truncated);
		dump_problems(&p->problems);
	}
	check_problems(&p->problems);
	CHECK(p->status == mc_problems_status(&p->problems));
	*macros = 0;
	if (!p->root.domain) {
		return; /* out of memory at the start */
	}
	int sum = walk_nodes(&p->root, NULL, &nodes, macros);
	CHECK(nodes <= MC_SPF_POLICY_MAX_NODES);
	CHECK(p->records_found == p->root.records_found);
	CHECK(p->dns_lookups == sum);
	CHECK((p->dns_lookups > MC_SPF_MAX_DNS_TERMS) == mc_problems_has(&p->problems, "spf_too_many_lookups"));
	CHECK((p->void_lookups > 2) == mc_problems_has(&p->problems, "spf_void_lookups"));
	CHECK(!p->valid || (p->records_found == 1 && p->root.valid));
	for (size_t i = 0; i < sizeof(permerrors) / sizeof(permerrors[0]); i++) {
		CHECK(!p->valid || !mc_problems_has(&p->problems, permerrors[i]));
	}
}

static void check_guard(const mc_guard_verdict *v)
{
	int error = 0, fail = 0;
	if (debug) {
		fprintf(stderr, "guard: status %s, dns_trouble %d, blockable %d\n", mc_status_name(v->status),
			v->dns_trouble, v->blockable);
		dump_problems(&v->problems);
	}
	check_problems(&v->problems);
	CHECK(v->status == mc_problems_status(&v->problems));
	for (size_t i = 0; i < v->problems.count; i++) {
		const mc_problem *p = &v->problems.items[i];
		error |= p->severity == MC_STATUS_ERROR;
		fail |= p->severity == MC_STATUS_FAIL;
		for (size_t j = 0; j < i; j++) {
			CHECK(strcmp(v->problems.items[j].code, p->code) != 0 || strcmp(v->problems.items[j].message, p->message) != 0);
		}
	}
	CHECK(v->dns_trouble == error);
	CHECK(v->blockable == fail);
}

/* The evaluation and the record check read the same zone, which answers
 * every query the same way. */
static void check_agree(const mc_spf_result *spf, const mc_spf_policy *p, int macros)
{
	if (mc_problems_has(&spf->problems, "spf_loopback_client") || mc_problems_has(&spf->problems, "spf_invalid_identity")
			|| !p->root.domain || mc_problems_has(&p->problems, "spf_invalid_domain")) {
		return; /* no evaluation */
	}
	const char *note = p->root.note;
	int root_trouble = note && (strncmp(note, "DNS lookup", 10) == 0 || strncmp(note, "no DNS server", 13) == 0);
	if (!root_trouble && p->records_found == 0) {
		CHECK(spf->result == MC_SPF_NONE);
	}
	if (!root_trouble && p->records_found > 1) {
		CHECK(spf->result == MC_SPF_PERMERROR);
		CHECK(mc_problems_has(&spf->problems, "spf_multiple_records"));
	}
	if (p->records_found == 1 && p->root.record) {
		CHECK(spf->record && strcmp(spf->record, p->root.record) == 0);
		if (!p->root.valid) {
			CHECK(spf->result == MC_SPF_PERMERROR);
			CHECK(mc_problems_has(&spf->problems, "spf_syntax"));
		}
	}
	/* RFC 7208 §4.6.4: evaluating stops at the first match, the record
	 * check counts every term: it can only count more. */
	if (mc_problems_has(&spf->problems, "spf_too_many_lookups") && !has_prefix(&p->problems, "dns_")
			&& !p->truncated && !macros && !mc_problems_has(&p->problems, "spf_include_loop")) {
		if (p->dns_lookups <= MC_SPF_MAX_DNS_TERMS) {
			fprintf(stderr, "fuzz_spf_path: evaluation made %d lookups, the record check counts %d\n",
				spf->dns_lookups, p->dns_lookups);
		}
		CHECK(p->dns_lookups > MC_SPF_MAX_DNS_TERMS);
	}
}

/* RFC 7208 §5 and §4.4, issue 8 item 2: a DNS error other than NXDOMAIN
 * is a temperror, never a definite negative result that would block
 * mail. An error of the last TXT asked is let pass with fail: it is the
 * exp= fetch (a failed one only drops the explanation). */
static void check_spf_dns(const mc_spf_result *r, const zone *z)
{
	unsigned errors = z->errors + z->txt_errors;
	if (r->result == MC_SPF_FAIL && z->txt_errors > 0 && z->last_txt_error == z->last_txt) {
		errors--;
	}
	if (r->result == MC_SPF_NONE || r->result == MC_SPF_NEUTRAL || r->result == MC_SPF_FAIL
			|| r->result == MC_SPF_SOFTFAIL) {
		if (errors > 0) {
			fprintf(stderr, "fuzz_spf_path: %s after %u DNS errors\n", mc_spf_result_name(r->result), errors);
		}
		CHECK(errors == 0);
	}
}

/* ---- the target ------------------------------------------------------- */

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	debug = getenv("FUZZ_SPF_PATH_DEBUG") != NULL;
	mc_spf_startup();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	if (!text) {
		return 0;
	}
	memcpy(text, data, size);
	text[size] = '\0';

	/* the header */
	char *line = text, *next = strchr(line, '\n');
	if (next) {
		*next++ = '\0';
	}
	char *f_path = line, *f_ip = field(f_path), *f_sender = field(f_ip);
	char *f_helo = field(f_sender), *f_rest = field(f_helo);
	int path;
	switch (f_path[0]) {
		case 's': path = PATH_SPF; break;
		case 'r': path = PATH_RECORD; break;
		case 'g': path = PATH_GUARD; break;
		case 'b': path = PATH_BOTH; break;
		default: path = (unsigned char)f_path[0] % 4; break;
	}
	mc_ip ip;
	const char *why;
	int have_ip = strcmp(f_ip, "-") != 0;
	if (!have_ip || mc_ip_parse(f_ip, strlen(f_ip), &ip, &why) < 0) {
		mc_ip_parse("192.0.2.1", 9, &ip, &why);
	}
	char *sender = hfield(f_sender), *helo = hfield(f_helo), *rest = hfield(f_rest);

	/* the zone */
	static zone z;
	memset(&z, 0, offsetof(zone, ptr_names)); /* the names are read up to nptr, nmx */
	z.uniform = 1;
	z.cidr0 = memmem(data, size, "/0", 2) != NULL;
	while (next && z.n < MAX_ENTRIES) {
		line = next;
		next = strchr(line, '\n');
		if (next) {
			*next++ = '\0';
		}
		if (!line[0]) {
			continue;
		}
		entry *e = &z.e[z.n++];
		char *type = field(line), *flags = field(type);
		e->rdata = field(flags);
		e->owner = strcmp(line, "*") == 0 ? NULL : line;
		e->type = type_of(type, &e->any_type, &e->raw);
		flags_of(flags, e);
		z.uniform &= e->owner && !e->timeout && !e->raw;
	}

	/* The From: header of the guard is no SPF identity: it stays strict. */
	lenient_control = fuzz_tolerate("identity-control") && ((sender && !no_control(sender))
		|| (helo && !no_control(helo)) || (path != PATH_GUARD && rest && !no_control(rest)));

	mc_dns *dns = mc_dns_new();
	CHECK(dns);
	mc_dns_set_answer_source(dns, answer, &z);
	int64_t deadline = mc_now_ms() + 3600 * 1000;

	if (path == PATH_SPF || path == PATH_BOTH) {
		mc_spf_result spf;
		const char *s = sender ? sender : "";
		mc_spf_check(dns, &ip, s, helo, rest, deadline, &spf);
		check_spf(&spf, s);
		check_spf_dns(&spf, &z);
		if (path == PATH_BOTH && spf.domain) {
			mc_spf_policy p;
			int macros;
			mc_spf_policy_check(dns, spf.domain, deadline, &p);
			check_policy(&p, &macros);
			if (z.uniform) {
				check_agree(&spf, &p, macros);
			}
			mc_spf_policy_free(&p);
		}
		mc_spf_result_free(&spf);
	} else if (path == PATH_RECORD) {
		mc_spf_policy p;
		int macros;
		mc_spf_policy_check(dns, sender ? sender : "", deadline, &p);
		check_policy(&p, &macros);
		mc_spf_policy_free(&p);
	} else {
		mc_guard_mail mail = {
			/* The guard's HELO is mailcheck.helo, which php.ini only takes as a
			 * fully qualified host name (OnUpdateHelo): feed it what it can be. */
			.envelope = sender ? sender : "", .from = rest, .ip = have_ip ? &ip : NULL,
			.helo = helo && mc_name_is_hostname(helo, 1) ? helo : NULL,
			.process_user = "www-data",
		};
		mc_guard_verdict v;
		mc_guard_evaluate(dns, &mail, deadline, &v);
		check_guard(&v);
		mc_guard_verdict_free(&v);
	}
	mc_dns_free(dns);
	free(text);
	return 0;
}
