--TEST--
guard off (the default): mail() is untouched: sent as PHP alone sends it, no report, no DNS asked
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:9
sendmail_path="{PWD}/guard/capture-sendmail -C {TMP}/mailcheck-guard_009.mbox"
--FILE--
<?php
require __DIR__ . '/guard/guard.inc';
$path = capture_path('guard_009');
@unlink($path);
var_dump(ini_get('mailcheck.guard'));
$args = ['to@example.org', 'Hi', 'Body', 'From: www-data@localhost'];
var_dump(mail(...$args));
var_dump(mail_check_last());
$got = captured($path);
var_dump(count($got), $got[0]['message'] === reference_message('mail', $args));
var_dump(ini_set('mailcheck.guard', 'block'));
@unlink($path);
?>
--EXPECT--
string(3) "off"
bool(true)
NULL
int(1)
bool(true)
bool(false)
