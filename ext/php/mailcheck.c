/* Module glue: ini settings, startup and shutdown, phpinfo(). */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "php.h"
#include "php_ini.h"
#include "ext/standard/info.h"
#include "php_mailcheck.h"
#include "mailcheck_arginfo.h"
#include "mc_globals.h"
#include "mc_php.h"
#include "mc_dns.h"
#include "mc_ip.h"
#include "mc_name.h"
#include "mc_spf.h"
#include "mc_php_guard.h"
#include "mc_dkim.h"
#include "mc_dnsbl.h"

#include <ares.h>
/* spf.h uses types from these without including them. */
#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/nameser.h>
#include <spf2/spf.h>

ZEND_DECLARE_MODULE_GLOBALS(mailcheck)

static ZEND_INI_MH(OnUpdateResolver)
{
	char csv[1024], err[256];
	if (mc_dns_parse_servers(ZSTR_VAL(new_value), csv, sizeof(csv), err, sizeof(err)) < 0) {
		php_error_docref(NULL, E_WARNING, "Invalid mailcheck.resolver: %s", err);
		return FAILURE;
	}
	return OnUpdateString(entry, new_value, mh_arg1, mh_arg2, mh_arg3, stage);
}

static ZEND_INI_MH(OnUpdateTimeout)
{
	zend_long value = ZEND_STRTOL(ZSTR_VAL(new_value), NULL, 10);
	if (value < MC_PHP_TIMEOUT_MIN || value > MC_PHP_TIMEOUT_MAX) {
		php_error_docref(NULL, E_WARNING, "Invalid mailcheck.timeout \"%s\": must be %d to %d (milliseconds)",
			ZSTR_VAL(new_value), MC_PHP_TIMEOUT_MIN, MC_PHP_TIMEOUT_MAX);
		return FAILURE;
	}
	return OnUpdateLong(entry, new_value, mh_arg1, mh_arg2, mh_arg3, stage);
}

static int guard_value_is(const zend_string *value, const char *const *words)
{
	for (; *words; words++) {
		if (zend_binary_strcasecmp(ZSTR_VAL(value), ZSTR_LEN(value), *words, strlen(*words)) == 0) {
			return 1;
		}
	}
	return 0;
}

/* php.ini's parser turns an unquoted On/yes/true into "1" and Off/no/false/
 * none into "", so those mean warn and off here as anywhere else. Any other
 * value must not leave mail unguarded on a typo: it is warn, with a warning
 * now (a php-fpm log may be all that sees it) and a guard_ini_invalid
 * problem in every report. */
static ZEND_INI_MH(OnUpdateGuard)
{
	static const char *const off[] = { "", "0", "off", "no", "false", "none", NULL };
	static const char *const warn[] = { "1", "on", "yes", "true", "warn", NULL };
	zend_long *mode = (zend_long *)ZEND_INI_GET_ADDR();
	MC_G(guard_invalid) = 0;
	if (guard_value_is(new_value, off)) {
		*mode = MC_GUARD_OFF;
	} else if (guard_value_is(new_value, warn)) {
		*mode = MC_GUARD_WARN;
	} else if (zend_string_equals_literal_ci(new_value, "block")) {
		*mode = MC_GUARD_BLOCK;
	} else {
		*mode = MC_GUARD_WARN;
		MC_G(guard_invalid) = 1;
		/* Not again when a new thread's copy of the settings is made (ZTS):
		 * that passes the value already set. */
		if (new_value != entry->value) {
			php_error_docref(NULL, E_WARNING, "Invalid mailcheck.guard \"%s\": must be off, warn or block; the guard warns and never blocks until it is fixed",
				ZSTR_VAL(new_value));
		}
	}
	return SUCCESS;
}

static ZEND_INI_MH(OnUpdateIp)
{
	mc_ip ip;
	const char *why;
	if (ZSTR_LEN(new_value) && mc_ip_parse(ZSTR_VAL(new_value), ZSTR_LEN(new_value), &ip, &why) < 0) {
		php_error_docref(NULL, E_WARNING, "Invalid mailcheck.ip \"%s\": %s", ZSTR_VAL(new_value), why);
		return FAILURE;
	}
	return OnUpdateString(entry, new_value, mh_arg1, mh_arg2, mh_arg3, stage);
}

static ZEND_INI_MH(OnUpdateHelo)
{
	if (ZSTR_LEN(new_value) && !mc_name_is_hostname(ZSTR_VAL(new_value), 1)) {
		php_error_docref(NULL, E_WARNING, "Invalid mailcheck.helo \"%s\": must be a fully qualified host name", ZSTR_VAL(new_value));
		return FAILURE;
	}
	return OnUpdateString(entry, new_value, mh_arg1, mh_arg2, mh_arg3, stage);
}

