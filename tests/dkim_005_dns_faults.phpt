--TEST--
mail_check_dkim(): a selector whose lookup times out or fails is found null with a dns_* problem (status error), never dkim_key_missing; the others are still read
--SKIPIF--
<?php $needs_dns = 'faults'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53536
mailcheck.timeout=500
--FILE--
<?php
// faultd: slow._domainkey.keys.fault.test never answers, broken is SERVFAIL, ok a 2048-bit key.
$t = hrtime(true);
$r = mail_check_dkim('keys.fault.test', ['slow', 'broken', 'ok']);
$wall = (hrtime(true) - $t) / 1e6;
echo $r['status'], "\n";
foreach ($r['selectors'] as $s) {
    printf("%s: found %s, %s %s\n", $s['selector'], var_export($s['found'], true), var_export($s['key_type'], true), var_export($s['key_bits'], true));
}
foreach ($r['problems'] as $p) {
    echo "  {$p['code']} ({$p['severity']}): {$p['message']}\n";
}
// The budget is 500 ms for all three at once; the bound is generous for a loaded machine.
var_dump($wall < 500 + 1000);
?>
--EXPECT--
error
slow: found NULL, NULL NULL
broken: found NULL, NULL NULL
ok: found true, 'rsa' 2048
  dns_timeout (error): No answer for the DKIM key (TXT) at slow._domainkey.keys.fault.test within the time budget (mailcheck.timeout = 500 ms): the resolver or the domain's name servers are slow or unreachable
  dns_servfail (error): The resolver answered SERVFAIL for the DKIM key (TXT) at broken._domainkey.keys.fault.test: the domain's name servers are broken or its DNSSEC does not validate; mail receivers will see the same failure
bool(true)
