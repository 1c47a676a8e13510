#include "mc_spf_record.h"

#include <arpa/inet.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define VERSION "v=spf1"
#define VERSION_LEN 6
/* Enough of the offending text to recognise it; a record may be 64 KiB of
 * junk, and the message goes into a warning. */
#define SNIPPET_MAX 48
/* Every byte may become \xHH, plus the "..." of a cut. */
#define QUOTE_BUF (SNIPPET_MAX * 4 + 4)
#define IP6_TEXT_MAX 64

typedef struct {
	const char *txt;
	size_t len;
	mc_spf_record *rec;
	int oom;
} parser;

/* Where a macro-string went wrong: the offending bytes and why. */
typedef struct {
	size_t pos, len;
	const char *reason;   /* static, for rec->error */
	const char *what;     /* static, the sentence for error_detail */
} macro_error;

static int lower(int c)
{
	return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

static int is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int is_alnum(int c)
{
	return is_alpha(c) || is_digit(c);
}

/* name = ALPHA *( ALPHA / DIGIT / "-" / "_" / "." ), minus the first-letter
 * rule, which is checked apart to say what is wrong. */
static int is_name_char(int c)
{
	return is_alnum(c) || c == '-' || c == '_' || c == '.';
}

static int is_delimiter(int c)
{
	return c == '.' || c == '-' || c == '+' || c == ',' || c == '/' || c == '_' || c == '=';
}

/* Equal to a lower-case word, ASCII case-insensitive (ABNF strings are). */
static int word_equal(const char *s, size_t n, const char *word)
{
	if (strlen(word) != n) {
		return 0;
	}
	for (size_t i = 0; i < n; i++) {
		if (lower((unsigned char)s[i]) != word[i]) {
			return 0;
		}
	}
	return 1;
}

/* Copies text for a message: printable ASCII as is, the rest as \xHH so that
 * hostile bytes cannot reach a log or a terminal; cut with "..." when long. */
static const char *quote(const char *s, size_t n, char out[QUOTE_BUF])
{
	size_t o = 0;
	size_t shown = n > SNIPPET_MAX ? SNIPPET_MAX : n;
	for (size_t i = 0; i < shown; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\') {
			out[o++] = '\\';
			out[o++] = (char)c;
		} else if (c >= 0x20 && c < 0x7f) {
			out[o++] = (char)c;
		} else {
			snprintf(out + o, 5, "\\x%02X", c);
			o += 4;
		}
	}
	if (shown < n) {
		memcpy(out + o, "...", 3);
		o += 3;
	}
	out[o] = '\0';
	return out;
}

#if defined(__GNUC__)
__attribute__((format(printf, 4, 5)))
#endif
static int fail(parser *p, size_t pos, const char *reason, const char *fmt, ...)
{
	mc_spf_record *rec = p->rec;
	va_list ap;

	rec->valid = 0;
	rec->error = reason;
	rec->error_pos = pos;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0) {
		return -1;
	}
	rec->error_detail = malloc((size_t)n + 1);
	if (!rec->error_detail) {
		p->oom = 1;
		return -1;
	}
	va_start(ap, fmt);
	vsnprintf(rec->error_detail, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return -1;
}

/* The length of the macro starting at a "%" for a message: up to its "}"
 * when that is near, else what was read. */
static size_t macro_extent(const char *s, size_t len, size_t start, size_t read_to)
{
	for (size_t i = start + 1; i < len && i < start + SNIPPET_MAX; i++) {
		if (s[i] == '}') {
			return i + 1 - start;
		}
		if (s[i] == '%' || s[i] == ' ') {
			break;
		}
	}
	return (read_to < len ? read_to + 1 : len) - start;
}

/* macro-string = *( macro-expand / macro-literal ), RFC 7208 section 7.1;
 * with exp, explain-string = *( macro-string / SP ). *last_macro_end gets
 * the end of the last macro-expand, which domain-end needs. */
