#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "php.h"
#include "zend_exceptions.h"
#include "mc_php.h"
#include "mc_php_results.h"
#include "mc_globals.h"
#include "mc_clock.h"
#include "mc_name.h"
#include "mc_receiver_scores.h"

#include <errno.h>
#include <pwd.h>
#include <unistd.h>

mc_dns *mc_php_dns_with(const char *servers, int timeout_ms, char *err, size_t errlen)
{
	/* A forked worker (php-fpm) must not share the parent's sockets. */
	if (MC_G(dns) && MC_G(dns_pid) != getpid()) {
		mc_dns_free(MC_G(dns));
		MC_G(dns) = NULL;
	}
	if (!MC_G(dns)) {
		MC_G(dns) = mc_dns_new();
		if (!MC_G(dns)) {
			snprintf(err, errlen, "out of memory");
			return NULL;
		}
		MC_G(dns_pid) = getpid();
	}
	if (mc_dns_configure(MC_G(dns), servers ? servers : "", timeout_ms, err, errlen) < 0) {
		return NULL;
	}
	mc_dns_set_prefetch(MC_G(dns), MC_G(prefetch));
	return MC_G(dns);
}

mc_dns *mc_php_dns(char *err, size_t errlen)
{
	return mc_php_dns_with(MC_G(resolver), (int)MC_G(timeout), err, errlen);
}

/* The name of the effective user into out (size bytes), "" when there is
 * none or it does not fit. getpwuid_r(): getpwuid()'s result lives in a
 * buffer other threads overwrite. */
static void effective_user(char *out, size_t size)
{
	struct passwd pw, *found = NULL;
	long hint = sysconf(_SC_GETPW_R_SIZE_MAX);
	size_t buflen = hint > 0 ? (size_t)hint : 1024;
	char *buf = NULL;
	int rc;

	out[0] = '\0';
	/* Entries with long member lists need more room than the hint: grow
	 * while it says ERANGE, up to 1 MiB. */
	do {
		char *bigger = realloc(buf, buflen);
		if (!bigger) {
			break;
		}
		buf = bigger;
		rc = getpwuid_r(geteuid(), &pw, buf, buflen, &found);
		buflen *= 2;
	} while (rc == ERANGE && buflen <= 1024 * 1024);
	if (found && strlen(found->pw_name) < size) {
		memcpy(out, found->pw_name, strlen(found->pw_name) + 1);
	}
	free(buf);
}

const char *mc_php_process_user(void)
{
	if (!MC_G(process_user_done)) {
		effective_user(MC_G(process_user), sizeof(MC_G(process_user)));
		MC_G(process_user_done) = 1;
	}
	return MC_G(process_user)[0] ? MC_G(process_user) : NULL;
}

int64_t mc_php_deadline_ms(void)
{
	return mc_now_ms() + MC_G(timeout);
}

zend_result mc_php_check_name_option(const zend_string *value, uint32_t arg_num, const char *option, size_t maxlen)
{
	/* "option \"helo\" must ..." when the name came in an options array. */
	const char *pre = option ? "option \"" : "", *name = option ? option : "", *post = option ? "\" " : "";
	if (ZSTR_LEN(value) == 0) {
		zend_argument_value_error(arg_num, "%s%s%smust not be empty", pre, name, post);
		return FAILURE;
	}
	if (memchr(ZSTR_VAL(value), '\0', ZSTR_LEN(value))) {
		zend_argument_value_error(arg_num, "%s%s%smust not contain any null bytes", pre, name, post);
		return FAILURE;
	}
	if (ZSTR_LEN(value) > maxlen) {
		zend_argument_value_error(arg_num, "%s%s%smust be at most %zu bytes long, %zu given", pre, name, post, maxlen, ZSTR_LEN(value));
		return FAILURE;
	}
	/* A CR or LF would end a header line or an SMTP command early: the
	 * results (received_spf) go into messages. */
	for (size_t i = 0; i < ZSTR_LEN(value); i++) {
		unsigned char c = (unsigned char)ZSTR_VAL(value)[i];
		if (c < 0x20 || c == 0x7f) {
			zend_argument_value_error(arg_num, "%s%s%smust not contain control characters (0x%02X at byte %zu)", pre, name, post, c, i + 1);
			return FAILURE;
		}
	}
	return SUCCESS;
}

zend_result mc_php_check_name_arg(const zend_string *value, uint32_t arg_num, size_t maxlen)
{
	return mc_php_check_name_option(value, arg_num, NULL, maxlen);
}

zend_result mc_php_ip_arg(const zend_string *value, uint32_t arg_num, mc_ip *out)
{
	const char *why;
	if (mc_ip_parse(ZSTR_VAL(value), ZSTR_LEN(value), out, &why) < 0) {
		zend_argument_value_error(arg_num, "%s", why);
		return FAILURE;
	}
	return SUCCESS;
}

