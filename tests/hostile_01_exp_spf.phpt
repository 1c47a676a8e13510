--TEST--
hostile (issue 8, item 1): exp= texts that crashed libspf2's macro compiler (127 macros, then letters) give fail, with the text expanded by us, or no explanation and spf_exp_invalid when invalid or over 500 octets
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53535
--FILE--
<?php
$az = 'abcdefghijklmnopqrstuvwxyz';
function show(string $ip, string $domain, ?string $want): void {
    $r = mail_check_spf($ip, "x@$domain.hostile.example.com");
    $codes = array_column($r['problems'], 'code');
    sort($codes);
    echo $domain, ' from ', $ip, ': ', $r['result'], ' ', $r['status'], ' ', implode(',', $codes), ', ',
        $r['explanation'] === $want ? 'explanation as expected' : 'explanation ' . var_export($r['explanation'], true), "\n";
}
// RFC 7208 §7.3: %{d1} is the last label of the domain whose record named the exp=; 407 octets.
show('198.51.100.1', 'exp-short', str_repeat('com', 127) . $az);
// 127 x %{d} and 312 letters: 3868 octets expanded, over the 500 we take.
show('198.51.100.1', 'exp-long', null);
// §6.2: a syntax error in the explanation: as if there were no exp=.
show('198.51.100.1', 'exp-bad', null);
// %{p1}: the last label of the IP's validated name (mail.example.com); without one, "unknown" (889 octets: too long).
show('203.0.113.5', 'exp-ptr', str_repeat('com', 127) . $az);
show('203.0.113.6', 'exp-ptr', null);
?>
--EXPECT--
exp-short from 198.51.100.1: fail fail spf_fail, explanation as expected
exp-long from 198.51.100.1: fail fail spf_exp_invalid,spf_fail, explanation as expected
exp-bad from 198.51.100.1: fail fail spf_exp_invalid,spf_fail, explanation as expected
exp-ptr from 203.0.113.5: fail fail spf_fail, explanation as expected
exp-ptr from 203.0.113.6: fail fail spf_exp_invalid,spf_fail, explanation as expected