static int check_macro_string(const char *s, size_t len, int exp, size_t *last_macro_end, macro_error *err)
{
	size_t i = 0;
	*last_macro_end = (size_t)-1;
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		if (c != '%') {
			if ((c < 0x21 || c > 0x7e) && !(exp && c == ' ')) {
				err->pos = i;
				err->len = 1;
				err->reason = "invalid character";
				err->what = "only printable ASCII is allowed";
				return -1;
			}
			i++;
			continue;
		}
		size_t start = i;
		err->pos = start;
		err->reason = "invalid macro";
		if (i + 1 >= len) {
			err->len = 1;
			err->what = "a \"%\" must start a macro: write \"%%\" for a percent sign";
			return -1;
		}
		char next = s[i + 1];
		if (next == '%' || next == '_' || next == '-') {
			i += 2;
			*last_macro_end = i;
			continue;
		}
		if (next != '{') {
			err->len = 2;
			err->what = "a \"%\" must be followed by \"{\", \"%\", \"_\" or \"-\": write \"%%\" for a percent sign";
			return -1;
		}
		size_t j = i + 2;
		if (j >= len) {
			err->len = j - start;
			err->what = "the macro is not closed with \"}\"";
			return -1;
		}
		/* Upper case asks for URL escaping: the same letters (section 7.3). */
		int letter = lower((unsigned char)s[j]);
		int anywhere = letter != '\0' && strchr("slodiphv", letter) != NULL;
		int exp_only = letter != '\0' && strchr("crt", letter) != NULL;
		if (exp_only && !exp) {
			err->len = macro_extent(s, len, start, j);
			err->what = "the macro letters c, r and t are allowed only in explanation text";
			return -1;
		}
		if (!anywhere && !exp_only) {
			err->len = macro_extent(s, len, start, j);
			err->what = "the macro letters are s, l, o, d, i, p, h, v (and c, r, t in explanations)";
			return -1;
		}
		j++;
		size_t digits = j;
		int nonzero = 0;
		while (j < len && is_digit((unsigned char)s[j])) {
			nonzero |= s[j] != '0';
			j++;
		}
		if (j > digits && !nonzero) {
			err->len = macro_extent(s, len, start, j);
			err->what = "the number of parts in a macro must not be zero";
			return -1;
		}
		if (j < len && lower((unsigned char)s[j]) == 'r') {
			j++;
		}
		while (j < len && is_delimiter((unsigned char)s[j])) {
			j++;
		}
		if (j >= len || s[j] != '}') {
			err->len = macro_extent(s, len, start, j);
			err->what = j >= len ? "the macro is not closed with \"}\""
				: "a macro is %{letter [digits] [r] [delimiters .-+,/_=]}";
			return -1;
		}
		i = j + 1;
		*last_macro_end = i;
	}
	return 0;
}

int mc_spf_macro_string_valid(const char *s, size_t len, int exp, size_t *pos)
{
	size_t last_macro_end;
	macro_error err;
	if (check_macro_string(s, len, exp, &last_macro_end, &err) < 0) {
		*pos = err.pos;
		return -1;
	}
	return 0;
}

/* toplabel = ( *alphanum ALPHA *alphanum ) /
 *            ( 1*alphanum "-" *( alphanum / "-" ) alphanum )
 * The label holds only alphanumerics and hyphens here. */
static int is_toplabel(const char *s, size_t n)
{
	if (n == 0) {
		return 0;
	}
	if (memchr(s, '-', n)) {
		return is_alnum((unsigned char)s[0]) && is_alnum((unsigned char)s[n - 1]);
	}
	for (size_t i = 0; i < n; i++) {
		if (is_alpha((unsigned char)s[i])) {
			return 1;
		}
	}
	return 0;
}

static int looks_like_ip4(const char *s, size_t n)
{
	int dots = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '.') {
			dots++;
		} else if (!is_digit((unsigned char)s[i])) {
			return 0;
		}
	}
	return dots == 3;
}

/* Ends in "/" and digits: a CIDR length where none is allowed. */
static int ends_in_cidr(const char *s, size_t n)
{
	size_t i = n;
	while (i > 0 && is_digit((unsigned char)s[i - 1])) {
		i--;
	}
	return i > 0 && s[i - 1] == '/';
}

