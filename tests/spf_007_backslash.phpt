--TEST--
SPF: a domain-spec with a backslash (a:foo\.bar…) is never asked (c-ares would read an escape): mail_check_spf() and mail_check_spf_record() both count it as one void lookup, and the IP behind foo.bar does not match
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53535
--FILE--
<?php
$record = mail_check_spf_record('backslash.spf.example.com');
echo "record: {$record['record']}\n";
echo "spf_record: dns_lookups {$record['dns_lookups']}, void_lookups {$record['void_lookups']}\n";
foreach (['192.0.2.1', '192.0.2.99'] as $ip) {
    $r = mail_check_spf($ip, 'news@backslash.spf.example.com');
    echo "$ip: {$r['result']}, dns_lookups {$r['dns_lookups']}, void_lookups {$r['void_lookups']}\n";
}
?>
--EXPECT--
record: v=spf1 a:foo\.bar.spf.example.com ip4:192.0.2.1 -all
spf_record: dns_lookups 1, void_lookups 1
192.0.2.1: pass, dns_lookups 1, void_lookups 1
192.0.2.99: fail, dns_lookups 1, void_lookups 1
