--TEST--
mailcheck doctor: a checklist line per check (skipped ones with the reason), the problems worst first with their check, the receivers' requirements, an overall line; exit 0 ok, 1 warn, 2 fail, 3 could not tell
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; require __DIR__ . '/cli.inc';
if (!@fsockopen('127.0.0.1', 2526, $e, $s, 1)) die('skip SMTP fixtures not running (tests/smtp/serve start)'); ?>
--FILE--
<?php
require __DIR__ . '/cli.inc';
function doctor(array $args, array $php_args = ['-d', 'mailcheck.resolver=127.0.0.1:53535'], bool $each_problem = true): void
{
    $problems = [];
    [$rc, $out, $err] = mailcheck_cli(['doctor', ...$args], $php_args);
    echo 'mailcheck doctor ', implode(' ', $args), ": rc=$rc\n";
    $receivers = 0;
    foreach (explode("\n", $out) as $line) {
        if (preg_match('/^  sending IP /', $line)) {
            echo $line, "\n";
        } elseif (preg_match('/^\[[a-zA-Z?]+\]\s+(\S+)/', $line)) {        // a check, or the overall line
            echo '  ', preg_replace(['/\s+/', '/ \(\d+\.\d ms\)$/'], [' ', ''], $line), "\n";
        } elseif (preg_match('/^  \[[a-zA-Z]+\]\s+\S+ \(\S+\)$/', $line)) { // a problem: code (check)
            $problems[] = preg_replace('/\s+/', ' ', trim($line));
            if ($each_problem) {
                echo '  problem: ', end($problems), "\n";
            }
        } elseif (preg_match('/^    \[[a-zA-Z?]+\]/', $line)) {
            $receivers++;
        }
    }
    if (!$each_problem) {   // which of the dns_* codes depends on timing: only their kind
        echo '  problems: ', implode(', ', array_unique(array_map(fn($p) => preg_replace('/^\[error\] (dns_\w+|spf_temperror) /', '[error] dns_* or spf_temperror ', $p), $problems))), "\n";
    }
    echo "  receivers' requirements: ", $receivers > 10 ? 'listed' : "only $receivers", "\n";
    if ($err !== '') {
        echo '  stderr: ', trim($err), "\n";
    }
}
doctor(['news@good.cli.example.org', '--ip=198.51.100.30', '--helo=mail.cli.example.org', '--mta=127.0.0.1:2526',
        '--dkim-selector=mc', '--dnsbl-zone=bl.dnsbl.test']);
doctor(['news@soft.cli.example.org', '--ip=198.51.100.30', '--helo=mail.cli.example.org', '--no-mta', '--no-dnsbl']);
doctor(['www-data@localhost', '--ip=198.51.100.20', '--no-mta', '--no-dnsbl']);
// the IP and HELO from php.ini; a listed IP
doctor(['news@good.cli.example.org', '--no-mta', '--dnsbl-zone=bl.dnsbl.test', '--dkim-selector=mc'],
       ['-d', 'mailcheck.resolver=127.0.0.1:53535', '-d', 'mailcheck.ip=203.0.113.66', '-d', 'mailcheck.helo=mail.cli.example.org']);
// nothing answers DNS: could not tell, never a fail
doctor(['news@good.cli.example.org', '--ip=198.51.100.30', '--helo=mail.cli.example.org', '--no-mta', '--no-dnsbl',
        '--dkim-selector=mc', '--resolver=127.0.0.1:1', '--timeout=300'], [], false);

[$rc, $out] = mailcheck_cli(['doctor', 'news@soft.cli.example.org', '--ip=198.51.100.30', '--no-mta', '--no-dnsbl', '--json']);
$r = json_decode($out, true, 512, JSON_THROW_ON_ERROR);
echo "--json: rc=$rc status=$r[status] checks=", implode(',', array_keys($r['checks'])), ' skipped=', implode(',', array_keys($r['skipped'])),
    ' receivers=', implode(',', array_keys($r['receivers'])), "\n";
?>
--EXPECT--
mailcheck doctor news@good.cli.example.org --ip=198.51.100.30 --helo=mail.cli.example.org --mta=127.0.0.1:2526 --dkim-selector=mc --dnsbl-zone=bl.dnsbl.test: rc=0
  sending IP 198.51.100.30 (option), HELO mail.cli.example.org (option)
  [ok] ptr 198.51.100.30 -> mail.cli.example.org, forward-confirmed, HELO mail.cli.example.org matches
  [ok] helo mail.cli.example.org -> 198.51.100.30
  [ok] spf pass for good.cli.example.org: v=spf1 ip4:198.51.100.30 -all
  [ok] spf_record v=spf1 ip4:198.51.100.30 -all (0/10 lookups, 0/2 void)
  [ok] sender news@good.cli.example.org: MX mail.cli.example.org
  [ok] dmarc p=reject at good.cli.example.org: v=DMARC1; p=reject; rua=mailto:dmarc@good.cli.example.org
  [ok] dkim keys at mc (rsa 2048)
  [ok] dnsbl 198.51.100.30 not listed on 1 list
  [ok] mta 127.0.0.1:2526: 220 mx.mailcheck.test ESMTP Postfix, STARTTLS
  [ok] overall
  receivers' requirements: listed
