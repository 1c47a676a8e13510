--TEST--
mail_check_dkim(): key records decoded for their type and size: RSA 2048 and 1024 (dkim_key_weak, warn) and 512 (fail), ed25519 (the raw 32-byte key), the bare RSAPublicKey form
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53535
--FILE--
<?php
$r = mail_check_dkim('dkim.test', ['rsa2048', 'rsa1024', 'rsa512', 'ed25519', 'pkcs1']);
echo $r['domain'], ': ', $r['status'], "\n";
foreach ($r['selectors'] as $s) {
    printf("  %s: found %s, %s %s bits, testing %s, record %s...\n", $s['selector'], var_export($s['found'], true), $s['key_type'],
        var_export($s['key_bits'], true), var_export($s['testing'], true), substr($s['record'], 0, 30));
    if (array_keys($s) !== ['selector', 'found', 'record', 'key_type', 'key_bits', 'testing']) {
        echo "  unexpected keys: ", implode(', ', array_keys($s)), "\n";
    }
}
foreach ($r['problems'] as $p) {
    echo "  {$p['code']} ({$p['severity']}): {$p['message']}\n";
}
// One selector as a string; the domain's case and root dot do not matter.
$r = mail_check_dkim('DKIM.test.', 'ed25519');
echo $r['domain'], ': ', $r['status'], ' ', count($r['selectors']), ' ', $r['selectors'][0]['key_type'], ' ', $r['selectors'][0]['key_bits'], "\n";
var_dump(array_keys($r));
?>
--EXPECT--
dkim.test: fail
  rsa2048: found true, rsa 2048 bits, testing false, record v=DKIM1; k=rsa; p=MIIBIjANBgkq...
  rsa1024: found true, rsa 1024 bits, testing false, record v=DKIM1; k=rsa; p=MIGfMA0GCSqG...
  rsa512: found true, rsa 512 bits, testing false, record v=DKIM1; k=rsa; p=MFwwDQYJKoZI...
  ed25519: found true, ed25519 256 bits, testing false, record v=DKIM1; k=ed25519; p=Gd1pGcXp...
  pkcs1: found true, rsa 2048 bits, testing false, record v=DKIM1; p=MIIBCgKCAQEA7V84mms...
  dkim_key_weak (warn): rsa1024._domainkey.dkim.test: a 1024-bit RSA key: accepted, but RFC 8301 §3.2 asks for 2048 bits and Gmail and Yahoo recommend them; make a 2048-bit key and switch to it
  dkim_key_weak (fail): rsa512._domainkey.dkim.test: a 512-bit RSA key: verifiers do not accept signatures with keys below 1024 bits (RFC 8301 §3.2); make a 2048-bit key
dkim.test: ok 1 ed25519 256
array(5) {
  [0]=>
  string(6) "status"
  [1]=>
  string(8) "problems"
  [2]=>
  string(10) "elapsed_ms"
  [3]=>
  string(6) "domain"
  [4]=>
  string(9) "selectors"
}
