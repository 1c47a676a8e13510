/* libFuzzer target for mail address parsing (mc_address.c):
 * mc_address_parse(), mc_address_reserved_domain(),
 * mc_address_system_account().
 *
 * Addresses come from PHP strings (mail_check_sender()), any bytes, NULs
 * included: mc_address_parse() gets the raw bytes with their length in an
 * exact-size heap copy (no NUL after them), so ASan sees any read past the
 * end.
 *
 * When it parses:
 *  - address is local "@" domain; local, domain and address hold no CR, LF
 *    or NUL (nor does display_name), local <= 64 octets, address <= 254;
 *  - domain: a literal "[...]" (domain_literal set) whose inside is a
 *    canonical IPv4 address or "IPv6:" and a canonical IPv6 address; else a
 *    host name (mc_name_is_hostname), lower-case LDH A-labels, no trailing
 *    dot, <= 253 octets; idn only for non-ASCII input;
 *  - local: a dot-atom or a quoted string, as it stands in the input;
 *  - idempotence: parsing `address` gives the same address, local and
 *    domain, and no display name;
 *  - the display name, quoted and escaped again before "<address>", parses
 *    back to the same display name and address;
 *  - mc_address_reserved_domain(): NULL for literals, a label for a
 *    single-label domain, the same with a trailing dot and in upper case;
 *  - mc_address_system_account(): the local part counts when the process
 *    user (extra_user) has its name; a quoted local part the same as
 *    unquoted.
 * When it fails: every pointer NULL, error set, error_pos <= len.
 * Both lookups also get the NUL-terminated input as is. */
#include "mc_address.h"
#include "mc_name.h"

#include <arpa/inet.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define CHECK(cond) do { \
	if (!(cond)) { \
		fprintf(stderr, "fuzz_address: check failed at line %d: %s\n", __LINE__, #cond); \
		abort(); \
	} \
} while (0)

static volatile size_t sink;

static int clean(const char *s)
{
	return strpbrk(s, "\r\n") == NULL;
}

static int is_atext(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
		|| (c != '\0' && strchr("!#$%&'*+-/=?^_`{|}~", c));
}

/* RFC 5321 Dot-string. */
static int is_dot_string(const char *s)
{
	if (!*s || *s == '.') {
		return 0;
	}
	for (const char *p = s; *p; p++) {
		if (*p == '.' ? p[1] == '.' || p[1] == '\0' : !is_atext((unsigned char)*p)) {
			return 0;
		}
	}
	return 1;
}

/* RFC 5321 Quoted-string: DQUOTE *( qtextSMTP / "\" %d32-126 ) DQUOTE, non-empty. */
static int is_quoted_string(const char *s, char *plain, size_t plain_size, size_t *plain_len)
{
	size_t len = strlen(s), n = 0;
	if (len < 3 || s[0] != '"' || s[len - 1] != '"') {
		return 0;
	}
	for (size_t i = 1; i + 1 < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '\\') {
			i++;
			if (i + 1 >= len) {
				return 0;
			}
			c = (unsigned char)s[i];
		} else if (c == '"') {
			return 0;
		}
		if (c < 32 || c > 126) {
			return 0;
		}
		if (n + 1 < plain_size) {
			plain[n] = (char)c;
		}
		n++;
	}
	*plain_len = n;
	if (n < plain_size) {
		plain[n] = '\0';
	}
	return 1;
}

