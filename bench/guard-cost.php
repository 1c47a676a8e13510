<?php
/*
 * Per-mail cost of the mail() guard with a cached verdict, beside mail()
 * without the guard, in one run. Start it with bench/run-guard-cost (which
 * starts the DNS fixtures the guard asks); see bench/GUARD.md.
 *
 *   php bench/guard-cost.php [options]
 *
 *   --n=N            timed mails per process, nofd sink (default 2000)
 *   --spawn-n=N      timed mails per process, spawn sink (default 1000: each
 *                    one starts two processes)
 *   --rounds=R       processes per mode and sink, interleaved (default 3)
 *   --modes=LIST     of none, off, warn, block (default none,off,warn)
 *                      none: extension not loaded; off: loaded, mailcheck.guard=off;
 *                      warn/block: the guard on, verdict cached after the first mail
 *   --sinks=LIST     of nofd, spawn (default nofd,spawn)
 *                      nofd:  the process has one free file descriptor, so
 *                             mail()'s popen() fails at pipe() (it needs two)
 *                             and no process is started: what is left is
 *                             PHP's and the guard's own work (mail() returns
 *                             false); the guard can still open one file
 *                      spawn: sendmail_path = "cat >/dev/null #" (the # drops -f): the real
 *                             popen() + /bin/sh + cat, what an app sees
 *   --callgrind=K    also count instructions with valgrind --tool=callgrind:
 *                    K mails vs 0 mails per mode, nofd sink (default 200 when
 *                    valgrind is installed; 0 = skip)
 *   --php=PATH       PHP binary for the measured processes (default: this one)
 *   --ext=PATH       the extension (default modules/mailcheck.so)
 *   --ip= --helo= --resolver= --cache-ttl=   mailcheck.* for the guard modes
 *                    (default 203.0.113.5, mail.example.com, 127.0.0.1:53535, 3600)
 *   --envelope=ADDR  mail() gets -fADDR as 5th argument (default: none)
 *   --json=FILE      also write all results as JSON
 *
 * Each mail() call is timed alone with hrtime(); the first mail of each
 * process (the guard computes its verdict, DNS included; always sent through
 * the spawn sink, the descriptors are used up after it) is reported apart
 * and not counted. mailcheck.guard is PHP_INI_SYSTEM, so every mode is its
 * own `php -n -d ...` process. Errors are neither displayed nor logged
 * (display_errors=0, log_errors=0); a warning is still raised and formatted.
 * Exit 1 if a measured process failed or the guard is registered but did not
 * check the mails; a build without mailcheck.guard is measured as it is and
 * reported loudly, exit 0.
 *
 * Internal: --child runs the measurement in this process and prints JSON.
 */

const TO = 'to@example.net';
const HEADERS = 'From: Shop <news@example.net>';

function opts(array $argv): array
{
    $o = [];
    foreach (array_slice($argv, 1) as $a) {
        if (!preg_match('/^--([a-z-]+)(?:=(.*))?$/s', $a, $m)) {
            fwrite(STDERR, "guard-cost: bad argument $a\n");
            exit(2);
        }
        $o[$m[1]] = $m[2] ?? true;
    }
    return $o;
}

function send(int $i, string $envelope): bool
{
    return $envelope === ''
        ? mail(TO, "cost $i", "body $i", HEADERS)
        : mail(TO, "cost $i", "body $i", HEADERS, "-f$envelope");
}

