<?php
/* mailcheck's verdict on one scenario's message, for tests/receivers/compare.
 * Reads {ip, helo, envelope, to, subject, headers} as JSON on stdin, prints
 * {source, status, problems, helo_problems} as JSON.
 *
 * The verdict is mail_check_message()'s (mailcheck.dkim_selector is set by
 * compare on this PHP's command line). It judges the HELO as the guard
 * does (against the PTR name, and localhost); helo_problems are what
 * mail_check_helo() says of the HELO on its own, kept apart: compare
 * checks with them that a scenario shows its HELO problem, and that the
 * scores table's HELO rows are seen at rspamd. */

$in = json_decode(stream_get_contents(STDIN), true, 8, JSON_THROW_ON_ERROR);

$headers = "To: {$in['to']}\r\nSubject: {$in['subject']}\r\n{$in['headers']}";
$report = mail_check_message($in['ip'], $in['envelope'], $headers, $in['helo']);
$helo = mail_check_helo($in['helo'], $in['ip']);

echo json_encode(['source' => 'mail_check_message()', 'status' => $report['status'],
    'problems' => $report['problems'], 'helo_problems' => $helo['problems']],
    JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE), "\n";