/* domain-spec = macro-string domain-end
 * domain-end  = ( "." toplabel [ "." ] ) / macro-expand
 * Checked on the text as written: section 7.1 forbids judging it after
 * expansion, where a HELO name could make or break it. */
static int check_domain_spec(parser *p, size_t start, size_t end, const char *mech)
{
	const char *s = p->txt + start;
	size_t n = end - start;
	char q[QUOTE_BUF], q2[QUOTE_BUF];
	size_t last_macro_end;
	macro_error err;

	if (n == 0) {
		return fail(p, start, "empty domain-spec", "\"%s\" needs a domain after the \"%c\"",
				mech, p->txt[start - 1]);
	}
	if (check_macro_string(s, n, 0, &last_macro_end, &err) < 0) {
		return fail(p, start + err.pos, err.reason, "%s \"%s\" in \"%s\": %s", err.reason,
				quote(s + err.pos, err.len, q), quote(s, n, q2), err.what);
	}
	if (last_macro_end == n) {
		return 0;
	}
	size_t t = n;
	if (s[t - 1] == '.') {
		t--;
	}
	size_t l = t;
	while (l > 0 && (is_alnum((unsigned char)s[l - 1]) || s[l - 1] == '-')) {
		l--;
	}
	if (l > 0 && s[l - 1] == '.' && is_toplabel(s + l, t - l)) {
		return 0;
	}
	quote(s, n, q);
	if (looks_like_ip4(s, n)) {
		return fail(p, start, "invalid domain-spec",
				"\"%s\" is an IP address, not a domain: write ip4:%s", q, q);
	}
	if (strcmp(mech, "a") != 0 && strcmp(mech, "mx") != 0 && ends_in_cidr(s, n)) {
		return fail(p, start, "invalid domain-spec",
				"\"%s\": \"%s\" takes no CIDR length", q, mech);
	}
	if (l > 0 && s[l - 1] == '.' && t > l) {
		return fail(p, start, "invalid domain-spec",
				"\"%s\" is not a domain: its last label \"%s\" must have a letter and must not start or end with \"-\"",
				q, quote(s + l, t - l, q2));
	}
	return fail(p, start, "invalid domain-spec",
			"\"%s\" is not a domain: it must end in a dot and a top-level label, or in a macro", q);
}

/* ip4-network = qnum "." qnum "." qnum "." qnum, qnum 0-255 without
 * leading zeros. */
static int is_ip4_network(const char *s, size_t n)
{
	size_t i = 0;
	for (int part = 0; part < 4; part++) {
		if (part > 0) {
			if (i >= n || s[i] != '.') {
				return 0;
			}
			i++;
		}
		size_t d = i;
		unsigned v = 0;
		while (i < n && is_digit((unsigned char)s[i]) && i - d < 4) {
			v = v * 10 + (unsigned)(s[i] - '0');
			i++;
		}
		size_t digits = i - d;
		if (digits == 0 || digits > 3 || (digits > 1 && s[d] == '0') || v > 255) {
			return 0;
		}
	}
	return i == n;
}

/* ip6-network: the text forms of RFC 4291 section 2.2, as inet_pton reads them. */
static int is_ip6_network(const char *s, size_t n)
{
	char buf[IP6_TEXT_MAX];
	unsigned char addr[16];
	if (n == 0 || n >= sizeof(buf)) {
		return 0;
	}
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (!(is_digit(c) || (lower(c) >= 'a' && lower(c) <= 'f') || c == ':' || c == '.')) {
			return 0;
		}
	}
	memcpy(buf, s, n);
	buf[n] = '\0';
	return inet_pton(AF_INET6, buf, addr) == 1;
}

/* ip4-cidr-length = "/" ("0" / %x31-39 0*1DIGIT), at most 32;
 * ip6-cidr-length = "/" ("0" / %x31-39 0*2DIGIT), at most 128.
 * slash is where the length starts in the record (its "/" or "//"),
 * [start, end) the digits. */
