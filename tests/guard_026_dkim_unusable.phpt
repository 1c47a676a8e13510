--TEST--
guard: in block mode, a DKIM key at mailcheck.dkim_selector that verifiers cannot use (revoked, 512-bit RSA) does not make a mail pass the From domain's DMARC p=reject: it is blocked (dmarc_not_aligned), as without a key
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/guard/guard.inc';
// The envelope is at another domain, so only DKIM can align From: with p=reject.
$script = <<<'PHP'
$r = mail_check_message('203.0.113.5', 'news@example.net', "From: news@reject.example.com\r\n", 'mail.example.com');
printf("blocked %s, %s %s\n", var_export($r['blocked'], true), $r['status'], implode(',', array_column($r['problems'], 'code')));
PHP;
foreach (['mc', 'revoked', 'weak', ''] as $selector) {
    echo $selector === '' ? '(none)' : $selector, ': ', run_php_with_mailcheck(['mailcheck.guard' => 'block',
        'mailcheck.resolver' => '127.0.0.1:53535', 'mailcheck.dkim_selector' => $selector], $script);
}
?>
--EXPECT--
mc: blocked false, ok 
revoked: blocked true, fail dkim_key_revoked,dmarc_not_aligned
weak: blocked true, fail dkim_key_weak,dmarc_not_aligned
(none): blocked true, fail dmarc_not_aligned
