--TEST--
mailcheck spf-record DOMAIN RECORD: a draft record judged as if published
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; require __DIR__ . '/cli.inc'; if ((new ReflectionFunction('mail_check_spf_record'))->getNumberOfParameters() < 2) die('skip mail_check_spf_record() takes no draft record in this build'); ?>
--FILE--
<?php
require __DIR__ . '/cli.inc';

foreach ([["spf-record", "good.cli.example.org", "v=spf1 ip4:198.51.100.30 -all"], ["spf-record", "good.cli.example.org", "v=spf1 +all"]] as $args) {
    mailcheck_cli_show($args);
}
?>
--EXPECT--
