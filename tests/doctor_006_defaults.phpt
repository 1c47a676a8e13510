--TEST--
mail_check(): the defaults: blocklists from mailcheck.dnsbl_zones (a listing is a fail), the common DKIM selectors (none found: the receivers' DKIM requirement is unknown, not unmet), the sending IP found outbound when neither the option nor php.ini gives it
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53535
mailcheck.dnsbl_zones=bl.dnsbl.test
--FILE--
<?php
$r = mail_check('news@example.org', ['ip' => '203.0.113.66', 'mta' => false]);
echo "dnsbl: {$r['checks']['dnsbl']['status']}, zones ", implode(',', array_column($r['checks']['dnsbl']['zones'], 'zone')),
    ', listed ', var_export($r['checks']['dnsbl']['listed'], true), "\n";
echo 'dkim selectors asked: the common ones: ', var_export(array_column($r['checks']['dkim']['selectors'], 'selector')
    === array_column(mail_check_dkim('example.org')['selectors'], 'selector'), true), ', found: ',
    count(array_filter($r['checks']['dkim']['selectors'], fn($s) => $s['found'])), "\n";
foreach ($r['receivers']['gmail']['requirements'] as $q) {
    if ($q['id'] === 'dkim') echo "gmail dkim: {$q['status']}\n";
}

// No ip option and no mailcheck.ip: the outbound address, whatever this
// machine has (none in a network namespace with only loopback).
$r = mail_check('news@example.org', ['mta' => false, 'dnsbl' => false]);
$codes = array_column($r['problems'], 'code');
$ipchecks = array_intersect(['ptr', 'spf'], array_keys($r['checks']));
if ($r['ip_source'] === 'none') {
    echo $r['ip'] === null && in_array('ip_unknown', $codes) && !$ipchecks && isset($r['skipped']['ptr']) ? "consistent\n" : "INCONSISTENT\n";
} elseif ($r['ip_source'] === 'outbound' && $r['ip'] === null) {
    echo in_array('ip_private', $codes) && !$ipchecks && isset($r['skipped']['spf']) ? "consistent\n" : "INCONSISTENT\n";
} else {
    echo $r['ip_source'] === 'outbound' && count($ipchecks) === 2 ? "consistent\n" : "INCONSISTENT\n";
}
?>
--EXPECT--
dnsbl: fail, zones bl.dnsbl.test, listed true
dkim selectors asked: the common ones: true, found: 0
gmail dkim: unknown
consistent
