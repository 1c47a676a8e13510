--TEST--
guard: hostile sizes are not kept: 64 mails with distinct 1 MB display names leave the worker's RSS about where it was
--SKIPIF--
<?php
$needs_dns = 'zones';
require __DIR__ . '/skipif.inc';
if (!is_readable('/proc/self/status')) die('skip needs /proc/self/status');
if (getenv('USE_ZEND_ALLOC') === '0') die('skip RSS measures the allocator under valgrind, not the guard');
if (getenv('SKIP_ASAN')) die('skip RSS measures the freed blocks ASan holds back (its quarantine), not the guard');
?>
--INI--
mailcheck.guard=block
mailcheck.ip=203.0.113.5
mailcheck.resolver=127.0.0.1:53535
mailcheck.cache_ttl=300
sendmail_path="{PWD}/guard/capture-sendmail -C {TMP}/mailcheck-guard_017.mbox"
--FILE--
<?php
require __DIR__ . '/guard/guard.inc';
$path = capture_path('guard_017');
@unlink($path);
function rss_kib(): int {
    preg_match('/^VmRSS:\s+(\d+) kB/m', file_get_contents('/proc/self/status'), $m);
    return (int)$m[1];
}
// Warm up: the resolver, the first verdict, PHP's own buffers.
@mail('to@example.org', 'Hi', 'Body', 'From: ' . str_repeat('w', 1 << 20) . ' <news@example.net>', '-fnews@example.net');
$before = rss_kib();
for ($i = 0; $i < 64; $i++) {
    $from = 'From: ' . str_repeat(sprintf('%c%02d', ord('a') + $i % 26, $i), intdiv(1 << 20, 3)) . ' <news@example.net>';
    @mail('to@example.org', 'Hi', 'Body', $from, '-fnews@example.net');
    unset($from);
}
$grown = rss_kib() - $before;
// Each was checked (a distinct text that does not parse), none sent.
$r = mail_check_last();
echo $grown < 20 * 1024 ? "RSS grew less than 20 MB\n" : "RSS grew by $grown KiB\n";
var_dump($r['blocked'], $r['cached'], codes($r), count(captured($path)));
@unlink($path);
?>
--EXPECT--
RSS grew less than 20 MB
bool(true)
bool(false)
string(13) "sender_syntax"
int(0)
