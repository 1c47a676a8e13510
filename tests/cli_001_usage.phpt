--TEST--
mailcheck command: usage errors exit 64 with a message on stderr; help and --version exit 0
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; require __DIR__ . '/cli.inc'; ?>
--FILE--
<?php
require __DIR__ . '/cli.inc';

foreach ([[], ["frob"], ["ptr"], ["ptr", "1.2.3.4", "a.example", "extra"], ["ptr", "--ip=1.2.3.4", "1.2.3.4"],
          ["ptr", "--json=yes", "1.2.3.4"], ["ptr", "--frob", "1.2.3.4"], ["ptr", "1.2.3.4", "--timeout"],
          ["ptr", "not-an-ip"], ["helo", "mail.example.com", "not-an-ip"], ["mta", "127.0.0.1:99999"],
          ["dnsbl", "203.0.113.66", "not a zone"], ["message", "203.0.113.5", "a@example.com", "/nonexistent/headers"],
          ["doctor", "a@example.com", "--mta=127.0.0.1:25", "--no-mta"], ["doctor", "a@example.com", "--no-dnsbl", "--dnsbl-zone=bl.dnsbl.test"],
          ["ptr", "203.0.113.5", "--resolver=not a resolver"], ["ptr", "203.0.113.5", "--timeout=soon"]] as $args) {
    [$rc, $out, $err] = mailcheck_cli($args);
    printf("%-60s rc=%d stdout=%d bytes  %s\n", json_encode($args), $rc, strlen($out), strtok($err, "\n"));
}
foreach ([["help"], ["--help"], ["-h"], ["ptr", "--help"], ["--version"]] as $args) {
    [$rc, $out, $err] = mailcheck_cli($args);
    printf("%-20s rc=%d %s stderr=%d bytes\n", json_encode($args), $rc, str_replace(phpversion('mailcheck'), 'VERSION', preg_replace("/PHP [0-9.]+\S*/", "PHP x", strtok($out, "\n"))), strlen($err));
}
?>
--EXPECT--
[]                                                           rc=64 stdout=0 bytes  mailcheck: no command given
["frob"]                                                     rc=64 stdout=0 bytes  mailcheck: unknown command 'frob'
["ptr"]                                                      rc=64 stdout=0 bytes  mailcheck: 'ptr' takes 1 to 2 arguments, got 0
["ptr","1.2.3.4","a.example","extra"]                        rc=64 stdout=0 bytes  mailcheck: 'ptr' takes 1 to 2 arguments, got 3
["ptr","--ip=1.2.3.4","1.2.3.4"]                             rc=64 stdout=0 bytes  mailcheck: unknown option --ip for 'ptr'
["ptr","--json=yes","1.2.3.4"]                               rc=64 stdout=0 bytes  mailcheck: --json takes no value
["ptr","--frob","1.2.3.4"]                                   rc=64 stdout=0 bytes  mailcheck: unknown option --frob for 'ptr'
["ptr","1.2.3.4","--timeout"]                                rc=64 stdout=0 bytes  mailcheck: --timeout needs a value
["ptr","not-an-ip"]                                          rc=64 stdout=0 bytes  mailcheck: ptr: mail_check_ptr(): Argument #1 ($ip) must be a valid IPv4 or IPv6 address
["helo","mail.example.com","not-an-ip"]                      rc=64 stdout=0 bytes  mailcheck: helo: mail_check_helo(): Argument #2 ($ip) must be a valid IPv4 or IPv6 address
["mta","127.0.0.1:99999"]                                    rc=64 stdout=0 bytes  mailcheck: mta: bad port in '127.0.0.1:99999'
["dnsbl","203.0.113.66","not a zone"]                        rc=64 stdout=0 bytes  mailcheck: dnsbl: mail_check_dnsbl(): Argument #2 ($zones) must hold blocklist zones: "not a zone" is not a zone name (a host name of two labels or more, e.g. zen.spamhaus.org)
["message","203.0.113.5","a@example.com","\/nonexistent\/headers"] rc=64 stdout=0 bytes  mailcheck: message: cannot read the headers from '/nonexistent/headers'
["doctor","a@example.com","--mta=127.0.0.1:25","--no-mta"]   rc=64 stdout=0 bytes  mailcheck: doctor: --mta and --no-mta do not mix
["doctor","a@example.com","--no-dnsbl","--dnsbl-zone=bl.dnsbl.test"] rc=64 stdout=0 bytes  mailcheck: doctor: --dnsbl-zone and --no-dnsbl do not mix
["ptr","203.0.113.5","--resolver=not a resolver"]            rc=64 stdout=0 bytes  mailcheck: --resolver=not a resolver is not accepted by mailcheck.resolver
["ptr","203.0.113.5","--timeout=soon"]                       rc=64 stdout=0 bytes  mailcheck: --timeout=soon is not accepted by mailcheck.timeout
["help"]             rc=0 usage: mailcheck COMMAND [ARGUMENTS] [OPTIONS] stderr=0 bytes
["--help"]           rc=0 usage: mailcheck COMMAND [ARGUMENTS] [OPTIONS] stderr=0 bytes
["-h"]               rc=0 usage: mailcheck COMMAND [ARGUMENTS] [OPTIONS] stderr=0 bytes
["ptr","--help"]     rc=0 usage: mailcheck COMMAND [ARGUMENTS] [OPTIONS] stderr=0 bytes
["--version"]        rc=0 mailcheck VERSION, PHP x stderr=0 bytes
