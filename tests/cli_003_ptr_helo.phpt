--TEST--
mailcheck ptr / helo: a checklist line, each problem with its advice; exit 0 ok, 1 warn, 2 fail
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; require __DIR__ . '/cli.inc'; ?>
--FILE--
<?php
require __DIR__ . '/cli.inc';

foreach ([["ptr", "198.51.100.30", "mail.cli.example.org"], ["ptr", "198.51.100.20"], ["ptr", "203.0.113.12"],
          ["helo", "mail.cli.example.org", "198.51.100.30"], ["helo", "mail.cli.example.org", "203.0.113.5"], ["helo", "localhost"]] as $args) {
    [$rc, $out, $err] = mailcheck_cli($args);
    echo "== mailcheck ", implode(" ", $args), ": rc=$rc$err\n", preg_replace("/\(\d+\.\d ms\)/", "(N ms)", $out);
}
?>
--EXPECT--
== mailcheck ptr 198.51.100.30 mail.cli.example.org: rc=0
[ok]    ptr  198.51.100.30 -> mail.cli.example.org, forward-confirmed, HELO mail.cli.example.org matches  (N ms)
  ip:                198.51.100.30
  ptr:               mail.cli.example.org
  hostname:          mail.cli.example.org
  forward_confirmed: yes
  helo:              mail.cli.example.org
  helo_matches:      yes
== mailcheck ptr 198.51.100.20: rc=2
[FAIL]  ptr  198.51.100.20 -> 20-100-51-198.dyn.example.org, not forward-confirmed  (N ms)
  [FAIL]  ptr_not_confirmed
          The PTR name of 198.51.100.20 is 20-100-51-198.dyn.example.org, but that name does not exist in DNS, so the reverse DNS is not forward-confirmed and receivers treat it as missing: add an A record 20-100-51-198.dyn.example.org -> 198.51.100.20, or have the PTR set to a name that has one
  [warn]  ptr_generic
          The PTR name 20-100-51-198.dyn.example.org looks like one given to a pool of customer addresses (it contains the IP address's digits): receivers score such names as dynamic; have the PTR set to a mail-server name such as mail.yourdomain.com
  ip:                198.51.100.20
  ptr:               20-100-51-198.dyn.example.org
  hostname:          -
  forward_confirmed: no
  helo:              -
  helo_matches:      -
== mailcheck ptr 203.0.113.12: rc=1
[warn]  ptr  203.0.113.12 -> 203-0-113-12.dsl.example.net, forward-confirmed  (N ms)
  [warn]  ptr_generic
          The PTR name 203-0-113-12.dsl.example.net looks like one given to a pool of customer addresses (it contains the IP address's digits): receivers score such names as dynamic; have the PTR set to a mail-server name such as mail.yourdomain.com
  ip:                203.0.113.12
  ptr:               203-0-113-12.dsl.example.net
  hostname:          203-0-113-12.dsl.example.net
  forward_confirmed: yes
  helo:              -
  helo_matches:      -
== mailcheck helo mail.cli.example.org 198.51.100.30: rc=0
[ok]    helo  mail.cli.example.org -> 198.51.100.30  (N ms)
  helo:              mail.cli.example.org
  fqdn:              yes
  addresses:         198.51.100.30
  matches_ip:        yes
  matches_ptr:       yes
== mailcheck helo mail.cli.example.org 203.0.113.5: rc=1
[warn]  helo  mail.cli.example.org -> 198.51.100.30  (N ms)
  [warn]  helo_ip_mismatch
          The HELO name mail.cli.example.org does not resolve to the sending IP 203.0.113.5: point its A/AAAA record at 203.0.113.5, or announce the name that does
  [warn]  helo_mismatch
          The HELO name mail.cli.example.org is not the PTR name of 203.0.113.5 (mail.example.com): set the MTA's announced name (postfix: myhostname) to mail.example.com, or the PTR to mail.cli.example.org
  helo:              mail.cli.example.org
  fqdn:              yes
  addresses:         198.51.100.30
  matches_ip:        no
  matches_ptr:       no
== mailcheck helo localhost: rc=2
[FAIL]  helo  localhost (no address)  (N ms)
  [FAIL]  helo_localhost
          The HELO name localhost only means "this machine": receivers reject or score it; set the MTA's name (postfix: myhostname) to the FQDN its IP's PTR points to
  helo:              localhost
  fqdn:              no
  addresses:         -
  matches_ip:        -
  matches_ptr:       -
