--TEST--
hostile (issue 8, item 3): a Stringable 5th argument is converted once, and the guard judges the envelope sendmail gets
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.guard=block
mailcheck.ip=203.0.113.5
mailcheck.resolver=127.0.0.1:53535
sendmail_path="{PWD}/guard/capture-sendmail -C {TMP}/mailcheck-hostile_03p.mbox"
--FILE--
<?php
require __DIR__ . '/guard/guard.inc';
/** A passing envelope the first time it is converted, a failing one after. */
class Params {
    public int $calls = 0;
    public function __construct(private string $first, private string $then) {}
    public function __toString(): string { return ++$this->calls === 1 ? $this->first : $this->then; }
}
$path = capture_path('hostile_03p');
@unlink($path);
$p = new Params('-fnews@pass.hostile.example.com', '-fnews@fail.hostile.example.com');
$sent = @mail('to@example.org', 'Offer', 'Body', 'From: news@pass.hostile.example.com', $p);
$got = captured($path);
echo json_encode([$sent, $p->calls, mail_check_last()['envelope_sender'], array_column($got, 'argv')]), "\n";

@unlink($path);
$p = new Params('-fnews@fail.hostile.example.com', '-fnews@pass.hostile.example.com');
$sent = @mail('to@example.org', 'Offer', 'Body', 'From: news@pass.hostile.example.com', $p);
echo json_encode([$sent, $p->calls, mail_check_last()['envelope_sender'], mail_check_last()['blocked'], count(captured($path))]), "\n";
@unlink($path);
?>
--EXPECT--
[true,1,"news@pass.hostile.example.com",["-fnews@pass.hostile.example.com"]]
[false,1,"news@fail.hostile.example.com",true,0]