/* ---- child: measure in this process ------------------------------------ */
function child(array $o): void
{
    $n = (int)($o['n'] ?? 2000);
    $sink = $o['sink'] ?? 'spawn';
    $envelope = (string)($o['envelope'] ?? '');
    $out = [
        'php' => PHP_VERSION,
        'extension' => extension_loaded('mailcheck'),
        'guard_ini' => ini_get('mailcheck.guard'),
        'sendmail_path' => ini_get('sendmail_path'),
    ];

    // the first mail: the guard has no verdict yet (DNS, checks)
    error_clear_last();
    $t = hrtime(true);
    $ok = send(0, $envelope);
    $out['first_us'] = (hrtime(true) - $t) / 1e3;
    $out['first_ok'] = $ok;
    $out['first_warning'] = error_get_last()['message'] ?? null;
    $out['first_last'] = function_exists('mail_check_last') ? summarize(mail_check_last()) : null;

    $fds = [];
    if ($sink === 'nofd') {
        while (($f = @fopen('/dev/null', 'r')) !== false) {
            $fds[] = $f;
            if (count($fds) > 100000) {
                fwrite(STDERR, "guard-cost: cannot exhaust file descriptors (run with prlimit --nofile=128)\n");
                exit(3);
            }
        }
        // one descriptor stays free: pipe() needs two and still fails, but
        // whatever the guard opens for a mail (getpwuid() reads /etc/passwd)
        // can open
        fclose(array_pop($fds));
        $out['fds_held'] = count($fds);
    }

    $samples = [];
    $okc = 0;
    for ($i = 1; $i <= $n; $i++) {
        $t = hrtime(true);
        $ok = send($i, $envelope);
        $samples[] = hrtime(true) - $t;
        $okc += $ok ? 1 : 0;
    }
    $out['n'] = $n;
    $out['ok'] = $okc;
    $out['samples_ns'] = $samples;
    $out['last'] = function_exists('mail_check_last') ? summarize(mail_check_last()) : 'no mail_check_last()';

    // one more mail, untimed: which warnings does one mail raise here?
    $warnings = [];
    set_error_handler(function ($no, $msg) use (&$warnings) {
        $warnings[] = $msg;
        return true;
    });
    $out['diag_ok'] = send($n + 1, $envelope);
    restore_error_handler();
    $out['warnings_per_mail'] = $warnings;
    echo json_encode($out, JSON_UNESCAPED_SLASHES | JSON_PARTIAL_OUTPUT_ON_ERROR), "\n";
}

function summarize($last)
{
    if (!is_array($last)) {
        return $last;
    }
    $codes = array_map(fn($p) => $p['code'] ?? '?', $last['problems'] ?? []);
    return ['status' => $last['status'] ?? '?', 'problems' => $codes];
}

/* ---- orchestrator ---------------------------------------------------------- */
function stats(array $ns): array
{
    sort($ns);
    $c = count($ns);
    if ($c === 0) {
        return ['n' => 0, 'median' => NAN, 'p90' => NAN, 'min' => NAN, 'mean' => NAN];
    }
    $q = fn($p) => $ns[min($c - 1, (int)floor($p * ($c - 1) + 0.5))] / 1e3;
    // mean of the middle 90 %: the occasional preempted call does not dominate
    $lo = (int)floor($c * 0.05);
    $mid = array_slice($ns, $lo, max(1, $c - 2 * $lo));
    return ['n' => $c, 'median' => $q(0.5), 'p90' => $q(0.9), 'min' => $ns[0] / 1e3,
            'mean' => array_sum($mid) / count($mid) / 1e3];
}

function mode_flags(string $mode, array $o): array
{
    $f = [];
    if ($mode === 'none') {
        return $f;
    }
    $f[] = 'extension=' . $o['ext'];
    $f[] = 'mailcheck.guard=' . ($mode === 'off' ? 'off' : $mode);
    if ($mode !== 'off') {
        $f[] = 'mailcheck.ip=' . $o['ip'];
        $f[] = 'mailcheck.helo=' . $o['helo'];
        $f[] = 'mailcheck.cache_ttl=' . $o['cache-ttl'];
        $f[] = 'mailcheck.resolver=' . $o['resolver'];
    }
    return $f;
}

function command(string $mode, string $sink, int $n, array $o, array $pre = []): array
{
    $cmd = array_merge(['timeout', '300'], $pre);
    if ($sink === 'nofd') {
        $cmd = array_merge(['prlimit', '--nofile=128:128'], $cmd);
    }
    $cmd = array_merge($cmd, [$o['php'], '-n', '-d', 'display_errors=0', '-d', 'log_errors=0',
        '-d', 'error_reporting=E_ALL', '-d', 'sendmail_path="cat >/dev/null #"']);
    foreach (mode_flags($mode, $o) as $f) {
        array_push($cmd, '-d', $f);
    }
    array_push($cmd, __FILE__, '--child', "--n=$n", "--sink=$sink");
    if ($o['envelope'] !== '') {
        $cmd[] = '--envelope=' . $o['envelope'];
    }
    return $cmd;
}

function run(array $cmd, ?string &$err = null): ?string
{
    $p = proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
    if (!is_resource($p)) {
        $err = 'cannot start ' . $cmd[0];
        return null;
    }
    $out = stream_get_contents($pipes[1]);
    $err = stream_get_contents($pipes[2]);
    fclose($pipes[1]);
    fclose($pipes[2]);
    $rc = proc_close($p);
    if ($rc !== 0) {
        $err = "exit $rc: " . trim($err);
        return null;
    }
    return $out;
}

