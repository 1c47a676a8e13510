--TEST--
mailcheck message IP SENDER FILE|- [HELO]: mail_check_message() on headers from a file or stdin (a whole message is cut at its headers); --resolver reaches it although it uses php.ini's DNS settings
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; require __DIR__ . '/cli.inc'; ?>
--FILE--
<?php
require __DIR__ . '/cli.inc';
$good = sys_get_temp_dir() . '/mailcheck-cli_014.eml';
file_put_contents($good, "From: News <news@good.cli.example.org>\r\nTo: someone@example.net\r\nSubject: hello\r\n\r\nFrom: body@reject.example.com\r\n");
$misaligned = "From: someone@reject.example.com\nSubject: hello\n";

mailcheck_cli_show(['message', '198.51.100.30', 'news@good.cli.example.org', $good, 'mail.cli.example.org']);
mailcheck_cli_show(['message', '198.51.100.30', 'news@good.cli.example.org', '-', 'mail.cli.example.org'], ['-d', 'mailcheck.resolver=127.0.0.1:53535'], $misaligned);
[$rc, $out] = mailcheck_cli(['message', '198.51.100.30', '<>', '-', 'mail.cli.example.org', '--json'], ['-d', 'mailcheck.resolver=127.0.0.1:53535'], $misaligned);
$r = json_decode($out, true, 512, JSON_THROW_ON_ERROR);
echo "a bounce, --json: rc=$rc status=$r[status] envelope_sender='$r[envelope_sender]' from=$r[from] codes=", implode(',', array_column($r['problems'], 'code')), "\n";
// no -d mailcheck.resolver: only --resolver tells it where DNS is
mailcheck_cli_show(['message', '198.51.100.30', 'news@good.cli.example.org', $good, 'mail.cli.example.org', '--resolver=127.0.0.1:53535'], []);
[$rc, $out] = mailcheck_cli(['message', '198.51.100.30', 'news@good.cli.example.org', $good, 'mail.cli.example.org', '--resolver=127.0.0.1:1', '--timeout=300', '--json'], []);
$r = json_decode($out, true, 512, JSON_THROW_ON_ERROR);
// which dns_* code each lookup gets depends on timing: only their severity
echo "--resolver=127.0.0.1:1: rc=$rc status=$r[status] severities=", implode(',', array_unique(array_column($r['problems'], 'severity'))), "\n";
@unlink($good);
?>
--EXPECTF--
mailcheck message 198.51.100.30 news@good.cli.example.org %smailcheck-cli_014.eml mail.cli.example.org: rc=0
  [ok] message news@good.cli.example.org (From: News <news@good.cli.example.org>) from 198.51.100.30
mailcheck message 198.51.100.30 news@good.cli.example.org - mail.cli.example.org: rc=2
  [FAIL] message news@good.cli.example.org (From: someone@reject.example.com) from 198.51.100.30
  [FAIL] dmarc_not_aligned
a bounce, --json: rc=2 status=fail envelope_sender='' from=someone@reject.example.com codes=spf_missing,dmarc_not_aligned
mailcheck message 198.51.100.30 news@good.cli.example.org %smailcheck-cli_014.eml mail.cli.example.org --resolver=127.0.0.1:53535: rc=0
  [ok] message news@good.cli.example.org (From: News <news@good.cli.example.org>) from 198.51.100.30
--resolver=127.0.0.1:1: rc=3 status=error severities=error
