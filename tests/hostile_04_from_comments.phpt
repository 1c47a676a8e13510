--TEST--
hostile (issue 8, item 4): From: headers with RFC 5322 comments (CFWS) are valid: no sender_syntax, and block mode sends them
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.guard=block
mailcheck.ip=203.0.113.5
mailcheck.resolver=127.0.0.1:53535
sendmail_path="{PWD}/guard/capture-sendmail -C {TMP}/mailcheck-hostile_04.mbox"
--FILE--
<?php
require __DIR__ . '/guard/guard.inc';
$path = capture_path('hostile_04');
@unlink($path);
foreach (['news@pass.hostile.example.com (Example Shop)', 'Shop <a@pass.hostile.example.com> (Newsletter)'] as $from) {
    $r = mail_check_sender($from);
    echo $from, ': ', $r['status'], ' ', $r['address'], ' [', codes($r), "]\n";
    $sent = mail('to@example.org', 'Offer', 'Body', "From: $from", '-fnews@pass.hostile.example.com');
    $l = mail_check_last();
    echo '  guard: ', json_encode([$sent, $l['blocked'], $l['status']]), ' [', codes($l), "]\n";
}
$got = captured($path);
$from_lines = array_map(fn($m) => array_values(array_filter(explode("\r\n", $m['message']), fn($l) => str_starts_with($l, 'From: '))), $got);
echo count($got), ' sent; From: headers intact: ', json_encode($from_lines), "\n";
@unlink($path);
?>
--EXPECT--
news@pass.hostile.example.com (Example Shop): ok news@pass.hostile.example.com []
  guard: [true,false,"ok"] []
Shop <a@pass.hostile.example.com> (Newsletter): ok a@pass.hostile.example.com []
  guard: [true,false,"ok"] []
2 sent; From: headers intact: [["From: news@pass.hostile.example.com (Example Shop)"],["From: Shop <a@pass.hostile.example.com> (Newsletter)"]]