static void check_domain(const mc_address *a)
{
	const char *d = a->domain;
	size_t n = strlen(d);
	if (a->domain_literal) {
		CHECK(n >= 3 && d[0] == '[' && d[n - 1] == ']');
		char body[128], again[INET6_ADDRSTRLEN];
		unsigned char bin[16];
		CHECK(n - 2 < sizeof(body));
		memcpy(body, d + 1, n - 2);
		body[n - 2] = '\0';
		int v6 = strncmp(body, "IPv6:", 5) == 0;
		const char *ip = v6 ? body + 5 : body;
		int family = v6 ? AF_INET6 : AF_INET;
		CHECK(inet_pton(family, ip, bin) == 1);
		CHECK(inet_ntop(family, bin, again, sizeof(again)) != NULL);
		CHECK(strcmp(ip, again) == 0); /* canonical */
		CHECK(!a->idn);
		CHECK(mc_address_reserved_domain(d) == NULL);
		return;
	}
	CHECK(n > 0 && n <= MC_NAME_MAX);
	CHECK(d[n - 1] != '.');
	for (const char *p = d; *p; p++) {
		CHECK((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-' || *p == '.');
	}
	CHECK(mc_name_is_hostname(d, 0));
	/* No numeric top-level label: "user@192.0.2.1" is a literal without brackets. */
	const char *tld = strrchr(d, '.');
	tld = tld ? tld + 1 : d;
	CHECK(strspn(tld, "0123456789") != strlen(tld));

	const char *why = mc_address_reserved_domain(d);
	CHECK(why == NULL || why[0] != '\0');
	if (!strchr(d, '.')) {
		CHECK(why != NULL);
	}
	char variant[MC_NAME_MAX + 2];
	memcpy(variant, d, n);
	variant[n] = '.';
	variant[n + 1] = '\0';
	CHECK(mc_address_reserved_domain(variant) == why);
	for (size_t i = 0; i < n; i++) {
		if (variant[i] >= 'a' && variant[i] <= 'z') {
			variant[i] = (char)(variant[i] - 32);
		}
	}
	variant[n] = '\0';
	CHECK(mc_address_reserved_domain(variant) == why);
}

static void check_local(const mc_address *a, const char *input, size_t len)
{
	const char *l = a->local;
	size_t n = strlen(l);
	CHECK(n > 0 && n <= MC_ADDRESS_LOCAL_MAX);
	/* as it stands in the input */
	int found = 0;
	for (size_t i = 0; i + n <= len && !found; i++) {
		found = memcmp(input + i, l, n) == 0;
	}
	CHECK(found);

	char plain[MC_ADDRESS_LOCAL_MAX + 1];
	size_t plain_len = 0;
	int sys = mc_address_system_account(l, NULL);
	CHECK(sys == 0 || sys == 1);
	if (l[0] == '"') {
		CHECK(is_quoted_string(l, plain, sizeof(plain), &plain_len));
		CHECK(plain_len < sizeof(plain));
		/* "root" is root */
		CHECK(mc_address_system_account(plain, NULL) == sys || !is_dot_string(plain));
		if (plain_len > 0) {
			CHECK(mc_address_system_account(l, plain) == 1);
		}
	} else {
		CHECK(is_dot_string(l));
		CHECK(mc_address_system_account(l, l) == 1);
	}
	CHECK(mc_address_system_account(l, "") == sys);
	sink += (size_t)mc_address_system_account(l, "www-data");
}

/* The display name quoted again: "..." with \" and \\. */
static void check_display_name(const mc_address *a)
{
	const char *dn = a->display_name;
	size_t n = strlen(dn);
	CHECK(n > 0 && clean(dn));
	size_t alen = strlen(a->address);
	size_t cap = 2 * n + alen + 8;
	if (cap > MC_ADDRESS_INPUT_MAX) {
		return;
	}
	char *text = malloc(cap);
	if (!text) {
		return;
	}
	size_t o = 0;
	text[o++] = '"';
	for (size_t i = 0; i < n; i++) {
		if (dn[i] == '"' || dn[i] == '\\') {
			text[o++] = '\\';
		}
		text[o++] = dn[i];
	}
	text[o++] = '"';
	text[o++] = ' ';
	text[o++] = '<';
	memcpy(text + o, a->address, alen);
	o += alen;
	text[o++] = '>';
	mc_address b;
	int rc = mc_address_parse(text, o, &b);
	if (rc == 0) {
		CHECK(b.display_name && strcmp(b.display_name, dn) == 0);
		CHECK(strcmp(b.address, a->address) == 0);
	} else {
		if (rc != -2) {
			fprintf(stderr, "fuzz_address: quoted display name refused: %s (at %zu): %.*s\n",
					b.error, b.error_pos, (int)o, text);
		}
		CHECK(rc == -2);
	}
	mc_address_free(&b);
	free(text);
}

static void check_parsed(const mc_address *a, const char *input, size_t len)
{
	CHECK(a->address && a->local && a->domain);
	CHECK(a->error == NULL);
	CHECK(a->domain_literal == 0 || a->domain_literal == 1);
	CHECK(a->idn == 0 || a->idn == 1);
	CHECK(clean(a->address) && clean(a->local) && clean(a->domain));
	size_t ln = strlen(a->local), dn = strlen(a->domain), an = strlen(a->address);
	CHECK(an == ln + 1 + dn && an <= MC_ADDRESS_MAX);
	CHECK(memcmp(a->address, a->local, ln) == 0 && a->address[ln] == '@');
	CHECK(strcmp(a->address + ln + 1, a->domain) == 0);
	if (a->idn) {
		int non_ascii = 0;
		for (size_t i = 0; i < len; i++) {
			non_ascii |= (unsigned char)input[i] >= 0x80;
		}
		CHECK(non_ascii);
	}
	check_domain(a);
	check_local(a, input, len);
	if (a->display_name) {
		check_display_name(a);
	}

	/* Idempotence: the address as checked parses to itself. */
	char *copy = malloc(an);
	if (!copy) {
		return;
	}
	memcpy(copy, a->address, an);
	mc_address b;
	int rc = mc_address_parse(copy, an, &b);
	if (rc != 0 && rc != -2) {
		fprintf(stderr, "fuzz_address: \"%s\" does not parse again: %s (at %zu)\n",
				a->address, b.error, b.error_pos);
	}
	CHECK(rc == 0 || rc == -2);
	if (rc == 0) {
		CHECK(strcmp(b.address, a->address) == 0);
		CHECK(strcmp(b.local, a->local) == 0);
		CHECK(strcmp(b.domain, a->domain) == 0);
		CHECK(b.domain_literal == a->domain_literal);
		CHECK(b.display_name == NULL);
		CHECK(b.idn == 0);
	}
	mc_address_free(&b);
	free(copy);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *raw = malloc(size ? size : 1);
	if (!raw) {
		return 0;
	}
	memcpy(raw, data, size);

	mc_address a;
	memset(&a, 0x5a, sizeof(a));
	int rc = mc_address_parse(raw, size, &a);
	CHECK(rc == 0 || rc == -1 || rc == -2);
	if (rc == 0) {
		check_parsed(&a, raw, size);
	} else {
		CHECK(!a.address && !a.local && !a.domain && !a.display_name);
		CHECK(a.error != NULL && a.error[0] != '\0');
		CHECK(a.error_pos <= size);
	}
	mc_address_free(&a);
	mc_address_free(&a); /* safe twice */

	/* The lookups on any string. */
	char *text = malloc(size + 1);
	if (text) {
		memcpy(text, data, size);
		text[size] = '\0';
		const char *why = mc_address_reserved_domain(text);
		CHECK(why == NULL || why[0] != '\0');
		int sys = mc_address_system_account(text, NULL);
		CHECK(sys == 0 || sys == 1);
		sys = mc_address_system_account(text, text);
		CHECK(sys == 0 || sys == 1);
		free(text);
	}
	free(raw);
	return 0;
}