static int parse_cidr(parser *p, size_t slash, size_t start, size_t end, int ip6, int *out)
{
	const char *family = ip6 ? "ip6" : "ip4";
	int max = ip6 ? 128 : 32;
	char q[QUOTE_BUF];
	const char *s = p->txt + start;
	size_t n = end - start;

	if (n == 0) {
		return fail(p, slash, "invalid CIDR length", "%s CIDR length is missing after the \"/\"", family);
	}
	for (size_t i = 0; i < n; i++) {
		if (!is_digit((unsigned char)s[i])) {
			return fail(p, slash, "invalid CIDR length", "%s CIDR length \"%s\" is not a number",
					family, quote(s, n, q));
		}
	}
	if (n > 1 && s[0] == '0') {
		return fail(p, slash, "invalid CIDR length", "%s CIDR length \"%s\" has a leading zero",
				family, quote(s, n, q));
	}
	int v = 0;
	for (size_t i = 0; i < n && i < 4; i++) {
		v = v * 10 + (s[i] - '0');
	}
	if (n > 3 || v > max) {
		return fail(p, slash, "invalid CIDR length", "%s CIDR length %s is greater than %d",
				family, quote(s, n, q), max);
	}
	*out = v;
	return 0;
}

/* Makes a part of a term a string in the record's copy: the byte after it,
 * a ':', '/', '=', space or the copy's final NUL, becomes a NUL. */
static char *cut(parser *p, size_t start, size_t end)
{
	p->rec->buf[end] = '\0';
	return p->rec->buf + start;
}

static int set_domain(parser *p, mc_spf_term *term, size_t start, size_t end, const char *mech)
{
	if (check_domain_spec(p, start, end, mech) < 0) {
		return -1;
	}
	term->domain_spec = cut(p, start, end);
	term->has_macros = memchr(p->txt + start, '%', end - start) != NULL;
	return 0;
}

/* a and mx: [ ":" domain-spec ] [ dual-cidr-length ]. The CIDR lengths are
 * taken off the end: a domain-spec can contain "/" but can never end in
 * "/" and digits (domain-end ends in a toplabel or a macro), so the split
 * is the only one the grammar allows. */
static int parse_a_mx(parser *p, mc_spf_term *term, size_t rest, size_t end, const char *mech)
{
	const char *s = p->txt;
	size_t e = end, ip4_slash = 0, ip4_digits = 0, ip4_end = 0, ip6_slash = 0, ip6_digits = 0;
	int has4 = 0, has6 = 0;
	char q[QUOTE_BUF];

	size_t d = e;
	while (d > rest && is_digit((unsigned char)s[d - 1])) {
		d--;
	}
	if (d >= rest + 2 && s[d - 1] == '/' && s[d - 2] == '/') {
		has6 = 1;
		ip6_slash = d - 2;
		ip6_digits = d;
		e = d - 2;
		d = e;
		while (d > rest && is_digit((unsigned char)s[d - 1])) {
			d--;
		}
	}
	if (d > rest && s[d - 1] == '/' && !(d >= rest + 2 && s[d - 2] == '/')) {
		has4 = 1;
		ip4_slash = d - 1;
		ip4_digits = d;
		ip4_end = e;
		e = d - 1;
	}
	if (e > rest && s[rest] != ':') {
		return fail(p, rest, "invalid CIDR length",
				"\"%s\" after \"%s\" is not a CIDR length: write %s[:domain][/ip4-length][//ip6-length]",
				quote(s + rest, end - rest, q), mech, mech);
	}
	if (e > rest && set_domain(p, term, rest + 1, e, mech) < 0) {
		return -1;
	}
	if (has4 && parse_cidr(p, ip4_slash, ip4_digits, ip4_end, 0, &term->cidr4) < 0) {
		return -1;
	}
	if (has6 && parse_cidr(p, ip6_slash, ip6_digits, end, 1, &term->cidr6) < 0) {
		return -1;
	}
	return 0;
}

