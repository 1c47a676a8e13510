--TEST--
mail_check_ptr(): HELO comparison is case-insensitive, ignores a trailing dot, and is null without a HELO
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53535
--FILE--
<?php
foreach ([null, 'mail14.example.com', 'MAIL14.EXAMPLE.COM.', 'mail.example.com', 'localhost', 'mail14.example.com..'] as $helo) {
    $r = mail_check_ptr('203.0.113.14', $helo);
    echo var_export($helo, true), ' => ', $r['status'], ' helo=', var_export($r['helo'], true),
        ' matches=', var_export($r['helo_matches'], true), ' ', implode(',', array_column($r['problems'], 'code')), "\n";
}
$r = mail_check_ptr('203.0.113.14', 'mail.example.com');
echo $r['problems'][0]['message'], "\n";
?>
--EXPECT--
NULL => ok helo=NULL matches=NULL 
'mail14.example.com' => ok helo='mail14.example.com' matches=true 
'MAIL14.EXAMPLE.COM.' => ok helo='MAIL14.EXAMPLE.COM.' matches=true 
'mail.example.com' => warn helo='mail.example.com' matches=false helo_mismatch
'localhost' => fail helo='localhost' matches=false helo_localhost
'mail14.example.com..' => warn helo='mail14.example.com..' matches=false helo_mismatch
The HELO name mail.example.com is not the PTR name of 203.0.113.14 (mail14.example.com): set the MTA's announced name (postfix: myhostname) to mail14.example.com, or the PTR to mail.example.com
