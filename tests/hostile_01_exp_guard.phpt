--TEST--
hostile (issue 8, item 1): the guard meets exp= texts that crashed libspf2 (envelope and From at that domain): warn sends and warns spf_fail, block blocks it; PHP survives
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/guard/guard.inc';
$path = capture_path('hostile_01');
foreach (['warn', 'block'] as $mode) {
    foreach (['exp-short', 'exp-long', 'exp-bad', 'exp-ptr'] as $domain) {
        @unlink($path);
        $script = '$a = "news@' . $domain . '.hostile.example.com";
            $sent = @mail("to@example.org", "Offer", "Body", "From: $a", "-f$a");
            $l = mail_check_last();
            $codes = array_column($l["problems"], "code");
            sort($codes);
            echo json_encode([$sent, $l["blocked"], implode(",", $codes)]);';
        $out = run_php_with_mailcheck(['mailcheck.guard' => $mode, 'mailcheck.ip' => '203.0.113.5',
            'mailcheck.resolver' => '127.0.0.1:53535', 'sendmail_path' => __DIR__ . "/guard/capture-sendmail -C $path"], $script);
        echo "$mode $domain: $out, messages sent: ", count(captured($path)), "\n";
    }
}
@unlink($path);
?>
--EXPECT--
warn exp-short: [true,false,"spf_fail"], messages sent: 1
warn exp-long: [true,false,"spf_exp_invalid,spf_fail"], messages sent: 1
warn exp-bad: [true,false,"spf_exp_invalid,spf_fail"], messages sent: 1
warn exp-ptr: [true,false,"spf_fail"], messages sent: 1
block exp-short: [false,true,"spf_fail"], messages sent: 0
block exp-long: [false,true,"spf_exp_invalid,spf_fail"], messages sent: 0
block exp-bad: [false,true,"spf_exp_invalid,spf_fail"], messages sent: 0
block exp-ptr: [false,true,"spf_fail"], messages sent: 0
