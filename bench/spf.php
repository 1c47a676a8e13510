<?php
/*
 * mail_check_spf() beside the peer (libspf2 with its own resolver, the C
 * program bench/spf_peer.c), measured in one run. Usually started by
 * bench/run-spf, which builds the peer, sets up the DNS servers and the
 * mount namespace; see bench/README.md.
 *
 *   php -n -d extension=modules/mailcheck.so bench/spf.php
 *       [--samples=200]   cold samples per case, ours: each in a fresh process
 *       [--cached=20000]  timed calls with a warm cache, per case (ours and peer)
 *       [--rounds=10]     cold samples are taken in this many rounds; in each,
 *                         ours (every case) and then the peer (every case) -
 *                         so load on the machine hits both alike
 *       [--fixture=127.0.0.1:53535]  explicit mailcheck.resolver for the "fixture" rows
 *       [--system=127.53.53.54]      the one nameserver /etc/resolv.conf must list;
 *                                    enables the peer and the resolv.conf rows
 *       [--peer=/path/to/spf_peer]   the built bench/spf_peer.c (needs --system)
 *       [--json=FILE]     also write the raw numbers (µs) there
 *
 * Ours, cold: each sample runs in a child made with pcntl_fork(), so the
 * extension's per-process DNS cache starts empty. The child first checks
 * another name (x@soft.spf.example.com, untimed), so channel setup,
 * resolv.conf parsing, socket creation and libspf2's first use are not
 * counted - as in a long-lived php-fpm worker meeting a new sender - then
 * times one mail_check_spf() call with hrtime() around that call only.
 * Ours, cached: one process, the first call not counted, then --cached calls.
 *
 * Peer: bench/spf_peer.c, one run per case and round. "Cold":
 * SPF_server_new(SPF_DNS_RESOLV), no cache, so every evaluation asks the
 * server; the same untimed warm-up name first; evaluations >= 1 ms apart;
 * two ways: "peer fork" - every evaluation in a fresh fork()ed child after
 * its own warm-up, exactly like ours - and "peer loop" - all evaluations in
 * one process, after one warm-up (hot CPU caches and heap; no copy-on-write
 * faults after a fork). "Cached": SPF_server_new(SPF_DNS_CACHE), one
 * process, the first evaluation not counted. It times each evaluation with
 * clock_gettime(CLOCK_MONOTONIC) and checks every result itself.
 *
 * Every answer is checked (ours: result and the number of DNS-querying
 * terms; the peer: SPF_strresult()); a wrong one makes the run fail.
 */
declare(strict_types=1);

const HELO = 'mail.example.com';
const WARM_SENDER = 'x@soft.spf.example.com'; // "v=spf1 ip4:203.0.113.5 ~all": one TXT lookup of another name
const PEER_GAP_US = 1000;

// id => [label, ip, sender, ours' expected verdict, peer's expected result]
const CASES = [
    'nest' => ['nest', '203.0.113.5', 'x@nest.spf.example.com', 'pass lookups=3', 'pass'],
    'flat' => ['flat', '203.0.113.5', 'x@pass.spf.example.com', 'pass lookups=0', 'pass'],
    'fail' => ['fail', '198.51.100.1', 'x@pass.spf.example.com', 'fail lookups=0', 'fail'],
];

function fail(string $msg): never
{
    fwrite(STDERR, "bench/spf.php: $msg\n");
    exit(1);
}

$opt = getopt('', ['samples:', 'cached:', 'rounds:', 'fixture:', 'system:', 'peer:', 'json:']);
$samples = (int)($opt['samples'] ?? 200);
$cachedN = (int)($opt['cached'] ?? 20000);
$rounds = (int)($opt['rounds'] ?? 10);
$fixture = (string)($opt['fixture'] ?? '127.0.0.1:53535');
$system = isset($opt['system']) ? (string)$opt['system'] : null;
$peerBin = isset($opt['peer']) ? (string)$opt['peer'] : null;
$jsonFile = isset($opt['json']) ? (string)$opt['json'] : null;

