--TEST--
mail_check_ptr(): IPv6 (nibble ip6.arpa, AAAA confirmation) and IPv4-mapped addresses
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53535
--FILE--
<?php
foreach (['2001:db8::25', '2001:0DB8:0000::0025', '2001:db8::26', '2001:db8::16', '::ffff:203.0.113.16', '203.0.113.16'] as $ip) {
    $r = mail_check_ptr($ip);
    echo $ip, ' => ip=', $r['ip'], ' ', $r['status'], ' ', json_encode($r['ptr']), ' hostname=', var_export($r['hostname'], true),
        ' ', implode(',', array_column($r['problems'], 'code')), "\n";
}
?>
--EXPECT--
2001:db8::25 => ip=2001:db8::25 ok ["mail6.example.com"] hostname='mail6.example.com' 
2001:0DB8:0000::0025 => ip=2001:db8::25 ok ["mail6.example.com"] hostname='mail6.example.com' 
2001:db8::26 => ip=2001:db8::26 fail [] hostname=NULL ptr_missing
2001:db8::16 => ip=2001:db8::16 ok ["dual.example.com"] hostname='dual.example.com' 
::ffff:203.0.113.16 => ip=203.0.113.16 ok ["dual.example.com"] hostname='dual.example.com' 
203.0.113.16 => ip=203.0.113.16 ok ["dual.example.com"] hostname='dual.example.com' 
