/* mail_check_spf(): arguments in, mc_spf_check(), result array out. */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "php.h"
#include "zend_exceptions.h"
#include "mc_php.h"
#include "mc_php_results.h"
#include "mc_clock.h"

#include <unistd.h>

void mc_php_spf_array(zval *out, const mc_spf_result *res, int64_t start_us)
{
	mc_php_result_init(out, &res->problems, res->status, start_us);
	add_assoc_string(out, "result", mc_spf_result_name(res->result));
	mc_php_add_string_or_null(out, "domain", res->domain);
	add_assoc_string(out, "identity", res->identity_helo ? "helo" : "mailfrom");
	mc_php_add_string_or_null(out, "record", res->record);
	mc_php_add_string_or_null(out, "explanation", res->explanation);
	mc_php_add_string_or_null(out, "received_spf", res->received_spf);
	add_assoc_long(out, "dns_lookups", res->dns_lookups);
	add_assoc_long(out, "void_lookups", res->void_lookups);
}

PHP_FUNCTION(mail_check_spf)
{
	zend_string *ip_arg, *sender, *helo = NULL;
	char err[256], receiver[256];
	mc_ip ip;

	ZEND_PARSE_PARAMETERS_START(2, 3)
		Z_PARAM_STR(ip_arg)
		Z_PARAM_STR(sender)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR_OR_NULL(helo)
	ZEND_PARSE_PARAMETERS_END();

	if (mc_php_ip_arg(ip_arg, 1, &ip) == FAILURE) {
		RETURN_THROWS();
	}
	/* An empty sender is the null reverse-path: the HELO identity is checked. */
	if (ZSTR_LEN(sender) > 0 && mc_php_check_name_arg(sender, 2, MC_PHP_MAX_SENDER) == FAILURE) {
		RETURN_THROWS();
	}
	if (helo && mc_php_check_name_arg(helo, 3, MC_PHP_MAX_NAME) == FAILURE) {
		RETURN_THROWS();
	}

	int64_t start = mc_now_us();
	mc_spf_result res;
	mc_dns *dns = mc_php_dns(err, sizeof(err));
	mc_php_host_name(receiver, sizeof(receiver));
	if (dns) {
		mc_spf_check(dns, &ip, ZSTR_VAL(sender), helo ? ZSTR_VAL(helo) : NULL, receiver, mc_php_deadline_ms(), &res);
	} else {
		memset(&res, 0, sizeof(res));
		res.result = MC_SPF_TEMPERROR;
		res.identity_helo = ZSTR_LEN(sender) == 0;
		res.status = mc_php_dns_unavailable(&res.problems, err);
	}

	mc_php_spf_array(return_value, &res, start);
	mc_spf_result_free(&res);
}
