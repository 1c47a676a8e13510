--TEST--
guard (block): mail()'s and mb_send_mail()'s own argument errors come through unchanged: no "blocked" warning, nothing of the guard's own, nothing sent
--EXTENSIONS--
mbstring
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.guard=block
mailcheck.ip=203.0.113.5
mailcheck.resolver=127.0.0.1:53535
sendmail_path="{PWD}/guard/capture-sendmail -C {TMP}/mailcheck-guard_014.mbox"
--FILE--
<?php
require __DIR__ . '/guard/guard.inc';
$path = capture_path('guard_014');
@unlink($path);
// Each call, with every warning and exception it gives; run here and in a
// PHP without mailcheck, which must say the same.
$code = <<<'PHP'
set_error_handler(function ($no, $msg) { echo "  warning: $msg\n"; return true; });
class Boom { function __toString(): string { echo "  __toString\n"; throw new RuntimeException('no sender today'); } }
$calls = [
    'mail(x)' => fn() => mail('x'),
    'mb_send_mail(x)' => fn() => mb_send_mail('x'),
    'array 5th' => fn() => mail('to@example.org', 's', 'm', '', ['-fa@example.net']),
    'array 5th (mb)' => fn() => mb_send_mail('to@example.org', 's', 'm', '', ['-fa@example.net']),
    'object 5th' => fn() => mail('to@example.org', 's', 'm', '', new stdClass),
    'object headers' => fn() => mail('to@example.org', 's', 'm', new stdClass),
    'NUL in to' => fn() => mail("to@example.org\0", 's', 'm'),
    'NUL in headers' => fn() => mail('to@example.org', 's', 'm', "From: news@example.net\0"),
    'NUL in headers (mb)' => fn() => mb_send_mail('to@example.org', 's', 'm', "From: news@example.net\0"),
    'NUL in 5th' => fn() => mail('to@example.org', 's', 'm', '', "-fnews@example.net\0"),
    'From as array' => fn() => mail('to@example.org', 's', 'm', ['From' => ['news@example.net', 'www-data@localhost']]),
    'From as array (mb)' => fn() => mb_send_mail('to@example.org', 's', 'm', ['From' => ['news@example.net', 'www-data@localhost']]),
    'To in headers' => fn() => mail('to@example.org', 's', 'm', ['To' => 'x@example.org', 'From' => 'www-data@localhost']),
    'numeric header' => fn() => mail('to@example.org', 's', 'm', ['From: www-data@localhost']),
    'bad header name' => fn() => mail('to@example.org', 's', 'm', ['Fr om' => 'www-data@localhost']),
    '__toString throws' => fn() => mail('to@example.org', 's', 'm', '', new Boom),
];
foreach ($calls as $name => $call) {
    echo "$name:\n";
    try {
        $result = $call();
        echo '  returned ', var_export($result, true), "\n";
    } catch (Throwable $e) {
        echo '  ', get_class($e), ': ', $e->getMessage(), "\n";
    }
}
restore_error_handler();
PHP;
ob_start();
eval($code);
$here = ob_get_clean();
echo $here;
$reference = shell_exec(escapeshellarg(PHP_BINARY) . ' -n -d extension=mbstring -d ' . escapeshellarg("sendmail_path=" . __DIR__ . "/guard/capture-sendmail -C $path")
    . ' -r ' . escapeshellarg($code));
var_dump($here === $reference, mail_check_last(), count(captured($path)));
@unlink($path);
?>
--EXPECT--
mail(x):
  ArgumentCountError: mail() expects at least 3 arguments, 1 given
mb_send_mail(x):
  ArgumentCountError: mb_send_mail() expects at least 3 arguments, 1 given
array 5th:
  TypeError: mail(): Argument #5 ($additional_params) must be of type string, array given
array 5th (mb):
  TypeError: mb_send_mail(): Argument #5 ($additional_params) must be of type ?string, array given
object 5th:
  TypeError: mail(): Argument #5 ($additional_params) must be of type string, stdClass given
object headers:
  TypeError: mail(): Argument #4 ($additional_headers) must be of type array|string, stdClass given
NUL in to:
  ValueError: mail(): Argument #1 ($to) must not contain any null bytes
NUL in headers:
  ValueError: mail(): Argument #4 ($additional_headers) must not contain any null bytes
NUL in headers (mb):
  ValueError: mb_send_mail(): Argument #4 ($additional_headers) must not contain any null bytes
NUL in 5th:
  ValueError: mail(): Argument #5 ($additional_params) must not contain any null bytes
From as array:
  TypeError: Header "from" must be of type string, array given
From as array (mb):
  TypeError: Header "from" must be of type string, array given
To in headers:
  ValueError: The additional headers cannot contain the "To" header
numeric header:
  TypeError: Header name cannot be numeric, 0 given
bad header name:
  ValueError: Header name "Fr om" contains invalid characters
__toString throws:
  __toString
  RuntimeException: no sender today
bool(true)
NULL
int(0)
