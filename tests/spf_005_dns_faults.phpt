--TEST--
mail_check_spf(): DNS trouble mid-evaluation is temperror (status error), inside the time budget
--SKIPIF--
<?php $needs_dns = 'faults'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53536
mailcheck.timeout=700
--FILE--
<?php
$t = hrtime(true);
$r = mail_check_spf('203.0.113.5', 'x@spf-timeout.fault.test');
$wall = (hrtime(true) - $t) / 1e6;
echo $r['result'], ' ', $r['status'], ' ', implode(',', array_column($r['problems'], 'code')), "\n";
var_dump($wall < 700 + 1000);
$r = mail_check_spf('203.0.113.5', 'x@spf-servfail.fault.test');
echo $r['result'], ' ', $r['status'], ' ', implode(',', array_column($r['problems'], 'code')), "\n";
?>
--EXPECT--
temperror error dns_timeout,spf_temperror
bool(true)
temperror error dns_servfail,spf_temperror
