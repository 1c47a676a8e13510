--TEST--
mailcheck mta HOST[:PORT]: STARTTLS 0, no STARTTLS and no FQDN 1, a 554 greeting 2, nobody listening 3
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; require __DIR__ . '/cli.inc'; if (!@fsockopen('127.0.0.1', 2526, $e, $s, 1)) die('skip SMTP fixtures not running (tests/smtp/serve start)'); ?>
--FILE--
<?php
require __DIR__ . '/cli.inc';

foreach ([["mta", "127.0.0.1:2526"], ["mta", "127.0.0.1:2531"], ["mta", "127.0.0.1:2527"], ["mta", "[127.0.0.1]:2599"], ["mta", "[::1]:2599"]] as $args) {
    mailcheck_cli_show($args);
}
?>
--EXPECT--
mailcheck mta 127.0.0.1:2526: rc=0
  [ok] mta 127.0.0.1:2526: 220 mx.mailcheck.test ESMTP Postfix, STARTTLS
mailcheck mta 127.0.0.1:2531: rc=1
  [warn] mta 127.0.0.1:2531: 220 ESMTP mailgate, no STARTTLS
  [warn] mta_hostname_not_fqdn
  [warn] mta_no_starttls
mailcheck mta 127.0.0.1:2527: rc=2
  [FAIL] mta 127.0.0.1:2527: 554 5.3.2 mailgate busy, no STARTTLS
  [FAIL] mta_not_smtp
mailcheck mta [127.0.0.1]:2599: rc=3
  [error] mta 127.0.0.1:2599: no greeting
  [error] mta_unreachable
mailcheck mta [::1]:2599: rc=3
  [error] mta [::1]:2599: no greeting
  [error] mta_unreachable
