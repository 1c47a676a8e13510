#include "mc_name.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int lower(int c)
{
	return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

static size_t name_len_without_dot(const char *s)
{
	size_t len = strlen(s);
	return (len > 1 && s[len - 1] == '.') ? len - 1 : len;
}

int mc_name_equal(const char *a, const char *b)
{
	size_t la = name_len_without_dot(a), lb = name_len_without_dot(b);
	if (la != lb) {
		return 0;
	}
	for (size_t i = 0; i < la; i++) {
		if (lower((unsigned char)a[i]) != lower((unsigned char)b[i])) {
			return 0;
		}
	}
	return 1;
}

void mc_name_normalize(char *name)
{
	for (char *p = name; *p; p++) {
		*p = (char)lower((unsigned char)*p);
	}
	size_t len = strlen(name);
	if (len > 1 && name[len - 1] == '.') {
		name[len - 1] = '\0';
	}
}

int mc_name_is_hostname(const char *name, int require_fqdn)
{
	size_t len = name_len_without_dot(name);
	if (len == 0 || len > MC_NAME_MAX) {
		return 0;
	}
	size_t label = 0, labels = 1;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)name[i];
		if (c == '.') {
			if (label == 0 || name[i - 1] == '-') {
				return 0;
			}
			label = 0;
			labels++;
			continue;
		}
		int ldh = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
		if (!ldh || (label == 0 && c == '-') || ++label > 63) {
			return 0;
		}
	}
	if (label == 0 || name[len - 1] == '-') {
		return 0;
	}
	return !require_fqdn || labels >= 2;
}

/* The words ISPs put in the names of customer address pools. */
static const char *const pool_words[] = {
	"dsl", "adsl", "vdsl", "xdsl", "dyn", "dynamic", "dynip", "dhcp", "pool",
	"cable", "dialup", "dial", "ppp", "pppoe", "broadband", "client", "cust",
	"customer", "residential", "unassigned", NULL
};

static int has_pool_word(const char *host, size_t len, const char **why)
{
	/* Words are the runs of letters: "dhcp123" and "dyn-4" both count. */
	size_t i = 0;
	while (i < len) {
		while (i < len && !(host[i] >= 'a' && host[i] <= 'z')) {
			i++;
		}
		size_t start = i;
		while (i < len && host[i] >= 'a' && host[i] <= 'z') {
			i++;
		}
		size_t wlen = i - start;
		for (const char *const *w = pool_words; wlen && *w; w++) {
			if (strlen(*w) == wlen && memcmp(host + start, *w, wlen) == 0) {
				*why = *w;
				return 1;
			}
		}
	}
	return 0;
}

/* Counts how many of the IPv4 octets appear, in order (either direction),
 * as separate decimal runs: "203-0-113-12", "12.113.0.203", "ip113-12". */
static int octets_in_order(const unsigned long *runs, size_t nruns, const unsigned char *octets, int reverse)
{
	int best = 0;
	for (size_t start = 0; start < nruns; start++) {
		int matched = 0;
		size_t r = start;
		for (int k = 0; k < 4 && r < nruns; k++) {
			int o = reverse ? octets[3 - k] : octets[k];
			if (runs[r] == (unsigned long)o) {
				matched++;
				r++;
			} else if (matched) {
				break;
			}
		}
		if (matched > best) {
			best = matched;
		}
	}
	return best;
}

static int embeds_ipv4(const char *host, size_t len, const mc_ip *ip, const char **why)
{
	unsigned long runs[64];
	size_t nruns = 0;
	for (size_t i = 0; i < len && nruns < 64;) {
		if (host[i] >= '0' && host[i] <= '9') {
			unsigned long v = 0;
			size_t digits = 0;
			while (i < len && host[i] >= '0' && host[i] <= '9') {
				if (digits++ < 4) {
					v = v * 10 + (unsigned long)(host[i] - '0');
				} else {
					v = 100000; /* too long to be an octet */
				}
				i++;
			}
			runs[nruns++] = v;
		} else {
			i++;
		}
	}
	/* Three octets in a row is how pools are named; a mail server called
	 * "mx2" or "mail14" shares at most one number with its address. */
	if (octets_in_order(runs, nruns, ip->addr, 0) >= 3 || octets_in_order(runs, nruns, ip->addr, 1) >= 3) {
		*why = "the IP address's digits";
		return 1;
	}
	char hex[9];
	snprintf(hex, sizeof(hex), "%02x%02x%02x%02x", ip->addr[0], ip->addr[1], ip->addr[2], ip->addr[3]);
	for (size_t i = 0; i + 8 <= len; i++) {
		if (strncmp(host + i, hex, 8) == 0) {
			*why = "the IP address in hexadecimal";
			return 1;
		}
	}
	return 0;
}

