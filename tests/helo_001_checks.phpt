--TEST--
mail_check_helo(): FQDN, resolves, matches the IP and its forward-confirmed PTR; localhost-like names, address literals
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53535
--FILE--
<?php
$cases = [
    ['mail.example.com', '203.0.113.5'], ['MAIL.example.com.', '203.0.113.5'], ['mail.example.com', null],
    ['mail.example.com', '203.0.113.9'], ['mx9.example.com', '203.0.113.9'], ['mail14.example.com', '203.0.113.6'],
    ['localhost', null], ['localhost.localdomain', '203.0.113.5'], ['web01.local', null], ['mailgate', null],
    ['[203.0.113.5]', '203.0.113.5'], ['203.0.113.5', null], ['[IPv6:2001:db8::25]', '2001:db8::25'],
    ['nothing.example.com', null], ['mail6.example.com', '2001:db8::25'], ['dual.example.com', null],
];
foreach ($cases as [$h, $ip]) {
    $r = mail_check_helo($h, $ip);
    printf("%s %s => %s fqdn=%s addresses=%s ip=%s ptr=%s %s\n", $h, $ip ?? '-', $r['status'], json_encode($r['fqdn']),
        json_encode($r['addresses']), json_encode($r['matches_ip']), json_encode($r['matches_ptr']), implode(',', array_column($r['problems'], 'code')));
}
foreach (mail_check_helo('mail.example.com', '203.0.113.9')['problems'] as $p) {
    echo "{$p['code']}: {$p['message']}\n";
}
try {
    mail_check_helo('mail.example.com', 'not-an-ip');
} catch (ValueError $e) {
    echo $e->getMessage(), "\n";
}
try {
    mail_check_helo("mail\0.example.com");
} catch (ValueError $e) {
    echo $e->getMessage(), "\n";
}
?>
--EXPECT--
mail.example.com 203.0.113.5 => ok fqdn=true addresses=["203.0.113.5"] ip=true ptr=true 
MAIL.example.com. 203.0.113.5 => ok fqdn=true addresses=["203.0.113.5"] ip=true ptr=true 
mail.example.com - => ok fqdn=true addresses=["203.0.113.5"] ip=null ptr=null 
mail.example.com 203.0.113.9 => warn fqdn=true addresses=["203.0.113.5"] ip=false ptr=false helo_ip_mismatch,helo_mismatch
mx9.example.com 203.0.113.9 => ok fqdn=true addresses=["203.0.113.9"] ip=true ptr=true 
mail14.example.com 203.0.113.6 => warn fqdn=true addresses=["203.0.113.14"] ip=false ptr=false helo_ip_mismatch,helo_mismatch
localhost - => fail fqdn=false addresses=[] ip=null ptr=null helo_localhost
localhost.localdomain 203.0.113.5 => fail fqdn=false addresses=[] ip=false ptr=false helo_localhost
web01.local - => fail fqdn=false addresses=[] ip=null ptr=null helo_localhost
mailgate - => fail fqdn=false addresses=[] ip=null ptr=null helo_not_fqdn
[203.0.113.5] 203.0.113.5 => warn fqdn=false addresses=["203.0.113.5"] ip=true ptr=false helo_ip_literal
203.0.113.5 - => warn fqdn=false addresses=["203.0.113.5"] ip=null ptr=null helo_ip_literal
[IPv6:2001:db8::25] 2001:db8::25 => warn fqdn=false addresses=["2001:db8::25"] ip=true ptr=false helo_ip_literal
nothing.example.com - => warn fqdn=true addresses=[] ip=null ptr=null helo_no_address
mail6.example.com 2001:db8::25 => ok fqdn=true addresses=["2001:db8::25"] ip=true ptr=true 
dual.example.com - => ok fqdn=true addresses=["203.0.113.16","2001:db8::16"] ip=null ptr=null 
helo_ip_mismatch: The HELO name mail.example.com does not resolve to the sending IP 203.0.113.9: point its A/AAAA record at 203.0.113.9, or announce the name that does
helo_mismatch: The HELO name mail.example.com is not the PTR name of 203.0.113.9 (mx9.example.com): set the MTA's announced name (postfix: myhostname) to mx9.example.com, or the PTR to mail.example.com
mail_check_helo(): Argument #2 ($ip) must be a valid IPv4 or IPv6 address
mail_check_helo(): Argument #1 ($helo) must not contain any null bytes
