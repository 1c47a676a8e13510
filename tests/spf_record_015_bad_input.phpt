--TEST--
mail_check_spf_record(): bad arguments throw ValueError naming the argument; a string that is no domain name is spf_invalid_domain, fail
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:9
--FILE--
<?php
$label = str_repeat('a', 63);
$long = "$label.$label.$label." . str_repeat('b', 61);   // 253 octets
foreach (['', "example.com\0evil", str_repeat('a', 254), "$long.x", str_repeat('a', 100000)] as $domain) {
    try {
        mail_check_spf_record($domain);
        echo "no exception\n";
    } catch (ValueError $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
try {
    mail_check_spf_record([]);
} catch (TypeError $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
try {
    mail_check_spf_record();
} catch (ArgumentCountError $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}

// Not an exception, and no DNS asked (the resolver here is unreachable).
$cases = ['localhost', '192.0.2.1', '2001:db8::1', 'postmaster@example.com', 'exa mple.com', "caf\xC3\xA9.example",
    'example..com', '.example.com', 'example.com..', str_repeat('a', 64) . '.example.com', '1.2.3.4.5', '-'];
foreach ($cases as $domain) {
    $r = mail_check_spf_record($domain);
    echo $r['status'], ' ', var_export($r['valid'], true), ' ', count($r['problems']), ' ', $r['problems'][0]['code'], ': ', $r['problems'][0]['message'], "\n";
    if ($r['domain'] !== $domain || $r['record'] !== null || $r['records_found'] !== 0 || $r['includes'] !== []) {
        echo "unexpected result for $domain\n";
    }
}
// 253 octets, and 253 with the root's dot, pass the argument check and are
// looked up (through the unreachable resolver here).
ini_set('mailcheck.timeout', '100');
foreach ([$long, "$long.", strtoupper($long)] as $domain) {
    $r = mail_check_spf_record($domain);
    echo strlen($domain), ' ', $r['status'], ' ', str_starts_with($r['problems'][0]['code'], 'dns_') ? 'dns_*' : $r['problems'][0]['code'],
        ' ', var_export($r['domain'] === $long, true), "\n";
}
?>
--EXPECT--
ValueError: mail_check_spf_record(): Argument #1 ($domain) must not be empty
ValueError: mail_check_spf_record(): Argument #1 ($domain) must not contain any null bytes
ValueError: mail_check_spf_record(): Argument #1 ($domain) must be at most 253 bytes long, 254 given
ValueError: mail_check_spf_record(): Argument #1 ($domain) must be at most 253 bytes long, 255 given
ValueError: mail_check_spf_record(): Argument #1 ($domain) must be at most 253 bytes long, 100000 given
TypeError: mail_check_spf_record(): Argument #1 ($domain) must be of type string, array given
ArgumentCountError: mail_check_spf_record() expects at least 1 argument, 0 given
fail false 1 spf_invalid_domain: "localhost" is not a domain name that can publish SPF (RFC 7208 §4.3): it is a single label: give the full domain, e.g. example.com
fail false 1 spf_invalid_domain: "192.0.2.1" is not a domain name that can publish SPF (RFC 7208 §4.3): it is an IP address: SPF records are published by domains
fail false 1 spf_invalid_domain: "2001:db8::1" is not a domain name that can publish SPF (RFC 7208 §4.3): it is an IP address: SPF records are published by domains
fail false 1 spf_invalid_domain: "postmaster@example.com" is not a domain name that can publish SPF (RFC 7208 §4.3): it is a mail address, not a domain: give the part after the @
fail false 1 spf_invalid_domain: "exa mple.com" is not a domain name that can publish SPF (RFC 7208 §4.3): it contains a space
fail false 1 spf_invalid_domain: "caf\xC3\xA9.example" is not a domain name that can publish SPF (RFC 7208 §4.3): it contains the byte 0xC3, which has no place in a host name (an internationalised name must be given in its xn-- form)
fail false 1 spf_invalid_domain: "example..com" is not a domain name that can publish SPF (RFC 7208 §4.3): it has an empty label (two dots in a row, or a leading dot)
fail false 1 spf_invalid_domain: ".example.com" is not a domain name that can publish SPF (RFC 7208 §4.3): it has an empty label (two dots in a row, or a leading dot)
fail false 1 spf_invalid_domain: "example.com.." is not a domain name that can publish SPF (RFC 7208 §4.3): it has an empty label (two dots in a row, or a leading dot)
fail false 1 spf_invalid_domain: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.example.com" is not a domain name that can publish SPF (RFC 7208 §4.3): a label is longer than 63 octets
fail false 1 spf_invalid_domain: "1.2.3.4.5" is not a domain name that can publish SPF (RFC 7208 §4.3): its last label is numeric, which no top-level domain is
fail false 1 spf_invalid_domain: "-" is not a domain name that can publish SPF (RFC 7208 §4.3): it is a single label: give the full domain, e.g. example.com
253 error dns_* true
254 error dns_* true
253 error dns_* true
