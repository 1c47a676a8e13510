--TEST--
mail_check(): with a resolver that never answers, the whole report keeps to its one timeout (every check shares the deadline)
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; if (getenv('USE_ZEND_ALLOC') === '0') die('skip measures time (slow under valgrind)'); ?>
--FILE--
<?php
$silent = stream_socket_server('udp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND);
$port = (int)substr(strrchr(stream_socket_get_name($silent, false), ':'), 1);
ini_set('mailcheck.resolver', "127.0.0.1:$port");
foreach ([400, 1200] as $timeout) {
    $t = hrtime(true);
    $r = mail_check('news@example.org', ['ip' => '198.51.100.10', 'helo' => 'mail.example.org', 'mta' => false,
        'dnsbl' => ['bl.dnsbl.test'], 'dkim_selectors' => ['mail'], 'timeout' => $timeout]);
    $ms = (hrtime(true) - $t) / 1e6;
    // Nine checks, one deadline: not nine timeouts (generous for a loaded machine).
    printf("timeout %d: %s, within the timeout and 600 ms: %s\n", $timeout, $r['status'], var_export($ms < $timeout + 600, true));
}
?>
--EXPECT--
timeout 400: error, within the timeout and 600 ms: true
timeout 1200: error, within the timeout and 600 ms: true
