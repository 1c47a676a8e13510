<?php
/*
 * mail_check_ptr() beside the peer (what PHP code does today for FCrDNS),
 * measured in one run. Usually started by bench/run-ptr, which sets up the
 * DNS servers and the mount namespace; see bench/README.md.
 *
 *   php -n -d extension=modules/mailcheck.so bench/ptr.php
 *       [--samples=200]      cold samples per case, each in a fresh process
 *       [--cached=20000]     timed calls of ours with a warm cache
 *       [--peer-cached=1000] timed repeated calls of the peer (no cache),
 *                            interleaved with the cached calls of ours, >= 1 ms apart
 *       [--fixture=127.0.0.1:53535]  explicit mailcheck.resolver for the "fixture" rows
 *       [--system=127.53.53.53]      the one nameserver /etc/resolv.conf must list;
 *                                    enables the peer and the resolv.conf rows
 *       [--json=FILE]        also write the raw numbers (µs) there
 *
 * Cold: each sample runs in a child made with pcntl_fork(), so the
 * extension's per-process cache (and glibc's resolver state) start empty.
 * The child first looks up another IP (203.0.113.14, untimed) so that
 * channel setup, resolv.conf parsing and socket creation are not counted -
 * as in a long-lived php-fpm worker meeting a new IP - then times one
 * lookup of the measured IP with hrtime() around that call only. The
 * "first call" rows skip that warm-up. Samples of all cases are
 * interleaved, so drift on the machine hits every case alike.
 *
 * Every sample's verdict is checked; a wrong answer makes the run fail.
 */
declare(strict_types=1);

const IP_ONE = '203.0.113.5';   // PTR mail.example.com -> A 203.0.113.5
const IP_TWO = '203.0.113.9';   // PTR other.example.com (-> 198.51.100.1) + mx9.example.com (-> 203.0.113.9)
const IP_WARM = '203.0.113.14'; // PTR mail14.example.com: the untimed warm-up

function fail(string $msg): never
{
    fwrite(STDERR, "bench/ptr.php: $msg\n");
    exit(1);
}

$opt = getopt('', ['samples:', 'cached:', 'peer-cached:', 'fixture:', 'system:', 'json:']);
$samples = (int)($opt['samples'] ?? 200);
$cachedN = (int)($opt['cached'] ?? 20000);
$peerCachedN = (int)($opt['peer-cached'] ?? 1000);
$fixture = (string)($opt['fixture'] ?? '127.0.0.1:53535');
$system = isset($opt['system']) ? (string)$opt['system'] : null;
$jsonFile = isset($opt['json']) ? (string)$opt['json'] : null;

