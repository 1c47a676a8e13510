/* The mail() guard's entry points for the module glue. */
#ifndef MC_GUARD_BINDING_H
#define MC_GUARD_BINDING_H

#include "mc_globals.h"

void mc_guard_startup(void);
void mc_guard_shutdown(void);
/* Which functions the guard sits in front of, for phpinfo(). */
const char *mc_guard_hooked(void);
void mc_guard_state_free(mc_guard_state *state);

#endif
