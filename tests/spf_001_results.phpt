--TEST--
mail_check_spf(): every result value and its status, with the record and a Received-SPF header
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53535
--FILE--
<?php
$cases = [
    ['203.0.113.5', 'news@pass.spf.example.com'],
    ['198.51.100.1', 'news@pass.spf.example.com'],
    ['2001:db8::1', 'news@pass.spf.example.com'],
    ['198.51.100.1', 'news@soft.spf.example.com'],
    ['198.51.100.1', 'news@neutral.spf.example.com'],
    ['198.51.100.1', 'news@none.spf.example.com'],
    ['198.51.100.1', 'news@nothing-here.spf.example.com'],
    ['203.0.113.5', 'news@syntax.spf.example.com'],
];
foreach ($cases as [$ip, $sender]) {
    $r = mail_check_spf($ip, $sender, 'mail.spf.example.com');
    printf("%s %s: %s/%s identity=%s domain=%s codes=%s\n", $ip, $sender, $r['result'], $r['status'], $r['identity'],
        $r['domain'], implode(',', array_column($r['problems'], 'code')));
}
$r = mail_check_spf('203.0.113.5', 'news@pass.spf.example.com', 'mail.spf.example.com');
var_dump(array_keys($r));
var_dump($r['record']);
var_dump(str_starts_with($r['received_spf'], 'Received-SPF: pass ('));
var_dump(str_contains($r['received_spf'], 'client-ip=203.0.113.5;'));
var_dump(str_contains($r['received_spf'], 'envelope-from="news@pass.spf.example.com";'));
echo mail_check_spf('198.51.100.1', 'news@pass.spf.example.com')['problems'][0]['message'], "\n";
?>
--EXPECT--
203.0.113.5 news@pass.spf.example.com: pass/ok identity=mailfrom domain=pass.spf.example.com codes=
198.51.100.1 news@pass.spf.example.com: fail/fail identity=mailfrom domain=pass.spf.example.com codes=spf_fail
2001:db8::1 news@pass.spf.example.com: pass/ok identity=mailfrom domain=pass.spf.example.com codes=
198.51.100.1 news@soft.spf.example.com: softfail/warn identity=mailfrom domain=soft.spf.example.com codes=spf_softfail
198.51.100.1 news@neutral.spf.example.com: neutral/warn identity=mailfrom domain=neutral.spf.example.com codes=spf_neutral
198.51.100.1 news@none.spf.example.com: none/warn identity=mailfrom domain=none.spf.example.com codes=spf_missing
198.51.100.1 news@nothing-here.spf.example.com: none/warn identity=mailfrom domain=nothing-here.spf.example.com codes=spf_missing
203.0.113.5 news@syntax.spf.example.com: permerror/fail identity=mailfrom domain=syntax.spf.example.com codes=spf_syntax
array(11) {
  [0]=>
  string(6) "status"
  [1]=>
  string(8) "problems"
  [2]=>
  string(10) "elapsed_ms"
  [3]=>
  string(6) "result"
  [4]=>
  string(6) "domain"
  [5]=>
  string(8) "identity"
  [6]=>
  string(6) "record"
  [7]=>
  string(11) "explanation"
  [8]=>
  string(12) "received_spf"
  [9]=>
  string(11) "dns_lookups"
  [10]=>
  string(12) "void_lookups"
}
string(48) "v=spf1 ip4:203.0.113.0/24 ip6:2001:db8::/32 -all"
bool(true)
bool(true)
bool(true)
198.51.100.1 is not allowed to send for pass.spf.example.com: its SPF record ends in a fail for this IP; add the IP (ip4:198.51.100.1) or your provider's include: to the record
