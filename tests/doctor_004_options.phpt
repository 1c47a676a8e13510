--TEST--
mail_check(): bad arguments and options are a ValueError or TypeError naming what is wrong; the sources of the IP and the HELO (php.ini); mta "host:port" forms
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53535
mailcheck.ip=198.51.100.10
mailcheck.helo=mail.example.org
--FILE--
<?php
$bad = [
    ['', []],
    ["news@example.org\r\nBcc: x@example.org", []],
    ['news@example.org', ['ipp' => '192.0.2.1']],
    ['news@example.org', [0 => 'x']],
    ['news@example.org', ['ip' => '192.0.2.300']],
    ['news@example.org', ['ip' => 5]],
    ['news@example.org', ['helo' => "a\nb"]],
    ['news@example.org', ['mta' => 'localhost:0']],
    ['news@example.org', ['mta' => 'localhost:x']],
    ['news@example.org', ['mta' => ':25']],
    ['news@example.org', ['mta' => true]],
    ['news@example.org', ['dnsbl' => 'bl.dnsbl.test']],
    ['news@example.org', ['dnsbl' => ['com']]],
    ['news@example.org', ['dkim_selectors' => ['bad selector']]],
    ['news@example.org', ['dkim_selectors' => 7]],
    ['news@example.org', ['timeout' => 5]],
    ['news@example.org', ['timeout' => '100']],
];
foreach ($bad as [$sender, $options]) {
    try {
        mail_check($sender, $options);
        echo "accepted\n";
    } catch (ValueError | TypeError $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
// php.ini gives the IP and the HELO when the options do not.
$r = mail_check('news@example.org', ['mta' => false, 'dnsbl' => false, 'dkim_selectors' => 'mail']);
echo "ip {$r['ip']} ({$r['ip_source']}), helo {$r['helo']} ({$r['helo_source']}), status {$r['status']}\n";
// mta forms: an unreachable port is the mta check's problem, not an exception.
foreach (['127.0.0.1:1', '[::1]:1', '127.0.0.1'] as $mta) {
    $r = mail_check('news@example.org', ['mta' => $mta, 'dnsbl' => false, 'timeout' => 500]);
    echo "$mta: host {$r['checks']['mta']['host']} port {$r['checks']['mta']['port']}\n";
}
?>
--EXPECT--
ValueError: mail_check(): Argument #1 ($sender) must not be empty
ValueError: mail_check(): Argument #1 ($sender) must not contain control characters (0x0D at byte 17)
ValueError: mail_check(): Argument #2 ($options) must only hold the options ip, helo, mta, dnsbl, dkim_selectors and timeout ("ipp" given)
ValueError: mail_check(): Argument #2 ($options) must only hold the options ip, helo, mta, dnsbl, dkim_selectors and timeout (an integer key given)
ValueError: mail_check(): Argument #2 ($options) option "ip" must be a valid IPv4 or IPv6 address
TypeError: mail_check(): Argument #2 ($options) option "ip" must be of type string, int given
ValueError: mail_check(): Argument #2 ($options) option "helo" must not contain control characters (0x0A at byte 2)
ValueError: mail_check(): Argument #2 ($options) option "mta" must be "host" or "host:port" with a port from 1 to 65535, "localhost:0" given
ValueError: mail_check(): Argument #2 ($options) option "mta" must be "host" or "host:port" with a port from 1 to 65535, "localhost:x" given
ValueError: mail_check(): Argument #2 ($options) option "mta" must name a host, ":25" given
TypeError: mail_check(): Argument #2 ($options) option "mta" must be of type string or false, bool given
TypeError: mail_check(): Argument #2 ($options) option "dnsbl" must be of type bool or array, string given
ValueError: mail_check(): Argument #2 ($options) option "dnsbl" must hold blocklist zones: "com" is not a zone name (a host name of two labels or more, e.g. zen.spamhaus.org)
ValueError: mail_check(): Argument #2 ($options) option "dkim_selectors" must be a DKIM selector: labels of letters, digits and hyphens separated by dots (RFC 6376 §3.1) ("bad selector" given)
TypeError: mail_check(): Argument #2 ($options) option "dkim_selectors" must be of type array or string, int given
ValueError: mail_check(): Argument #2 ($options) option "timeout" must be 10 to 60000 (milliseconds)
TypeError: mail_check(): Argument #2 ($options) option "timeout" must be of type int, string given
ip 198.51.100.10 (ini), helo mail.example.org (ini), status fail
127.0.0.1:1: host 127.0.0.1 port 1
[::1]:1: host [::1] port 1
127.0.0.1: host 127.0.0.1 port 25