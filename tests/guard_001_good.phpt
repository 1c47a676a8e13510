--TEST--
guard: a well-configured sender is sent once, byte-identical, with no warning, in warn and block modes alike
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.guard=block
mailcheck.ip=203.0.113.5
mailcheck.resolver=127.0.0.1:53535
sendmail_path="{PWD}/guard/capture-sendmail -C {TMP}/mailcheck-guard_001.mbox"
--FILE--
<?php
require __DIR__ . '/guard/guard.inc';
$path = capture_path('guard_001');
$args = ['to@example.org', 'Your order', "Hello,\r\nthanks.\r\n", "From: Shop <news@example.net>\r\nReply-To: help@example.net", '-fnews@example.net'];
var_dump(mail(...$args));
$got = captured($path);
var_dump(count($got), $got[0]['argv']);
var_dump($got[0]['message'] === reference_message('mail', $args));
$r = mail_check_last();
var_dump($r['status'], $r['blocked'], $r['checked'], $r['cached'], $r['envelope_sender'], $r['envelope_source'], $r['from'], $r['ip'], $r['function']);
@unlink($path);
?>
--EXPECT--
bool(true)
int(1)
string(18) "-fnews@example.net"
bool(true)
string(2) "ok"
bool(false)
bool(true)
bool(false)
string(16) "news@example.net"
string(2) "-f"
string(23) "Shop <news@example.net>"
string(11) "203.0.113.5"
string(4) "mail"
