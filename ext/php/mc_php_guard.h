/* The mail() guard's entry points for the module glue. */
#ifndef MC_GUARD_BINDING_H
#define MC_GUARD_BINDING_H

#include "mc_globals.h"
#include "mc_ip.h"

void mc_guard_startup(void);
void mc_guard_shutdown(void);
/* Which functions the guard sits in front of, for phpinfo(). */
const char *mc_guard_hooked(void);
void mc_guard_state_free(mc_guard_state *state);
/* The guard's verdict on one mail sent from ip (NULL: IP checks skipped) with the
 * given HELO (or NULL), envelope sender (NULL: none found), From:
 * header value (or NULL) and number of From: fields: the same checks, verdict cache and DNS-down
 * window as mail(), into report as mail_check_last() would show it
 * ("blocked": what mailcheck.guard would do), with the sources given as
 * "argument". mail_check_last() is left as it was. FAILURE only when out
 * of memory. */
zend_result mc_guard_check_message(const char *function, const mc_ip *ip, const char *helo,
		const char *envelope, const char *from, size_t from_fields, zval *report);

#endif
