--TEST--
mail_check_spf_record(): a timeout, SERVFAIL or REFUSED for the domain's TXT is status error with a dns_* problem, not spf_missing, within mailcheck.timeout
--SKIPIF--
<?php $needs_dns = 'faults'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53536
mailcheck.timeout=500
--FILE--
<?php
// faultd: 192.0.2.1 never answers, 192.0.2.2 is SERVFAIL, 192.0.2.3 REFUSED.
foreach (['1.2.0.192.in-addr.arpa', '2.2.0.192.in-addr.arpa', '3.2.0.192.in-addr.arpa'] as $d) {
    $t = hrtime(true);
    $r = mail_check_spf_record($d);
    $wall = (hrtime(true) - $t) / 1e6;
    echo $r['domain'], ': ', $r['status'], "\n";
    var_dump($r['record'], $r['records_found'], $r['valid'], $r['dns_lookups'], $r['includes']);
    foreach ($r['problems'] as $p) {
        echo "{$p['code']} ({$p['severity']}): {$p['message']}\n";
    }
    // The budget is 500 ms; the bound is generous for a loaded machine.
    var_dump($wall < 500 + 1000);
}
?>
--EXPECT--
1.2.0.192.in-addr.arpa: error
NULL
int(0)
bool(false)
int(0)
array(0) {
}
dns_timeout (error): No answer for the SPF record (TXT) of 1.2.0.192.in-addr.arpa within the time budget (mailcheck.timeout = 500 ms): the resolver or the domain's name servers are slow or unreachable
bool(true)
2.2.0.192.in-addr.arpa: error
NULL
int(0)
bool(false)
int(0)
array(0) {
}
dns_servfail (error): The resolver answered SERVFAIL for the SPF record (TXT) of 2.2.0.192.in-addr.arpa: the domain's name servers are broken or its DNSSEC does not validate; mail receivers will see the same failure
bool(true)
3.2.0.192.in-addr.arpa: error
NULL
int(0)
bool(false)
int(0)
array(0) {
}
dns_refused (error): The resolver refused to answer for the SPF record (TXT) of 3.2.0.192.in-addr.arpa: check mailcheck.resolver (the server must allow recursion for this host)
bool(true)
