--TEST--
mail_check_spf_record(): spf_plus_all, spf_neutral_all, spf_no_all, +all in an include
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

show('rec-plus.spf.example.com');
show('rec-bare-all.spf.example.com');
show('neutral.spf.example.com');
show('rec-noall.spf.example.com');
// An included record ending in +all makes include: match everyone...
show('rec-inc-plus.spf.example.com');
// ...unless the include only gives neutral (?include:).
show('rec-inc-plus-q.spf.example.com');
?>
--EXPECT--
rec-plus.spf.example.com: fail, valid true, records_found 1, dns_lookups 0, void_lookups 0
  spf_plus_all (fail): The SPF policy of rec-plus.spf.example.com ends in +all: every IP on the internet may send mail as rec-plus.spf.example.com; list your servers and end the record in -all (or ~all)
rec-bare-all.spf.example.com: fail, valid true, records_found 1, dns_lookups 0, void_lookups 0
  spf_plus_all (fail): The SPF policy of rec-bare-all.spf.example.com ends in "all" (the same as +all): every IP on the internet may send mail as rec-bare-all.spf.example.com; list your servers and end the record in -all (or ~all)
neutral.spf.example.com: warn, valid true, records_found 1, dns_lookups 0, void_lookups 0
  spf_neutral_all (warn): The SPF policy of neutral.spf.example.com ends in ?all (neutral): receivers get no verdict for servers not listed, so forged mail is not rejected; end it in -all (or ~all)
rec-noall.spf.example.com: warn, valid true, records_found 1, dns_lookups 0, void_lookups 0
  spf_no_all (warn): The SPF policy of rec-noall.spf.example.com has no "all" and no redirect=: every server not listed gets neutral, as with ?all, so forged mail is not rejected; end the record in -all (or ~all)
rec-inc-plus.spf.example.com: fail, valid true, records_found 1, dns_lookups 1, void_lookups 0
  spf_plus_all (fail): include:rec-plus.spf.example.com in the SPF record of rec-inc-plus.spf.example.com matches every IP on the internet, because the included record ends in +all: mail from anywhere passes; remove the include or have its owner fix the record
  include:rec-plus.spf.example.com [0] "v=spf1 ip4:192.0.2.1 +all"
rec-inc-plus-q.spf.example.com: ok, valid true, records_found 1, dns_lookups 1, void_lookups 0
  include:rec-plus.spf.example.com [0] "v=spf1 ip4:192.0.2.1 +all"
