/* libFuzzer target for the SPF record parser (mc_spf_record.c):
 * mc_spf_is_record(), mc_spf_record_parse() and mc_spf_macro_string_valid().
 *
 * Records come from TXT answers, so every byte is hostile. The whole input
 * is the record, in an exact-size heap copy (no NUL after it, NULs inside
 * allowed: the API takes a length), so ASan sees any read past its end.
 *
 * Oracles, written apart from mc_spf_record.c:
 *  - mc_spf_is_record() against the rule of RFC 7208 4.5;
 *  - the structure of the result: every term's strings NUL-terminated inside
 *    the record's copy and inside the term, their bytes the record's own
 *    (no cut in the middle of one), the fields each kind must and must not
 *    have, pos+len of the terms in order and inside the record, dns_terms,
 *    has_all / all_qualifier / has_ptr / redirect_index / exp_index equal to
 *    what the terms say; error_pos <= len and error_detail printable ASCII
 *    when invalid;
 *  - prefixes: the record cut after any term of a valid record, or after the
 *    last term parsed of an invalid one, is valid with those terms;
 *  - the terms joined again with single spaces parse to the same record;
 *  - mc_spf_macro_string_valid() against an ABNF reading of RFC 7208 7.1
 *    (macro-string, explain-string), exp 0 and 1; exp 0 valid implies exp 1
 *    valid; *pos < len when invalid;
 *  - every domain-spec of a valid record expands (mc_spf_macro_expand(),
 *    exp 0, a fixed env), as mc_spf.c's rewrite_record() needs: else a
 *    record this parser calls valid is a permerror ("Invalid macro").
 *    MC_FUZZ_TOLERATE=macro-digits skips the known case (see known.h). */
#include "mc_spf_record.h"
#include "mc_spf_macro.h"
#include "mc_ip.h"
#include "known.h"

#include <arpa/inet.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define CHECK(cond) do { \
	if (!(cond)) { \
		fprintf(stderr, "fuzz_spf_record: check failed at line %d: %s\n", __LINE__, #cond); \
		abort(); \
	} \
} while (0)

