--TEST--
mail_check_dmarc(): a timeout or SERVFAIL is status error with a dns_* problem, never dmarc_missing; trouble above a domain's own record leaves the policy and hides only the organizational domain
--SKIPIF--
<?php $needs_dns = 'faults'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53536
mailcheck.timeout=500
--FILE--
<?php
// faultd: _dmarc.dmarc-timeout.fault.test never answers, _dmarc.dmarc-servfail
// is SERVFAIL; sub.dmarc-parent has a record, its parent SERVFAIL.
foreach (['dmarc-timeout.fault.test', 'dmarc-servfail.fault.test', 'sub.dmarc-parent.fault.test'] as $d) {
    $t = hrtime(true);
    $r = mail_check_dmarc($d);
    $wall = (hrtime(true) - $t) / 1e6;
    printf("%s: %s, record %s, found_at %s, org_domain %s, policy %s\n", $r['domain'], $r['status'], var_export($r['record'], true),
        var_export($r['found_at'], true), var_export($r['org_domain'], true), var_export($r['policy'], true));
    foreach ($r['problems'] as $p) {
        echo "  {$p['code']} ({$p['severity']}): {$p['message']}\n";
    }
    // The budget is 500 ms; the bound is generous for a loaded machine.
    var_dump($wall < 500 + 1000);
}
?>
--EXPECT--
dmarc-timeout.fault.test: error, record NULL, found_at NULL, org_domain NULL, policy NULL
  dns_timeout (error): No answer for the DMARC record (TXT) of _dmarc.dmarc-timeout.fault.test within the time budget (mailcheck.timeout = 500 ms): the resolver or the domain's name servers are slow or unreachable
bool(true)
dmarc-servfail.fault.test: error, record NULL, found_at NULL, org_domain NULL, policy NULL
  dns_servfail (error): The resolver answered SERVFAIL for the DMARC record (TXT) of _dmarc.dmarc-servfail.fault.test: the domain's name servers are broken or its DNSSEC does not validate; mail receivers will see the same failure
bool(true)
sub.dmarc-parent.fault.test: error, record 'v=DMARC1; p=reject; rua=mailto:agg@dmarc-parent.fault.test', found_at 'sub.dmarc-parent.fault.test', org_domain NULL, policy 'reject'
  dns_servfail (error): The resolver answered SERVFAIL for the DMARC record (TXT) of _dmarc.dmarc-parent.fault.test: the domain's name servers are broken or its DNSSEC does not validate; mail receivers will see the same failure
bool(true)
