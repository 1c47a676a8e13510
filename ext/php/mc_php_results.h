/* The result arrays of the mail_check_*() functions, built from the core
 * results: mail_check() puts the very same arrays under its "checks". */
#ifndef MC_PHP_RESULTS_H
#define MC_PHP_RESULTS_H

#include "php.h"
#include "mc_ptr.h"
#include "mc_spf.h"
#include "mc_spf_policy.h"
#include "mc_sender.h"
#include "mc_helo.h"
#include "mc_mta.h"
#include "mc_dmarc.h"
#include "mc_dkim.h"
#include "mc_dnsbl.h"

/* start_us: when the check began (for elapsed_ms). Strings the core result
 * may lack are given as the caller has them (helo, domain, host). */
void mc_php_ptr_array(zval *out, const mc_ptr_result *res, const char *helo, int64_t start_us);
void mc_php_spf_array(zval *out, const mc_spf_result *res, int64_t start_us);
void mc_php_spf_record_array(zval *out, const mc_spf_policy *res, const char *domain, int64_t start_us);
void mc_php_sender_array(zval *out, const mc_sender_result *res, int64_t start_us);
void mc_php_helo_array(zval *out, const mc_helo_result *res, const char *helo, int64_t start_us);
void mc_php_mta_array(zval *out, const mc_mta_result *res, const char *host, int port, int64_t start_us);
void mc_php_dmarc_array(zval *out, const mc_dmarc_result *res, const char *domain, int64_t start_us);
void mc_php_dkim_array(zval *out, const mc_dkim_result *res, const char *domain, int64_t start_us);
void mc_php_dnsbl_array(zval *out, const mc_dnsbl_result *res, const mc_ip *ip, const char *domain, int64_t start_us);

/* The dns_error problem of a resolver that could not be set up, as the
 * only problem of list (which it initialises); returns MC_STATUS_ERROR. */
mc_status mc_php_dns_unavailable(mc_problems *list, const char *err);

#endif
