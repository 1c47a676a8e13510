--TEST--
mail_check(): a well-set-up sender: every check present, in order, each the very result of its own function; status ok, no problems; every receiver requirement met, each naming the check that decided it
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc';
if (!@fsockopen('127.0.0.1', 2526, $e, $s, 1)) die('skip postfix fixture not running on 127.0.0.1:2526 (tests/smtp/serve start)'); ?>
--INI--
mailcheck.resolver=127.0.0.1:53535
--FILE--
<?php
$r = mail_check('news@reject.example.com', ['ip' => '203.0.113.5', 'helo' => 'mail.example.com', 'mta' => '127.0.0.1:2526',
    'dnsbl' => ['bl.dnsbl.test'], 'dkim_selectors' => ['mc'], 'timeout' => 3000]);
echo implode(',', array_keys($r)), "\n";
echo "status {$r['status']}, ip {$r['ip']} ({$r['ip_source']}), helo {$r['helo']} ({$r['helo_source']}), problems ", count($r['problems']), "\n";
echo 'checks: ', implode(',', array_keys($r['checks'])), '; skipped: ', json_encode($r['skipped']), "\n";

// Each check is what its own function says (the time aside).
$own = [
    'ptr' => mail_check_ptr('203.0.113.5', 'mail.example.com'),
    'helo' => mail_check_helo('mail.example.com', '203.0.113.5'),
    'spf' => mail_check_spf('203.0.113.5', 'news@reject.example.com', 'mail.example.com'),
    'spf_record' => mail_check_spf_record('reject.example.com'),
    'sender' => mail_check_sender('news@reject.example.com'),
    'dmarc' => mail_check_dmarc('reject.example.com'),
    'dkim' => mail_check_dkim('reject.example.com', ['mc']),
    'dnsbl' => mail_check_dnsbl('203.0.113.5', ['bl.dnsbl.test']),
    'mta' => mail_check_mta('127.0.0.1', 2526),
];
foreach ($own as $name => $single) {
    $mine = $r['checks'][$name];
    unset($mine['elapsed_ms'], $single['elapsed_ms'], $mine['greeting_ms'], $single['greeting_ms']);
    echo $name, ': ', $mine['status'], $mine === $single ? ', same as its function' : ', DIFFERS: ' . json_encode([$mine, $single]), "\n";
}
foreach ($r['receivers'] as $key => $receiver) {
    echo "$key ({$receiver['name']}, since {$receiver['since']}):";
    foreach ($receiver['requirements'] as $q) {
        echo " {$q['id']}", $q['bulk_only'] ? '[bulk]' : '', "={$q['status']}/{$q['check']}";
    }
    echo "\n";
}
var_dump(is_float($r['elapsed_ms']) && $r['elapsed_ms'] > 0);
?>
--EXPECT--
status,sender,ip,ip_source,helo,helo_source,problems,checks,skipped,receivers,elapsed_ms
status ok, ip 203.0.113.5 (option), helo mail.example.com (option), problems 0
checks: ptr,helo,spf,spf_record,sender,dmarc,dkim,dnsbl,mta; skipped: []
ptr: ok, same as its function
helo: ok, same as its function
spf: ok, same as its function
spf_record: ok, same as its function
sender: ok, same as its function
dmarc: ok, same as its function
dkim: ok, same as its function
dnsbl: ok, same as its function
mta: ok, same as its function
gmail (Gmail, since 2024-02): spf_or_dkim=met/spf ptr=met/ptr tls=met/mta spf[bulk]=met/spf dkim[bulk]=met/dkim dmarc[bulk]=met/dmarc aligned[bulk]=met/spf
yahoo (Yahoo, since 2024-02): spf_or_dkim=met/spf ptr=met/ptr spf[bulk]=met/spf dkim[bulk]=met/dkim dmarc[bulk]=met/dmarc aligned[bulk]=met/spf
outlook (Outlook.com, since 2025-05): spf[bulk]=met/spf dkim[bulk]=met/dkim dmarc[bulk]=met/dmarc aligned[bulk]=met/spf
bool(true)
