/* Module globals: per process, per thread under ZTS. */
#ifndef MC_GLOBALS_H
#define MC_GLOBALS_H

#include "php.h"
#include "mc_dns.h"

typedef enum { MC_GUARD_OFF = 0, MC_GUARD_WARN, MC_GUARD_BLOCK } mc_guard_mode;

typedef struct mc_guard_state mc_guard_state;

ZEND_BEGIN_MODULE_GLOBALS(mailcheck)
	/* ini */
	char *resolver;
	zend_long timeout;
	zend_long guard;          /* mc_guard_mode */
	bool guard_invalid;       /* mailcheck.guard is none of the modes: warn is used */
	char *ip;
	char *helo;
	zend_long cache_ttl;
	bool prefetch;
	char *dnsbl_zones;
	char *dkim_selector;
	/* the resolver, made on first use and kept across requests */
	mc_dns *dns;
	pid_t dns_pid;
	/* the guard's verdict cache and last report, kept across requests */
	mc_guard_state *guard_state;
	/* the account PHP runs as, and what sendmail sends as without -f (that
	 * account at the host name): looked up once per process, per thread
	 * under ZTS, since libc's getpwuid() buffer is shared */
	bool process_user_done;
	bool default_sender_done;
	char process_user[256];
	char default_sender[256 + 1 + 256];
ZEND_END_MODULE_GLOBALS(mailcheck)

ZEND_EXTERN_MODULE_GLOBALS(mailcheck)
#define MC_G(v) ZEND_MODULE_GLOBALS_ACCESSOR(mailcheck, v)

#endif
