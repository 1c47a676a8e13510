/* IP addresses as the checks take them: strict parsing, reverse names. */
#ifndef MC_IP_H
#define MC_IP_H

#include <stddef.h>

#define MC_IP_STRLEN 46         /* INET6_ADDRSTRLEN */
#define MC_IP_REVERSE_LEN 73    /* 32 nibbles with dots + "ip6.arpa" + NUL */

typedef struct {
	int family;               /* AF_INET or AF_INET6 */
	unsigned char addr[16];   /* network order; 4 bytes used for AF_INET */
} mc_ip;

/* Parses a bare IPv4 or IPv6 address. An IPv4-mapped IPv6 address
 * (::ffff:192.0.2.1) becomes the IPv4 address: receivers see IPv4.
 * Returns 0, or -1 with *why set to a short reason for the caller's error. */
int mc_ip_parse(const char *text, size_t len, mc_ip *out, const char **why);
void mc_ip_format(const mc_ip *ip, char out[MC_IP_STRLEN]);
/* The in-addr.arpa / ip6.arpa name whose PTR records belong to the IP. */
void mc_ip_reverse_name(const mc_ip *ip, char out[MC_IP_REVERSE_LEN]);
int mc_ip_equal(const mc_ip *a, const mc_ip *b);
/* Whether receivers on the Internet could ever see this address as a
 * sender: NULL for a public one, else what it is ("private (RFC 1918)",
 * "carrier-grade NAT (RFC 6598)", "loopback", "link-local", ...). The
 * documentation ranges count as public (why: mc_ip.c). */
const char *mc_ip_not_public(const mc_ip *ip);
/* The source address the kernel picks for traffic to the Internet, found
 * by connecting a UDP socket (which sends nothing). Returns 0 or -1. */
int mc_ip_outbound(int family, mc_ip *out);
size_t mc_ip_len(const mc_ip *ip);

#endif
