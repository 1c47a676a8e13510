--TEST--
mailcheck: DNS trouble is exit 3 (could not tell), never a fail; --resolver and --timeout reach the checks
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; require __DIR__ . '/cli.inc'; $needs_dns = 'faults'; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/cli.inc';
// --resolver replaces the -d mailcheck.resolver the helper passes: nothing listens on port 1
mailcheck_cli_show(["ptr", "198.51.100.30", "--resolver=127.0.0.1:1"]);
mailcheck_cli_show(["ptr", "198.51.100.30", "--resolver=127.0.0.1:53535"], []);
// faultd: silence (the budget is --timeout), SERVFAIL
$t = microtime(true);
mailcheck_cli_show(["ptr", "192.0.2.1", "--resolver=127.0.0.1:53536", "--timeout=300"], []);
echo "within the budget: ", var_export(microtime(true) - $t < 2.0, true), "\n";
mailcheck_cli_show(["ptr", "192.0.2.2", "--resolver=127.0.0.1:53536"], []);
mailcheck_cli_show(["dmarc", "dmarc-servfail.fault.test", "--resolver=127.0.0.1:53536"], []);
?>
--EXPECT--
mailcheck ptr 198.51.100.30 --resolver=127.0.0.1:1: rc=3
  [error] ptr 198.51.100.30: could not tell its PTR
  [error] dns_unreachable
mailcheck ptr 198.51.100.30 --resolver=127.0.0.1:53535: rc=0
  [ok] ptr 198.51.100.30 -> mail.cli.example.org, forward-confirmed
mailcheck ptr 192.0.2.1 --resolver=127.0.0.1:53536 --timeout=300: rc=3
  [error] ptr 192.0.2.1: could not tell its PTR
  [error] dns_timeout
within the budget: true
mailcheck ptr 192.0.2.2 --resolver=127.0.0.1:53536: rc=3
  [error] ptr 192.0.2.2: could not tell its PTR
  [error] dns_servfail
mailcheck dmarc dmarc-servfail.fault.test --resolver=127.0.0.1:53536: rc=3
  [error] dmarc could not tell the DMARC policy
  [error] dns_servfail
