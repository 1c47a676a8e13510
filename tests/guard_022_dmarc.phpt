--TEST--
guard and DMARC: a From domain with p=reject that the mail cannot pass (envelope elsewhere, no DKIM) is blocked with dmarc_not_aligned; aligned SPF passes; p=none only warns; a key at mailcheck.dkim_selector makes DKIM align
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/guard/guard.inc';
$path = capture_path('guard_022');
$script = <<<'PHP'
$out = [];
foreach ([
    ['From: news@reject.example.com', '-fnews@example.net'],         // SPF passes for example.net, not aligned
    ['From: news@reject.example.com', '-fnews@reject.example.com'],  // aligned, SPF pass
    ['From: news@relaxed.example.com', '-fnews@example.net'],        // p=none: a warning
] as [$headers, $params]) {
    $sent = @mail('to@example.org', 'Hi', 'Body', $headers, $params);
    $l = mail_check_last();
    $out[] = [$sent, $l['status'], implode(',', array_column($l['problems'], 'code'))];
}
echo json_encode($out);
PHP;
$ini = ['mailcheck.guard' => 'block', 'mailcheck.ip' => '203.0.113.5', 'mailcheck.resolver' => '127.0.0.1:53535',
    'sendmail_path' => __DIR__ . "/guard/capture-sendmail -C $path"];
@unlink($path);
echo run_php_with_mailcheck($ini, $script), ', sent: ', count(captured($path)), "\n";
@unlink($path);
echo run_php_with_mailcheck($ini + ['mailcheck.dkim_selector' => 'mc'], $script), ', sent: ', count(captured($path)), "\n";
$l = json_decode(run_php_with_mailcheck($ini, '@mail("to@example.org", "Hi", "Body", "From: news@reject.example.com", "-fnews@example.net"); echo json_encode(mail_check_last()["problems"]);'), true);
foreach ($l as $p) {
    if ($p['code'] === 'dmarc_not_aligned') {
        echo $p['severity'], ': ', str_contains($p['message'], 'p=reject') ? 'names the policy' : $p['message'], "\n";
    }
}
@unlink($path);
?>
--EXPECT--
[[false,"fail","dmarc_not_aligned"],[true,"ok",""],[true,"warn","from_not_aligned"]], sent: 2
[[true,"ok",""],[true,"ok",""],[true,"warn","dkim_key_missing,from_not_aligned"]], sent: 3
fail: names the policy
