/* mail_check_dmarc(): arguments in, mc_dmarc_check(), result array out. */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "php.h"
#include "zend_exceptions.h"
#include "mc_php.h"
#include "mc_php_results.h"
#include "mc_name.h"
#include "mc_clock.h"

static void add_letter(zval *result, const char *key, char letter)
{
	if (letter) {
		add_assoc_stringl(result, key, &letter, 1);
	} else {
		add_assoc_null(result, key);
	}
}

void mc_php_dmarc_array(zval *out, const mc_dmarc_result *res, const char *domain, int64_t start_us)
{
	mc_php_result_init(out, &res->problems, res->status, start_us);
	add_assoc_string(out, "domain", res->domain ? res->domain : domain);
	if (res->record) {
		add_assoc_stringl(out, "record", res->record, res->record_len);
	} else {
		add_assoc_null(out, "record");
	}
	mc_php_add_string_or_null(out, "found_at", res->found_at);
	mc_php_add_string_or_null(out, "org_domain", res->org_domain);
	mc_php_add_string_or_null(out, "policy", mc_dmarc_policy_name(res->policy));
	mc_php_add_string_or_null(out, "subdomain_policy", mc_dmarc_policy_name(res->subdomain_policy));
	mc_php_add_string_or_null(out, "nonexistent_policy", mc_dmarc_policy_name(res->nonexistent_policy));
	mc_php_add_tri(out, "testing", res->testing);
	add_letter(out, "adkim", res->adkim);
	add_letter(out, "aspf", res->aspf);
	mc_php_add_string_list(out, "rua", res->rua, res->nrua);
	mc_php_add_string_list(out, "ruf", res->ruf, res->nruf);
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
		res.status = mc_php_dns_unavailable(&res.problems, err);
	}

	mc_php_dmarc_array(return_value, &res, ZSTR_VAL(domain), start);
	mc_dmarc_result_free(&res);
}
