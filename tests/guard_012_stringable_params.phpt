--TEST--
guard (block): a Stringable 5th argument is converted once: the envelope the guard judges is the one sendmail gets
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.guard=block
mailcheck.ip=203.0.113.5
mailcheck.resolver=127.0.0.1:53535
sendmail_path="{PWD}/guard/capture-sendmail -C {TMP}/mailcheck-guard_012.mbox"
--FILE--
<?php
require __DIR__ . '/guard/guard.inc';
$path = capture_path('guard_012');
@unlink($path);
// A different sender each time it is converted: first one SPF allows,
// then one whose SPF fails for this IP.
class Params {
    public int $calls = 0;
    public function __toString(): string {
        return ++$this->calls === 1 ? '-fnews@example.net' : '-fnews@strict.example.net';
    }
}
$params = new Params();
var_dump(mail('to@example.org', 'Hi', 'Body', 'From: news@example.net', $params));
$r = mail_check_last();
$got = captured($path);
var_dump($params->calls, $r['envelope_sender'], $r['blocked'], count($got), $got[0]['argv']);

// The other way round: the first conversion fails SPF, and that is what is sent.
$params = new class {
    public int $calls = 0;
    public function __toString(): string {
        return ++$this->calls === 1 ? '-fnews@strict.example.net' : '-fnews@example.net';
    }
};
var_dump(@mail('to@example.org', 'Hi', 'Body', 'From: news@strict.example.net', $params));
$r = mail_check_last();
var_dump($params->calls, $r['envelope_sender'], $r['blocked'], count(captured($path)));
@unlink($path);
?>
--EXPECT--
bool(true)
int(1)
string(16) "news@example.net"
bool(false)
int(1)
string(18) "-fnews@example.net"
bool(false)
int(1)
string(23) "news@strict.example.net"
bool(true)
int(1)
