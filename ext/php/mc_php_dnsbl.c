/* mail_check_dnsbl(): arguments in, mc_dnsbl_check(), result array out. */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "php.h"
#include "zend_exceptions.h"
#include "mc_php.h"
#include "mc_php_results.h"
#include "mc_globals.h"
#include "mc_name.h"
#include "mc_clock.h"

static size_t count_of(const char *const *list)
{
	size_t n = 0;
	while (list[n]) {
		n++;
	}
	return n;
}

static void add_zones(zval *result, const mc_dnsbl_result *res)
{
	zval list;
	array_init_size(&list, (uint32_t)res->nzones);
	for (size_t i = 0; i < res->nzones; i++) {
		const mc_dnsbl_zone *z = &res->zones[i];
		zval entry;
		array_init_size(&entry, 5);
		add_assoc_string(&entry, "zone", z->zone);
		add_assoc_bool(&entry, "listed", z->listed);
		mc_php_add_string_list(&entry, "codes", z->codes, z->ncodes);
		mc_php_add_string_or_null(&entry, "reason", z->reason);
		mc_php_add_string_or_null(&entry, "error", z->error);
		add_next_index_zval(&list, &entry);
	}
	add_assoc_zval(result, "zones", &list);
}

void mc_php_dnsbl_array(zval *out, const mc_dnsbl_result *res, const mc_ip *ip, const char *domain, int64_t start_us)
{
	mc_php_result_init(out, &res->problems, res->status, start_us);
	if (ip) {
		char text[MC_IP_STRLEN];
		mc_ip_format(ip, text);
		add_assoc_string(out, "ip", text);
		add_assoc_null(out, "domain");
	} else {
		add_assoc_null(out, "ip");
		add_assoc_string(out, "domain", res->domain ? res->domain : domain);
	}
	add_assoc_bool(out, "listed", res->listed);
	add_zones(out, res);
}

PHP_FUNCTION(mail_check_dnsbl)
{
	zend_string *subject;
	HashTable *zones_arg = NULL;
	const char *zones[MC_DNSBL_MAX_ZONES];
	size_t nzones = 0;
	char err[256], buf[256];
	mc_ip ip;
	const char *why;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_STR(subject)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT_OR_NULL(zones_arg)
	ZEND_PARSE_PARAMETERS_END();

	if (mc_php_check_domain_arg(subject, 1) == FAILURE) {
		RETURN_THROWS();
	}
	int is_ip = mc_ip_parse(ZSTR_VAL(subject), ZSTR_LEN(subject), &ip, &why) == 0;
	if (!is_ip && (why = mc_name_domain_problem(ZSTR_VAL(subject), buf, sizeof(buf))) != NULL) {
		zend_argument_value_error(1, "must be an IP address or a domain name: %s", why);
		RETURN_THROWS();
	}
	if (zones_arg) {
		if (mc_php_name_list_arg(zones_arg, 2, zones, MC_DNSBL_MAX_ZONES, &nzones) == FAILURE) {
			RETURN_THROWS();
		}
		for (size_t i = 0; i < nzones; i++) {
			if ((why = mc_dnsbl_zone_problem(zones[i])) != NULL) {
				zend_argument_value_error(2, "must hold blocklist zones: \"%s\" is %s", zones[i], why);
				RETURN_THROWS();
			}
		}
	}

	int64_t start = mc_now_us();
	/* The php.ini lists (checked when set) replace the defaults. */
	mc_dnsbl_zone_set set = {0};
	if (!zones_arg && MC_G(dnsbl_zones) && *MC_G(dnsbl_zones)
			&& mc_dnsbl_parse_zone_set(MC_G(dnsbl_zones), &set, err, sizeof(err)) == 0) {
		nzones = is_ip ? set.nip : set.ndomain;
		memcpy(zones, is_ip ? set.ip : set.domain, nzones * sizeof(*zones));
	} else if (!zones_arg) {
		const char *const *defaults = is_ip ? mc_dnsbl_default_ip_zones : mc_dnsbl_default_domain_zones;
		nzones = count_of(defaults);
		memcpy(zones, defaults, nzones * sizeof(*zones));
	}

	mc_dnsbl_result res;
	mc_dns *dns = mc_php_dns(err, sizeof(err));
	if (dns) {
		mc_dnsbl_check(dns, is_ip ? &ip : NULL, is_ip ? NULL : ZSTR_VAL(subject), zones, nzones, mc_php_deadline_ms(), &res);
	} else {
		memset(&res, 0, sizeof(res));
		res.status = mc_php_dns_unavailable(&res.problems, err);
	}
	mc_dnsbl_zone_set_free(&set);

	mc_php_dnsbl_array(return_value, &res, is_ip ? &ip : NULL, ZSTR_VAL(subject), start);
	mc_dnsbl_result_free(&res);
}
