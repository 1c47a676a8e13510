/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: e7d39af1cdd3c1f60fafa374b8adc3f7397ff14d */

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_mail_check_ptr, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, ip, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, helo, IS_STRING, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_mail_check_spf, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, ip, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, sender, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, helo, IS_STRING, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_mail_check_spf_record, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, domain, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, record, IS_STRING, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_mail_check_sender, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, address, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_mail_check_helo, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, helo, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, ip, IS_STRING, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_mail_check_mta, 0, 0, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, host, IS_STRING, 0, "\"localhost\"")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, port, IS_LONG, 0, "25")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_mail_check_dmarc, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, domain, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_mail_check_dkim, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, domain, IS_STRING, 0)
	ZEND_ARG_TYPE_MASK(0, selectors, MAY_BE_STRING|MAY_BE_ARRAY|MAY_BE_NULL, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_mail_check_dnsbl, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, ip_or_domain, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, zones, IS_ARRAY, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_mail_check, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, sender, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_mail_check_message, 0, 3, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, ip, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, envelope_sender, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, headers, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, helo, IS_STRING, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_mail_check_last, 0, 0, IS_ARRAY, 1)
ZEND_END_ARG_INFO()


ZEND_FUNCTION(mail_check_ptr);
ZEND_FUNCTION(mail_check_spf);
ZEND_FUNCTION(mail_check_spf_record);
ZEND_FUNCTION(mail_check_sender);
ZEND_FUNCTION(mail_check_helo);
ZEND_FUNCTION(mail_check_mta);
ZEND_FUNCTION(mail_check_dmarc);
ZEND_FUNCTION(mail_check_dkim);
ZEND_FUNCTION(mail_check_dnsbl);
ZEND_FUNCTION(mail_check);
ZEND_FUNCTION(mail_check_message);
ZEND_FUNCTION(mail_check_last);


static const zend_function_entry ext_functions[] = {
	ZEND_FE(mail_check_ptr, arginfo_mail_check_ptr)
	ZEND_FE(mail_check_spf, arginfo_mail_check_spf)
	ZEND_FE(mail_check_spf_record, arginfo_mail_check_spf_record)
	ZEND_FE(mail_check_sender, arginfo_mail_check_sender)
	ZEND_FE(mail_check_helo, arginfo_mail_check_helo)
	ZEND_FE(mail_check_mta, arginfo_mail_check_mta)
	ZEND_FE(mail_check_dmarc, arginfo_mail_check_dmarc)
	ZEND_FE(mail_check_dkim, arginfo_mail_check_dkim)
	ZEND_FE(mail_check_dnsbl, arginfo_mail_check_dnsbl)
	ZEND_FE(mail_check, arginfo_mail_check)
	ZEND_FE(mail_check_message, arginfo_mail_check_message)
	ZEND_FE(mail_check_last, arginfo_mail_check_last)
	ZEND_FE_END
};
