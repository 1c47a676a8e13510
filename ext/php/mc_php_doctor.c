/* mail_check(): every check for this host and a sender in one report,
 * resolved ahead together under one deadline. */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "php.h"
#include "php_ini.h"
#include "zend_exceptions.h"
#include "mc_php.h"
#include "mc_php_results.h"
#include "mc_globals.h"
#include "mc_ahead.h"
#include "mc_name.h"
#include "mc_receivers.h"
#include "mc_clock.h"

#include <sys/socket.h>
#include <time.h>

typedef struct {
	/* options */
	mc_ip ip_buf;
	const mc_ip *ip;
	const char *ip_source;
	const char *helo;
	const char *helo_source;
	int mta;                      /* probe the MTA */
	char mta_host[MC_PHP_MAX_NAME + 1];
	int mta_port;
	int dnsbl;                    /* ask blocklists */
	const char *zones[MC_DNSBL_MAX_ZONES];
	size_t nzones;
	mc_dnsbl_zone_set zone_set;   /* php.ini lists, when used */
	const char *selectors[MC_DKIM_MAX_SELECTORS];
	size_t nselectors;            /* 0: the common ones */
	zend_long timeout;
	/* the report */
	zval checks, skipped;
	mc_problems problems;         /* the doctor's own (ip_unknown, ip_private) */
} doctor;

static const char *const option_names[] = { "ip", "helo", "mta", "dnsbl", "dkim_selectors", "timeout", NULL };

static zend_result check_option_names(HashTable *options)
{
	zend_string *key;
	ZEND_HASH_FOREACH_STR_KEY(options, key) {
		int known = 0;
		for (size_t i = 0; key && option_names[i] && !known; i++) {
			known = zend_string_equals_cstr(key, option_names[i], strlen(option_names[i]));
		}
		if (!known) {
			zend_argument_value_error(2, "must only hold the options ip, helo, mta, dnsbl, dkim_selectors and timeout%s%s%s",
				key ? " (\"" : "", key ? ZSTR_VAL(key) : " (an integer key given", key ? "\" given)" : ")");
			return FAILURE;
		}
	} ZEND_HASH_FOREACH_END();
	return SUCCESS;
}

static zval *option(HashTable *options, const char *name)
{
	zval *v = options ? zend_hash_str_find(options, name, strlen(name)) : NULL;
	if (v) {
		ZVAL_DEREF(v);
	}
	return v && Z_TYPE_P(v) != IS_NULL ? v : NULL;
}

static zend_result expect_string(zval *v, const char *name)
{
	if (Z_TYPE_P(v) != IS_STRING) {
		zend_argument_type_error(2, "option \"%s\" must be of type string, %s given", name, zend_zval_type_name(v));
		return FAILURE;
	}
	return SUCCESS;
}

/* "host", "host:port", "[v6]:port" or "[v6]"; the port defaults to 25. */
static zend_result parse_mta(doctor *d, zval *v)
{
	if (Z_TYPE_P(v) == IS_FALSE) {
		d->mta = 0;
		return SUCCESS;
	}
	if (Z_TYPE_P(v) != IS_STRING) {
		zend_argument_type_error(2, "option \"mta\" must be of type string or false, %s given", zend_zval_type_name(v));
		return FAILURE;
	}
	if (mc_php_check_name_option(Z_STR_P(v), 2, "mta", MC_PHP_MAX_NAME) == FAILURE) {
		return FAILURE;
	}
	const char *text = Z_STRVAL_P(v);
	const char *colon = strrchr(text, ':');
	size_t hostlen = strlen(text);
	d->mta_port = 25;
	if (colon && (text[0] != '[' || colon[-1] == ']') && (text[0] == '[' || strchr(text, ':') == colon)) {
		char *end;
		long port = strtol(colon + 1, &end, 10);
		if (colon[1] == '\0' || *end != '\0' || port < 1 || port > 65535) {
			zend_argument_value_error(2, "option \"mta\" must be \"host\" or \"host:port\" with a port from 1 to 65535, \"%s\" given", text);
			return FAILURE;
		}
		d->mta_port = (int)port;
		hostlen = (size_t)(colon - text);
	}
	if (hostlen == 0) {
		zend_argument_value_error(2, "option \"mta\" must name a host, \"%s\" given", text);
		return FAILURE;
	}
	memcpy(d->mta_host, text, hostlen);
	d->mta_host[hostlen] = '\0';
	d->mta = 1;
	return SUCCESS;
}

