--TEST--
mail_check_ptr(): no PTR record is ptr_missing (fail)
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53535
--FILE--
<?php
$r = mail_check_ptr('203.0.113.6');
var_dump($r['status'], $r['ptr'], $r['hostname'], $r['forward_confirmed'], $r['helo'], $r['helo_matches']);
var_dump(array_column($r['problems'], 'severity', 'code'));
echo $r['problems'][0]['message'], "\n";
?>
--EXPECT--
string(4) "fail"
array(0) {
}
NULL
bool(false)
NULL
NULL
array(1) {
  ["ptr_missing"]=>
  string(4) "fail"
}
No PTR record for 203.0.113.6: ask the owner of the IP (your hosting provider) to set one to the mail server's name, e.g. mail.example.com, with an A record pointing back to 203.0.113.6