static ZEND_INI_MH(OnUpdateDkimSelector)
{
	const char *why = ZSTR_LEN(new_value) ? mc_dkim_selector_problem(ZSTR_VAL(new_value)) : NULL;
	if (why) {
		php_error_docref(NULL, E_WARNING, "Invalid mailcheck.dkim_selector \"%s\": %s", ZSTR_VAL(new_value), why);
		return FAILURE;
	}
	return OnUpdateString(entry, new_value, mh_arg1, mh_arg2, mh_arg3, stage);
}

static ZEND_INI_MH(OnUpdateCacheTtl)
{
	zend_long value = ZEND_STRTOL(ZSTR_VAL(new_value), NULL, 10);
	if (value < 0 || value > 86400 || strspn(ZSTR_VAL(new_value), "0123456789") != ZSTR_LEN(new_value)) {
		php_error_docref(NULL, E_WARNING, "Invalid mailcheck.cache_ttl \"%s\": must be 0 to 86400 (seconds)", ZSTR_VAL(new_value));
		return FAILURE;
	}
	return OnUpdateLong(entry, new_value, mh_arg1, mh_arg2, mh_arg3, stage);
}

static ZEND_INI_MH(OnUpdateDnsblZones)
{
	mc_dnsbl_zone_set set;
	char err[256];
	if (mc_dnsbl_parse_zone_set(ZSTR_VAL(new_value), &set, err, sizeof(err)) < 0) {
		php_error_docref(NULL, E_WARNING, "Invalid mailcheck.dnsbl_zones: %s", err);
		return FAILURE;
	}
	mc_dnsbl_zone_set_free(&set);
	return OnUpdateString(entry, new_value, mh_arg1, mh_arg2, mh_arg3, stage);
}

PHP_INI_BEGIN()
	STD_PHP_INI_ENTRY("mailcheck.resolver", "", PHP_INI_ALL, OnUpdateResolver, resolver,
		zend_mailcheck_globals, mailcheck_globals)
	STD_PHP_INI_ENTRY("mailcheck.timeout", "2000", PHP_INI_ALL, OnUpdateTimeout, timeout,
		zend_mailcheck_globals, mailcheck_globals)
	/* Like a script's own $zones argument, it changes only what the script asks. */
	STD_PHP_INI_ENTRY("mailcheck.dkim_selector", "", PHP_INI_SYSTEM, OnUpdateDkimSelector, dkim_selector,
		zend_mailcheck_globals, mailcheck_globals)
	STD_PHP_INI_ENTRY("mailcheck.dnsbl_zones", "", PHP_INI_ALL, OnUpdateDnsblZones, dnsbl_zones,
		zend_mailcheck_globals, mailcheck_globals)
	/* The guard's settings are the host admin's: a script cannot lift them. */
	STD_PHP_INI_ENTRY("mailcheck.guard", "off", PHP_INI_SYSTEM, OnUpdateGuard, guard,
		zend_mailcheck_globals, mailcheck_globals)
	STD_PHP_INI_ENTRY("mailcheck.ip", "", PHP_INI_SYSTEM, OnUpdateIp, ip,
		zend_mailcheck_globals, mailcheck_globals)
	STD_PHP_INI_ENTRY("mailcheck.helo", "", PHP_INI_SYSTEM, OnUpdateHelo, helo,
		zend_mailcheck_globals, mailcheck_globals)
	STD_PHP_INI_ENTRY("mailcheck.cache_ttl", "300", PHP_INI_SYSTEM, OnUpdateCacheTtl, cache_ttl,
		zend_mailcheck_globals, mailcheck_globals)
	STD_PHP_INI_BOOLEAN("mailcheck.prefetch", "1", PHP_INI_ALL, OnUpdateBool, prefetch,
		zend_mailcheck_globals, mailcheck_globals)
PHP_INI_END()

static PHP_GINIT_FUNCTION(mailcheck)
{
#if defined(COMPILE_DL_MAILCHECK) && defined(ZTS)
	ZEND_TSRMLS_CACHE_UPDATE();
#endif
	memset(mailcheck_globals, 0, sizeof(*mailcheck_globals));
	/* c-ares counts its users: each thread's channel holds the library
	 * until its GSHUTDOWN, which under ZTS may come after MSHUTDOWN. */
	ares_library_init(ARES_LIB_INIT_ALL);
}

static PHP_GSHUTDOWN_FUNCTION(mailcheck)
{
	/* The libspf2 server lives with the channel, and goes with it. */
	mc_dns_free(mailcheck_globals->dns);
	mailcheck_globals->dns = NULL;
	mc_guard_state_free(mailcheck_globals->guard_state);
	mailcheck_globals->guard_state = NULL;
	ares_library_cleanup();
}

