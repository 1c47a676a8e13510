--TEST--
hostile (issue 8, item 10): one slow domain does not switch block mode off (the next failing mail is still blocked); a resolver that does not answer at all does start the "DNS down" window
--SKIPIF--
<?php $needs_dns = 'faults'; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/guard/guard.inc';
$path = capture_path('hostile_10');
$script = <<<'PHP'
$out = [];
// A form-supplied From at a domain whose servers never answer: sent unchecked (fail open).
$sent = @mail('to@example.org', 'Contact', 'Body', 'From: visitor@silent.hostile.example.net', '-fnews@pass.hostile.example.net');
$l = mail_check_last();
$out[] = [$sent, $l['blocked'], $l['status'], $l['checked']];
// Then a sender whose SPF fails, at a domain that answers at once.
$sent = @mail('to@example.org', 'Offer', 'Body', 'From: news@fail.hostile.example.net', '-fnews@fail.hostile.example.net');
$l = mail_check_last();
$out[] = [$sent, $l['blocked'], implode(',', array_column($l['problems'], 'code'))];
echo json_encode($out);
PHP;
$ini = ['mailcheck.guard' => 'block', 'mailcheck.ip' => '203.0.113.77', 'mailcheck.timeout' => 300,
    'sendmail_path' => __DIR__ . "/guard/capture-sendmail -C $path"];
@unlink($path);
echo 'slow domain: ', run_php_with_mailcheck($ini + ['mailcheck.resolver' => '127.0.0.1:53536'], $script), ', sent: ', count(captured($path)), "\n";

// A resolver port with nothing behind it.
$sock = stream_socket_server('udp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND);
$dead = (int)substr(strrchr(stream_socket_get_name($sock, false), ':'), 1);
fclose($sock);
@unlink($path);
echo 'dead resolver: ', run_php_with_mailcheck($ini + ['mailcheck.resolver' => "127.0.0.1:$dead"], $script), ', sent: ', count(captured($path)), "\n";
@unlink($path);
?>
--EXPECT--
slow domain: [[true,false,"error",true],[false,true,"spf_fail"]], sent: 1
dead resolver: [[true,false,"error",true],[true,false,"guard_dns_down"]], sent: 2
