<?php
/*
 * Prints what mailcheck says of sending IPs (reverse DNS, and SPF when a
 * sender is given) and of the sender address, for people.
 *   php -d extension=mailcheck examples/report.php [--sender=ADDR] IP[=HELO] ...
 * e.g. php -d extension=mailcheck examples/report.php --sender=news@example.com 203.0.113.5=mail.example.com
 */
if (!extension_loaded('mailcheck')) {
    fwrite(STDERR, "load the extension: php -d extension=mailcheck " . $argv[0] . "\n");
    exit(2);
}
$args = array_slice($argv, 1);
$sender = null;
if ($args && str_starts_with($args[0], '--sender=')) {
    $sender = substr(array_shift($args), strlen('--sender='));
}
if (!$args && $sender === null) {
    fwrite(STDERR, "usage: php {$argv[0]} [--sender=ADDR] IP[=HELO] ...\n");
    exit(2);
}

function show_problems(array $r): void
{
    foreach ($r['problems'] as $p) {
        printf("  - [%s] %s: %s\n", $p['severity'], $p['code'], $p['message']);
    }
}

$resolver = ini_get('mailcheck.resolver');
echo 'resolver: ', $resolver === '' ? 'system (resolv.conf)' : $resolver, "\n";

if ($sender !== null) {
    $r = mail_check_sender($sender);
    printf("\nsender %s\n  status: %s   MX: %s\n", $sender, $r['status'],
        $r['mx'] ? implode(', ', array_column($r['mx'], 'host')) : '(none)');
    show_problems($r);
}

foreach ($args as $arg) {
    [$ip, $helo] = array_pad(explode('=', $arg, 2), 2, null);
    try {
        $r = mail_check_ptr($ip, $helo);
    } catch (ValueError $e) {
        echo "\n", $arg, ': ', $e->getMessage(), "\n";
        continue;
    }
    printf("\n%s%s\n", $r['ip'], $helo !== null ? " (HELO $helo)" : '');
    printf("  status: %s   (%.1f ms)\n", $r['status'], $r['elapsed_ms']);
    printf("  PTR: %s\n", $r['ptr'] ? implode(', ', $r['ptr']) : '(none)');
    printf("  forward-confirmed: %s\n", var_export($r['forward_confirmed'], true));
    if ($helo !== null) {
        printf("  HELO matches: %s\n", var_export($r['helo_matches'], true));
    }
    show_problems($r);
    if ($sender !== null) {
        $spf = mail_check_spf($r['ip'], $sender, $helo);
        printf("  SPF for %s: %s (%s)\n", $sender, $spf['result'], $spf['status']);
        show_problems($spf);
    }
}
