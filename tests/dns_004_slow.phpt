--TEST--
DNS: a slow answer inside the budget is used; one outside it is dns_timeout, bounded by the budget
--SKIPIF--
<?php $needs_dns = 'faults'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53536
mailcheck.timeout=1500
--FILE--
<?php
$r = mail_check_ptr('192.0.2.5');   // answered after 300 ms
var_dump($r['status'], $r['hostname'], $r['elapsed_ms'] >= 290);

$t = hrtime(true);
$r = mail_check_ptr('192.0.2.6');   // answered after 5 s
$wall = (hrtime(true) - $t) / 1e6;
var_dump($r['status'], array_column($r['problems'], 'code'), $wall < 1500 + 1000);
?>
--EXPECT--
string(2) "ok"
string(15) "slow.fault.test"
bool(true)
string(5) "error"
array(1) {
  [0]=>
  string(11) "dns_timeout"
}
bool(true)
