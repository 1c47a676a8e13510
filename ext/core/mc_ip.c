#include "mc_ip.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <stdio.h>
#include <string.h>

static const unsigned char v4_mapped_prefix[12] = {0,0,0,0,0,0,0,0,0,0,0xff,0xff};

size_t mc_ip_len(const mc_ip *ip)
{
	return ip->family == AF_INET ? 4 : 16;
}

/* Tells apart the near misses people pass, so the error says what to drop. */
static const char *explain_bad_ip(const char *text)
{
	if (strchr(text, '%')) {
		return "must be an IP address without a zone index (%)";
	}
	if (text[0] == '[' || (strchr(text, '.') && strchr(text, ':') && !strstr(text, "::")
			&& strchr(text, ':') == strrchr(text, ':'))) {
		return "must be an IP address without brackets or a port";
	}
	return "must be a valid IPv4 or IPv6 address";
}

int mc_ip_parse(const char *text, size_t len, mc_ip *out, const char **why)
{
	char buf[MC_IP_STRLEN + 16];

	if (memchr(text, '\0', len)) {
		*why = "must not contain any null bytes";
		return -1;
	}
	if (len == 0) {
		*why = "must not be empty";
		return -1;
	}
	if (len >= sizeof(buf)) {
		*why = "must be a valid IPv4 or IPv6 address";
		return -1;
	}
	memcpy(buf, text, len);
	buf[len] = '\0';

	memset(out, 0, sizeof(*out));
	if (inet_pton(AF_INET, buf, out->addr) == 1) {
		out->family = AF_INET;
		return 0;
	}
	if (inet_pton(AF_INET6, buf, out->addr) == 1) {
		out->family = AF_INET6;
		if (memcmp(out->addr, v4_mapped_prefix, sizeof(v4_mapped_prefix)) == 0) {
			memmove(out->addr, out->addr + 12, 4);
			memset(out->addr + 4, 0, 12);
			out->family = AF_INET;
		}
		return 0;
	}
	*why = explain_bad_ip(buf);
	return -1;
}

void mc_ip_format(const mc_ip *ip, char out[MC_IP_STRLEN])
{
	if (!inet_ntop(ip->family, ip->addr, out, MC_IP_STRLEN)) {
		out[0] = '\0';
	}
}

void mc_ip_reverse_name(const mc_ip *ip, char out[MC_IP_REVERSE_LEN])
{
	if (ip->family == AF_INET) {
		snprintf(out, MC_IP_REVERSE_LEN, "%u.%u.%u.%u.in-addr.arpa",
			ip->addr[3], ip->addr[2], ip->addr[1], ip->addr[0]);
		return;
	}
	static const char hex[] = "0123456789abcdef";
	char *p = out;
	for (int i = 15; i >= 0; i--) {
		*p++ = hex[ip->addr[i] & 0x0f];
		*p++ = '.';
		*p++ = hex[ip->addr[i] >> 4];
		*p++ = '.';
	}
	memcpy(p, "ip6.arpa", sizeof("ip6.arpa"));
}

int mc_ip_equal(const mc_ip *a, const mc_ip *b)
{
	return a->family == b->family && memcmp(a->addr, b->addr, mc_ip_len(a)) == 0;
}

static int in_prefix(const unsigned char *addr, const unsigned char *prefix, unsigned bits)
{
	for (unsigned i = 0; i < bits / 8; i++) {
		if (addr[i] != prefix[i]) {
			return 0;
		}
	}
	unsigned rest = bits % 8;
	return rest == 0 || ((addr[bits / 8] ^ prefix[bits / 8]) & (0xff00 >> rest) & 0xff) == 0;
}

/* The documentation ranges (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24,
 * 2001:db8::/32) are left public on purpose, all four alike: no host sends
 * mail from them, since nobody routes them, so no real verdict changes, and
 * they are what every fixture, test and example uses as a stand-in public
 * address (RFC 5737 and RFC 3849 exist for that). */
const char *mc_ip_not_public(const mc_ip *ip)
{
	static const struct { int family; unsigned char prefix[16]; unsigned bits; const char *what; } ranges[] = {
		{ AF_INET, {10}, 8, "private (RFC 1918)" },
		{ AF_INET, {172, 16}, 12, "private (RFC 1918)" },
		{ AF_INET, {192, 168}, 16, "private (RFC 1918)" },
		{ AF_INET, {100, 64}, 10, "carrier-grade NAT (RFC 6598)" },
		{ AF_INET, {127}, 8, "loopback" },
		{ AF_INET, {169, 254}, 16, "link-local" },
		{ AF_INET, {0}, 8, "unspecified" },
		{ AF_INET, {198, 18}, 15, "benchmarking (RFC 2544)" },
		{ AF_INET, {192, 0, 0}, 24, "IETF protocol assignments (RFC 6890)" },
		{ AF_INET, {224}, 3, "multicast or reserved" },
		{ AF_INET6, {0}, 127, "unspecified or loopback" },
		{ AF_INET6, {0xfc}, 7, "unique local (RFC 4193)" },
		{ AF_INET6, {0xfe, 0x80}, 10, "link-local" },
		{ AF_INET6, {0xff}, 8, "multicast" },
	};
	for (size_t i = 0; i < sizeof(ranges) / sizeof(ranges[0]); i++) {
		if (ranges[i].family == ip->family && in_prefix(ip->addr, ranges[i].prefix, ranges[i].bits)) {
			return ranges[i].what;
		}
	}
	return NULL;
}

int mc_ip_outbound(int family, mc_ip *out)
{
	/* A documentation address: no packet is sent, the kernel only picks
	 * the route and the source address it would use for the Internet. */
	struct sockaddr_storage dst, src;
	socklen_t len = sizeof(src);
	memset(&dst, 0, sizeof(dst));
	if (family == AF_INET) {
		struct sockaddr_in *d = (struct sockaddr_in *)&dst;
		d->sin_family = AF_INET;
		d->sin_port = htons(9);
		inet_pton(AF_INET, "192.0.2.1", &d->sin_addr);
	} else {
		struct sockaddr_in6 *d = (struct sockaddr_in6 *)&dst;
		d->sin6_family = AF_INET6;
		d->sin6_port = htons(9);
		inet_pton(AF_INET6, "2001:db8::1", &d->sin6_addr);
	}
	int fd = socket(family, SOCK_DGRAM, 0);
	if (fd < 0) {
		return -1;
	}
	int rc = connect(fd, (struct sockaddr *)&dst, family == AF_INET ? sizeof(struct sockaddr_in) : sizeof(struct sockaddr_in6));
	if (rc == 0) {
		rc = getsockname(fd, (struct sockaddr *)&src, &len);
	}
	close(fd);
	if (rc != 0) {
		return -1;
	}
	memset(out, 0, sizeof(*out));
	out->family = family;
	if (family == AF_INET) {
		memcpy(out->addr, &((struct sockaddr_in *)&src)->sin_addr, 4);
	} else {
		memcpy(out->addr, &((struct sockaddr_in6 *)&src)->sin6_addr, 16);
	}
	return 0;
}
