--TEST--
hostile (issue 8, item 7): MX hosts without an address are no void lookup for RFC 7208 (result as the RFC says), but pyspf counts them: a warning spf_void_lookups_strict names the receivers that answer permerror
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53535
--FILE--
<?php
// voidmx: "v=spf1 mx -all", three MX hosts, none with an address.
$r = mail_check_spf('198.51.100.99', 'x@voidmx.hostile.example.com');
echo $r['result'], ' ', $r['status'], ' void_lookups=', $r['void_lookups'], "\n";
$strict = array_values(array_filter($r['problems'], fn($p) => $p['code'] === 'spf_void_lookups_strict'));
echo count($strict), ' ', $strict[0]['severity'] ?? '-', "\n";
var_dump(isset($strict[0]) && str_contains($strict[0]['message'], 'pyspf') && str_contains($strict[0]['message'], 'policyd-spf')
    && str_contains($strict[0]['message'], 'permerror'));
var_dump(in_array('spf_void_lookups', array_column($r['problems'], 'code')));
?>
--EXPECT--
fail fail void_lookups=0
1 warn
bool(true)
bool(false)
