--TEST--
MX, PTR and CNAME targets with a byte no host name has (a space: wire label "a b") are unusable everywhere, and never asked for under another name ("a032b")
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53535
--FILE--
<?php
function queries_sent(): int {
    ob_start();
    phpinfo(INFO_MODULES);
    $info = ob_get_clean();
    $at = strpos($info, 'DNS queries sent => ') + strlen('DNS queries sent => ');
    return (int)substr($info, $at, strcspn($info, "\n", $at));
}
// How many queries a call sends (its names are asked for the first time).
function sent(callable $call, &$result = null): int {
    $before = queries_sent();
    $result = $call();
    return queries_sent() - $before;
}
function codes(array $r): string {
    return implode(',', array_column($r['problems'], 'code'));
}

// SPF first, while no name is cached: the unusable MX host / PTR name is not
// looked up (a query for a032b would find 203.0.113.40 there).
$bad = sent(fn() => mail_check_spf('203.0.113.40', 'x@badmx.example.net'), $r);
echo "spf mx: {$r['result']} lookups={$r['dns_lookups']}\n";
echo '  fewer queries than for an MX host without address: ', json_encode($bad < sent(fn() => mail_check_spf('203.0.113.40', 'x@nohostmx.example.net'))), "\n";
$bad = sent(fn() => mail_check_spf('203.0.113.40', 'x@badptr.example.net'), $r);
echo "spf ptr: {$r['result']} lookups={$r['dns_lookups']}\n";
echo '  fewer queries than for a PTR name without address: ', json_encode($bad < sent(fn() => mail_check_spf('203.0.113.7', 'x@ctlptr.example.net'))), "\n";

// The only MX host is unusable: the domain receives no mail (no fallback to its address).
$r = mail_check_sender('x@badmx.example.net');
echo "sender, only MX unusable: {$r['status']} ", codes($r), ' mx=', json_encode($r['mx']), "\n  {$r['problems'][0]['message']}\n";
$r = mail_check_sender('x@mixedmx.example.net');
echo "sender, one MX of two unusable: {$r['status']} ", codes($r), ' mx=', json_encode(array_column($r['mx'], 'host')), "\n";

// PTR: an unusable name; a CNAME to an unusable name (asked for again, a032b would answer mail.example.com).
$r = mail_check_ptr('203.0.113.40');
echo "ptr names a\\032b: {$r['status']} ", codes($r), ' ptr=', json_encode($r['ptr']), "\n  {$r['problems'][0]['message']}\n";
$bad = sent(fn() => mail_check_ptr('203.0.113.41'), $r);
echo "ptr CNAME to a\\032b: {$r['status']} ", codes($r), ' ptr=', json_encode($r['ptr']), "\n";
echo '  no query beyond the PTR: ', json_encode($bad === sent(fn() => mail_check_ptr('203.0.113.6'))), "\n";

// A CNAME to an unusable name does not resolve, whatever lies at a032b.
$bad = sent(fn() => mail_check_helo('badcname.example.net'), $r);
echo "helo CNAME to a\\032b: {$r['status']} ", codes($r), ' addresses=', json_encode($r['addresses']), "\n";
echo '  no query beyond A/AAAA: ', json_encode($bad === sent(fn() => mail_check_helo('nothing.example.net'))), "\n";
?>
--EXPECT--
spf mx: fail lookups=1
  fewer queries than for an MX host without address: true
spf ptr: fail lookups=1
  fewer queries than for a PTR name without address: true
sender, only MX unusable: fail sender_no_mail_host mx=[]
  The MX record of badmx.example.net names a\032b.example.net, which is no host name (a label holds a space, a dot, a control or non-ASCII byte): no mail can be delivered to badmx.example.net; fix the MX record
sender, one MX of two unusable: ok  mx=["mx.example.net"]
ptr names a\032b: fail ptr_invalid_name ptr=[]
  The PTR record of 203.0.113.40 names a\032b.example.net, which is no host name (a label holds a space, a dot, a control or non-ASCII byte): receivers treat the IP as having no reverse DNS; ask the owner of the IP to set the PTR to the mail server's name
ptr CNAME to a\032b: error dns_error ptr=[]
  no query beyond the PTR: true
helo CNAME to a\032b: error dns_error addresses=[]
  no query beyond A/AAAA: true
