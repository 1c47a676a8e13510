/* mail_check_dnsbl(): an IP on DNS blocklists (IPv4 reversed octets, IPv6
 * reversed nibbles, RFC 5782 §2.1, §2.4), or a domain on domain lists
 * (§2.3); every zone's A and TXT asked in one parallel batch. An answer
 * that means "refused" or "query error" is never a listing. Plain C core. */
#ifndef MC_DNSBL_H
#define MC_DNSBL_H

#include <stddef.h>
#include <stdint.h>
#include "mc_dns.h"
#include "mc_ip.h"
#include "mc_problems.h"

/* The most zones one check or mailcheck.dnsbl_zones may name. */
#define MC_DNSBL_MAX_ZONES 32
/* The most return codes and reason bytes kept per zone. */
#define MC_DNSBL_MAX_CODES 16
#define MC_DNSBL_REASON_MAX 512

/* Widely used public lists, NULL-terminated (README says whose they are). */
extern const char *const mc_dnsbl_default_ip_zones[];
extern const char *const mc_dnsbl_default_domain_zones[];

typedef enum {
	MC_DNSBL_LISTED = 0,
	MC_DNSBL_REFUSED,      /* the list will not answer this resolver (127.255.255.254/255, 127.0.0.1) */
	MC_DNSBL_QUERY_ERROR   /* 127.255.255.252, or an address outside 127.0.0.0/8 */
} mc_dnsbl_code;

/* What one A record in a list's answer means, and why (a static text). */
mc_dnsbl_code mc_dnsbl_classify(const unsigned char addr[4], const char **why);

/* Why a zone name cannot be a list (a host name of two labels or more), or NULL. */
const char *mc_dnsbl_zone_problem(const char *zone);

/* mailcheck.dnsbl_zones: comma-separated zones; "domain:zone" names a
 * domain list, a bare zone an IP list. */
typedef struct {
	char *ip[MC_DNSBL_MAX_ZONES];
	size_t nip;
	char *domain[MC_DNSBL_MAX_ZONES];
	size_t ndomain;
} mc_dnsbl_zone_set;

/* Returns 0 (an empty or blank text gives no zones), or -1 with err filled in. */
int mc_dnsbl_parse_zone_set(const char *text, mc_dnsbl_zone_set *out, char *err, size_t errlen);
void mc_dnsbl_zone_set_free(mc_dnsbl_zone_set *set);

typedef struct {
	char *zone;
	int listed;
	char *codes[MC_DNSBL_MAX_CODES];   /* the A records, dotted */
	size_t ncodes;
	char *reason;          /* the TXT records, joined with " / ", bytes other than printable ASCII as \xHH; NULL when none */
	char *error;           /* why the zone could not tell, NULL when it could */
} mc_dnsbl_zone;

typedef struct {
	char *ip;              /* as checked (an IPv4-mapped IPv6 address as IPv4), or NULL */
	char *domain;          /* lower case without the trailing dot, or NULL */
	int listed;
	mc_dnsbl_zone *zones;
	size_t nzones;
	mc_problems problems;
	mc_status status;
} mc_dnsbl_result;

/* The name to ask zone about ip (or domain when ip is NULL). Returns 0, or
 * -1 when it is longer than a DNS name may be. */
int mc_dnsbl_query_name(const mc_ip *ip, const char *domain, const char *zone, char *out, size_t outlen);
/* Never fails: out of memory and DNS trouble end up as problems. Either ip
 * or domain (a valid host name) is given; zones must pass
 * mc_dnsbl_zone_problem(). out must be given to mc_dnsbl_result_free(). */
void mc_dnsbl_check(mc_dns *dns, const mc_ip *ip, const char *domain, const char *const *zones, size_t nzones,
		int64_t deadline_ms, mc_dnsbl_result *out);
void mc_dnsbl_result_free(mc_dnsbl_result *r);

#endif
