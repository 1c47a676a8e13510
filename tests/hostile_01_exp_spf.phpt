--TEST--
hostile (issue 8, item 1): an exp= text that crashed libspf2's macro compiler (127 macros, then letters) gives fail with the text expanded by us; invalid macros give no explanation
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53535
--FILE--
<?php
$letters = str_repeat('abcdefghijklmnopqrstuvwxyz', 12);
function show(string $ip, string $domain, ?string $want): void {
    $r = mail_check_spf($ip, "x@$domain.hostile.example.com");
    echo $domain, ' from ', $ip, ': ', $r['result'], ' ', $r['status'], ' ', implode(',', array_column($r['problems'], 'code')), ', ',
        $r['explanation'] === $want ? 'explanation as expected' : 'explanation ' . var_export($r['explanation'], true), "\n";
}
// RFC 7208 §7.3: %{d} is the domain whose record named the exp=.
show('198.51.100.1', 'exp-long', str_repeat('exp-long.hostile.example.com', 127) . $letters);
// §6.2: a syntax error in the explanation: as if there were no exp=.
show('198.51.100.1', 'exp-bad', null);
// %{p}: the validated name of the IP (mail.example.com), or "unknown" without one.
show('203.0.113.5', 'exp-ptr', str_repeat('mail.example.com', 127) . $letters);
show('203.0.113.6', 'exp-ptr', str_repeat('unknown', 127) . $letters);
?>
--EXPECT--
exp-long from 198.51.100.1: fail fail spf_fail, explanation as expected
exp-bad from 198.51.100.1: fail fail spf_fail, explanation as expected
exp-ptr from 203.0.113.5: fail fail spf_fail, explanation as expected
exp-ptr from 203.0.113.6: fail fail spf_fail, explanation as expected
