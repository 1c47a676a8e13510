#ifndef PHP_MAILCHECK_H
#define PHP_MAILCHECK_H

extern zend_module_entry mailcheck_module_entry;
#define phpext_mailcheck_ptr &mailcheck_module_entry

#define PHP_MAILCHECK_VERSION "0.1.0"

#if defined(ZTS) && defined(COMPILE_DL_MAILCHECK)
ZEND_TSRMLS_CACHE_EXTERN()
#endif

#endif