if (!extension_loaded('mailcheck')) {
    fail('the mailcheck extension is not loaded (php -n -d extension=/path/to/modules/mailcheck.so)');
}
if (!function_exists('pcntl_fork')) {
    fail('needs pcntl (pcntl_fork) for one fresh process per cold sample');
}
if ($samples < 10 || $cachedN < 10 || $peerCachedN < 10) {
    fail('--samples, --cached and --peer-cached must be at least 10');
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

/* ---- the measured calls: each returns [ns, verdict] ---------------------- */

function ours(string $ip): array
{
    $t = hrtime(true);
    $r = mail_check_ptr($ip);
    $dt = hrtime(true) - $t;
    $v = $r['status'] . ' ' . ($r['hostname'] ?? '-') . ' ' . var_export($r['forward_confirmed'], true);
    if ($r['problems']) {
        $v .= ' [' . implode(', ', array_column($r['problems'], 'code')) . ']';
    }
    return [$dt, $v];
}

/* What PHP code does today: the first PTR name, its IPv4 addresses. */
function peer_classic(string $ip): array
{
    $t = hrtime(true);
    $name = gethostbyaddr($ip);
    $ok = false;
    if ($name !== false && $name !== $ip) {
        $addrs = gethostbynamel($name);
        $ok = $addrs !== false && in_array($ip, $addrs, true);
    }
    $dt = hrtime(true) - $t;
    return [$dt, ($name === false || $name === $ip ? '-' : $name) . ' ' . var_export($ok, true)];
}

/* The same work as ours, with PHP's own functions: every PTR name, then A
 * and AAAA of each name - one query after the other (glibc res_nsearch). */
function peer_full(string $ip): array
{
    $t = hrtime(true);
    $rev = implode('.', array_reverse(explode('.', $ip))) . '.in-addr.arpa';
    $hostname = null;
    foreach (dns_get_record($rev, DNS_PTR) ?: [] as $ptr) {
        foreach (dns_get_record($ptr['target'], DNS_A | DNS_AAAA) ?: [] as $rr) {
            if (($rr['ip'] ?? $rr['ipv6'] ?? null) === $ip) {
                $hostname ??= $ptr['target'];
            }
        }
    }
    $dt = hrtime(true) - $t;
    return [$dt, ($hostname ?? '-') . ' ' . var_export($hostname !== null, true)];
}

/* ---- cases ----------------------------------------------------------------- */

$sysLabel = $system !== null ? "resolv.conf ($system:53)" : 'resolv.conf';
$ok1 = 'ok mail.example.com true';
$ok2 = 'ok mx9.example.com true';

// id => [function, ip, mailcheck.resolver (ours only), warm-up?, expected verdict (null: any)]
$cases = [];
if ($system !== null) {
    $cases['ours.sys.one'] = ['ours', IP_ONE, '', true, $ok1];
    $cases['ours.sys.two'] = ['ours', IP_TWO, '', true, $ok2];
    $cases['ours.sys.first'] = ['ours', IP_ONE, '', false, $ok1];
}
$cases['ours.fix.one'] = ['ours', IP_ONE, $fixture, true, $ok1];
$cases['ours.fix.two'] = ['ours', IP_TWO, $fixture, true, $ok2];
if ($system !== null) {
    $cases['classic.one'] = ['peer_classic', IP_ONE, null, true, 'mail.example.com true'];
    $cases['classic.two'] = ['peer_classic', IP_TWO, null, true, null]; // sees only the first PTR
    $cases['classic.first'] = ['peer_classic', IP_ONE, null, false, 'mail.example.com true'];
    $cases['full.one'] = ['peer_full', IP_ONE, null, true, 'mail.example.com true'];
    $cases['full.two'] = ['peer_full', IP_TWO, null, true, 'mx9.example.com true'];
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

function cold_sample(array $case): array
{
    [$fn, $ip, $resolver, $warm] = $case;
    return in_child(function () use ($fn, $ip, $resolver, $warm) {
        if ($resolver !== null) {
            ini_set('mailcheck.resolver', $resolver);
        }
        if ($warm) {
            $fn(IP_WARM);
        }
        return $fn($ip);
    });
}

/* Check that ours really uses the expected servers. */
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

/* ---- cold: interleaved, one fresh process per sample ----------------------- */

$cold = array_fill_keys(array_keys($cases), []);
$verdicts = array_fill_keys(array_keys($cases), []);
$t0 = hrtime(true);
for ($i = 0; $i < $samples; $i++) {
    foreach ($cases as $id => $case) {
        [$ns, $v] = cold_sample($case);
        if ($case[4] !== null && $v !== $case[4]) {
            fail("$id: {$case[1]} gave '$v', expected '{$case[4]}'");
        }
        $cold[$id][] = $ns / 1000;
        $verdicts[$id][$v] = ($verdicts[$id][$v] ?? 0) + 1;
    }
}
$coldSeconds = (hrtime(true) - $t0) / 1e9;

/* ---- cached: one process, calls after the first ----------------------------- */

/* Ours ($n calls) and its peer ($peerN calls) interleaved in one process,
 * so both see the same machine load: a peer call after every $n/$peerN of
 * ours. The peer's calls start at least PEER_GAP_US apart (waiting between
 * two calls of ours, untimed): back-to-back UDP queries over loopback slow
 * down on this VM after about a thousand of them (a raw socket loop shows
 * it too), which would unfairly inflate the peer's numbers. The first call
 * of ours fills the cache and is not counted; the peer has no cache.
 * Returns [ours µs list, peer µs list]. */
const PEER_GAP_US = 1000;
$cachedRun = function (string $ip, string $resolver, int $n, string $expect,
                       ?string $peer, int $peerN, string $peerExpect) {
    return in_child(function () use ($ip, $resolver, $n, $expect, $peer, $peerN, $peerExpect) {
        ini_set('mailcheck.resolver', $resolver);
        ours($ip);
        $every = max(1, intdiv($n, $peerN));
        $out = [];
        $peerOut = [];
        $peerEnd = 0;
        for ($i = 0; $i < $n; $i++) {
            [$ns, $v] = ours($ip);
            if ($v !== $expect) {
                throw new RuntimeException("mail_check_ptr($ip) gave '$v', expected '$expect'");
            }
            $out[] = $ns / 1000;
            if ($peer !== null && $i % $every === 0 && count($peerOut) < $peerN) {
                $wait = PEER_GAP_US - intdiv(hrtime(true) - $peerEnd, 1000);
                if ($wait > 0) {
                    usleep($wait);
                }
                [$ns, $v] = $peer($ip);
                $peerEnd = hrtime(true);
                if ($v !== $peerExpect) {
                    throw new RuntimeException("$peer($ip) gave '$v', expected '$peerExpect'");
                }
                $peerOut[] = $ns / 1000;
            }
        }
        return [$out, $peer !== null ? $peerOut : null];
    });
};
$cachedResolver = $system !== null ? '' : $fixture;
$cached = [];
[$cached['ours.one'], $cached['classic.one']] = $cachedRun(IP_ONE, $cachedResolver, $cachedN, $ok1,
    $system !== null ? 'peer_classic' : null, $peerCachedN, 'mail.example.com true');
[$cached['ours.two'], $cached['full.two']] = $cachedRun(IP_TWO, $cachedResolver, $cachedN, $ok2,
    $system !== null ? 'peer_full' : null, $peerCachedN, 'mx9.example.com true');

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
$c = fn(string $id) => $cold[$id] ?? null;

$row('cold .5  ours@resolv.conf | peer A', $c('ours.sys.one'), $c('classic.one'));
$row('cold .5  ours@resolv.conf | peer B', $c('ours.sys.one'), $c('full.one'));
$row('cold .5  ours@fixture     | peer A', $c('ours.fix.one'), $c('classic.one'));
$row('cold .9  ours@resolv.conf | peer B', $c('ours.sys.two'), $c('full.two'));
$row('cold .9  ours@fixture     | peer B', $c('ours.fix.two'), $c('full.two'));
$row('cold .9  ours@resolv.conf | peer A (*)', $c('ours.sys.two'), $c('classic.two'));
$row('1st call .5  ours@resolv.conf | peer A', $c('ours.sys.first'), $c('classic.first'));
$row('cached .5  ours | peer A (no cache)', $cached['ours.one'], $cached['classic.one']);
$row('cached .9  ours | peer B (no cache)', $cached['ours.two'], $cached['full.two']);

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

printf("mail_check_ptr() vs peer - µs per check (median, p90); peer/ours > 1 means ours is faster\n");
printf("PHP %s, c-ares %s, %d cold samples per case (fresh process each, %.1f s), %d cached calls (peer: %d)\n",
    PHP_VERSION, $aresVersion, $samples, $coldSeconds, $cachedN, count($cached['classic.one'] ?? []));
printf("ours@fixture = mailcheck.resolver=%s (%s)%s\n", $fixture, $fixUse,
    $system !== null ? "; ours@resolv.conf and the peers: the system resolver -> $system:53" : '');
echo "\n", $line($head), str_repeat('-', array_sum($w) + 2 * (count($w) - 1)), "\n";
foreach ($rows as $r) {
    echo $line($r);
}
echo "\n";
echo ".5 = 203.0.113.5: PTR, then A+AAAA of mail.example.com (ours: 3 queries, 2 round trips)\n";
echo ".9 = 203.0.113.9: 2 PTR names, then A+AAAA of both (ours: 5 queries, the 4 forward ones in parallel)\n";
echo "peer A = gethostbyaddr() + gethostbynamel(), compare (first PTR name, IPv4 only)\n";
echo "peer B = dns_get_record(PTR), then dns_get_record(A|AAAA) per name, one query after another\n";
echo "1st call = first lookup of the process (no warm-up): includes resolver/channel setup\n";
if (isset($verdicts['classic.two'])) {
    $vs = [];
    foreach ($verdicts['classic.two'] as $v => $n) {
        [$name, $ok] = explode(' ', $v);
        $vs[] = "$name confirmed=$ok x$n";
    }
    echo "(*) peer A on .9 sees only one PTR name and gets the wrong answer: " . implode(', ', $vs) . "\n";
}
if ($system === null) {
    echo "peer and resolv.conf rows: n/a (run through bench/run-ptr for them)\n";
}

if ($jsonFile !== null) {
    file_put_contents($jsonFile, json_encode(['cold' => $cold, 'cached' => $cached], JSON_PRETTY_PRINT));
}
exit(0);
