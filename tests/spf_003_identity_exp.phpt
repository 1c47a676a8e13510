--TEST--
mail_check_spf(): HELO identity for an empty sender, postmaster@ for a bare domain, exp= expanded, a record split over strings, a record over 512 bytes (TCP), mx and redirect
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53535
--FILE--
<?php
$r = mail_check_spf('203.0.113.5', '', 'mail.spf.example.com');
echo $r['identity'], ' ', $r['domain'], ' ', $r['result'], "\n";
$r = mail_check_spf('198.51.100.7', '', 'mail.spf.example.com');
echo $r['identity'], ' ', $r['result'], "\n";
$r = mail_check_spf('203.0.113.5', 'pass.spf.example.com');
echo $r['identity'], ' ', $r['domain'], ' ', $r['result'], ' ', str_contains($r['received_spf'], 'postmaster@pass.spf.example.com') ? 'postmaster' : 'no-postmaster', "\n";
$r = mail_check_spf('198.51.100.1', 'x@exp.spf.example.com');
echo $r['result'], ': ', $r['explanation'], "\n";
var_dump(mail_check_spf('203.0.113.5', 'x@pass.spf.example.com')['explanation']);
foreach (['split', 'big', 'mx', 'redir'] as $d) {
    $r = mail_check_spf('203.0.113.5', "x@$d.spf.example.com");
    echo $d, ': ', $r['result'], ' record bytes=', strlen((string)$r['record']), "\n";
}
echo mail_check_spf('127.0.0.1', 'x@pass.spf.example.com')['problems'][0]['code'], "\n";
?>
--EXPECT--
helo mail.spf.example.com pass
helo fail
mailfrom pass.spf.example.com pass postmaster
fail: 198.51.100.1 is not one of exp.spf.example.com's designated mail servers.
NULL
split: pass record bytes=27
big: pass record bytes=1080
mx: pass record bytes=14
redir: pass record bytes=36
spf_loopback_client
