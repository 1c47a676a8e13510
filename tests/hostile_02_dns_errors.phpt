--TEST--
hostile (issue 8, item 2): an a:/mx:/include: target whose server answers FORMERR, NOTIMP, YXDOMAIN or a malformed message is temperror with a dns_* problem, never fail; the guard in block mode sends the mail
--SKIPIF--
<?php $needs_dns = 'faults'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53536
mailcheck.guard=block
mailcheck.ip=203.0.113.77
sendmail_path="{PWD}/guard/capture-sendmail -C {TMP}/mailcheck-hostile_02.mbox"
--FILE--
<?php
require __DIR__ . '/guard/guard.inc';
function dns_codes(array $r): string {
    $dns = array_filter(array_column($r['problems'], 'code'), fn($c) => str_starts_with($c, 'dns_'));
    return $dns ? 'a dns_* problem' : 'no dns_* problem';
}
$path = capture_path('hostile_02');
@unlink($path);
foreach (['formerr', 'notimp', 'yxdomain', 'malformed'] as $fault) {
    foreach (['a', 'mx', 'include'] as $mech) {
        // RFC 7208 §4.4, §5: a DNS error other than NXDOMAIN during evaluation is temperror.
        $r = mail_check_spf('203.0.113.77', "x@spf-$mech-$fault.hostile.example.net");
        echo "$mech:$fault.hostile.example.net: ", $r['result'], ' ', $r['status'], ' ', dns_codes($r), "\n";
    }
    // The policy walk can tell neither: the include's record could not be read.
    $r = mail_check_spf_record("spf-include-$fault.hostile.example.net");
    echo "  record: ", $r['status'], ' ', dns_codes($r), in_array('spf_include_missing', array_column($r['problems'], 'code')) ? ' spf_include_missing' : '', "\n";
    // DNS trouble never blocks.
    $a = "news@spf-a-$fault.hostile.example.net";
    $sent = @mail('to@example.org', 'Offer', 'Body', "From: $a", "-f$a");
    $l = mail_check_last();
    echo "  guard: ", json_encode([$sent, $l['blocked'], $l['status']]), ' ', dns_codes($l), "\n";
}
var_dump(count(captured($path)));
@unlink($path);
?>
--EXPECT--
a:formerr.hostile.example.net: temperror error a dns_* problem
mx:formerr.hostile.example.net: temperror error a dns_* problem
include:formerr.hostile.example.net: temperror error a dns_* problem
  record: error a dns_* problem
  guard: [true,false,"error"] a dns_* problem
a:notimp.hostile.example.net: temperror error a dns_* problem
mx:notimp.hostile.example.net: temperror error a dns_* problem
include:notimp.hostile.example.net: temperror error a dns_* problem
  record: error a dns_* problem
  guard: [true,false,"error"] a dns_* problem
a:yxdomain.hostile.example.net: temperror error a dns_* problem
mx:yxdomain.hostile.example.net: temperror error a dns_* problem
include:yxdomain.hostile.example.net: temperror error a dns_* problem
  record: error a dns_* problem
  guard: [true,false,"error"] a dns_* problem
a:malformed.hostile.example.net: temperror error a dns_* problem
mx:malformed.hostile.example.net: temperror error a dns_* problem
include:malformed.hostile.example.net: temperror error a dns_* problem
  record: error a dns_* problem
  guard: [true,false,"error"] a dns_* problem
int(4)
