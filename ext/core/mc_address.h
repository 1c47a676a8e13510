/* Mail addresses as a sender gives them: syntax by RFC 5321 (the envelope)
 * and RFC 5322 (the "Name <address>" forms of a From: header), the domain
 * in A-label form, and the names and accounts that give a sender away as
 * an unconfigured server. Plain C core, no DNS. */
#ifndef MC_ADDRESS_H
#define MC_ADDRESS_H

#include <stddef.h>

#define MC_ADDRESS_INPUT_MAX 2048  /* longer input is refused before parsing */
#define MC_ADDRESS_LOCAL_MAX 64    /* RFC 5321 4.5.3.1.1 */
#define MC_ADDRESS_MAX 254         /* RFC 5321 4.5.3.1.3: a 256-octet path less "<" and ">" */

typedef struct {
	char *address;      /* local "@" domain as checked (domain in A-label form); NULL on error */
	char *local;        /* local part as given (quotes kept if quoted) */
	char *domain;       /* A-label lower case, no trailing dot; for a domain literal its
	                     * canonical text: "[192.0.2.1]", "[IPv6:2001:db8::1]" */
	char *display_name; /* from "Name <address>": unquoted, unescaped, comments dropped,
	                     * runs of white space as one space; NULL when absent or empty */
	int domain_literal; /* 1 for [IPv4] / [IPv6:...] */
	int idn;            /* 1 when the domain was converted from UTF-8 */
	const char *error;  /* on failure: a short static English reason; NULL on success */
	size_t error_pos;   /* on failure: byte offset in the input where it went wrong */
} mc_address;

/* Parses input[0..len) (any bytes, NULs included: len is what counts).
 * Comments (RFC 5322 CFWS: nested, with quoted-pairs) read as white space
 * wherever RFC 5322 3.4 allows them: around the display name, the <...>,
 * the local part, the @ and the domain ("a@x (Name)", "Name <a@x> (note)",
 * "a (c) @ x"); not inside a dot-atom ("a.(c)b@x" is obsolete syntax).
 * Returns 0; -1 on a syntax error; -2 when out of memory. On failure every
 * pointer is NULL and error/error_pos say why; mc_address_free() is safe
 * after either outcome. */
int mc_address_parse(const char *input, size_t len, mc_address *out);
void mc_address_free(mc_address *a);

/* Whether the domain is reserved or special-use, so that no receiver will
 * take mail from it as a sender: returns a short static label of the kind
 * ("localhost", ".local (mDNS)", "a single-label name", ...), or NULL.
 * Takes the domain as mc_address_parse() gives it (case and one trailing
 * dot are ignored); a domain literal gives NULL, see domain_literal. */
const char *mc_address_reserved_domain(const char *domain);

/* Whether the local part is a Unix service or default account (root,
 * www-data, nobody, postfix, ubuntu, ...), which is what a PHP mail() sends
 * from when nobody configured a sender; or extra_user (the process user,
 * may be NULL). Case-insensitive; a quoted local part is compared unquoted.
 * Role addresses people read (admin, info, noreply) are not counted. */
int mc_address_system_account(const char *local, const char *extra_user);

#endif
