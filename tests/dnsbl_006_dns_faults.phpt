--TEST--
mail_check_dnsbl(): a zone that times out or answers SERVFAIL is that zone's error with a dns_* problem (status error), never listed; the other zones are still read
--SKIPIF--
<?php $needs_dns = 'faults'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53536
mailcheck.timeout=500
--FILE--
<?php
$t = hrtime(true);
$r = mail_check_dnsbl('203.0.113.66', ['drop.bl.fault.test', 'servfail.bl.fault.test']);
$wall = (hrtime(true) - $t) / 1e6;
printf("%s, listed %s\n", $r['status'], var_export($r['listed'], true));
foreach ($r['zones'] as $z) {
    printf("  %s: listed %s, codes %s, error %s\n", $z['zone'], var_export($z['listed'], true), json_encode($z['codes']), var_export($z['error'], true));
}
foreach ($r['problems'] as $p) {
    echo "  {$p['code']} ({$p['severity']}): {$p['message']}\n";
}
var_dump($wall < 500 + 1000);
$r = mail_check_dnsbl('203.0.113.66', ['drop.bl.fault.test', 'listed.bl.fault.test']);
echo $r['status'], ' ', var_export($r['listed'], true), ' ', implode(' ', array_column($r['problems'], 'code')), "\n";
?>
--EXPECT--
error, listed false
  drop.bl.fault.test: listed false, codes [], error 'DNS: timeout'
  servfail.bl.fault.test: listed false, codes [], error 'DNS: servfail'
  dns_timeout (error): No answer for 203.0.113.66 on the blocklist drop.bl.fault.test (A 66.113.0.203.drop.bl.fault.test) within the time budget (mailcheck.timeout = 500 ms): the resolver or the domain's name servers are slow or unreachable
  dns_servfail (error): The resolver answered SERVFAIL for 203.0.113.66 on the blocklist servfail.bl.fault.test (A 66.113.0.203.servfail.bl.fault.test): the domain's name servers are broken or its DNSSEC does not validate; mail receivers will see the same failure
bool(true)
fail true dns_timeout dnsbl_listed
