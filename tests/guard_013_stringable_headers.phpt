--TEST--
guard (block): a Stringable $additional_headers is converted once and its From: is checked like a string's
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.guard=block
mailcheck.ip=203.0.113.5
mailcheck.resolver=127.0.0.1:53535
sendmail_path="{PWD}/guard/capture-sendmail -C {TMP}/mailcheck-guard_013.mbox"
--FILE--
<?php
require __DIR__ . '/guard/guard.inc';
$path = capture_path('guard_013');
@unlink($path);
class Headers {
    public int $calls = 0;
    public function __construct(private string $from) {}
    public function __toString(): string {
        $this->calls++;
        return "From: Shop <$this->from>\r\nX-Campaign: 7";
    }
}
// nullmx.example.net publishes a null MX: no receiver takes mail from it.
$headers = new Headers('news@nullmx.example.net');
var_dump(mail('to@example.org', 'Hi', 'Body', $headers, '-fnews@example.net'));
$r = mail_check_last();
var_dump($headers->calls, $r['from'], $r['blocked'], codes($r), count(captured($path)));

$headers = new Headers('news@example.net');
var_dump(mail('to@example.org', 'Hi', 'Body', $headers, '-fnews@example.net'));
$r = mail_check_last();
$got = captured($path);
var_dump($headers->calls, $r['from'], $r['status'], count($got));
var_dump($got[0]['message'] === reference_message('mail', ['to@example.org', 'Hi', 'Body', (string)$headers, '-fnews@example.net']));
@unlink($path);
?>
--EXPECTF--
Warning: mail() blocked by mailcheck: sender_null_mx — nullmx.example.net publishes a null MX %s; see mail_check_last() in %s on line %d
bool(false)
int(1)
string(30) "Shop <news@nullmx.example.net>"
bool(true)
string(%d) "sender_null_mx%S"
int(0)
bool(true)
int(1)
string(23) "Shop <news@example.net>"
string(2) "ok"
int(1)
bool(true)
