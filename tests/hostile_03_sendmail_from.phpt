--TEST--
hostile (issue 8, item 3): ini_set('sendmail_from') does not change the envelope on Unix (PHP uses it only on Windows), so the guard does not judge it
--SKIPIF--
<?php require __DIR__ . '/skipif.inc';
if (PHP_OS_FAMILY === 'Windows') die('skip sendmail_from is the envelope on Windows'); ?>
--INI--
mailcheck.guard=block
mailcheck.ip=203.0.113.5
mailcheck.resolver=127.0.0.1:53535
sendmail_path="{PWD}/guard/capture-sendmail -C {TMP}/mailcheck-hostile_03f.mbox"
--FILE--
<?php
require __DIR__ . '/guard/guard.inc';
$path = capture_path('hostile_03f');
@unlink($path);
ini_set('sendmail_from', 'news@pass.hostile.example.com');
@mail('to@example.org', 'Offer', 'Body', 'From: news@pass.hostile.example.com');
$l = mail_check_last();
echo $l['envelope_source'], "\n";
var_dump($l['envelope_sender'] !== 'news@pass.hostile.example.com');
// What sendmail was told: no -f, so not the sendmail_from address either.
var_dump(count(array_filter(captured($path), fn($m) => str_contains($m['argv'], 'pass.hostile.example.com'))));
@unlink($path);
?>
--EXPECT--
default (process user at the host name)
bool(true)
int(0)
