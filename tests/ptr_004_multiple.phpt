--TEST--
mail_check_ptr(): several PTR names; the one that resolves back is the hostname
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53535
--FILE--
<?php
$r = mail_check_ptr('203.0.113.9', 'mx9.example.com');
$ptr = $r['ptr'];
sort($ptr);
var_dump($r['status'], $ptr, $r['hostname'], $r['forward_confirmed'], $r['helo_matches']);
// HELO equal to the PTR name that does not confirm is still a mismatch.
$r = mail_check_ptr('203.0.113.9', 'other.example.com');
var_dump($r['status'], $r['helo_matches'], array_column($r['problems'], 'code'));
?>
--EXPECT--
string(2) "ok"
array(2) {
  [0]=>
  string(15) "mx9.example.com"
  [1]=>
  string(17) "other.example.com"
}
string(15) "mx9.example.com"
bool(true)
bool(true)
string(4) "warn"
bool(false)
array(1) {
  [0]=>
  string(13) "helo_mismatch"
}
