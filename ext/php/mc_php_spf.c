/* mail_check_spf(): arguments in, mc_spf_check(), result array out. */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "php.h"
#include "zend_exceptions.h"
#include "mc_php.h"
#include "mc_spf.h"
#include "mc_clock.h"

#include <unistd.h>

/* RFC 5321 §4.5.3.1.3: a reverse-path is at most 256 octets with its <>. */
#define MC_PHP_MAX_SENDER 256

PHP_FUNCTION(mail_check_spf)
{
	zend_string *ip_arg, *sender, *helo = NULL;
	char err[256], receiver[256];
	const char *why;
	mc_ip ip;

	ZEND_PARSE_PARAMETERS_START(2, 3)
		Z_PARAM_STR(ip_arg)
		Z_PARAM_STR(sender)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR_OR_NULL(helo)
	ZEND_PARSE_PARAMETERS_END();

	if (mc_ip_parse(ZSTR_VAL(ip_arg), ZSTR_LEN(ip_arg), &ip, &why) < 0) {
		zend_argument_value_error(1, "%s", why);
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
	if (gethostname(receiver, sizeof(receiver)) != 0) {
		snprintf(receiver, sizeof(receiver), "localhost");
	}
	receiver[sizeof(receiver) - 1] = '\0';
	if (dns) {
		mc_spf_check(dns, &ip, ZSTR_VAL(sender), helo ? ZSTR_VAL(helo) : NULL, receiver, mc_php_deadline_ms(), &res);
	} else {
		memset(&res, 0, sizeof(res));
		res.result = MC_SPF_TEMPERROR;
		res.identity_helo = ZSTR_LEN(sender) == 0;
		mc_problems_add(&res.problems, MC_STATUS_ERROR, "dns_error", "The resolver could not be set up: %s", err);
		res.status = MC_STATUS_ERROR;
	}

	mc_php_result_init(return_value, &res.problems, res.status, start);
	add_assoc_string(return_value, "result", mc_spf_result_name(res.result));
	mc_php_add_string_or_null(return_value, "domain", res.domain);
	add_assoc_string(return_value, "identity", res.identity_helo ? "helo" : "mailfrom");
	mc_php_add_string_or_null(return_value, "record", res.record);
	mc_php_add_string_or_null(return_value, "explanation", res.explanation);
	mc_php_add_string_or_null(return_value, "received_spf", res.received_spf);
	add_assoc_long(return_value, "dns_lookups", res.dns_lookups);
	add_assoc_long(return_value, "void_lookups", res.void_lookups);
	mc_spf_result_free(&res);
}
