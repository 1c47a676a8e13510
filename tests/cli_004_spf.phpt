--TEST--
mailcheck spf / spf-record: pass 0, softfail 1, fail 2; the record and its lookups
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; require __DIR__ . '/cli.inc'; ?>
--FILE--
<?php
require __DIR__ . '/cli.inc';

foreach ([["spf", "198.51.100.30", "news@good.cli.example.org"], ["spf", "203.0.113.5", "news@soft.cli.example.org"],
          ["spf", "203.0.113.5", "news@good.cli.example.org"], ["spf-record", "good.cli.example.org"], ["spf-record", "soft.cli.example.org"], ["spf-record", "nomail.example.net"]] as $args) {
    mailcheck_cli_show($args);
}
?>
--EXPECT--
mailcheck spf 198.51.100.30 news@good.cli.example.org: rc=0
  [ok] spf pass for good.cli.example.org: v=spf1 ip4:198.51.100.30 -all
mailcheck spf 203.0.113.5 news@soft.cli.example.org: rc=1
  [warn] spf softfail for soft.cli.example.org: v=spf1 ip4:198.51.100.30 ~all
  [warn] spf_softfail
mailcheck spf 203.0.113.5 news@good.cli.example.org: rc=2
  [FAIL] spf fail for good.cli.example.org: v=spf1 ip4:198.51.100.30 -all
  [FAIL] spf_fail
mailcheck spf-record good.cli.example.org: rc=0
  [ok] spf-record v=spf1 ip4:198.51.100.30 -all (0/10 lookups, 0/2 void)
mailcheck spf-record soft.cli.example.org: rc=0
  [ok] spf-record v=spf1 ip4:198.51.100.30 ~all (0/10 lookups, 0/2 void)
mailcheck spf-record nomail.example.net: rc=1
  [warn] spf-record no SPF record (0/10 lookups, 0/2 void)
  [warn] spf_missing
