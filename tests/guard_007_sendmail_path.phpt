--TEST--
guard: the envelope sender given in sendmail_path (-f) is the one checked when mail() has no 5th argument
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.guard=block
mailcheck.ip=203.0.113.5
mailcheck.resolver=127.0.0.1:53535
sendmail_path="MC_CAPTURE={TMP}/mailcheck-guard_007.mbox {PWD}/guard/sendmail-options -t -i -f news@strict.example.net"
--FILE--
<?php
require __DIR__ . '/guard/guard.inc';
$path = capture_path('guard_007');
@unlink($path);
var_dump(@mail('to@example.org', 'Hi', 'Body', 'From: news@strict.example.net'));
$r = mail_check_last();
var_dump($r['envelope_sender'], $r['envelope_source'], $r['blocked'], count(captured($path)));
@unlink($path);
?>
--EXPECT--
bool(false)
string(23) "news@strict.example.net"
string(13) "sendmail_path"
bool(true)
int(0)
