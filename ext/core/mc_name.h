/* Domain names as text: comparison, syntax, and the look of a name. */
#ifndef MC_NAME_H
#define MC_NAME_H

#include <stddef.h>
#include "mc_ip.h"

#define MC_NAME_MAX 253        /* presentation form, without the root dot */

/* Equal as DNS names: ASCII case-insensitive, a trailing dot ignored. */
int mc_name_equal(const char *a, const char *b);
/* Lower-cases in place and drops one trailing dot. */
void mc_name_normalize(char *name);
/* A host name by RFC 1123: LDH labels of 1-63 octets, 253 in all, at least
 * two labels when require_fqdn is set. A trailing dot is allowed. */
int mc_name_is_hostname(const char *name, int require_fqdn);
/* A name the resolver can be asked: labels of 1-63 octets, 253 in all,
 * one trailing dot allowed, and no backslash, which c-ares would read as
 * an escape and so ask another name than the text says (every check then
 * treats the name alike: as one without records). Any other bytes are the
 * caller's business. */
int mc_name_is_askable(const char *name);
/* Why a domain given to check is not a multi-label host name (letters,
 * digits, hyphens, underscores as in _spf.example.com; not an IP address,
 * not a mail address, no numeric top label), or NULL when it is one.
 * buf holds the reason when it has to name a byte. */
const char *mc_name_domain_problem(const char *d, char *buf, size_t buflen);
/* Whether a name only means "this machine": localhost, localdomain, or a
 * name under .localhost, .localdomain or .local (localhost.localdomain is
 * what hosts whose name was never set call themselves). Receivers learn
 * nothing from it. */
int mc_name_is_localhost(const char *name);
/* Whether a PTR name looks assigned to a pool of customer addresses rather
 * than to a mail server, the way receivers' RDNS_DYNAMIC rules see it: it
 * embeds the IP's octets, or carries a word such as dsl, dyn or pool.
 * *why names the feature that matched. */
int mc_name_looks_generic(const char *name, const mc_ip *ip, const char **why);

#endif
