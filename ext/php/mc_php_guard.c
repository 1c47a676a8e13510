/* The mail() guard: swaps the handlers of mail() and mb_send_mail() for
 * one that checks the mail first, then warns, or blocks a mail that would
 * fail. The checks are the core's (mc_guard.c); this file is the hook,
 * the modes, the per-process verdict cache and mail_check_last(). */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "php.h"
#include "php_ini.h"
#include "zend_exceptions.h"
#include "ext/standard/exec.h"
#include "ext/standard/php_mail.h"
#include "ext/standard/php_string.h"
#include "ext/hash/php_hash.h"
#include "ext/hash/php_hash_sha.h"
#include "mc_globals.h"
#include "mc_php.h"
#include "mc_address.h"
#include "mc_guard.h"
#include "mc_mailmsg.h"
#include "mc_clock.h"
#include "mc_php_guard.h"

#include <unistd.h>

/* Verdicts kept per process: a newsletter repeats one sender. */
#define GUARD_CACHE_SIZE 64
/* After the resolver itself did not answer, mails go unchecked this long
 * instead of each waiting out mailcheck.timeout again. */
#define GUARD_DNS_DOWN_MS 30000

/* mail_check_last() quotes From and envelope values up to this long; the
 * address parser refuses anything longer anyway. */
#define GUARD_REPORT_VALUE_MAX MC_ADDRESS_INPUT_MAX

typedef struct {
	unsigned char key[32];   /* SHA-256 of what the verdict depends on (cache_key()) */
	int in_use;
	int64_t expires_ms;
	int64_t used;
	mc_guard_verdict verdict;
} cache_entry;

typedef struct {
	int present;
	const char *function;
	mc_status status;
	mc_problems problems;
	int blocked, cached, checked;
	char *envelope;
	const char *envelope_source;
	char *from;
	char ip[MC_IP_STRLEN];
	const char *ip_source;
	char *helo;
	double elapsed_ms;
} guard_report;

struct mc_guard_state {
	cache_entry cache[GUARD_CACHE_SIZE];
	int64_t clock;
	int64_t dns_down_until_ms;
	int outbound_done;
	int outbound_ok;
	mc_ip outbound;
	guard_report last;
};

static zif_handler original_mail;
static zif_handler original_mb_send_mail;

static mc_guard_state *state(void)
{
	if (!MC_G(guard_state)) {
		MC_G(guard_state) = calloc(1, sizeof(mc_guard_state));
	}
	return MC_G(guard_state);
}

static void report_clear(guard_report *r)
{
	mc_problems_free(&r->problems);
	free(r->envelope);
	free(r->from);
	free(r->helo);
	memset(r, 0, sizeof(*r));
}

void mc_guard_state_free(mc_guard_state *st)
{
	if (!st) {
		return;
	}
	for (int i = 0; i < GUARD_CACHE_SIZE; i++) {
		mc_guard_verdict_free(&st->cache[i].verdict);
	}
	report_clear(&st->last);
	free(st);
}

static void verdict_copy(mc_guard_verdict *dst, const mc_guard_verdict *src)
{
	memset(dst, 0, sizeof(*dst));
	mc_problems_init(&dst->problems);
	mc_guard_merge_problems(&dst->problems, &src->problems);
	dst->status = src->status;
	dst->dns_trouble = src->dns_trouble;
	dst->blockable = src->blockable;
}

static cache_entry *cache_find(mc_guard_state *st, const unsigned char key[32], int64_t now)
{
	for (int i = 0; i < GUARD_CACHE_SIZE; i++) {
		cache_entry *e = &st->cache[i];
		if (e->in_use && e->expires_ms > now && memcmp(e->key, key, sizeof(e->key)) == 0) {
			e->used = ++st->clock;
			return e;
		}
	}
	return NULL;
}

