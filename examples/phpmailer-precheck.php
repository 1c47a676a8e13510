<?php
/*
 * PHPMailer (SMTP or not): check a message after PHPMailer has built it and
 * before it goes out. PHPMailer::send() is preSend() + postSend(); call
 * them yourself with the check in between.
 *
 * $sendingIp is the address receivers will see the mail come from: this
 * host's public IP when it delivers itself, the relay's when $mail->Host is
 * a relay.
 */

declare(strict_types=1);

use PHPMailer\PHPMailer\PHPMailer;

require 'vendor/autoload.php';

/** sends $mail unless mailcheck says receivers would reject it; the report either way */
function send_checked(PHPMailer $mail, string $sendingIp): array
{
    if (!$mail->preSend()) {        // builds the headers and body; false: PHPMailer's own error
        throw new RuntimeException($mail->ErrorInfo);
    }
    $report = mail_check_message(
        $sendingIp,
        $mail->Sender !== '' ? $mail->Sender : $mail->From,   // the envelope sender (MAIL FROM)
        preg_split('/\r?\n\r?\n/', $mail->getSentMIMEMessage(), 2)[0],   // the headers as they will go out
        $mail->Helo !== '' ? $mail->Helo : null,
    );
    foreach ($report['problems'] as $problem) {
        error_log("mailcheck {$problem['severity']} {$problem['code']}: {$problem['message']}");
    }
    if ($report['status'] !== 'fail' && !$mail->postSend()) {
        throw new RuntimeException($mail->ErrorInfo);
    }
    return $report;
}

$mail = new PHPMailer(true);
$mail->isSMTP();
$mail->Host = 'localhost';
$mail->setFrom('news@example.com', 'Example News');
$mail->addAddress('someone@example.net');
$mail->Subject = 'Hello';
$mail->Body = 'Hello from PHPMailer, checked by mailcheck.';
$report = send_checked($mail, '203.0.113.5');     // this host's public IP: it delivers itself
echo $report['status'] === 'fail' ? "not sent: receivers would reject it\n" : "sent ({$report['status']})\n";
