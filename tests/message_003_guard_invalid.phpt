--TEST--
mail_check_message(): while mailcheck.guard holds a value that is no mode (a typo such as "blok"), its report says so (guard_ini_invalid), as mail_check_last() does for the same mail through mail(): an application that blocks on "blocked" learns why it is false
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/guard/guard.inc';
$path = capture_path('message_003');
$ini = ['mailcheck.ip' => '203.0.113.5', 'mailcheck.helo' => 'mail.example.com', 'mailcheck.resolver' => '127.0.0.1:53535',
    'mailcheck.guard' => 'blok', 'sendmail_path' => __DIR__ . "/guard/capture-sendmail -C $path", 'display_startup_errors' => '0'];
// A mail that fails (From: at a p=reject domain, envelope elsewhere), through mail() and through mail_check_message().
$script = <<<'PHP'
@mail('to@example.org', 'Hi', 'Body', "From: news@reject.example.com", '-fnews@example.net');
$g = mail_check_last();
$m = mail_check_message('203.0.113.5', 'news@example.net', "From: news@reject.example.com\r\n", 'mail.example.com');
foreach (['mail()' => $g, 'mail_check_message()' => $m] as $name => $r) {
    echo "$name: {$r['status']} blocked=", var_export($r['blocked'], true), ' ', implode(',', array_column($r['problems'], 'code')), "\n";
}
PHP;
echo run_php_with_mailcheck($ini, $script);
@unlink($path);
?>
--EXPECT--
mail(): fail blocked=false guard_ini_invalid,dmarc_not_aligned
mail_check_message(): fail blocked=false guard_ini_invalid,dmarc_not_aligned
