--TEST--
mail_check_spf_record(): no SPF record (no TXT, only other TXT, no such domain) is spf_missing, warn
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53535
--FILE--
<?php
function show(string $domain): array {
    $r = mail_check_spf_record($domain);
    printf("%s: %s, valid %s, records_found %d, dns_lookups %d, void_lookups %d\n", $r['domain'], $r['status'],
        var_export($r['valid'], true), $r['records_found'], $r['dns_lookups'], $r['void_lookups']);
    foreach ($r['problems'] as $p) {
        echo "  {$p['code']} ({$p['severity']}): {$p['message']}\n";
    }
    tree($r['includes'], '  ');
    return $r;
}
function tree(array $nodes, string $indent): void {
    foreach ($nodes as $n) {
        printf("%s%s%s%s [%d]%s%s\n", $indent, $n['mechanism'], $n['mechanism'] === 'include' ? ':' : '=', $n['domain'], $n['dns_lookups'],
            $n['record'] === null ? ' no record' : ' "' . $n['record'] . '"', $n['note'] === null ? '' : " ({$n['note']})");
        tree($n['includes'], $indent . '  ');
    }
}

foreach (['none.spf.example.com', 'explain.spf.example.com', 'nx.spf.example.com'] as $d) {
    $r = show($d);
    var_dump($r['record'], $r['includes']);
}
?>
--EXPECT--
none.spf.example.com: warn, valid false, records_found 0, dns_lookups 0, void_lookups 0
  spf_missing (warn): none.spf.example.com publishes no SPF record: add a TXT record such as "v=spf1 mx -all" that lists the servers sending its mail and ends in -all or ~all (Gmail and Yahoo require SPF or DKIM)
NULL
array(0) {
}
explain.spf.example.com: warn, valid false, records_found 0, dns_lookups 0, void_lookups 0
  spf_missing (warn): explain.spf.example.com publishes no SPF record: add a TXT record such as "v=spf1 mx -all" that lists the servers sending its mail and ends in -all or ~all (Gmail and Yahoo require SPF or DKIM)
NULL
array(0) {
}
nx.spf.example.com: warn, valid false, records_found 0, dns_lookups 0, void_lookups 0
  spf_missing (warn): nx.spf.example.com does not exist in DNS (NXDOMAIN), so it publishes no SPF record: check the spelling of the domain
NULL
array(0) {
}
