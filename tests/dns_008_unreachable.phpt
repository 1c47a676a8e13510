--TEST--
DNS: no server listening on the resolver's port is dns_unreachable, not a hang
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:9
mailcheck.timeout=3000
--FILE--
<?php
$t = hrtime(true);
$r = mail_check_ptr('203.0.113.5');
$wall = (hrtime(true) - $t) / 1e6;
var_dump($r['status']);
echo $r['problems'][0]['code'], ': ', $r['problems'][0]['message'], "\n";
var_dump($wall < 3000 + 1000);
?>
--EXPECT--
string(5) "error"
dns_unreachable: No DNS server could be reached to look up the PTR of 203.0.113.5: check mailcheck.resolver or /etc/resolv.conf
bool(true)
