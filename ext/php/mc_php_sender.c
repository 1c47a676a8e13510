/* mail_check_sender(), mail_check_helo() and mail_check_mta(): arguments
 * in, core check, result array out. */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "php.h"
#include "php_ini.h"
#include "zend_exceptions.h"
#include "mc_php.h"
#include "mc_php_results.h"
#include "mc_clock.h"

#include <unistd.h>

/* Past this an argument is not an address people pass but abuse; the
 * parser itself stops at MC_ADDRESS_INPUT_MAX and reports sender_syntax. */
#define MC_PHP_MAX_ADDRESS_ARG (1024 * 1024)

static void add_problem_only_result(zval *rv, const char *err, int64_t start)
{
	mc_problems problems;
	mc_php_result_init(rv, &problems, mc_php_dns_unavailable(&problems, err), start);
	mc_problems_free(&problems);
}

void mc_php_sender_array(zval *out, const mc_sender_result *res, int64_t start_us)
{
	mc_php_result_init(out, &res->problems, res->status, start_us);
	mc_php_add_string_or_null(out, "address", res->address.address);
	mc_php_add_string_or_null(out, "local", res->address.local);
	mc_php_add_string_or_null(out, "domain", res->address.domain);
	mc_php_add_string_or_null(out, "display_name", res->address.display_name);
	zval mx;
	array_init_size(&mx, (uint32_t)res->mx_count);
	for (size_t i = 0; i < res->mx_count; i++) {
		zval entry;
		array_init_size(&entry, 2);
		add_assoc_string(&entry, "host", res->mx[i].host);
		add_assoc_long(&entry, "preference", (zend_long)res->mx[i].preference);
		add_next_index_zval(&mx, &entry);
	}
	add_assoc_zval(out, "mx", &mx);
	add_assoc_bool(out, "null_mx", res->null_mx);
}

PHP_FUNCTION(mail_check_sender)
{
	zend_string *address;
	char err[256];

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(address)
	ZEND_PARSE_PARAMETERS_END();

	/* NUL bytes and CR/LF are data here, reported as sender_syntax: this
	 * is the function that tells an app its input is header-injection
	 * material. Only absurd sizes are refused outright. */
	if (ZSTR_LEN(address) > MC_PHP_MAX_ADDRESS_ARG) {
		zend_argument_value_error(1, "must be at most %d bytes long", MC_PHP_MAX_ADDRESS_ARG);
		RETURN_THROWS();
	}
	int64_t start = mc_now_us();
	mc_dns *dns = mc_php_dns(err, sizeof(err));
	if (!dns) {
		add_problem_only_result(return_value, err, start);
		return;
	}
	mc_sender_result res;
	mc_sender_check(dns, ZSTR_VAL(address), ZSTR_LEN(address), mc_php_process_user(), mc_php_deadline_ms(), &res);

	mc_php_sender_array(return_value, &res, start);
	mc_sender_result_free(&res);
}

void mc_php_helo_array(zval *out, const mc_helo_result *res, const char *helo, int64_t start_us)
{
	mc_php_result_init(out, &res->problems, res->status, start_us);
	add_assoc_string(out, "helo", helo);
	add_assoc_bool(out, "fqdn", res->fqdn);
	zval addresses;
	array_init_size(&addresses, (uint32_t)res->address_count);
	for (size_t i = 0; i < res->address_count; i++) {
		char text[MC_IP_STRLEN];
		mc_ip_format(&res->addresses[i], text);
		add_next_index_string(&addresses, text);
	}
	add_assoc_zval(out, "addresses", &addresses);
	mc_php_add_tri(out, "matches_ip", res->matches_ip);
	mc_php_add_tri(out, "matches_ptr", res->matches_ptr);
}

PHP_FUNCTION(mail_check_helo)
{
	zend_string *helo, *ip_arg = NULL;
	char err[256];
	mc_ip ip;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_STR(helo)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR_OR_NULL(ip_arg)
	ZEND_PARSE_PARAMETERS_END();

	if (mc_php_check_name_arg(helo, 1, MC_PHP_MAX_NAME) == FAILURE) {
		RETURN_THROWS();
	}
	if (ip_arg && mc_php_ip_arg(ip_arg, 2, &ip) == FAILURE) {
		RETURN_THROWS();
	}
	int64_t start = mc_now_us();
	mc_dns *dns = mc_php_dns(err, sizeof(err));
	if (!dns) {
		add_problem_only_result(return_value, err, start);
		return;
	}
	mc_helo_result res;
	mc_helo_check(dns, ZSTR_VAL(helo), ip_arg ? &ip : NULL, mc_php_deadline_ms(), &res);

	mc_php_helo_array(return_value, &res, ZSTR_VAL(helo), start);
	mc_helo_result_free(&res);
}

void mc_php_mta_array(zval *out, const mc_mta_result *res, const char *host, int port, int64_t start_us)
{
	const mc_smtp_probe *p = &res->probe;

	mc_php_result_init(out, &res->problems, res->status, start_us);
	add_assoc_string(out, "host", host);
	add_assoc_long(out, "port", port);
	mc_php_add_string_or_null(out, "address", p->address[0] ? p->address : NULL);
	mc_php_add_string_or_null(out, "banner", p->banner);
	mc_php_add_string_or_null(out, "hostname", p->hostname);
	mc_php_add_string_or_null(out, "ehlo_hostname", p->ehlo_hostname);
	zval extensions;
	array_init_size(&extensions, (uint32_t)p->extension_count);
	for (size_t i = 0; i < p->extension_count; i++) {
		add_next_index_string(&extensions, p->extensions[i]);
	}
	add_assoc_zval(out, "extensions", &extensions);
	add_assoc_bool(out, "starttls", p->starttls);
	if (p->greeting_ms >= 0) {
		add_assoc_long(out, "greeting_ms", (zend_long)p->greeting_ms);
	} else {
		add_assoc_null(out, "greeting_ms");
	}
}

PHP_FUNCTION(mail_check_mta)
{
	zend_string *host = NULL;
	zend_long port = 25;
	char err[256], ehlo[256];

	ZEND_PARSE_PARAMETERS_START(0, 2)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR(host)
		Z_PARAM_LONG(port)
	ZEND_PARSE_PARAMETERS_END();

	const char *target = host ? ZSTR_VAL(host) : "localhost";
#ifdef PHP_WIN32
	/* On Windows mail() talks SMTP itself, to these settings. */
	if (!host && INI_STR("SMTP") && *INI_STR("SMTP")) {
		target = INI_STR("SMTP");
	}
	if (ZEND_NUM_ARGS() < 2 && INI_INT("smtp_port")) {
		port = INI_INT("smtp_port");
	}
#endif
	if (host && mc_php_check_name_arg(host, 1, MC_PHP_MAX_NAME) == FAILURE) {
		RETURN_THROWS();
	}
	if (port < 1 || port > 65535) {
		zend_argument_value_error(2, "must be between 1 and 65535");
		RETURN_THROWS();
	}
	int64_t start = mc_now_us();
	mc_dns *dns = mc_php_dns(err, sizeof(err));
	if (!dns) {
		add_problem_only_result(return_value, err, start);
		return;
	}
	mc_php_host_name(ehlo, sizeof(ehlo));

	mc_mta_result res;
	mc_mta_check(dns, target, (int)port, ehlo, mc_php_deadline_ms(), &res);
	mc_php_mta_array(return_value, &res, target, (int)port, start);
	mc_mta_result_free(&res);
}
