--TEST--
mail_check_message(): a bad IP, an envelope sender or HELO with control characters are a ValueError naming the argument; headers are data (no From: is judged as none), whatever bytes they hold
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:9
mailcheck.timeout=200
--FILE--
<?php
foreach ([
    ['203.0.113.300', 'a@example.com', 'From: a@example.com', null],
    ['203.0.113.5', "a@example.com\r\nRCPT TO:<x@example.net>", 'From: a@example.com', null],
    ['203.0.113.5', str_repeat('a', 300) . '@example.com', 'From: a@example.com', null],
    ['203.0.113.5', 'a@example.com', 'From: a@example.com', "mail.example.com\n"],
    ['203.0.113.5', 'a@example.com', 'From: a@example.com', ''],
] as [$ip, $envelope, $headers, $helo]) {
    try {
        mail_check_message($ip, $envelope, $headers, $helo);
        echo "accepted\n";
    } catch (ValueError $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
// No From: at all, or one after the header section: no From domain to judge.
foreach (["Subject: x", "Subject: x\r\n\r\nFrom: a@example.com", "\0From: a@example.com"] as $headers) {
    $r = mail_check_message('203.0.113.5', 'a@example.com', $headers);
    echo json_encode($r['from']), ' ', $r['status'], "\n";
}
?>
--EXPECT--
ValueError: mail_check_message(): Argument #1 ($ip) must be a valid IPv4 or IPv6 address
ValueError: mail_check_message(): Argument #2 ($envelope_sender) must not contain control characters (0x0D at byte 14)
ValueError: mail_check_message(): Argument #2 ($envelope_sender) must be at most 256 bytes long, 312 given
ValueError: mail_check_message(): Argument #4 ($helo) must not contain control characters (0x0A at byte 17)
ValueError: mail_check_message(): Argument #4 ($helo) must not be empty
null error
null error
null error
