--TEST--
mail_check_sender(): syntax errors are sender_syntax problems (with what is wrong), never a crash: NUL, CRLF injection, 1 MB, lone @
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:9
--FILE--
<?php
$cases = ['@', 'a@', '@example.net', 'plainaddress', "a@example.net\0.evil.com", "a@example.net\r\nBcc: victim@example.org",
    "Name <a@example.net>\nX-Injected: 1", 'a..b@example.net', '.a@example.net', 'a.@example.net', 'a@b@example.net',
    str_repeat('l', 65) . '@example.net', 'x@' . str_repeat('a', 63) . '.' . str_repeat('b', 63) . '.' . str_repeat('c', 63) . '.' . str_repeat('d', 60) . '.net',
    str_repeat('x', 1024 * 1024), 'Name <a@example.net', 'a b@example.net', 'a@exa mple.net', 'a@-example.net', ''];
foreach ($cases as $a) {
    $r = mail_check_sender($a);
    $p = $r['problems'][0];
    printf("%s => %s %s: %s\n", strlen($a) > 60 ? strlen($a) . ' bytes' : json_encode($a), $r['status'], $p['code'], $p['message']);
    if ($r['address'] !== null || count($r['problems']) !== 1) echo "  unexpected\n";
}
try {
    mail_check_sender(str_repeat('x', 1024 * 1024 + 1));
} catch (ValueError $e) {
    echo $e->getMessage(), "\n";
}
?>
--EXPECTF--
"@" => fail sender_syntax: Not a valid sender address: %s (at byte %d)
"a@" => fail sender_syntax: Not a valid sender address: %s (at byte %d)
"@example.net" => fail sender_syntax: Not a valid sender address: %s (at byte %d)
"plainaddress" => fail sender_syntax: Not a valid sender address: %s (at byte %d)
"a@example.net\u0000.evil.com" => fail sender_syntax: Not a valid sender address: %s (at byte 14)
"a@example.net\r\nBcc: victim@example.org" => fail sender_syntax: Not a valid sender address: the address contains a line break (at byte 14)
"Name <a@example.net>\nX-Injected: 1" => fail sender_syntax: Not a valid sender address: the address contains a line break (at byte 21)
"a..b@example.net" => fail sender_syntax: Not a valid sender address: %s (at byte %d)
".a@example.net" => fail sender_syntax: Not a valid sender address: %s (at byte %d)
"a.@example.net" => fail sender_syntax: Not a valid sender address: %s (at byte %d)
"a@b@example.net" => fail sender_syntax: Not a valid sender address: %s (at byte %d)
77 bytes => fail sender_syntax: Not a valid sender address: %s64%s (at byte %d)
258 bytes => fail sender_syntax: Not a valid sender address: %s (at byte %d)
1048576 bytes => fail sender_syntax: Not a valid sender address: %s (at byte %d)
"Name <a@example.net" => fail sender_syntax: Not a valid sender address: %s (at byte %d)
"a b@example.net" => fail sender_syntax: Not a valid sender address: %s (at byte %d)
"a@exa mple.net" => fail sender_syntax: Not a valid sender address: %s (at byte %d)
"a@-example.net" => fail sender_syntax: Not a valid sender address: %s (at byte %d)
"" => fail sender_syntax: Not a valid sender address: %s (at byte %d)
mail_check_sender(): Argument #1 ($address) must be at most 1048576 bytes long
