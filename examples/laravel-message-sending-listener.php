<?php
/*
 * Laravel (9 and later, Symfony Mailer underneath): check every mail before
 * it is sent. A MessageSending listener that returns false cancels the
 * send. Register it in EventServiceProvider:
 *     protected $listen = [MessageSending::class => [CheckMailDeliverability::class]];
 * (Laravel 11 discovers listeners in app/Listeners by the type of handle()'s parameter.)
 *
 * config('mail.mailcheck_ip') is the address receivers will see the mail
 * come from: this host's public IP when it delivers itself, the relay's
 * when MAIL_HOST is one. Unset: php.ini's mailcheck.ip.
 */

declare(strict_types=1);

namespace App\Listeners;

use Illuminate\Mail\Events\MessageSending;
use Illuminate\Support\Facades\Log;

final class CheckMailDeliverability
{
    public function handle(MessageSending $event): bool
    {
        $message = $event->message;     // Symfony\Component\Mime\Email
        // Symfony Mailer's envelope sender: the Sender: header, else the first From:
        $sender = $message->getSender() ?? ($message->getFrom()[0] ?? null);
        if ($sender === null) {
            return true;                // nothing to check; the mailer will refuse it itself
        }
        $ip = (string)(config('mail.mailcheck_ip') ?: ini_get('mailcheck.ip'));
        if ($ip === '') {
            throw new \LogicException('set mail.mailcheck_ip (the sending IP) or mailcheck.ip in php.ini');
        }
        $report = mail_check_message(
            $ip,
            $sender->getAddress(),
            $message->getHeaders()->toString(),
        );
        foreach ($report['problems'] as $problem) {
            Log::log($problem['severity'] === 'warn' ? 'warning' : 'error',
                "mailcheck {$problem['code']}: {$problem['message']}");
        }
        return $report['status'] !== 'fail';    // false: Laravel does not send it
    }
}
