#include "mc_address.h"
#include "mc_name.h"

#include <arpa/inet.h>
#include <idn2.h>
#include <stdlib.h>
#include <string.h>

/* Internationalized domains go through libidn2: IDNA2008 (RFC 5890-5893)
 * with the UTS #46 mapping in front of it, which folds case, width and the
 * ideographic full stop the way browsers and mail clients do, so that
 * "BÜCHER.example" and "bücher。example" give the xn-- form the domain was
 * registered under. It is what glibc's getaddrinfo(AI_IDN) and curl use on
 * Debian, so our A-label is the one the rest of the system resolves.
 * Non-transitional first (IDNA2008: "faß" stays "faß"), transitional as
 * the fallback, as curl does, for the names only IDNA2003 allowed. */
#define MC_IDN_FLAGS (IDN2_NONTRANSITIONAL | IDN2_NFC_INPUT)
#define MC_IDN_FALLBACK_FLAGS (IDN2_TRANSITIONAL | IDN2_NFC_INPUT)

static const char smtputf8_reason[] =
	"the local part has non-ASCII characters: that needs SMTPUTF8 (RFC 6531), which many receivers do not support";
static const char angle_reason[] =
	"a < or > is out of place (the forms are address, <address> and Name <address>)";

static int fail(mc_address *out, size_t pos, const char *why)
{
	mc_address_free(out);
	out->domain_literal = 0;
	out->idn = 0;
	out->error = why;
	out->error_pos = pos;
	return -1;
}

static int out_of_memory(mc_address *out)
{
	mc_address_free(out);
	out->domain_literal = 0;
	out->idn = 0;
	out->error = "out of memory";
	out->error_pos = 0;
	return -2;
}

static int lower(int c)
{
	return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

static int is_wsp(unsigned char c)
{
	return c == ' ' || c == '\t';
}

static int is_ldh(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

/* atext of RFC 5322 3.2.3 (ASCII only: UTF-8 is dealt with by the caller). */
static int is_atext(unsigned char c)
{
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
		return 1;
	}
	return c != '\0' && strchr("!#$%&'*+-/=?^_`{|}~", c) != NULL;
}

static char *copy_range(const char *s, size_t from, size_t to)
{
	char *copy = malloc(to - from + 1);
	if (copy) {
		memcpy(copy, s + from, to - from);
		copy[to - from] = '\0';
	}
	return copy;
}

/* Length of the well-formed UTF-8 sequence at s, or 0. Overlong forms,
 * surrogates and code points past U+10FFFF are ill-formed (Unicode 3.9,
 * table 3-7): libidn2 would refuse them too, but without saying where. */
static size_t utf8_sequence_len(const unsigned char *s, size_t avail)
{
	unsigned char lo = 0x80, hi = 0xbf;
	size_t n;

	if (s[0] < 0x80) {
		return 1;
	} else if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		n = 2;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		n = 3;
		lo = s[0] == 0xe0 ? 0xa0 : 0x80;
		hi = s[0] == 0xed ? 0x9f : 0xbf;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		n = 4;
		lo = s[0] == 0xf0 ? 0x90 : 0x80;
		hi = s[0] == 0xf4 ? 0x8f : 0xbf;
	} else {
		return 0;
	}
	if (avail < n || s[1] < lo || s[1] > hi) {
		return 0;
	}
	for (size_t i = 2; i < n; i++) {
		if (s[i] < 0x80 || s[i] > 0xbf) {
			return 0;
		}
	}
	return n;
}

/* Offset of the first ill-formed UTF-8 byte in s[from..to), or to. */
static size_t utf8_invalid_at(const char *s, size_t from, size_t to)
{
	size_t i = from;
	while (i < to) {
		size_t n = utf8_sequence_len((const unsigned char *)s + i, to - i);
		if (n == 0) {
			return i;
		}
		i += n;
	}
	return to;
}

/* Bytes no part of an address may hold. A line break is looked for first
 * and over the whole input: in a header it starts a new header (the
 * injection of a Bcc:), which matters more than any other fault. */
static int check_bytes(const char *s, size_t len, mc_address *out)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\r' || s[i] == '\n') {
			return fail(out, i, "the address contains a line break");
		}
	}
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '\0') {
			return fail(out, i, "the address contains a NUL byte");
		}
		if ((c < 0x20 && c != '\t') || c == 0x7f) {
			return fail(out, i, "the address contains a control character");
		}
	}
	return 0;
}

