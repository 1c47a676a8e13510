--TEST--
mail_check_dmarc(): dmarc_syntax for every kind of error, saying which tag; fail where receivers then apply no policy, warn where they fall back to a default
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53535
--FILE--
<?php
$cases = ['vfirst', 'vcase', 'nosemi', 'nov', 'pbad', 'pbad-norua', 'nop', 'spbad', 'tags', 'spec', 'dup', 'uri'];
foreach ($cases as $name) {
    $r = mail_check_dmarc("$name.dmarc");
    printf("%s: %s, policy %s/%s/%s, adkim %s, aspf %s, testing %s, rua %s, ruf %s\n", $name, $r['status'],
        var_export($r['policy'], true), var_export($r['subdomain_policy'], true), var_export($r['nonexistent_policy'], true),
        var_export($r['adkim'], true), var_export($r['aspf'], true), var_export($r['testing'], true),
        json_encode($r['rua'], JSON_UNESCAPED_SLASHES), json_encode($r['ruf'], JSON_UNESCAPED_SLASHES));
    foreach ($r['problems'] as $p) {
        echo "  {$p['code']} ({$p['severity']}): {$p['message']}\n";
    }
}
?>
--EXPECT--
vfirst: fail, policy NULL/NULL/NULL, adkim NULL, aspf NULL, testing NULL, rua [], ruf []
  dmarc_syntax (fail): The TXT record "p=reject; v=DMARC1; rua=mailto:agg@reports.dmarc" at _dmarc.vfirst.dmarc is meant as DMARC but is not a DMARC record: v=DMARC1 is not its first tag, and must be (RFC 9989 §4.7); receivers ignore it
  dmarc_missing (fail): No DMARC policy applies to vfirst.dmarc: RFC 9989's tree walk found no usable record at _dmarc.vfirst.dmarc or above it (2 names asked). Gmail, Yahoo and Microsoft reject or junk bulk mail from domains without one: publish a TXT record such as "v=DMARC1; p=none; rua=mailto:dmarc-reports@vfirst.dmarc" at _dmarc.vfirst.dmarc (at the organizational domain it covers the subdomains too)
vcase: fail, policy NULL/NULL/NULL, adkim NULL, aspf NULL, testing NULL, rua [], ruf []
  dmarc_syntax (fail): The TXT record "v=dmarc1; p=reject; rua=mailto:agg@reports.dmarc" at _dmarc.vcase.dmarc is meant as DMARC but is not a DMARC record: the version must be written v=DMARC1, in upper case (RFC 9989 §4.7: the value is case-sensitive); receivers ignore it
  dmarc_missing (fail): No DMARC policy applies to vcase.dmarc: RFC 9989's tree walk found no usable record at _dmarc.vcase.dmarc or above it (2 names asked). Gmail, Yahoo and Microsoft reject or junk bulk mail from domains without one: publish a TXT record such as "v=DMARC1; p=none; rua=mailto:dmarc-reports@vcase.dmarc" at _dmarc.vcase.dmarc (at the organizational domain it covers the subdomains too)
nosemi: fail, policy NULL/NULL/NULL, adkim NULL, aspf NULL, testing NULL, rua [], ruf []
  dmarc_syntax (fail): The TXT record "v=DMARC1 p=reject; rua=mailto:agg@reports.dmarc" at _dmarc.nosemi.dmarc is meant as DMARC but is not a DMARC record: v=DMARC1 must be followed by ";" before the next tag; receivers ignore it
  dmarc_missing (fail): No DMARC policy applies to nosemi.dmarc: RFC 9989's tree walk found no usable record at _dmarc.nosemi.dmarc or above it (2 names asked). Gmail, Yahoo and Microsoft reject or junk bulk mail from domains without one: publish a TXT record such as "v=DMARC1; p=none; rua=mailto:dmarc-reports@nosemi.dmarc" at _dmarc.nosemi.dmarc (at the organizational domain it covers the subdomains too)
nov: fail, policy NULL/NULL/NULL, adkim NULL, aspf NULL, testing NULL, rua [], ruf []
  dmarc_syntax (fail): The TXT record "p=reject; rua=mailto:agg@reports.dmarc" at _dmarc.nov.dmarc is meant as DMARC but is not a DMARC record: it has a p= tag but does not start with v=DMARC1; receivers ignore it
  dmarc_missing (fail): No DMARC policy applies to nov.dmarc: RFC 9989's tree walk found no usable record at _dmarc.nov.dmarc or above it (2 names asked). Gmail, Yahoo and Microsoft reject or junk bulk mail from domains without one: publish a TXT record such as "v=DMARC1; p=none; rua=mailto:dmarc-reports@nov.dmarc" at _dmarc.nov.dmarc (at the organizational domain it covers the subdomains too)
pbad: warn, policy 'none'/'none'/'none', adkim 'r', aspf 'r', testing false, rua ["mailto:agg@reports.dmarc"], ruf []
  dmarc_syntax (warn): _dmarc.pbad.dmarc: p=block is not none, quarantine or reject: because rua= is valid, receivers act as if it said p=none (RFC 9989 §4.10.1, RFC 7489 §6.6.3); write p=none, p=quarantine or p=reject