static zend_result parse_dnsbl(doctor *d, zval *v)
{
	const char *why;
	if (Z_TYPE_P(v) == IS_FALSE || Z_TYPE_P(v) == IS_TRUE) {
		d->dnsbl = Z_TYPE_P(v) == IS_TRUE;
		return SUCCESS;
	}
	if (Z_TYPE_P(v) != IS_ARRAY) {
		zend_argument_type_error(2, "option \"dnsbl\" must be of type bool or array, %s given", zend_zval_type_name(v));
		return FAILURE;
	}
	if (mc_php_name_list_arg(Z_ARRVAL_P(v), 2, d->zones, MC_DNSBL_MAX_ZONES, &d->nzones) == FAILURE) {
		return FAILURE;
	}
	for (size_t i = 0; i < d->nzones; i++) {
		if ((why = mc_dnsbl_zone_problem(d->zones[i])) != NULL) {
			zend_argument_value_error(2, "option \"dnsbl\" must hold blocklist zones: \"%s\" is %s", d->zones[i], why);
			return FAILURE;
		}
	}
	return SUCCESS;
}

static zend_result parse_options(doctor *d, HashTable *options)
{
	zval *v;
	const char *why;
	d->mta = 1;
	snprintf(d->mta_host, sizeof(d->mta_host), "localhost");
	d->mta_port = 25;
#ifdef PHP_WIN32
	/* On Windows mail() talks SMTP itself, to these settings. */
	if (INI_STR("SMTP") && *INI_STR("SMTP")) {
		snprintf(d->mta_host, sizeof(d->mta_host), "%s", INI_STR("SMTP"));
	}
	if (INI_INT("smtp_port")) {
		d->mta_port = (int)INI_INT("smtp_port");
	}
#endif
	d->dnsbl = 1;
	d->timeout = MC_G(timeout);
	if (!options) {
		return SUCCESS;
	}
	if (check_option_names(options) == FAILURE) {
		return FAILURE;
	}
	if ((v = option(options, "ip"))) {
		if (expect_string(v, "ip") == FAILURE) {
			return FAILURE;
		}
		if (mc_ip_parse(Z_STRVAL_P(v), Z_STRLEN_P(v), &d->ip_buf, &why) < 0) {
			zend_argument_value_error(2, "option \"ip\" %s", why);
			return FAILURE;
		}
		d->ip = &d->ip_buf;
		d->ip_source = "option";
	}
	if ((v = option(options, "helo"))) {
		if (expect_string(v, "helo") == FAILURE || mc_php_check_name_option(Z_STR_P(v), 2, "helo", MC_PHP_MAX_NAME) == FAILURE) {
			return FAILURE;
		}
		d->helo = Z_STRVAL_P(v);
		d->helo_source = "option";
	}
	if ((v = option(options, "mta")) && parse_mta(d, v) == FAILURE) {
		return FAILURE;
	}
	if ((v = option(options, "dnsbl")) && parse_dnsbl(d, v) == FAILURE) {
		return FAILURE;
	}
	if ((v = option(options, "dkim_selectors"))) {
		if (Z_TYPE_P(v) == IS_STRING) {
			if (mc_php_check_name_option(Z_STR_P(v), 2, "dkim_selectors", MC_PHP_MAX_NAME) == FAILURE) {
				return FAILURE;
			}
			d->selectors[d->nselectors++] = Z_STRVAL_P(v);
		} else if (Z_TYPE_P(v) != IS_ARRAY) {
			zend_argument_type_error(2, "option \"dkim_selectors\" must be of type array or string, %s given", zend_zval_type_name(v));
			return FAILURE;
		} else if (mc_php_name_list_arg(Z_ARRVAL_P(v), 2, d->selectors, MC_DKIM_MAX_SELECTORS, &d->nselectors) == FAILURE) {
			return FAILURE;
		}
		for (size_t i = 0; i < d->nselectors; i++) {
			if ((why = mc_dkim_selector_problem(d->selectors[i])) != NULL) {
				zend_argument_value_error(2, "option \"dkim_selectors\" %s (\"%s\" given)", why, d->selectors[i]);
				return FAILURE;
			}
		}
	}
	if ((v = option(options, "timeout"))) {
		if (Z_TYPE_P(v) != IS_LONG) {
			zend_argument_type_error(2, "option \"timeout\" must be of type int, %s given", zend_zval_type_name(v));
			return FAILURE;
		}
		if (Z_LVAL_P(v) < MC_PHP_TIMEOUT_MIN || Z_LVAL_P(v) > MC_PHP_TIMEOUT_MAX) {
			zend_argument_value_error(2, "option \"timeout\" must be %d to %d (milliseconds)", MC_PHP_TIMEOUT_MIN, MC_PHP_TIMEOUT_MAX);
			return FAILURE;
		}
		d->timeout = Z_LVAL_P(v);
	}
	return SUCCESS;
}

