--TEST--
mail_check_spf(): an mx term whose domain has more than 10 MX records is a permerror (RFC 7208 §4.6.4), with a CIDR length as without; 10 are fine
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53535
--FILE--
<?php
// 192.0.2.111 is the address of the 11th MX host; /0 makes any address of any host match.
foreach (['mx11', 'mx11-cidr0', 'mx10-cidr0'] as $name) {
    $r = mail_check_spf('198.51.100.99', "news@$name.spf.example.com");
    echo "$name: {$r['result']} {$r['status']} ", implode(',', array_column($r['problems'], 'code')), "\n";
}
?>
--EXPECT--
mx11: permerror fail spf_permerror
mx11-cidr0: permerror fail spf_permerror
mx10-cidr0: pass ok 
