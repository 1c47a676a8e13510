--TEST--
mail_check_spf_record(): spf_multiple_records and spf_syntax, at the domain and in includes
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

$r = show('multi.spf.example.com');
var_dump($r['record']);
$r = show('syntax.spf.example.com');
var_dump($r['record']);
show('rec-inc-syntax.spf.example.com');
show('rec-inc-multi.spf.example.com');
?>
--EXPECT--
multi.spf.example.com: fail, valid false, records_found 2, dns_lookups 0, void_lookups 0
  spf_multiple_records (fail): multi.spf.example.com publishes 2 SPF records (TXT records starting with v=spf1): RFC 7208 §4.5 makes that a permerror; merge them into one
NULL
syntax.spf.example.com: fail, valid false, records_found 1, dns_lookups 0, void_lookups 0
  spf_syntax (fail): The SPF record of syntax.spf.example.com is not valid at position 12: "203.0.113.300" is not an IPv4 address (four numbers 0-255 without leading zeros); receivers return permerror for the whole policy until it is fixed
string(29) "v=spf1 ip4:203.0.113.300 -all"
rec-inc-syntax.spf.example.com: fail, valid false, records_found 1, dns_lookups 2, void_lookups 0
  spf_syntax (fail): The SPF record of syntax.spf.example.com (include: in the SPF record of rec-inc-syntax2.spf.example.com) is not valid at position 12: "203.0.113.300" is not an IPv4 address (four numbers 0-255 without leading zeros); receivers return permerror for the whole policy until it is fixed
  include:rec-inc-syntax2.spf.example.com [1] "v=spf1 include:syntax.spf.example.com -all"
    include:syntax.spf.example.com [0] "v=spf1 ip4:203.0.113.300 -all" (invalid SPF record)
rec-inc-multi.spf.example.com: fail, valid false, records_found 1, dns_lookups 1, void_lookups 0
  spf_multiple_records (fail): multi.spf.example.com (include: in the SPF record of rec-inc-multi.spf.example.com) publishes 2 SPF records (TXT records starting with v=spf1): RFC 7208 §4.5 makes that a permerror; merge them into one
  include:multi.spf.example.com [0] no record (more than one SPF record)
