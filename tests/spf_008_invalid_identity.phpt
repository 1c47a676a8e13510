--TEST--
mail_check_spf(): a sender or HELO that is no domain SPF can check is result none and a fail, spf_invalid_identity, whose message names it (not spf_missing); no DNS is asked
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:9
--FILE--
<?php
foreach ([['not an address', null], ['news@exa mple.com', null], ['news@localhost', null], ['', 'mailgate'], ['', null]] as [$sender, $helo]) {
    $r = mail_check_spf('192.0.2.1', $sender, $helo);
    printf("%s / %s => %s %s %s\n", json_encode($sender), json_encode($helo), $r['result'], $r['status'], json_encode($r['domain']));
    foreach ($r['problems'] as $p) {
        echo "  {$p['code']} ({$p['severity']}): {$p['message']}\n";
    }
}
?>
--EXPECT--
"not an address" / null => none fail "not an address"
  spf_invalid_identity (fail): The sender "not an address" is no mail address SPF can check (it contains a space): SPF gives none, and receivers refuse such a sender; send from an address at your domain, e.g. noreply@example.com
"news@exa mple.com" / null => none fail "exa mple.com"
  spf_invalid_identity (fail): The sender "news@exa mple.com" has no domain SPF can check: "exa mple.com" is no domain name (it contains a space); SPF gives none, and receivers refuse such a sender; send from an address at your domain
"news@localhost" / null => none fail "localhost"
  spf_invalid_identity (fail): The sender "news@localhost" has no domain SPF can check: "localhost" is no domain name (it is a single label: give the full domain, e.g. example.com); SPF gives none, and receivers refuse such a sender; send from an address at your domain
"" / "mailgate" => none fail "mailgate"
  spf_invalid_identity (fail): The HELO name "mailgate" is no domain SPF can check (it is a single label: give the full domain, e.g. example.com): SPF gives none, and receivers distrust the mail; announce the server's FQDN (postfix: myhostname)
"" / null => none warn ""
  spf_missing (warn): No SPF check is possible without a sender or a HELO name (RFC 7208 §4.3)
