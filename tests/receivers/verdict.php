<?php
/* mailcheck's verdict on one scenario's message, for tests/receivers/compare.
 * Reads {ip, helo, envelope, to, subject, headers, body} as JSON on stdin,
 * prints {source, status, problems} as JSON.
 *
 * Until mail_check_message() exists it is the mail() guard's verdict: the
 * message goes through a mail() whose sendmail is the capturing stand-in,
 * with mailcheck.ip, mailcheck.helo and mailcheck.dkim_selector set by
 * compare on this PHP's command line, and mail_check_last() is read. The
 * guard compares the HELO only with the PTR name, and takes as
 * mailcheck.helo only a fully qualified host name (not localhost, a bare
 * name, an address literal): mail_check_helo() judges the HELO itself, and
 * its problems join the verdict. */

$in = json_decode(stream_get_contents(STDIN), true, 8, JSON_THROW_ON_ERROR);

if (function_exists('mail_check_message')) {
    $headers = "To: {$in['to']}\r\nSubject: {$in['subject']}\r\n{$in['headers']}";
    $report = mail_check_message($in['ip'], $in['envelope'], $headers, $in['helo']);
    $source = 'mail_check_message()';
} else {
    if (!@mail($in['to'], $in['subject'], $in['body'], $in['headers'], '-f' . $in['envelope'])) {
        fwrite(STDERR, "verdict.php: mail() failed\n");
        exit(1);
    }
    $report = mail_check_last();
    $source = 'mail() guard';
    $helo = mail_check_helo($in['helo'], $in['ip']);
    $seen = array_column($report['problems'], 'code');
    $rank = ['ok' => 0, 'warn' => 1, 'error' => 2, 'fail' => 3];   // as mc_problems_status() ranks them
    foreach ($helo['problems'] as $p) {
        if (in_array($p['code'], $seen, true)) {
            continue;
        }
        $report['problems'][] = $p;
        if ($rank[$p['severity']] > $rank[$report['status']]) {
            $report['status'] = $p['severity'];
        }
    }
    $source .= ' + mail_check_helo()';
}

echo json_encode(['source' => $source, 'status' => $report['status'], 'problems' => $report['problems']],
    JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE), "\n";
