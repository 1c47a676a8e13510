/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: e402c32fa1670ba7ddfeb6e8de431fe31131a0df */

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_mail_check_ptr, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, ip, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, helo, IS_STRING, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_mail_check_spf, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, ip, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, sender, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, helo, IS_STRING, 1, "null")
ZEND_END_ARG_INFO()


ZEND_FUNCTION(mail_check_ptr);
ZEND_FUNCTION(mail_check_spf);


static const zend_function_entry ext_functions[] = {
	ZEND_FE(mail_check_ptr, arginfo_mail_check_ptr)
	ZEND_FE(mail_check_spf, arginfo_mail_check_spf)
	ZEND_FE_END
};
