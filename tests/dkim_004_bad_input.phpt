--TEST--
mail_check_dkim(): bad domains and selectors throw ValueError or TypeError naming the argument; a string that is no domain name is dkim_invalid_domain, fail, without asking DNS
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
attempt(fn() => mail_check_dkim(''));
attempt(fn() => mail_check_dkim("example.com\0"));
attempt(fn() => mail_check_dkim("example.com\n"));
attempt(fn() => mail_check_dkim(str_repeat('a', 254)));
attempt(fn() => mail_check_dkim('example.com', ''));
attempt(fn() => mail_check_dkim('example.com', []));
attempt(fn() => mail_check_dkim('example.com', ['s1', 5]));
attempt(fn() => mail_check_dkim('example.com', ['s1', null]));
attempt(fn() => mail_check_dkim('example.com', ["s\0"]));
attempt(fn() => mail_check_dkim('example.com', ["s\r\n"]));
attempt(fn() => mail_check_dkim('example.com', 'bad_selector'));
attempt(fn() => mail_check_dkim('example.com', 'sel.'));
attempt(fn() => mail_check_dkim('example.com', '-sel'));
attempt(fn() => mail_check_dkim('example.com', ['s1', 'S1']));
attempt(fn() => mail_check_dkim('example.com', array_map(fn($i) => "s$i", range(1, 33))));
attempt(fn() => mail_check_dkim(str_repeat('a', 60) . '.' . str_repeat('b', 60) . '.' . str_repeat('c', 60) . '.example', str_repeat('s', 63) . '.' . str_repeat('t', 10)));
attempt(fn() => mail_check_dkim('example.com', new stdClass()));

foreach (['localhost', '192.0.2.1', 'user@example.com', 'exa mple.com'] as $domain) {
    $r = mail_check_dkim($domain, 's1');
    echo $r['status'], ' ', count($r['problems']), ' ', $r['problems'][0]['code'], ': ', $r['problems'][0]['message'], "\n";
    if ($r['domain'] !== $domain || $r['selectors'] !== []) {
        echo "unexpected result for $domain\n";
    }
}
// 32 selectors, each a dotted name, are fine (looked up through the unreachable resolver).
ini_set('mailcheck.timeout', '100');
$r = mail_check_dkim('example.com', array_map(fn($i) => "s$i.2026", range(1, 32)));
echo $r['status'], ' ', count($r['selectors']), ' ', $r['selectors'][31]['selector'], ' ', var_export($r['selectors'][31]['found'], true), "\n";
?>
--EXPECT--
ValueError: mail_check_dkim(): Argument #1 ($domain) must not be empty
ValueError: mail_check_dkim(): Argument #1 ($domain) must not contain any null bytes
ValueError: mail_check_dkim(): Argument #1 ($domain) must not contain control characters (0x0A at byte 12)
ValueError: mail_check_dkim(): Argument #1 ($domain) must be at most 253 bytes long, 254 given
ValueError: mail_check_dkim(): Argument #2 ($selectors) must not be empty
ValueError: mail_check_dkim(): Argument #2 ($selectors) must not be empty
TypeError: mail_check_dkim(): Argument #2 ($selectors) must hold only strings, int given
TypeError: mail_check_dkim(): Argument #2 ($selectors) must hold only strings, null given
ValueError: mail_check_dkim(): Argument #2 ($selectors) must not contain any null bytes
ValueError: mail_check_dkim(): Argument #2 ($selectors) must not contain control characters (0x0D at byte 2)
ValueError: mail_check_dkim(): Argument #2 ($selectors) must be a DKIM selector: labels of letters, digits and hyphens separated by dots (RFC 6376 §3.1) ("bad_selector" given)
ValueError: mail_check_dkim(): Argument #2 ($selectors) must be a DKIM selector: labels of letters, digits and hyphens separated by dots (RFC 6376 §3.1) ("sel." given)
ValueError: mail_check_dkim(): Argument #2 ($selectors) must be a DKIM selector: labels of letters, digits and hyphens separated by dots (RFC 6376 §3.1) ("-sel" given)
ValueError: mail_check_dkim(): Argument #2 ($selectors) must not name "S1" twice
ValueError: mail_check_dkim(): Argument #2 ($selectors) must hold at most 32 names, 33 given
ValueError: mail_check_dkim(): Argument #2 ($selectors) must be short enough that sssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssss.tttttttttt._domainkey.<domain> fits the 253 octets of a DNS name
TypeError: mail_check_dkim(): Argument #2 ($selectors) must be of type array|string|null, stdClass given
fail 1 dkim_invalid_domain: "localhost" is not a domain name that can publish DKIM keys: it is a single label: give the full domain, e.g. example.com
fail 1 dkim_invalid_domain: "192.0.2.1" is not a domain name that can publish DKIM keys: it is an IP address: DKIM keys are published by domains
fail 1 dkim_invalid_domain: "user@example.com" is not a domain name that can publish DKIM keys: it is a mail address, not a domain: give the part after the @
fail 1 dkim_invalid_domain: "exa mple.com" is not a domain name that can publish DKIM keys: it contains a space
error 32 s32.2026 NULL
