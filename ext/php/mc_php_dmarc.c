/* mail_check_dmarc(): arguments in, mc_dmarc_check(), result array out. */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "php.h"
#include "zend_exceptions.h"
#include "mc_php.h"
#include "mc_name.h"
#include "mc_dmarc.h"
#include "mc_clock.h"

static void add_letter(zval *result, const char *key, char letter)
{
	if (letter) {
		add_assoc_stringl(result, key, &letter, 1);
	} else {
		add_assoc_null(result, key);
	}
}

PHP_FUNCTION(mail_check_dmarc)
{
	zend_string *domain;
	char err[256];

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(domain)
	ZEND_PARSE_PARAMETERS_END();

	if (mc_php_check_domain_arg(domain, 1) == FAILURE) {
		RETURN_THROWS();
	}

	int64_t start = mc_now_us();
	mc_dmarc_result res;
	mc_dns *dns = mc_php_dns(err, sizeof(err));
	if (dns) {
		mc_dmarc_check(dns, ZSTR_VAL(domain), mc_php_deadline_ms(), &res);
	} else {
		memset(&res, 0, sizeof(res));
		res.testing = -1;
		mc_problems_add(&res.problems, MC_STATUS_ERROR, "dns_error", "The resolver could not be set up: %s", err);
		res.status = MC_STATUS_ERROR;
	}

	mc_php_result_init(return_value, &res.problems, res.status, start);
	if (res.domain) {
		add_assoc_string(return_value, "domain", res.domain);
	} else {
		add_assoc_str(return_value, "domain", zend_string_copy(domain));
	}
	if (res.record) {
		add_assoc_stringl(return_value, "record", res.record, res.record_len);
	} else {
		add_assoc_null(return_value, "record");
	}
	mc_php_add_string_or_null(return_value, "found_at", res.found_at);
	mc_php_add_string_or_null(return_value, "org_domain", res.org_domain);
	mc_php_add_string_or_null(return_value, "policy", mc_dmarc_policy_name(res.policy));
	mc_php_add_string_or_null(return_value, "subdomain_policy", mc_dmarc_policy_name(res.subdomain_policy));
	mc_php_add_string_or_null(return_value, "nonexistent_policy", mc_dmarc_policy_name(res.nonexistent_policy));
	mc_php_add_tri(return_value, "testing", res.testing);
	add_letter(return_value, "adkim", res.adkim);
	add_letter(return_value, "aspf", res.aspf);
	mc_php_add_string_list(return_value, "rua", res.rua, res.nrua);
	mc_php_add_string_list(return_value, "ruf", res.ruf, res.nruf);
	mc_dmarc_result_free(&res);
}
