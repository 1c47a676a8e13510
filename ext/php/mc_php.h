/* Shared pieces of the bindings: the resolver of this process, argument
 * checks, and the common keys of every result array. */
#ifndef MC_PHP_H
#define MC_PHP_H

#include "php.h"
#include "mc_dns.h"
#include "mc_ip.h"
#include "mc_problems.h"

/* Bounds of mailcheck.timeout and mail_check()'s timeout, in ms: below 10
 * no answer can arrive; past a minute a web request waiting on it has long
 * been given up. */
#define MC_PHP_TIMEOUT_MIN 10
#define MC_PHP_TIMEOUT_MAX 60000

/* RFC 5321 §4.5.3.1.3: a reverse-path is at most 256 octets with its <>. */
#define MC_PHP_MAX_SENDER 256

/* Longest HELO / host name accepted as an argument (RFC 5321 §4.5.3.1.2). */
#define MC_PHP_MAX_NAME 255

/* The resolver configured from the current ini settings, or NULL with err
 * filled in when c-ares cannot be set up. */
mc_dns *mc_php_dns(char *err, size_t errlen);
/* The same resolver configured from given settings (the guard uses the
 * php.ini values, which a script's ini_set() does not change). */
mc_dns *mc_php_dns_with(const char *servers, int timeout_ms, char *err, size_t errlen);
/* The account PHP runs as, looked up once per process, per thread under
 * ZTS (getpwuid_r() reads /etc/passwd every time); NULL when it has no
 * name. */
const char *mc_php_process_user(void);
/* This host's name (gethostname(), "localhost" when it has none), as the
 * receiver in Received-SPF and the name the MTA probe says EHLO with. */
void mc_php_host_name(char *out, size_t len);
/* When a check started now must be done, from mailcheck.timeout. */
int64_t mc_php_deadline_ms(void);
/* Throws a ValueError naming the argument when the string is empty, has
 * a NUL byte, is longer than maxlen or holds a control character (below
 * 0x20, or 0x7f); returns FAILURE then. For every name and identity
 * argument but mail_check_sender()'s, which reports bad bytes as a
 * sender_syntax problem. */
zend_result mc_php_check_name_arg(const zend_string *value, uint32_t arg_num, size_t maxlen);
/* The same for a name given in an options array: the message names it. */
zend_result mc_php_check_name_option(const zend_string *value, uint32_t arg_num, const char *option, size_t maxlen);
/* Parses an IP address argument; a ValueError saying why otherwise. */
zend_result mc_php_ip_arg(const zend_string *value, uint32_t arg_num, mc_ip *out);
/* mc_php_check_name_arg() for a domain name: 253 octets, one more for the
 * root's trailing dot. */
zend_result mc_php_check_domain_arg(const zend_string *value, uint32_t arg_num);
/* Starts the result array with status, problems and elapsed_ms. */
void mc_php_result_init(zval *result, const mc_problems *problems, mc_status status, int64_t start_us);
void mc_php_add_tri(zval *result, const char *key, int tri);
void mc_php_add_string_or_null(zval *result, const char *key, const char *value);
/* Adds a list of strings under key (NULL items, left by a failed copy, are skipped). */
void mc_php_add_string_list(zval *result, const char *key, char *const *items, size_t count);
/* Reads an array argument of names (DKIM selectors, blocklist zones) into
 * out[] (pointers into the array's strings, valid during the call): at
 * least one and at most max, each a string that passes
 * mc_php_check_name_arg(), none twice (as DNS names: ASCII case and a
 * trailing dot ignored). Throws and
 * returns FAILURE otherwise. */
zend_result mc_php_name_list_arg(HashTable *ht, uint32_t arg_num, const char **out, size_t max, size_t *count);

#endif
