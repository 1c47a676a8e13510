--TEST--
guard: envelope from -f (both forms), from sendmail_path; From: from an array, folded, with a display name; a From: not aligned with the envelope
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.guard=warn
mailcheck.ip=203.0.113.5
mailcheck.resolver=127.0.0.1:53535
sendmail_path="{PWD}/guard/capture-sendmail -C {TMP}/mailcheck-guard_006.mbox -oi"
--FILE--
<?php
require __DIR__ . '/guard/guard.inc';
$path = capture_path('guard_006');
@unlink($path);
$cases = [
    ['From: news@example.net', '-fnews@example.net'],
    ['From: news@example.net', '-f news@example.net'],
    [['From' => 'Shop <news@example.net>', 'X-Mailer' => 'test'], '-fnews@example.net'],
    [['from' => '"Shop" <news@example.net>'], '-fnews@example.net'],
    ["X-A: 1\r\nFrom: \"Shop, Inc.\"\r\n <news@example.net>\r\nX-B: 2", '-fnews@example.net'],
    ["FROM:news@example.net\nReply-To: x@example.net", '-fnews@example.net'],
    ['From: offers@example.com', '-fnews@example.net'],
];
foreach ($cases as [$headers, $params]) {
    $sent = mail('to@example.org', 'Hi', 'Body', $headers, $params);
    $r = mail_check_last();
    printf("%s | %s | %s | %s\n", var_export($sent, true), $r['envelope_sender'], $r['from'], codes($r));
}
$got = captured($path);
echo count($got), ' sent; argv: ', $got[1]['argv'], "\n";
// Each message is what PHP alone would have handed to sendmail.
$same = 0;
foreach ($cases as $i => [$headers, $params]) {
    $same += $got[$i]['message'] === reference_message('mail', ['to@example.org', 'Hi', 'Body', $headers, $params]);
}
echo "$same identical\n";
@unlink($path);
?>
--EXPECTF--
true | news@example.net | news@example.net | 
true | news@example.net | news@example.net | 
true | news@example.net | Shop <news@example.net> | 
true | news@example.net | "Shop" <news@example.net> | 
true | news@example.net | "Shop, Inc." <news@example.net> | 
true | news@example.net | news@example.net | 

Warning: mail(): mailcheck: likely to be marked as spam: %Sfrom_not_aligned (+%f at rspamd's defaults) — %s; see mail_check_last() in %s on line %d
true | news@example.net | offers@example.com | %Sfrom_not_aligned
7 sent; argv: -oi -f news@example.net
7 identical
