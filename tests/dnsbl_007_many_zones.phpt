--TEST--
mail_check_dnsbl(): eight lists at once, each with its codes and reason (they are asked in one parallel batch; bench/run-dnsbl times it)
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53535
--FILE--
<?php
$zones = array_map(fn($i) => "z$i.dnsbl.test", range(1, 8));
$r = mail_check_dnsbl('203.0.113.66', $zones);
echo $r['status'], ' ', count($r['problems']), "\n";
foreach ($r['zones'] as $z) {
    echo $z['zone'], ' ', var_export($z['listed'], true), ' ', implode(',', $z['codes']), ' ', $z['reason'], "\n";
}
?>
--EXPECT--
fail 8
z1.dnsbl.test true 127.0.0.2 z1 lists it
z2.dnsbl.test true 127.0.0.2 z2 lists it
z3.dnsbl.test true 127.0.0.2 z3 lists it
z4.dnsbl.test true 127.0.0.2 z4 lists it
z5.dnsbl.test true 127.0.0.2 z5 lists it
z6.dnsbl.test true 127.0.0.2 z6 lists it
z7.dnsbl.test true 127.0.0.2 z7 lists it
z8.dnsbl.test true 127.0.0.2 z8 lists it
