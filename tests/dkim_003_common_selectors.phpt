--TEST--
mail_check_dkim(): without selectors, the common ones are asked in one batch and all reported; none found is dkim_key_missing (warn)
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53535
--FILE--
<?php
// k3 is revoked: among guessed selectors a leftover, so warn, not fail.
$r = mail_check_dkim('dkim.test');
echo $r['status'], "\n";
echo implode(' ', array_column($r['selectors'], 'selector')), "\n";
foreach ($r['selectors'] as $s) {
    if ($s['found']) {
        printf("found %s: %s %s\n", $s['selector'], $s['key_type'], var_export($s['key_bits'], true));
    } elseif ($s['found'] !== false || $s['record'] !== null || $s['key_type'] !== null || $s['key_bits'] !== null || $s['testing'] !== null) {
        echo "unexpected entry for {$s['selector']}\n";
    }
}
foreach ($r['problems'] as $p) {
    echo "  {$p['code']} ({$p['severity']}): {$p['message']}\n";
}
$r = mail_check_dkim('nokeys.dkim.test', null);
echo $r['status'], ' ', count($r['selectors']), ' ', count(array_filter(array_column($r['selectors'], 'found'))), "\n";
foreach ($r['problems'] as $p) {
    echo "  {$p['code']} ({$p['severity']}): {$p['message']}\n";
}
?>
--EXPECT--
warn
default dkim mail x google selector1 selector2 k1 k2 k3 s1 s2 smtp mandrill mailjet fm1 fm2 fm3 protonmail sig1
found google: rsa 2048
found selector1: rsa 1024
found k3: rsa NULL
  dkim_key_weak (warn): selector1._domainkey.dkim.test: a 1024-bit RSA key: accepted, but RFC 8301 §3.2 asks for 2048 bits and Gmail and Yahoo recommend them; make a 2048-bit key and switch to it
  dkim_key_revoked (warn): k3._domainkey.dkim.test: p= is empty: the key is revoked (RFC 6376 §3.6.1) and every signature made with it fails; make sure your mail servers no longer sign with this selector
warn 20 0
  dkim_key_missing (warn): None of the 20 common selectors (default, google, selector1, k1, s1, ...) has a DKIM key under _domainkey.nokeys.dkim.test: Gmail and Yahoo require bulk mail to be signed; if your mail is signed, pass its selector (the s= of its DKIM-Signature header), else set up DKIM signing
