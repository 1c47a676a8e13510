--TEST--
guard (block): www-data@localhost as sender: not handed to sendmail, mail() returns false, one warning says why; in warn mode the same mail goes out
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.guard=block
mailcheck.ip=203.0.113.5
mailcheck.resolver=127.0.0.1:53535
sendmail_path="{PWD}/guard/capture-sendmail -C {TMP}/mailcheck-guard_003.mbox"
--FILE--
<?php
require __DIR__ . '/guard/guard.inc';
$path = capture_path('guard_003');
@unlink($path);
var_dump(mail('to@example.org', 'Password reset', 'Hello', '', '-f www-data@localhost'));
var_dump(count(captured($path)));
$r = mail_check_last();
var_dump($r['blocked'], $r['status'], $r['envelope_sender']);
echo codes($r), "\n";

// The same mail in warn mode, in a PHP of its own (mailcheck.guard is PHP_INI_SYSTEM).
$cmd = php_with_mailcheck(['mailcheck.guard' => 'warn', 'mailcheck.ip' => '203.0.113.5', 'mailcheck.resolver' => '127.0.0.1:53535',
        'sendmail_path' => __DIR__ . "/guard/capture-sendmail -C $path"])
    . ' -r ' . escapeshellarg('var_export(@mail("to@example.org", "Password reset", "Hello", "", "-f www-data@localhost")); echo " ", error_get_last()["message"] ?? "";');
echo substr((string)shell_exec($cmd), 0, 53), "\n";
var_dump(count(captured($path)));
@unlink($path);
?>
--EXPECTF--
Warning: mail() blocked by mailcheck: sender_reserved_domain, spf_invalid_identity (+1.5 at rspamd's defaults) — localhost is not a public mail domain (localhost): receivers reject it; this is typical of a server whose host name was never set, so set a sender at your real domain; see mail_check_last() in %s on line %d
bool(false)
int(0)
bool(true)
string(4) "fail"
string(18) "www-data@localhost"
sender_system_account,sender_reserved_domain,spf_invalid_identity
true mail(): mailcheck: likely to be marked as spam: 
int(1)
