--TEST--
mail_check_dnsbl(): an IPv4 address listed (dnsbl_listed, fail, with every return code and the TXT reason), not listed, and IPv4-mapped; IPv6 by reversed nibbles
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53535
--FILE--
<?php
function show(string $subject, array $zones): void {
    $r = mail_check_dnsbl($subject, $zones);
    printf("%s: %s, ip %s, domain %s, listed %s\n", $subject, $r['status'], var_export($r['ip'], true), var_export($r['domain'], true),
        var_export($r['listed'], true));
    foreach ($r['zones'] as $z) {
        printf("  %s: listed %s, codes %s, reason %s, error %s\n", $z['zone'], var_export($z['listed'], true), json_encode($z['codes']),
            var_export($z['reason'], true), var_export($z['error'], true));
    }
    foreach ($r['problems'] as $p) {
        echo "  {$p['code']} ({$p['severity']}): {$p['message']}\n";
    }
    if (array_keys($r) !== ['status', 'problems', 'elapsed_ms', 'ip', 'domain', 'listed', 'zones']) {
        echo "  unexpected keys: ", implode(', ', array_keys($r)), "\n";
    }
}
show('203.0.113.66', ['bl.dnsbl.test']);
show('203.0.113.5', ['bl.dnsbl.test']);
show('::ffff:203.0.113.66', ['BL.dnsbl.test.']);
show('127.0.0.2', ['bl.dnsbl.test']);
show('2001:db8::66', ['bl.dnsbl.test']);
show('2001:DB8:0:0:0:0:0:67', ['bl.dnsbl.test']);
?>
--EXPECT--
203.0.113.66: fail, ip '203.0.113.66', domain NULL, listed true
  bl.dnsbl.test: listed true, codes ["127.0.0.2","127.0.0.4"], reason 'Listed: 203.0.113.66 sent spam to our traps, see https://bl.example/lookup?ip=203.0.113.66', error NULL
  dnsbl_listed (fail): 203.0.113.66 is listed on bl.dnsbl.test (127.0.0.2, 127.0.0.4): "Listed: 203.0.113.66 sent spam to our traps, see https://bl.example/lookup?ip=203.0.113.66": receivers that use this list reject or junk its mail; the list's site says why and how to be delisted
203.0.113.5: ok, ip '203.0.113.5', domain NULL, listed false
  bl.dnsbl.test: listed false, codes [], reason NULL, error NULL
::ffff:203.0.113.66: fail, ip '203.0.113.66', domain NULL, listed true
  bl.dnsbl.test: listed true, codes ["127.0.0.2","127.0.0.4"], reason 'Listed: 203.0.113.66 sent spam to our traps, see https://bl.example/lookup?ip=203.0.113.66', error NULL
  dnsbl_listed (fail): 203.0.113.66 is listed on bl.dnsbl.test (127.0.0.2, 127.0.0.4): "Listed: 203.0.113.66 sent spam to our traps, see https://bl.example/lookup?ip=203.0.113.66": receivers that use this list reject or junk its mail; the list's site says why and how to be delisted
127.0.0.2: fail, ip '127.0.0.2', domain NULL, listed true
  bl.dnsbl.test: listed true, codes ["127.0.0.2"], reason NULL, error NULL
  dnsbl_listed (fail): 127.0.0.2 is listed on bl.dnsbl.test (127.0.0.2): receivers that use this list reject or junk its mail; the list's site says why and how to be delisted
2001:db8::66: fail, ip '2001:db8::66', domain NULL, listed true
  bl.dnsbl.test: listed true, codes ["127.0.0.3"], reason 'IPv6 listed: 2001:db8::66', error NULL
  dnsbl_listed (fail): 2001:db8::66 is listed on bl.dnsbl.test (127.0.0.3): "IPv6 listed: 2001:db8::66": receivers that use this list reject or junk its mail; the list's site says why and how to be delisted
2001:DB8:0:0:0:0:0:67: ok, ip '2001:db8::67', domain NULL, listed false
  bl.dnsbl.test: listed false, codes [], reason NULL, error NULL