zend_result mc_php_check_domain_arg(const zend_string *value, uint32_t arg_num)
{
	size_t len = ZSTR_LEN(value);
	return mc_php_check_name_arg(value, arg_num, MC_NAME_MAX + (len > 0 && ZSTR_VAL(value)[len - 1] == '.'));
}

/* 'scores' => ['rspamd' => [symbol => score, …]]: what the problem costs
 * at a receiver running rspamd with its default scores; only for problems
 * rspamd has a counterpart for. */
static void mc_php_add_receiver_scores(zval *entry, const mc_problem *problem)
{
	const mc_receiver_scores *rspamd = mc_receiver_scores_rspamd(problem->code, problem->message);
	if (!rspamd) {
		return;
	}
	zval scores, symbols;
	array_init_size(&symbols, (uint32_t)rspamd->count);
	for (size_t i = 0; i < rspamd->count; i++) {
		add_assoc_double(&symbols, rspamd->symbols[i].symbol, rspamd->symbols[i].score);
	}
	array_init_size(&scores, 1);
	add_assoc_zval(&scores, "rspamd", &symbols);
	add_assoc_zval(entry, "scores", &scores);
}

void mc_php_result_init(zval *result, const mc_problems *problems, mc_status status, int64_t start_us)
{
	zval list;
	array_init(result);
	add_assoc_string(result, "status", mc_status_name(status));
	array_init_size(&list, (uint32_t)problems->count);
	for (size_t i = 0; i < problems->count; i++) {
		zval entry;
		array_init_size(&entry, 3);
		add_assoc_string(&entry, "code", problems->items[i].code);
		add_assoc_string(&entry, "severity", mc_status_name(problems->items[i].severity));
		add_assoc_string(&entry, "message", problems->items[i].message);
		mc_php_add_receiver_scores(&entry, &problems->items[i]);
		add_next_index_zval(&list, &entry);
	}
	add_assoc_zval(result, "problems", &list);
	add_assoc_double(result, "elapsed_ms", (double)(mc_now_us() - start_us) / 1000.0);
}

mc_status mc_php_dns_unavailable(mc_problems *list, const char *err)
{
	mc_problems_init(list);
	mc_problems_add(list, MC_STATUS_ERROR, "dns_error", "The resolver could not be set up: %s", err);
	return MC_STATUS_ERROR;
}

void mc_php_host_name(char *out, size_t len)
{
	if (gethostname(out, len) != 0 || !*out) {
		snprintf(out, len, "localhost");
	}
	out[len - 1] = '\0';
}

void mc_php_add_tri(zval *result, const char *key, int tri)
{
	if (tri < 0) {
		add_assoc_null(result, key);
	} else {
		add_assoc_bool(result, key, tri);
	}
}

void mc_php_add_string_or_null(zval *result, const char *key, const char *value)
{
	if (value) {
		add_assoc_string(result, key, value);
	} else {
		add_assoc_null(result, key);
	}
}

void mc_php_add_string_list(zval *result, const char *key, char *const *items, size_t count)
{
	zval list;
	array_init_size(&list, (uint32_t)count);
	for (size_t i = 0; i < count; i++) {
		if (items[i]) {
			add_next_index_string(&list, items[i]);
		}
	}
	add_assoc_zval(result, key, &list);
}

zend_result mc_php_name_list_arg(HashTable *ht, uint32_t arg_num, const char **out, size_t max, size_t *count)
{
	zval *entry;
	*count = 0;
	if (zend_hash_num_elements(ht) == 0) {
		zend_argument_value_error(arg_num, "must not be empty");
		return FAILURE;
	}
	if (zend_hash_num_elements(ht) > max) {
		zend_argument_value_error(arg_num, "must hold at most %zu names, %u given", max, zend_hash_num_elements(ht));
		return FAILURE;
	}
	ZEND_HASH_FOREACH_VAL(ht, entry) {
		ZVAL_DEREF(entry);
		if (Z_TYPE_P(entry) != IS_STRING) {
			zend_argument_type_error(arg_num, "must hold only strings, %s given", zend_zval_type_name(entry));
			return FAILURE;
		}
		if (mc_php_check_name_arg(Z_STR_P(entry), arg_num, MC_PHP_MAX_NAME) == FAILURE) {
			return FAILURE;
		}
		for (size_t i = 0; i < *count; i++) {
			if (mc_name_equal(out[i], Z_STRVAL_P(entry))) {
				zend_argument_value_error(arg_num, "must not name \"%s\" twice", Z_STRVAL_P(entry));
				return FAILURE;
			}
		}
		out[(*count)++] = Z_STRVAL_P(entry);
	} ZEND_HASH_FOREACH_END();
	return SUCCESS;
}
