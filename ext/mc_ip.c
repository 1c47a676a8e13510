#include "mc_ip.h"

#include <arpa/inet.h>
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
