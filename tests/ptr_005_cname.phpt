--TEST--
mail_check_ptr(): CNAMEs on the forward side, chains, and RFC 2317 classless PTR delegation
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53535
--FILE--
<?php
foreach (['203.0.113.10', '203.0.113.11', '203.0.113.15'] as $ip) {
    $r = mail_check_ptr($ip);
    echo $ip, ': ', $r['status'], ' ', json_encode($r['ptr']), ' hostname=', $r['hostname'],
        ' confirmed=', var_export($r['forward_confirmed'], true), ' problems=', count($r['problems']), "\n";
}
?>
--EXPECT--
203.0.113.10: ok ["alias.example.com"] hostname=alias.example.com confirmed=true problems=0
203.0.113.11: ok ["mail11.example.com"] hostname=mail11.example.com confirmed=true problems=0
203.0.113.15: ok ["chain1.example.com"] hostname=chain1.example.com confirmed=true problems=0
