--TEST--
mail_check(): a DKIM key no verifier can use (revoked, 512-bit RSA) at a named selector does not meet the receivers' DKIM requirement; a good one does
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53535
--FILE--
<?php
// The envelope's SPF fails at 198.51.100.1, so DKIM alone decides spf_or_dkim and aligned.
foreach (['mc', 'revoked', 'weak'] as $selector) {
    $r = mail_check('news@reject.example.com', ['ip' => '198.51.100.1', 'helo' => 'mail.example.com', 'mta' => false,
        'dnsbl' => false, 'dkim_selectors' => [$selector], 'timeout' => 3000]);
    $met = [];
    foreach ($r['receivers']['gmail']['requirements'] as $q) {
        $met[] = "{$q['id']}={$q['status']}";
    }
    echo "$selector: dkim check {$r['checks']['dkim']['status']} ",
        implode(',', array_column($r['checks']['dkim']['problems'], 'code')), '; ', implode(' ', array_slice($met, 0, 1)), ' ',
        implode(' ', array_slice($met, 4, 1)), ' ', implode(' ', array_slice($met, 6, 1)), "\n";
}
?>
--EXPECT--
mc: dkim check ok ; spf_or_dkim=met dkim=met aligned=met
revoked: dkim check fail dkim_key_revoked; spf_or_dkim=not_met dkim=not_met aligned=not_met
weak: dkim check fail dkim_key_weak; spf_or_dkim=not_met dkim=not_met aligned=not_met
