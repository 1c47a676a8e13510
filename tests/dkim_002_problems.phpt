--TEST--
mail_check_dkim(): dkim_key_revoked, dkim_testing, every dkim_syntax case, SHA-1 only (dkim_key_weak), two key records, a TXT that is no key and no key at all (dkim_key_missing)
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53535
--FILE--
<?php
$selectors = ['revoked', 'testing', 'strict', 'sha1', 'noemail', 'badb64', 'badkey', 'badver', 'vlate', 'unknownk', 'edwrong',
    'rsawrong', 'nop', 'malformed', 'twice', 'multi', 'notkey', 'absent'];
$r = mail_check_dkim('dkim.test', $selectors);
echo $r['status'], "\n";
foreach ($r['selectors'] as $s) {
    printf("%s: found %s, %s %s, testing %s\n", $s['selector'], var_export($s['found'], true), var_export($s['key_type'], true),
        var_export($s['key_bits'], true), var_export($s['testing'], true));
}
foreach ($r['problems'] as $p) {
    echo "  {$p['code']} ({$p['severity']}): {$p['message']}\n";
}
?>
--EXPECT--
fail
revoked: found true, 'rsa' NULL, testing false
testing: found true, 'rsa' 2048, testing true
strict: found true, 'rsa' 2048, testing true
sha1: found true, 'rsa' 2048, testing false
noemail: found true, 'rsa' 2048, testing false
badb64: found true, 'rsa' NULL, testing false
badkey: found true, 'rsa' NULL, testing false
badver: found true, 'rsa' 2048, testing false
vlate: found true, 'rsa' 2048, testing false
unknownk: found true, NULL NULL, testing false
edwrong: found true, 'ed25519' NULL, testing false
rsawrong: found true, 'rsa' NULL, testing false
nop: found true, 'rsa' NULL, testing false
malformed: found true, 'rsa' 2048, testing false
twice: found true, 'rsa' 2048, testing false
multi: found true, 'ed25519' 256, testing false
notkey: found false, NULL NULL, testing NULL
absent: found false, NULL NULL, testing NULL
  dkim_key_revoked (fail): revoked._domainkey.dkim.test: p= is empty: the key is revoked (RFC 6376 §3.6.1) and every signature made with it fails; publish the current key, or sign with another selector
  dkim_testing (warn): testing._domainkey.dkim.test: t=y: the domain says it is testing DKIM, so verifiers may treat its signatures as absent (RFC 6376 §3.6.1); remove t=y once signing works
  dkim_testing (warn): strict._domainkey.dkim.test: t=y: the domain says it is testing DKIM, so verifiers may treat its signatures as absent (RFC 6376 §3.6.1); remove t=y once signing works
  dkim_key_weak (fail): sha1._domainkey.dkim.test: h=sha1 allows no sha256: signatures can only use SHA-1, which verifiers refuse (RFC 8301 §3.1); add sha256 or drop h=
  dkim_syntax (fail): noemail._domainkey.dkim.test: s=other does not include email (or *): verifiers do not use the key for mail (RFC 6376 §3.6.1)
  dkim_syntax (fail): badb64._domainkey.dkim.test: p= is not valid base64: verifiers cannot read the key (RFC 6376 §3.6.1)
  dkim_syntax (fail): badkey._domainkey.dkim.test: p= does not hold an RSA public key (neither SubjectPublicKeyInfo nor RSAPublicKey DER): verifiers cannot use it
  dkim_syntax (fail): badver._domainkey.dkim.test: v=DKIM2: when present, v= must be the first tag and say DKIM1; verifiers discard the record (RFC 6376 §3.6.1)
  dkim_syntax (fail): vlate._domainkey.dkim.test: v=DKIM1: when present, v= must be the first tag and say DKIM1; verifiers discard the record (RFC 6376 §3.6.1)
  dkim_syntax (fail): unknownk._domainkey.dkim.test: k=dsa is not a key type verifiers know (rsa, ed25519): they cannot use the key
  dkim_syntax (fail): edwrong._domainkey.dkim.test: p= holds 294 bytes, but an ed25519 key is the 32 bytes of the raw public key (RFC 8463 §4.2), not a SubjectPublicKeyInfo
  dkim_syntax (fail): rsawrong._domainkey.dkim.test: p= does not hold an RSA public key (neither SubjectPublicKeyInfo nor RSAPublicKey DER): verifiers cannot use it
  dkim_syntax (fail): nop._domainkey.dkim.test: no p= tag: the key itself is missing (p= is required, RFC 6376 §3.6.1)
  dkim_syntax (fail): malformed._domainkey.dkim.test: the tag at byte 17 is malformed (a tag name must start with a letter): verifiers discard the key record (RFC 6376 §3.6.1, §6.1.2)
  dkim_syntax (fail): twice._domainkey.dkim.test: the tag p= appears twice, which makes the key record invalid (RFC 6376 §3.2)
  dkim_multiple_records (warn): multi._domainkey.dkim.test publishes 2 key records: verifiers may use any one of them (RFC 6376 §3.6.2.2), so signatures fail whenever one does not match; keep one
  dkim_key_missing (fail): No DKIM key at notkey._domainkey.dkim.test (the name has TXT records, but none is a key record: no p= tag): mail signed with s=notkey fails DKIM (no key, RFC 6376 §6.1.2) and cannot align for DMARC; publish the key your mail server signs with
  dkim_key_missing (fail): No DKIM key at absent._domainkey.dkim.test: mail signed with s=absent fails DKIM (no key, RFC 6376 §6.1.2) and cannot align for DMARC; publish the key your mail server signs with
