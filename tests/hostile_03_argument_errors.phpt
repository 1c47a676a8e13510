--TEST--
hostile (issue 8, item 3): in block mode mail()'s own argument errors come through unchanged (the same as in a PHP without mailcheck), with no warning of the guard's
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.guard=block
mailcheck.ip=203.0.113.5
mailcheck.resolver=127.0.0.1:53535
mailcheck.timeout=300
sendmail_path="{PWD}/guard/capture-sendmail -C {TMP}/mailcheck-hostile_03a.mbox"
--FILE--
<?php
require __DIR__ . '/guard/guard.inc';
$path = capture_path('hostile_03a');
@unlink($path);
// Each call as PHP sees it; the same code runs in a PHP without the extension for reference.
$code = <<<'PHP'
$calls = [
    fn() => mail('x'),
    fn() => mail('to@example.org', 'Offer'),
    fn() => mail('to@example.org', 'Offer', 'Body', 'From: news@pass.hostile.example.com', ['-fnews@pass.hostile.example.com']),
    fn() => mail('to@example.org', 'Offer', 'Body', new stdClass),
    fn() => mail('to@example.org', 'Offer', 'Body', '', new stdClass),
];
foreach ($calls as $call) {
    $warnings = [];
    set_error_handler(function ($no, $text) use (&$warnings) { $warnings[] = $text; return true; });
    try {
        $call();
        echo "returned\n";
    } catch (Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
    restore_error_handler();
    echo 'warnings: ', json_encode($warnings), "\n";
}
PHP;
ob_start();
eval($code);
$here = ob_get_clean();
echo $here;
$reference = shell_exec(escapeshellarg(PHP_BINARY) . ' -n -d sendmail_path=/bin/false -r ' . escapeshellarg($code));
var_dump($here === $reference, count(captured($path)));
@unlink($path);
?>
--EXPECT--
ArgumentCountError: mail() expects at least 3 arguments, 1 given
warnings: []
ArgumentCountError: mail() expects at least 3 arguments, 2 given
warnings: []
TypeError: mail(): Argument #5 ($additional_params) must be of type string, array given
warnings: []
TypeError: mail(): Argument #4 ($additional_headers) must be of type array|string, stdClass given
warnings: []
TypeError: mail(): Argument #5 ($additional_params) must be of type string, stdClass given
warnings: []
bool(true)
int(0)
