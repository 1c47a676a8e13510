--TEST--
mail_check(): a HELO name the MTA announces with a control character in it (here a CR inside its EHLO reply line) is not taken as the HELO: it would make SPF of a good sender a false fail (spf_invalid_identity); the helo check is skipped, saying why
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53535
--FILE--
<?php
// A scripted SMTP peer: a good greeting, then an EHLO reply whose first line holds "mail\rX.example.com".
$peer = <<<'PHP'
$srv = stream_socket_server('tcp://127.0.0.1:0', $e, $s);
echo substr(strrchr(stream_socket_get_name($srv, false), ':'), 1), "\n";
while ($c = @stream_socket_accept($srv, 20)) {
    fwrite($c, "220 mail.example.com ESMTP\r\n");
    fgets($c);
    fwrite($c, $argv[1]);
    while (($line = fgets($c)) !== false) {
        fwrite($c, stripos($line, 'QUIT') === 0 ? "221 bye\r\n" : "250 ok\r\n");
    }
    fclose($c);
}
PHP;
foreach (["250-mail\rX.example.com\r\n250 STARTTLS\r\n", "250-mail.example.com\r\n250 STARTTLS\r\n"] as $ehlo) {
    $proc = proc_open([PHP_BINARY, '-n', '-r', $peer, $ehlo], [1 => ['pipe', 'w']], $pipes);
    $port = (int)fgets($pipes[1]);
    $r = mail_check('news@reject.example.com', ['ip' => '203.0.113.5', 'mta' => "127.0.0.1:$port", 'dnsbl' => false,
        'dkim_selectors' => ['mc'], 'timeout' => 3000]);
    printf("helo %s (%s); spf %s %s; helo check %s\n", json_encode($r['helo']), $r['helo_source'], $r['checks']['spf']['result'],
        $r['checks']['spf']['status'], isset($r['checks']['helo']) ? $r['checks']['helo']['status'] : 'skipped: ' . $r['skipped']['helo']);
    proc_terminate($proc);
    proc_close($proc);
}
?>
--EXPECT--
helo null (none); spf pass ok; helo check skipped: no HELO name: the MTA did not announce one, or one with control characters (pass the option helo or set mailcheck.helo)
helo "mail.example.com" (mta); spf pass ok; helo check ok
