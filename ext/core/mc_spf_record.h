/* SPF records as text: a strict RFC 7208 parser and validator, no DNS.
 *
 * The caller fetches the TXT record; this tells whether it is an SPF record,
 * whether every byte of it follows the grammar of RFC 7208 (section 12, the
 * errata included), and what its terms are. It serves mail_check_spf_record()
 * reporting, the lookup count of section 4.6.4, and stands as a gate in front
 * of libspf2: a record that is not valid here is a permerror and never
 * reaches libspf2's compiler.
 *
 * Robust against any bytes: one pass over the record, no recursion, no work
 * beyond linear in its length, two allocations plus the error text. */
#ifndef MC_SPF_RECORD_H
#define MC_SPF_RECORD_H

#include <stddef.h>

/* RFC 7208 section 4.6.4: more DNS-querying terms than this in one check
 * (counted through include and redirect) is a permerror. */
#define MC_SPF_MAX_DNS_TERMS 10

typedef enum {
	MC_SPF_Q_PASS = '+',
	MC_SPF_Q_FAIL = '-',
	MC_SPF_Q_SOFTFAIL = '~',
	MC_SPF_Q_NEUTRAL = '?'
} mc_spf_qualifier;

typedef enum {
	MC_SPF_M_ALL,
	MC_SPF_M_INCLUDE,
	MC_SPF_M_A,
	MC_SPF_M_MX,
	MC_SPF_M_PTR,
	MC_SPF_M_IP4,
	MC_SPF_M_IP6,
	MC_SPF_M_EXISTS,
	MC_SPF_MOD_REDIRECT,
	MC_SPF_MOD_EXP,
	MC_SPF_MOD_UNKNOWN
} mc_spf_term_kind;

/* One term. The strings are NUL-terminated, point into the record's own
 * copy (rec->buf) and live until mc_spf_record_free(). */
typedef struct {
	mc_spf_term_kind kind;
	mc_spf_qualifier qualifier;   /* mechanisms; '+' when not written, and for modifiers */
	int explicit_qualifier;       /* the qualifier was written */
	char *name;                   /* the mechanism or modifier name as written ("MX", "v-foo") */
	char *domain_spec;            /* include/a/mx/ptr/exists argument, redirect=/exp= value;
	                               * NULL when absent; macros unexpanded */
	int has_macros;               /* domain_spec contains % macros */
	char *value;                  /* modifiers: the text after "=" (for redirect and exp the
	                               * same as domain_spec); NULL for mechanisms */
	char *ip;                     /* ip4/ip6: the address text, without the CIDR length */
	int cidr4, cidr6;             /* ip4, a, mx: cidr4; ip6, a, mx: cidr6; -1 when absent */
	size_t pos, len;              /* byte offset and length of the term in the record,
	                               * the qualifier included */
} mc_spf_term;

typedef struct {
	mc_spf_term *terms;           /* in record order; when invalid, those before the error */
	size_t count;
	int valid;                    /* 1 when the whole record is valid RFC 7208 syntax */
	/* The first syntax error: a static, stable English reason ("unknown
	 * mechanism", "invalid CIDR length", "redirect= given twice"), NULL when
	 * valid. error_detail says it with the offending text, for people
	 * ("unknown mechanism \"foo\""); malloc'd, or NULL when valid. */
	const char *error;
	char *error_detail;
	size_t error_pos;             /* byte offset of the error in the record */
	/* include, a, mx, ptr, exists and redirect (section 4.6.4), in this record
	 * only; the caller adds those of included and redirected records and
	 * compares with MC_SPF_MAX_DNS_TERMS. Not a syntax matter: valid stays 1. */
	int dns_terms;
	int has_all;                  /* an "all" mechanism is present */
	int all_qualifier;            /* the qualifier of the first "all" */
	int has_redirect;
	int redirect_index;           /* index in terms, -1 when absent */
	int exp_index;                /* index in terms, -1 when absent */
	int has_ptr;                  /* section 5.5: "ptr" SHOULD NOT be used */
	char *buf;                    /* owns the strings the terms point into */
} mc_spf_record;

/* Is this TXT string an SPF record? RFC 7208 section 4.5: it starts with the
 * version "v=spf1" (ASCII case-insensitive), followed by a space or the end.
 * "v=spf10" and "v=spf1-all" are not. */
int mc_spf_is_record(const char *txt, size_t len);

/* Parses a record, which must start with the version (else it is reported
 * invalid, as not an SPF record). Any bytes are accepted, NULs included.
 * Returns 0 when parsed, valid or not (see rec->valid): rec must then be
 * given to mc_spf_record_free(). Returns -1 when out of memory, with rec
 * left empty (freeing it is harmless). */
int mc_spf_record_parse(const char *txt, size_t len, mc_spf_record *rec);
void mc_spf_record_free(mc_spf_record *rec);

/* Validates a macro-string (RFC 7208 section 7.1). exp = 0: as in a record's
 * domain-spec or modifier value; exp = 1: as an explanation string fetched
 * by exp= (explain-string: spaces allowed, and the macro letters c, r, t,
 * which section 7.2 allows only there). Returns 0 when valid, or -1 with
 * *pos at the offending byte. */
int mc_spf_macro_string_valid(const char *s, size_t len, int exp, size_t *pos);

#endif
