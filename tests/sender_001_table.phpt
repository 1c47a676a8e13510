--TEST--
mail_check_sender(): good and bad addresses against real MX / null MX / A-only / NXDOMAIN / IDN fixtures
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53535
--FILE--
<?php
$cases = [
    'noreply@example.net', 'Shop <noreply@example.net>', '"Shop, Inc." <noreply@example.net>', '<noreply@example.net>',
    'NoReply@EXAMPLE.net.', '"john doe"@example.net', 'info@bücher.example.net',
    'x@nullmx.example.net', 'x@implicit.example.com', 'x@web01.example.net', 'x@nothing.example.net', 'x@nomail.example.net',
    'www-data@localhost', 'root@web01.internal', 'apache@shop.local', 'nobody@example.net', 'x@mail.test',
    'x@printer.lan', 'x@router.home.arpa', 'x@localhost.localdomain', 'x@intranet', 'x@[192.0.2.1]',
];
foreach ($cases as $a) {
    $r = mail_check_sender($a);
    printf("%-40s %-5s %-35s mx=%s null=%s %s\n", json_encode($a, JSON_UNESCAPED_UNICODE), $r['status'], (string)$r['address'],
        implode('/', array_map(fn($m) => "{$m['preference']} {$m['host']}", $r['mx'])), $r['null_mx'] ? 'y' : 'n',
        implode(',', array_column($r['problems'], 'code')));
}
$r = mail_check_sender('"Shop, Inc." <noreply@example.net>');
var_dump($r['display_name'], $r['local'], $r['domain']);
var_dump(array_keys($r));
?>
--EXPECT--
"noreply@example.net"                    ok    noreply@example.net                 mx=10 mx.example.net null=n 
"Shop <noreply@example.net>"             ok    noreply@example.net                 mx=10 mx.example.net null=n 
"\"Shop, Inc.\" <noreply@example.net>"   ok    noreply@example.net                 mx=10 mx.example.net null=n 
"<noreply@example.net>"                  ok    noreply@example.net                 mx=10 mx.example.net null=n 
"NoReply@EXAMPLE.net."                   ok    NoReply@example.net                 mx=10 mx.example.net null=n 
"\"john doe\"@example.net"               ok    "john doe"@example.net              mx=10 mx.example.net null=n 
"info@bücher.example.net"               ok    info@xn--bcher-kva.example.net      mx=10 mx.example.net null=n 
"x@nullmx.example.net"                   fail  x@nullmx.example.net                mx=0 . null=y sender_null_mx
"x@implicit.example.com"                 warn  x@implicit.example.com              mx= null=n sender_implicit_mx
"x@web01.example.net"                    warn  x@web01.example.net                 mx= null=n sender_host_not_domain
"x@nothing.example.net"                  fail  x@nothing.example.net               mx= null=n sender_no_mail_host
"x@nomail.example.net"                   fail  x@nomail.example.net                mx= null=n sender_no_mail_host
"www-data@localhost"                     fail  www-data@localhost                  mx= null=n sender_system_account,sender_reserved_domain
"root@web01.internal"                    fail  root@web01.internal                 mx= null=n sender_system_account,sender_reserved_domain
"apache@shop.local"                      fail  apache@shop.local                   mx= null=n sender_system_account,sender_reserved_domain
"nobody@example.net"                     warn  nobody@example.net                  mx=10 mx.example.net null=n sender_system_account
"x@mail.test"                            fail  x@mail.test                         mx= null=n sender_reserved_domain
"x@printer.lan"                          fail  x@printer.lan                       mx= null=n sender_reserved_domain
"x@router.home.arpa"                     fail  x@router.home.arpa                  mx= null=n sender_reserved_domain
"x@localhost.localdomain"                fail  x@localhost.localdomain             mx= null=n sender_reserved_domain
"x@intranet"                             fail  x@intranet                          mx= null=n sender_reserved_domain
"x@[192.0.2.1]"                          fail  x@[192.0.2.1]                       mx= null=n sender_domain_literal
string(10) "Shop, Inc."
string(7) "noreply"
string(11) "example.net"
array(9) {
  [0]=>
  string(6) "status"
  [1]=>
  string(8) "problems"
  [2]=>
  string(10) "elapsed_ms"
  [3]=>
  string(7) "address"
  [4]=>
  string(5) "local"
  [5]=>
  string(6) "domain"
  [6]=>
  string(12) "display_name"
  [7]=>
  string(2) "mx"
  [8]=>
  string(7) "null_mx"
}
