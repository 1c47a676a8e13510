--TEST--
mail_check_ptr(): a PTR name that resolves back to the IP and matches the HELO
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53535
--FILE--
<?php
$r = mail_check_ptr('203.0.113.5', 'MAIL.Example.COM.');
var_dump(array_keys($r));
var_dump($r['status'], $r['problems'], $r['ip'], $r['ptr'], $r['hostname'], $r['forward_confirmed'], $r['helo'], $r['helo_matches']);
var_dump(is_float($r['elapsed_ms']) && $r['elapsed_ms'] >= 0);
?>
--EXPECT--
array(9) {
  [0]=>
  string(6) "status"
  [1]=>
  string(8) "problems"
  [2]=>
  string(10) "elapsed_ms"
  [3]=>
  string(2) "ip"
  [4]=>
  string(3) "ptr"
  [5]=>
  string(8) "hostname"
  [6]=>
  string(17) "forward_confirmed"
  [7]=>
  string(4) "helo"
  [8]=>
  string(12) "helo_matches"
}
string(2) "ok"
array(0) {
}
string(11) "203.0.113.5"
array(1) {
  [0]=>
  string(16) "mail.example.com"
}
string(16) "mail.example.com"
bool(true)
string(17) "MAIL.Example.COM."
bool(true)
bool(true)
