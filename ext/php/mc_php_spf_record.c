/* mail_check_spf_record(): arguments in, mc_spf_policy_check(), result array out. */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "php.h"
#include "zend_exceptions.h"
#include "mc_php.h"
#include "mc_php_results.h"
#include "mc_name.h"
#include "mc_spf_record.h"
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

void mc_php_spf_record_array(zval *out, const mc_spf_policy *res, const char *domain, int64_t start_us)
{
	mc_php_result_init(out, &res->problems, res->status, start_us);
	add_assoc_string(out, "domain", res->root.domain ? res->root.domain : domain);
	add_record(out, &res->root);
	add_assoc_long(out, "records_found", res->records_found);
	add_assoc_bool(out, "valid", res->valid);
	add_assoc_long(out, "dns_lookups", res->dns_lookups);
	add_assoc_long(out, "void_lookups", res->void_lookups);
	add_includes(out, &res->root);
}

/* A draft longer than this is no record anyone would publish: TXT strings
 * are 255 bytes, and receivers give up on answers far smaller. */
#define MC_PHP_MAX_DRAFT 4096

PHP_FUNCTION(mail_check_spf_record)
{
	zend_string *domain, *draft = NULL;
	char err[256];

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_STR(domain)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR_OR_NULL(draft)
	ZEND_PARSE_PARAMETERS_END();

	if (mc_php_check_domain_arg(domain, 1) == FAILURE) {
		RETURN_THROWS();
	}
	if (draft) {
		if (mc_php_check_name_arg(draft, 2, MC_PHP_MAX_DRAFT) == FAILURE) {
			RETURN_THROWS();
		}
		if (!mc_spf_is_record(ZSTR_VAL(draft), ZSTR_LEN(draft))) {
			zend_argument_value_error(2, "must be an SPF record (starting with \"v=spf1\")");
			RETURN_THROWS();
		}
	}

	int64_t start = mc_now_us();
	mc_spf_policy res;
	mc_dns *dns = mc_php_dns(err, sizeof(err));
	if (dns && draft) {
		mc_spf_policy_check_draft(dns, ZSTR_VAL(domain), ZSTR_VAL(draft), ZSTR_LEN(draft), mc_php_deadline_ms(), &res);
	} else if (dns) {
		mc_spf_policy_check(dns, ZSTR_VAL(domain), mc_php_deadline_ms(), &res);
	} else {
		memset(&res, 0, sizeof(res));
		res.status = mc_php_dns_unavailable(&res.problems, err);
	}
	mc_php_spf_record_array(return_value, &res, ZSTR_VAL(domain), start);
	mc_spf_policy_free(&res);
}
