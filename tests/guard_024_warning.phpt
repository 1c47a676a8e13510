--TEST--
guard: the warning is short (at most 300 bytes: the codes, the most serious problem's advice, "see mail_check_last()"); a block names every failure; DNS trouble is "could not be checked", never spam, and blocks nothing
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
<?php $needs_dns = 'faults'; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/guard/guard.inc';
$path = capture_path('guard_024');
@unlink($path);
// Prints what mail() returned, its warning (and its length), and the codes
// mail_check_last() has (once each), each with a message.
$script = <<<'PHP'
set_error_handler(function ($no, $text) { echo strlen($text), " bytes: $text\n"; return true; });
$sent = mail('to@example.org', 'Hi', 'Body', $argv[1], $argv[2]);
$l = mail_check_last();
$with_message = array_filter($l['problems'], fn($p) => strlen($p['message']) > 20);
echo json_encode($sent), ' | ', implode(',', array_unique(array_map(fn($p) => $p['severity'][0] . ':' . $p['code'], $l['problems']))),
    ' | ', count($with_message) === count($l['problems']) ? 'each with its message' : 'a message missing', "\n";
PHP;
function send(array $ini, string $headers, string $params): void
{
    global $script, $path;
    $ini += ['sendmail_path' => __DIR__ . "/guard/capture-sendmail -C $path"];
    echo shell_exec(php_with_mailcheck($ini) . ' -r ' . escapeshellarg($script) . ' ' . escapeshellarg($headers) . ' ' . escapeshellarg($params) . ' 2>&1');
}
// Everything wrong: a sender at localhost, no PTR, a HELO of localhost.localdomain,
// no DKIM key, a From: whose domain publishes DMARC p=reject.
$bad = ['mailcheck.ip' => '203.0.113.6', 'mailcheck.helo' => 'localhost.localdomain', 'mailcheck.dkim_selector' => 'nokey',
    'mailcheck.resolver' => '127.0.0.1:53535'];
foreach (['block', 'warn', 'wrn'] as $mode) {
    echo "-- $mode\n";
    send($bad + ['mailcheck.guard' => $mode], 'From: Shop <news@reject.example.com>', '-f www-data@localhost');
}
// DNS trouble only (a domain whose name server never answers): sent in both modes.
foreach (['block', 'warn'] as $mode) {
    echo "-- $mode, DNS trouble\n";
    send(['mailcheck.guard' => $mode, 'mailcheck.ip' => '203.0.113.77', 'mailcheck.timeout' => 300, 'mailcheck.resolver' => '127.0.0.1:53536'],
        'From: news@silent.hostile.example.net', '-fnews@silent.hostile.example.net');
}
echo count(captured($path)), " sent\n";
@unlink($path);
?>
--EXPECTF--
-- block
300 bytes: mail() blocked by mailcheck: sender_reserved_domain, spf_invalid_identity, ptr_missing, helo_localhost, dmarc_not_aligned (+10.0 at rspamd's defaults) — localhost is not a public mail domain (localhost): receivers reject it; this is typical of a server whose host name was…; see mail_check_last()
false | w:sender_system_account,f:sender_reserved_domain,f:spf_invalid_identity,f:ptr_missing,f:helo_localhost,w:dkim_key_missing,f:dmarc_not_aligned | each with its message
-- warn
300 bytes: mail(): mailcheck: likely to be marked as spam: sender_system_account, sender_reserved_domain, spf_invalid_identity, ptr_missing, helo_localhost (+2 more) (+12.0 at rspamd's defaults) — localhost is not a public mail domain (localhost): receivers reject it; this is typica…; see mail_check_last()
true | w:sender_system_account,f:sender_reserved_domain,f:spf_invalid_identity,f:ptr_missing,f:helo_localhost,w:dkim_key_missing,f:dmarc_not_aligned | each with its message
-- wrn

Warning: PHP Startup: Invalid mailcheck.guard "wrn": %s
300 bytes: mail(): mailcheck: fix php.ini: guard_ini_invalid; likely to be marked as spam: sender_system_account, sender_reserved_domain, spf_invalid_identity, ptr_missing (+3 more) (+12.0 at rspamd's defaults) — mailcheck.guard is "wrn", which is not off, warn or block: the guard w…; see mail_check_last()
true | w:guard_ini_invalid,w:sender_system_account,f:sender_reserved_domain,f:spf_invalid_identity,f:ptr_missing,f:helo_localhost,w:dkim_key_missing,f:dmarc_not_aligned | each with its message
-- block, DNS trouble
%d bytes: mail(): mailcheck: could not be checked: dns_timeout, spf_temperror — No answer for the mail hosts of silent.hostile.example.net within the time budget (mailcheck.timeout = 300 ms): the resolver or the domain's name servers are slow or unreachable; see mail_check_last()
true | e:dns_timeout,e:spf_temperror | each with its message
-- warn, DNS trouble
%d bytes: mail(): mailcheck: could not be checked: dns_timeout, spf_temperror — No answer for the mail hosts of silent.hostile.example.net within the time budget (mailcheck.timeout = 300 ms): the resolver or the domain's name servers are slow or unreachable; see mail_check_last()
true | e:dns_timeout,e:spf_temperror | each with its message
4 sent