static void cache_store(mc_guard_state *st, const unsigned char key[32], const mc_guard_verdict *v, int64_t expires)
{
	cache_entry *slot = &st->cache[0];
	for (int i = 0; i < GUARD_CACHE_SIZE; i++) {
		if (!st->cache[i].in_use) {
			slot = &st->cache[i];
			break;
		}
		if (st->cache[i].used < slot->used) {
			slot = &st->cache[i];
		}
	}
	mc_guard_verdict_free(&slot->verdict);
	memcpy(slot->key, key, sizeof(slot->key));
	slot->in_use = 1;
	verdict_copy(&slot->verdict, v);
	slot->expires_ms = expires;
	slot->used = ++st->clock;
}

/* What mail() and mb_send_mail() hand to sendmail, as they build it from
 * their arguments: the header text and the command line. */
typedef struct {
	zend_string *headers;    /* NULL when there are none */
	zend_string *command;    /* sendmail_path, and " " and the escaped 5th argument */
	size_t argument_at;      /* where that argument starts in command; past its end when none */
} mail_input;

typedef enum {
	ARGS_OK,
	ARGS_ORIGINAL,           /* the original is to say what is wrong with them */
	ARGS_THROWN              /* an exception is pending, as the original would have left it */
} args_outcome;

/* mail()'s escaping of its extra parameters; PHP 8.4 takes a zend_string. */
static zend_string *escape_extra(const char *text, size_t len)
{
#if PHP_VERSION_ID >= 80400
	zend_string *in = zend_string_init(text, len, 0);
	zend_string *out = php_escape_shell_cmd(in);
	zend_string_release(in);
	return out;
#else
	return php_escape_shell_cmd(text);
#endif
}

static void mail_input_free(mail_input *in)
{
	if (in->headers) {
		zend_string_release(in->headers);
	}
	if (in->command) {
		zend_string_release(in->command);
	}
}

/* Reads the arguments with the original's own parameter spec. zpp converts
 * weakly-typed arguments in place in the call frame, so the original then
 * gets the same strings and a __toString() runs once. The spec fails
 * quietly: the original reports the failure itself, word for word. */
static args_outcome read_arguments(zend_execute_data *execute_data, bool mb, mail_input *in)
{
	char *to, *subject, *message;
	size_t to_len, subject_len, message_len;
	HashTable *headers_ht = NULL;
	zend_string *headers_str = NULL, *params = NULL;

	memset(in, 0, sizeof(*in));
	ZEND_PARSE_PARAMETERS_START_EX(ZEND_PARSE_PARAMS_QUIET, 3, 5)
		Z_PARAM_PATH(to, to_len)
		Z_PARAM_PATH(subject, subject_len)
		Z_PARAM_PATH(message, message_len)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT_OR_STR(headers_ht, headers_str)
		/* mail(): string $additional_params = ""; mb_send_mail(): ?string ... = null */
		Z_PARAM_PATH_STR_EX(params, mb, 0)
	ZEND_PARSE_PARAMETERS_END_EX(return EG(exception) ? ARGS_THROWN : ARGS_ORIGINAL);
	(void)to; (void)to_len; (void)subject; (void)subject_len; (void)message; (void)message_len;

	/* From here on as ext/standard/mail.c and ext/mbstring do it. */
	if (headers_str) {
		if (memchr(ZSTR_VAL(headers_str), '\0', ZSTR_LEN(headers_str))) {
			return ARGS_ORIGINAL;   /* its ValueError */
		}
		in->headers = php_trim(headers_str, NULL, 0, 2);
	} else if (headers_ht) {
		in->headers = php_mail_build_headers(headers_ht);
		if (EG(exception)) {
			/* Its TypeError or ValueError, which the original would throw
			 * from the same place before anything else. */
			if (in->headers) {
				zend_string_release(in->headers);
				in->headers = NULL;
			}
			return ARGS_THROWN;
		}
	}

	const char *path = INI_STR("sendmail_path");
	const char *forced = INI_STR("mail.force_extra_parameters");
	zend_string *extra = NULL;
	/* Set, even to "", it replaces the 5th argument. */
	if (forced) {
		extra = escape_extra(forced, strlen(forced));
	} else if (params) {
		extra = escape_extra(ZSTR_VAL(params), ZSTR_LEN(params));
	}
	if (!path) {
		path = "";
	}
	if (extra) {
		in->command = zend_string_concat3(path, strlen(path), " ", 1, ZSTR_VAL(extra), ZSTR_LEN(extra));
		in->argument_at = strlen(path) + 1;
		zend_string_release(extra);
	} else {
		in->command = zend_string_init(path, strlen(path), 0);
		in->argument_at = ZSTR_LEN(in->command) + 1;
	}
	return ARGS_OK;
}