/* Comments (RFC 5322 3.2.2: nested, with quoted-pairs) outside quoted
 * strings, each overwritten with as many spaces: the parse after reads a
 * comment as the white space it stands for (CFWS), wherever RFC 5322 3.4
 * allows it, and error positions stay those of the input. */
static int blank_comments(char *s, size_t len, mc_address *out)
{
	int quoted = 0;
	for (size_t i = 0; i < len; i++) {
		if (quoted) {
			if (s[i] == '\\') {
				i++;
			} else if (s[i] == '"') {
				quoted = 0;
			}
			continue;
		}
		if (s[i] == '"') {
			quoted = 1;
			continue;
		}
		if (s[i] == ')') {
			return fail(out, i, "there is a ) without (");
		}
		if (s[i] != '(') {
			continue;
		}
		size_t open = i;
		int depth = 0;
		for (; i < len; i++) {
			if (s[i] == '\\') {
				i++;
			} else if (s[i] == '(') {
				depth++;
			} else if (s[i] == ')' && --depth == 0) {
				break;
			}
		}
		if (i >= len) {
			return fail(out, open, "a comment has a ( without )");
		}
		size_t bad = utf8_invalid_at(s, open, i);
		if (bad != i) {
			return fail(out, bad, "a comment is not valid UTF-8");
		}
		memset(s + open, ' ', i + 1 - open);
	}
	return 0;
}

/* The first '<' that is not inside a quoted string, or to. *open_quote is
 * where a quoted string that never closes begins, or to. */
static size_t find_angle(const char *s, size_t from, size_t to, size_t *open_quote)
{
	int quoted = 0;
	*open_quote = to;
	for (size_t i = from; i < to; i++) {
		if (quoted) {
			if (s[i] == '\\') {
				i++;
			} else if (s[i] == '"') {
				quoted = 0;
			}
		} else if (s[i] == '"') {
			quoted = 1;
			*open_quote = i;
		} else if (s[i] == '<') {
			return i;
		}
	}
	if (!quoted) {
		*open_quote = to;
	}
	return to;
}

/* The phrase before "<address>" (RFC 5322 3.2.5, with the obsolete but
 * common "." as in "John Q. Public", and UTF-8 as RFC 6532 allows), its
 * comments already blanked. Decoded into out->display_name: quotes and
 * backslashes removed, white space collapsed. */
static int parse_display_name(const char *s, size_t from, size_t to, mc_address *out)
{
	size_t bad = utf8_invalid_at(s, from, to);
	if (bad != to) {
		return fail(out, bad, "the display name is not valid UTF-8");
	}
	char *name = malloc(to - from + 1);
	if (!name) {
		return out_of_memory(out);
	}
	size_t n = 0, i = from;
	int space = 0;
	while (i < to) {
		unsigned char c = (unsigned char)s[i];
		if (is_wsp(c)) {
			space = n > 0;
			i++;
		} else if (c == '"') {
			size_t open = i++;
			if (space) {
				name[n++] = ' ';
				space = 0;
			}
			while (i < to && s[i] != '"') {
				if (s[i] == '\\' && i + 1 < to) {
					i++;
				}
				name[n++] = s[i++];
			}
			if (i >= to) {
				free(name);
				return fail(out, open, "the display name has a quote without a closing quote");
			}
			i++;
		} else if (is_atext(c) || c == '.' || c >= 0x80) {
			if (space) {
				name[n++] = ' ';
				space = 0;
			}
			name[n++] = (char)c;
			i++;
		} else {
			/* Unquoted, a comma would make "Doe, John <a@b>" two addresses. */
			free(name);
			return fail(out, i, "the display name has a special character outside quotes (one of , ; : @ [ ] \\ >)");
		}
	}
	if (n == 0) {
		free(name);
		return 0;
	}
	name[n] = '\0';
	out->display_name = name;
	return 0;
}

static const char *local_char_reason(unsigned char c)
{
	if (c >= 0x80) {
		return smtputf8_reason;
	}
	if (is_wsp(c)) {
		return "the local part contains white space";
	}
	if (c == '"') {
		return "a quoted local part must be quoted as a whole";
	}
	if (c == '<' || c == '>') {
		return angle_reason;
	}
	return "the local part has a character that is allowed only in quotes (such as , ; : \\ [ ])";
}

