--TEST--
DNS: mailcheck.resolver and mailcheck.timeout are validated; a new resolver gets a new channel and an empty cache
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53535
--FILE--
<?php
foreach (['dns.example.com', '127.0.0.1:0', '127.0.0.1:65536', '[::1', '::1]:53', '127.0.0.1:5x', '300.1.1.1'] as $bad) {
    var_dump(ini_set('mailcheck.resolver', $bad));
}
var_dump(ini_get('mailcheck.resolver'));
foreach (['0', '9', '60001', 'abc'] as $bad) {
    var_dump(ini_set('mailcheck.timeout', $bad));
}
var_dump(ini_get('mailcheck.timeout'));

echo mail_check_ptr('203.0.113.5')['status'], "\n";
// The same IP through the fault server, which refuses names it does not
// serve: the answer above must not be reused from the cache.
ini_set('mailcheck.resolver', '127.0.0.1:53536');
echo mail_check_ptr('203.0.113.5')['problems'][0]['code'], "\n";
// Lists with IPv6 and ports; the first server answers.
var_dump(ini_set('mailcheck.resolver', '[::1]:53535, 127.0.0.1:53535'));
echo mail_check_ptr('203.0.113.5')['hostname'], "\n";
?>
--EXPECTF--
Warning: ini_set(): Invalid mailcheck.resolver: "dns.example.com" is not an IPv4 address (names are not accepted: the resolver cannot resolve itself) in %s on line %d
bool(false)

Warning: ini_set(): Invalid mailcheck.resolver: server 127.0.0.1: port "0" is not a number from 1 to 65535 in %s on line %d
bool(false)

Warning: ini_set(): Invalid mailcheck.resolver: server 127.0.0.1: port "65536" is not a number from 1 to 65535 in %s on line %d
bool(false)

Warning: ini_set(): Invalid mailcheck.resolver: server "[::1": expected [IPv6]:port in %s on line %d
bool(false)

Warning: ini_set(): Invalid mailcheck.resolver: "::1]:53" is not an IPv6 address (names are not accepted: the resolver cannot resolve itself) in %s on line %d
bool(false)

Warning: ini_set(): Invalid mailcheck.resolver: server 127.0.0.1: port "5x" is not a number from 1 to 65535 in %s on line %d
bool(false)

Warning: ini_set(): Invalid mailcheck.resolver: "300.1.1.1" is not an IPv4 address (names are not accepted: the resolver cannot resolve itself) in %s on line %d
bool(false)
string(15) "127.0.0.1:53535"

Warning: ini_set(): Invalid mailcheck.timeout "0": must be 10 to 60000 (milliseconds) in %s on line %d
bool(false)

Warning: ini_set(): Invalid mailcheck.timeout "9": must be 10 to 60000 (milliseconds) in %s on line %d
bool(false)

Warning: ini_set(): Invalid mailcheck.timeout "60001": must be 10 to 60000 (milliseconds) in %s on line %d
bool(false)

Warning: ini_set(): Invalid mailcheck.timeout "abc": must be 10 to 60000 (milliseconds) in %s on line %d
bool(false)
string(4) "2000"
ok
dns_refused
string(15) "127.0.0.1:53536"
mail.example.com
