--TEST--
guard: a sending IP in 198.18.0.0/15 (benchmarking) or 192.0.0.0/24 (IETF protocol assignments) is not public (ip_private, IP checks skipped); the documentation ranges count as public
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/guard/guard.inc';
$path = capture_path('guard_020');
// mailcheck.ip is PHP_INI_SYSTEM: one PHP per address.
$ips = ['198.17.255.255', '198.18.0.0', '198.19.255.255', '198.20.0.0',
    '191.255.255.255', '192.0.0.0', '192.0.0.255', '192.0.1.0',
    '192.0.2.1', '198.51.100.10', '203.0.113.5', '2001:db8::25', '10.1.2.3'];
foreach ($ips as $ip) {
    $script = '@mail("to@example.org", "s", "m", "From: news@example.net", "-fnews@example.net");'
        . 'foreach (mail_check_last()["problems"] as $p) { if ($p["code"] === "ip_private") { echo $p["message"]; exit; } } echo "public";';
    $out = shell_exec(php_with_mailcheck(['mailcheck.guard' => 'warn', 'mailcheck.ip' => $ip, 'mailcheck.resolver' => '127.0.0.1:53535',
        'mailcheck.timeout' => 500, 'sendmail_path' => __DIR__ . "/guard/capture-sendmail -C $path"]) . ' -r ' . escapeshellarg($script));
    printf("%-16s %s\n", $ip, preg_replace('/^The sending address \S+ is (.*?): receivers.*$/', 'not public: $1', $out));
}
@unlink($path);
?>
--EXPECT--
198.17.255.255   public
198.18.0.0       not public: benchmarking (RFC 2544)
198.19.255.255   not public: benchmarking (RFC 2544)
198.20.0.0       public
191.255.255.255  public
192.0.0.0        not public: IETF protocol assignments (RFC 6890)
192.0.0.255      not public: IETF protocol assignments (RFC 6890)
192.0.1.0        public
192.0.2.1        public
198.51.100.10    public
203.0.113.5      public
2001:db8::25     public
10.1.2.3         not public: private (RFC 1918)