/* The From: header's value in the header text mail() writes, and how many
 * From: fields that text holds. */
static char *find_from(const mail_input *in, size_t *fields)
{
	*fields = in->headers ? mc_mailmsg_header_count(ZSTR_VAL(in->headers), ZSTR_LEN(in->headers), "From") : 0;
	return in->headers ? mc_mailmsg_header_value(ZSTR_VAL(in->headers), ZSTR_LEN(in->headers), "From") : NULL;
}

/* What sendmail uses without -f: the process user at this host. */
static const char *default_sender(void)
{
	if (!MC_G(default_sender_done)) {
		char host[256] = "localhost";
		const char *user = mc_php_process_user();
		if (gethostname(host, sizeof(host)) != 0) {
			snprintf(host, sizeof(host), "localhost");
		}
		host[sizeof(host) - 1] = '\0';
		/* Room for both: a 255-byte user, "@" and a 255-byte host. */
		snprintf(MC_G(default_sender), sizeof(MC_G(default_sender)), "%s@%s", user ? user : "nobody", host);
		MC_G(default_sender_done) = 1;
	}
	return MC_G(default_sender);
}

/* The envelope sender as the MTA will see it, and where it came from. */
static char *find_envelope(const mail_input *in, const char **source)
{
	size_t at;
	char *found = mc_mailmsg_envelope_from(ZSTR_VAL(in->command), ZSTR_LEN(in->command), &at);
	if (found) {
		*source = at >= in->argument_at ? "-f" : "sendmail_path";
		return found;
	}
#ifdef PHP_WIN32
	/* Only Windows' mail() uses it. */
	const char *from = INI_STR("sendmail_from");
	if (from && *from) {
		*source = "sendmail_from";
		return strdup(from);
	}
#endif
	*source = "default (process user at the host name)";
	return strdup(default_sender());
}

/* This host's sending IP: mailcheck.ip, else the outbound address; NULL
 * (with a problem saying why) when it is not known. */
static const mc_ip *sending_ip(mc_guard_state *st, mc_ip *buf, guard_report *r)
{
	const char *why;
	const mc_ip *ip = NULL;
	if (MC_G(ip) && *MC_G(ip)) {
		if (mc_ip_parse(MC_G(ip), strlen(MC_G(ip)), buf, &why) == 0) {
			ip = buf;
		}
		r->ip_source = "mailcheck.ip";
	} else {
		if (!st->outbound_done) {
			st->outbound_done = 1;
			st->outbound_ok = mc_ip_outbound(AF_INET, &st->outbound) == 0
				|| mc_ip_outbound(AF_INET6, &st->outbound) == 0;
		}
		if (st->outbound_ok) {
			ip = &st->outbound;
		}
		r->ip_source = "outbound address";
	}
	if (!ip) {
		mc_problems_add(&r->problems, MC_STATUS_WARN, "ip_unknown",
			"This host's sending IP is not known, so SPF and reverse DNS were not checked: set mailcheck.ip in php.ini");
	}
	return ip;
}

