/* mail_check_ptr(): arguments in, mc_ptr_check(), result array out. */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "php.h"
#include "zend_exceptions.h"
#include "mc_php.h"
#include "mc_php_results.h"
#include "mc_clock.h"

void mc_php_ptr_array(zval *out, const mc_ptr_result *res, const char *helo, int64_t start_us)
{
	char ipstr[MC_IP_STRLEN];
	mc_ip_format(&res->ip, ipstr);
	zval names;
	array_init_size(&names, (uint32_t)res->count);
	for (size_t i = 0; i < res->count; i++) {
		add_next_index_string(&names, res->names[i].name);
	}

	mc_php_result_init(out, &res->problems, res->status, start_us);
	add_assoc_string(out, "ip", ipstr);
	add_assoc_zval(out, "ptr", &names);
	mc_php_add_string_or_null(out, "hostname", res->hostname);
	mc_php_add_tri(out, "forward_confirmed", res->forward_confirmed);
	mc_php_add_string_or_null(out, "helo", helo);
	mc_php_add_tri(out, "helo_matches", res->helo_matches);
}

PHP_FUNCTION(mail_check_ptr)
{
	zend_string *ip_arg, *helo = NULL;
	char err[256];
	mc_ip ip;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_STR(ip_arg)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR_OR_NULL(helo)
	ZEND_PARSE_PARAMETERS_END();

	if (mc_php_ip_arg(ip_arg, 1, &ip) == FAILURE) {
		RETURN_THROWS();
	}
	if (helo && mc_php_check_name_arg(helo, 2, MC_PHP_MAX_NAME) == FAILURE) {
		RETURN_THROWS();
	}

	int64_t start = mc_now_us();
	mc_ptr_result res;
	mc_dns *dns = mc_php_dns(err, sizeof(err));
	if (dns) {
		mc_ptr_check(dns, &ip, helo ? ZSTR_VAL(helo) : NULL, mc_php_deadline_ms(), &res);
	} else {
		memset(&res, 0, sizeof(res));
		res.ip = ip;
		res.forward_confirmed = MC_TRI_UNKNOWN;
		res.helo_matches = MC_TRI_UNKNOWN;
		res.status = mc_php_dns_unavailable(&res.problems, err);
	}

	mc_php_ptr_array(return_value, &res, helo ? ZSTR_VAL(helo) : NULL, start);
	mc_ptr_result_free(&res);
}
