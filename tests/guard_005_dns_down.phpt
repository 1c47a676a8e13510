--TEST--
guard (block): DNS trouble never blocks: a resolver that never answers costs at most mailcheck.timeout, the mail is sent and warned, and the next mails do not wait again
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/guard/guard.inc';
$path = capture_path('guard_005');
@unlink($path);
// A UDP "resolver" that reads queries and never answers.
$silent = stream_socket_server('udp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND);
$port = (int)substr(strrchr(stream_socket_get_name($silent, false), ':'), 1);
$script = <<<'PHP'
$t = hrtime(true);
$r1 = @mail("to@example.org", "a", "b", "From: news@example.net", "-fnews@example.net");
$t1 = (hrtime(true) - $t) / 1e6;
$l1 = mail_check_last();
$t = hrtime(true);
$r2 = @mail("to@example.org", "a", "b", "From: news@example.net", "-fnews@example.net");
$t2 = (hrtime(true) - $t) / 1e6;
$l2 = mail_check_last();
// The guard's own time (sendmail's start-up excluded), generous for a
// loaded machine; the second mail must not ask DNS at all.
echo json_encode([$r1, $l1['elapsed_ms'] < 600 + 1000, $l1['blocked'], $l1['status'], $l1['checked'], in_array('dns_timeout', array_column($l1['problems'], 'code')),
    $r2, $l2['elapsed_ms'] < 100, $l2['checked'], array_column($l2['problems'], 'code')]);
PHP;
echo shell_exec(php_with_mailcheck(['mailcheck.guard' => 'block', 'mailcheck.ip' => '203.0.113.5', 'mailcheck.timeout' => 600,
    'mailcheck.resolver' => "127.0.0.1:$port", 'sendmail_path' => __DIR__ . "/guard/capture-sendmail -C $path"]) . ' -r ' . escapeshellarg($script)), "\n";
var_dump(count(captured($path)));
@unlink($path);
?>
--EXPECT--
[true,true,false,"error",true,true,true,true,false,["guard_dns_down"]]
int(2)
