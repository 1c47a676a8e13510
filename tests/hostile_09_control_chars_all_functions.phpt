--TEST--
Control characters (CR, LF, TAB, DEL …) in a name or identity argument throw ValueError naming the argument; received_spf never holds CR or LF
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53535
--FILE--
<?php
$calls = [
    fn($bad) => mail_check_spf('203.0.113.5', "a{$bad}X-Injected: yes@pass.spf.example.com"),
    fn($bad) => mail_check_spf('203.0.113.5', 'a@pass.spf.example.com', "mail.example.com{$bad}X-Injected: yes"),
    fn($bad) => mail_check_spf('203.0.113.5', '', "mail{$bad}.example.com"),
    fn($bad) => mail_check_spf_record("pass.spf.example.com$bad"),
    fn($bad) => mail_check_ptr('203.0.113.5', "{$bad}mail.example.com"),
    fn($bad) => mail_check_helo("mail.example.com$bad", '203.0.113.5'),
    fn($bad) => mail_check_mta("127.0.0.1$bad", 9),
];
foreach ($calls as $call) {
    foreach (["\r", "\n", "\r\n", "\t", "\x7f", "\x01", "\x1f"] as $bad) {
        try {
            $call($bad);
            echo json_encode($bad), ": no exception\n";
        } catch (ValueError $e) {
            echo $e->getMessage(), "\n";
        }
    }
}

// What passes the argument check never puts a line break into the header.
$senders = ['a@pass.spf.example.com', 'a@soft.spf.example.com', 'a@nothing.example.com', '"a b"@pass.spf.example.com',
    '"a\\"b"@pass.spf.example.com', 'a;b=c@pass.spf.example.com', "j\xC3\xBCrgen@pass.spf.example.com",
    'a@pass.spf.example.com (comment)', '<a@pass.spf.example.com>', "a\xE2\x80\xA8b@pass.spf.example.com",
    str_repeat('x', 200) . '@pass.spf.example.com', ''];
$headers = 0;
foreach ($senders as $s) {
    foreach ([null, 'mail.example.com', 'helo with spaces', "h\xC2\x85lo"] as $helo) {
        $r = mail_check_spf('203.0.113.5', $s, $helo);
        if ($r['received_spf'] !== null) {
            $headers++;
            if (strpbrk($r['received_spf'], "\r\n") !== false) {
                echo 'line break in received_spf for ', json_encode($s), ' / ', json_encode($helo), ': ', json_encode($r['received_spf']), "\n";
            }
        }
    }
}
echo $headers >= 30 ? "received_spf: no line breaks\n" : "only $headers received_spf headers\n";
?>
--EXPECT--
mail_check_spf(): Argument #2 ($sender) must not contain control characters (0x0D at byte 2)
mail_check_spf(): Argument #2 ($sender) must not contain control characters (0x0A at byte 2)
mail_check_spf(): Argument #2 ($sender) must not contain control characters (0x0D at byte 2)
mail_check_spf(): Argument #2 ($sender) must not contain control characters (0x09 at byte 2)
mail_check_spf(): Argument #2 ($sender) must not contain control characters (0x7F at byte 2)
mail_check_spf(): Argument #2 ($sender) must not contain control characters (0x01 at byte 2)
mail_check_spf(): Argument #2 ($sender) must not contain control characters (0x1F at byte 2)
mail_check_spf(): Argument #3 ($helo) must not contain control characters (0x0D at byte 17)
mail_check_spf(): Argument #3 ($helo) must not contain control characters (0x0A at byte 17)
mail_check_spf(): Argument #3 ($helo) must not contain control characters (0x0D at byte 17)
mail_check_spf(): Argument #3 ($helo) must not contain control characters (0x09 at byte 17)
mail_check_spf(): Argument #3 ($helo) must not contain control characters (0x7F at byte 17)
mail_check_spf(): Argument #3 ($helo) must not contain control characters (0x01 at byte 17)
mail_check_spf(): Argument #3 ($helo) must not contain control characters (0x1F at byte 17)
mail_check_spf(): Argument #3 ($helo) must not contain control characters (0x0D at byte 5)
mail_check_spf(): Argument #3 ($helo) must not contain control characters (0x0A at byte 5)
mail_check_spf(): Argument #3 ($helo) must not contain control characters (0x0D at byte 5)
mail_check_spf(): Argument #3 ($helo) must not contain control characters (0x09 at byte 5)
mail_check_spf(): Argument #3 ($helo) must not contain control characters (0x7F at byte 5)
mail_check_spf(): Argument #3 ($helo) must not contain control characters (0x01 at byte 5)
mail_check_spf(): Argument #3 ($helo) must not contain control characters (0x1F at byte 5)
mail_check_spf_record(): Argument #1 ($domain) must not contain control characters (0x0D at byte 21)
mail_check_spf_record(): Argument #1 ($domain) must not contain control characters (0x0A at byte 21)
mail_check_spf_record(): Argument #1 ($domain) must not contain control characters (0x0D at byte 21)
mail_check_spf_record(): Argument #1 ($domain) must not contain control characters (0x09 at byte 21)
mail_check_spf_record(): Argument #1 ($domain) must not contain control characters (0x7F at byte 21)
mail_check_spf_record(): Argument #1 ($domain) must not contain control characters (0x01 at byte 21)
mail_check_spf_record(): Argument #1 ($domain) must not contain control characters (0x1F at byte 21)
mail_check_ptr(): Argument #2 ($helo) must not contain control characters (0x0D at byte 1)
mail_check_ptr(): Argument #2 ($helo) must not contain control characters (0x0A at byte 1)
mail_check_ptr(): Argument #2 ($helo) must not contain control characters (0x0D at byte 1)
mail_check_ptr(): Argument #2 ($helo) must not contain control characters (0x09 at byte 1)
mail_check_ptr(): Argument #2 ($helo) must not contain control characters (0x7F at byte 1)
mail_check_ptr(): Argument #2 ($helo) must not contain control characters (0x01 at byte 1)
mail_check_ptr(): Argument #2 ($helo) must not contain control characters (0x1F at byte 1)
mail_check_helo(): Argument #1 ($helo) must not contain control characters (0x0D at byte 17)
mail_check_helo(): Argument #1 ($helo) must not contain control characters (0x0A at byte 17)
mail_check_helo(): Argument #1 ($helo) must not contain control characters (0x0D at byte 17)
mail_check_helo(): Argument #1 ($helo) must not contain control characters (0x09 at byte 17)
mail_check_helo(): Argument #1 ($helo) must not contain control characters (0x7F at byte 17)
mail_check_helo(): Argument #1 ($helo) must not contain control characters (0x01 at byte 17)
mail_check_helo(): Argument #1 ($helo) must not contain control characters (0x1F at byte 17)
mail_check_mta(): Argument #1 ($host) must not contain control characters (0x0D at byte 10)
mail_check_mta(): Argument #1 ($host) must not contain control characters (0x0A at byte 10)
mail_check_mta(): Argument #1 ($host) must not contain control characters (0x0D at byte 10)
mail_check_mta(): Argument #1 ($host) must not contain control characters (0x09 at byte 10)
mail_check_mta(): Argument #1 ($host) must not contain control characters (0x7F at byte 10)
mail_check_mta(): Argument #1 ($host) must not contain control characters (0x01 at byte 10)
mail_check_mta(): Argument #1 ($host) must not contain control characters (0x1F at byte 10)
received_spf: no line breaks
