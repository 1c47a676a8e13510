--TEST--
mail_check_spf_record(): a valid record without includes, the result's keys and types
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

$r = mail_check_spf_record('pass.spf.example.com');
var_dump(is_float($r['elapsed_ms']) && $r['elapsed_ms'] >= 0);
unset($r['elapsed_ms']);
var_dump($r);
// Lower case, the trailing dot dropped; other TXT records at the name ignored.
$r = mail_check_spf_record('PASS.Spf.Example.COM.');
var_dump($r['domain'], $r['status'], $r['record'], $r['records_found']);
// ~all is fine: a softfail for everyone else.
show('soft.spf.example.com');
?>
--EXPECT--
bool(true)
array(9) {
  ["status"]=>
  string(2) "ok"
  ["problems"]=>
  array(0) {
  }
  ["domain"]=>
  string(20) "pass.spf.example.com"
  ["record"]=>
  string(48) "v=spf1 ip4:203.0.113.0/24 ip6:2001:db8::/32 -all"
  ["records_found"]=>
  int(1)
  ["valid"]=>
  bool(true)
  ["dns_lookups"]=>
  int(0)
  ["void_lookups"]=>
  int(0)
  ["includes"]=>
  array(0) {
  }
}
string(20) "pass.spf.example.com"
string(2) "ok"
string(48) "v=spf1 ip4:203.0.113.0/24 ip6:2001:db8::/32 -all"
int(1)
soft.spf.example.com: ok, valid true, records_found 1, dns_lookups 0, void_lookups 0
