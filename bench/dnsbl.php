<?php
/*
 * A cold mail_check_dnsbl() over eight lists, against a server that holds
 * every answer 20 ms (tests/dns/faultd.py --zone --delay): one round trip
 * when the lists are asked in parallel, eight when asked one after another.
 * Usually started by bench/run-dnsbl; see bench/README.md.
 *
 *   php -n -d extension=modules/mailcheck.so bench/dnsbl.php
 *       [--server=127.0.0.1:53537]  the delayed server (mailcheck.resolver)
 *       [--system=127.53.53.54]     the one nameserver /etc/resolv.conf lists;
 *                                   enables the peer row (PHP's dns_get_record())
 *       [--delay=20]                the delay the server adds, in ms (for the heading)
 *       [--samples=30]              cold samples per row, each in a fresh process
 *
 * Each sample runs in a child made with pcntl_fork(), so the extension's
 * answer cache starts empty; the child first asks one other name, untimed,
 * so that channel setup is not counted, then times the measured work with
 * hrtime(). Rows are interleaved sample by sample. Every answer is checked:
 * 203.0.113.66 must be listed, with its reason, on all eight lists.
 */
declare(strict_types=1);

const IP = '203.0.113.66';
const REV = '66.113.0.203';

function fail(string $msg): never
{
    fwrite(STDERR, "bench/dnsbl.php: $msg\n");
    exit(1);
}

$opt = getopt('', ['server:', 'system:', 'delay:', 'samples:']);
$server = (string)($opt['server'] ?? '127.0.0.1:53537');
$system = isset($opt['system']) ? (string)$opt['system'] : null;
$delay = (float)($opt['delay'] ?? 20);
$samples = (int)($opt['samples'] ?? 30);
if (!extension_loaded('mailcheck') || !function_exists('pcntl_fork')) {
    fail('needs the mailcheck extension and pcntl');
}
if ($samples < 5) {
    fail('--samples must be at least 5');
}
if ($system !== null && !preg_match('/^\s*nameserver\s+' . preg_quote($system, '/') . '\s*$/m', (string)@file_get_contents('/etc/resolv.conf'))) {
    fail("/etc/resolv.conf does not list nameserver $system (run through bench/run-dnsbl)");
}
ini_set('mailcheck.resolver', $server);
ini_set('mailcheck.timeout', '5000');
$zones = array_map(fn($i) => "z$i.dnsbl.test", range(1, 8));

$rows = [
    // One list: the round trip itself (both its queries at once), the unit of the last column.
    'ours: one call, 1 list' => function () use ($zones): void {
        if (!mail_check_dnsbl(IP, [$zones[0]])['zones'][0]['listed']) {
            fail('wrong answer from ' . $zones[0]);
        }
    },
    'ours: one call, 8 lists' => function () use ($zones): void {
        $r = mail_check_dnsbl(IP, $zones);
        foreach ($r['zones'] as $i => $z) {
            if (!$z['listed'] || $z['reason'] !== 'z' . ($i + 1) . ' lists it') {
                fail('wrong answer from ' . $z['zone'] . ': ' . json_encode($z));
            }
        }
    },
    'ours: 8 calls, one list each' => function () use ($zones): void {
        foreach ($zones as $i => $zone) {
            $z = mail_check_dnsbl(IP, [$zone])['zones'][0];
            if (!$z['listed'] || $z['reason'] !== 'z' . ($i + 1) . ' lists it') {
                fail("wrong answer from $zone: " . json_encode($z));
            }
        }
    },
];
if ($system !== null) {
    // What PHP code does today: the A record, then the TXT reason of a listing.
    $rows['peer: dns_get_record(), list after list'] = function () use ($zones): void {
        foreach ($zones as $i => $zone) {
            $a = dns_get_record(REV . ".$zone", DNS_A);
            if (($a[0]['ip'] ?? null) !== '127.0.0.2') {
                fail("wrong A answer from $zone: " . json_encode($a));
            }
            $txt = dns_get_record(REV . ".$zone", DNS_TXT);
            if (($txt[0]['txt'] ?? null) !== 'z' . ($i + 1) . ' lists it') {
                fail("wrong TXT answer from $zone: " . json_encode($txt));
            }
        }
    };
}

/* One cold sample in a fresh process: its time in ms. */
function sample(callable $work, bool $peer): float
{
    $pipe = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
    $pid = pcntl_fork();
    if ($pid < 0) {
        fail('fork failed');
    }
    if ($pid === 0) {
        fclose($pipe[0]);
        // Untimed warm-up on another name: the channel (or glibc's resolver) exists.
        if ($peer) {
            dns_get_record('2.0.0.127.bl.dnsbl.test', DNS_A);
        } else {
            mail_check_dnsbl('203.0.113.5', ['bl.dnsbl.test']);
        }
        $t = hrtime(true);
        $work();
        fwrite($pipe[1], (string)((hrtime(true) - $t) / 1e6));
        exit(0);
    }
    fclose($pipe[1]);
    $ms = stream_get_contents($pipe[0]);
    pcntl_waitpid($pid, $status);
    if (!pcntl_wifexited($status) || pcntl_wexitstatus($status) !== 0 || !is_numeric($ms)) {
        exit(1);
    }
    return (float)$ms;
}

$times = array_fill_keys(array_keys($rows), []);
for ($i = 0; $i < $samples; $i++) {
    foreach ($rows as $name => $work) {
        $times[$name][] = sample($work, str_starts_with($name, 'peer'));
    }
}

function quantile(array $v, float $q): float
{
    sort($v);
    return $v[(int)min(count($v) - 1, floor($q * count($v)))];
}

printf("%d cold samples per row; the server holds every answer %.0f ms\n", $samples, $delay);
printf("x 1 list: the median over that of one list, one round trip (A and TXT at once)\n\n");
$unit = quantile($times['ours: one call, 1 list'], 0.5);
printf("%-42s %9s %9s %9s %10s\n", 'row', 'min ms', 'median', 'p90', 'x 1 list');
foreach ($times as $name => $v) {
    printf("%-42s %9.1f %9.1f %9.1f %10.1f\n", $name, min($v), quantile($v, 0.5), quantile($v, 0.9), quantile($v, 0.5) / $unit);
}