/* ip4 / ip6: ":" network [ cidr-length ], one length only. */
static int parse_ip(parser *p, mc_spf_term *term, size_t rest, size_t end, int ip6, const char *mech)
{
	const char *s = p->txt;
	char q[QUOTE_BUF];

	if (rest >= end || s[rest] != ':' || rest + 1 == end) {
		return fail(p, rest, "missing address", "\"%s\" needs an address: %s:<address>[/<length>]",
				mech, ip6 ? "ip6" : "ip4");
	}
	size_t a = rest + 1, slash = a;
	while (slash < end && s[slash] != '/') {
		slash++;
	}
	int ok = ip6 ? is_ip6_network(s + a, slash - a) : is_ip4_network(s + a, slash - a);
	if (!ok) {
		return fail(p, a, ip6 ? "invalid IPv6 address" : "invalid IPv4 address",
				ip6 ? "\"%s\" is not an IPv6 address"
				: "\"%s\" is not an IPv4 address (four numbers 0-255 without leading zeros)",
				quote(s + a, slash - a, q));
	}
	if (slash < end) {
		if (slash + 1 < end && s[slash + 1] == '/') {
			return fail(p, slash, "invalid CIDR length", "\"%s\" takes a single CIDR length, not \"%s\"",
					mech, quote(s + slash, end - slash, q));
		}
		if (parse_cidr(p, slash, slash + 1, end, ip6, ip6 ? &term->cidr6 : &term->cidr4) < 0) {
			return -1;
		}
	}
	term->ip = cut(p, a, slash);
	return 0;
}

/* In mc_spf_term_kind order: the kind indexes it for the name. */
static const struct {
	const char *name;
	mc_spf_term_kind kind;
} mechanisms[] = {
	{"all", MC_SPF_M_ALL}, {"include", MC_SPF_M_INCLUDE}, {"a", MC_SPF_M_A},
	{"mx", MC_SPF_M_MX}, {"ptr", MC_SPF_M_PTR}, {"ip4", MC_SPF_M_IP4},
	{"ip6", MC_SPF_M_IP6}, {"exists", MC_SPF_M_EXISTS}
};

static int parse_mechanism(parser *p, mc_spf_term *term, size_t name_start, size_t end)
{
	const char *s = p->txt;
	char q[QUOTE_BUF];
	size_t m = name_start;

	while (m < end && is_alnum((unsigned char)s[m])) {
		m++;
	}
	if (m == name_start) {
		return fail(p, term->pos, "unknown mechanism", "\"%s\" is not a mechanism or a modifier",
				quote(s + term->pos, end - term->pos, q));
	}
	size_t shown = m;
	while (shown < end && s[shown] != ':' && s[shown] != '/' && s[shown] != '=') {
		shown++;
	}
	int known = 0;
	if (shown == m) {
		for (size_t k = 0; k < sizeof(mechanisms) / sizeof(mechanisms[0]); k++) {
			if (word_equal(s + name_start, m - name_start, mechanisms[k].name)) {
				term->kind = mechanisms[k].kind;
				known = 1;
				break;
			}
		}
	}
	if (!known) {
		quote(s + name_start, shown - name_start, q);
		if (word_equal(s + name_start, shown - name_start, "redirect")
				|| word_equal(s + name_start, shown - name_start, "exp")) {
			return fail(p, name_start, "unknown mechanism", "\"%s\" is a modifier: write %s=<domain>", q, q);
		}
		return fail(p, name_start, "unknown mechanism", "unknown mechanism \"%s\"", q);
	}
	/* The mechanism's own name for messages, as a reader would look it up. */
	const char *mech = mechanisms[term->kind].name;
	size_t rest = m;

	switch (term->kind) {
	case MC_SPF_M_ALL:
		if (rest < end) {
			return fail(p, rest, "unexpected argument", "\"all\" takes no argument: \"%s\"",
					quote(s + rest, end - rest, q));
		}
		break;
	case MC_SPF_M_INCLUDE:
	case MC_SPF_M_EXISTS:
		if (rest >= end || s[rest] != ':') {
			return fail(p, rest, "missing domain-spec", "\"%s\" needs a domain: %s:<domain>", mech, mech);
		}
		if (set_domain(p, term, rest + 1, end, mech) < 0) {
			return -1;
		}
		break;
	case MC_SPF_M_PTR:
		if (rest < end && s[rest] != ':') {
			return fail(p, rest, "unexpected argument", "\"ptr\" takes no CIDR length: \"%s\"",
					quote(s + rest, end - rest, q));
		}
		if (rest < end && set_domain(p, term, rest + 1, end, mech) < 0) {
			return -1;
		}
		break;
	case MC_SPF_M_A:
	case MC_SPF_M_MX:
		if (parse_a_mx(p, term, rest, end, mech) < 0) {
			return -1;
		}
		break;
	case MC_SPF_M_IP4:
	case MC_SPF_M_IP6:
		if (parse_ip(p, term, rest, end, term->kind == MC_SPF_M_IP6, mech) < 0) {
			return -1;
		}
		break;
	default:
		break;
	}
	term->name = cut(p, name_start, m);
	return 0;
}

