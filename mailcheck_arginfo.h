/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 7ae2a769f8f4db8e54ac142a0808681d18a04738 */

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_mail_check_ptr, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, ip, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, helo, IS_STRING, 1, "null")
ZEND_END_ARG_INFO()


ZEND_FUNCTION(mail_check_ptr);


static const zend_function_entry ext_functions[] = {
	ZEND_FE(mail_check_ptr, arginfo_mail_check_ptr)
	ZEND_FE_END
};
