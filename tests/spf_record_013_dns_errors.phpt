--TEST--
mail_check_spf_record(): lookups the resolver refuses are dns_refused, error, once per kind with a count
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

// The fixture server is authoritative only: names elsewhere are REFUSED.
show('rec-refused.spf.example.com');
show('rec-refused-a.spf.example.com');
?>
--EXPECT--
rec-refused.spf.example.com: error, valid true, records_found 1, dns_lookups 2, void_lookups 0
  dns_refused (error): The resolver refused to answer for the SPF record (TXT) of _spf.elsewhere.test (include: in the SPF record of rec-refused.spf.example.com) and 1 other lookup: check mailcheck.resolver (the server must allow recursion for this host)
  include:_spf.elsewhere.test [0] no record (DNS lookup refused by the resolver)
  include:_spf2.elsewhere.test [0] no record (DNS lookup refused by the resolver)
rec-refused-a.spf.example.com: error, valid true, records_found 1, dns_lookups 2, void_lookups 0
  dns_refused (error): The resolver refused to answer for the A/AAAA records of mail.elsewhere.test (a: in the SPF record of rec-refused-a.spf.example.com) and 1 other lookup: check mailcheck.resolver (the server must allow recursion for this host)
