<?php
/*
 * Prints what mailcheck says of sending IPs, for people.
 *   php -d extension=mailcheck examples/ptr-report.php IP[=HELO] ...
 * e.g. php -d extension=mailcheck examples/ptr-report.php 203.0.113.5=mail.example.com
 */
if (!extension_loaded('mailcheck')) {
    fwrite(STDERR, "load the extension: php -d extension=mailcheck " . $argv[0] . "\n");
    exit(2);
}
if ($argc < 2) {
    fwrite(STDERR, "usage: php {$argv[0]} IP[=HELO] ...\n");
    exit(2);
}
$resolver = ini_get('mailcheck.resolver');
echo 'resolver: ', $resolver === '' ? 'system (resolv.conf)' : $resolver, "\n";

foreach (array_slice($argv, 1) as $arg) {
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
    foreach ($r['problems'] as $p) {
        printf("  - [%s] %s: %s\n", $p['severity'], $p['code'], $p['message']);
    }
}
