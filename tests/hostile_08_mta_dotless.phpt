--TEST--
hostile (issue 8, item 8): mail_check_mta() resolves a dot-less host name through mailcheck.resolver within mailcheck.timeout, not through getaddrinfo()
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.timeout=100
--FILE--
<?php
// A "resolver" that reads queries and never answers.
$silent = stream_socket_server('udp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND);
$port = (int)substr(strrchr(stream_socket_get_name($silent, false), ':'), 1);
ini_set('mailcheck.resolver', "127.0.0.1:$port");
$t = hrtime(true);
$r = mail_check_mta('hostile-mta', 2525);
$wall = (hrtime(true) - $t) / 1e6;
$codes = array_column($r['problems'], 'code');
echo $r['status'], ' ', json_encode(in_array('mta_unreachable', $codes) || array_filter($codes, fn($c) => str_starts_with($c, 'dns_')) !== []), "\n";
// Generous for a loaded machine; getaddrinfo() took 4 s with a slow system resolver.
var_dump($wall < 1000);
// The name was asked of mailcheck.resolver.
$asked = [];
stream_set_blocking($silent, false);
while (($packet = stream_socket_recvfrom($silent, 512)) !== false && $packet !== '') {
    $asked[] = strtolower(substr($packet, 13, ord($packet[12])));
}
var_dump(in_array('hostile-mta', $asked));
?>
--EXPECT--
error true
bool(true)
bool(true)
