--TEST--
DNS: answers are cached per process: a second check asks the server nothing, and phpinfo counts hits
--SKIPIF--
<?php $needs_dns = 'faults'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53536
--FILE--
<?php
function cache_stats(): array {
    ob_start();
    phpinfo(INFO_MODULES);
    preg_match_all('/^DNS (cache hits|cache misses|queries sent) => (\d+)$/m', ob_get_clean(), $m);
    return array_combine($m[1], array_map('intval', $m[2]));
}
$log = (getenv('MC_DNS_RUNDIR') ?: '/tmp/mailcheck-dns') . '/faultd-queries.log';
$before = count(file($log));

$first = mail_check_ptr('192.0.2.8');
$s1 = cache_stats();
$second = mail_check_ptr('192.0.2.8');
$s2 = cache_stats();

var_dump($first == array_merge($second, ['elapsed_ms' => $first['elapsed_ms']]));
var_dump($second['hostname']);
var_dump($s2['cache hits'] - $s1['cache hits'], $s2['queries sent'] - $s1['queries sent']);
$asked = array_slice(file($log, FILE_IGNORE_NEW_LINES), $before);
var_dump(array_values(array_filter($asked, fn($l) => str_contains($l, '8.2.0.192') || str_contains($l, 'cached.fault.test'))));
?>
--EXPECT--
bool(true)
string(17) "cached.fault.test"
int(2)
int(0)
array(2) {
  [0]=>
  string(31) "udp 8.2.0.192.in-addr.arpa. PTR"
  [1]=>
  string(24) "udp cached.fault.test. A"
}