static void skip(doctor *d, const char *check, const char *why)
{
	add_assoc_string(&d->skipped, check, why);
}

/* The sending IP when no option gave it: mailcheck.ip, else the address
 * outbound traffic leaves from, which is only the one receivers see when
 * it is public. */
static void find_ip(doctor *d)
{
	const char *why;
	if (d->ip) {
		return;
	}
	if (MC_G(ip) && *MC_G(ip) && mc_ip_parse(MC_G(ip), strlen(MC_G(ip)), &d->ip_buf, &why) == 0) {
		d->ip = &d->ip_buf;
		d->ip_source = "ini";
		return;
	}
	if (mc_ip_outbound(AF_INET, &d->ip_buf) == 0 || mc_ip_outbound(AF_INET6, &d->ip_buf) == 0) {
		d->ip_source = "outbound";
		const char *kind = mc_ip_not_public(&d->ip_buf);
		if (!kind) {
			d->ip = &d->ip_buf;
			return;
		}
		char text[MC_IP_STRLEN];
		mc_ip_format(&d->ip_buf, text);
		mc_problems_add(&d->problems, MC_STATUS_WARN, "ip_private",
			"This host's outbound address %s is %s: receivers see another, public address (NAT or a relay), so SPF, reverse DNS "
			"and blocklists were not checked; pass the public address as the option ip (or set mailcheck.ip)", text, kind);
		return;
	}
	d->ip_source = "none";
	mc_problems_add(&d->problems, MC_STATUS_WARN, "ip_unknown",
		"This host's sending IP is not known, so SPF, reverse DNS and blocklists were not checked: pass it as the option ip (or set mailcheck.ip)");
}

/* Whether a name holds a control character: the checks refuse such a HELO
 * as mail_check()'s option helo does (SPF would make it a false fail). */
static bool has_control(const char *name)
{
	for (; *name; name++) {
		if ((unsigned char)*name < 0x20 || *name == 0x7f) {
			return true;
		}
	}
	return false;
}

/* The MTA first: when no HELO name was given, the one it announces is the
 * one receivers will see. */
static void check_mta(doctor *d, mc_dns *dns, int64_t deadline_ms, char *announced, size_t len, mc_receiver_facts *facts)
{
	if (!d->mta) {
		skip(d, "mta", "the option mta is false");
		return;
	}
	char ehlo[256];
	zval result;
	int64_t start = mc_now_us();
	mc_mta_result res;
	mc_php_host_name(ehlo, sizeof(ehlo));
	mc_mta_check(dns, d->mta_host, d->mta_port, ehlo, deadline_ms, &res);
	mc_php_mta_array(&result, &res, d->mta_host, d->mta_port, start);
	const char *name = res.probe.ehlo_hostname ? res.probe.ehlo_hostname : res.probe.hostname;
	if (name && strlen(name) < len && !has_control(name)) {
		memcpy(announced, name, strlen(name) + 1);
	}
	/* STARTTLS can only be told of an MTA that greeted. */
	facts->tls = !res.probe.banner ? MC_TRI_UNKNOWN : res.probe.starttls ? MC_TRI_YES : MC_TRI_NO;
	mc_mta_result_free(&res);
	add_assoc_zval(&d->checks, "mta", &result);
}

static void find_helo(doctor *d, const char *announced)
{
	if (d->helo) {
		return;
	}
	if (MC_G(helo) && *MC_G(helo)) {
		d->helo = MC_G(helo);
		d->helo_source = "ini";
	} else if (*announced) {
		d->helo = announced;
		d->helo_source = "mta";
	} else {
		d->helo_source = "none";
	}
}