/* White space (a comment's, or FWS) between the local part ending at i
 * and the '@' (RFC 5322 3.4.1: dot-atom and quoted-string take CFWS on
 * either side). Sets *at to the '@'; 0 when there is none after it. */
static int at_after(const char *s, size_t i, size_t to, size_t *at)
{
	while (i < to && is_wsp((unsigned char)s[i])) {
		i++;
	}
	*at = i;
	return i < to && s[i] == '@';
}

/* dot-atom (RFC 5321 Dot-string): sets *end past it and *at to the '@'
 * after it. */
static int scan_dot_atom(const char *s, size_t from, size_t to, size_t *end, size_t *at, mc_address *out)
{
	size_t i;
	for (i = from; i < to && s[i] != '@' && !is_wsp((unsigned char)s[i]); i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '.') {
			if (i == from) {
				return fail(out, i, "the local part starts with a dot");
			}
			if (s[i - 1] == '.') {
				return fail(out, i, "the local part has two dots in a row");
			}
		} else if (!is_atext(c)) {
			return fail(out, i, local_char_reason(c));
		}
	}
	if (i == to) {
		return fail(out, to, "there is no @ in the address");
	}
	if (!at_after(s, i, to, at)) {
		/* "john smith@": an atom after the white space */
		return fail(out, *at == to ? to : i, *at == to ? "there is no @ in the address" : local_char_reason((unsigned char)s[i]));
	}
	if (s[i - 1] == '.') {
		return fail(out, i - 1, "the local part ends with a dot");
	}
	*end = i;
	return 0;
}

/* Quoted-string (RFC 5321 4.1.2): printable ASCII and space, backslash
 * pairs. Sets *end past the closing quote and *at to the '@' after it. */
static int scan_quoted(const char *s, size_t from, size_t to, size_t *end, size_t *at, mc_address *out)
{
	size_t i = from + 1;
	while (i < to && s[i] != '"') {
		if (s[i] == '\\') {
			if (++i == to) {
				break;
			}
		}
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x80) {
			return fail(out, i, smtputf8_reason);
		}
		if (c == '\t') {
			return fail(out, i, "the quoted local part contains a tab");
		}
		i++;
	}
	if (i >= to) {
		return fail(out, from, "the quoted local part has no closing quote");
	}
	/* RFC 5321's grammar allows "", but no MTA delivers to an empty mailbox
	 * name and Postfix reads it as no local part at all. */
	if (i == from + 1) {
		return fail(out, from, "the quoted local part is empty");
	}
	i++;
	if (!at_after(s, i, to, at)) {
		return *at == to ? fail(out, to, "there is no @ in the address")
			: fail(out, i, "a quoted local part must be followed by @");
	}
	*end = i;
	return 0;
}

/* [192.0.2.1] or [IPv6:2001:db8::1] (RFC 5321 4.1.3); kept in canonical form. */
static int parse_literal(const char *s, size_t from, size_t to, mc_address *out)
{
	const char *close = memchr(s + from, ']', to - from);
	if (!close) {
		return fail(out, from, "the domain literal has no closing ]");
	}
	size_t end = (size_t)(close - s);
	if (end + 1 != to) {
		return fail(out, end + 1, "there is text after the domain literal");
	}
	const char *body = s + from + 1;
	size_t len = end - from - 1;
	unsigned char bin[16];
	char text[INET6_ADDRSTRLEN + 16];  /* also the longest body we take */
	char canonical[INET6_ADDRSTRLEN];
	int v6 = len >= 5 && lower(body[0]) == 'i' && lower(body[1]) == 'p' && lower(body[2]) == 'v'
		&& body[3] == '6' && body[4] == ':';
	if (v6) {
		body += 5;
		len -= 5;
	} else if (memchr(body, ':', len)) {
		return fail(out, from + 1, "the domain literal is not an IPv4 address, and an IPv6 one must start with IPv6: as in [IPv6:2001:db8::1]");
	}
	if (len >= sizeof(text)) {
		return fail(out, from + 1, v6 ? "the domain literal is not a valid IPv6 address" : "the domain literal is not a valid IPv4 address");
	}
	memcpy(text, body, len);
	text[len] = '\0';
	int family = v6 ? AF_INET6 : AF_INET;
	if (inet_pton(family, text, bin) != 1 || !inet_ntop(family, bin, canonical, sizeof(canonical))) {
		return fail(out, from + 1, v6 ? "the domain literal is not a valid IPv6 address" : "the domain literal is not a valid IPv4 address");
	}
	size_t clen = strlen(canonical);
	char *domain = malloc(clen + 8);
	if (!domain) {
		return out_of_memory(out);
	}
	memcpy(domain, v6 ? "[IPv6:" : "[", v6 ? 6 : 1);
	memcpy(domain + (v6 ? 6 : 1), canonical, clen);
	memcpy(domain + (v6 ? 6 : 1) + clen, "]", 2);
	out->domain = domain;
	out->domain_literal = 1;
	return 0;
}

