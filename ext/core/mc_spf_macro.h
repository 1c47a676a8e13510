/* RFC 7208 §7 macro expansion, for explanation strings (exp=). libspf2
 * 1.2.10 returns them with spaces turned into '%' and macros unexpanded,
 * so the extension expands them itself. Plain C core. */
#ifndef MC_SPF_MACRO_H
#define MC_SPF_MACRO_H

#include <stddef.h>
#include "mc_ip.h"

typedef struct {
	const char *sender;      /* local@domain (postmaster@domain when no local part) */
	const char *domain;      /* the current domain: whose record gave the exp= */
	const char *helo;        /* may be NULL */
	const char *receiver;    /* this host's name, for %{r} */
	const char *validated;   /* %{p}: a forward-confirmed PTR name, or NULL ("unknown") */
	const mc_ip *ip;
	long long now;           /* %{t} */
} mc_spf_macro_env;

/* Expands a macro-string; exp = 1 allows the explanation-only letters c, r
 * and t. Returns a malloc'd string, or NULL when the string is not a valid
 * macro-string (the caller then has no explanation, RFC 7208 §6.2). */
char *mc_spf_macro_expand(const char *s, size_t len, int exp, const mc_spf_macro_env *env);

#endif