/* The zones asked about the IP: the option's, else php.ini's, else the
 * defaults (as mail_check_dnsbl() picks them). */
static void pick_zones(doctor *d)
{
	char err[256];
	if (d->nzones || !d->dnsbl) {
		return;
	}
	if (MC_G(dnsbl_zones) && *MC_G(dnsbl_zones)
			&& mc_dnsbl_parse_zone_set(MC_G(dnsbl_zones), &d->zone_set, err, sizeof(err)) == 0) {
		d->nzones = d->zone_set.nip;
		memcpy(d->zones, d->zone_set.ip, d->nzones * sizeof(*d->zones));
		return;
	}
	while (mc_dnsbl_default_ip_zones[d->nzones] && d->nzones < MC_DNSBL_MAX_ZONES) {
		d->zones[d->nzones] = mc_dnsbl_default_ip_zones[d->nzones];
		d->nzones++;
	}
}

static void resolve_ahead(const doctor *d, mc_dns *dns, const mc_address *sender, int64_t deadline_ms)
{
	char identity[MC_PHP_MAX_SENDER + 16], dnsbl_names[MC_DNSBL_MAX_ZONES][MC_DNS_NAME_BUF];
	const char *dnsbl_list[MC_DNSBL_MAX_ZONES];
	const char *domain = sender->domain && !sender->domain_literal ? sender->domain : NULL;
	mc_ahead_plan plan = {
		.ip = d->ip, .helo = d->helo, .dmarc_domain = domain, .policy_domain = domain, .mail_domains = { domain },
	};

	snprintf(identity, sizeof(identity), "%s", sender->address ? sender->address : "");
	mc_spf_macro_env env = {
		.sender = identity, .domain = domain, .helo = d->helo, .ip = d->ip, .now = (long long)time(NULL),
	};
	if (d->ip && domain) {
		plan.spf_domain = domain;
		plan.spf_env = &env;
	}
	plan.dkim_selectors = d->nselectors ? d->selectors : (const char *const *)mc_dkim_common_selectors;
	plan.dkim_count = d->nselectors;
	while (!d->nselectors && mc_dkim_common_selectors[plan.dkim_count]) {
		plan.dkim_count++;
	}
	if (d->ip && d->dnsbl) {
		for (size_t i = 0; i < d->nzones; i++) {
			char *name = dnsbl_names[plan.dnsbl_count];
			if (mc_dnsbl_query_name(d->ip, NULL, d->zones[i], name, MC_DNS_NAME_BUF) == 0) {
				dnsbl_list[plan.dnsbl_count++] = name;
			}
		}
		plan.dnsbl_names = dnsbl_list;
	}
	mc_ahead_run(dns, &plan, deadline_ms);
}

/* The checks of the sending IP; facts gets what the receivers' table reads. */
static void check_ip(doctor *d, mc_dns *dns, const char *sender, int64_t deadline_ms, mc_receiver_facts *facts)
{
	zval result;
	int64_t start;
	char receiver[256];
	if (!d->ip) {
		const char *why = strcmp(d->ip_source, "outbound") == 0
			? "the outbound address is not public (ip_private)" : "the sending IP is not known (ip_unknown)";
		skip(d, "ptr", why);
		skip(d, "spf", why);
		skip(d, "dnsbl", why);
		return;
	}

	start = mc_now_us();
	mc_ptr_result ptr;
	mc_ptr_check(dns, d->ip, d->helo, deadline_ms, &ptr);
	facts->fcrdns = ptr.forward_confirmed;
	mc_php_ptr_array(&result, &ptr, d->helo, start);
	mc_ptr_result_free(&ptr);
	add_assoc_zval(&d->checks, "ptr", &result);

	start = mc_now_us();
	mc_spf_result spf;
	mc_php_host_name(receiver, sizeof(receiver));
	mc_spf_check(dns, d->ip, sender, d->helo, receiver, deadline_ms, &spf);
	facts->spf_pass = spf.result == MC_SPF_PASS ? MC_TRI_YES
		: spf.result == MC_SPF_TEMPERROR ? MC_TRI_UNKNOWN : MC_TRI_NO;
	mc_php_spf_array(&result, &spf, start);
	mc_spf_result_free(&spf);
	add_assoc_zval(&d->checks, "spf", &result);

	if (!d->dnsbl) {
		skip(d, "dnsbl", "the option dnsbl is false");
		return;
	}
	start = mc_now_us();
	mc_dnsbl_result dnsbl;
	mc_dnsbl_check(dns, d->ip, NULL, d->zones, d->nzones, deadline_ms, &dnsbl);
	mc_php_dnsbl_array(&result, &dnsbl, d->ip, NULL, start);
	mc_dnsbl_result_free(&dnsbl);
	add_assoc_zval(&d->checks, "dnsbl", &result);
}

