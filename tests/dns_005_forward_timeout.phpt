--TEST--
DNS: the PTR answers but its name's address never does: error, forward_confirmed unknown (null)
--SKIPIF--
<?php $needs_dns = 'faults'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53536
mailcheck.timeout=400
--FILE--
<?php
$r = mail_check_ptr('192.0.2.7', 'fwd-timeout.fault.test');
var_dump($r['status'], $r['ptr'], $r['hostname'], $r['forward_confirmed'], $r['helo_matches']);
echo $r['problems'][0]['code'], ': ', $r['problems'][0]['message'], "\n";
?>
--EXPECT--
string(5) "error"
array(1) {
  [0]=>
  string(22) "fwd-timeout.fault.test"
}
NULL
NULL
bool(true)
dns_timeout: No answer for the address of fwd-timeout.fault.test within the time budget (mailcheck.timeout = 400 ms): the resolver or the domain's name servers are slow or unreachable