int mc_name_looks_generic(const char *name, const mc_ip *ip, const char **why)
{
	char host[MC_NAME_MAX + 2];
	size_t len = name_len_without_dot(name);
	if (len > MC_NAME_MAX) {
		return 0;
	}
	for (size_t i = 0; i < len; i++) {
		host[i] = (char)lower((unsigned char)name[i]);
	}
	host[len] = '\0';

	/* Only the labels left of the registered domain describe the host:
	 * drop the last two so a provider named "dynamic-hosting.com" does not
	 * make all its servers look dynamic. */
	size_t host_len = len;
	for (int dots = 0; host_len > 0; host_len--) {
		if (host[host_len - 1] == '.' && ++dots == 2) {
			host_len--;
			break;
		}
	}
	if (ip->family == AF_INET && embeds_ipv4(host, host_len, ip, why)) {
		return 1;
	}
	return has_pool_word(host, host_len, why);
}

int mc_name_is_askable(const char *name)
{
	size_t len = strlen(name), label = 0;
	if (len > 0 && name[len - 1] == '.') {
		len--;
	}
	if (len == 0 || len > MC_NAME_MAX) {
		return 0;
	}
	for (size_t i = 0; i < len; i++) {
		if (name[i] == '.') {
			if (label == 0) {
				return 0;
			}
			label = 0;
		} else if (name[i] == '\\' || ++label > 63) {
			return 0;
		}
	}
	return label > 0;
}

int mc_name_is_localhost(const char *name)
{
	static const char *const suffixes[] = { ".localdomain", ".localhost", ".local", NULL };
	size_t len = strlen(name);
	if (len && name[len - 1] == '.') {
		len--;
	}
	if ((len == 9 && strncasecmp(name, "localhost", 9) == 0) || (len == 11 && strncasecmp(name, "localdomain", 11) == 0)) {
		return 1;
	}
	for (const char *const *s = suffixes; *s; s++) {
		size_t sl = strlen(*s);
		if (len > sl && strncasecmp(name + len - sl, *s, sl) == 0) {
			return 1;
		}
	}
	return 0;
}

const char *mc_name_domain_problem(const char *d, char *buf, size_t buflen)
{
	size_t len = strlen(d), label = 0, labels = 1, last = 0;
	mc_ip ip;
	const char *ignored;
	if (mc_ip_parse(d, len, &ip, &ignored) == 0) {
		return "it is an IP address: SPF records are published by domains";
	}
	if (strchr(d, '@')) {
		return "it is a mail address, not a domain: give the part after the @";
	}
	if (len > 0 && d[len - 1] == '.') {
		len--;
	}
	if (len == 0) {
		return "it is empty";
	}
	if (len > MC_NAME_MAX) {
		return "it is longer than 253 octets";
	}
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)d[i];
		if (c == '.') {
			if (label == 0) {
				return "it has an empty label (two dots in a row, or a leading dot)";
			}
			label = 0;
			labels++;
			last = i + 1;
			continue;
		}
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
			if (c == ' ') {
				return "it contains a space";
			} else if (c > 0x20 && c < 0x7f) {
				snprintf(buf, buflen, "it contains \"%c\", which has no place in a host name", c);
			} else {
				snprintf(buf, buflen, "it contains the byte 0x%02X, which has no place in a host name (an internationalised name must be given in its xn-- form)", c);
			}
			return buf;
		}
		if (++label > 63) {
			return "a label is longer than 63 octets";
		}
	}
	if (label == 0) {
		return "it has an empty label (two dots in a row, or a leading dot)";
	}
	int numeric = 1;
	for (size_t i = last; i < len; i++) {
		if (d[i] < '0' || d[i] > '9') {
			numeric = 0;
		}
	}
	if (numeric) {
		return "its last label is numeric, which no top-level domain is";
	}
	if (labels < 2) {
		return "it is a single label: give the full domain, e.g. example.com";
	}
	return NULL;
}