static void check_helo(doctor *d, mc_dns *dns, int64_t deadline_ms)
{
	if (!d->helo) {
		skip(d, "helo", d->mta ? "no HELO name: the MTA did not announce one, or one with control characters (pass the option helo or set mailcheck.helo)"
			: "no HELO name: pass the option helo or set mailcheck.helo");
		return;
	}
	zval result;
	int64_t start = mc_now_us();
	mc_helo_result res;
	mc_helo_check(dns, d->helo, d->ip, deadline_ms, &res);
	mc_php_helo_array(&result, &res, d->helo, start);
	mc_helo_result_free(&res);
	add_assoc_zval(&d->checks, "helo", &result);
}

/* The checks of the sender's domain. */
static void check_domain(doctor *d, mc_dns *dns, const char *domain, int64_t deadline_ms, mc_receiver_facts *facts)
{
	zval result;
	int64_t start;
	if (!domain || mc_address_reserved_domain(domain)) {
		/* The sender check says why; no policy there can make it good. */
		const char *why = domain ? "the sender's domain is reserved (sender_reserved_domain)"
			: "the sender has no domain these checks can ask (see the sender check)";
		skip(d, "spf_record", why);
		skip(d, "dmarc", why);
		skip(d, "dkim", why);
		facts->dkim_key = MC_TRI_NO;
		facts->dmarc = MC_TRI_NO;
		return;
	}

	start = mc_now_us();
	mc_spf_policy policy;
	mc_spf_policy_check(dns, domain, deadline_ms, &policy);
	mc_php_spf_record_array(&result, &policy, domain, start);
	mc_spf_policy_free(&policy);
	add_assoc_zval(&d->checks, "spf_record", &result);

	start = mc_now_us();
	mc_dmarc_result dmarc;
	mc_dmarc_check(dns, domain, deadline_ms, &dmarc);
	facts->dmarc = dmarc.policy != MC_DMARC_UNSET ? MC_TRI_YES
		: dmarc.status == MC_STATUS_ERROR ? MC_TRI_UNKNOWN : MC_TRI_NO;
	mc_php_dmarc_array(&result, &dmarc, domain, start);
	mc_dmarc_result_free(&dmarc);
	add_assoc_zval(&d->checks, "dmarc", &result);

	start = mc_now_us();
	mc_dkim_result dkim;
	mc_dkim_check(dns, domain, d->nselectors ? d->selectors : NULL, d->nselectors, deadline_ms, &dkim);
	/* No key at the common selectors says little: the MTA may sign with
	 * any other. Only selectors the caller named can show it missing. */
	facts->dkim_key = d->nselectors ? MC_TRI_NO : MC_TRI_UNKNOWN;
	for (size_t i = 0; i < dkim.count; i++) {
		if (dkim.selectors[i].found == 1 && dkim.selectors[i].usable) {
			facts->dkim_key = MC_TRI_YES;
		} else if (dkim.selectors[i].found < 0 && facts->dkim_key == MC_TRI_NO) {
			facts->dkim_key = MC_TRI_UNKNOWN;
		}
	}
	mc_php_dkim_array(&result, &dkim, domain, start);
	mc_dkim_result_free(&dkim);
	add_assoc_zval(&d->checks, "dkim", &result);
}

/* The checks in the order people read them: the IP, the name it
 * announces, the domain's policies, the sender, then the MTA. */
