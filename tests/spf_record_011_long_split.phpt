--TEST--
mail_check_spf_record(): a record split over strings, a record over 512 bytes (fetched over TCP) is spf_record_too_long
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

// Strings are joined without a space (RFC 7208 §3.3).
$r = show('split.spf.example.com');
var_dump($r['record']);
// 1080 bytes of record in 5 strings: 1085 bytes of RDATA, fetched over TCP.
$r = show('big.spf.example.com');
var_dump(strlen($r['record']), str_ends_with($r['record'], ' ip4:203.0.113.5 -all'), substr_count($r['record'], 'ip4:'));
$r = mail_check_spf_record('rec-big-inc.spf.example.com');
echo $r['status'], "\n";
foreach ($r['problems'] as $p) {
    echo "{$p['code']} ({$p['severity']}): {$p['message']}\n";
}
var_dump(strlen($r['includes'][0]['record']), $r['includes'][1]['record']);
?>
--EXPECT--
split.spf.example.com: ok, valid true, records_found 1, dns_lookups 0, void_lookups 0
string(27) "v=spf1 ip4:203.0.113.5 -all"
big.spf.example.com: warn, valid true, records_found 1, dns_lookups 0, void_lookups 0
  spf_record_too_long (warn): The SPF record of big.spf.example.com takes 1085 bytes in DNS, more than the 512 of a plain UDP answer: resolvers must retry over TCP and some fail, which receivers see as temperror; shorten it (CIDR ranges instead of single addresses, drop unused terms)
int(1080)
bool(true)
int(60)
warn
spf_record_too_long (warn): The SPF record of big.spf.example.com (include: in the SPF record of rec-big-inc.spf.example.com) takes 1085 bytes in DNS, more than the 512 of a plain UDP answer: resolvers must retry over TCP and some fail, which receivers see as temperror; shorten it (CIDR ranges instead of single addresses, drop unused terms)
int(1080)
string(27) "v=spf1 ip4:203.0.113.5 -all"