function has(string $tool): bool
{
    return trim((string)shell_exec('command -v ' . escapeshellarg($tool) . ' 2>/dev/null')) !== '';
}

function callgrind_ir(array $cmd, string $dir, string $tag): ?int
{
    $file = "$dir/callgrind.$tag.out";
    $vg = ['valgrind', '--tool=callgrind', '--quiet', "--callgrind-out-file=$file"];
    // insert valgrind after prlimit/timeout, before php
    $i = array_search('-n', $cmd, true) - 1;
    $full = array_merge(array_slice($cmd, 0, $i), $vg, array_slice($cmd, $i));
    if (run($full, $err) === null) {
        fwrite(STDERR, "guard-cost: callgrind $tag failed: $err\n");
        return null;
    }
    foreach (file($file) as $line) {
        if (preg_match('/^(?:summary|totals):\s+(\d+)/', $line, $m)) {
            return (int)$m[1];
        }
    }
    return null;
}

function orchestrate(array $o): int
{
    $root = dirname(__DIR__);
    $o += ['n' => 2000, 'spawn-n' => 1000, 'rounds' => 3, 'modes' => 'none,off,warn', 'sinks' => 'nofd,spawn',
           'php' => PHP_BINARY, 'ext' => "$root/modules/mailcheck.so", 'ip' => '203.0.113.5',
           'helo' => 'mail.example.com', 'resolver' => '127.0.0.1:53535', 'cache-ttl' => '3600',
           'envelope' => '', 'callgrind' => has('valgrind') ? 200 : 0];
    $n = (int)$o['n'];
    $rounds = (int)$o['rounds'];
    $modes = array_values(array_filter(explode(',', $o['modes'])));
    $sinks = array_values(array_filter(explode(',', $o['sinks'])));
    foreach ($modes as $m) {
        if (!in_array($m, ['none', 'off', 'warn', 'block'], true)) {
            fwrite(STDERR, "guard-cost: unknown mode $m\n");
            return 2;
        }
    }
    foreach ($sinks as $s) {
        if (!in_array($s, ['nofd', 'spawn'], true)) {
            fwrite(STDERR, "guard-cost: unknown sink $s\n");
            return 2;
        }
    }
    if ($n < 10 || (int)$o['spawn-n'] < 10 || $rounds < 1) {
        fwrite(STDERR, "guard-cost: --n and --spawn-n must be at least 10, --rounds at least 1\n");
        return 2;
    }
    if (array_diff($modes, ['none']) && !is_file($o['ext'])) {
        fwrite(STDERR, "guard-cost: {$o['ext']} is missing: build first (phpize && ./configure && make)\n");
        return 2;
    }
    if (in_array('nofd', $sinks, true) && !has('prlimit')) {
        fwrite(STDERR, "guard-cost: no prlimit (util-linux): the nofd sink is skipped\n");
        $sinks = array_values(array_diff($sinks, ['nofd']));
    }

    // a rebuild of the extension during the run invalidates it
    $stamp = fn() => is_file($o['ext']) ? implode(' ', array_slice(stat($o['ext']), 7, 3)) . ' ' . fileinode($o['ext']) : 'missing';
    clearstatcache();
    $stamp0 = $stamp();
    $rc = 0;
    $res = [];   // [sink][mode] => [samples => [...], first => [...], child => last child json]
    for ($r = 0; $r < $rounds; $r++) {
        foreach ($sinks as $sink) {
            // rotate the order of the modes from round to round
            $order = array_merge(array_slice($modes, $r % count($modes)), array_slice($modes, 0, $r % count($modes)));
            foreach ($order as $mode) {
                $out = run(command($mode, $sink, $sink === 'spawn' ? (int)$o['spawn-n'] : $n, $o), $err);
                $j = $out === null ? null : json_decode(trim($out), true);
                if (!is_array($j)) {
                    fwrite(STDERR, "guard-cost: $mode/$sink round " . ($r + 1) . " failed: " . ($err ?: trim((string)$out)) . "\n");
                    $rc = 1;
                    continue;
                }
                $cell = &$res[$sink][$mode];
                $cell['samples'] = array_merge($cell['samples'] ?? [], $j['samples_ns']);
                $cell['first'][] = $j['first_us'];
                $cell['ok'] = ($cell['ok'] ?? 0) + $j['ok'];
                $cell['n'] = ($cell['n'] ?? 0) + $j['n'];
                unset($j['samples_ns']);
                $cell['child'] = $j;
                unset($cell);
            }
        }
    }

    $cpu = trim((string)preg_replace('/^.*:\s*/', '', (string)shell_exec("grep -m1 '^model name' /proc/cpuinfo")));
    printf("machine: %d CPUs (%s), %s, PHP %s, load %s\n", (int)shell_exec('nproc'), $cpu ?: '?',
        php_uname('s') . ' ' . php_uname('r'), trim((string)shell_exec(escapeshellarg($o['php']) . ' -n -r "echo PHP_VERSION;"')),
        implode(' ', array_slice(explode(' ', (string)@file_get_contents('/proc/loadavg')), 0, 3)));
    printf("run:     %d (nofd) / %d (spawn) timed mails per process (+1 first mail, not counted), %d processes per row, modes interleaved%s\n",
        $n, (int)$o['spawn-n'], $rounds, $o['envelope'] !== '' ? ", mail() -f{$o['envelope']}" : ', no -f');
    $label = ['none' => 'no extension', 'off' => 'ext, guard off', 'warn' => 'guard warn', 'block' => 'guard block'];
    $notes = [];
    foreach ($sinks as $sink) {
        echo "\n";
        echo $sink === 'nofd'
            ? "sink nofd: popen() fails at pipe() (one free fd, it needs two): no process started, mail() returns false;\n"
              . "           what is left is mail()'s own work and the guard's\n"
            : "sink spawn: sendmail_path = \"cat >/dev/null #\": popen() starts /bin/sh, which runs cat\n";
        printf("  %-15s %7s %11s %10s %10s %11s  %-24s %s\n", 'mode', 'mails', 'median µs', 'p90 µs', 'min µs',
            'mean90 µs', 'vs guard off (median)', '1st mail µs (spawn, verdict computed)');
        $base = isset($res[$sink]['off']) ? stats($res[$sink]['off']['samples']) : null;
        foreach ($modes as $mode) {
            if (!isset($res[$sink][$mode])) {
                printf("  %-15s (failed)\n", $label[$mode]);
                continue;
            }
            $c = $res[$sink][$mode];
            $s = stats($c['samples']);
            $res[$sink][$mode]['stats'] = $s;
            sort($c['first']);
            $first = $c['first'][intdiv(count($c['first']), 2)];
            $vs = '';
            if ($base && $mode !== 'off') {
                $vs = sprintf('%+.2f µs (%.2fx)', $s['median'] - $base['median'], $s['median'] / $base['median']);
            }
            printf("  %-15s %7d %11.2f %10.2f %10.2f %11.2f  %-24s %.1f\n", $label[$mode], $s['n'], $s['median'],
                $s['p90'], $s['min'], $s['mean'], $vs, $first);

            // is each row what it claims to be?
            $j = $c['child'];
            $want_ok = $sink === 'spawn' ? $c['n'] : 0;
            if ($c['ok'] !== $want_ok) {
                $notes[] = "$mode/$sink: mail() returned true {$c['ok']} times of {$c['n']} (expected $want_ok)";
                $rc = 1;
            }
            if ($mode === 'none' && $j['extension']) {
                $notes[] = "none/$sink: the extension is loaded anyway (php.ini?)";
                $rc = 1;
            }
            if ($mode !== 'none' && !$j['extension']) {
                $notes[] = "$mode/$sink: the extension did not load";
                $rc = 1;
            }
            if ($mode === 'warn' || $mode === 'block') {
                if ($j['guard_ini'] === false) {
                    $notes[] = "*** GUARD NOT MEASURED ($sink): this build has no mailcheck.guard setting, the '$mode' row ran with the extension as it is (= guard off)";
                } elseif ($j['guard_ini'] !== $mode) {
                    $notes[] = "$mode/$sink: mailcheck.guard is '{$j['guard_ini']}'";
                    $rc = 1;
                } elseif (!is_array($j['last'])) {
                    $notes[] = "$mode/$sink: mail_check_last() after the mails: " . json_encode($j['last']) . ' - the guard did not check them?';
                    $rc = 1;
                } else {
                    $notes[] = "$mode/$sink: verdict of the cached mails: " . $j['last']['status']
                        . ($j['last']['problems'] ? ' (' . implode(', ', $j['last']['problems']) . ')' : '')
                        . '; first mail: ' . json_encode($j['first_last'], JSON_UNESCAPED_SLASHES);
                    if ($j['last'] != $j['first_last']) {
                        $notes[] = "$mode/$sink: the verdict changed after the first mail"
                            . ($sink === 'nofd' ? ' - does the guard open files or sockets for a cached verdict? (the nofd row is then not comparable)' : '');
                        $rc = 1;
                    }
                    if ($j['last']['status'] === 'error') {
                        $notes[] = "$mode/$sink: the verdict is a DNS error - are the fixtures on {$o['resolver']} up?";
                    }
                }
            }
            // the guard must see the same world with the descriptors used up
            $own = array_values(array_filter($j['warnings_per_mail'],
                fn($w) => !str_contains($w, 'Could not execute mail delivery program')));
            if ($sink === 'nofd' && $j['guard_ini'] !== false && $mode !== 'none' && $mode !== 'off'
                    && ($own[0] ?? null) !== $j['first_warning']) {
                $notes[] = "$mode/nofd: the guard's warning differs once the descriptors are used up - it opens more than one file per mail? (the nofd row is then not comparable)\n"
                    . "      first mail: " . json_encode($j['first_warning'], JSON_UNESCAPED_SLASHES) . "\n"
                    . "      later:      " . json_encode($own[0] ?? null, JSON_UNESCAPED_SLASHES);
                $rc = 1;
            }
            if ($j['warnings_per_mail']) {
                $notes[] = "$mode/$sink: warnings per mail: " . implode(' | ', array_map(
                    fn($w) => strlen($w) > 160 ? substr($w, 0, 157) . '...' : $w, $j['warnings_per_mail']));
            }
        }
    }
    clearstatcache();
    if ($stamp() !== $stamp0) {
        $notes[] = "*** {$o['ext']} was rebuilt during the run: the numbers do not count, run again";
        $rc = 1;
    }
    if ($notes) {
        echo "\n", implode("\n", array_map(fn($l) => "note: $l", array_unique($notes))), "\n";
    }

    $cg = [];
    $k = (int)$o['callgrind'];
    if ($k > 0 && has('valgrind') && has('prlimit')) {
        $dir = sys_get_temp_dir() . '/mailcheck-guard-cost.' . getmypid();
        @mkdir($dir, 0700);
        echo "\ncallgrind (instructions per mail, nofd sink: Ir with $k mails minus Ir with 0 mails, / $k)\n";
        foreach ($modes as $mode) {
            $a = callgrind_ir(command($mode, 'nofd', $k, $o), $dir, "$mode-$k");
            $b = callgrind_ir(command($mode, 'nofd', 0, $o), $dir, "$mode-0");
            if ($a === null || $b === null) {
                printf("  %-15s (failed)\n", $label[$mode]);
                continue;
            }
            $cg[$mode] = ($a - $b) / $k;
        }
        foreach ($modes as $mode) {
            if (!isset($cg[$mode])) {
                continue;
            }
            $vs = isset($cg['off']) && $mode !== 'off'
                ? sprintf('%+.0f Ir (%.2fx)', $cg[$mode] - $cg['off'], $cg[$mode] / $cg['off']) : '';
            printf("  %-15s %10.0f Ir/mail  %s\n", $label[$mode], $cg[$mode], $vs);
        }
        array_map('unlink', glob("$dir/callgrind.*") ?: []);
        @rmdir($dir);
    } elseif ($k > 0) {
        echo "\ncallgrind: skipped (no valgrind or prlimit)\n";
    }

    if (isset($o['json']) && is_string($o['json'])) {
        $dump = [];
        foreach ($res as $sink => $rows) {
            foreach ($rows as $mode => $c) {
                $dump[$sink][$mode] = ['stats' => $c['stats'] ?? null, 'first_us' => $c['first'], 'child' => $c['child']];
            }
        }
        file_put_contents($o['json'], json_encode(['n' => $n, 'rounds' => $rounds, 'wall' => $dump,
            'callgrind_ir_per_mail' => $cg, 'notes' => array_values(array_unique($notes))],
            JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES) . "\n");
    }
    return $rc;
}

$o = opts($argv);
if (isset($o['child'])) {
    child($o);
    exit(0);
}
exit(orchestrate($o));
