--TEST--
mail_check_ptr(): a PTR name or a HELO that only means "this machine" (localhost.localdomain, localhost, *.local) is a fail, ptr_localhost / helo_localhost, and the PTR name is not looked up
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53535
--FILE--
<?php
// 203.0.113.42 PTR localhost.localdomain.; 203.0.113.5 PTR mail.example.com (confirmed).
foreach ([['203.0.113.42', null], ['203.0.113.42', 'localhost.localdomain'], ['203.0.113.5', 'localhost.localdomain'],
          ['203.0.113.5', 'LOCALHOST'], ['203.0.113.5', 'web01.local.'], ['203.0.113.5', 'mail.example.com']] as [$ip, $helo]) {
    $r = mail_check_ptr($ip, $helo);
    printf("%s %s => %s ptr=%s confirmed=%s helo_matches=%s %s\n", $ip, $helo ?? '-', $r['status'], json_encode($r['ptr']),
        json_encode($r['forward_confirmed']), json_encode($r['helo_matches']), implode(',', array_column($r['problems'], 'code')));
}
echo mail_check_ptr('203.0.113.42')['problems'][0]['message'], "\n";
echo mail_check_ptr('203.0.113.5', 'localhost.localdomain')['problems'][0]['message'], "\n";
?>
--EXPECT--
203.0.113.42 - => fail ptr=["localhost.localdomain"] confirmed=false helo_matches=null ptr_localhost
203.0.113.42 localhost.localdomain => fail ptr=["localhost.localdomain"] confirmed=false helo_matches=true ptr_localhost,helo_localhost
203.0.113.5 localhost.localdomain => fail ptr=["mail.example.com"] confirmed=true helo_matches=false helo_localhost
203.0.113.5 LOCALHOST => fail ptr=["mail.example.com"] confirmed=true helo_matches=false helo_localhost
203.0.113.5 web01.local. => fail ptr=["mail.example.com"] confirmed=true helo_matches=false helo_localhost
203.0.113.5 mail.example.com => ok ptr=["mail.example.com"] confirmed=true helo_matches=true 
The PTR name of 203.0.113.42 is localhost.localdomain, which only means "this machine": receivers treat the IP as having no reverse DNS; ask the owner of the IP (your hosting provider) to set the PTR to the mail server's name, with an A record pointing back to 203.0.113.42
The HELO name localhost.localdomain only means "this machine": receivers reject or score it; announce the mail server's name, the PTR name mail.example.com (postfix: myhostname)
