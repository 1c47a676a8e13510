--TEST--
mail_check_mta(): Debian's postfix on loopback, without and with STARTTLS
--SKIPIF--
<?php require __DIR__ . '/skipif.inc';
if (!@fsockopen('127.0.0.1', 2525, $e, $s, 1)) die('skip postfix fixture not running on 127.0.0.1:2525 (tests/smtp/serve start)'); ?>
--FILE--
<?php
foreach ([2525, 2526] as $port) {
    $r = mail_check_mta('127.0.0.1', $port);
    printf("%d: %s hostname=%s ehlo=%s starttls=%s address=%s codes=%s\n", $port, $r['status'], $r['hostname'],
        $r['ehlo_hostname'], json_encode($r['starttls']), $r['address'], implode(',', array_column($r['problems'], 'code')));
    echo '  banner: ', $r['banner'], "\n";
    echo '  PIPELINING: ', json_encode(in_array('PIPELINING', $r['extensions'], true)), ', 8BITMIME: ', json_encode(in_array('8BITMIME', $r['extensions'], true)), "\n";
    var_dump(is_int($r['greeting_ms']));
}
var_dump(array_keys(mail_check_mta('127.0.0.1', 2525)));
echo mail_check_mta('127.0.0.1', 2525)['problems'][0]['message'], "\n";
?>
--EXPECT--
2525: warn hostname=mx.mailcheck.test ehlo=mx.mailcheck.test starttls=false address=127.0.0.1 codes=mta_no_starttls
  banner: 220 mx.mailcheck.test ESMTP Postfix
  PIPELINING: true, 8BITMIME: true
bool(true)
2526: ok hostname=mx.mailcheck.test ehlo=mx.mailcheck.test starttls=true address=127.0.0.1 codes=
  banner: 220 mx.mailcheck.test ESMTP Postfix
  PIPELINING: true, 8BITMIME: true
bool(true)
array(12) {
  [0]=>
  string(6) "status"
  [1]=>
  string(8) "problems"
  [2]=>
  string(10) "elapsed_ms"
  [3]=>
  string(4) "host"
  [4]=>
  string(4) "port"
  [5]=>
  string(7) "address"
  [6]=>
  string(6) "banner"
  [7]=>
  string(8) "hostname"
  [8]=>
  string(13) "ehlo_hostname"
  [9]=>
  string(10) "extensions"
  [10]=>
  string(8) "starttls"
  [11]=>
  string(11) "greeting_ms"
}
The MTA at 127.0.0.1 port 2525 does not offer STARTTLS: Gmail and others mark or refuse mail that arrives unencrypted; configure a certificate (postfix: smtpd_tls_cert_file, smtpd_tls_security_level = may)
