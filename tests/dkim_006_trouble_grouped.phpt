--TEST--
mail_check_dkim(): selectors that all time out are one dns_timeout problem naming how many and which, not one per selector; every selector is still found null
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.timeout=300
--FILE--
<?php
$silent = stream_socket_server('udp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND);
$port = (int)substr(strrchr(stream_socket_get_name($silent, false), ':'), 1);
ini_set('mailcheck.resolver', "127.0.0.1:$port");
$r = mail_check_dkim('example.org');
echo $r['status'], ', selectors ', count($r['selectors']), ', null ', count(array_filter($r['selectors'], fn($s) => $s['found'] === null)), "\n";
foreach ($r['problems'] as $p) {
    echo $p['code'], ': ', $p['message'], "\n";
}
$r = mail_check_dkim('example.org', ['a']);
echo $r['problems'][0]['message'], "\n";
?>
--EXPECTF--
error, selectors 20, null 20
dns_timeout: No answer for the DKIM keys (TXT) of 20 selectors under _domainkey.example.org (default, dkim, mail, %s) within the time budget (mailcheck.timeout = 300 ms): %s
No answer for the DKIM key (TXT) at a._domainkey.example.org within the time budget (mailcheck.timeout = 300 ms): %s
