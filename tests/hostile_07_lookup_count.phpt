--TEST--
hostile (issue 8, item 7): mail_check_spf() counts every DNS-querying term, also a: names first seen as MX hosts, as mail_check_spf_record() does: too many (the evaluation stops at the 11th)
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
// One of the includes alone (mx + 4 x a: of its MX host, no match): both count 5.
$r = mail_check_spf('198.51.100.99', 'x@i1.lookups.hostile.example.com');
$rec = mail_check_spf_record('i1.lookups.hostile.example.com');
echo 'i1: ', $r['result'], ' ', $r['dns_lookups'], ' ', $rec['dns_lookups'], "\n";
?>
--EXPECT--
mail_check_spf: permerror 11 true
mail_check_spf_record: 12 true
i1: neutral 5 5
