--TEST--
mail_check_dnsbl(): an argument that is neither an IP nor a domain, and bad zones, throw ValueError or TypeError naming the argument
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:9
--FILE--
<?php
function attempt(callable $f): void {
    try {
        $f();
        echo "no exception\n";
    } catch (ValueError|TypeError $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
foreach (['', "192.0.2.1\0", "192.0.2.1\n", 'localhost', 'user@example.com', '192.0.2.1:25', '[2001:db8::1]', '2001:db8::1%eth0',
        '300.1.1.1', 'exa mple.com', str_repeat('a', 254)] as $subject) {
    attempt(fn() => mail_check_dnsbl($subject, ['bl.example']));
}
attempt(fn() => mail_check_dnsbl('192.0.2.1', []));
attempt(fn() => mail_check_dnsbl('192.0.2.1', ['bl.example', 3]));
attempt(fn() => mail_check_dnsbl('192.0.2.1', ['bl']));
attempt(fn() => mail_check_dnsbl('192.0.2.1', ['bl_x.example']));
attempt(fn() => mail_check_dnsbl('192.0.2.1', ['192.0.2.53']));
attempt(fn() => mail_check_dnsbl('192.0.2.1', ["bl.example\0"]));
attempt(fn() => mail_check_dnsbl('192.0.2.1', ['bl.example', 'BL.example.']));
attempt(fn() => mail_check_dnsbl('192.0.2.1', array_map(fn($i) => "z$i.example", range(1, 33))));
attempt(fn() => mail_check_dnsbl('192.0.2.1', 'bl.example'));
// A query name over 253 octets is that zone's error, not an exception.
$label = str_repeat('a', 63);
$r = mail_check_dnsbl('2001:db8::1', ["$label.$label.$label.example"]);
echo $r['status'], ' ', $r['zones'][0]['error'], ' | ', $r['problems'][0]['code'], ': ', $r['problems'][0]['message'], "\n";
?>
--EXPECT--
ValueError: mail_check_dnsbl(): Argument #1 ($ip_or_domain) must not be empty
ValueError: mail_check_dnsbl(): Argument #1 ($ip_or_domain) must not contain any null bytes
ValueError: mail_check_dnsbl(): Argument #1 ($ip_or_domain) must not contain control characters (0x0A at byte 10)
ValueError: mail_check_dnsbl(): Argument #1 ($ip_or_domain) must be an IP address or a domain name: it is a single label: give the full domain, e.g. example.com
ValueError: mail_check_dnsbl(): Argument #1 ($ip_or_domain) must be an IP address or a domain name: it is a mail address, not a domain: give the part after the @
ValueError: mail_check_dnsbl(): Argument #1 ($ip_or_domain) must be an IP address or a domain name: it contains ":", which has no place in a host name
ValueError: mail_check_dnsbl(): Argument #1 ($ip_or_domain) must be an IP address or a domain name: it contains "[", which has no place in a host name
ValueError: mail_check_dnsbl(): Argument #1 ($ip_or_domain) must be an IP address or a domain name: it contains ":", which has no place in a host name
ValueError: mail_check_dnsbl(): Argument #1 ($ip_or_domain) must be an IP address or a domain name: its last label is numeric, which no top-level domain is
ValueError: mail_check_dnsbl(): Argument #1 ($ip_or_domain) must be an IP address or a domain name: it contains a space
ValueError: mail_check_dnsbl(): Argument #1 ($ip_or_domain) must be at most 253 bytes long, 254 given
ValueError: mail_check_dnsbl(): Argument #2 ($zones) must not be empty
TypeError: mail_check_dnsbl(): Argument #2 ($zones) must hold only strings, int given
ValueError: mail_check_dnsbl(): Argument #2 ($zones) must hold blocklist zones: "bl" is not a zone name (a host name of two labels or more, e.g. zen.spamhaus.org)
ValueError: mail_check_dnsbl(): Argument #2 ($zones) must hold blocklist zones: "bl_x.example" is not a zone name (a host name of two labels or more, e.g. zen.spamhaus.org)
ValueError: mail_check_dnsbl(): Argument #2 ($zones) must hold blocklist zones: "192.0.2.53" is not a zone name (a host name of two labels or more, e.g. zen.spamhaus.org)
ValueError: mail_check_dnsbl(): Argument #2 ($zones) must not contain any null bytes
ValueError: mail_check_dnsbl(): Argument #2 ($zones) must not name "BL.example." twice
ValueError: mail_check_dnsbl(): Argument #2 ($zones) must hold at most 32 names, 33 given
TypeError: mail_check_dnsbl(): Argument #2 ($zones) must be of type ?array, string given
error query error: 2001:db8::1.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.example is longer than a DNS name may be | dnsbl_error: 2001:db8::1 cannot be looked up on aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.example: the query name would be longer than 253 octets