static const char *domain_char_reason(unsigned char c)
{
	if (c == '@') {
		return "the address has more than one @ (only a quoted local part may contain one)";
	}
	if (c == '<' || c == '>') {
		return angle_reason;
	}
	if (is_wsp(c)) {
		return "the domain contains white space";
	}
	if (c == '_') {
		return "the domain contains an underscore, which host names may not have";
	}
	return "the domain has a character other than letters, digits, hyphens and dots";
}

/* The label rules of a host name (RFC 1123 2.1) on an ASCII name without
 * its trailing dot. Returns a reason and sets *at, or NULL. */
static const char *label_fault(const char *name, size_t *at)
{
	size_t len = strlen(name), label = 0;
	for (size_t i = 0; i <= len; i++) {
		if (i == len || name[i] == '.') {
			if (label == 0) {
				/* at the second dot; at the end, that is the root dot stripped before */
				*at = i;
				return i == 0 ? "the domain starts with a dot" : "the domain has two dots in a row";
			}
			if (name[i - 1] == '-') {
				*at = i - 1;
				return "a domain label ends with a hyphen";
			}
			label = 0;
			continue;
		}
		if (!is_ldh((unsigned char)name[i])) {
			*at = i;
			return "the domain has a character other than letters, digits, hyphens and dots";
		}
		if (label == 0 && name[i] == '-') {
			*at = i;
			return "a domain label starts with a hyphen";
		}
		if (++label > 63) {
			*at = i;
			return "a domain label is longer than 63 octets";
		}
	}
	/* No top-level domain is numeric (RFC 3696 2): "user@192.0.2.1" is an
	 * address written without the brackets of a literal. */
	const char *dot = strrchr(name, '.');
	size_t last = dot ? (size_t)(dot - name) + 1 : 0;
	if (strspn(name + last, "0123456789") == len - last) {
		*at = last;
		return "the domain ends in a number: an IP address must be written in brackets, as in user@[192.0.2.1]";
	}
	return NULL;
}

static const char *idn_reason(int rc)
{
	switch (rc) {
	case IDN2_ENCODING_ERROR:
		return "the domain is not valid UTF-8";
	case IDN2_TOO_BIG_LABEL:
	case IDN2_PUNYCODE_BIG_OUTPUT:
		return "a domain label is longer than 63 octets in A-label (xn--) form";
	case IDN2_TOO_BIG_DOMAIN:
		return "the domain is too long in A-label (xn--) form";
	case IDN2_HYPHEN_STARTEND:
		return "a domain label starts or ends with a hyphen";
	case IDN2_2HYPHEN:
		return "a domain label has -- in the third and fourth place without being an xn-- label";
	case IDN2_PUNYCODE_BAD_INPUT:
	case IDN2_PUNYCODE_OVERFLOW:
	case IDN2_INVALID_ALABEL:
		return "a domain label starting with xn-- is not valid punycode";
	case IDN2_BIDI:
		return "the domain mixes right-to-left and left-to-right text in a way IDNA2008 forbids";
	case IDN2_DISALLOWED:
	case IDN2_UNASSIGNED:
	case IDN2_CONTEXTJ:
	case IDN2_CONTEXTJ_NO_RULE:
	case IDN2_CONTEXTO:
	case IDN2_CONTEXTO_NO_RULE:
	case IDN2_LEADING_COMBINING:
		return "the domain has a character that IDNA2008 does not allow in domain names";
	default:
		return "the domain is not a valid internationalized domain name";
	}
}

/* libidn2 on a NUL-terminated name: 0 and *ascii (idn2_free it), or its
 * error code from the first, non-transitional, attempt. */
static int to_ascii(const char *name, char **ascii)
{
	*ascii = NULL;
	int rc = idn2_to_ascii_8z(name, ascii, MC_IDN_FLAGS);
	if (rc == IDN2_OK || rc == IDN2_MALLOC) {
		return rc;
	}
	if (idn2_to_ascii_8z(name, ascii, MC_IDN_FALLBACK_FLAGS) == IDN2_OK) {
		return IDN2_OK;
	}
	*ascii = NULL;
	return rc;
}

