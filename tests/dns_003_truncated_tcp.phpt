--TEST--
DNS: a truncated UDP answer is fetched again over TCP and comes back whole
--SKIPIF--
<?php $needs_dns = 'faults'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53536
--FILE--
<?php
$log = (getenv('MC_DNS_RUNDIR') ?: '/tmp/mailcheck-dns') . '/faultd-queries.log';
$before = count(file($log));
$r = mail_check_ptr('192.0.2.4');
var_dump($r['status'], count($r['ptr']), $r['hostname'], $r['forward_confirmed']);
var_dump(strlen(implode('', $r['ptr'])) > 512);
// faultd truncates this answer over UDP: the 31 names can only have come over TCP.
$asked = array_slice(file($log, FILE_IGNORE_NEW_LINES), $before);
var_dump(array_values(array_filter($asked, fn($l) => str_contains($l, '4.2.0.192.in-addr.arpa'))));
?>
--EXPECT--
string(2) "ok"
int(31)
string(14) "big.fault.test"
bool(true)
bool(true)
array(2) {
  [0]=>
  string(31) "udp 4.2.0.192.in-addr.arpa. PTR"
  [1]=>
  string(31) "tcp 4.2.0.192.in-addr.arpa. PTR"
}
