--TEST--
mail_check_spf_record(): void lookups (include/redirect, a, mx, exists targets without records), spf_void_lookups, spf_include_missing
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

// Three a: names that do not exist.
show('void.spf.example.com');
// a and mx of a name without A/AAAA/MX, exists: of a missing name; an
// AAAA-only name is not void; a: and mx: with records are not.
show('rec-terms.spf.example.com');
// Includes without an SPF record: permerror each; two of them void (the
// one with a non-SPF TXT is not), which is still within the limit.
show('rec-missing.spf.example.com');
// The same missing include three times: three void lookups, one problem.
show('rec-dup.spf.example.com');
// Names that cannot be looked up.
show('rec-badname.spf.example.com');
?>
--EXPECT--
void.spf.example.com: fail, valid false, records_found 1, dns_lookups 3, void_lookups 3
  spf_void_lookups (fail): The SPF policy of void.spf.example.com has 3 lookups that find nothing (void lookups: a:nx1.spf.example.com, a:nx2.spf.example.com, a:nx3.spf.example.com); RFC 7208 §4.6.4 allows 2 and receivers return permerror beyond: remove the terms that name domains without records
rec-terms.spf.example.com: fail, valid false, records_found 1, dns_lookups 6, void_lookups 3
  spf_void_lookups (fail): The SPF policy of rec-terms.spf.example.com has 3 lookups that find nothing (void lookups: a:rec-terms.spf.example.com, mx:rec-terms.spf.example.com, exists:rec-nx.spf.example.com); RFC 7208 §4.6.4 allows 2 and receivers return permerror beyond: remove the terms that name domains without records
rec-missing.spf.example.com: fail, valid false, records_found 1, dns_lookups 3, void_lookups 2
  spf_include_missing (fail): explain.spf.example.com (include: in the SPF record of rec-missing.spf.example.com) publishes no SPF record: receivers return permerror for the whole policy (RFC 7208 §5.2, §6.1); fix or remove the term
  spf_include_missing (fail): rec-nx.spf.example.com (include: in the SPF record of rec-missing.spf.example.com) does not exist in DNS (NXDOMAIN): receivers return permerror for the whole policy (RFC 7208 §5.2, §6.1); fix or remove the term
  spf_include_missing (fail): none.spf.example.com (include: in the SPF record of rec-missing.spf.example.com) publishes no SPF record: receivers return permerror for the whole policy (RFC 7208 §5.2, §6.1); fix or remove the term
  include:explain.spf.example.com [0] no record (no SPF record)
  include:rec-nx.spf.example.com [0] no record (does not exist (NXDOMAIN))
  include:none.spf.example.com [0] no record (no SPF record)
rec-dup.spf.example.com: fail, valid false, records_found 1, dns_lookups 3, void_lookups 3
  spf_include_missing (fail): rec-nx.spf.example.com (include: in the SPF record of rec-dup.spf.example.com) does not exist in DNS (NXDOMAIN): receivers return permerror for the whole policy (RFC 7208 §5.2, §6.1); fix or remove the term
  spf_void_lookups (fail): The SPF policy of rec-dup.spf.example.com has 3 lookups that find nothing (void lookups: include:rec-nx.spf.example.com, include:rec-nx.spf.example.com, include:rec-nx.spf.example.com); RFC 7208 §4.6.4 allows 2 and receivers return permerror beyond: remove the terms that name domains without records
  include:rec-nx.spf.example.com [0] no record (does not exist (NXDOMAIN))
  include:rec-nx.spf.example.com [0] no record (does not exist (NXDOMAIN))
  include:rec-nx.spf.example.com [0] no record (does not exist (NXDOMAIN))
rec-badname.spf.example.com: fail, valid false, records_found 1, dns_lookups 2, void_lookups 2
  spf_include_missing (fail): a..b.spf.example.com (include: in the SPF record of rec-badname.spf.example.com) is not a domain name that can be looked up (an empty label, a label over 63 octets or over 253 in all): receivers return permerror for the whole policy (RFC 7208 §4.3, §5.2); fix the name
  spf_include_missing (fail): aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.spf.example.com (include: in the SPF record of rec-badname.spf.example.com) is not a domain name that can be looked up (an empty label, a label over 63 octets or over 253 in all): receivers return permerror for the whole policy (RFC 7208 §4.3, §5.2); fix the name
  include:a..b.spf.example.com [0] no record (not a valid domain name)
  include:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.spf.example.com [0] no record (not a valid domain name)
