--TEST--
mail_check_dmarc(): RFC 9989's tree walk finds the policy and the organizational domain: the domain's own record, else the organizational domain's (the highest record, or the one with psd=n), with the 8-label shortcut
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53535
--FILE--
<?php
function show(string $domain): void {
    $r = mail_check_dmarc($domain);
    printf("%s: %s, found_at %s, org_domain %s\n", $r['domain'], $r['status'], var_export($r['found_at'], true), var_export($r['org_domain'], true));
    printf("  policy %s, subdomain %s, nonexistent %s, testing %s, adkim %s, aspf %s\n", $r['policy'], $r['subdomain_policy'],
        $r['nonexistent_policy'], var_export($r['testing'], true), $r['adkim'], $r['aspf']);
    printf("  record %s\n  rua %s ruf %s\n", var_export($r['record'], true), json_encode($r['rua'], JSON_UNESCAPED_SLASHES), json_encode($r['ruf'], JSON_UNESCAPED_SLASHES));
    foreach ($r['problems'] as $p) {
        echo "  {$p['code']} ({$p['severity']}): {$p['message']}\n";
    }
    if (!is_float($r['elapsed_ms']) || array_keys($r) !== ['status', 'problems', 'elapsed_ms', 'domain', 'record', 'found_at', 'org_domain',
            'policy', 'subdomain_policy', 'nonexistent_policy', 'testing', 'adkim', 'aspf', 'rua', 'ruf']) {
        echo "  unexpected keys: ", implode(', ', array_keys($r)), "\n";
    }
}
// The organizational domain's own record, and the names below it.
show('org.dmarc');
show('ORG.dmarc.');
// 12 labels: the walk jumps from the name to its last 7 labels, so the
// record at _dmarc.b.c.d.e.f.g.h.i.j.org.dmarc (p=none, psd=n), which
// a label-by-label walk would stop at, is never asked.
show('a.b.c.d.e.f.g.h.i.j.org.dmarc');
// A record between the domain and the organizational domain (no psd=): the
// organizational domain is the highest record, and its policy applies.
show('a.mid.org.dmarc');
// psd=n ends the walk: div.org.dmarc is its own organizational domain.
show('x.div.org.dmarc');
// A record of its own: it applies; the organizational domain is still the highest.
show('own.org.dmarc');
?>
--EXPECT--
org.dmarc: ok, found_at 'org.dmarc', org_domain 'org.dmarc'
  policy reject, subdomain quarantine, nonexistent reject, testing false, adkim s, aspf r
  record 'v=DMARC1; p=reject; sp=quarantine; np=reject; adkim=s; aspf=r; rua=mailto:agg@org.dmarc, mailto:agg@reports.example; ruf=mailto:forensic@org.dmarc; fo=1'
  rua ["mailto:agg@org.dmarc","mailto:agg@reports.example"] ruf ["mailto:forensic@org.dmarc"]
org.dmarc: ok, found_at 'org.dmarc', org_domain 'org.dmarc'
  policy reject, subdomain quarantine, nonexistent reject, testing false, adkim s, aspf r
  record 'v=DMARC1; p=reject; sp=quarantine; np=reject; adkim=s; aspf=r; rua=mailto:agg@org.dmarc, mailto:agg@reports.example; ruf=mailto:forensic@org.dmarc; fo=1'
  rua ["mailto:agg@org.dmarc","mailto:agg@reports.example"] ruf ["mailto:forensic@org.dmarc"]
a.b.c.d.e.f.g.h.i.j.org.dmarc: ok, found_at 'org.dmarc', org_domain 'org.dmarc'
  policy reject, subdomain quarantine, nonexistent reject, testing false, adkim s, aspf r
  record 'v=DMARC1; p=reject; sp=quarantine; np=reject; adkim=s; aspf=r; rua=mailto:agg@org.dmarc, mailto:agg@reports.example; ruf=mailto:forensic@org.dmarc; fo=1'
  rua ["mailto:agg@org.dmarc","mailto:agg@reports.example"] ruf ["mailto:forensic@org.dmarc"]
a.mid.org.dmarc: ok, found_at 'org.dmarc', org_domain 'org.dmarc'
  policy reject, subdomain quarantine, nonexistent reject, testing false, adkim s, aspf r
  record 'v=DMARC1; p=reject; sp=quarantine; np=reject; adkim=s; aspf=r; rua=mailto:agg@org.dmarc, mailto:agg@reports.example; ruf=mailto:forensic@org.dmarc; fo=1'
  rua ["mailto:agg@org.dmarc","mailto:agg@reports.example"] ruf ["mailto:forensic@org.dmarc"]
x.div.org.dmarc: ok, found_at 'div.org.dmarc', org_domain 'div.org.dmarc'
  policy quarantine, subdomain quarantine, nonexistent quarantine, testing false, adkim r, aspf r
  record 'v=DMARC1; p=quarantine; psd=n; rua=mailto:agg@div.org.dmarc'
  rua ["mailto:agg@div.org.dmarc"] ruf []
own.org.dmarc: ok, found_at 'own.org.dmarc', org_domain 'org.dmarc'
  policy none, subdomain none, nonexistent none, testing false, adkim r, aspf r
  record 'v=DMARC1; p=none; rua=mailto:agg@org.dmarc'
  rua ["mailto:agg@org.dmarc"] ruf []