/* The IP the checks are made from: NULL (with a problem saying why) for a
 * private or NAT address, which no receiver sees. */
static const mc_ip *public_ip(const mc_ip *ip, guard_report *r)
{
	if (!ip) {
		return NULL;
	}
	mc_ip_format(ip, r->ip);
	const char *kind = mc_ip_not_public(ip);
	if (kind) {
		mc_problems_add(&r->problems, MC_STATUS_WARN, "ip_private",
			"The sending address %s is %s: receivers see another, public address (NAT or a relay), so SPF and reverse DNS were not checked; "
			"set mailcheck.ip to the public address mail leaves from", r->ip, kind);
		return NULL;
	}
	return ip;
}

/* A question to the resolver itself, asked beside the checks of a mail:
 * the root's NS, fresh (no cache on either side). Any answer, whatever
 * its rcode, shows the resolver is up. When a check then times out, the
 * name it asked is to blame, not the resolver: a slow domain a stranger
 * put in a form's From must not switch the guard off for everyone. */
typedef struct {
	mc_dns_batch *batch;
	mc_dns_query *query;
} resolver_probe;

static void probe_start(mc_dns *dns, int64_t deadline_ms, resolver_probe *probe)
{
	probe->batch = mc_dns_batch_new(dns, deadline_ms);
	probe->query = probe->batch ? mc_dns_batch_add_fresh(probe->batch, ".", MC_DNS_T_NS) : NULL;
}

/* Whether the probe got no answer by the checks' deadline: it has been in
 * flight all along, while the checks waited for theirs, so this waits at
 * most for what is left of the same budget. */
static int resolver_down(const resolver_probe *probe)
{
	if (!probe->query) {
		return 1;   /* out of memory: a timeout counts, as it did before the probe */
	}
	mc_dns_batch_wait(probe->batch);
	mc_dns_status status = probe->query->answer ? probe->query->answer->status : MC_DNS_TIMEOUT;
	return status == MC_DNS_TIMEOUT || status == MC_DNS_UNREACHABLE;
}

/* One value into the key: a tag, its length, its bytes, so that no value
 * can run into the next ("a|b" + "c" is not "a" + "b|c"). */
static void key_add(PHP_SHA256_CTX *ctx, char tag, const char *value)
{
	unsigned char head[9];
	uint64_t len = value ? strlen(value) : 0;
	head[0] = (unsigned char)tag;
	for (int i = 0; i < 8; i++) {
		head[1 + i] = (unsigned char)(len >> (56 - 8 * i));
	}
	PHP_SHA256Update(ctx, head, sizeof(head));
	PHP_SHA256Update(ctx, (const unsigned char *)(value ? value : ""), len);
}

/* An address as the checks see it: parsed, the domain in lower-case
 * A-labels, the display name and comments gone; the verdict depends on
 * nothing else of it. One that does not parse is judged by its text (its
 * sender_syntax message says where it fails), so the text is the key. */
static void key_add_address(PHP_SHA256_CTX *ctx, const char *text)
{
	mc_address a;
	if (!text) {
		key_add(ctx, 'n', NULL);
		return;
	}
	if (mc_address_parse(text, strlen(text), &a) == 0) {
		key_add(ctx, 'a', a.address);
	} else {
		key_add(ctx, 't', text);
	}
	mc_address_free(&a);
}

/* What a verdict depends on, in 32 bytes whatever the input's size: the
 * IP, the HELO name, the envelope and From addresses, how many From:
 * fields. */
static void cache_key(const guard_report *r, const char *envelope, const char *from, size_t from_fields,
		unsigned char key[32])
{
	PHP_SHA256_CTX ctx;
	char fields[24];
	PHP_SHA256Init(&ctx);
	key_add(&ctx, 'i', r->ip);
	key_add(&ctx, 'h', r->helo);
	key_add_address(&ctx, envelope);
	key_add_address(&ctx, from);
	snprintf(fields, sizeof(fields), "%zu", from_fields);
	key_add(&ctx, 'f', fields);
	PHP_SHA256Final(key, &ctx);
}

