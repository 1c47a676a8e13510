--TEST--
mail_check_spf_record(): include and redirect loops are spf_include_loop, fail
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

show('rec-loop-a.spf.example.com');
show('rec-loop-b.spf.example.com');
// redirect= to itself, written in another case with a trailing dot.
show('rec-self.spf.example.com');
?>
--EXPECT--
rec-loop-a.spf.example.com: fail, valid false, records_found 1, dns_lookups 2, void_lookups 0
  spf_include_loop (fail): include: in the SPF record of rec-loop-b.spf.example.com leads back to rec-loop-a.spf.example.com, whose record is already being evaluated: the policy never ends and receivers return permerror (RFC 7208 §5.2); remove the include or redirect that closes the loop
  include:rec-loop-b.spf.example.com [1] "v=spf1 ip4:192.0.2.1 include:rec-loop-a.spf.example.com -all"
    include:rec-loop-a.spf.example.com [0] no record (loop: this domain is already on the path from the domain checked)
rec-loop-b.spf.example.com: fail, valid false, records_found 1, dns_lookups 2, void_lookups 0
  spf_include_loop (fail): include: in the SPF record of rec-loop-a.spf.example.com leads back to rec-loop-b.spf.example.com, whose record is already being evaluated: the policy never ends and receivers return permerror (RFC 7208 §5.2); remove the include or redirect that closes the loop
  include:rec-loop-a.spf.example.com [1] "v=spf1 include:rec-loop-b.spf.example.com -all"
    include:rec-loop-b.spf.example.com [0] no record (loop: this domain is already on the path from the domain checked)
rec-self.spf.example.com: fail, valid false, records_found 1, dns_lookups 1, void_lookups 0
  spf_include_loop (fail): redirect= in the SPF record of rec-self.spf.example.com leads back to REC-SELF.spf.example.com., whose record is already being evaluated: the policy never ends and receivers return permerror (RFC 7208 §5.2); remove the include or redirect that closes the loop
  redirect=REC-SELF.spf.example.com. [0] no record (loop: this domain is already on the path from the domain checked)
