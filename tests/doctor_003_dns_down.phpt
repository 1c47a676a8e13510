--TEST--
mail_check(): with a resolver that never answers, every DNS check ends in error (could not tell), none in a false fail; requirements unknown
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
// A UDP "resolver" that reads queries and never answers.
$silent = stream_socket_server('udp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND);
$port = (int)substr(strrchr(stream_socket_get_name($silent, false), ':'), 1);
ini_set('mailcheck.resolver', "127.0.0.1:$port");
$r = mail_check('news@example.org', ['ip' => '198.51.100.10', 'helo' => 'mail.example.org', 'mta' => false,
    'dnsbl' => ['bl.dnsbl.test'], 'dkim_selectors' => ['mail'], 'timeout' => 400]);
echo "status {$r['status']}\n";
foreach ($r['checks'] as $name => $check) {
    echo "$name: {$check['status']} ", implode(',', array_unique(array_column($check['problems'], 'code'))), "\n";
}
echo 'fail problems: ', count(array_filter($r['problems'], fn($p) => $p['severity'] === 'fail')), "\n";
$statuses = [];
foreach ($r['receivers'] as $receiver) {
    foreach ($receiver['requirements'] as $q) {
        $statuses[$q['status']] = true;
    }
}
echo 'requirements: ', implode(',', array_keys($statuses)), "\n";
?>
--EXPECT--
status error
ptr: error dns_timeout
helo: error dns_timeout
spf: error dns_timeout,spf_temperror
spf_record: error dns_timeout
sender: error dns_timeout
dmarc: error dns_timeout
dkim: error dns_timeout
dnsbl: error dns_timeout
fail problems: 0
requirements: unknown
