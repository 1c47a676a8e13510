--TEST--
mail_check_dnsbl(): a domain is looked up on domain lists as <domain>.<zone>
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53535
--FILE--
<?php
foreach (['spammy.example', 'SPAMMY.example.', 'clean.example'] as $domain) {
    $r = mail_check_dnsbl($domain, ['dbl.dnsbl.test']);
    printf("%s: %s, ip %s, domain %s, listed %s, %s\n", $domain, $r['status'], var_export($r['ip'], true), $r['domain'],
        var_export($r['listed'], true), json_encode($r['zones'][0]));
    foreach ($r['problems'] as $p) {
        echo "  {$p['code']} ({$p['severity']}): {$p['message']}\n";
    }
}
?>
--EXPECT--
spammy.example: fail, ip NULL, domain spammy.example, listed true, {"zone":"dbl.dnsbl.test","listed":true,"codes":["127.0.1.2"],"reason":"Spam domain: spammy.example","error":null}
  dnsbl_listed (fail): spammy.example is listed on dbl.dnsbl.test (127.0.1.2): "Spam domain: spammy.example": receivers that use this list reject or junk its mail; the list's site says why and how to be delisted
SPAMMY.example.: fail, ip NULL, domain spammy.example, listed true, {"zone":"dbl.dnsbl.test","listed":true,"codes":["127.0.1.2"],"reason":"Spam domain: spammy.example","error":null}
  dnsbl_listed (fail): spammy.example is listed on dbl.dnsbl.test (127.0.1.2): "Spam domain: spammy.example": receivers that use this list reject or junk its mail; the list's site says why and how to be delisted
clean.example: ok, ip NULL, domain clean.example, listed false, {"zone":"dbl.dnsbl.test","listed":false,"codes":[],"reason":null,"error":null}