mailcheck doctor news@soft.cli.example.org --ip=198.51.100.30 --helo=mail.cli.example.org --no-mta --no-dnsbl: rc=1
  sending IP 198.51.100.30 (option), HELO mail.cli.example.org (option)
  [ok] ptr 198.51.100.30 -> mail.cli.example.org, forward-confirmed, HELO mail.cli.example.org matches
  [ok] helo mail.cli.example.org -> 198.51.100.30
  [ok] spf pass for soft.cli.example.org: v=spf1 ip4:198.51.100.30 ~all
  [ok] spf_record v=spf1 ip4:198.51.100.30 ~all (0/10 lookups, 0/2 void)
  [ok] sender news@soft.cli.example.org: MX mail.cli.example.org
  [ok] dmarc p=none at soft.cli.example.org: v=DMARC1; p=none; rua=mailto:dmarc@soft.cli.example.org
  [warn] dkim no key at 20 selectors
  [skip] mta the option mta is false
  [skip] dnsbl the option dnsbl is false
  problem: [warn] dkim_key_missing (dkim)
  [warn] overall
  receivers' requirements: listed
mailcheck doctor www-data@localhost --ip=198.51.100.20 --no-mta --no-dnsbl: rc=2
  sending IP 198.51.100.20 (option), HELO - (none)
  [FAIL] ptr 198.51.100.20 -> 20-100-51-198.dyn.example.org, not forward-confirmed
  [FAIL] spf none for localhost
  [FAIL] sender www-data@localhost
  [skip] mta the option mta is false
  [skip] dnsbl the option dnsbl is false
  [skip] helo no HELO name: pass the option helo or set mailcheck.helo
  [skip] spf_record the sender's domain is reserved (sender_reserved_domain)
  [skip] dmarc the sender's domain is reserved (sender_reserved_domain)
  [skip] dkim the sender's domain is reserved (sender_reserved_domain)
  problem: [FAIL] ptr_not_confirmed (ptr)
  problem: [FAIL] spf_invalid_identity (spf)
  problem: [FAIL] sender_reserved_domain (sender)
  problem: [warn] ptr_generic (ptr)
  problem: [warn] sender_system_account (sender)
  [FAIL] overall
  receivers' requirements: listed
mailcheck doctor news@good.cli.example.org --no-mta --dnsbl-zone=bl.dnsbl.test --dkim-selector=mc: rc=2
  sending IP 203.0.113.66 (ini), HELO mail.cli.example.org (ini)
  [FAIL] ptr 203.0.113.66: no PTR
  [warn] helo mail.cli.example.org -> 198.51.100.30
  [FAIL] spf fail for good.cli.example.org: v=spf1 ip4:198.51.100.30 -all
  [ok] spf_record v=spf1 ip4:198.51.100.30 -all (0/10 lookups, 0/2 void)
  [ok] sender news@good.cli.example.org: MX mail.cli.example.org
  [ok] dmarc p=reject at good.cli.example.org: v=DMARC1; p=reject; rua=mailto:dmarc@good.cli.example.org
  [ok] dkim keys at mc (rsa 2048)
  [FAIL] dnsbl 203.0.113.66 listed on bl.dnsbl.test
  [skip] mta the option mta is false
  problem: [FAIL] ptr_missing (ptr)
  problem: [FAIL] spf_fail (spf)
  problem: [FAIL] dnsbl_listed (dnsbl)
  problem: [warn] helo_ip_mismatch (helo)
  problem: [warn] helo_mismatch (helo)
  [FAIL] overall
  receivers' requirements: listed
mailcheck doctor news@good.cli.example.org --ip=198.51.100.30 --helo=mail.cli.example.org --no-mta --no-dnsbl --dkim-selector=mc --resolver=127.0.0.1:1 --timeout=300: rc=3
  sending IP 198.51.100.30 (option), HELO mail.cli.example.org (option)
  [error] ptr 198.51.100.30: could not tell its PTR
  [error] helo mail.cli.example.org: could not tell its address
  [error] spf temperror for good.cli.example.org
  [error] spf_record could not tell the SPF record (0/10 lookups, 0/2 void)
  [error] sender news@good.cli.example.org
  [error] dmarc could not tell the DMARC policy
  [error] dkim could not tell (1 selector)
  [skip] mta the option mta is false
  [skip] dnsbl the option dnsbl is false
  [error] overall
  problems: [error] dns_* or spf_temperror (ptr), [error] dns_* or spf_temperror (helo), [error] dns_* or spf_temperror (spf), [error] dns_* or spf_temperror (spf_record), [error] dns_* or spf_temperror (sender), [error] dns_* or spf_temperror (dmarc), [error] dns_* or spf_temperror (dkim)
  receivers' requirements: listed
--json: rc=1 status=warn checks=ptr,spf,spf_record,sender,dmarc,dkim skipped=mta,dnsbl,helo receivers=gmail,yahoo,outlook
