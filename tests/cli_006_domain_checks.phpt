--TEST--
mailcheck sender / dmarc / dkim / dnsbl: exit code by status, problem codes with advice
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; require __DIR__ . '/cli.inc'; ?>
--FILE--
<?php
require __DIR__ . '/cli.inc';

foreach ([["sender", "news@good.cli.example.org"], ["sender", "www-data@localhost"],
          ["dmarc", "good.cli.example.org"], ["dmarc", "soft.cli.example.org"], ["dmarc", "html.cli.example.org"], ["dmarc", "example.net"],
          ["dkim", "good.cli.example.org", "mc"], ["dkim", "soft.cli.example.org"], ["dkim", "good.cli.example.org", "nosuch", "mc"],
          ["dnsbl", "198.51.100.30", "bl.dnsbl.test"], ["dnsbl", "203.0.113.66", "bl.dnsbl.test", "z1.dnsbl.test"], ["dnsbl", "203.0.113.66", "refuse.dnsbl.test"],
          ["dnsbl", "spammy.example", "dbl.dnsbl.test"]] as $args) {
    mailcheck_cli_show($args);
}
?>
--EXPECT--
mailcheck sender news@good.cli.example.org: rc=0
  [ok] sender news@good.cli.example.org: MX mail.cli.example.org
mailcheck sender www-data@localhost: rc=2
  [FAIL] sender www-data@localhost
  [warn] sender_system_account
  [FAIL] sender_reserved_domain
mailcheck dmarc good.cli.example.org: rc=0
  [ok] dmarc p=reject at good.cli.example.org: v=DMARC1; p=reject; rua=mailto:dmarc@good.cli.example.org
mailcheck dmarc soft.cli.example.org: rc=0
  [ok] dmarc p=none at soft.cli.example.org: v=DMARC1; p=none; rua=mailto:dmarc@soft.cli.example.org
mailcheck dmarc html.cli.example.org: rc=1
  [warn] dmarc p=none at html.cli.example.org: v=DMARC1; p=none; rua=mailto:<script>alert(1)</script>@html.cli.example.org
  [warn] dmarc_syntax
  [warn] dmarc_no_reports
mailcheck dmarc example.net: rc=2
  [FAIL] dmarc no DMARC record
  [FAIL] dmarc_missing
mailcheck dkim good.cli.example.org mc: rc=0
  [ok] dkim keys at mc (rsa 2048)
mailcheck dkim soft.cli.example.org: rc=1
  [warn] dkim no key at 20 selectors
  [warn] dkim_key_missing
mailcheck dkim good.cli.example.org nosuch mc: rc=2
  [FAIL] dkim keys at mc (rsa 2048)
  [FAIL] dkim_key_missing
mailcheck dnsbl 198.51.100.30 bl.dnsbl.test: rc=0
  [ok] dnsbl 198.51.100.30 not listed on 1 list
mailcheck dnsbl 203.0.113.66 bl.dnsbl.test z1.dnsbl.test: rc=2
  [FAIL] dnsbl 203.0.113.66 listed on bl.dnsbl.test, z1.dnsbl.test
  [FAIL] dnsbl_listed
  [FAIL] dnsbl_listed
mailcheck dnsbl 203.0.113.66 refuse.dnsbl.test: rc=3
  [error] dnsbl 203.0.113.66: could not tell (1 list)
  [error] dnsbl_refused
mailcheck dnsbl spammy.example dbl.dnsbl.test: rc=2
  [FAIL] dnsbl spammy.example listed on dbl.dnsbl.test
  [FAIL] dnsbl_listed
