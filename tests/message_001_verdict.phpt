--TEST--
mail_check_message(): the guard's verdict for mail sent over SMTP: the same report mail_check_last() gives for the same mail sent with mail() (the time and cache flag aside), the same cache, whatever mailcheck.guard is; mail_check_last() left alone
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53535
--FILE--
<?php
require __DIR__ . '/guard/guard.inc';
$path = capture_path('message_001');
$mails = [
    // From a domain with p=reject, envelope elsewhere: dmarc_not_aligned.
    ['news@example.net', "From: News <news@reject.example.com>\r\nSubject: Hi\r\n"],
    // Aligned, SPF passes.
    ['news@reject.example.com', "Subject: Hi\nFrom: news@reject.example.com\n"],
    // p=none: a warning; a folded From: is read as an MTA reads it.
    ['news@example.net', "From: \"Shop\"\r\n <news@relaxed.example.com>\r\n"],
];
// The guard's report for each, through a captured mail() (block mode).
$script = <<<'PHP'
$out = [];
foreach (unserialize(base64_decode($argv[1])) as [$envelope, $headers]) {
    @mail('to@example.org', 'Hi', 'Body', rtrim(str_replace("Subject: Hi\r\n", '', str_replace("Subject: Hi\n", '', $headers))), "-f$envelope");
    $out[] = mail_check_last();
}
echo serialize($out);
PHP;
$ini = ['mailcheck.ip' => '203.0.113.5', 'mailcheck.helo' => 'mail.example.com', 'mailcheck.resolver' => '127.0.0.1:53535'];
$cmd = php_with_mailcheck($ini + ['mailcheck.guard' => 'block', 'sendmail_path' => __DIR__ . "/guard/capture-sendmail -C $path"]);
$guarded = unserialize(shell_exec("$cmd -r " . escapeshellarg($script) . ' ' . escapeshellarg(base64_encode(serialize($mails)))));

// mail_check_message() for each, in a PHP with the same php.ini.
$script = <<<'PHP'
$out = [];
foreach (unserialize(base64_decode($argv[1])) as [$envelope, $headers]) {
    $out[] = mail_check_message('203.0.113.5', $envelope, $headers, 'mail.example.com');
}
$out[] = mail_check_last();
echo serialize($out);
PHP;
$checked = unserialize(shell_exec("$cmd -r " . escapeshellarg($script) . ' ' . escapeshellarg(base64_encode(serialize($mails)))));
foreach ($mails as $i => [$envelope, $headers]) {
    $r = $checked[$i];
    $g = $guarded[$i];
    echo "{$r['status']} blocked=", var_export($r['blocked'], true), ' ', implode(',', array_column($r['problems'], 'code')), "\n";
    unset($r['elapsed_ms'], $g['elapsed_ms']);
    $differs = [];
    foreach ($g as $key => $value) {
        if ($key !== 'function' && $key !== 'envelope_source' && $key !== 'ip_source' && $r[$key] !== $value) {
            $differs[] = $key . ': ' . json_encode([$r[$key], $value]);
        }
    }
    echo '  ', $differs ? 'DIFFERS ' . implode('; ', $differs) : 'same as the guarded mail()', "; function {$r['function']}, sources {$r['envelope_source']}/{$r['ip_source']}\n";
}
echo 'mail_check_last() after it: ', var_export($checked[3], true), "\n";

// Here mailcheck.guard is off: the same verdict, "blocked" false (what the guard would do).
$r = mail_check_message('203.0.113.5', 'news@example.net', "From: news@reject.example.com\r\n", 'mail.example.com');
echo "guard off: {$r['status']} blocked=", var_export($r['blocked'], true), "\n";
// The same mail again: from the guard's cache.
$r = mail_check_message('203.0.113.5', 'news@example.net', "From: news@reject.example.com\r\n", 'mail.example.com');
var_dump($r['cached']);
// A bounce (null sender): SPF on the HELO identity, which DMARC aligns with From:.
$r = mail_check_message('203.0.113.5', '<>', "From: news@reject.example.com\r\n", 'mail.example.com');
var_dump($r['envelope_sender'], $r['status']);
echo str_contains(implode(' ', array_column($r['problems'], 'message')), "the HELO name's") ? "names the HELO\n" : "does not name the HELO\n";
// A bounce from a host whose HELO name is the From: domain, whose SPF allows it: DMARC passes.
$r = mail_check_message('203.0.113.5', '', "From: news@reject.example.com\r\n", 'reject.example.com');
echo $r['status'], ' ', implode(',', array_column($r['problems'], 'code')), "\n";
@unlink($path);
?>
--EXPECT--
fail blocked=true dmarc_not_aligned
  same as the guarded mail(); function mail_check_message, sources argument/argument
ok blocked=false 
  same as the guarded mail(); function mail_check_message, sources argument/argument
warn blocked=false from_not_aligned
  same as the guarded mail(); function mail_check_message, sources argument/argument
mail_check_last() after it: NULL
guard off: fail blocked=false
bool(true)
string(0) ""
string(4) "fail"
names the HELO
warn helo_no_address,helo_mismatch
