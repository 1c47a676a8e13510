--TEST--
hostile (issue 8, item 5): 64 mails with distinct 4 MB display names do not grow the worker (the verdict cache holds no whole headers), in warn and in block mode
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc';
if (!is_readable('/proc/self/status')) die('skip needs /proc/self/status');
if (getenv('USE_ZEND_ALLOC') === '0') die('skip RSS measures the allocator under valgrind, not the guard');
if (getenv('SKIP_ASAN')) die('skip RSS measures the freed blocks ASan holds back (its quarantine), not the guard'); ?>
--FILE--
<?php
require __DIR__ . '/guard/guard.inc';
$path = capture_path('hostile_05');
$script = <<<'PHP'
function rss_kb(): int {
    preg_match('/^VmRSS:\s+(\d+) kB/m', file_get_contents('/proc/self/status'), $m);
    return (int)$m[1];
}
function send(int $i): bool {
    $name = str_repeat(chr(ord('a') + $i % 26), 4 << 20);
    return @mail('to@example.org', "Offer $i", 'Body', "From: \"$name $i\" <news@pass.hostile.example.com>", '-fnews@pass.hostile.example.com');
}
send(0);
$rss = rss_kb();
$mem = memory_get_usage();
$sent = 0;
for ($i = 1; $i <= 64; $i++) {
    $sent += send($i);
}
echo json_encode(['sent' => $sent, 'rss_growth_mb' => (rss_kb() - $rss) >> 10, 'memory_get_usage_growth_kb' => (memory_get_usage() - $mem) >> 10]);
PHP;
foreach (['warn', 'block'] as $mode) {
    $out = run_php_with_mailcheck(['mailcheck.guard' => $mode, 'mailcheck.ip' => '203.0.113.5', 'mailcheck.resolver' => '127.0.0.1:53535',
        'memory_limit' => '256M', 'sendmail_path' => __DIR__ . '/guard/count-sendmail -C ' . $path], $script);
    $r = json_decode($out, true);
    if (!$r) {
        echo "$mode: $out\n";
        continue;
    }
    // The old cache kept every key: 64 x 4 MB, about 270 MB.
    echo "$mode: ", json_encode([$r['rss_growth_mb'] < 32, $r['memory_get_usage_growth_kb'] < 1024]), ' ', $out, "\n";
}
echo file_get_contents($path);
@unlink($path);
?>
--EXPECTF--
warn: [true,true] {"sent":64,%s}
block: [true,true] {"sent":%d,%s}
%d mails, %d bytes
