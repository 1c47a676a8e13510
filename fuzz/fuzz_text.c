/* libFuzzer target for the text parsers of the core: IP addresses
 * (mc_ip.c), host names (mc_name.c) and the mailcheck.resolver ini value
 * (mc_dns_parse_servers in mc_dns.c). These take user input from PHP
 * strings, which may hold any byte including NUL.
 *
 * The whole input goes to every function: mc_ip_parse() gets the raw bytes
 * with their length (NULs included, as PHP passes them); the C-string
 * functions get a NUL-terminated copy (so they see up to the first NUL). */
#include "mc_ip.h"
#include "mc_name.h"
#include "mc_dns.h"

#include <arpa/inet.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHECK(cond) do { \
	if (!(cond)) { \
		fprintf(stderr, "fuzz_text: check failed at line %d: %s\n", __LINE__, #cond); \
		abort(); \
	} \
} while (0)

static volatile unsigned sink;

static mc_ip ip4, ip6;

static void init_ips(void)
{
	static int done;
	const char *why;
	if (done) {
		return;
	}
	CHECK(mc_ip_parse("203.0.113.12", strlen("203.0.113.12"), &ip4, &why) == 0);
	CHECK(ip4.family == AF_INET);
	CHECK(mc_ip_parse("2001:db8::16", strlen("2001:db8::16"), &ip6, &why) == 0);
	CHECK(ip6.family == AF_INET6);
	done = 1;
}

static void ip_checks(const char *text, size_t len)
{
	mc_ip ip;
	const char *why = NULL;
	memset(&ip, 0x5a, sizeof(ip));
	if (mc_ip_parse(text, len, &ip, &why) != 0) {
		CHECK(why != NULL && why[0] != '\0');
		return;
	}
	CHECK(ip.family == AF_INET || ip.family == AF_INET6);

	char rev[MC_IP_REVERSE_LEN], fmt[MC_IP_STRLEN];
	memset(rev, 0xa5, sizeof(rev));
	memset(fmt, 0xa5, sizeof(fmt));
	mc_ip_reverse_name(&ip, rev);
	mc_ip_format(&ip, fmt);
	CHECK(memchr(rev, '\0', sizeof(rev)) != NULL);
	CHECK(memchr(fmt, '\0', sizeof(fmt)) != NULL);
	CHECK(mc_name_is_hostname(rev, 1));

	/* The formatted address parses back to the same address. */
	mc_ip again;
	CHECK(fmt[0] != '\0');
	CHECK(mc_ip_parse(fmt, strlen(fmt), &again, &why) == 0);
	CHECK(mc_ip_equal(&ip, &again));
	CHECK(mc_ip_len(&ip) == (ip.family == AF_INET ? 4u : 16u));

	/* A name made of the address is generic for that address. */
	(void)mc_name_looks_generic(rev, &ip, &why);
}

static void name_checks(const char *name)
{
	const char *why = NULL;
	int host = mc_name_is_hostname(name, 0);
	int fqdn = mc_name_is_hostname(name, 1);
	CHECK(host == 0 || host == 1);
	CHECK(fqdn == 0 || fqdn == 1);
	CHECK(!fqdn || host); /* an FQDN is a host name */

	if (mc_name_looks_generic(name, &ip4, &why)) {
		CHECK(why != NULL);
		sink += (unsigned)strlen(why);
	}
	why = NULL;
	if (mc_name_looks_generic(name, &ip6, &why)) {
		CHECK(why != NULL);
		sink += (unsigned)strlen(why);
	}

	size_t len = strlen(name);
	char *norm = malloc(len + 1);
	if (!norm) {
		return;
	}
	memcpy(norm, name, len + 1);
	mc_name_normalize(norm);
	CHECK(strlen(norm) <= len);
	CHECK(mc_name_equal(name, name));
	/* equal is symmetric, also for names that differ */
	static const char *const others[] = {
		"mail.example.com", "MAIL.EXAMPLE.COM.", ".", "", "12.113.0.203.in-addr.arpa",
	};
	for (size_t k = 0; k < sizeof(others) / sizeof(others[0]); k++) {
		CHECK(mc_name_equal(name, others[k]) == mc_name_equal(others[k], name));
	}
	if (host) {
		/* A host name stays the same name, and a host name, normalised.
		 * (Not for any string: "a.." loses one dot and becomes "a.".) */
		CHECK(mc_name_equal(norm, name));
		CHECK(mc_name_equal(name, norm));
		CHECK(mc_name_is_hostname(norm, 0));
		CHECK(mc_name_is_hostname(norm, 1) == fqdn);
		for (const char *p = norm; *p; p++) {
			CHECK(!(*p >= 'A' && *p <= 'Z'));
		}
	}
	free(norm);
}

/* An oracle for the accepted syntax, independent of mc_dns.c: split the
 * list the same way and require every port to be plain decimal digits, as
 * the error message promises ("a number from 1 to 65535"). */
static void check_ports_are_digits(const char *list)
{
	const char *p = list;
	while (*p) {
		while (*p == ' ' || *p == '\t' || *p == ',') {
			p++;
		}
		const char *start = p;
		while (*p && *p != ',' && *p != ' ' && *p != '\t') {
			p++;
		}
		size_t ilen = (size_t)(p - start);
		const char *port = NULL;
		if (ilen && start[0] == '[') {
			const char *close = memchr(start, ']', ilen);
			if (close && close + 1 < p && close[1] == ':') {
				port = close + 2;
			}
		} else {
			const char *colon = memchr(start, ':', ilen);
			if (colon && !memchr(colon + 1, ':', (size_t)(p - colon - 1))) {
				port = colon + 1;
			}
		}
		if (port) {
			CHECK(port < p);
			for (const char *d = port; d < p; d++) {
				CHECK(*d >= '0' && *d <= '9');
			}
		}
	}
}

static void servers_checks(const char *list)
{
	char out[1024], err[256];
	/* The size mc_dns_configure uses, and a small one for "too many". */
	static const size_t outlens[] = {sizeof(out), 40};
	for (size_t k = 0; k < sizeof(outlens) / sizeof(outlens[0]); k++) {
		size_t outlen = outlens[k];
		memset(out, 0xa5, sizeof(out));
		memset(err, 0xa5, sizeof(err));
		if (mc_dns_parse_servers(list, out, outlen, err, sizeof(err)) != 0) {
			CHECK(memchr(err, '\0', sizeof(err)) != NULL);
			CHECK(err[0] != '\0');
			continue;
		}
		CHECK(memchr(out, '\0', outlen) != NULL);
		check_ports_are_digits(list);
		/* Its own output is a valid list that maps to itself. */
		char out2[1024];
		CHECK(mc_dns_parse_servers(out, out2, sizeof(out2), err, sizeof(err)) == 0);
		CHECK(strcmp(out, out2) == 0);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	init_ips();

	/* Raw bytes with length, in an exact-size buffer (no NUL after it). */
	char *raw = malloc(size ? size : 1);
	if (!raw) {
		return 0;
	}
	memcpy(raw, data, size);
	ip_checks(raw, size);
	free(raw);

	char *text = malloc(size + 1);
	if (!text) {
		return 0;
	}
	memcpy(text, data, size);
	text[size] = '\0';
	ip_checks(text, strlen(text));
	name_checks(text);
	servers_checks(text);
	free(text);
	return 0;
}
