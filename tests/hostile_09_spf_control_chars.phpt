--TEST--
hostile (issue 8, item 9): CR, LF, TAB, DEL or another control character in mail_check_spf()'s sender or HELO is a ValueError naming the argument, never part of received_spf
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53535
--FILE--
<?php
function attempt(string $sender, ?string $helo): string {
    try {
        $r = mail_check_spf('203.0.113.5', $sender, $helo);
        return 'accepted: ' . json_encode($r['received_spf']);
    } catch (ValueError $e) {
        $prefix = 'mail_check_spf(): Argument ';
        $m = $e->getMessage();
        return str_starts_with($m, $prefix) ? 'ValueError ' . strtok(substr($m, strlen($prefix)), ')') . ')' : "ValueError: $m";
    }
}
foreach (['CRLF' => "\r\nX-Injected: 1", 'LF' => "\n", 'CR' => "\r", 'TAB' => "\t", 'DEL' => "\x7f", 'SOH' => "\x01"] as $name => $bad) {
    echo $name, ': ',
        attempt("news@pass.hostile.example.com$bad", 'mail.example.com'), ' | ',
        attempt('news@pass.hostile.example.com', "mail.example.com$bad"), ' | ',
        attempt('', "mail.example.com$bad"), "\n";
}
// Clean identities still work.
echo mail_check_spf('203.0.113.5', 'news@pass.hostile.example.com', 'mail.example.com')['result'], "\n";
?>
--EXPECT--
CRLF: ValueError #2 ($sender) | ValueError #3 ($helo) | ValueError #3 ($helo)
LF: ValueError #2 ($sender) | ValueError #3 ($helo) | ValueError #3 ($helo)
CR: ValueError #2 ($sender) | ValueError #3 ($helo) | ValueError #3 ($helo)
TAB: ValueError #2 ($sender) | ValueError #3 ($helo) | ValueError #3 ($helo)
DEL: ValueError #2 ($sender) | ValueError #3 ($helo) | ValueError #3 ($helo)
SOH: ValueError #2 ($sender) | ValueError #3 ($helo) | ValueError #3 ($helo)
pass