/* modifier = name "=" value; redirect and exp take a domain-spec and may
 * appear once each (section 6), any other name takes a macro-string. */
static int parse_modifier(parser *p, mc_spf_term *term, size_t name_start, size_t eq, size_t end)
{
	mc_spf_record *rec = p->rec;
	const char *s = p->txt;
	char q[QUOTE_BUF], q2[QUOTE_BUF];
	size_t value = eq + 1;

	if (term->explicit_qualifier) {
		return fail(p, term->pos, "qualifier before a modifier", "\"%s\" is a modifier: it takes no qualifier",
				quote(s + term->pos, end - term->pos, q));
	}
	if (eq == name_start) {
		return fail(p, term->pos, "invalid modifier name", "\"%s\": a modifier needs a name before the \"=\"",
				quote(s + term->pos, end - term->pos, q));
	}
	if (!is_alpha((unsigned char)s[name_start])) {
		return fail(p, name_start, "invalid modifier name", "modifier name \"%s\" must start with a letter",
				quote(s + name_start, eq - name_start, q));
	}
	if (word_equal(s + name_start, eq - name_start, "redirect")) {
		if (rec->redirect_index >= 0) {
			return fail(p, term->pos, "redirect= given twice", "redirect= given twice: a record may have one");
		}
		term->kind = MC_SPF_MOD_REDIRECT;
		if (set_domain(p, term, value, end, "redirect") < 0) {
			return -1;
		}
	} else if (word_equal(s + name_start, eq - name_start, "exp")) {
		if (rec->exp_index >= 0) {
			return fail(p, term->pos, "exp= given twice", "exp= given twice: a record may have one");
		}
		term->kind = MC_SPF_MOD_EXP;
		if (set_domain(p, term, value, end, "exp") < 0) {
			return -1;
		}
	} else {
		size_t last_macro_end;
		macro_error err;
		term->kind = MC_SPF_MOD_UNKNOWN;
		if (check_macro_string(s + value, end - value, 0, &last_macro_end, &err) < 0) {
			return fail(p, value + err.pos, err.reason, "%s \"%s\" in modifier \"%s\": %s", err.reason,
					quote(s + value + err.pos, err.len, q), quote(s + term->pos, end - term->pos, q2),
					err.what);
		}
	}
	term->value = cut(p, value, end);
	term->name = cut(p, name_start, eq);
	return 0;
}

static void add_term(parser *p, const mc_spf_term *term)
{
	mc_spf_record *rec = p->rec;
	rec->terms[rec->count++] = *term;
}

