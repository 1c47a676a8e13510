--TEST--
mail_check_spf(): permerror for more than 10 DNS terms, more than 2 void lookups, several records, a syntax error (with position)
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53535
--FILE--
<?php
foreach (['toomany', 'void', 'multi', 'syntax'] as $d) {
    $r = mail_check_spf('203.0.113.5', "x@$d.spf.example.com");
    printf("%s: %s lookups=%d void=%d\n", $d, $r['result'], $r['dns_lookups'], $r['void_lookups']);
    foreach ($r['problems'] as $p) {
        echo "  {$p['code']} ({$p['severity']}): {$p['message']}\n";
    }
}
// Three nested includes: counted through them, and within the limit.
$r = mail_check_spf('203.0.113.5', 'x@nest.spf.example.com');
printf("nest: %s lookups=%d\n", $r['result'], $r['dns_lookups']);
?>
--EXPECT--
toomany: permerror lookups=11 void=0
  spf_too_many_lookups (fail): The SPF record of toomany.spf.example.com needs more than 10 DNS lookups (include, a, mx, ptr, exists, redirect, counted through includes): RFC 7208 §4.6.4 makes that a permerror; flatten includes or drop unused ones
void: permerror lookups=3 void=3
  spf_void_lookups (fail): The SPF record of void.spf.example.com makes more than 2 lookups that find nothing (void lookups): RFC 7208 §4.6.4 makes that a permerror; remove the mechanisms that name domains without records
multi: permerror lookups=0 void=0
  spf_multiple_records (fail): multi.spf.example.com publishes 2 SPF records (TXT records starting with v=spf1); RFC 7208 §4.5 makes that a permerror: merge them into one
syntax: permerror lookups=0 void=0
  spf_syntax (fail): The SPF record of syntax.spf.example.com is not valid at position 12: "203.0.113.300" is not an IPv4 address (four numbers 0-255 without leading zeros)
nest: pass lookups=3
