--TEST--
DNS: SERVFAIL and REFUSED are told apart, for the PTR and for the forward lookup
--SKIPIF--
<?php $needs_dns = 'faults'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53536
--FILE--
<?php
foreach (['192.0.2.2', '192.0.2.3', '192.0.2.9'] as $ip) {
    $r = mail_check_ptr($ip);
    echo $ip, ': ', $r['status'], ' ptr=', json_encode($r['ptr']), ' confirmed=', var_export($r['forward_confirmed'], true), "\n";
    foreach ($r['problems'] as $p) {
        echo "  {$p['code']} ({$p['severity']}): {$p['message']}\n";
    }
}
?>
--EXPECT--
192.0.2.2: error ptr=[] confirmed=NULL
  dns_servfail (error): The resolver answered SERVFAIL for the PTR of 192.0.2.2: the domain's name servers are broken or its DNSSEC does not validate; mail receivers will see the same failure
192.0.2.3: error ptr=[] confirmed=NULL
  dns_refused (error): The resolver refused to answer for the PTR of 192.0.2.3: check mailcheck.resolver (the server must allow recursion for this host)
192.0.2.9: error ptr=["servfail-fwd.fault.test"] confirmed=NULL
  dns_servfail (error): The resolver answered SERVFAIL for the address of servfail-fwd.fault.test: the domain's name servers are broken or its DNSSEC does not validate; mail receivers will see the same failure
