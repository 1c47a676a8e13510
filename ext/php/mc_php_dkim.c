/* mail_check_dkim(): arguments in, mc_dkim_check(), result array out. */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "php.h"
#include "zend_exceptions.h"
#include "mc_php.h"
#include "mc_php_results.h"
#include "mc_name.h"
#include "mc_clock.h"

#define DOMAINKEY_LABEL "._domainkey."

/* Each selector a DKIM selector that fits a DNS name with the domain. */
static zend_result check_selectors(const char **sel, size_t n, const zend_string *domain)
{
	size_t dlen = ZSTR_LEN(domain) - (ZSTR_VAL(domain)[ZSTR_LEN(domain) - 1] == '.');
	for (size_t i = 0; i < n; i++) {
		const char *why = mc_dkim_selector_problem(sel[i]);
		if (why) {
			zend_argument_value_error(2, "%s (\"%s\" given)", why, sel[i]);
			return FAILURE;
		}
		if (strlen(sel[i]) + strlen(DOMAINKEY_LABEL) + dlen > MC_NAME_MAX) {
			zend_argument_value_error(2, "must be short enough that %s" DOMAINKEY_LABEL "<domain> fits the %d octets of a DNS name",
				sel[i], MC_NAME_MAX);
			return FAILURE;
		}
	}
	return SUCCESS;
}

void mc_php_dkim_array(zval *out, const mc_dkim_result *res, const char *domain, int64_t start_us)
{
	mc_php_result_init(out, &res->problems, res->status, start_us);
	add_assoc_string(out, "domain", res->domain ? res->domain : domain);
	zval entries;
	array_init_size(&entries, (uint32_t)res->count);
	for (size_t i = 0; i < res->count; i++) {
		const mc_dkim_selector *s = &res->selectors[i];
		zval entry;
		if (!s->selector) {
			continue;
		}
		array_init_size(&entry, 6);
		add_assoc_string(&entry, "selector", s->selector);
		mc_php_add_tri(&entry, "found", s->found);
		if (s->record) {
			add_assoc_stringl(&entry, "record", s->record, s->record_len);
		} else {
			add_assoc_null(&entry, "record");
		}
		mc_php_add_string_or_null(&entry, "key_type", s->key_type);
		if (s->key_bits > 0) {
			add_assoc_long(&entry, "key_bits", s->key_bits);
		} else {
			add_assoc_null(&entry, "key_bits");
		}
		mc_php_add_tri(&entry, "testing", s->found == 1 ? s->testing : -1);
		add_next_index_zval(&entries, &entry);
	}
	add_assoc_zval(out, "selectors", &entries);
}

PHP_FUNCTION(mail_check_dkim)
{
	zend_string *domain, *one = NULL;
	HashTable *list = NULL;
	const char *selectors[MC_DKIM_MAX_SELECTORS];
	size_t nselectors = 0;
	char err[256];

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_STR(domain)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT_OR_STR_OR_NULL(list, one)
	ZEND_PARSE_PARAMETERS_END();

	if (mc_php_check_domain_arg(domain, 1) == FAILURE) {
		RETURN_THROWS();
	}
	if (one) {
		if (mc_php_check_name_arg(one, 2, MC_PHP_MAX_NAME) == FAILURE) {
			RETURN_THROWS();
		}
		selectors[nselectors++] = ZSTR_VAL(one);
	} else if (list && mc_php_name_list_arg(list, 2, selectors, MC_DKIM_MAX_SELECTORS, &nselectors) == FAILURE) {
		RETURN_THROWS();
	}
	if (check_selectors(selectors, nselectors, domain) == FAILURE) {
		RETURN_THROWS();
	}

	int64_t start = mc_now_us();
	mc_dkim_result res;
	mc_dns *dns = mc_php_dns(err, sizeof(err));
	if (dns) {
		mc_dkim_check(dns, ZSTR_VAL(domain), nselectors ? selectors : NULL, nselectors, mc_php_deadline_ms(), &res);
	} else {
		memset(&res, 0, sizeof(res));
		res.status = mc_php_dns_unavailable(&res.problems, err);
	}

	mc_php_dkim_array(return_value, &res, ZSTR_VAL(domain), start);
	mc_dkim_result_free(&res);
}