static int lower(int c)
{
	return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

static int is_digit(int c)
{
	return c >= '0' && c <= '9';
}

/* RFC 7208 7.1, read from the ABNF:
 *   explain-string = *( macro-string / SP )
 *   macro-string   = *( macro-expand / macro-literal )
 *   macro-expand   = ( "%{" macro-letter transformers *delimiter "}" )
 *                    / "%%" / "%_" / "%-"
 *   macro-literal  = %x21-24 / %x26-7E
 *   macro-letter   = "s" / "l" / "o" / "d" / "i" / "p" / "h" / "c" / "r" / "t" / "v"
 *   transformers   = *DIGIT [ "r" ]          (7.3: a DIGIT count MUST be nonzero)
 *   delimiter      = "." / "-" / "+" / "," / "/" / "_" / "="
 * ABNF strings are case-insensitive (RFC 5234 2.3); 7.2: c, r, t only in
 * explanations. */
static int oracle_macro_string(const unsigned char *s, size_t len, int exp)
{
	size_t i = 0;
	while (i < len) {
		unsigned char c = s[i];
		if (c == ' ' && exp) {
			i++;
			continue;
		}
		if (c != '%') {
			if (c < 0x21 || c > 0x7e) {
				return 0;
			}
			i++;
			continue;
		}
		if (i + 1 >= len) {
			return 0;
		}
		c = s[i + 1];
		if (c == '%' || c == '_' || c == '-') {
			i += 2;
			continue;
		}
		if (c != '{' || i + 2 >= len) {
			return 0;
		}
		i += 2;
		int letter = lower(s[i]);
		if (!(letter == 's' || letter == 'l' || letter == 'o' || letter == 'd' || letter == 'i'
				|| letter == 'p' || letter == 'h' || letter == 'v'
				|| (exp && (letter == 'c' || letter == 'r' || letter == 't')))) {
			return 0;
		}
		i++;
		size_t digits = 0;
		int value_nonzero = 0;
		while (i < len && is_digit(s[i])) {
			value_nonzero |= s[i] != '0';
			digits++;
			i++;
		}
		if (digits && !value_nonzero) {
			return 0;
		}
		if (i < len && lower(s[i]) == 'r') {
			i++;
		}
		while (i < len && s[i] != '\0' && strchr(".-+,/_=", s[i])) {
			i++;
		}
		if (i >= len || s[i] != '}') {
			return 0;
		}
		i++;
	}
	return 1;
}

static void macro_checks(const char *s, size_t len)
{
	size_t pos0 = (size_t)-1, pos1 = (size_t)-1;
	int v0 = mc_spf_macro_string_valid(s, len, 0, &pos0);
	int v1 = mc_spf_macro_string_valid(s, len, 1, &pos1);
	CHECK(v0 == 0 || v0 == -1);
	CHECK(v1 == 0 || v1 == -1);
	if (v0 < 0) {
		CHECK(pos0 < len);
	}
	if (v1 < 0) {
		CHECK(pos1 < len);
	}
	CHECK(v0 < 0 || v1 == 0); /* an explain-string is a superset */
	CHECK((v0 == 0) == oracle_macro_string((const unsigned char *)s, len, 0));
	CHECK((v1 == 0) == oracle_macro_string((const unsigned char *)s, len, 1));
}

static int printable_ascii(const char *s)
{
	for (; *s; s++) {
		if ((unsigned char)*s < 0x20 || (unsigned char)*s > 0x7e) {
			return 0;
		}
	}
	return 1;
}

/* A string of a term: inside the record's copy and inside the term, its
 * bytes those of the record, ended where the grammar ends it. */
static void check_string(const mc_spf_record *rec, const mc_spf_term *t, const char *txt, const char *str)
{
	CHECK(str != NULL);
	CHECK(str >= rec->buf + t->pos && str <= rec->buf + t->pos + t->len);
	size_t off = (size_t)(str - rec->buf);
	size_t room = t->pos + t->len - off;
	size_t n = strnlen(str, room + 1);
	CHECK(n <= room);
	CHECK(memcmp(str, txt + off, n) == 0);
	if (off + n < t->pos + t->len) {
		char after = txt[off + n];
		CHECK(after == ':' || after == '/' || after == '=');
	}
}

static mc_ip client;
static mc_spf_macro_env env = {
	.sender = "strong-bad@email.example.com", .domain = "email.example.com",
	.helo = "mx.example.org", .receiver = "receiver.example.net", .validated = NULL,
	.ip = &client, .now = 1700000000LL,
};

/* What rewrite_record() in mc_spf.c does with a domain-spec. */
static void check_expands(const char *spec)
{
	static int tolerate = -1;
	if (tolerate < 0) {
		const char *why;
		CHECK(mc_ip_parse("192.0.2.3", strlen("192.0.2.3"), &client, &why) == 0);
		tolerate = fuzz_tolerate("macro-digits");
	}
	size_t n = strlen(spec);
	if (tolerate && fuzz_has_many_digits(spec, n)) {
		return;
	}
	char *out = mc_spf_macro_expand(spec, n, 0, &env);
	if (!out) {
		fprintf(stderr, "fuzz_spf_record: valid domain-spec \"%s\" does not expand\n", spec);
	}
	CHECK(out != NULL);
	free(out);
}

static const char *const kind_names[] = {
	"all", "include", "a", "mx", "ptr", "ip4", "ip6", "exists", "redirect", "exp", NULL
};

static void check_term(const mc_spf_record *rec, const mc_spf_term *t, const char *txt, size_t len)
{
	CHECK(t->len > 0 && t->pos + t->len <= len);
	CHECK(t->pos > 6 && txt[t->pos - 1] == ' ');
	CHECK(t->pos + t->len == len || txt[t->pos + t->len] == ' ');
	for (size_t i = t->pos; i < t->pos + t->len; i++) {
		CHECK((unsigned char)txt[i] >= 0x21 && (unsigned char)txt[i] <= 0x7e);
	}
	CHECK(t->qualifier == '+' || t->qualifier == '-' || t->qualifier == '~' || t->qualifier == '?');
	CHECK(t->explicit_qualifier == 0 || t->explicit_qualifier == 1);
	if (t->explicit_qualifier) {
		CHECK(txt[t->pos] == (char)t->qualifier);
	} else {
		CHECK(t->qualifier == '+' && !strchr("+-~?", txt[t->pos]));
	}
	CHECK(t->kind >= MC_SPF_M_ALL && t->kind <= MC_SPF_MOD_UNKNOWN);

	check_string(rec, t, txt, t->name);
	if (t->domain_spec && rec->valid) {
		check_expands(t->domain_spec);
	}
	CHECK(t->name[0] != '\0');
	CHECK(t->name == rec->buf + t->pos + (size_t)t->explicit_qualifier);
	if (t->kind != MC_SPF_MOD_UNKNOWN) {
		CHECK(strcasecmp(t->name, kind_names[t->kind]) == 0);
	} else {
		CHECK(strcasecmp(t->name, "redirect") != 0 && strcasecmp(t->name, "exp") != 0);
	}
	if (t->domain_spec) {
		check_string(rec, t, txt, t->domain_spec);
		size_t n = strlen(t->domain_spec);
		CHECK(n > 0);
		size_t pos;
		CHECK(mc_spf_macro_string_valid(t->domain_spec, n, 0, &pos) == 0);
		CHECK(oracle_macro_string((const unsigned char *)t->domain_spec, n, 0));
		CHECK(t->has_macros == (strchr(t->domain_spec, '%') != NULL));
	} else {
		CHECK(t->has_macros == 0);
	}
	if (t->value) {
		check_string(rec, t, txt, t->value);
		CHECK(t->value[-1] == '\0'); /* the "=" became the name's NUL */
		CHECK(txt[t->value - rec->buf - 1] == '=');
	}
	if (t->ip) {
		check_string(rec, t, txt, t->ip);
		CHECK(txt[t->ip - rec->buf - 1] == ':');
	}
	CHECK(t->cidr4 >= -1 && t->cidr4 <= 32);
	CHECK(t->cidr6 >= -1 && t->cidr6 <= 128);

	unsigned char bin[16];
	switch (t->kind) {
	case MC_SPF_M_ALL:
		CHECK(!t->domain_spec && !t->value && !t->ip && t->cidr4 == -1 && t->cidr6 == -1);
		CHECK(t->len == strlen("all") + (size_t)t->explicit_qualifier);
		break;
	case MC_SPF_M_INCLUDE:
	case MC_SPF_M_EXISTS:
		CHECK(t->domain_spec && !t->value && !t->ip && t->cidr4 == -1 && t->cidr6 == -1);
		break;
	case MC_SPF_M_PTR:
		CHECK(!t->value && !t->ip && t->cidr4 == -1 && t->cidr6 == -1);
		break;
	case MC_SPF_M_A:
	case MC_SPF_M_MX:
		CHECK(!t->value && !t->ip);
		break;
	case MC_SPF_M_IP4:
		CHECK(t->ip && !t->domain_spec && !t->value && t->cidr6 == -1);
		CHECK(inet_pton(AF_INET, t->ip, bin) == 1);
		break;
	case MC_SPF_M_IP6:
		CHECK(t->ip && !t->domain_spec && !t->value && t->cidr4 == -1);
		CHECK(inet_pton(AF_INET6, t->ip, bin) == 1);
		break;
	case MC_SPF_MOD_REDIRECT:
	case MC_SPF_MOD_EXP:
		CHECK(t->domain_spec && t->value == t->domain_spec && !t->ip);
		CHECK(!t->explicit_qualifier && t->cidr4 == -1 && t->cidr6 == -1);
		break;
	case MC_SPF_MOD_UNKNOWN:
		CHECK(t->value && !t->domain_spec && !t->ip && !t->explicit_qualifier);
		CHECK(oracle_macro_string((const unsigned char *)t->value, strlen(t->value), 0));
		break;
	}
}

/* Parses, checks everything, and fills *out_rec (freed by the caller). */
static void parse_and_check(const char *txt, size_t len, mc_spf_record *rec)
{
	int is = mc_spf_is_record(txt, len);
	int oracle_is = len >= 6 && strncasecmp(txt, "v=spf1", 6) == 0 && (len == 6 || txt[6] == ' ');
	CHECK(is == oracle_is);

	memset(rec, 0xa5, sizeof(*rec));
	int rc = mc_spf_record_parse(txt, len, rec);
	CHECK(rc == 0 || rc == -1);
	if (rc < 0) { /* out of memory: left empty */
		CHECK(rec->terms == NULL && rec->buf == NULL && rec->error_detail == NULL && rec->count == 0);
		return;
	}
	CHECK(rec->valid == 0 || rec->valid == 1);
	if (!is) {
		CHECK(!rec->valid && rec->count == 0 && rec->error && strcmp(rec->error, "not an SPF record") == 0);
	}
	if (rec->valid) {
		CHECK(rec->error == NULL && rec->error_detail == NULL);
		CHECK(rec->buf != NULL);
	} else {
		CHECK(rec->error != NULL && rec->error[0] != '\0' && printable_ascii(rec->error));
		CHECK(rec->error_pos <= len);
		CHECK(rec->error_detail != NULL && rec->error_detail[0] != '\0');
		CHECK(printable_ascii(rec->error_detail));
	}
	if (rec->count > 0) {
		CHECK(rec->terms != NULL && rec->buf != NULL);
		CHECK(memchr(rec->buf, '\0', len + 1) != NULL);
	}

	size_t words = 0;
	for (size_t i = 7; i < len; i++) {
		words += txt[i] != ' ' && txt[i - 1] == ' ';
	}
	CHECK(rec->count <= words);

	int dns = 0, has_all = 0, all_q = 0, has_ptr = 0, redirect = -1, exp = -1;
	size_t prev_end = 6;
	for (size_t k = 0; k < rec->count; k++) {
		const mc_spf_term *t = &rec->terms[k];
		CHECK(t->pos > prev_end);
		check_term(rec, t, txt, len);
		prev_end = t->pos + t->len;
		switch (t->kind) {
		case MC_SPF_M_ALL:
			if (!has_all) {
				has_all = 1;
				all_q = (int)t->qualifier;
			}
			break;
		case MC_SPF_M_PTR:
			has_ptr = 1;
			dns++;
			break;
		case MC_SPF_M_INCLUDE: case MC_SPF_M_A: case MC_SPF_M_MX: case MC_SPF_M_EXISTS:
			dns++;
			break;
		case MC_SPF_MOD_REDIRECT:
			CHECK(redirect < 0); /* given twice is an error */
			redirect = (int)k;
			dns++;
			break;
		case MC_SPF_MOD_EXP:
			CHECK(exp < 0);
			exp = (int)k;
			break;
		default:
			break;
		}
	}
	CHECK(rec->dns_terms == dns);
	CHECK(rec->has_all == has_all);
	if (has_all) {
		CHECK(rec->all_qualifier == all_q);
	}
	CHECK(rec->has_ptr == has_ptr);
	CHECK(rec->redirect_index == redirect);
	CHECK(rec->has_redirect == (redirect >= 0));
	CHECK(rec->exp_index == exp);
	if (rec->valid) {
		CHECK(rec->count == words); /* every word a term */
	} else if (is) {
		CHECK(rec->error_pos >= prev_end); /* the error is after the terms kept */
	}
}

static void same_terms(const mc_spf_record *a, const mc_spf_record *b, size_t count)
{
	for (size_t k = 0; k < count; k++) {
		const mc_spf_term *x = &a->terms[k], *y = &b->terms[k];
		CHECK(x->kind == y->kind && x->qualifier == y->qualifier);
		CHECK(x->explicit_qualifier == y->explicit_qualifier);
		CHECK(x->cidr4 == y->cidr4 && x->cidr6 == y->cidr6);
		CHECK(x->len == y->len && x->has_macros == y->has_macros);
		CHECK(strcmp(x->name, y->name) == 0);
		CHECK(!x->domain_spec == !y->domain_spec);
		CHECK(!x->domain_spec || strcmp(x->domain_spec, y->domain_spec) == 0);
		CHECK(!x->value == !y->value);
		CHECK(!x->value || strcmp(x->value, y->value) == 0);
		CHECK(!x->ip == !y->ip);
		CHECK(!x->ip || strcmp(x->ip, y->ip) == 0);
	}
}

/* The record cut after term `upto` (exclusive count) parses valid with the
 * same first terms. */
static void check_prefix(const char *txt, const mc_spf_record *rec, size_t upto)
{
	size_t cut = upto ? rec->terms[upto - 1].pos + rec->terms[upto - 1].len : 6;
	char *copy = malloc(cut ? cut : 1);
	if (!copy) {
		return;
	}
	memcpy(copy, txt, cut);
	mc_spf_record again;
	if (mc_spf_record_parse(copy, cut, &again) == 0) {
		CHECK(again.valid);
		CHECK(again.count == upto);
		same_terms(rec, &again, upto);
	}
	mc_spf_record_free(&again);
	free(copy);
}

/* The terms joined with single spaces after "v=spf1": the same record. */
static void check_rejoined(const char *txt, const mc_spf_record *rec)
{
	size_t n = 6;
	for (size_t k = 0; k < rec->count; k++) {
		n += 1 + rec->terms[k].len;
	}
	char *joined = malloc(n);
	if (!joined) {
		return;
	}
	memcpy(joined, txt, 6);
	size_t o = 6;
	for (size_t k = 0; k < rec->count; k++) {
		joined[o++] = ' ';
		memcpy(joined + o, txt + rec->terms[k].pos, rec->terms[k].len);
		o += rec->terms[k].len;
	}
	mc_spf_record again;
	if (mc_spf_record_parse(joined, n, &again) == 0) {
		CHECK(again.valid && again.count == rec->count);
		CHECK(again.dns_terms == rec->dns_terms);
		same_terms(rec, &again, rec->count);
	}
	mc_spf_record_free(&again);
	free(joined);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *txt = malloc(size ? size : 1);
	if (!txt) {
		return 0;
	}
	memcpy(txt, data, size);

	macro_checks(txt, size);

	mc_spf_record rec;
	parse_and_check(txt, size, &rec);
	if (rec.valid) {
		if (rec.count > 0) {
			check_prefix(txt, &rec, rec.count / 2);
			check_prefix(txt, &rec, rec.count - 1);
		}
		check_rejoined(txt, &rec);
	} else if (mc_spf_is_record(txt, size)) {
		check_prefix(txt, &rec, rec.count);
	}
	mc_spf_record_free(&rec);
	/* freeing twice is harmless: free() resets */
	mc_spf_record_free(&rec);
	free(txt);
	return 0;
}
