--TEST--
mailcheck spf-record DOMAIN RECORD: a draft record judged as if published
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; require __DIR__ . '/cli.inc'; if ((new ReflectionFunction('mail_check_spf_record'))->getNumberOfParameters() < 2) die('skip mail_check_spf_record() takes no draft record in this build'); ?>
--FILE--
<?php
require __DIR__ . '/cli.inc';

foreach ([["spf-record", "good.cli.example.org", "v=spf1 mx include:soft.cli.example.org -all"], ["spf-record", "good.cli.example.org", "v=spf1 +all"]] as $args) {
    mailcheck_cli_show($args);
}
?>
--EXPECT--
mailcheck spf-record good.cli.example.org v=spf1 mx include:soft.cli.example.org -all: rc=0
  [ok] spf-record v=spf1 mx include:soft.cli.example.org -all (2/10 lookups, 0/2 void)
mailcheck spf-record good.cli.example.org v=spf1 +all: rc=2
  [FAIL] spf-record v=spf1 +all (0/10 lookups, 0/2 void)
  [FAIL] spf_plus_all