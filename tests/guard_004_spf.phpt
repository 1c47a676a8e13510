--TEST--
guard (block): an SPF fail is blocked (not sent, false, one warning naming spf_fail); a softfail is sent and warned
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.guard=block
mailcheck.ip=203.0.113.5
mailcheck.resolver=127.0.0.1:53535
sendmail_path="{PWD}/guard/capture-sendmail -C {TMP}/mailcheck-guard_004.mbox"
--FILE--
<?php
require __DIR__ . '/guard/guard.inc';
$path = capture_path('guard_004');
@unlink($path);
var_dump(mail('to@example.org', 'Offer', 'Body', 'From: news@strict.example.net', '-fnews@strict.example.net'));
var_dump(count(captured($path)), mail_check_last()['blocked'], codes(mail_check_last()));
var_dump(mail('to@example.org', 'Offer', 'Body', 'From: news@soft.example.net', '-fnews@soft.example.net'));
$got = captured($path);
var_dump(count($got), str_contains($got[0]['message'], 'From: news@soft.example.net'), mail_check_last()['blocked'], codes(mail_check_last()));
@unlink($path);
?>
--EXPECTF--
Warning: mail() blocked by mailcheck: spf_fail (+4.5 at rspamd's defaults) — 203.0.113.5 is not allowed to send for strict.example.net: its SPF record ends in a fail for this IP; add the IP (ip4:203.0.113.5) or your provider's include: to the record; see mail_check_last() in %s on line %d
bool(false)
int(0)
bool(true)
string(8) "spf_fail"

Warning: mail(): mailcheck: likely to be marked as spam: spf_softfail (+3.5 at rspamd's defaults) — 203.0.113.5 is not listed in the SPF record of soft.example.net (~all: softfail); receivers file such mail as suspicious: add the IP (ip4:203.0.113.5) to the record; see mail_check_last() in %s on line %d
bool(true)
int(1)
bool(true)
bool(false)
string(12) "spf_softfail"
