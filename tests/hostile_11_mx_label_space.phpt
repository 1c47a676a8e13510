--TEST--
hostile (issue 8): an MX target with a space in a label (a\032b) is never looked up as another name (a032b), and never matches through one
--SKIPIF--
<?php $needs_dns = 'faults'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53536
pcre.jit=0
--FILE--
<?php
$log = (getenv('MC_DNS_RUNDIR') ?: '/tmp/mailcheck-dns') . '/faultd-queries.log';
$before = count(file($log));
// mx-space.hostile.example.net: "v=spf1 mx -all", MX 10 a\032b.hostile.example.net (wire label "a b"),
// which has A 203.0.113.78; a032b.hostile.example.net has A 203.0.113.79.
$r = mail_check_spf('203.0.113.79', 'x@mx-space.hostile.example.net');
echo 'from the mangled name\'s IP: ', $r['result'], "\n";
// Asked as received it matches; treated as an invalid target it does not.
$r = mail_check_spf('203.0.113.78', 'x@mx-space.hostile.example.net');
echo 'from the real host\'s IP: ', in_array($r['result'], ['pass', 'fail', 'permerror'], true) ? 'pass, fail or permerror' : $r['result'], "\n";
$r = mail_check_sender('news@mx-space.hostile.example.net');
echo 'mail_check_sender: ', json_encode(array_column($r['mx'], 'host')), "\n";
$asked = array_slice(file($log, FILE_IGNORE_NEW_LINES), $before);
echo 'asked for a032b: ', json_encode(array_filter($asked, fn($line) => str_contains($line, ' a032b.')) !== []), "\n";
?>
--EXPECTF--
from the mangled name's IP: fail
from the real host's IP: pass, fail or permerror
mail_check_sender: []
asked for a032b: false
