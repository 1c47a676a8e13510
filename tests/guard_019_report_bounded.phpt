--TEST--
guard: mail_check_last() keeps cut excerpts of a 1 MB From or envelope, saying so, and no problem quotes one
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.guard=block
mailcheck.ip=203.0.113.5
mailcheck.resolver=127.0.0.1:53535
sendmail_path="{PWD}/guard/capture-sendmail -C {TMP}/mailcheck-guard_019.mbox"
--FILE--
<?php
require __DIR__ . '/guard/guard.inc';
$path = capture_path('guard_019');
@unlink($path);
// The last 6 bytes kept, and the note.
function tail(string $value): string {
    $p = strrpos($value, '… [cut: ');
    return $p === false ? '(not cut)' : substr($value, max(0, $p - 6));
}
$from = str_repeat('l63', intdiv(1 << 20, 3)) . ' <news@example.net>';
@mail('to@example.org', 'Hi', 'Body', "From: $from", '-fnews@example.net');
$r = mail_check_last();
var_dump($r['blocked'], codes($r), strlen($r['from']) < 2200, str_starts_with($r['from'], substr($from, 0, 2000)));
echo tail($r['from']), "\n";

// A 1 MB envelope domain: refused, and quoted nowhere in full.
@mail('to@example.org', 'Hi', 'Body', 'From: news@example.net', '-fnews@' . str_repeat('x', 1 << 20) . '.example.net');
$r = mail_check_last();
$quoted = array_sum(array_map('strlen', array_column($r['problems'], 'message')));
var_dump($r['blocked'], codes($r), $quoted < 4096, strlen($r['envelope_sender']) < 2200);
echo tail($r['envelope_sender']), "\n";

// Cut between whole UTF-8 characters: the excerpt stays valid UTF-8.
@mail('to@example.org', 'Hi', 'Body', 'From: x' . str_repeat('ü', 1 << 19) . ' <news@example.net>', '-fnews@example.net');
$r = mail_check_last();
var_dump(preg_match('//u', $r['from']), tail($r['from']));
var_dump(count(captured($path)));
@unlink($path);
?>
--EXPECT--
bool(true)
string(13) "sender_syntax"
bool(true)
bool(true)
3l63l6… [cut: 1048594 bytes in all]
bool(true)
string(13) "sender_syntax"
bool(true)
bool(true)
xxxxxx… [cut: 1048593 bytes in all]
int(1)
string(37) "üüü… [cut: 1048596 bytes in all]"
int(0)
