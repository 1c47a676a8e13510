--TEST--
mail_check_dmarc(): no record anywhere on the walk is dmarc_missing (fail); several records at one name are all discarded (dmarc_multiple_records, fail) and the walk goes on
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53535
--FILE--
<?php
foreach (['none.dmarc', 'multi.dmarc', 'multi.org.dmarc'] as $domain) {
    $r = mail_check_dmarc($domain);
    printf("%s: %s, record %s, found_at %s, org_domain %s, policy %s\n", $r['domain'], $r['status'], var_export($r['record'], true),
        var_export($r['found_at'], true), var_export($r['org_domain'], true), var_export($r['policy'], true));
    foreach ($r['problems'] as $p) {
        echo "  {$p['code']} ({$p['severity']}): {$p['message']}\n";
    }
    if ($r['record'] === null && ($r['testing'] !== null || $r['adkim'] !== null || $r['rua'] !== [] || $r['ruf'] !== [])) {
        echo "  keys set without a record\n";
    }
}
?>
--EXPECT--
none.dmarc: fail, record NULL, found_at NULL, org_domain 'none.dmarc', policy NULL
  dmarc_missing (fail): No DMARC policy applies to none.dmarc: RFC 9989's tree walk found no usable record at _dmarc.none.dmarc or above it (2 names asked). Gmail, Yahoo and Microsoft reject or junk bulk mail from domains without one: publish a TXT record such as "v=DMARC1; p=none; rua=mailto:dmarc-reports@none.dmarc" at _dmarc.none.dmarc (at the organizational domain it covers the subdomains too)
multi.dmarc: fail, record NULL, found_at NULL, org_domain 'multi.dmarc', policy NULL
  dmarc_multiple_records (fail): _dmarc.multi.dmarc holds 2 DMARC records: receivers discard them all (RFC 9989 §4.10, as RFC 7489 §6.6.3 did) and look above it; merge them into one
  dmarc_missing (fail): No DMARC policy applies to multi.dmarc: RFC 9989's tree walk found no usable record at _dmarc.multi.dmarc or above it (2 names asked). Gmail, Yahoo and Microsoft reject or junk bulk mail from domains without one: publish a TXT record such as "v=DMARC1; p=none; rua=mailto:dmarc-reports@multi.dmarc" at _dmarc.multi.dmarc (at the organizational domain it covers the subdomains too)
multi.org.dmarc: fail, record 'v=DMARC1; p=reject; sp=quarantine; np=reject; adkim=s; aspf=r; rua=mailto:agg@org.dmarc, mailto:agg@reports.example; ruf=mailto:forensic@org.dmarc; fo=1', found_at 'org.dmarc', org_domain 'org.dmarc', policy 'reject'
  dmarc_multiple_records (fail): _dmarc.multi.org.dmarc holds 2 DMARC records: receivers discard them all (RFC 9989 §4.10, as RFC 7489 §6.6.3 did) and look above it; merge them into one
