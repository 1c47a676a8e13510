--TEST--
guard: its settings are PHP_INI_SYSTEM and validated; disable_functions=mail leaves nothing to guard and nothing breaks
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--INI--
disable_functions=mail
mailcheck.guard=block
--FILE--
<?php
require __DIR__ . '/guard/guard.inc';
foreach (['mailcheck.guard' => 'warn', 'mailcheck.ip' => '203.0.113.9', 'mailcheck.helo' => 'mail.example.com', 'mailcheck.cache_ttl' => '0'] as $k => $v) {
    var_dump(ini_set($k, $v));
}
ob_start();
phpinfo(INFO_MODULES);
preg_match('/^Guard sits in front of => (.*)$/m', ob_get_clean(), $m);
echo $m[1], "\n";
var_dump(function_exists('mail'));
foreach (['mailcheck.guard=sometimes', 'mailcheck.ip=203.0.113.5:25', 'mailcheck.helo=localhost', 'mailcheck.cache_ttl=-1'] as $setting) {
    echo trim((string)shell_exec(php_with_mailcheck([]) . ' -d ' . escapeshellarg($setting) . ' -r "echo 1;" 2>&1')), "\n";
}
?>
--EXPECTF--
bool(false)
bool(false)
bool(false)
bool(false)
nothing (mail() is disabled)
bool(false)
%AWarning: PHP Startup: Invalid mailcheck.guard "sometimes": must be off, warn or block; the guard warns and never blocks until it is fixed in %s
%A
%AWarning: PHP Startup: Invalid mailcheck.ip "203.0.113.5:25": must be an IP address without brackets or a port in %s
%A
%AWarning: PHP Startup: Invalid mailcheck.helo "localhost": must be a fully qualified host name in %s
%A
%AWarning: PHP Startup: Invalid mailcheck.cache_ttl "-1": must be 0 to 86400 (seconds) in %s
%A