/* A value for mail_check_last(): as it is, or its first bytes (whole UTF-8
 * characters) and a note that says it was cut. */
static char *report_value(const char *value)
{
	size_t len = strlen(value);
	if (len <= GUARD_REPORT_VALUE_MAX) {
		return strdup(value);
	}
	size_t keep = GUARD_REPORT_VALUE_MAX;
	while (keep > 0 && ((unsigned char)value[keep] & 0xc0) == 0x80) {
		keep--;
	}
	char *out = malloc(keep + 64);
	if (out) {
		snprintf(out, keep + 64, "%.*s… [cut: %zu bytes in all]", (int)keep, value, len);
	}
	return out;
}

/* The guard's verdict on one mail into r, which holds the function and
 * the sources found: from the cache; else checked, and cached when DNS
 * answered everything; or skipped while the resolver is down. */
static void check_mail(mc_guard_state *st, guard_report *r, const mc_ip *ip, const char *helo,
		const char *envelope, const char *from, size_t from_fields, int64_t start_us)
{
	r->present = 1;
	/* As found, whatever their size, for the checks; the report keeps
	 * bounded copies. */
	r->envelope = envelope ? report_value(envelope) : NULL;
	r->from = from ? report_value(from) : NULL;
	r->helo = helo && *helo ? strdup(helo) : NULL;
	ip = public_ip(ip, r);

	int64_t now = mc_now_ms();
	unsigned char key[32];
	cache_key(r, envelope, from, from_fields, key);

	mc_guard_verdict verdict;
	memset(&verdict, 0, sizeof(verdict));
	cache_entry *hit = cache_find(st, key, now);
	if (hit) {
		verdict_copy(&verdict, &hit->verdict);
		r->cached = 1;
		r->checked = 1;
	} else if (now < st->dns_down_until_ms) {
		mc_problems_init(&verdict.problems);
		mc_problems_add(&verdict.problems, MC_STATUS_ERROR, "guard_dns_down",
			"The resolver did not answer for a recent mail, so this one was sent unchecked (for %lld more seconds); check mailcheck.resolver",
			(long long)((st->dns_down_until_ms - now + 999) / 1000));
		verdict.dns_trouble = 1;
	} else {
		char err[256];
		/* The php.ini settings, not what a script may have ini_set(). */
		const char *servers = INI_ORIG_STR("mailcheck.resolver");
		int timeout = (int)INI_ORIG_INT("mailcheck.timeout");
		mc_dns *dns = mc_php_dns_with(servers, timeout, err, sizeof(err));
		mc_guard_mail mail = {
			.envelope = envelope ? envelope : "", .from = from, .from_fields = from_fields, .ip = ip, .helo = r->helo,
			.process_user = mc_php_process_user(),
			.dkim_selector = MC_G(dkim_selector) && *MC_G(dkim_selector) ? MC_G(dkim_selector) : NULL,
		};
		if (dns) {
			int64_t deadline = mc_now_ms() + timeout;
			resolver_probe probe;
			probe_start(dns, deadline, &probe);
			mc_guard_evaluate(dns, &mail, deadline, &verdict);
			r->checked = 1;
			if (mc_problems_has(&verdict.problems, "dns_timeout") || mc_problems_has(&verdict.problems, "dns_unreachable")) {
				/* The mail itself goes out unchecked either way; only a
				 * resolver that is down makes the next ones skip DNS. */
				if (resolver_down(&probe)) {
					st->dns_down_until_ms = mc_now_ms() + GUARD_DNS_DOWN_MS;
				}
			} else if (MC_G(cache_ttl) > 0 && !verdict.dns_trouble) {
				cache_store(st, key, &verdict, now + MC_G(cache_ttl) * 1000);
			}
			mc_dns_batch_free(probe.batch);
		} else {
			mc_problems_init(&verdict.problems);
			mc_problems_add(&verdict.problems, MC_STATUS_ERROR, "dns_error", "The resolver could not be set up: %s", err);
			verdict.dns_trouble = 1;
		}
	}

	mc_guard_merge_problems(&r->problems, &verdict.problems);
	r->status = mc_problems_status(&r->problems);
	r->blocked = MC_G(guard) == MC_GUARD_BLOCK && verdict.blockable;
	mc_guard_verdict_free(&verdict);
	r->elapsed_ms = (double)(mc_now_us() - start_us) / 1000.0;
}

