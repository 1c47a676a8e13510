--TEST--
mail_check_ptr() / mail_check_helo(): when DNS trouble hides the PTR, helo_matches (matches_ptr) is null like forward_confirmed, not false; a missing PTR is still a definite false
--SKIPIF--
<?php $needs_dns = 'faults'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53536
mailcheck.timeout=300
--FILE--
<?php
// 192.0.2.1: faultd drops the PTR query; 192.0.2.2: SERVFAIL; 192.0.2.3: REFUSED.
foreach (['192.0.2.1', '192.0.2.2', '192.0.2.3'] as $ip) {
    $r = mail_check_ptr($ip, 'mail.example.com');
    echo $ip, ': ', json_encode([$r['status'], $r['forward_confirmed'], $r['helo_matches']]), ' ', implode(',', array_column($r['problems'], 'code')), "\n";
}
$r = mail_check_helo('a.fault.test', '192.0.2.2');
echo 'helo: ', json_encode([$r['status'], $r['matches_ip'], $r['matches_ptr']]), ' ', implode(',', array_column($r['problems'], 'code')), "\n";
// No PTR at all (NXDOMAIN in faultd's reverse zone): the HELO cannot match it.
$r = mail_check_ptr('192.0.2.99', 'mail.example.com');
echo '192.0.2.99: ', json_encode([$r['status'], $r['forward_confirmed'], $r['helo_matches']]), ' ', implode(',', array_column($r['problems'], 'code')), "\n";
?>
--EXPECT--
192.0.2.1: ["error",null,null] dns_timeout
192.0.2.2: ["error",null,null] dns_servfail
192.0.2.3: ["error",null,null] dns_refused
helo: ["error",false,null] helo_ip_mismatch,dns_servfail
192.0.2.99: ["fail",false,false] ptr_missing