static int parse_term(parser *p, size_t start, size_t end)
{
	mc_spf_record *rec = p->rec;
	const char *s = p->txt;
	mc_spf_term term;

	memset(&term, 0, sizeof(term));
	term.qualifier = MC_SPF_Q_PASS;
	term.cidr4 = term.cidr6 = -1;
	term.pos = start;
	term.len = end - start;

	size_t i = start;
	if (s[i] == '+' || s[i] == '-' || s[i] == '~' || s[i] == '?') {
		term.qualifier = (mc_spf_qualifier)s[i];
		term.explicit_qualifier = 1;
		i++;
	}
	size_t name_start = i;
	while (i < end && is_name_char((unsigned char)s[i])) {
		i++;
	}
	/* Section 4.6.1: a modifier is told from a mechanism by an "=" right
	 * after its name, before any ":" or "/". */
	int r = (i < end && s[i] == '=') ? parse_modifier(p, &term, name_start, i, end)
		: parse_mechanism(p, &term, name_start, end);
	if (r < 0) {
		return -1;
	}

	switch (term.kind) {
	case MC_SPF_M_ALL:
		if (!rec->has_all) {
			rec->has_all = 1;
			rec->all_qualifier = (int)term.qualifier;
		}
		break;
	case MC_SPF_M_PTR:
		rec->has_ptr = 1;
		rec->dns_terms++;
		break;
	case MC_SPF_M_INCLUDE:
	case MC_SPF_M_A:
	case MC_SPF_M_MX:
	case MC_SPF_M_EXISTS:
		rec->dns_terms++;
		break;
	case MC_SPF_MOD_REDIRECT:
		rec->has_redirect = 1;
		rec->redirect_index = (int)rec->count;
		rec->dns_terms++;
		break;
	case MC_SPF_MOD_EXP:
		rec->exp_index = (int)rec->count;
		break;
	default:
		break;
	}
	add_term(p, &term);
	return 0;
}

static const char *describe_byte(unsigned char c)
{
	if (c == '\t') {
		return "a tab: terms are separated by spaces only";
	}
	if (c < 0x20 || c == 0x7f) {
		return "a control character: terms are separated by spaces only";
	}
	return "not ASCII: SPF records are 7-bit ASCII";
}

int mc_spf_is_record(const char *txt, size_t len)
{
	return len >= VERSION_LEN && word_equal(txt, VERSION_LEN, VERSION)
		&& (len == VERSION_LEN || txt[VERSION_LEN] == ' ');
}

static void reset(mc_spf_record *rec)
{
	memset(rec, 0, sizeof(*rec));
	rec->redirect_index = -1;
	rec->exp_index = -1;
}

int mc_spf_record_parse(const char *txt, size_t len, mc_spf_record *rec)
{
	parser p = {txt, len, rec, 0};
	char q[QUOTE_BUF];

	reset(rec);
	rec->valid = 1;
	if (!mc_spf_is_record(txt, len)) {
		int versioned = len >= VERSION_LEN && word_equal(txt, VERSION_LEN, VERSION);
		fail(&p, versioned ? VERSION_LEN : 0, "not an SPF record",
				"\"%s\" is not an SPF record: it must start with \"v=spf1\" followed by a space or the end",
				quote(txt, len > 16 ? 16 : len, q));
		goto done;
	}
	rec->buf = malloc(len + 1);
	if (!rec->buf) {
		p.oom = 1;
		goto done;
	}
	memcpy(rec->buf, txt, len);
	rec->buf[len] = '\0';

	/* Counting the words first sizes the terms once: no copies as they
	 * grow, whatever the record holds. */
	size_t words = 0;
	for (size_t i = VERSION_LEN; i < len; i++) {
		words += txt[i] != ' ' && txt[i - 1] == ' ';
	}
	if (words > 0) {
		rec->terms = malloc(words * sizeof(*rec->terms));
		if (!rec->terms) {
			p.oom = 1;
			goto done;
		}
	}

	/* record = version terms *SP, terms = *( 1*SP ( directive / modifier ) ) */
	size_t i = VERSION_LEN;
	while (i < len) {
		if (txt[i] == ' ') {
			i++;
			continue;
		}
		size_t start = i;
		while (i < len && txt[i] != ' ') {
			unsigned char c = (unsigned char)txt[i];
			if (c < 0x21 || c > 0x7e) {
				/* Quote what leads up to the byte, which is what locates it. */
				size_t from = i - start > 24 ? i - 24 : start;
				fail(&p, i, "invalid character", "byte 0x%02X after \"%s\" is %s", c,
						quote(txt + from, i - from, q), describe_byte(c));
				goto done;
			}
			i++;
		}
		if (parse_term(&p, start, i) < 0) {
			goto done;
		}
	}
done:
	if (p.oom) {
		mc_spf_record_free(rec);
		return -1;
	}
	return 0;
}

void mc_spf_record_free(mc_spf_record *rec)
{
	free(rec->terms);
	free(rec->error_detail);
	free(rec->buf);
	reset(rec);
}
