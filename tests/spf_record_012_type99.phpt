--TEST--
mail_check_spf_record(): a record of the retired DNS type SPF (99) is spf_deprecated_type99, warn
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

show('rec-type99.spf.example.com');
show('pass.spf.example.com');
?>
--EXPECT--
rec-type99.spf.example.com: warn, valid true, records_found 1, dns_lookups 0, void_lookups 0
  spf_deprecated_type99 (warn): rec-type99.spf.example.com still publishes a record of the DNS type SPF (99), which RFC 7208 §3.1 retired: receivers read only TXT; remove it so that the two cannot disagree (keep the TXT record)
pass.spf.example.com: ok, valid true, records_found 1, dns_lookups 0, void_lookups 0
