--TEST--
mail_check_spf_record(): DNS lookups counted through the tree (RFC 7208 §4.6.4), spf_too_many_lookups, the node cap
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

// 11 includes: one too many.
$r = show('toomany.spf.example.com');
// Terms after "all" are never evaluated; redirect= is ignored beside "all".
show('rec-after-all.spf.example.com');
show('rec-redir-ignored.spf.example.com');
// Domain-specs with macros count as one lookup each and are not followed.
show('rec-macro.spf.example.com');
// A diamond of includes: 4 + 16 + 64 lookups, more records than the tree
// holds: counted "at least", the tree cut at 50 records.
$r = mail_check_spf_record('rec-diamond.spf.example.com');
echo $r['status'], ' ', $r['dns_lookups'], "\n";
foreach ($r['problems'] as $p) {
    echo "{$p['code']} ({$p['severity']}): {$p['message']}\n";
}
function count_nodes(array $nodes): int {
    $n = count($nodes);
    foreach ($nodes as $node) {
        $n += count_nodes($node['includes']);
    }
    return $n;
}
function sum_lookups(array $nodes): int {
    $n = 0;
    foreach ($nodes as $node) {
        $n += $node['dns_lookups'] + sum_lookups($node['includes']);
    }
    return $n;
}
var_dump(count_nodes($r['includes']) + 1, 4 + sum_lookups($r['includes']));
echo $r['includes'][3]['includes'][0]['note'], "\n";
?>
--EXPECT--
toomany.spf.example.com: fail, valid false, records_found 1, dns_lookups 11, void_lookups 0
  spf_too_many_lookups (fail): The SPF policy of toomany.spf.example.com needs 11 DNS lookups (include, a, mx, ptr, exists and redirect, counted through its includes); RFC 7208 §4.6.4 allows 10 and receivers return permerror beyond: drop unused includes, replace a and mx by ip4:/ip6: ranges, or flatten includes
  include:i1.spf.example.com [0] "v=spf1 ip4:192.0.2.1 -all"
  include:i2.spf.example.com [0] "v=spf1 ip4:192.0.2.2 -all"
  include:i3.spf.example.com [0] "v=spf1 ip4:192.0.2.3 -all"
  include:i4.spf.example.com [0] "v=spf1 ip4:192.0.2.4 -all"
  include:i5.spf.example.com [0] "v=spf1 ip4:192.0.2.5 -all"
  include:i6.spf.example.com [0] "v=spf1 ip4:192.0.2.6 -all"
  include:i7.spf.example.com [0] "v=spf1 ip4:192.0.2.7 -all"
  include:i8.spf.example.com [0] "v=spf1 ip4:192.0.2.8 -all"
  include:i9.spf.example.com [0] "v=spf1 ip4:192.0.2.9 -all"
  include:i10.spf.example.com [0] "v=spf1 ip4:192.0.2.10 -all"
  include:i11.spf.example.com [0] "v=spf1 ip4:192.0.2.11 -all"
rec-after-all.spf.example.com: ok, valid true, records_found 1, dns_lookups 0, void_lookups 0
rec-redir-ignored.spf.example.com: ok, valid true, records_found 1, dns_lookups 0, void_lookups 0
rec-macro.spf.example.com: ok, valid true, records_found 1, dns_lookups 3, void_lookups 0
  include:%{ir}._ip.spf.example.com [0] no record (has macros: it names a different domain for each message, so it is not followed without an IP)
  redirect=%{d2}.spf.example.com [0] no record (has macros: it names a different domain for each message, so it is not followed without an IP)
fail 84
spf_too_many_lookups (fail): The SPF policy of rec-diamond.spf.example.com needs at least 84 DNS lookups (include, a, mx, ptr, exists and redirect, counted through its includes); RFC 7208 §4.6.4 allows 10 and receivers return permerror beyond: drop unused includes, replace a and mx by ip4:/ip6: ranges, or flatten includes
int(50)
int(84)
not all of its include:/redirect= targets are shown or followed: the tree holds at most 50 records
