--TEST--
mail_check_spf_record(): redirect= is followed, and the policy's end is that of the redirect target
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

$r = show('redir.spf.example.com');
var_dump($r['includes'][0]['mechanism']);
show('rec-redir-neutral.spf.example.com');
show('rec-redir-noall.spf.example.com');
show('rec-redir-plus.spf.example.com');
show('rec-redir-missing.spf.example.com');
?>
--EXPECT--
redir.spf.example.com: ok, valid true, records_found 1, dns_lookups 1, void_lookups 0
  redirect=pass.spf.example.com [0] "v=spf1 ip4:203.0.113.0/24 ip6:2001:db8::/32 -all"
string(8) "redirect"
rec-redir-neutral.spf.example.com: warn, valid true, records_found 1, dns_lookups 1, void_lookups 0
  spf_neutral_all (warn): The SPF policy of rec-redir-neutral.spf.example.com (through redirect= to neutral.spf.example.com) ends in ?all (neutral): receivers get no verdict for servers not listed, so forged mail is not rejected; end it in -all (or ~all)
  redirect=neutral.spf.example.com [0] "v=spf1 ?all"
rec-redir-noall.spf.example.com: warn, valid true, records_found 1, dns_lookups 1, void_lookups 0
  spf_no_all (warn): The SPF policy of rec-redir-noall.spf.example.com (through redirect= to rec-noall.spf.example.com) has no "all" and no redirect=: every server not listed gets neutral, as with ?all, so forged mail is not rejected; end the record in -all (or ~all)
  redirect=rec-noall.spf.example.com [0] "v=spf1 ip4:192.0.2.1"
rec-redir-plus.spf.example.com: fail, valid true, records_found 1, dns_lookups 2, void_lookups 0
  spf_plus_all (fail): The SPF policy of rec-redir-plus.spf.example.com (through redirect= to rec-bare-all.spf.example.com) ends in "all" (the same as +all): every IP on the internet may send mail as rec-redir-plus.spf.example.com; list your servers and end the record in -all (or ~all)
  redirect=rec-redir-bare.spf.example.com [1] "v=spf1 redirect=rec-bare-all.spf.example.com"
    redirect=rec-bare-all.spf.example.com [0] "v=spf1 ip4:192.0.2.1 all"
rec-redir-missing.spf.example.com: fail, valid false, records_found 1, dns_lookups 1, void_lookups 1
  spf_include_missing (fail): rec-nx.spf.example.com (redirect= in the SPF record of rec-redir-missing.spf.example.com) does not exist in DNS (NXDOMAIN): receivers return permerror for the whole policy (RFC 7208 §5.2, §6.1); fix or remove the term
  redirect=rec-nx.spf.example.com [0] no record (does not exist (NXDOMAIN))
