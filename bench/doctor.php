<?php
/* The measuring half of bench/run-doctor (which starts it in a network
 * namespace of its own): mail_check() cold, beside the same checks made by
 * their own functions one after another, every DNS answer held D ms by
 * bench/delayd.py.
 *
 *   php -n bench/doctor.php --ext=modules/mailcheck.so [--delays=0,20] [--samples=7] [--json=FILE]
 *
 * Each sample is a fresh process (every cache cold). The bar (issue 10): the
 * doctor's wall time is at most the longest chain of lookups that wait for
 * one another, plus one round trip. With --child=doctor|singles it is one
 * of those processes and prints one JSON line. */

const SENDER = 'news@shop.example.com';
const DOMAIN = 'shop.example.com';
const HELO = 'mail.other.test';
const IP = '192.0.2.25';          // matched by the SPF tree's last include; PTR resolves back
const ZONE = 'bl.dnsbl.test';
const TIMEOUT_MS = 10000;         // far above the slowest row

function child(string $mode): void
{
	$t = hrtime(true);
	if ($mode === 'doctor') {
		$r = mail_check(SENDER, ['ip' => IP, 'helo' => HELO, 'mta' => false, 'dnsbl' => [ZONE],
			'dkim_selectors' => ['mail'], 'timeout' => TIMEOUT_MS]);
		$spf = $r['checks']['spf']['result'];
		$statuses = array_map(fn($c) => $c['status'], $r['checks']);
	} else {
		$statuses = [
			'ptr' => mail_check_ptr(IP, HELO)['status'],
			'helo' => mail_check_helo(HELO, IP)['status'],
			'spf' => ($s = mail_check_spf(IP, SENDER, HELO))['status'],
			'spf_record' => mail_check_spf_record(DOMAIN)['status'],
			'sender' => mail_check_sender(SENDER)['status'],
			'dmarc' => mail_check_dmarc(DOMAIN)['status'],
			'dkim' => mail_check_dkim(DOMAIN, ['mail'])['status'],
			'dnsbl' => mail_check_dnsbl(IP, [ZONE])['status'],
		];
		$spf = $s['result'];
	}
	echo json_encode(['ms' => (hrtime(true) - $t) / 1e6, 'spf' => $spf, 'statuses' => $statuses]), "\n";
}

function median(array $v): float
{
	sort($v);
	$n = count($v);
	return $n % 2 ? $v[intdiv($n, 2)] : ($v[$n / 2 - 1] + $v[$n / 2]) / 2;
}

function fail(string $why): never
{
	fwrite(STDERR, "bench/doctor.php: $why\n");
	exit(1);
}

function run(array $argv): string
{
	$p = proc_open($argv, [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
	$out = stream_get_contents($pipes[1]);
	$err = stream_get_contents($pipes[2]);
	if (proc_close($p) !== 0) {
		fail(implode(' ', $argv) . " failed: $err");
	}
	return $out;
}

$opt = getopt('', ['child:', 'ext:', 'delays:', 'samples:', 'json:', 'python:', 'work:']);
if (isset($opt['child'])) {
	child($opt['child']);
	exit(0);
}
$root = dirname(__DIR__);
$ext = $opt['ext'] ?? "$root/modules/mailcheck.so";
$delays = array_map('intval', explode(',', $opt['delays'] ?? '0,20'));
$samples = max(1, (int)($opt['samples'] ?? 7));
$python = $opt['python'] ?? '/usr/bin/python3';
$work = $opt['work'] ?? sys_get_temp_dir();
$server = '127.0.0.1:53599';
$zones = ["$root/bench/zones/prefetch.zone", "$root/bench/zones/doctor.zone"];
$delayd = "$root/bench/delayd.py";

/* The longest chain: the SPF tree's levels (delayd --chain); the PTR and
 * its names' addresses are two; MX and DMARC, DKIM, HELO, the list one. */
$chain = array_values(array_filter(explode("\n", run(array_merge([$python, $delayd, '--chain', DOMAIN, '--ip', IP], $zones)))));
$depth = max(count($chain), 2);
echo "zones: bench/zones/prefetch.zone + doctor.zone on bench/delayd.py $server (every answer held D ms)\n";
echo "sender " . SENDER . ", ip " . IP . ", helo " . HELO . ", dnsbl " . ZONE . ", dkim selector mail, no MTA probe\n";
echo "longest chain of lookups: $depth round trips (SPF tree: " . count($chain) . " levels); bar: chain + 1 round trip\n\n";

$php = [PHP_BINARY, '-n', '-d', "extension=$ext", '-d', "mailcheck.resolver=$server", '-d', 'mailcheck.timeout=' . TIMEOUT_MS, __FILE__];
$results = [];
printf("%-8s %-34s %10s %10s %10s %s\n", 'delay', 'what', 'median ms', 'min ms', 'max ms', 'bar');
foreach ($delays as $d) {
	$proc = proc_open([$python, $delayd, '--listen', $server, '--delay', (string)$d, ...$zones],
		[0 => ['file', '/dev/null', 'r'], 1 => ['file', "$work/delayd.out", 'a'], 2 => ['file', "$work/delayd.out", 'a']], $pipes);
	usleep(700000);
	$rows = ['doctor' => [], 'singles' => []];
	for ($i = 0; $i < $samples; $i++) {
		foreach (array_keys($rows) as $mode) {
			$r = json_decode(run(array_merge($php, ["--child=$mode"])), true);
			if (!$r || $r['spf'] !== 'pass' || in_array('error', $r['statuses'], true)) {
				fail("$mode at $d ms: wrong result " . json_encode($r));
			}
			$rows[$mode][] = $r['ms'];
		}
	}
	proc_terminate($proc);
	proc_close($proc);
	$bar = ($depth + 1) * $d;
	foreach (['doctor' => 'mail_check(), cold', 'singles' => 'the 8 functions one after another'] as $mode => $label) {
		$m = median($rows[$mode]);
		$verdict = $mode === 'doctor' && $d > 0 ? sprintf('%s %d ms', $m <= $bar ? '<=' : 'OVER', $bar) : '';
		printf("%-8s %-34s %10.1f %10.1f %10.1f %s\n", "$d ms", $label, $m, min($rows[$mode]), max($rows[$mode]), $verdict);
		$results[$d][$mode] = ['median_ms' => $m, 'samples' => $rows[$mode]];
	}
	printf("%-8s %-34s %10.2f\n", '', 'ratio doctor / one after another', median($rows['doctor']) / median($rows['singles']));
	$results[$d]['bar_ms'] = $bar;
}
if (isset($opt['json'])) {
	file_put_contents($opt['json'], json_encode(['depth' => $depth, 'results' => $results], JSON_PRETTY_PRINT) . "\n");
}