static int has_alabel(const char *name)
{
	for (const char *p = name; *p; p++) {
		if ((p == name || p[-1] == '.') && strncmp(p, "xn--", 4) == 0) {
			return 1;
		}
	}
	return 0;
}

/* A host name, ASCII or UTF-8, into out->domain as a lower-case A-label
 * name without the trailing dot. */
static int parse_domain(const char *s, size_t from, size_t to, mc_address *out)
{
	int ascii = 1;
	/* Characters first, in order and at their place in the input; the
	 * label rules after, on the A-label form, where they apply. */
	for (size_t i = from; i < to; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x80) {
			ascii = 0;
		} else if (!is_ldh(c) && c != '.') {
			return fail(out, i, domain_char_reason(c));
		}
	}
	int had_root_dot = to - from > 1 && s[to - 1] == '.';
	if (had_root_dot) {
		to--;   /* the root: "example.com." is "example.com" */
	}
	if (to - from == 1 && s[from] == '.') {
		return fail(out, from, "the domain is empty");
	}

	char *name = copy_range(s, from, to);
	if (!name) {
		return out_of_memory(out);
	}
	if (!ascii) {
		size_t bad = utf8_invalid_at(s, from, to);
		if (bad != to) {
			free(name);
			return fail(out, bad, "the domain is not valid UTF-8");
		}
		char *converted;
		int rc = to_ascii(name, &converted);
		free(name);
		if (rc == IDN2_MALLOC) {
			return out_of_memory(out);
		}
		if (rc != IDN2_OK) {
			return fail(out, from, idn_reason(rc));
		}
		name = copy_range(converted, 0, strlen(converted));
		idn2_free(converted);
		if (!name) {
			return out_of_memory(out);
		}
		size_t len = strlen(name);
		if (!had_root_dot && len > 1 && name[len - 1] == '.') {
			name[len - 1] = '\0';   /* the root written as "。", mapped to "." */
		}
		out->idn = 1;
	}
	/* Not mc_name_normalize(): it would take a second trailing dot, and
	 * "example.com.." is a fault to report. */
	for (char *p = name; *p; p++) {
		*p = (char)lower((unsigned char)*p);
	}

	/* Positions of label faults are exact in an ASCII name; in a converted
	 * one they are counted in the A-label, so the domain is all we can point at. */
	size_t at;
	const char *why = label_fault(name, &at);
	if (why) {
		free(name);
		return fail(out, ascii ? from + at : from, why);
	}
	if (strlen(name) > MC_NAME_MAX) {
		/* The address as a whole cannot be valid then either, but this
		 * says which part to shorten. */
		free(name);
		return fail(out, ascii ? from + MC_NAME_MAX : from, "the domain is longer than 253 octets");
	}
	if (ascii && has_alabel(name)) {
		/* "xn--" labels someone typed: punycode that cannot be decoded
		 * names nothing that could ever be registered. */
		char *checked;
		int rc = to_ascii(name, &checked);
		idn2_free(checked);
		if (rc == IDN2_MALLOC) {
			free(name);
			return out_of_memory(out);
		}
		if (rc != IDN2_OK) {
			free(name);
			return fail(out, from, idn_reason(rc));
		}
	}
	if (!mc_name_is_hostname(name, 0)) {
		/* label_fault() has the same rules; this keeps the two in step. */
		free(name);
		return fail(out, from, "the domain is not a valid host name");
	}
	out->domain = name;
	return 0;
}

