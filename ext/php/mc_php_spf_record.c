/* mail_check_spf_record(): arguments in, mc_spf_policy_check(), result array out. */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "php.h"
#include "zend_exceptions.h"
#include "mc_php.h"
#include "mc_name.h"
#include "mc_spf_policy.h"
#include "mc_clock.h"

static void add_record(zval *result, const mc_spf_node *node)
{
	if (node->record) {
		add_assoc_stringl(result, "record", node->record, node->record_len);
	} else {
		add_assoc_null(result, "record");
	}
}

/* The include:/redirect= targets of a node, as a list of nodes. The depth
 * is bounded by MC_SPF_POLICY_MAX_NODES. */
static void add_includes(zval *result, const mc_spf_node *node)
{
	zval list;
	array_init_size(&list, (uint32_t)node->nchildren);
	for (size_t i = 0; i < node->nchildren; i++) {
		const mc_spf_node *c = &node->children[i];
		zval entry;
		array_init_size(&entry, 6);
		add_assoc_string(&entry, "domain", c->domain);
		add_assoc_string(&entry, "mechanism", c->mechanism);
		add_record(&entry, c);
		add_assoc_long(&entry, "dns_lookups", c->dns_terms);
		if (c->note) {
			add_assoc_string(&entry, "note", c->note);
		} else {
			add_assoc_null(&entry, "note");
		}
		add_includes(&entry, c);
		add_next_index_zval(&list, &entry);
	}
	add_assoc_zval(result, "includes", &list);
}

PHP_FUNCTION(mail_check_spf_record)
{
	zend_string *domain;
	char err[256];

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(domain)
	ZEND_PARSE_PARAMETERS_END();

	/* 253 octets, one more for the root's trailing dot. */
	size_t max = MC_NAME_MAX + (ZSTR_LEN(domain) > 0 && ZSTR_VAL(domain)[ZSTR_LEN(domain) - 1] == '.');
	if (mc_php_check_name_arg(domain, 1, max) == FAILURE) {
		RETURN_THROWS();
	}

	int64_t start = mc_now_us();
	mc_spf_policy res;
	mc_dns *dns = mc_php_dns(err, sizeof(err));
	if (dns) {
		mc_spf_policy_check(dns, ZSTR_VAL(domain), mc_php_deadline_ms(), &res);
	} else {
		memset(&res, 0, sizeof(res));
		mc_problems_init(&res.problems);
		mc_problems_add(&res.problems, MC_STATUS_ERROR, "dns_error", "The resolver could not be set up: %s", err);
		res.status = MC_STATUS_ERROR;
	}

	mc_php_result_init(return_value, &res.problems, res.status, start);
	if (res.root.domain) {
		add_assoc_string(return_value, "domain", res.root.domain);
	} else {
		add_assoc_str(return_value, "domain", zend_string_copy(domain));
	}
	add_record(return_value, &res.root);
	add_assoc_long(return_value, "records_found", res.records_found);
	add_assoc_bool(return_value, "valid", res.valid);
	add_assoc_long(return_value, "dns_lookups", res.dns_lookups);
	add_assoc_long(return_value, "void_lookups", res.void_lookups);
	add_includes(return_value, &res.root);
	mc_spf_policy_free(&res);
}
