--TEST--
phpinfo(): versions of mailcheck, c-ares and libspf2, the resolver in use, cache counters, ini settings
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53535,[::1]:53
mailcheck.timeout=1234
--FILE--
<?php
ob_start();
phpinfo(INFO_MODULES);
$info = ob_get_clean();
preg_match('/^mailcheck\n.*?^mailcheck\.timeout.*?$/ms', $info, $m);
echo $m[0], "\n";
var_dump(phpversion('mailcheck') === '0.1.0');
ini_set('mailcheck.resolver', '');
ob_start();
phpinfo(INFO_MODULES);
var_dump(str_contains(ob_get_clean(), 'Resolver source => system (resolv.conf)'));
?>
--EXPECTF--
mailcheck

mailcheck support => enabled
Version => 0.1.0
c-ares (built with) => %d.%d.%d
c-ares (running) => %d.%d.%d
libspf2 (built with) => 1.2.%d
libspf2 (running) => 1.2.%d
Resolver in use => 127.0.0.1:53535, [::1]:53
Resolver source => mailcheck.resolver
DNS cache entries => 0
DNS cache hits => 0
DNS cache misses => 0
DNS queries sent => 0
mail() guard => off
Guard sits in front of => mail()

Directive => Local Value => Master Value
mailcheck.cache_ttl => 300 => 300
mailcheck.dkim_selector => no value => no value
mailcheck.dnsbl_zones => no value => no value
mailcheck.guard => off => off
mailcheck.helo => no value => no value
mailcheck.ip => no value => no value
mailcheck.prefetch => On => On
mailcheck.resolver => 127.0.0.1:53535,[::1]:53 => 127.0.0.1:53535,[::1]:53
mailcheck.timeout => 1234 => 1234
bool(true)
bool(true)
