--TEST--
mail_check_dnsbl(): answers that mean "refused" (127.255.255.254/255, 127.0.0.1) are dnsbl_refused and a query error (outside 127.0.0.0/8) is dnsbl_error, status error with advice, never listed; all zones in one call
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53535
--FILE--
<?php
$r = mail_check_dnsbl('203.0.113.5', ['refuse.dnsbl.test', 'excess.dnsbl.test', 'blocked.dnsbl.test', 'weird.dnsbl.test', 'bl.dnsbl.test']);
printf("%s, listed %s\n", $r['status'], var_export($r['listed'], true));
foreach ($r['zones'] as $z) {
    printf("  %s: listed %s, codes %s, reason %s, error %s\n", $z['zone'], var_export($z['listed'], true), json_encode($z['codes']),
        var_export($z['reason'], true), var_export($z['error'], true));
}
foreach ($r['problems'] as $p) {
    echo "  {$p['code']} ({$p['severity']}): {$p['message']}\n";
}
// A listing elsewhere still makes it a fail.
$r = mail_check_dnsbl('203.0.113.66', ['refuse.dnsbl.test', 'bl.dnsbl.test']);
echo $r['status'], ' ', var_export($r['listed'], true), ' ', implode(' ', array_column($r['problems'], 'code')), "\n";
?>
--EXPECT--
error, listed false
  refuse.dnsbl.test: listed false, codes ["127.255.255.254"], reason 'Queries through public resolvers are refused, see https://bl.example/faq', error 'refused (127.255.255.254): the list refuses queries from public and open resolvers (Spamhaus)'
  excess.dnsbl.test: listed false, codes ["127.255.255.255"], reason NULL, error 'refused (127.255.255.255): the list refuses this resolver for excessive queries (Spamhaus)'
  blocked.dnsbl.test: listed false, codes ["127.0.0.1"], reason NULL, error 'refused (127.0.0.1): the list blocks this resolver (SURBL, URIBL: 127.0.0.1 is never a listing)'
  weird.dnsbl.test: listed false, codes ["10.0.0.1"], reason NULL, error 'query error (10.0.0.1): an address outside 127.0.0.0/8, which lists do not answer with: the list\'s domain may have lapsed and answer everything, or the resolver rewrites answers'
  bl.dnsbl.test: listed false, codes [], reason NULL, error NULL
  dnsbl_refused (error): refuse.dnsbl.test did not answer about 203.0.113.5: it returned 127.255.255.254, the list refuses queries from public and open resolvers (Spamhaus); this says nothing about the listing. Ask it through a resolver of your own (mailcheck.resolver), not a public one (8.8.8.8, 1.1.1.1) or a busy shared one, or through the list's registered query service
  dnsbl_refused (error): excess.dnsbl.test did not answer about 203.0.113.5: it returned 127.255.255.255, the list refuses this resolver for excessive queries (Spamhaus); this says nothing about the listing. Ask it through a resolver of your own (mailcheck.resolver), not a public one (8.8.8.8, 1.1.1.1) or a busy shared one, or through the list's registered query service
  dnsbl_refused (error): blocked.dnsbl.test did not answer about 203.0.113.5: it returned 127.0.0.1, the list blocks this resolver (SURBL, URIBL: 127.0.0.1 is never a listing); this says nothing about the listing. Ask it through a resolver of your own (mailcheck.resolver), not a public one (8.8.8.8, 1.1.1.1) or a busy shared one, or through the list's registered query service
  dnsbl_error (error): weird.dnsbl.test answered 10.0.0.1 for 203.0.113.5: an address outside 127.0.0.0/8, which lists do not answer with: the list's domain may have lapsed and answer everything, or the resolver rewrites answers; not counted as a listing. Check the zone name and the resolver (mailcheck.resolver)
fail true dnsbl_refused dnsbl_listed