if (!extension_loaded('mailcheck')) {
    fail('the mailcheck extension is not loaded (php -n -d extension=/path/to/modules/mailcheck.so)');
}
if (!function_exists('pcntl_fork')) {
    fail('needs pcntl (pcntl_fork) for one fresh process per cold sample');
}
if (!function_exists('proc_open') && $peerBin !== null) {
    fail('needs proc_open() to run the peer');
}
if ($samples < 10 || $cachedN < 10 || $rounds < 1 || $rounds > $samples) {
    fail('--samples and --cached must be at least 10, --rounds between 1 and --samples');
}
if ($peerBin !== null && $system === null) {
    fail('--peer needs --system (the peer only uses /etc/resolv.conf)');
}
if ($peerBin !== null && !is_executable($peerBin)) {
    fail("the peer $peerBin is not an executable (build bench/spf_peer.c: cc -O2 -o spf_peer bench/spf_peer.c -lspf2)");
}

if ($system !== null) {
    // The peer and the resolv.conf rows only mean something if the system
    // resolver is the benchmark's NSD and nothing else.
    $conf = @file_get_contents('/etc/resolv.conf');
    if ($conf === false) {
        fail('cannot read /etc/resolv.conf');
    }
    preg_match_all('/^\s*nameserver\s+(\S+)/m', $conf, $m);
    if ($m[1] !== [$system]) {
        fail("/etc/resolv.conf must list exactly 'nameserver $system', it lists: "
            . ($m[1] ? implode(', ', $m[1]) : 'none'));
    }
}

/* ---- ours: one call, [ns, verdict] ---------------------------------------- */

function ours(string $ip, string $sender): array
{
    $t = hrtime(true);
    $r = mail_check_spf($ip, $sender, HELO);
    $dt = hrtime(true) - $t;
    $v = $r['result'] . ' lookups=' . $r['dns_lookups'];
    $codes = array_diff(array_column($r['problems'], 'code'), ['spf_fail']);
    if ($codes) {
        $v .= ' [' . implode(', ', $codes) . ']';
    }
    return [$dt, $v];
}

/* Runs $body in a fresh child process; returns what it returned. */
function in_child(callable $body): mixed
{
    $pair = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
    if ($pair === false) {
        fail('stream_socket_pair() failed');
    }
    [$parent, $child] = $pair;
    $pid = pcntl_fork();
    if ($pid < 0) {
        fail('pcntl_fork() failed');
    }
    if ($pid === 0) {
        fclose($parent);
        $warnings = [];
        set_error_handler(function (int $no, string $str) use (&$warnings) {
            $warnings[] = $str;
            return true;
        });
        try {
            $out = ['ok' => $body(), 'warnings' => $warnings];
        } catch (Throwable $e) {
            $out = ['error' => get_class($e) . ': ' . $e->getMessage()];
        }
        fwrite($child, serialize($out));
        fclose($child);
        exit(0);
    }
    fclose($child);
    $data = stream_get_contents($parent);
    fclose($parent);
    pcntl_waitpid($pid, $status);
    $out = $data === '' ? false : unserialize($data);
    if (!is_array($out)) {
        fail('a child process died without an answer');
    }
    if (isset($out['error'])) {
        fail('child: ' . $out['error']);
    }
    if ($out['warnings']) {
        fail('child: ' . implode('; ', array_unique($out['warnings'])));
    }
    return $out['ok'];
}

function ours_cold(array $case, string $resolver): array
{
    [, $ip, $sender] = $case;
    return in_child(function () use ($ip, $sender, $resolver) {
        ini_set('mailcheck.resolver', $resolver);
        ours($ip, WARM_SENDER);
        return ours($ip, $sender);
    });
}

/* ---- the peer: bench/spf_peer.c, µs per evaluation -------------------------- */

function peer_run(string $bin, string $mode, int $n, array $case): array
{
    [, $ip, $sender, , $expect] = $case;
    $cmd = [$bin, '--raw'];
    $label = $mode;
    if ($mode === 'fork') {
        $cmd[] = '--fork';
        $mode = 'resolv';
    }
    if ($mode === 'resolv') {
        $cmd[] = '--gap-us=' . PEER_GAP_US;
        $cmd[] = '--warm=' . WARM_SENDER;
    }
    array_push($cmd, $mode, (string)$n, $ip, $sender, HELO, $expect);
    $p = proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
    if (!is_resource($p)) {
        fail("cannot run $bin");
    }
    $out = stream_get_contents($pipes[1]);
    $err = stream_get_contents($pipes[2]);
    fclose($pipes[1]);
    fclose($pipes[2]);
    $rc = proc_close($p);
    if ($rc !== 0 || !preg_match('/^summary /m', $out)) {
        fail("peer ($label, $ip $sender) failed (exit $rc): " . trim($err !== '' ? $err : $out));
    }
    preg_match_all('/^t (\S+)$/m', $out, $m);
    if (count($m[1]) !== $n) {
        fail("peer ($label, $ip $sender) gave " . count($m[1]) . " times, expected $n");
    }
    return array_map('floatval', $m[1]);
}

