--TEST--
guard: a check that times out starts the "DNS down" window only when a probe of the resolver itself (the root's NS, asked beside the checks) got no answer either; the probe costs no time beyond mailcheck.timeout
--SKIPIF--
<?php $needs_dns = 'faults'; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/guard/guard.inc';
$path = capture_path('guard_021');
$script = <<<'PHP'
$out = [];
foreach (['silent', 'pass', 'silent', 'pass'] as $domain) {
    $t = hrtime(true);
    @mail('to@example.org', 'Hi', 'Body', "From: news@$domain.hostile.example.net", '-fnews@pass.hostile.example.net');
    $ms = (hrtime(true) - $t) / 1e6;
    $r = mail_check_last();
    // Which kind of DNS trouble, if any (the other codes depend on what the budget left for them).
    $codes = array_intersect(array_unique(array_column($r['problems'], 'code')), ['dns_timeout', 'guard_dns_down', 'spf_fail']);
    // The guard's own time is bounded by the budget (300 ms), generously for a loaded machine.
    $out[] = sprintf('%s: %s %s%s', $domain, $r['checked'] ? 'checked' : 'unchecked', implode(',', $codes) ?: '-',
        $r['elapsed_ms'] < 300 + 700 ? '' : " (took {$r['elapsed_ms']} ms)");
}
echo implode("\n", $out);
PHP;
$ini = ['mailcheck.guard' => 'block', 'mailcheck.ip' => '203.0.113.77', 'mailcheck.timeout' => 300, 'mailcheck.cache_ttl' => 0,
    'sendmail_path' => __DIR__ . "/guard/capture-sendmail -C $path"];
@unlink($path);
// faultd answers the root with REFUSED: the resolver is up, the silent domain is to blame.
echo "resolver up, one domain silent:\n", run_php_with_mailcheck($ini + ['mailcheck.resolver' => '127.0.0.1:53536'], $script), "\n";
echo 'sent: ', count(captured($path)), "\n";
// A UDP "resolver" that reads every query and answers none: the probe times out too.
$silent = stream_socket_server('udp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND);
$port = (int)substr(strrchr(stream_socket_get_name($silent, false), ':'), 1);
@unlink($path);
echo "resolver silent:\n", run_php_with_mailcheck($ini + ['mailcheck.resolver' => "127.0.0.1:$port"], $script), "\n";
echo 'sent: ', count(captured($path)), "\n";
@unlink($path);
?>
--EXPECT--
resolver up, one domain silent:
silent: checked dns_timeout
pass: checked -
silent: checked dns_timeout
pass: checked -
sent: 4
resolver silent:
silent: checked dns_timeout
pass: unchecked guard_dns_down
silent: unchecked guard_dns_down
pass: unchecked guard_dns_down
sent: 4