static void order_checks(doctor *d)
{
	static const char *const order[] = { "ptr", "helo", "spf", "spf_record", "sender", "dmarc", "dkim", "dnsbl", "mta" };
	zval ordered, *result;
	array_init(&ordered);
	for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
		if ((result = zend_hash_str_find(Z_ARRVAL(d->checks), order[i], strlen(order[i])))) {
			Z_TRY_ADDREF_P(result);
			add_assoc_zval(&ordered, order[i], result);
		}
	}
	zval_ptr_dtor(&d->checks);
	ZVAL_COPY_VALUE(&d->checks, &ordered);
}

static const char *tri_word(mc_tri t)
{
	return t == MC_TRI_YES ? "met" : t == MC_TRI_NO ? "not_met" : "unknown";
}

static void add_receivers(zval *report, const mc_receiver_facts *facts)
{
	zval all;
	array_init_size(&all, (uint32_t)mc_receivers_count);
	for (size_t i = 0; i < mc_receivers_count; i++) {
		const mc_receiver *r = &mc_receivers[i];
		zval entry, list;
		array_init_size(&entry, 3);
		add_assoc_string(&entry, "name", r->name);
		add_assoc_string(&entry, "since", r->since);
		array_init_size(&list, (uint32_t)r->count);
		for (size_t j = 0; j < r->count; j++) {
			const char *check;
			mc_tri met = mc_requirement_met(r->requirements[j]->id, facts, &check);
			zval req;
			array_init_size(&req, 5);
			add_assoc_string(&req, "id", r->requirements[j]->id);
			add_assoc_string(&req, "text", r->requirements[j]->text);
			add_assoc_bool(&req, "bulk_only", r->requirements[j]->bulk_only);
			add_assoc_string(&req, "status", tri_word(met));
			mc_php_add_string_or_null(&req, "check", check);
			add_next_index_zval(&list, &req);
		}
		add_assoc_zval(&entry, "requirements", &list);
		add_assoc_zval(&all, r->key, &entry);
	}
	add_assoc_zval(report, "receivers", &all);
}

static int severity_rank(const char *severity)
{
	return strcmp(severity, "fail") == 0 ? 0 : strcmp(severity, "error") == 0 ? 1 : 2;
}

static bool same_problem(zval *a, zval *b)
{
	return zend_string_equals(Z_STR_P(zend_hash_str_find(Z_ARRVAL_P(a), "code", 4)), Z_STR_P(zend_hash_str_find(Z_ARRVAL_P(b), "code", 4)))
		&& zend_string_equals(Z_STR_P(zend_hash_str_find(Z_ARRVAL_P(a), "message", 7)), Z_STR_P(zend_hash_str_find(Z_ARRVAL_P(b), "message", 7)));
}

/* Every check's problems, with the check named, worst first (in check
 * order within a severity); one that two checks report is listed once,
 * under the first. */
static void add_problems(zval *report, const doctor *d, mc_status *worst)
{
	zval all, *result, *problem;
	zend_string *check;
	array_init(&all);
	for (int rank = 0; rank < 3; rank++) {
		for (size_t i = 0; i < d->problems.count; i++) {
			const mc_problem *p = &d->problems.items[i];
			if (severity_rank(mc_status_name(p->severity)) == rank) {
				zval entry;
				array_init_size(&entry, 4);
				add_assoc_string(&entry, "code", p->code);
				add_assoc_string(&entry, "severity", mc_status_name(p->severity));
				add_assoc_string(&entry, "message", p->message);
				add_assoc_string(&entry, "check", "ip");
				add_next_index_zval(&all, &entry);
			}
		}
		ZEND_HASH_FOREACH_STR_KEY_VAL(Z_ARRVAL(d->checks), check, result) {
			zval *list = zend_hash_str_find(Z_ARRVAL_P(result), "problems", 8);
			ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(list), problem) {
				zval *severity = zend_hash_str_find(Z_ARRVAL_P(problem), "severity", 8);
				bool seen = false;
				zval *earlier;
				if (severity_rank(Z_STRVAL_P(severity)) != rank) {
					continue;
				}
				ZEND_HASH_FOREACH_VAL(Z_ARRVAL(all), earlier) {
					seen = seen || same_problem(earlier, problem);
				} ZEND_HASH_FOREACH_END();
				if (!seen) {
					zval entry;
					ZVAL_ARR(&entry, zend_array_dup(Z_ARRVAL_P(problem)));
					add_assoc_str(&entry, "check", zend_string_copy(check));
					add_next_index_zval(&all, &entry);
				}
			} ZEND_HASH_FOREACH_END();
			if (rank == 0) {
				zval *status = zend_hash_str_find(Z_ARRVAL_P(result), "status", 6);
				for (mc_status s = MC_STATUS_OK; s <= MC_STATUS_FAIL; s++) {
					if (strcmp(Z_STRVAL_P(status), mc_status_name(s)) == 0 && s > *worst) {
						*worst = s;
					}
				}
			}
		} ZEND_HASH_FOREACH_END();
	}
	add_assoc_zval(report, "problems", &all);
}

