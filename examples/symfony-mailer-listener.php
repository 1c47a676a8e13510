<?php
/*
 * Symfony Mailer: check every message before it is sent, as the mail()
 * guard does for mail(). Register it as a service (autoconfigure picks up
 * the subscriber), or $dispatcher->addSubscriber(new MailcheckSubscriber(...))
 * with a plain Mailer.
 *
 * $sendingIp is the address receivers will see the mail come from: this
 * host's public IP when it delivers itself (a local Postfix), the relay's
 * when you send through one. null: php.ini's mailcheck.ip.
 */

declare(strict_types=1);

namespace App\Mail;

use Psr\Log\LoggerInterface;
use Symfony\Component\EventDispatcher\EventSubscriberInterface;
use Symfony\Component\Mailer\Event\MessageEvent;
use Symfony\Component\Mailer\Exception\TransportException;
use Symfony\Component\Mime\Message;

final class MailcheckSubscriber implements EventSubscriberInterface
{
    public function __construct(
        private LoggerInterface $logger,
        private ?string $sendingIp = null,
        private ?string $helo = null,
    ) {}

    public static function getSubscribedEvents(): array
    {
        return [MessageEvent::class => 'onMessage'];
    }

    public function onMessage(MessageEvent $event): void
    {
        $message = $event->getMessage();
        if (!$message instanceof Message || $event->isQueued()) {
            return;     // raw messages carry no headers object; queued ones are checked when the worker sends them
        }
        $ip = $this->sendingIp ?? (string)ini_get('mailcheck.ip');
        if ($ip === '') {
            throw new \LogicException('MailcheckSubscriber: give the sending IP, or set mailcheck.ip in php.ini');
        }
        $report = mail_check_message(
            $ip,
            $event->getEnvelope()->getSender()->getAddress(),
            $message->getHeaders()->toString(),
            $this->helo,
        );
        foreach ($report['problems'] as $problem) {
            $this->logger->log($problem['severity'] === 'warn' ? 'warning' : 'error',
                'mailcheck {code}: {message}', $problem);
        }
        if ($report['status'] === 'fail') {
            // Thrown from a MessageEvent listener, this stops the send.
            throw new TransportException('mailcheck: receivers would reject this mail: '
                . implode(', ', array_column($report['problems'], 'code')));
        }
    }
}
