<?php
/* The measuring half of bench/run-prefetch (which starts it inside its own
 * network and mount namespace; see bench/README.md, "Resolve ahead").
 *
 *   php -n bench/prefetch.php --ext=modules/mailcheck.so --server=127.53.53.55
 *       [--delays=0,20,100] [--samples=7] [--warm=20000] [--callgrind=200]
 *       [--baseline=OLD.so] [--json=FILE]
 *
 * For each delay it starts bench/delayd.py on --server:53 (the address
 * /etc/resolv.conf must name: spfquery and pyspf read it) serving
 * bench/zones/prefetch.zone, then takes --samples rounds; a round runs
 * every row once, each in a fresh process, so each starts with every cache
 * cold. Every result is checked (a wrong one fails the run), and delayd's
 * log says how many queries each sample sent and in how many round trips.
 * Then --warm calls in one process (cached answers), prefetch on and off,
 * and the same with --baseline (the extension before resolving ahead);
 * and, with valgrind, their instructions per call (--callgrind calls;
 * 0: skip).
 *
 * With --child=spf|guard|warm|calls it is one of those processes (run with the
 * extension loaded): it prints one JSON line. */

const SENDER = 'news@shop.example.com';
const DOMAIN = 'shop.example.com';
const HELO = 'mail.other.test';
const IP_LAST = '192.0.2.25';   // matched by the last include
const IP_NONE = '192.0.2.200';  // matched by nothing: ~all
const TIMEOUT_MS = 10000;       // far above the slowest row: no row may time out

function out(array $what): void
{
	echo json_encode($what), "\n";
}

function child(string $mode, array $argv): void
{
	switch ($mode) {
	case 'spf':
		$t = hrtime(true);
		$r = mail_check_spf($argv[0], SENDER, HELO);
		out(['ms' => (hrtime(true) - $t) / 1e6, 'result' => $r['result'], 'lookups' => $r['dns_lookups']]);
		return;
	case 'guard':
		$t = hrtime(true);
		$sent = mail('to@shop.example.com', 'resolve ahead', "bench\n", 'From: Shop <' . SENDER . '>', '-f' . SENDER);
		$ms = (hrtime(true) - $t) / 1e6;
		$last = mail_check_last();
		out(['ms' => $ms, 'result' => $sent ? ($last === null ? 'unchecked' : $last['status']) : 'not sent',
			'problems' => $last === null ? [] : array_column($last['problems'], 'code')]);
		return;
	case 'warm':
		/* One process, the cache warm after the first call; blocks of
		 * calls, prefetch on and off in turn (or the baseline build's
		 * only mode), so drift hits both alike. Per block: CPU µs per
		 * call (user + system: on a shared machine wall time also counts
		 * the time other processes had the CPU), and wall µs. */
		[$calls, $modes] = [(int)$argv[0], explode(',', $argv[1])];
		$block = 1000;
		$cpu = function (): float {
			$u = getrusage();
			return ($u['ru_utime.tv_sec'] + $u['ru_stime.tv_sec']) * 1e6 + $u['ru_utime.tv_usec'] + $u['ru_stime.tv_usec'];
		};
		mail_check_spf(IP_LAST, SENDER, HELO);
		$per = ['cpu' => array_fill_keys($modes, []), 'wall' => array_fill_keys($modes, [])];
		for ($b = 0; $b < max(1, intdiv($calls, $block)); $b++) {
			foreach ($modes as $m) {
				if ($m !== 'old') {
					ini_set('mailcheck.prefetch', $m);
				}
				$c = $cpu();
				$t = hrtime(true);
				for ($i = 0; $i < $block; $i++) {
					$r = mail_check_spf(IP_LAST, SENDER, HELO);
				}
				$per['wall'][$m][] = (hrtime(true) - $t) / 1e3 / $block;
				$per['cpu'][$m][] = ($cpu() - $c) / $block;
				if ($r['result'] !== 'pass') {
					out(['error' => "warm call: {$r['result']}"]);
					return;
				}
			}
		}
		out(['us' => $per]);
		return;
	case 'calls':
		/* for callgrind: one call to fill the cache, then K with the mode */
		mail_check_spf(IP_LAST, SENDER, HELO);
		if ($argv[1] !== 'old') {
			ini_set('mailcheck.prefetch', $argv[1]);
		}
		for ($i = 0; $i < (int)$argv[0]; $i++) {
			mail_check_spf(IP_LAST, SENDER, HELO);
		}
		out(['calls' => (int)$argv[0]]);
		return;
	}
	fwrite(STDERR, "unknown --child=$mode\n");
	exit(2);
}