/* ---- check that ours really uses the expected servers ---------------------- */

$describe = function (string $resolver): string {
    return in_child(function () use ($resolver) {
        ini_set('mailcheck.resolver', $resolver);
        ob_start();
        phpinfo(INFO_MODULES);
        $info = ob_get_clean();
        preg_match('/^Resolver in use => (.*)$/m', $info, $m);
        preg_match('/^c-ares \(running\) => (.*)$/m', $info, $v);
        return ($m[1] ?? '?') . '|' . ($v[1] ?? '?');
    });
};
[$fixUse, $aresVersion] = explode('|', $describe($fixture));
if ($system !== null) {
    [$sysUse] = explode('|', $describe(''));
    // "?": phpinfo() no longer shows it; the resolv.conf check above stands.
    if ($sysUse !== '?' && $sysUse !== "$system:53") {
        fail("with mailcheck.resolver=\"\" the extension uses '$sysUse', expected '$system:53'");
    }
}
$libspf2 = '?';
foreach (['/usr/include/spf2/spf_lib_version.h'] as $h) {
    if (is_readable($h) && preg_match_all('/#define\s+SPF_LIB_VERSION_(MAJOR|MINOR|PATCH)\s+(\d+)/', (string)file_get_contents($h), $mm)) {
        $libspf2 = implode('.', $mm[2]);
    }
}

/* ---- cold: rounds of (ours, every case and resolver; then the peer) -------- */

$oursVariants = [];
if ($system !== null) {
    $oursVariants['sys'] = '';
}
$oursVariants['fix'] = $fixture;

$cold = [];
$t0 = hrtime(true);
$done = 0;
for ($r = 0; $r < $rounds; $r++) {
    $chunk = intdiv($samples * ($r + 1), $rounds) - $done;
    $done += $chunk;
    for ($i = 0; $i < $chunk; $i++) {
        foreach (CASES as $id => $case) {
            foreach ($oursVariants as $var => $resolver) {
                [$ns, $v] = ours_cold($case, $resolver);
                if ($v !== $case[3]) {
                    fail("ours@$var: mail_check_spf('{$case[1]}', '{$case[2]}') gave '$v', expected '{$case[3]}'");
                }
                $cold["ours.$var.$id"][] = $ns / 1000;
            }
        }
    }
    if ($peerBin !== null) {
        foreach (CASES as $id => $case) {
            $cold["peer.fork.$id"] = array_merge($cold["peer.fork.$id"] ?? [], peer_run($peerBin, 'fork', $chunk, $case));
            $cold["peer.loop.$id"] = array_merge($cold["peer.loop.$id"] ?? [], peer_run($peerBin, 'resolv', $chunk, $case));
        }
    }
}
$coldSeconds = (hrtime(true) - $t0) / 1e9;

/* ---- cached: ours in one process (first call not counted), then the peer ---- */

$cachedResolver = $system !== null ? '' : $fixture;
$cached = [];
$t0 = hrtime(true);
foreach (CASES as $id => $case) {
    [, $ip, $sender, $expect] = $case;
    $cached["ours.$id"] = in_child(function () use ($ip, $sender, $expect, $cachedResolver, $cachedN) {
        ini_set('mailcheck.resolver', $cachedResolver);
        ours($ip, $sender);
        $out = [];
        for ($i = 0; $i < $cachedN; $i++) {
            [$ns, $v] = ours($ip, $sender);
            if ($v !== $expect) {
                throw new RuntimeException("mail_check_spf('$ip', '$sender') gave '$v', expected '$expect'");
            }
            $out[] = $ns / 1000;
        }
        return $out;
    });
    if ($peerBin !== null) {
        $cached["peer.$id"] = peer_run($peerBin, 'cache', $cachedN, $case);
    }
}
$cachedSeconds = (hrtime(true) - $t0) / 1e9;

