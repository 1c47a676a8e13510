--TEST--
guard (block): From: headers with RFC 5322 comments parse and are sent: "a@x (Name)", "Name <a@x> (note)", nested, with quoted-pairs, around the @
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.guard=block
mailcheck.ip=203.0.113.5
mailcheck.resolver=127.0.0.1:53535
sendmail_path="{PWD}/guard/capture-sendmail -C {TMP}/mailcheck-guard_016.mbox"
--FILE--
<?php
require __DIR__ . '/guard/guard.inc';
$path = capture_path('guard_016');
@unlink($path);
$froms = [
    'news@example.net (Example Shop)',
    'Shop <news@example.net> (Newsletter)',
    '(Shop) news@example.net (Newsletter (weekly))',
    'news@example.net (a \) b \( c)',
    '"Shop (EU)" <news(c)@(c)example.net>',
    "Shop\r\n (folded comment) <news@example.net>",
];
foreach ($froms as $from) {
    $sent = mail('to@example.org', 'Hi', 'Body', "From: $from", '-fnews@example.net');
    $r = mail_check_last();
    echo var_export($sent, true), ' | ', $r['status'], ' | ', codes($r), "\n";
}
var_dump(count(captured($path)));
// Still refused: a comment that never closes.
var_dump(@mail('to@example.org', 'Hi', 'Body', 'From: news@example.net (Shop', '-fnews@example.net'));
echo codes(mail_check_last()), ': ', mail_check_last()['problems'][0]['message'], "\n";
@unlink($path);
?>
--EXPECT--
true | ok | 
true | ok | 
true | ok | 
true | ok | 
true | ok | 
true | ok | 
int(6)
bool(false)
sender_syntax: Not a valid sender address: a comment has a ( without ) (at byte 18)