/* local "@" domain, without white space around it. */
static int parse_addr_spec(const char *s, size_t from, size_t to, mc_address *out)
{
	size_t local_end, at;
	int rc;

	if (s[from] == '@') {
		/* "<@relay:user@domain>": the source route RFC 5321 4.1.2 keeps for
		 * compatibility and tells to ignore; nobody sends one today. */
		if (memchr(s + from, ':', to - from) && memchr(s + from + 1, '@', to - from - 1)) {
			return fail(out, from, "source routes (@host:) are not supported");
		}
		return fail(out, from, "the local part is empty");
	}
	rc = s[from] == '"' ? scan_quoted(s, from, to, &local_end, &at, out)
		: scan_dot_atom(s, from, to, &local_end, &at, out);
	if (rc) {
		return rc;
	}
	if (local_end - from > MC_ADDRESS_LOCAL_MAX) {
		return fail(out, from + MC_ADDRESS_LOCAL_MAX, "the local part is longer than 64 octets");
	}
	size_t domain_from = at + 1;
	while (domain_from < to && is_wsp((unsigned char)s[domain_from])) {
		domain_from++;
	}
	if (domain_from == to) {
		return fail(out, domain_from, "the domain is empty");
	}
	rc = s[domain_from] == '[' ? parse_literal(s, domain_from, to, out) : parse_domain(s, domain_from, to, out);
	if (rc) {
		return rc;
	}

	size_t local_len = local_end - from, domain_len = strlen(out->domain);
	if (local_len + 1 + domain_len > MC_ADDRESS_MAX) {
		size_t pos = !out->idn && from + MC_ADDRESS_MAX < to ? from + MC_ADDRESS_MAX : domain_from;
		return fail(out, pos, "the address is longer than 254 octets");
	}
	out->local = copy_range(s, from, local_end);
	out->address = malloc(local_len + 1 + domain_len + 1);
	if (!out->local || !out->address) {
		return out_of_memory(out);
	}
	memcpy(out->address, s + from, local_len);
	out->address[local_len] = '@';
	memcpy(out->address + local_len + 1, out->domain, domain_len + 1);
	return 0;
}

int mc_address_parse(const char *input, size_t len, mc_address *out)
{
	memset(out, 0, sizeof(*out));
	if (!input) {
		input = "";
		len = 0;
	}
	/* Refused before anything looks at it: an address is at most 254
	 * octets, and what a display name adds is bounded as well. */
	if (len > MC_ADDRESS_INPUT_MAX) {
		return fail(out, MC_ADDRESS_INPUT_MAX, "the input is longer than 2048 bytes");
	}
	int rc = check_bytes(input, len, out);
	if (rc) {
		return rc;
	}
	char copy[MC_ADDRESS_INPUT_MAX];
	memcpy(copy, input, len);
	rc = blank_comments(copy, len, out);
	if (rc) {
		return rc;
	}
	input = copy;
	size_t from = 0, to = len;
	while (from < to && is_wsp((unsigned char)input[from])) {
		from++;
	}
	while (to > from && is_wsp((unsigned char)input[to - 1])) {
		to--;
	}
	if (from == to) {
		return fail(out, from, "the address is empty");
	}

	size_t open_quote;
	size_t lt = find_angle(input, from, to, &open_quote);
	if (lt == to) {
		if (open_quote != to && input[to - 1] == '>' && memchr(input + from, '<', to - from)) {
			return fail(out, open_quote, "the display name has a quote without a closing quote");
		}
		return parse_addr_spec(input, from, to, out);
	}
	if (input[to - 1] != '>') {
		const char *gt = memchr(input + lt, '>', to - lt);
		if (gt) {
			return fail(out, (size_t)(gt - input) + 1, "there is text after the closing >");
		}
		return fail(out, lt, "the < has no closing >");
	}
	rc = parse_display_name(input, from, lt, out);
	if (rc) {
		return rc;
	}
	size_t a = lt + 1, b = to - 1;
	while (a < b && is_wsp((unsigned char)input[a])) {
		a++;
	}
	while (b > a && is_wsp((unsigned char)input[b - 1])) {
		b--;
	}
	if (a == b) {
		return fail(out, lt, "the address between < and > is empty (<> is the null sender of bounces)");
	}
	return parse_addr_spec(input, a, b, out);
}

void mc_address_free(mc_address *a)
{
	free(a->address);
	free(a->local);
	free(a->domain);
	free(a->display_name);
	a->address = a->local = a->domain = a->display_name = NULL;
}

/* Names no receiver accepts mail from, for the domain itself and every
 * name under it. Most specific first: "home.arpa" before "arpa". */
