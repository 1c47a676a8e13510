--TEST--
guard: the verdict cache is keyed by the addresses as parsed: another display name for the same From address is a hit; a "|" in a value cannot make two mails share a key
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.guard=block
mailcheck.ip=203.0.113.5
mailcheck.resolver=127.0.0.1:53535
mailcheck.cache_ttl=300
sendmail_path="{PWD}/guard/capture-sendmail -C {TMP}/mailcheck-guard_018.mbox"
--FILE--
<?php
require __DIR__ . '/guard/guard.inc';
$path = capture_path('guard_018');
@unlink($path);
function send(string $from, string $params): void {
    $sent = @mail('to@example.org', 'Hi', 'Body', "From: $from", $params);
    $r = mail_check_last();
    printf("%-46s %-22s %s %s %s %s\n", $from, $params, var_export($sent, true), $r['cached'] ? 'cached' : 'checked',
        $r['status'], codes($r));
}
send('Shop <news@example.net>', '-fnews@example.net');
send('Another Shop <news@example.net>', '-fnews@example.net');
send('"Shop (EU)" <news@example.net> (weekly)', '-fnews@example.net');
send('news@EXAMPLE.NET', '-fnews@example.net');
// A display name that is not valid: the address is the same, the verdict is not.
send('Doe, John <news@example.net>', '-fnews@example.net');
send('Doe, Jane <news@example.net>', '-fnews@example.net');
// The old key joined the values with "|": these two were one key.
send('x|news@example.net', '-fnews@example.net');
send('news@example.net', '-fnews@example.net|x');
var_dump(count(captured($path)));
@unlink($path);
?>
--EXPECT--
Shop <news@example.net>                        -fnews@example.net     true checked ok 
Another Shop <news@example.net>                -fnews@example.net     true cached ok 
"Shop (EU)" <news@example.net> (weekly)        -fnews@example.net     true cached ok 
news@EXAMPLE.NET                               -fnews@example.net     true cached ok 
Doe, John <news@example.net>                   -fnews@example.net     false checked fail sender_syntax
Doe, Jane <news@example.net>                   -fnews@example.net     false checked fail sender_syntax
x|news@example.net                             -fnews@example.net     true checked ok 
news@example.net                               -fnews@example.net|x   false checked fail sender_syntax
int(5)
