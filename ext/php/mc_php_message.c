/* mail_check_message(): the guard's verdict on a mail that does not go
 * through mail() (an SMTP mailer), from its envelope and headers. */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "php.h"
#include "zend_exceptions.h"
#include "mc_php.h"
#include "mc_php_guard.h"
#include "mc_mailmsg.h"

PHP_FUNCTION(mail_check_message)
{
	zend_string *ip_arg, *envelope, *headers, *helo = NULL;
	mc_ip ip;

	ZEND_PARSE_PARAMETERS_START(3, 4)
		Z_PARAM_STR(ip_arg)
		Z_PARAM_STR(envelope)
		Z_PARAM_STR(headers)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR_OR_NULL(helo)
	ZEND_PARSE_PARAMETERS_END();

	if (mc_php_ip_arg(ip_arg, 1, &ip) == FAILURE) {
		RETURN_THROWS();
	}
	/* "" and "<>" are the null reverse-path (a bounce): SPF then checks
	 * the HELO identity, as for mail(). */
	bool null_sender = ZSTR_LEN(envelope) == 0 || zend_string_equals_literal(envelope, "<>");
	if (!null_sender && mc_php_check_name_arg(envelope, 2, MC_PHP_MAX_SENDER) == FAILURE) {
		RETURN_THROWS();
	}
	if (helo && mc_php_check_name_arg(helo, 4, MC_PHP_MAX_NAME) == FAILURE) {
		RETURN_THROWS();
	}

	/* The From: field as an MTA reads the header section (any line ending,
	 * folded lines, the first field of that name). */
	char *from = mc_mailmsg_header_value(ZSTR_VAL(headers), ZSTR_LEN(headers), "From");
	const char *name = helo ? ZSTR_VAL(helo) : MC_G(helo);
	size_t from_fields = mc_mailmsg_header_count(ZSTR_VAL(headers), ZSTR_LEN(headers), "From");
	zend_result ok = mc_guard_check_message("mail_check_message", &ip, name, null_sender ? "" : ZSTR_VAL(envelope),
		from, from_fields, return_value);
	free(from);
	if (ok == FAILURE) {
		zend_throw_error(NULL, "mail_check_message(): out of memory");
		RETURN_THROWS();
	}
}
