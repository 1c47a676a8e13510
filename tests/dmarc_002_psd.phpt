--TEST--
mail_check_dmarc(): a public suffix domain's record (psd=y) applies to a registered domain without one (dmarc_psd_policy), whose organizational domain is the name one label below; a registered domain's own record wins
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53535
--FILE--
<?php
foreach (['mail.shop.psd.dmarc', 'shop.psd.dmarc', 'x.owned.psd.dmarc', 'psd.dmarc'] as $domain) {
    $r = mail_check_dmarc($domain);
    printf("%s: %s, found_at %s, org_domain %s, policy %s/%s/%s\n", $r['domain'], $r['status'], $r['found_at'], $r['org_domain'],
        $r['policy'], $r['subdomain_policy'], $r['nonexistent_policy']);
    foreach ($r['problems'] as $p) {
        echo "  {$p['code']} ({$p['severity']}): {$p['message']}\n";
    }
}
?>
--EXPECT--
mail.shop.psd.dmarc: warn, found_at psd.dmarc, org_domain shop.psd.dmarc, policy reject/reject/reject
  dmarc_psd_policy (warn): No DMARC record of mail.shop.psd.dmarc's own: the policy that applies is the public suffix operator's at _dmarc.psd.dmarc (psd=y), found by RFC 9989's tree walk; RFC 7489 readers without RFC 9091 find no policy at all; publish your own at _dmarc.shop.psd.dmarc
shop.psd.dmarc: warn, found_at psd.dmarc, org_domain shop.psd.dmarc, policy reject/reject/reject
  dmarc_psd_policy (warn): No DMARC record of shop.psd.dmarc's own: the policy that applies is the public suffix operator's at _dmarc.psd.dmarc (psd=y), found by RFC 9989's tree walk; RFC 7489 readers without RFC 9091 find no policy at all; publish your own at _dmarc.shop.psd.dmarc
x.owned.psd.dmarc: ok, found_at owned.psd.dmarc, org_domain owned.psd.dmarc, policy quarantine/quarantine/quarantine
psd.dmarc: ok, found_at psd.dmarc, org_domain psd.dmarc, policy reject/reject/reject
