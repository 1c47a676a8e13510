--TEST--
mail_check_dmarc(): bad arguments throw ValueError naming the argument; a string that is no domain name is dmarc_invalid_domain, fail, without asking DNS
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:9
--FILE--
<?php
$label = str_repeat('a', 63);
$long = "$label.$label.$label." . str_repeat('b', 61);   // 253 octets
foreach (['', "example.com\0evil", "example.com\r\nX-Evil: 1", "exa\tmple.com", str_repeat('a', 254), "$long.x"] as $domain) {
    try {
        mail_check_dmarc($domain);
        echo "no exception\n";
    } catch (ValueError $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
foreach ([[], new stdClass()] as $bad) {
    try {
        mail_check_dmarc($bad);
    } catch (TypeError $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}

// Not an exception, and no DNS asked (the resolver here is unreachable).
foreach (['localhost', '192.0.2.1', '2001:db8::1', 'postmaster@example.com', 'exa mple.com', "caf\xC3\xA9.example",
        'example..com', '1.2.3.4.5'] as $domain) {
    $r = mail_check_dmarc($domain);
    echo $r['status'], ' ', count($r['problems']), ' ', $r['problems'][0]['code'], ': ', $r['problems'][0]['message'], "\n";
    if ($r['domain'] !== $domain || $r['record'] !== null || $r['org_domain'] !== null || $r['rua'] !== []) {
        echo "unexpected result for $domain\n";
    }
}
// 253 octets pass the check and are looked up (through the unreachable resolver).
ini_set('mailcheck.timeout', '100');
foreach ([$long, "$long."] as $domain) {
    $r = mail_check_dmarc($domain);
    echo strlen($domain), ' ', $r['status'], ' ', $r['problems'][0]['code'], ' ', var_export($r['domain'] === $long, true), "\n";
}
?>
--EXPECT--
ValueError: mail_check_dmarc(): Argument #1 ($domain) must not be empty
ValueError: mail_check_dmarc(): Argument #1 ($domain) must not contain any null bytes
ValueError: mail_check_dmarc(): Argument #1 ($domain) must not contain control characters (0x0D at byte 12)
ValueError: mail_check_dmarc(): Argument #1 ($domain) must not contain control characters (0x09 at byte 4)
ValueError: mail_check_dmarc(): Argument #1 ($domain) must be at most 253 bytes long, 254 given
ValueError: mail_check_dmarc(): Argument #1 ($domain) must be at most 253 bytes long, 255 given
TypeError: mail_check_dmarc(): Argument #1 ($domain) must be of type string, array given
TypeError: mail_check_dmarc(): Argument #1 ($domain) must be of type string, stdClass given
fail 1 dmarc_invalid_domain: "localhost" is not a domain name that can publish DMARC: it is a single label: give the full domain, e.g. example.com
fail 1 dmarc_invalid_domain: "192.0.2.1" is not a domain name that can publish DMARC: it is an IP address: DMARC records are published by domains
fail 1 dmarc_invalid_domain: "2001:db8::1" is not a domain name that can publish DMARC: it is an IP address: DMARC records are published by domains
fail 1 dmarc_invalid_domain: "postmaster@example.com" is not a domain name that can publish DMARC: it is a mail address, not a domain: give the part after the @
fail 1 dmarc_invalid_domain: "exa mple.com" is not a domain name that can publish DMARC: it contains a space
fail 1 dmarc_invalid_domain: "caf\xC3\xA9.example" is not a domain name that can publish DMARC: it contains the byte 0xC3, which has no place in a host name (an internationalised name must be given in its xn-- form)
fail 1 dmarc_invalid_domain: "example..com" is not a domain name that can publish DMARC: it has an empty label (two dots in a row, or a leading dot)
fail 1 dmarc_invalid_domain: "1.2.3.4.5" is not a domain name that can publish DMARC: its last label is numeric, which no top-level domain is
253 error dns_unreachable true
254 error dns_unreachable true
