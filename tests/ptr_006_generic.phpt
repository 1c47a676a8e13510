--TEST--
mail_check_ptr(): names of customer address pools are ptr_generic (warn); a mail server name is not
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53535
--FILE--
<?php
foreach (['203.0.113.12', '203.0.113.13', '203.0.113.14', '203.0.113.5'] as $ip) {
    $r = mail_check_ptr($ip);
    echo $ip, ': ', $r['status'], ' ', $r['hostname'], "\n";
    foreach ($r['problems'] as $p) {
        echo "  {$p['code']} ({$p['severity']}): {$p['message']}\n";
    }
}
?>
--EXPECT--
203.0.113.12: warn 203-0-113-12.dsl.example.net
  ptr_generic (warn): The PTR name 203-0-113-12.dsl.example.net looks like one given to a pool of customer addresses (it contains the IP address's digits): receivers score such names as dynamic; have the PTR set to a mail-server name such as mail.yourdomain.com
203.0.113.13: warn host13.dynamic.example.net
  ptr_generic (warn): The PTR name host13.dynamic.example.net looks like one given to a pool of customer addresses (it contains dynamic): receivers score such names as dynamic; have the PTR set to a mail-server name such as mail.yourdomain.com
203.0.113.14: ok mail14.example.com
203.0.113.5: ok mail.example.com