/* ---- report ----------------------------------------------------------------- */

function pct(array $xs, float $p): float
{
    sort($xs);
    $k = (int)ceil($p * count($xs)) - 1;   // nearest rank
    return $xs[max(0, min(count($xs) - 1, $k))];
}

$rows = [];
$row = function (string $label, ?array $ours, ?array $peer) use (&$rows) {
    if ($ours === null) {
        return;   // without --system: no resolv.conf rows
    }
    $f = fn(?array $xs, float $p) => $xs === null ? 'n/a' : sprintf('%.1f', pct($xs, $p));
    $ratio = $peer !== null ? sprintf('%.1fx', pct($peer, 0.5) / pct($ours, 0.5)) : 'n/a';
    $rows[] = [$label, $f($ours, 0.5), $f($ours, 0.9), $f($peer, 0.5), $f($peer, 0.9), $ratio];
};
foreach (CASES as $id => $case) {
    $row("cold $id  ours@resolv.conf | peer fork", $cold["ours.sys.$id"] ?? null, $cold["peer.fork.$id"] ?? null);
    $row("cold $id  ours@resolv.conf | peer loop", $cold["ours.sys.$id"] ?? null, $cold["peer.loop.$id"] ?? null);
    $row("cold $id  ours@fixture     | peer fork", $cold["ours.fix.$id"] ?? null, $cold["peer.fork.$id"] ?? null);
}
foreach (CASES as $id => $case) {
    $row("cached $id  ours | peer cache", $cached["ours.$id"], $cached["peer.$id"] ?? null);
}

$head = ['case', 'ours med', 'ours p90', 'peer med', 'peer p90', 'peer/ours'];
$w = [];
foreach (array_merge([$head], $rows) as $r) {
    foreach ($r as $i => $cell) {
        $w[$i] = max($w[$i] ?? 0, strlen($cell));
    }
}
$line = function (array $r) use ($w) {
    $s = str_pad($r[0], $w[0]);
    for ($i = 1; $i < count($r); $i++) {
        $s .= '  ' . str_pad($r[$i], $w[$i], ' ', STR_PAD_LEFT);
    }
    return rtrim($s) . "\n";
};

printf("mail_check_spf() vs libspf2 with its own resolver - µs per check (median, p90); peer/ours > 1 means ours is faster\n");
printf("PHP %s, c-ares %s, libspf2 %s; %d cold samples per case (ours: fresh process each; %d rounds, %.1f s), %d cached calls per case (%.1f s)\n",
    PHP_VERSION, $aresVersion, $libspf2, $samples, $rounds, $coldSeconds, $cachedN, $cachedSeconds);
printf("ours@fixture = mailcheck.resolver=%s (%s)%s\n", $fixture, $fixUse,
    $system !== null ? "; ours@resolv.conf and the peer: the system resolver -> $system:53" : '');
echo "\n", $line($head), str_repeat('-', array_sum($w) + 2 * (count($w) - 1)), "\n";
foreach ($rows as $r) {
    echo $line($r);
}
echo "\n";
echo "nest = x@nest.spf.example.com from 203.0.113.5: nest -> include n1 -> include n2 -> include n3 (ip4:203.0.113.5) = pass, 4 TXT queries one after another\n";
echo "flat = x@pass.spf.example.com from 203.0.113.5 = pass (1 TXT query); fail = the same from 198.51.100.1 = fail\n";
echo "helo " . HELO . " on both sides; warm-up (cold rows): " . WARM_SENDER . " first, untimed\n";
echo "peer fork/loop = SPF_server_new(SPF_DNS_RESOLV): res_query(), no cache, evaluations >= " . PEER_GAP_US . " µs apart;\n";
echo "    fork: each in a fresh child after its warm-up (as ours); loop: all in one process per case and round\n";
echo "peer cache  = SPF_server_new(SPF_DNS_CACHE): libspf2's cache, first evaluation not counted; ours: per-process cache, first call not counted\n";
if ($peerBin === null) {
    echo $system === null
        ? "peer and resolv.conf rows: n/a (run through bench/run-spf for them)\n"
        : "peer rows: n/a (no --peer)\n";
}

if ($jsonFile !== null) {
    file_put_contents($jsonFile, json_encode(['cold' => $cold, 'cached' => $cached], JSON_PRETTY_PRINT));
}
exit(0);
