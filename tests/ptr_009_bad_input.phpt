--TEST--
mail_check_ptr(): bad arguments throw ValueError naming the argument
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:9
--FILE--
<?php
$cases = [
    ['not-an-ip', null], ['203.0.113.5:25', null], ['[2001:db8::1]:25', null], ['[2001:db8::1]', null],
    ['fe80::1%eth0', null], ["203.0.113.5\0evil", null], ['', null], [' 203.0.113.5', null],
    ['203.0.113.256', null], ['203.0.113', null], ['0203.0.113.5', null], [str_repeat('1', 100000), null],
    ['203.0.113.5', "mail.example.com\0x"], ['203.0.113.5', str_repeat('a', 256)], ['203.0.113.5', ''],
];
foreach ($cases as [$ip, $helo]) {
    try {
        mail_check_ptr($ip, $helo);
        echo "no exception\n";
    } catch (ValueError $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
try {
    mail_check_ptr([]);
} catch (TypeError $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
?>
--EXPECT--
ValueError: mail_check_ptr(): Argument #1 ($ip) must be a valid IPv4 or IPv6 address
ValueError: mail_check_ptr(): Argument #1 ($ip) must be an IP address without brackets or a port
ValueError: mail_check_ptr(): Argument #1 ($ip) must be an IP address without brackets or a port
ValueError: mail_check_ptr(): Argument #1 ($ip) must be an IP address without brackets or a port
ValueError: mail_check_ptr(): Argument #1 ($ip) must be an IP address without a zone index (%)
ValueError: mail_check_ptr(): Argument #1 ($ip) must not contain any null bytes
ValueError: mail_check_ptr(): Argument #1 ($ip) must not be empty
ValueError: mail_check_ptr(): Argument #1 ($ip) must be a valid IPv4 or IPv6 address
ValueError: mail_check_ptr(): Argument #1 ($ip) must be a valid IPv4 or IPv6 address
ValueError: mail_check_ptr(): Argument #1 ($ip) must be a valid IPv4 or IPv6 address
ValueError: mail_check_ptr(): Argument #1 ($ip) must be a valid IPv4 or IPv6 address
ValueError: mail_check_ptr(): Argument #1 ($ip) must be a valid IPv4 or IPv6 address
ValueError: mail_check_ptr(): Argument #2 ($helo) must not contain any null bytes
ValueError: mail_check_ptr(): Argument #2 ($helo) must be at most 255 bytes long, 256 given
ValueError: mail_check_ptr(): Argument #2 ($helo) must not be empty
TypeError: mail_check_ptr(): Argument #1 ($ip) must be of type string, array given
