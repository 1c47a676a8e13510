dnl config.m4 for extension mailcheck

PHP_ARG_ENABLE([mailcheck],
  [whether to enable mailcheck support],
  [AS_HELP_STRING([--enable-mailcheck], [Enable mailcheck (mail deliverability checks)])],
  [yes])

PHP_ARG_WITH([cares-dir],
  [for the c-ares installation prefix],
  [AS_HELP_STRING([--with-cares-dir=DIR], [mailcheck: c-ares prefix (default: found with pkg-config libcares)])],
  [no], [no])

PHP_ARG_WITH([libspf2-dir],
  [for the libspf2 installation prefix],
  [AS_HELP_STRING([--with-libspf2-dir=DIR], [mailcheck: libspf2 prefix (default: /usr/local, /usr)])],
  [no], [no])

if test "$PHP_MAILCHECK" != "no"; then
  dnl c-ares: pkg-config first, an explicit prefix wins. An empty value is
  dnl what pecl passes when its prompt is answered with Enter: not given.
  if test -n "$PHP_CARES_DIR" && test "$PHP_CARES_DIR" != "no" && test "$PHP_CARES_DIR" != "yes"; then
    if test -r "$PHP_CARES_DIR/include/ares.h"; then
      PHP_ADD_INCLUDE([$PHP_CARES_DIR/include])
      PHP_ADD_LIBRARY_WITH_PATH([cares], [$PHP_CARES_DIR/$PHP_LIBDIR], [MAILCHECK_SHARED_LIBADD])
    else
      AC_MSG_ERROR([c-ares not found under $PHP_CARES_DIR (no include/ares.h)])
    fi
  else
    PKG_CHECK_MODULES([CARES], [libcares >= 1.16.0], [
      PHP_EVAL_INCLINE([$CARES_CFLAGS])
      PHP_EVAL_LIBLINE([$CARES_LIBS], [MAILCHECK_SHARED_LIBADD])
    ], [
      AC_MSG_ERROR([c-ares >= 1.16 not found. Install it (Debian/Ubuntu: apt install libc-ares-dev; RHEL/Fedora: dnf install c-ares-devel) or pass --with-cares-dir=DIR])
    ])
  fi

  dnl libspf2 ships no pkg-config file: look for its header under the usual prefixes.
  AC_MSG_CHECKING([for libspf2])
  MAILCHECK_SPF2_DIR=""
  if test -n "$PHP_LIBSPF2_DIR" && test "$PHP_LIBSPF2_DIR" != "no" && test "$PHP_LIBSPF2_DIR" != "yes"; then
    MAILCHECK_SPF2_SEARCH="$PHP_LIBSPF2_DIR"
  else
    MAILCHECK_SPF2_SEARCH="/usr/local /usr /opt/local"
  fi
  for i in $MAILCHECK_SPF2_SEARCH; do
    if test -r "$i/include/spf2/spf.h"; then
      MAILCHECK_SPF2_DIR="$i"
      break
    fi
  done
  if test -z "$MAILCHECK_SPF2_DIR"; then
    AC_MSG_RESULT([not found])
    AC_MSG_ERROR([libspf2 not found (looked for include/spf2/spf.h in $MAILCHECK_SPF2_SEARCH). Install it (Debian/Ubuntu: apt install libspf2-dev; RHEL/Fedora: dnf install libspf2-devel from EPEL) or pass --with-libspf2-dir=DIR])
  fi
  AC_MSG_RESULT([$MAILCHECK_SPF2_DIR])
  PHP_CHECK_LIBRARY([spf2], [SPF_get_lib_version], [
    PHP_ADD_INCLUDE([$MAILCHECK_SPF2_DIR/include])
    PHP_ADD_LIBRARY_WITH_PATH([spf2], [$MAILCHECK_SPF2_DIR/$PHP_LIBDIR], [MAILCHECK_SHARED_LIBADD])
  ], [
    AC_MSG_ERROR([libspf2 found in $MAILCHECK_SPF2_DIR but its library does not link (need libspf2 >= 1.2.10)])
  ], [-L$MAILCHECK_SPF2_DIR/$PHP_LIBDIR])

  PHP_SUBST([MAILCHECK_SHARED_LIBADD])

  dnl libidn2 turns UTF-8 domains into A-labels (IDNA2008 / UTS #46).
  PKG_CHECK_MODULES([IDN2], [libidn2 >= 2.0.0], [
    PHP_EVAL_INCLINE([$IDN2_CFLAGS])
    PHP_EVAL_LIBLINE([$IDN2_LIBS], [MAILCHECK_SHARED_LIBADD])
  ], [
    AC_MSG_ERROR([libidn2 not found. Install it (Debian/Ubuntu: apt install libidn2-dev; RHEL/Fedora: dnf install libidn2-devel)])
  ])

  dnl libcrypto (OpenSSL) decodes DKIM keys for their type and size; 1.1.1
  dnl for raw ed25519 keys. PHP itself is built against it.
  PKG_CHECK_MODULES([CRYPTO], [libcrypto >= 1.1.1], [
    PHP_EVAL_INCLINE([$CRYPTO_CFLAGS])
    PHP_EVAL_LIBLINE([$CRYPTO_LIBS], [MAILCHECK_SHARED_LIBADD])
  ], [
    AC_MSG_ERROR([OpenSSL's libcrypto >= 1.1.1 not found. Install it (Debian/Ubuntu: apt install libssl-dev; RHEL/Fedora: dnf install openssl-devel)])
  ])

  MAILCHECK_SOURCES="ext/php/mailcheck.c ext/php/mc_php.c ext/php/mc_php_ptr.c ext/php/mc_php_spf.c ext/php/mc_php_spf_record.c ext/php/mc_php_sender.c ext/php/mc_php_guard.c \
    ext/php/mc_php_dmarc.c ext/php/mc_php_dkim.c ext/php/mc_php_dnsbl.c \
    ext/php/mc_php_doctor.c ext/php/mc_php_message.c ext/core/mc_ahead.c ext/core/mc_receivers.c \
    ext/core/mc_problems.c ext/core/mc_ip.c ext/core/mc_name.c ext/core/mc_dns.c ext/core/mc_dns_msg.c ext/core/mc_dns_cache.c ext/core/mc_ptr.c \
    ext/core/mc_spf.c ext/core/mc_spf_record.c ext/core/mc_spf_macro.c ext/core/mc_spf_policy.c ext/core/mc_spf_prefetch.c \
    ext/core/mc_address.c ext/core/mc_sender.c ext/core/mc_helo.c ext/core/mc_smtp.c ext/core/mc_mta.c ext/core/mc_guard.c ext/core/mc_mailmsg.c \
    ext/core/mc_tags.c ext/core/mc_dmarc_record.c ext/core/mc_dmarc.c ext/core/mc_dkim_key.c ext/core/mc_dkim.c ext/core/mc_dnsbl.c ext/core/mc_receiver_scores.c"

  PHP_NEW_EXTENSION([mailcheck], [$MAILCHECK_SOURCES], [$ext_shared],, [-DZEND_ENABLE_STATIC_TSRMLS_CACHE=1 -Wall -Wextra -Wno-unused-parameter])
  PHP_ADD_BUILD_DIR([$ext_builddir/ext/core])
  PHP_ADD_BUILD_DIR([$ext_builddir/ext/php])
  PHP_ADD_INCLUDE([$ext_srcdir/ext/core])
  PHP_ADD_INCLUDE([$ext_srcdir/ext/php])
fi