static PHP_MINIT_FUNCTION(mailcheck)
{
	REGISTER_INI_ENTRIES();
	int rc = ares_library_init(ARES_LIB_INIT_ALL);
	if (rc != ARES_SUCCESS) {
		php_error_docref(NULL, E_WARNING, "mailcheck: c-ares failed to initialise: %s", ares_strerror(rc));
		return FAILURE;
	}
	mc_spf_startup();
	mc_guard_startup();
	return SUCCESS;
}

static PHP_MSHUTDOWN_FUNCTION(mailcheck)
{
	mc_guard_shutdown();
	UNREGISTER_INI_ENTRIES();
	/* GSHUTDOWN runs after this: close the channel while c-ares is alive. */
#ifndef ZTS
	mc_dns_free(MC_G(dns));
	MC_G(dns) = NULL;
#endif
	ares_library_cleanup();
	return SUCCESS;
}

static PHP_RINIT_FUNCTION(mailcheck)
{
#if defined(COMPILE_DL_MAILCHECK) && defined(ZTS)
	ZEND_TSRMLS_CACHE_UPDATE();
#endif
	return SUCCESS;
}

static PHP_MINFO_FUNCTION(mailcheck)
{
	char buf[1024], err[256];
	int major, minor, patch;

	php_info_print_table_start();
	php_info_print_table_row(2, "mailcheck support", "enabled");
	php_info_print_table_row(2, "Version", PHP_MAILCHECK_VERSION);
	php_info_print_table_row(2, "c-ares (built with)", ARES_VERSION_STR);
	php_info_print_table_row(2, "c-ares (running)", ares_version(NULL));
	snprintf(buf, sizeof(buf), "%d.%d.%d", SPF_LIB_VERSION_MAJOR, SPF_LIB_VERSION_MINOR, SPF_LIB_VERSION_PATCH);
	php_info_print_table_row(2, "libspf2 (built with)", buf);
	SPF_get_lib_version(&major, &minor, &patch);
	snprintf(buf, sizeof(buf), "%d.%d.%d", major, minor, patch);
	php_info_print_table_row(2, "libspf2 (running)", buf);

	mc_dns *dns = mc_php_dns(err, sizeof(err));
	if (dns) {
		mc_dns_describe_servers(dns, buf, sizeof(buf));
		php_info_print_table_row(2, "Resolver in use", buf[0] ? buf : "(none)");
		php_info_print_table_row(2, "Resolver source", MC_G(resolver) && *MC_G(resolver) ? "mailcheck.resolver" : "system (resolv.conf)");
		const mc_dns_stats *stats = mc_dns_get_stats(dns);
		snprintf(buf, sizeof(buf), "%zu", mc_dns_cache_entries(dns));
		php_info_print_table_row(2, "DNS cache entries", buf);
		snprintf(buf, sizeof(buf), "%llu", (unsigned long long)stats->hits);
		php_info_print_table_row(2, "DNS cache hits", buf);
		snprintf(buf, sizeof(buf), "%llu", (unsigned long long)stats->misses);
		php_info_print_table_row(2, "DNS cache misses", buf);
		snprintf(buf, sizeof(buf), "%llu", (unsigned long long)stats->sent);
		php_info_print_table_row(2, "DNS queries sent", buf);
	} else {
		php_info_print_table_row(2, "Resolver in use", err);
	}
	static const char *const modes[] = { "off", "warn", "block" };
	if (MC_G(guard_invalid)) {
		snprintf(buf, sizeof(buf), "warn (mailcheck.guard \"%.200s\" is not off, warn or block)", INI_STR("mailcheck.guard"));
		php_info_print_table_row(2, "mail() guard", buf);
	} else {
		php_info_print_table_row(2, "mail() guard", modes[MC_G(guard)]);
	}
	php_info_print_table_row(2, "Guard sits in front of", mc_guard_hooked());
	php_info_print_table_end();

	DISPLAY_INI_ENTRIES();
}

/* mbstring first, when loaded: the guard wraps its mb_send_mail() at MINIT. */
static const zend_module_dep mailcheck_deps[] = {
	ZEND_MOD_OPTIONAL("mbstring")
	ZEND_MOD_END
};

zend_module_entry mailcheck_module_entry = {
	STANDARD_MODULE_HEADER_EX,
	NULL,
	mailcheck_deps,
	"mailcheck",
	ext_functions,
	PHP_MINIT(mailcheck),
	PHP_MSHUTDOWN(mailcheck),
	PHP_RINIT(mailcheck),
	NULL,
	PHP_MINFO(mailcheck),
	PHP_MAILCHECK_VERSION,
	PHP_MODULE_GLOBALS(mailcheck),
	PHP_GINIT(mailcheck),
	PHP_GSHUTDOWN(mailcheck),
	NULL,
	STANDARD_MODULE_PROPERTIES_EX
};

#ifdef COMPILE_DL_MAILCHECK
# ifdef ZTS
ZEND_TSRMLS_CACHE_DEFINE()
# endif
ZEND_GET_MODULE(mailcheck)
#endif
