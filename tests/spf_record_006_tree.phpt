--TEST--
mail_check_spf_record(): the include tree, three includes deep, with a redirect and mx
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

$r = mail_check_spf_record('nest.spf.example.com');
unset($r['elapsed_ms']);
var_dump($r);
show('rec-tree.spf.example.com');
// Names as written in the record, case and trailing dot kept.
show('rec-case.spf.example.com');
?>
--EXPECT--
array(9) {
  ["status"]=>
  string(2) "ok"
  ["problems"]=>
  array(0) {
  }
  ["domain"]=>
  string(20) "nest.spf.example.com"
  ["record"]=>
  string(38) "v=spf1 include:n1.spf.example.com -all"
  ["records_found"]=>
  int(1)
  ["valid"]=>
  bool(true)
  ["dns_lookups"]=>
  int(3)
  ["void_lookups"]=>
  int(0)
  ["includes"]=>
  array(1) {
    [0]=>
    array(6) {
      ["domain"]=>
      string(18) "n1.spf.example.com"
      ["mechanism"]=>
      string(7) "include"
      ["record"]=>
      string(38) "v=spf1 include:n2.spf.example.com -all"
      ["dns_lookups"]=>
      int(1)
      ["note"]=>
      NULL
      ["includes"]=>
      array(1) {
        [0]=>
        array(6) {
          ["domain"]=>
          string(18) "n2.spf.example.com"
          ["mechanism"]=>
          string(7) "include"
          ["record"]=>
          string(38) "v=spf1 include:n3.spf.example.com -all"
          ["dns_lookups"]=>
          int(1)
          ["note"]=>
          NULL
          ["includes"]=>
          array(1) {
            [0]=>
            array(6) {
              ["domain"]=>
              string(18) "n3.spf.example.com"
              ["mechanism"]=>
              string(7) "include"
              ["record"]=>
              string(27) "v=spf1 ip4:203.0.113.5 -all"
              ["dns_lookups"]=>
              int(0)
              ["note"]=>
              NULL
              ["includes"]=>
              array(0) {
              }
            }
          }
        }
      }
    }
  }
}
rec-tree.spf.example.com: ok, valid true, records_found 1, dns_lookups 7, void_lookups 0
  include:nest.spf.example.com [1] "v=spf1 include:n1.spf.example.com -all"
    include:n1.spf.example.com [1] "v=spf1 include:n2.spf.example.com -all"
      include:n2.spf.example.com [1] "v=spf1 include:n3.spf.example.com -all"
        include:n3.spf.example.com [0] "v=spf1 ip4:203.0.113.5 -all"
  include:redir.spf.example.com [1] "v=spf1 redirect=pass.spf.example.com"
    redirect=pass.spf.example.com [0] "v=spf1 ip4:203.0.113.0/24 ip6:2001:db8::/32 -all"
rec-case.spf.example.com: ok, valid true, records_found 1, dns_lookups 1, void_lookups 0
  include:N3.SPF.EXAMPLE.COM. [0] "v=spf1 ip4:203.0.113.5 -all"