static void report_to_array(const guard_report *r, zval *out)
{
	mc_php_result_init(out, &r->problems, r->status, 0);
	add_assoc_double(out, "elapsed_ms", r->elapsed_ms);
	add_assoc_string(out, "function", r->function);
	add_assoc_bool(out, "blocked", r->blocked);
	add_assoc_bool(out, "checked", r->checked);
	add_assoc_bool(out, "cached", r->cached);
	mc_php_add_string_or_null(out, "envelope_sender", r->envelope);
	add_assoc_string(out, "envelope_source", r->envelope_source);
	mc_php_add_string_or_null(out, "from", r->from);
	mc_php_add_string_or_null(out, "ip", r->ip[0] ? r->ip : NULL);
	add_assoc_string(out, "ip_source", r->ip_source);
	mc_php_add_string_or_null(out, "helo", r->helo);
}

/* What mail_check_last() and mail_check_message() report while
 * mailcheck.guard holds a value that is none of its modes: php.ini's text,
 * as the admin wrote it. */
static void add_setting_problem(guard_report *r)
{
	if (MC_G(guard_invalid)) {
		const char *value = INI_STR("mailcheck.guard");
		mc_problems_add(&r->problems, MC_STATUS_WARN, "guard_ini_invalid",
			"mailcheck.guard is \"%.64s%s\", which is not off, warn or block: the guard warns and never blocks until php.ini says which",
			value ? value : "", value && strlen(value) > 64 ? "…" : "");
	}
}

zend_result mc_guard_check_message(const char *function, const mc_ip *ip, const char *helo,
		const char *envelope, const char *from, size_t from_fields, zval *report)
{
	int64_t start = mc_now_us();
	mc_guard_state *st = state();
	if (!st) {
		return FAILURE;
	}
	guard_report r;
	memset(&r, 0, sizeof(r));
	r.function = function;
	r.envelope_source = "argument";
	r.ip_source = "argument";
	add_setting_problem(&r);
	check_mail(st, &r, ip, helo, envelope, from, from_fields, start);
	report_to_array(&r, report);
	report_clear(&r);
	return SUCCESS;
}

/* The longest warning the guard gives, "mail(): " or "mail() blocked by
 * mailcheck: " included: the full report is mail_check_last()'s. */
#define GUARD_WARNING_MAX 300

