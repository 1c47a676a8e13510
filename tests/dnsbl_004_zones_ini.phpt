--TEST--
mail_check_dnsbl(): mailcheck.dnsbl_zones is validated and replaces the default lists (domain lists as domain:zone); without it the defaults are asked (here through an unreachable resolver, so nothing leaves the host)
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:9
mailcheck.timeout=100
--FILE--
<?php
// The defaults, never reached: the resolver is a closed loopback port.
echo implode(' ', array_column(mail_check_dnsbl('203.0.113.66')['zones'], 'zone')), "\n";
echo implode(' ', array_column(mail_check_dnsbl('spammy.example')['zones'], 'zone')), "\n";
var_dump(str_starts_with(mail_check_dnsbl('203.0.113.66')['problems'][0]['code'], 'dns_'));

foreach (['foo', 'bl.example,,x.example', 'bl.example, bl.example', '192.0.2.1', 'domain:', "bl.example\x01.x"] as $bad) {
    var_dump(ini_set('mailcheck.dnsbl_zones', $bad));
}
var_dump(ini_get('mailcheck.dnsbl_zones'));

ini_set('mailcheck.resolver', '127.0.0.1:53535');
var_dump(ini_set('mailcheck.dnsbl_zones', 'BL.dnsbl.test, z1.dnsbl.test , domain:dbl.dnsbl.test'));
$r = mail_check_dnsbl('203.0.113.66');
echo $r['status'], ' ', implode(' ', array_column($r['zones'], 'zone')), ' ', implode(' ', array_column($r['problems'], 'code')), "\n";
$r = mail_check_dnsbl('spammy.example');
echo $r['status'], ' ', implode(' ', array_column($r['zones'], 'zone')), ' ', implode(' ', array_column($r['problems'], 'code')), "\n";
// The argument wins over the setting.
echo implode(' ', array_column(mail_check_dnsbl('203.0.113.66', ['z2.dnsbl.test'])['zones'], 'zone')), "\n";
// A setting without domain lists checks a domain against none, and says so.
ini_set('mailcheck.dnsbl_zones', 'bl.dnsbl.test');
$r = mail_check_dnsbl('spammy.example');
echo $r['status'], ' ', count($r['zones']), ' ', $r['problems'][0]['code'], ': ', $r['problems'][0]['message'], "\n";
// Empty again: the defaults.
var_dump(ini_set('mailcheck.dnsbl_zones', ''));
ini_set('mailcheck.resolver', '127.0.0.1:9');
echo count(mail_check_dnsbl('203.0.113.66')['zones']), "\n";
?>
--EXPECTF--
zen.spamhaus.org bl.spamcop.net psbl.surriel.com bl.mailspike.net
dbl.spamhaus.org multi.surbl.org
bool(true)

Warning: ini_set(): Invalid mailcheck.dnsbl_zones: "foo": not a zone name (a host name of two labels or more, e.g. zen.spamhaus.org) in %s on line %d
bool(false)

Warning: ini_set(): Invalid mailcheck.dnsbl_zones: "": an empty zone name in %s on line %d
bool(false)

Warning: ini_set(): Invalid mailcheck.dnsbl_zones: "bl.example": named twice in %s on line %d
bool(false)

Warning: ini_set(): Invalid mailcheck.dnsbl_zones: "192.0.2.1": not a zone name (a host name of two labels or more, e.g. zen.spamhaus.org) in %s on line %d
bool(false)

Warning: ini_set(): Invalid mailcheck.dnsbl_zones: "domain:": not a zone name (a host name of two labels or more, e.g. zen.spamhaus.org) in %s on line %d
bool(false)

Warning: ini_set(): Invalid mailcheck.dnsbl_zones: "bl.example\x01.x": not a zone name (a host name of two labels or more, e.g. zen.spamhaus.org) in %s on line %d
bool(false)
string(0) ""
string(0) ""
fail bl.dnsbl.test z1.dnsbl.test dnsbl_listed dnsbl_listed
fail dbl.dnsbl.test dnsbl_listed
z2.dnsbl.test
warn 0 dnsbl_no_zones: No domain blocklists to ask: mailcheck.dnsbl_zones names none (write domain lists as domain:zone)
string(13) "bl.dnsbl.test"
4
