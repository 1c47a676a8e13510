--TEST--
mail_check(): a badly set-up host: the worst status, every problem once with its check, fail before error before warn; the HELO taken from the MTA's greeting; checks that cannot run for a reserved domain skipped with the reason; requirements not met
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc';
if (!@fsockopen('127.0.0.1', 2525, $e, $s, 1)) die('skip postfix fixture not running on 127.0.0.1:2525 (tests/smtp/serve start)'); ?>
--INI--
mailcheck.resolver=127.0.0.1:53535
--FILE--
<?php
$r = mail_check('www-data@localhost', ['ip' => '198.51.100.20', 'mta' => '127.0.0.1:2525', 'dnsbl' => false]);
echo "status {$r['status']}, helo {$r['helo']} ({$r['helo_source']})\n";
echo 'checks: ', implode(',', array_keys($r['checks'])), "\n";
foreach ($r['skipped'] as $check => $why) {
    echo "skipped $check: $why\n";
}
$rank = ['fail' => 0, 'error' => 1, 'warn' => 2];
$last = 0;
$seen = [];
foreach ($r['problems'] as $p) {
    echo "{$p['severity']} {$p['code']} ({$p['check']})\n";
    if ($rank[$p['severity']] < $last) echo "  OUT OF ORDER\n";
    $last = $rank[$p['severity']];
    if (isset($seen[$p['code'] . $p['message']])) echo "  TWICE\n";
    $seen[$p['code'] . $p['message']] = true;
    // Each problem is one its check reported.
    if (!in_array($p['code'], array_column($r['checks'][$p['check']]['problems'], 'code'), true)) echo "  NOT IN ITS CHECK\n";
}
foreach ($r['receivers'] as $key => $receiver) {
    echo "$key:";
    foreach ($receiver['requirements'] as $q) {
        echo " {$q['id']}={$q['status']}";
    }
    echo "\n";
}
?>
--EXPECT--
status fail, helo mx.mailcheck.test (mta)
checks: ptr,helo,spf,sender,mta
skipped dnsbl: the option dnsbl is false
skipped spf_record: the sender's domain is reserved (sender_reserved_domain)
skipped dmarc: the sender's domain is reserved (sender_reserved_domain)
skipped dkim: the sender's domain is reserved (sender_reserved_domain)
fail ptr_not_confirmed (ptr)
fail spf_invalid_identity (spf)
fail sender_reserved_domain (sender)
error dns_refused (helo)
warn ptr_generic (ptr)
warn helo_mismatch (ptr)
warn sender_system_account (sender)
warn mta_no_starttls (mta)
gmail: spf_or_dkim=not_met ptr=not_met tls=not_met spf=not_met dkim=not_met dmarc=not_met aligned=not_met
yahoo: spf_or_dkim=not_met ptr=not_met spf=not_met dkim=not_met dmarc=not_met aligned=not_met
outlook: spf=not_met dkim=not_met dmarc=not_met aligned=not_met