static void guarded_send(INTERNAL_FUNCTION_PARAMETERS, zif_handler original, const char *function, bool mb)
{
	if (MC_G(guard) == MC_GUARD_OFF) {
		original(INTERNAL_FUNCTION_PARAM_PASSTHRU);
		return;
	}
	int64_t start = mc_now_us();
	mc_guard_state *st = state();
	if (!st) {
		original(INTERNAL_FUNCTION_PARAM_PASSTHRU);
		return;
	}
	mail_input in;
	switch (read_arguments(execute_data, mb, &in)) {
	case ARGS_THROWN:
		RETURN_THROWS();
	case ARGS_ORIGINAL:
		original(INTERNAL_FUNCTION_PARAM_PASSTHRU);
		return;
	case ARGS_OK:
		break;
	}
	guard_report *r = &st->last;
	report_clear(r);
	r->function = function;
	add_setting_problem(r);

	char *envelope = find_envelope(&in, &r->envelope_source);
	size_t from_fields;
	char *from = find_from(&in, &from_fields);
	mail_input_free(&in);
	mc_ip ipbuf;
	const mc_ip *ip = sending_ip(st, &ipbuf, r);
	check_mail(st, r, ip, MC_G(helo), envelope, from, from_fields, start);
	free(envelope);
	free(from);

	char summary[GUARD_WARNING_MAX + 1];
	if (r->blocked) {
		static const char blocked[] = "() blocked by mailcheck: ";
		mc_guard_summary(&r->problems, 1, summary, sizeof(summary) - strlen(function) - (sizeof(blocked) - 1));
		zend_error(E_WARNING, "%s%s%s", function, blocked, summary);
		RETURN_FALSE;
	}
	/* Sent first, warned after: an error handler that throws on warnings
	 * must not cost the mail. */
	original(INTERNAL_FUNCTION_PARAM_PASSTHRU);
	if (r->problems.count > 0 && !EG(exception)) {
		static const char warned[] = "(): mailcheck: ";
		mc_guard_summary(&r->problems, 0, summary, sizeof(summary) - strlen(function) - (sizeof(warned) - 1));
		php_error_docref(NULL, E_WARNING, "mailcheck: %s", summary);
	}
}

static ZEND_NAMED_FUNCTION(mc_guarded_mail)
{
	guarded_send(INTERNAL_FUNCTION_PARAM_PASSTHRU, original_mail, "mail", false);
}

static ZEND_NAMED_FUNCTION(mc_guarded_mb_send_mail)
{
	guarded_send(INTERNAL_FUNCTION_PARAM_PASSTHRU, original_mb_send_mail, "mb_send_mail", true);
}

static void swap_handler(const char *name, zif_handler *original, zif_handler replacement)
{
	/* Absent with disable_functions=mail, or without mbstring. */
	zend_function *fn = zend_hash_str_find_ptr(CG(function_table), name, strlen(name));
	if (fn && fn->type == ZEND_INTERNAL_FUNCTION) {
		*original = fn->internal_function.handler;
		fn->internal_function.handler = replacement;
	}
}

static void restore_handler(const char *name, zif_handler *original)
{
	zend_function *fn = zend_hash_str_find_ptr(CG(function_table), name, strlen(name));
	if (fn && fn->type == ZEND_INTERNAL_FUNCTION && *original) {
		fn->internal_function.handler = *original;
	}
	*original = NULL;
}

void mc_guard_startup(void)
{
	swap_handler("mail", &original_mail, mc_guarded_mail);
	swap_handler("mb_send_mail", &original_mb_send_mail, mc_guarded_mb_send_mail);
}

void mc_guard_shutdown(void)
{
	restore_handler("mail", &original_mail);
	restore_handler("mb_send_mail", &original_mb_send_mail);
}

/* Whether the function is there and still goes through the guard:
 * disable_functions takes functions away after the modules started. */
static int guarded(const char *name, zif_handler replacement)
{
	zend_function *fn = zend_hash_str_find_ptr(CG(function_table), name, strlen(name));
	return fn && fn->type == ZEND_INTERNAL_FUNCTION && fn->internal_function.handler == replacement;
}

const char *mc_guard_hooked(void)
{
	int mail = guarded("mail", mc_guarded_mail);
	int mb = guarded("mb_send_mail", mc_guarded_mb_send_mail);
	if (mail && mb) return "mail(), mb_send_mail()";
	if (mail) return "mail()";
	if (mb) return "mb_send_mail()";
	return "nothing (mail() is disabled)";
}

PHP_FUNCTION(mail_check_last)
{
	ZEND_PARSE_PARAMETERS_NONE();

	mc_guard_state *st = MC_G(guard_state);
	if (!st || !st->last.present) {
		RETURN_NULL();
	}
	report_to_array(&st->last, return_value);
}
