--TEST--
guard: the envelope sender is read from the command line PHP runs: sendmail_from is ignored off Windows, mail.force_extra_parameters replaces the 5th argument even when empty, escapeshellcmd() applies
--SKIPIF--
<?php
$needs_dns = 'zones';
require __DIR__ . '/skipif.inc';
if (PHP_OS_FAMILY === 'Windows') die('skip sendmail_from is used on Windows');
?>
--INI--
mailcheck.guard=warn
mailcheck.ip=203.0.113.5
mailcheck.resolver=127.0.0.1:53535
--FILE--
<?php
require __DIR__ . '/guard/guard.inc';
$path = capture_path('guard_015');
$capture = __DIR__ . "/guard/capture-sendmail -C $path";
$default = trim((string)shell_exec('id -un')) . '@' . gethostname();
// What the guard judged, and the -f sendmail was given, for one mail() in
// a PHP of its own with these settings.
function run(array $ini, string $call): string
{
    global $path, $default;
    @unlink($path);
    $out = shell_exec(php_with_mailcheck($ini + ['mailcheck.guard' => 'warn', 'mailcheck.ip' => '203.0.113.5',
            'mailcheck.resolver' => '127.0.0.1:53535'])
        . ' -r ' . escapeshellarg("error_reporting(E_ALL & ~E_WARNING); $call; \$r = mail_check_last(); echo \$r['envelope_sender'], ' (', \$r['envelope_source'], ')';"));
    $got = captured($path);
    @unlink($path);
    return str_replace($default, 'DEFAULT', "$out | argv: " . ($got[0]['argv'] ?? 'not sent'));
}
echo run(['sendmail_path' => $capture], "ini_set('sendmail_from', 'news@example.net'); mail('to@example.org', 's', 'm')"), "\n";
echo run(['sendmail_path' => $capture, 'sendmail_from' => 'news@example.net'], "mail('to@example.org', 's', 'm')"), "\n";
echo run(['sendmail_path' => $capture, 'mail.force_extra_parameters' => ''], "mail('to@example.org', 's', 'm', '', '-fnews@example.net')"), "\n";
echo run(['sendmail_path' => $capture, 'mail.force_extra_parameters' => '-fforced@example.net'], "mail('to@example.org', 's', 'm', '', '-fnews@example.net')"), "\n";
echo run(['sendmail_path' => "$capture -f"], "mail('to@example.org', 's', 'm', '', 'news@example.net')"), "\n";
echo run(['sendmail_path' => "$capture -fpath@example.net"], "mail('to@example.org', 's', 'm', '', '-fnews@example.net')"), "\n";
echo run(['sendmail_path' => "$capture -fpath@example.net"], "mail('to@example.org', 's', 'm')"), "\n";
echo run(['sendmail_path' => $capture], "mail('to@example.org', 's', 'm', '', \"-f'news@example.net'\")"), "\n";
echo run(['sendmail_path' => $capture], "mail('to@example.org', 's', 'm', '', '-f news@example.net;x')"), "\n";
?>
--EXPECT--
DEFAULT (default (process user at the host name)) | argv: 
DEFAULT (default (process user at the host name)) | argv: 
DEFAULT (default (process user at the host name)) | argv: 
forced@example.net (-f) | argv: -fforced@example.net
news@example.net (-f) | argv: -f news@example.net
news@example.net (-f) | argv: -fpath@example.net -fnews@example.net
path@example.net (sendmail_path) | argv: -fpath@example.net
news@example.net (-f) | argv: -fnews@example.net
news@example.net;x (-f) | argv: -f news@example.net;x
