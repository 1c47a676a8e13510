--TEST--
mail_check_spf(): bad arguments throw ValueError; an impossible domain is result none, not an error: a fail that names the sender (spf_invalid_identity); no sender at all is spf_missing
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:9
--FILE--
<?php
foreach ([['1.2.3.4:25', 'a@example.com', null], ['203.0.113.5', "a@example.com\0", null],
          ['203.0.113.5', 'a@' . str_repeat('x', 300), null], ['203.0.113.5', 'a@example.com', "h\0"],
          ['203.0.113.5', 'a@example.com', str_repeat('h', 256)]] as [$ip, $s, $h]) {
    try {
        mail_check_spf($ip, $s, $h);
        echo "no exception\n";
    } catch (ValueError $e) {
        echo $e->getMessage(), "\n";
    }
}
foreach (['a@[192.0.2.1]', 'a@nodots', 'a@foo..example.com', 'a@' . str_repeat('x', 64) . '.example.com', ''] as $s) {
    $r = mail_check_spf('203.0.113.5', $s);
    echo json_encode($s), ' => ', $r['result'], ' ', $r['problems'][0]['code'], "\n";
}
?>
--EXPECT--
mail_check_spf(): Argument #1 ($ip) must be an IP address without brackets or a port
mail_check_spf(): Argument #2 ($sender) must not contain any null bytes
mail_check_spf(): Argument #2 ($sender) must be at most 256 bytes long, 302 given
mail_check_spf(): Argument #3 ($helo) must not contain any null bytes
mail_check_spf(): Argument #3 ($helo) must be at most 255 bytes long, 256 given
"a@[192.0.2.1]" => none spf_invalid_identity
"a@nodots" => none spf_invalid_identity
"a@foo..example.com" => none spf_invalid_identity
"a@xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.example.com" => none spf_invalid_identity
"" => none spf_missing
