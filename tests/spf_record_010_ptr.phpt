--TEST--
mail_check_spf_record(): the ptr mechanism is spf_ptr_mechanism, warn (RFC 7208 §5.5), and counts as a lookup
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

show('rec-ptr.spf.example.com');
?>
--EXPECT--
rec-ptr.spf.example.com: warn, valid true, records_found 1, dns_lookups 2, void_lookups 0
  spf_ptr_mechanism (warn): The SPF record of rec-ptr.spf.example.com uses the ptr mechanism, which RFC 7208 §5.5 says SHOULD NOT be used: it is slow, unreliable and some receivers ignore it; list the servers with ip4:/ip6: or a: instead
