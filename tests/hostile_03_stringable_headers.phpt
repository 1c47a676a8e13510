--TEST--
hostile (issue 8, item 3): a Stringable $additional_headers is checked like a string: a From: that fails is blocked
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.guard=block
mailcheck.ip=203.0.113.5
mailcheck.resolver=127.0.0.1:53535
sendmail_path="{PWD}/guard/capture-sendmail -C {TMP}/mailcheck-hostile_03h.mbox"
--FILE--
<?php
require __DIR__ . '/guard/guard.inc';
class Headers {
    public int $calls = 0;
    public function __construct(private string $text) {}
    public function __toString(): string { $this->calls++; return $this->text; }
}
$path = capture_path('hostile_03h');
@unlink($path);
// nullmx.hostile.example.com receives no mail (RFC 7505): a From: there is a definite failure.
$headers = "From: news@nullmx.hostile.example.com\r\nX-Campaign: 7";
foreach ([$headers, new Headers($headers)] as $h) {
    $sent = @mail('to@example.org', 'Offer', 'Body', $h, '-fnews@pass.hostile.example.com');
    $l = mail_check_last();
    echo get_debug_type($h), ': ', json_encode([$sent, $l['blocked'], $l['from'], in_array('sender_null_mx', array_column($l['problems'], 'code'))]),
        $h instanceof Headers ? " converted {$h->calls} time(s)" : '', "\n";
}
var_dump(count(captured($path)));
@unlink($path);
?>
--EXPECT--
string: [false,true,"news@nullmx.hostile.example.com",true]
Headers: [false,true,"news@nullmx.hostile.example.com",true] converted 1 time(s)
int(0)
