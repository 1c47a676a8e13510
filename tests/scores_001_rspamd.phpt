--TEST--
problems carry rspamd's default scores (scores => [rspamd => [symbol => score]]) where rspamd has a counterpart, by the policy for dmarc_not_aligned, and none where it has not
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53535
--FILE--
<?php
require __DIR__ . '/guard/guard.inc';
function scores(array $r): string
{
    $out = [];
    foreach ($r['problems'] as $p) {
        $out[] = $p['code'] . ' ' . (isset($p['scores']) ? json_encode($p['scores']) : '(no scores)');
    }
    return implode("\n", $out) . "\n";
}
echo scores(mail_check_spf('203.0.113.200', 'news@spf-fail.receivers.net'));
echo scores(mail_check_spf('203.0.113.200', 'news@spf-softfail.receivers.net'));
echo scores(mail_check_ptr('203.0.113.201'));
echo scores(mail_check_helo('mx2.receivers.net', '203.0.113.200'));
// The guard: dmarc_not_aligned costs what the From domain's policy costs.
$path = capture_path('scores_001');
$ini = ['mailcheck.guard' => 'warn', 'mailcheck.ip' => '203.0.113.200', 'mailcheck.resolver' => '127.0.0.1:53535',
    'sendmail_path' => __DIR__ . "/guard/capture-sendmail -C $path"];
foreach (['reject', 'quarantine'] as $policy) {
    echo run_php_with_mailcheck($ini, '@mail("to@example.org", "Hi", "Body", "From: news@' . $policy
        . '.receivers.net", "-fbounce@receivers.org"); foreach (mail_check_last()["problems"] as $p)'
        . ' echo $p["code"], " ", json_encode($p["scores"] ?? null), "\n";');
}
@unlink($path);
?>
--EXPECT--
spf_fail {"rspamd":{"R_SPF_FAIL":1,"VIOLATED_DIRECT_SPF":3.5}}
spf_softfail {"rspamd":{"R_SPF_SOFTFAIL":0,"VIOLATED_DIRECT_SPF":3.5}}
ptr_missing {"rspamd":{"RDNS_NONE":1,"HFILTER_HOSTNAME_UNKNOWN":2.5}}
helo_ip_mismatch (no scores)
helo_mismatch (no scores)
dmarc_not_aligned {"rspamd":{"DMARC_POLICY_REJECT":2}}
dmarc_not_aligned {"rspamd":{"DMARC_POLICY_QUARANTINE":1.5}}
