--TEST--
mail_check_mta(): a host name the resolver never answers ends within mailcheck.timeout (dns_timeout); localhost is the loopback without any lookup; address literals as written; anything else is no host
--SKIPIF--
<?php require __DIR__ . '/skipif.inc';
if (!@fsockopen('127.0.0.1', 2525, $e, $s, 1)) die('skip postfix fixture not running on 127.0.0.1:2525 (tests/smtp/serve start)'); ?>
--INI--
mailcheck.timeout=100
--FILE--
<?php
// A resolver that takes every query and never answers.
$silent = stream_socket_server('udp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND);
ini_set('mailcheck.resolver', stream_socket_get_name($silent, false));

function show($host, $port = 2525) {
    $t = hrtime(true);
    $r = mail_check_mta($host, $port);
    $wall = (hrtime(true) - $t) / 1e6;
    printf("%s: %s %s address=%s hostname=%s within=%s\n", $host, $r['status'], implode(',', array_column($r['problems'], 'code')),
        json_encode($r['address']), json_encode($r['hostname']), json_encode($r['elapsed_ms'] < 1000 && $wall < 1000));
    return $r;
}

// Names go to mailcheck.resolver, never to getaddrinfo() (which waited 10 s
// for a silent system resolver at this budget); a dot-less name: hostile_08.
echo show('mta.nosuch.example')['problems'][0]['message'], "\n";
show('nosuchmta.');

// RFC 6761: localhost and names under it are the loopback (127.0.0.1, then ::1).
show('localhost');
show('LOCALHOST.');
show('smtp.localhost');

// Literals: connected as they are; Postfix listens on IPv4 only.
show('127.0.0.1');
show('[127.0.0.1]');
foreach (['::1', '[::1]', '[IPv6:::1]'] as $v6) {
    $r = show($v6);
    echo '  ', $r['problems'][0]['message'], "\n";
}

// Neither an address nor a host name: no lookup, no connection.
foreach (['[mail.example.com]', '[::1', 'fe80::1%lo', 'a_b', 'two words'] as $bad) {
    $r = show($bad);
    echo '  ', $r['problems'][0]['message'], "\n";
}
?>
--EXPECT--
mta.nosuch.example: error dns_timeout address=null hostname=null within=true
No answer for the address of mta.nosuch.example within the time budget (mailcheck.timeout = 100 ms): the resolver or the domain's name servers are slow or unreachable
nosuchmta.: error dns_timeout address=null hostname=null within=true
localhost: warn mta_no_starttls address="127.0.0.1" hostname="mx.mailcheck.test" within=true
LOCALHOST.: warn mta_no_starttls address="127.0.0.1" hostname="mx.mailcheck.test" within=true
smtp.localhost: warn mta_no_starttls address="127.0.0.1" hostname="mx.mailcheck.test" within=true
127.0.0.1: warn mta_no_starttls address="127.0.0.1" hostname="mx.mailcheck.test" within=true
[127.0.0.1]: warn mta_no_starttls address="127.0.0.1" hostname="mx.mailcheck.test" within=true
::1: error mta_unreachable address="::1" hostname=null within=true
  No SMTP greeting from ::1 port 2525: connection refused; is the MTA running and listening there?
[::1]: error mta_unreachable address="::1" hostname=null within=true
  No SMTP greeting from [::1] port 2525: connection refused; is the MTA running and listening there?
[IPv6:::1]: error mta_unreachable address="::1" hostname=null within=true
  No SMTP greeting from [IPv6:::1] port 2525: connection refused; is the MTA running and listening there?
[mail.example.com]: error mta_unreachable address=null hostname=null within=true
  [mail.example.com] is neither an IP address nor a host name: give the MTA's name or address
[::1: error mta_unreachable address=null hostname=null within=true
  [::1 is neither an IP address nor a host name: give the MTA's name or address
fe80::1%lo: error mta_unreachable address=null hostname=null within=true
  fe80::1%lo is neither an IP address nor a host name: give the MTA's name or address
a_b: error mta_unreachable address=null hostname=null within=true
  a_b is neither an IP address nor a host name: give the MTA's name or address
two words: error mta_unreachable address=null hostname=null within=true
  two words is neither an IP address nor a host name: give the MTA's name or address
