--TEST--
mail_check_mta(): a non-220 greeting, a long multi-line greeting, a silent peer (bounded), a peer that closes, "220 ESMTP mailgate", a slow greeting, nothing listening
--SKIPIF--
<?php require __DIR__ . '/skipif.inc';
if (!@fsockopen('127.0.0.1', 2531, $e, $s, 1)) die('skip scripted SMTP peers not running (tests/smtp/serve start)'); ?>
--INI--
mailcheck.timeout=1200
--FILE--
<?php
foreach ([2527, 2528, 2529, 2530, 2531, 2532, 2599] as $port) {
    $t = hrtime(true);
    $r = mail_check_mta('127.0.0.1', $port);
    $wall = (hrtime(true) - $t) / 1e6;
    printf("%d: %s hostname=%s lines=%d codes=%s bounded=%s\n", $port, $r['status'], json_encode($r['hostname']),
        $r['banner'] === null ? 0 : substr_count($r['banner'], "\n") + 1, implode(',', array_column($r['problems'], 'code')),
        json_encode($wall < 1200 + 1000));
}
echo mail_check_mta('127.0.0.1', 2531)['problems'][0]['message'], "\n";
foreach ([[null, 0], ['', 25], ['host', 70000], ["a\0b", 25]] as [$h, $p]) {
    try {
        $h === null ? mail_check_mta('127.0.0.1', $p) : mail_check_mta($h, $p);
    } catch (ValueError $e) {
        echo $e->getMessage(), "\n";
    }
}
?>
--EXPECT--
2527: fail hostname=null lines=1 codes=mta_not_smtp bounded=true
2528: warn hostname="mailgate.example.com" lines=200 codes=mta_no_starttls bounded=true
2529: error hostname=null lines=0 codes=mta_unreachable bounded=true
2530: error hostname=null lines=0 codes=mta_unreachable bounded=true
2531: warn hostname="ESMTP" lines=1 codes=mta_hostname_not_fqdn,mta_no_starttls bounded=true
2532: error hostname=null lines=0 codes=mta_unreachable bounded=true
2599: error hostname=null lines=0 codes=mta_unreachable bounded=true
The MTA at 127.0.0.1 port 2531 announces "ESMTP", not a fully qualified name: receivers compare it with your PTR; set it to your mail host's FQDN (postfix: myhostname; smtpd_banner = $myhostname ESMTP)
mail_check_mta(): Argument #2 ($port) must be between 1 and 65535
mail_check_mta(): Argument #1 ($host) must not be empty
mail_check_mta(): Argument #2 ($port) must be between 1 and 65535
mail_check_mta(): Argument #1 ($host) must not contain any null bytes
