/* Module globals: per process, per thread under ZTS. */
#ifndef MC_GLOBALS_H
#define MC_GLOBALS_H

#include "php.h"
#include "mc_dns.h"

ZEND_BEGIN_MODULE_GLOBALS(mailcheck)
	/* ini */
	char *resolver;
	zend_long timeout;
	/* the resolver, made on first use and kept across requests */
	mc_dns *dns;
	pid_t dns_pid;
ZEND_END_MODULE_GLOBALS(mailcheck)

ZEND_EXTERN_MODULE_GLOBALS(mailcheck)
#define MC_G(v) ZEND_MODULE_GLOBALS_ACCESSOR(mailcheck, v)

#endif
