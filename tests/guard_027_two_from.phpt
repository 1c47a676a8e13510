--TEST--
guard: a header section with two From: fields (RFC 5322 §3.6 allows one; receivers reject such mail, RFC 7489 §6.6.1) is from_multiple, a fail block mode blocks, through mail() and mail_check_message() alike, never the cached verdict of its first From: alone; a From: in the body is no field
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53535
mailcheck.guard=block
--FILE--
<?php
require __DIR__ . '/guard/guard.inc';
$cases = [
    'one From:' => "From: news@example.net\r\n",
    // The first From: passes; the second (a CRLF injected into a header value adds it) is at a p=reject domain.
    'two From:' => "From: news@example.net\r\nFrom: news@reject.example.com\r\n",
    'a second from: after a lone CR' => "Subject: x\rfrom: news@example.net\r\nFROM : news@reject.example.com\r\n",
    'a From: in the body' => "From: news@example.net\r\n\r\nFrom: news@reject.example.com\r\n",
];
foreach ($cases as $name => $headers) {
    $r = mail_check_message('203.0.113.5', 'news@example.net', $headers, 'mail.example.com');
    printf("%s: blocked %s, cached %s, %s\n", $name, var_export($r['blocked'], true), var_export($r['cached'], true),
        implode(',', array_column($r['problems'], 'code')) ?: 'no problem');
}
// mail() in block mode does not send it.
$path = capture_path('guard_027');
@unlink($path);
$script = <<<'PHP'
$sent = @mail('to@example.org', 'Hi', 'Body', "From: news@example.net\r\nFrom: news@reject.example.com", '-fnews@example.net');
echo 'mail(): ', var_export($sent, true), ', ', implode(',', array_column(mail_check_last()['problems'], 'code')), "\n";
PHP;
echo run_php_with_mailcheck(['mailcheck.ip' => '203.0.113.5', 'mailcheck.helo' => 'mail.example.com',
    'mailcheck.resolver' => '127.0.0.1:53535', 'mailcheck.guard' => 'block',
    'sendmail_path' => __DIR__ . "/guard/capture-sendmail -C $path"], $script);
echo 'captured: ', count(captured($path)), "\n";
@unlink($path);
?>
--EXPECT--
one From:: blocked false, cached false, no problem
two From:: blocked true, cached false, from_multiple
a second from: after a lone CR: blocked true, cached true, from_multiple
a From: in the body: blocked false, cached true, no problem
mail(): false, from_multiple
captured: 0
