--TEST--
hostile (issue 8, item 6): a check that runs out of budget does not poison the cache: the same query right after, with a larger budget, gets the real answer
--SKIPIF--
<?php $needs_dns = 'faults'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53536
--FILE--
<?php
// faultd answers every query for slow.hostile.example.net after 500 ms.
ini_set('mailcheck.timeout', 150);
$r = mail_check_spf('203.0.113.77', 'x@slow.hostile.example.net');
echo '150 ms: ', $r['result'], ' ', implode(',', array_column($r['problems'], 'code')), "\n";
ini_set('mailcheck.timeout', 3000);
$r = mail_check_spf('203.0.113.77', 'x@slow.hostile.example.net');
echo '3000 ms: ', $r['result'], ' ', implode(',', array_column($r['problems'], 'code')), ' ', json_encode($r['elapsed_ms'] >= 300), "\n";

ini_set('mailcheck.timeout', 150);
$r = mail_check_helo('slow.hostile.example.net');
echo '150 ms: ', $r['status'], ' ', implode(',', array_column($r['problems'], 'code')), "\n";
ini_set('mailcheck.timeout', 3000);
$r = mail_check_helo('slow.hostile.example.net');
echo '3000 ms: ', $r['status'], ' ', json_encode($r['addresses']), "\n";
?>
--EXPECT--
150 ms: temperror dns_timeout,spf_temperror
3000 ms: pass  true
150 ms: error dns_timeout
3000 ms: ok ["203.0.113.77"]