static const struct {
	const char *name;
	const char *why;
} reserved_domains[] = {
	{ "localhost", "localhost" },               /* RFC 6761 6.3 */
	{ "localdomain", "localdomain" },           /* what unconfigured hosts call themselves (localhost.localdomain) */
	{ "local", ".local (mDNS)" },               /* RFC 6762 */
	{ "test", ".test" },                        /* RFC 2606, RFC 6761 6.2 */
	{ "invalid", ".invalid" },                  /* RFC 2606, RFC 6761 6.4 */
	{ "example", ".example" },                  /* RFC 2606, RFC 6761 6.5 */
	{ "internal", ".internal" },                /* ICANN 2024: reserved for private use */
	{ "home.arpa", ".home.arpa" },              /* RFC 8375: home networks */
	{ "arpa", ".arpa (infrastructure)" },       /* reverse DNS and protocol names, never mail */
	{ "onion", ".onion (Tor)" },                /* RFC 7686 */
	{ "alt", ".alt" },                          /* RFC 9476 */
	{ "lan", ".lan" },                          /* RFC 6762 appendix G: private names in use */
	{ "intranet", ".intranet" },
	{ "private", ".private" },
	{ "corp", ".corp" },                        /* ICANN 2018: corp, home, mail never delegated */
	{ "home", ".home" },
	{ "mail", ".mail" },
};

/* Whether name (len octets) is suffix or ends in "." suffix, ASCII case-insensitively. */
static int under(const char *name, size_t len, const char *suffix)
{
	size_t slen = strlen(suffix);
	if (len < slen || (len > slen && name[len - slen - 1] != '.')) {
		return 0;
	}
	for (size_t i = 0; i < slen; i++) {
		if (lower((unsigned char)name[len - slen + i]) != suffix[i]) {
			return 0;
		}
	}
	return 1;
}

const char *mc_address_reserved_domain(const char *domain)
{
	if (!domain || domain[0] == '\0' || domain[0] == '[') {
		return NULL;
	}
	size_t len = strlen(domain);
	if (len > 1 && domain[len - 1] == '.') {
		len--;
	}
	for (size_t i = 0; i < sizeof(reserved_domains) / sizeof(reserved_domains[0]); i++) {
		if (under(domain, len, reserved_domains[i].name)) {
			return reserved_domains[i].why;
		}
	}
	/* "web01": the host name the MTA appends nothing to. No receiver can
	 * resolve it, and a bare TLD is not a mail domain either. */
	if (!memchr(domain, '.', len)) {
		return "a single-label name";
	}
	return NULL;
}

/* The accounts a mail goes out as when the sender was never configured:
 * mail() hands it to sendmail, which uses the process user. Role names
 * people read (admin, info, noreply, postmaster) are fine senders and are
 * not here, nor is "mail", a common real address (mail@company.de). */
static const char *const system_accounts[] = {
	/* the superuser and the base system */
	"root", "toor", "daemon", "bin", "sys", "operator", "nobody", "nfsnobody",
	/* web servers and PHP-FPM on Debian, RHEL, SUSE, Arch, FreeBSD, macOS */
	"www-data", "apache", "httpd", "http", "nginx", "www", "wwwrun", "_www",
	"lighttpd", "caddy", "php-fpm",
	/* MTAs, and the sender of their bounces */
	"postfix", "debian-exim", "exim", "sendmail", "smmsp", "mailnull", "mailer-daemon",
	/* the default users of cloud and VM images */
	"ubuntu", "debian", "ec2-user", "centos", "cloud-user", "azureuser", "vagrant",
	NULL
};

static int same_name(const char *a, size_t alen, const char *b)
{
	if (strlen(b) != alen) {
		return 0;
	}
	for (size_t i = 0; i < alen; i++) {
		if (lower((unsigned char)a[i]) != lower((unsigned char)b[i])) {
			return 0;
		}
	}
	return 1;
}

int mc_address_system_account(const char *local, const char *extra_user)
{
	char plain[MC_ADDRESS_LOCAL_MAX + 1];
	size_t len = 0;

	if (!local) {
		return 0;
	}
	/* "root" in quotes is the same mailbox as root (RFC 5322 3.4.1). */
	size_t llen = strlen(local);
	if (llen >= 2 && local[0] == '"' && local[llen - 1] == '"') {
		for (size_t i = 1; i + 1 < llen; i++) {
			if (local[i] == '\\' && i + 2 < llen) {
				i++;
			}
			if (len == MC_ADDRESS_LOCAL_MAX) {
				return 0;
			}
			plain[len++] = local[i];
		}
	} else {
		if (llen > MC_ADDRESS_LOCAL_MAX) {
			return 0;
		}
		memcpy(plain, local, llen);
		len = llen;
	}
	plain[len] = '\0';

	for (const char *const *p = system_accounts; *p; p++) {
		if (same_name(plain, len, *p)) {
			return 1;
		}
	}
	return extra_user && extra_user[0] && same_name(plain, len, extra_user);
}
