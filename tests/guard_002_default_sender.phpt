--TEST--
guard (warn): no sender configured anywhere: the MTA's default (the process user at the host name) is checked, the mail is sent, one warning names the problems
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.guard=warn
mailcheck.ip=203.0.113.5
mailcheck.resolver=127.0.0.1:53535
sendmail_path="{PWD}/guard/capture-sendmail -C {TMP}/mailcheck-guard_002.mbox"
--FILE--
<?php
require __DIR__ . '/guard/guard.inc';
$path = capture_path('guard_002');
var_dump(mail('to@example.org', 'Contact form', 'Hello'));
var_dump(count(captured($path)));
$r = mail_check_last();
$user = trim((string)shell_exec('id -un'));
var_dump($r['envelope_sender'] === $user . '@' . gethostname(), $r['envelope_source'], $r['from'], $r['blocked']);
echo codes($r), "\n";
@unlink($path);
?>
--EXPECTF--
Warning: mail(): mailcheck: likely to be marked as spam: %s; see mail_check_last() in %s on line %d
bool(true)
int(1)
bool(true)
string(39) "default (process user at the host name)"
NULL
bool(false)
%Ssender_%s