pbad-norua: fail, policy NULL/NULL/NULL, adkim 'r', aspf 'r', testing false, rua [], ruf []
  dmarc_syntax (fail): _dmarc.pbad-norua.dmarc: p=block is not none, quarantine or reject, and there is no valid rua=: receivers apply no DMARC at all, as if no record were published (RFC 9989 §4.10.1, RFC 7489 §6.6.3); write p=none, p=quarantine or p=reject
  dmarc_no_reports (warn): _dmarc.pbad-norua.dmarc has no rua=: nobody receives the aggregate reports that show which servers send as this domain and whether they align, which you need before p=quarantine or p=reject; add rua=mailto:dmarc-reports@<your domain>
nop: warn, policy 'none'/'none'/'none', adkim 'r', aspf 'r', testing false, rua ["mailto:agg@reports.dmarc"], ruf []
  dmarc_syntax (warn): _dmarc.nop.dmarc: it has no p= tag: because rua= is valid, receivers act as if it said p=none (RFC 9989 §4.10.1, RFC 7489 §6.6.3); write p=none, p=quarantine or p=reject
spbad: warn, policy 'none'/'none'/'none', adkim 'r', aspf 'r', testing false, rua ["mailto:agg@reports.dmarc"], ruf []
  dmarc_syntax (warn): _dmarc.spbad.dmarc: sp=bogus is not none, quarantine or reject: because rua= is valid, receivers act as if it said p=none (RFC 9989 §4.10.1, RFC 7489 §6.6.3), whatever p= says; write p=none, p=quarantine or p=reject
tags: warn, policy 'reject'/'reject'/'reject', adkim 'r', aspf 'r', testing false, rua ["mailto:agg@reports.dmarc"], ruf []
  dmarc_syntax (warn): _dmarc.tags.dmarc: adkim=x is not r (relaxed) or s (strict): receivers use the default, r
  dmarc_syntax (warn): _dmarc.tags.dmarc: aspf=strict is not r (relaxed) or s (strict): receivers use the default, r
  dmarc_syntax (warn): _dmarc.tags.dmarc: psd=x is not y, n or u: receivers use the default, u
  dmarc_syntax (warn): _dmarc.tags.dmarc: t=maybe is not y or n: receivers use the default, n
  dmarc_syntax (warn): _dmarc.tags.dmarc: fo=2 is not a list of 0, 1, d and s separated by ":": receivers use the default, 0
spec: warn, policy 'reject'/'reject'/'reject', adkim 'r', aspf 'r', testing false, rua ["mailto:agg@reports.dmarc"], ruf []
  dmarc_syntax (warn): _dmarc.spec.dmarc: the tag at byte 21 is malformed (a tag without a name): receivers ignore it (RFC 9989 §4.7)
  dmarc_syntax (warn): _dmarc.spec.dmarc: the tag at byte 25 is malformed (a tag name must start with a letter): receivers ignore it (RFC 9989 §4.7)
  dmarc_syntax (warn): _dmarc.spec.dmarc: the tag at byte 31 is malformed (a tag without "=" and a value): receivers ignore it (RFC 9989 §4.7)
  dmarc_syntax (warn): _dmarc.spec.dmarc: the tag at byte 40 is malformed (a tag name holds only letters, digits and "_"): receivers ignore it (RFC 9989 §4.7)
dup: fail, policy 'none'/'none'/'none', adkim 'r', aspf 'r', testing false, rua ["mailto:agg@reports.dmarc"], ruf []
  dmarc_syntax (fail): _dmarc.dup.dmarc: the tag p= appears twice: RFC 6376 §3.2 tag lists, which DMARC records are, make that invalid, and receivers differ (the first, the last, or the record discarded); keep one
uri: warn, policy 'none'/'none'/'none', adkim 'r', aspf 'r', testing false, rua ["mailto:agg@reports.dmarc!10m","agg@reports.dmarc","mailto:","https://reports.example/dmarc"], ruf ["mailto:x@bad_domain"]
  dmarc_syntax (warn): _dmarc.uri.dmarc: rua= "mailto:agg@reports.dmarc!10m" ends in RFC 7489's "!size" limit, which RFC 9989 dropped ("!" must be written %21): RFC 7489 readers honour it, RFC 9989 readers may take it as part of the address; drop the limit
  dmarc_syntax (warn): _dmarc.uri.dmarc: rua= "agg@reports.dmarc" is not a URI: it needs a scheme, as in mailto:dmarc@example.com: receivers ignore it
  dmarc_syntax (warn): _dmarc.uri.dmarc: rua= "mailto:" is a mailto: URI without an address local@domain: receivers ignore it
  dmarc_syntax (warn): _dmarc.uri.dmarc: ruf= "mailto:x@bad_domain" is a mailto: URI whose address has no valid domain: receivers ignore it
