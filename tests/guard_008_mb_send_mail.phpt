--TEST--
guard: mb_send_mail() is guarded like mail(), and its message is what mbstring alone sends
--EXTENSIONS--
mbstring
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.guard=block
mailcheck.ip=203.0.113.5
mailcheck.resolver=127.0.0.1:53535
sendmail_path="{PWD}/guard/capture-sendmail -C {TMP}/mailcheck-guard_008.mbox"
--FILE--
<?php
require __DIR__ . '/guard/guard.inc';
$path = capture_path('guard_008');
@unlink($path);
$args = ['to@example.org', 'Grüße', "Schöne Grüße\n", 'From: Shop <news@example.net>', '-fnews@example.net'];
var_dump(mb_send_mail(...$args));
var_dump(mail_check_last()['function'], mail_check_last()['status']);
var_dump(@mb_send_mail('to@example.org', 'Grüße', 'x', 'From: news@strict.example.net', '-fnews@strict.example.net'));
var_dump(mail_check_last()['blocked']);
$got = captured($path);
var_dump(count($got), $got[0]['message'] === reference_message('mb_send_mail', $args, '-d extension=mbstring'));
@unlink($path);
?>
--EXPECT--
bool(true)
string(12) "mb_send_mail"
string(2) "ok"
bool(false)
bool(true)
int(1)
bool(true)
