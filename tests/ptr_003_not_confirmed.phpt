--TEST--
mail_check_ptr(): a PTR name that does not resolve, or resolves elsewhere, is ptr_not_confirmed
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53535
--FILE--
<?php
foreach (['203.0.113.7', '203.0.113.8'] as $ip) {
    $r = mail_check_ptr($ip);
    echo $ip, ': ', $r['status'], ' ', json_encode($r['ptr']), ' hostname=', var_export($r['hostname'], true),
        ' confirmed=', var_export($r['forward_confirmed'], true), "\n";
    foreach ($r['problems'] as $p) {
        echo "  {$p['code']} ({$p['severity']}): {$p['message']}\n";
    }
}
?>
--EXPECT--
203.0.113.7: fail ["unconfirmed.example.com"] hostname=NULL confirmed=false
  ptr_not_confirmed (fail): The PTR name of 203.0.113.7 is unconfirmed.example.com, but that name does not exist in DNS, so the reverse DNS is not forward-confirmed and receivers treat it as missing: add an A record unconfirmed.example.com -> 203.0.113.7, or have the PTR set to a name that has one
203.0.113.8: fail ["elsewhere.example.com"] hostname=NULL confirmed=false
  ptr_not_confirmed (fail): The PTR name of 203.0.113.8 is elsewhere.example.com, but that name resolves to 203.0.113.99, so the reverse DNS is not forward-confirmed and receivers treat it as missing: add an A record elsewhere.example.com -> 203.0.113.8, or have the PTR set to a name that has one