PHP_FUNCTION(mail_check)
{
	zend_string *sender;
	HashTable *options = NULL;
	char err[256], announced[MC_PHP_MAX_NAME + 1] = "";
	doctor d;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_STR(sender)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(options)
	ZEND_PARSE_PARAMETERS_END();

	if (mc_php_check_name_arg(sender, 1, MC_PHP_MAX_SENDER) == FAILURE) {
		RETURN_THROWS();
	}
	memset(&d, 0, sizeof(d));
	if (parse_options(&d, options) == FAILURE) {
		RETURN_THROWS();
	}

	int64_t start = mc_now_us();
	int64_t deadline_ms = mc_now_ms() + d.timeout;
	mc_problems_init(&d.problems);
	array_init(&d.checks);
	array_init(&d.skipped);
	find_ip(&d);
	pick_zones(&d);
	mc_receiver_facts facts = {
		MC_TRI_UNKNOWN, MC_TRI_UNKNOWN, MC_TRI_UNKNOWN, MC_TRI_UNKNOWN, MC_TRI_UNKNOWN,
	};

	mc_dns *dns = mc_php_dns(err, sizeof(err));
	if (!dns) {
		mc_problems_add(&d.problems, MC_STATUS_ERROR, "dns_error", "The resolver could not be set up: %s", err);
	} else {
		check_mta(&d, dns, deadline_ms, announced, sizeof(announced), &facts);
		find_helo(&d, announced);

		mc_address address;
		mc_address_parse(ZSTR_VAL(sender), ZSTR_LEN(sender), &address);
		const char *domain = address.domain && !address.domain_literal ? address.domain : NULL;
		if (mc_dns_prefetch_enabled(dns)) {
			resolve_ahead(&d, dns, &address, deadline_ms);
		}

		int64_t check_start = mc_now_us();
		mc_sender_result res;
		mc_sender_check(dns, ZSTR_VAL(sender), ZSTR_LEN(sender), mc_php_process_user(), deadline_ms, &res);
		zval result;
		mc_php_sender_array(&result, &res, check_start);
		mc_sender_result_free(&res);
		add_assoc_zval(&d.checks, "sender", &result);

		check_ip(&d, dns, address.address ? address.address : ZSTR_VAL(sender), deadline_ms, &facts);
		check_helo(&d, dns, deadline_ms);
		check_domain(&d, dns, domain, deadline_ms, &facts);
		mc_address_free(&address);
	}

	order_checks(&d);
	mc_status worst = mc_problems_status(&d.problems);
	array_init(return_value);
	add_assoc_null(return_value, "status");   /* keeps its place first; set below */
	add_assoc_str(return_value, "sender", zend_string_copy(sender));
	if (d.ip) {
		char text[MC_IP_STRLEN];
		mc_ip_format(d.ip, text);
		add_assoc_string(return_value, "ip", text);
	} else {
		add_assoc_null(return_value, "ip");
	}
	add_assoc_string(return_value, "ip_source", d.ip_source ? d.ip_source : "none");
	mc_php_add_string_or_null(return_value, "helo", d.helo);
	add_assoc_string(return_value, "helo_source", d.helo_source ? d.helo_source : "none");
	add_problems(return_value, &d, &worst);
	add_assoc_zval(return_value, "checks", &d.checks);
	add_assoc_zval(return_value, "skipped", &d.skipped);
	add_receivers(return_value, &facts);
	add_assoc_double(return_value, "elapsed_ms", (double)(mc_now_us() - start) / 1000.0);
	add_assoc_string(return_value, "status", mc_status_name(worst));
	mc_problems_free(&d.problems);
	mc_dnsbl_zone_set_free(&d.zone_set);
}
