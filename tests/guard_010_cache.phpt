--TEST--
guard: the verdict is cached per process: the second and later mails of a sender ask DNS nothing
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.guard=warn
mailcheck.ip=203.0.113.5
mailcheck.resolver=127.0.0.1:53535
sendmail_path="{PWD}/guard/capture-sendmail -C {TMP}/mailcheck-guard_010.mbox"
--FILE--
<?php
require __DIR__ . '/guard/guard.inc';
function queries_sent(): int {
    ob_start();
    phpinfo(INFO_MODULES);
    preg_match('/^DNS queries sent => (\d+)$/m', ob_get_clean(), $m);
    return (int)$m[1];
}
$path = capture_path('guard_010');
@unlink($path);
mail('to@example.org', 'Newsletter 0', 'Body', 'From: news@example.net', '-fnews@example.net');
$first = mail_check_last();
$before = queries_sent();
for ($i = 1; $i <= 20; $i++) {
    mail("to$i@example.org", "Newsletter $i", 'Body', 'From: news@example.net', '-fnews@example.net');
}
$last = mail_check_last();
var_dump($first['cached'], $before > 0, $last['cached'], $last['status'], queries_sent() - $before, count(captured($path)));
@unlink($path);
?>
--EXPECT--
bool(false)
bool(true)
bool(true)
string(2) "ok"
int(0)
int(21)
