--TEST--
mail_check_mta(): a greeting that arrives late but inside the budget is mta_slow_greeting (warn)
--SKIPIF--
<?php require __DIR__ . '/skipif.inc';
if (!@fsockopen('127.0.0.1', 2532, $e, $s, 1)) die('skip scripted SMTP peers not running (tests/smtp/serve start)'); ?>
--INI--
mailcheck.timeout=4000
--FILE--
<?php
$r = mail_check_mta('127.0.0.1', 2532);
echo $r['status'], ' ', $r['hostname'], ' ', implode(',', array_column($r['problems'], 'code')), ' ', json_encode($r['greeting_ms'] >= 1400), "\n";
?>
--EXPECT--
warn slow.example.com mta_slow_greeting true