function median(array $v): float
{
	sort($v);
	$n = count($v);
	return $n % 2 ? $v[intdiv($n, 2)] : ($v[$n / 2 - 1] + $v[$n / 2]) / 2;
}

function fail(string $why): never
{
	fwrite(STDERR, "bench/prefetch.php: $why\n");
	exit(1);
}

/* Runs argv, returns [stdout, ms from spawn to exit]. */
function run(array $argv): array
{
	$t = hrtime(true);
	$p = proc_open($argv, [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
	if (!$p) {
		fail('cannot run ' . $argv[0]);
	}
	$stdout = stream_get_contents($pipes[1]);
	$stderr = stream_get_contents($pipes[2]);
	fclose($pipes[1]);
	fclose($pipes[2]);
	$rc = proc_close($p);
	$ms = (hrtime(true) - $t) / 1e6;
	if ($rc !== 0 && $argv[0] !== 'spfquery') {   // spfquery exits with the result
		fail(implode(' ', array_slice($argv, 0, 3)) . "… exited $rc: " . trim($stderr . $stdout));
	}
	return [$stdout, $ms];
}

/* A UDP query for DOMAIN/A: whether the server answers within 0.5 s. */
function answers(string $ip): bool
{
	$q = pack('nnnnnn', 0x4d43, 0x0100, 1, 0, 0, 0);
	foreach (explode('.', DOMAIN) as $l) {
		$q .= chr(strlen($l)) . $l;
	}
	$q .= "\0" . pack('nn', 1, 1);
	$s = @stream_socket_client("udp://$ip:53", $errno, $err, 0.5);
	if (!$s) {
		return false;
	}
	stream_set_timeout($s, 0, 500000);
	fwrite($s, $q);
	$r = fread($s, 4096);
	return is_string($r) && strlen($r) >= 12 && substr($r, 0, 2) === "\x4d\x43";
}

/* ---- the driver ---------------------------------------------------------- */

$opt = getopt('', ['child:', 'ext:', 'server:', 'delays:', 'samples:', 'warm:', 'callgrind:', 'baseline:', 'json:',
	'python:', 'work:']);
if (isset($opt['child'])) {
	$args = array_slice($argv, array_search('--', $argv, true) + 1);
	child($opt['child'], $args);
	exit(0);
}

$root = dirname(__DIR__);
$ext = $opt['ext'] ?? "$root/modules/mailcheck.so";
$server = $opt['server'] ?? '127.53.53.55';
$delays = array_map('intval', explode(',', $opt['delays'] ?? '0,20,100'));
$samples = max(1, (int)($opt['samples'] ?? 7));
$warm = (int)($opt['warm'] ?? 20000);
$callgrind = (int)($opt['callgrind'] ?? 200);
$baseline = $opt['baseline'] ?? null;
$python = $opt['python'] ?? '/usr/bin/python3';
$work = $opt['work'] ?? sys_get_temp_dir();
$delayd = "$root/bench/delayd.py";
$zone = "$root/bench/zones/prefetch.zone";
$capture = "$work/capture.mbox";

$resolv = @file_get_contents('/etc/resolv.conf');
if (trim((string)$resolv) !== "nameserver $server") {
	fail("/etc/resolv.conf must hold only 'nameserver $server' (run bench/run-prefetch), not: " . trim((string)$resolv));
}

/* The floor: the longest chain of lookups that wait for one another. */
[$chain] = run([$python, $delayd, '--chain', DOMAIN, '--ip', IP_LAST, $zone]);
$levels = array_values(array_filter(explode("\n", $chain)));
$spf_depth = count($levels);
/* the guard: sender checks (MX, A, AAAA of each domain: 1 level), PTR
 * (PTR, then the names' addresses: 2), SPF: all could start at once */
$guard_depth = max($spf_depth, 2, 1);

$php = [PHP_BINARY, '-n', '-d', "extension=$ext", '-d', "mailcheck.resolver=$server:53",
	'-d', 'mailcheck.timeout=' . TIMEOUT_MS];
$me = __FILE__;
$ours_spf = fn($ip, $pf) => [array_merge($php, ['-d', "mailcheck.prefetch=$pf", $me, '--child=spf', '--', $ip]), 'json'];
$guard = fn($mode, $pf) => [array_merge($php, ['-d', "mailcheck.prefetch=$pf", '-d', "mailcheck.guard=$mode",
	'-d', 'mailcheck.ip=' . IP_LAST, '-d', 'mailcheck.helo=' . HELO,
	'-d', "sendmail_path=$root/tests/guard/capture-sendmail -C $capture", $me, '--child=guard']), 'json'];
$spfquery = fn($ip) => [['spfquery', '-ip', $ip, '-sender', SENDER, '-helo', HELO], 'spfquery'];
$pyspf = fn($ip) => [[$python, '-c', 'import sys, time, spf, json
t = time.perf_counter()
r = spf.check2(i=sys.argv[1], s=sys.argv[2], h=sys.argv[3])
print(json.dumps({"ms": (time.perf_counter() - t) * 1000, "result": r[0]}))', $ip, SENDER, HELO], 'json'];

/* key => [label, [argv, how to read], expected result, group] */
$rows = [
	'last-on' => ['mail_check_spf() last include, prefetch=1', $ours_spf(IP_LAST, 1), 'pass', 'last'],
	'last-off' => ['mail_check_spf() last include, prefetch=0', $ours_spf(IP_LAST, 0), 'pass', 'last'],
	'last-spfquery' => ['spfquery (libspf2) last include', $spfquery(IP_LAST), 'pass', 'last'],
	'last-pyspf' => ['pyspf last include', $pyspf(IP_LAST), 'pass', 'last'],
	'none-on' => ['mail_check_spf() no match, prefetch=1', $ours_spf(IP_NONE, 1), 'softfail', 'none'],
	'none-off' => ['mail_check_spf() no match, prefetch=0', $ours_spf(IP_NONE, 0), 'softfail', 'none'],
	'none-spfquery' => ['spfquery (libspf2) no match', $spfquery(IP_NONE), 'softfail', 'none'],
	'none-pyspf' => ['pyspf no match', $pyspf(IP_NONE), 'softfail', 'none'],
	'guard-on' => ['mail(), guard=warn, prefetch=1', $guard('warn', 1), 'ok', 'guard'],
	'guard-off' => ['mail(), guard=warn, prefetch=0', $guard('warn', 0), 'ok', 'guard'],
	'mail' => ['mail(), guard=off (sendmail start-up)', $guard('off', 1), 'unchecked', 'guard'],
];
$peers = ['spfquery', 'pyspf'];

$env_line = sprintf("machine: %d CPUs, %s, load %s; PHP %s, %s, pyspf %s (%s)",
	(int)trim((string)shell_exec('nproc')), php_uname('s') . ' ' . php_uname('r'),
	implode(' ', array_slice(explode(' ', (string)file_get_contents('/proc/loadavg')), 0, 3)), PHP_VERSION,
	trim((string)shell_exec('dpkg-query -W -f=\'libspf2 ${Version}\' libspf2-2 2>/dev/null')),
	trim((string)shell_exec("$python -c 'import spf; print(spf.__version__)' 2>/dev/null")),
	trim((string)shell_exec("$python -c 'import spf; print(spf.DNSLookup.__name__)' 2>/dev/null")));
echo $env_line, "\n";
echo "zone: bench/zones/prefetch.zone on bench/delayd.py $server:53 (every answer held D ms); resolv.conf -> $server\n";
echo "floor: the longest chain of lookups that wait for one another x D (bench/delayd.py --chain " . DOMAIN . "):\n";
foreach ($levels as $l) {
	echo "  level $l\n";
}
echo "  SPF: $spf_depth levels; guarded mail(): max(SPF $spf_depth, PTR then its name's A 2, sender MX/A/AAAA 1) = $guard_depth\n\n";

$results = [];
foreach ($delays as $d) {
	$log = "$work/delayd-$d.log";
	@unlink($log);
	$server_proc = proc_open([$python, $delayd, '--listen', "$server:53", '--delay', (string)$d, '--log', $log, $zone],
		[0 => ['file', '/dev/null', 'r'], 1 => ['file', "$work/delayd.out", 'a'], 2 => ['file', "$work/delayd.out", 'a']], $pipes);
	for ($i = 0; $i < 50 && !answers($server); $i++) {
		usleep(100000);
	}
	if (!answers($server)) {
		fail("bench/delayd.py does not answer on $server:53: " . @file_get_contents("$work/delayd.out"));
	}
	$seen = filesize($log);
	$t0 = microtime(true);
	foreach (array_keys($rows) as $k) {
		$results[$d][$k] = ['ms' => [], 'queries' => [], 'trips' => []];
	}
	for ($s = 0; $s < $samples; $s++) {
		foreach ($rows as $k => [$label, [$cmd, $how], $expect]) {
			[$stdout, $wall] = run($cmd);
			if ($how === 'spfquery') {
				$got = ['ms' => $wall, 'result' => trim(strtok($stdout, "\n"))];
			} else {
				$got = json_decode(trim($stdout), true) ?? fail("$label: no result: $stdout");
			}
			if ($got['result'] !== $expect) {
				fail("$label at $d ms: '{$got['result']}', expected '$expect' " . json_encode($got));
			}
			clearstatcache();
			$f = fopen($log, 'r');
			fseek($f, $seen);
			$lines = array_filter(explode("\n", stream_get_contents($f)));
			$seen = ftell($f);
			fclose($f);
			/* round trips: queries more than D/2 after the previous one
			 * start a new one (with D = 0 they cannot be told apart) */
			$trips = 0;
			$prev = null;
			foreach ($lines as $line) {
				$at = (float)$line;
				$trips += $prev === null || ($at - $prev) * 1000 > $d / 2;
				$prev = $at;
			}
			$results[$d][$k]['ms'][] = $got['ms'];
			$results[$d][$k]['queries'][] = count($lines);
			$results[$d][$k]['trips'][] = $trips;
			$results[$d][$k]['log'][] = $lines;
		}
	}
	proc_terminate($server_proc);
	proc_close($server_proc);

	printf("delay %d ms: median of %d samples (fresh process each, %.0f s), ms; queries and round trips as delayd saw them; -floor: ms above the floor\n",
		$d, $samples, microtime(true) - $t0);
	printf("%-44s %8s %8s %8s %7s %6s %7s %7s %7s %7s\n", 'row', 'median', 'min', 'max', 'queries', 'trips', '-floor', '/floor', '/spfq', '/pyspf');
	echo str_repeat('-', 114), "\n";
	foreach ($rows as $k => [$label, , , $group]) {
		$r = &$results[$d][$k];
		$r['median'] = median($r['ms']);
		$floor = ($group === 'guard' ? $guard_depth : $spf_depth) * $d;
		$ratio = fn($x) => $x > 0 ? sprintf('%.2f', $r['median'] / $x) : '-';
		$peer = fn($p) => $group === 'guard' || str_ends_with($k, $p) ? '' : $ratio(median($results[$d]["$group-$p"]['ms']));
		printf("%-44s %8.1f %8.1f %8.1f %7s %6s %7s %7s %7s %7s\n", $label, $r['median'], min($r['ms']), max($r['ms']),
			median($r['queries']), $d > 0 ? median($r['trips']) : '-',
			$k === 'mail' ? '' : sprintf('%.1f', $r['median'] - $floor), $k === 'mail' ? '' : $ratio($floor),
			$peer('spfquery'), $peer('pyspf'));
		unset($r);
	}
	printf("%-44s %8.1f\n%-44s %8.1f\n\n", "floor SPF ($spf_depth x $d ms)", $spf_depth * $d,
		"floor guarded mail() ($guard_depth x $d ms)", $guard_depth * $d);
}

/* ---- the summary and the bars -------------------------------------------- */
echo "summary: median ms per row and delay (ratio to the floor)\n";
printf("%-44s", 'row');
foreach ($delays as $d) {
	printf(" %17s", "$d ms");
}
echo "\n", str_repeat('-', 44 + 18 * count($delays)), "\n";
foreach ($rows as $k => [$label, , , $group]) {
	printf("%-44s", $label);
	foreach ($delays as $d) {
		$floor = ($group === 'guard' ? $guard_depth : $spf_depth) * $d;
		$m = $results[$d][$k]['median'];
		printf(" %17s", sprintf('%.1f', $m) . ($floor > 0 && $k !== 'mail' ? sprintf(' (%.2fx)', $m / $floor) : ''));
	}
	echo "\n";
}
foreach (['SPF' => $spf_depth, 'guarded mail()' => $guard_depth] as $what => $depth) {
	printf("%-44s", "floor $what ($depth levels x D)");
	foreach ($delays as $d) {
		printf(" %17.1f", $depth * $d);
	}
	echo "\n";
}

echo "\nbars (issue 11):\n";
if (isset($results[20])) {
	$ours = $results[20]['last-on']['median'];
	$peer = $results[20]['last-spfquery']['median'];
	printf("  cold mail_check_spf(), match in the last include, at 20 ms: %.1f ms <= 0.4 x spfquery %.1f ms = %.1f ms: %s (%.2fx)\n",
		$ours, $peer, 0.4 * $peer, $ours <= 0.4 * $peer ? 'MET' : 'NOT MET', $ours / $peer);
}
/* start-up: what the same cold mail() costs when no answer waits (0 ms):
 * sendmail's start, the resolver's and libspf2's set-up, delayd's own
 * answer time; without a 0 ms run, the unguarded mail() */
$start = isset($results[0]) ? $results[0]['guard-on']['median'] : null;
foreach ($delays as $d) {
	if ($d === 0) {
		continue;
	}
	$ours = $results[$d]['guard-on']['median'];
	[$s, $what] = $start !== null ? [$start, 'the same at 0 ms'] : [$results[$d]['mail']['median'], 'mail() unguarded'];
	$bar = $guard_depth * $d + $d + $s;
	printf("  cold guarded mail() at %d ms: %.1f ms <= floor %d + 1 round trip %d + start-up (%s) %.1f = %.1f ms: %s\n",
		$d, $ours, $guard_depth * $d, $d, $what, $s, $bar, $ours <= $bar ? 'MET' : 'NOT MET');
}

/* ---- warm ------------------------------------------------------------------ */
$warm_result = [];
if ($warm > 0) {
	$server_proc = proc_open([$python, $delayd, '--listen', "$server:53", '--delay', '0', $zone],
		[0 => ['file', '/dev/null', 'r'], 1 => ['file', "$work/delayd.out", 'a'], 2 => ['file', "$work/delayd.out", 'a']], $pipes);
	for ($i = 0; $i < 50 && !answers($server); $i++) {
		usleep(100000);
	}
	$runs = [['new', $ext, '1,0']];
	if ($baseline !== null) {
		$runs[] = ['old', $baseline, 'old'];
	}
	for ($round = 0; $round < 3; $round++) {
		foreach ($runs as [$name, $so, $modes]) {
			$cmd = [PHP_BINARY, '-n', '-d', "extension=$so", '-d', "mailcheck.resolver=$server:53",
				'-d', 'mailcheck.timeout=' . TIMEOUT_MS, $me, '--child=warm', '--', (string)$warm, $modes];
			[$stdout] = run($cmd);
			$got = json_decode(trim($stdout), true);
			if (!isset($got['us'])) {
				fail("warm run ($name): " . $stdout);
			}
			foreach ($got['us'] as $clock => $by) {
				foreach ($by as $m => $per) {
					$warm_result[$clock][$m] = array_merge($warm_result[$clock][$m] ?? [], $per);
				}
			}
		}
	}
	/* instructions per warm call, which load on the machine does not
	 * change: Ir with K calls minus Ir with none, / K */
	$ir = [];
	if ($callgrind > 0 && trim((string)shell_exec('command -v valgrind')) !== '') {
		foreach ($runs as [$name, $so, $modes]) {
			foreach (explode(',', $modes) as $m) {
				$count = [];
				foreach ([$callgrind, 0] as $k) {
					$file = "$work/callgrind.$m.$k.out";
					run(['valgrind', '--tool=callgrind', '--quiet', "--callgrind-out-file=$file",
						PHP_BINARY, '-n', '-d', "extension=$so", '-d', "mailcheck.resolver=$server:53",
						'-d', 'mailcheck.timeout=' . TIMEOUT_MS, $me, '--child=calls', '--', (string)$k, $m]);
					$count[$k] = preg_match('/^(?:summary|totals):\s+(\d+)/m', (string)file_get_contents($file), $hit)
						? (int)$hit[1] : fail("no totals in $file");
				}
				$ir[$m] = ($count[$callgrind] - $count[0]) / $callgrind;
			}
		}
	}
	proc_terminate($server_proc);
	proc_close($server_proc);
	$labels = ['1' => 'prefetch=1', '0' => 'prefetch=0', 'old' => 'baseline build (before resolve-ahead)'];
	printf("\nwarm mail_check_spf(), match in the last include, cached answers: µs per call (median, min, max of blocks of 1000 calls), %d calls per mode in 3 processes\n", $warm * 3);
	printf("  %-40s %8s %8s %8s   %8s %8s %8s   %s\n", '', 'cpu med', 'min', 'max', 'wall med', 'min', 'max',
		$ir ? "instructions/call ($callgrind calls, callgrind)" : '');
	foreach ($warm_result['cpu'] as $m => $per) {
		$wall = $warm_result['wall'][$m];
		printf("  %-40s %8.2f %8.2f %8.2f   %8.2f %8.2f %8.2f   %s\n", $labels[$m], median($per), min($per), max($per),
			median($wall), min($wall), max($wall), isset($ir[$m]) ? sprintf('%.0f', $ir[$m]) : '');
	}
	$on = median($warm_result['cpu']['1']);
	foreach (isset($warm_result['cpu']['old']) ? ['0', 'old'] : ['0'] as $m) {
		$ref = median($warm_result['cpu'][$m]);
		printf("  bar: warm calls no slower than today: prefetch=1 vs %s: CPU %.2f vs %.2f µs (%+.1f%%)%s\n",
			$labels[$m], $on, $ref, ($on / $ref - 1) * 100,
			isset($ir[$m]) ? sprintf(', instructions %.0f vs %.0f (%+.2f%%)', $ir['1'], $ir[$m], ($ir['1'] / $ir[$m] - 1) * 100) : '');
	}
}

/* What each round trip asked, in the first sample of each row at the
 * largest delay (queries more than D/2 apart are in different ones). */
$d = max($delays);
if ($d > 0) {
	echo "\nround trips at $d ms (first sample): queries per round trip; and the spread: first to last query of a round trip, ms\n";
	foreach ($rows as $k => [$label]) {
		$trips = [];
		$prev = null;
		foreach ($results[$d][$k]['log'][0] as $line) {
			[$at, , $name, $type] = explode(' ', $line);
			if ($prev === null || ((float)$at - $prev) * 1000 > $d / 2) {
				$trips[] = ['start' => (float)$at, 'end' => (float)$at, 'names' => []];
			}
			$t = &$trips[count($trips) - 1];
			$t['end'] = (float)$at;
			$t['names'][] = rtrim($name, '.') . "/$type";
			unset($t);
			$prev = (float)$at;
		}
		printf("  %-44s %s\n", $label, implode(' + ', array_map(fn($t) => count($t['names']), $trips))
			. '  (spread ' . implode(' ', array_map(fn($t) => sprintf('%.1f', ($t['end'] - $t['start']) * 1000), $trips)) . ')');
		if (in_array($k, ['last-on', 'guard-on'], true)) {
			foreach ($trips as $n => $t) {
				printf("  %44s %d: %s\n", '', $n + 1, implode(' ', $t['names']));
			}
		}
	}
}

if (isset($opt['json'])) {
	foreach ($results as &$by) {
		foreach ($by as &$r) {
			unset($r['log']);
		}
	}
	unset($by, $r);
	file_put_contents($opt['json'], json_encode(['env' => $env_line, 'levels' => $levels, 'cold' => $results,
		'warm' => $warm_result, 'warm_instructions' => $ir ?? []], JSON_PRETTY_PRINT) . "\n");
}
