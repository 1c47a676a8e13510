--TEST--
mail_check_spf_record($domain, $record): a draft record checked as if the domain published it: its includes resolved, lookups and void lookups counted, its problems reported; a text that is no SPF record is a ValueError
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53535
--FILE--
<?php
function show(string $domain, ?string $draft): void {
    $r = mail_check_spf_record($domain, $draft);
    printf("%s: %s, record %s, valid %s, dns_lookups %d, void_lookups %d, includes %s\n", $r['domain'], $r['status'],
        var_export($r['record'], true), var_export($r['valid'], true), $r['dns_lookups'], $r['void_lookups'],
        implode(',', array_map(fn($n) => $n['domain'] . ($n['record'] === null ? ' (none)' : ''), $r['includes'])));
    foreach ($r['problems'] as $p) {
        echo "  {$p['code']} ({$p['severity']})\n";
    }
}
// The published record, then a draft for the same domain: the draft wins.
show('pass.spf.example.com', null);
show('pass.spf.example.com', 'v=spf1 include:i1.spf.example.com include:i2.spf.example.com -all');
// A domain with no record yet: the draft is what would be published.
show('nothing-here.spf.example.com', 'v=spf1 a:nx1.spf.example.com a:nx2.spf.example.com a:nx3.spf.example.com -all');
// Eleven includes: too many, as if published.
show('example.com', 'v=spf1 ' . implode(' ', array_map(fn($i) => "include:i$i.spf.example.com", range(1, 11))) . ' -all');
// An include that does not exist, and a syntax error.
show('example.com', 'v=spf1 include:nx1.spf.example.com -all');
show('example.com', 'v=spf1 ip4:203.0.113.300 -all');
// Longer than one TXT string: split as it would be published, still one record.
show('example.com', 'v=spf1 ' . implode(' ', array_map(fn($i) => "ip4:192.0.2.$i", range(1, 40))) . ' -all');

foreach (['not spf', "v=spf1 -all\r\nX: y", '', str_repeat('v=spf1 ', 700)] as $bad) {
    try {
        mail_check_spf_record('example.com', $bad);
        echo "accepted\n";
    } catch (ValueError $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
?>
--EXPECT--
pass.spf.example.com: ok, record 'v=spf1 ip4:203.0.113.0/24 ip6:2001:db8::/32 -all', valid true, dns_lookups 0, void_lookups 0, includes 
pass.spf.example.com: ok, record 'v=spf1 include:i1.spf.example.com include:i2.spf.example.com -all', valid true, dns_lookups 2, void_lookups 0, includes i1.spf.example.com,i2.spf.example.com
nothing-here.spf.example.com: fail, record 'v=spf1 a:nx1.spf.example.com a:nx2.spf.example.com a:nx3.spf.example.com -all', valid false, dns_lookups 3, void_lookups 3, includes 
  spf_void_lookups (fail)
example.com: fail, record 'v=spf1 include:i1.spf.example.com include:i2.spf.example.com include:i3.spf.example.com include:i4.spf.example.com include:i5.spf.example.com include:i6.spf.example.com include:i7.spf.example.com include:i8.spf.example.com include:i9.spf.example.com include:i10.spf.example.com include:i11.spf.example.com -all', valid false, dns_lookups 11, void_lookups 0, includes i1.spf.example.com,i2.spf.example.com,i3.spf.example.com,i4.spf.example.com,i5.spf.example.com,i6.spf.example.com,i7.spf.example.com,i8.spf.example.com,i9.spf.example.com,i10.spf.example.com,i11.spf.example.com
  spf_too_many_lookups (fail)
example.com: fail, record 'v=spf1 include:nx1.spf.example.com -all', valid false, dns_lookups 1, void_lookups 1, includes nx1.spf.example.com (none)
  spf_include_missing (fail)
example.com: fail, record 'v=spf1 ip4:203.0.113.300 -all', valid false, dns_lookups 0, void_lookups 0, includes 
  spf_syntax (fail)
example.com: warn, record 'v=spf1 ip4:192.0.2.1 ip4:192.0.2.2 ip4:192.0.2.3 ip4:192.0.2.4 ip4:192.0.2.5 ip4:192.0.2.6 ip4:192.0.2.7 ip4:192.0.2.8 ip4:192.0.2.9 ip4:192.0.2.10 ip4:192.0.2.11 ip4:192.0.2.12 ip4:192.0.2.13 ip4:192.0.2.14 ip4:192.0.2.15 ip4:192.0.2.16 ip4:192.0.2.17 ip4:192.0.2.18 ip4:192.0.2.19 ip4:192.0.2.20 ip4:192.0.2.21 ip4:192.0.2.22 ip4:192.0.2.23 ip4:192.0.2.24 ip4:192.0.2.25 ip4:192.0.2.26 ip4:192.0.2.27 ip4:192.0.2.28 ip4:192.0.2.29 ip4:192.0.2.30 ip4:192.0.2.31 ip4:192.0.2.32 ip4:192.0.2.33 ip4:192.0.2.34 ip4:192.0.2.35 ip4:192.0.2.36 ip4:192.0.2.37 ip4:192.0.2.38 ip4:192.0.2.39 ip4:192.0.2.40 -all', valid true, dns_lookups 0, void_lookups 0, includes 
  spf_record_too_long (warn)
ValueError: mail_check_spf_record(): Argument #2 ($record) must be an SPF record (starting with "v=spf1")
ValueError: mail_check_spf_record(): Argument #2 ($record) must not contain control characters (0x0D at byte 12)
ValueError: mail_check_spf_record(): Argument #2 ($record) must not be empty
ValueError: mail_check_spf_record(): Argument #2 ($record) must be at most 4096 bytes long, 4900 given
