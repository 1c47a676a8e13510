--TEST--
DNS: a server that never answers gives status error / dns_timeout within mailcheck.timeout
--SKIPIF--
<?php $needs_dns = 'faults'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53536
mailcheck.timeout=500
--FILE--
<?php
$t = hrtime(true);
$r = mail_check_ptr('192.0.2.1');
$wall = (hrtime(true) - $t) / 1e6;
var_dump($r['status'], $r['ptr'], $r['hostname'], $r['forward_confirmed']);
foreach ($r['problems'] as $p) {
    echo "{$p['code']} ({$p['severity']}): {$p['message']}\n";
}
// The budget is 500 ms; the bound is generous for a loaded machine, the
// exact figure belongs to the benchmarks.
var_dump($wall >= 450, $wall < 500 + 1000, $r['elapsed_ms'] <= $wall);
?>
--EXPECT--
string(5) "error"
array(0) {
}
NULL
NULL
dns_timeout (error): No answer for the PTR of 192.0.2.1 within the time budget (mailcheck.timeout = 500 ms): the resolver or the domain's name servers are slow or unreachable
bool(true)
bool(true)
bool(true)
