--TEST--
hostile (issue 8, item 7): mail_check_spf() counts every DNS-querying term, also a: names first seen as MX hosts, as mail_check_spf_record() does: 12, too many
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53535
--FILE--
<?php
// include:i1 include:i2, each "v=spf1 mx a:<its MX host> x4 ?all": 2 + 2 x 5 = 12 (RFC 7208 §4.6.4).
$r = mail_check_spf('198.51.100.99', 'x@lookups.hostile.example.com');
echo 'mail_check_spf: ', $r['result'], ' ', $r['dns_lookups'], ' ', json_encode(in_array('spf_too_many_lookups', array_column($r['problems'], 'code'))), "\n";
$rec = mail_check_spf_record('lookups.hostile.example.com');
echo 'mail_check_spf_record: ', $rec['dns_lookups'], ' ', json_encode(in_array('spf_too_many_lookups', array_column($rec['problems'], 'code'))), "\n";
var_dump($r['dns_lookups'] === $rec['dns_lookups']);
?>
--EXPECT--
mail_check_spf: permerror 12 true
mail_check_spf_record: 12 true
bool(true)
