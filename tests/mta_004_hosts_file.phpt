--TEST--
mail_check_mta(): a name without a dot is found in the hosts file, with no DNS query
--SKIPIF--
<?php require __DIR__ . '/skipif.inc';
require __DIR__ . '/mta_hosts.inc';
if (!@fsockopen('127.0.0.1', 2525, $e, $s, 1)) die('skip postfix fixture not running on 127.0.0.1:2525 (tests/smtp/serve start)');
if (mta_hosts_loopback_name() === null) die('skip /etc/hosts names no host (without a dot, other than localhost) at 127.0.0.1'); ?>
--INI--
mailcheck.timeout=500
--FILE--
<?php
require __DIR__ . '/mta_hosts.inc';
// The resolver takes every query and never answers: an address found
// comes from the hosts file.
$silent = stream_socket_server('udp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND);
ini_set('mailcheck.resolver', stream_socket_get_name($silent, false));

$name = mta_hosts_loopback_name();
$r = mail_check_mta($name, 2525);
printf("%s address=%s hostname=%s fast=%s\n", $r['status'], $r['address'], $r['hostname'], json_encode($r['elapsed_ms'] < 400));
$r = mail_check_mta(strtoupper($name), 2525);
printf("upper case: %s address=%s\n", $r['status'], $r['address']);
?>
--EXPECT--
warn address=127.0.0.1 hostname=mx.mailcheck.test fast=true
upper case: warn address=127.0.0.1
