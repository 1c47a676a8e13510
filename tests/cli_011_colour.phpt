--TEST--
mailcheck: colour on a terminal only, and not with NO_COLOR set or --no-color
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; require __DIR__ . '/cli.inc'; ?>
--FILE--
<?php
require __DIR__ . '/cli.inc';
function on_terminal(array $args, array $env): string
{
    $cmd = [PHP_BINARY, '-n', '-d', 'extension=' . mailcheck_so(), '-d', 'mailcheck.resolver=127.0.0.1:53535',
            __DIR__ . '/../bin/mailcheck', ...$args];
    $proc = proc_open($cmd, [0 => ['pty'], 1 => ['pty'], 2 => ['pty']], $pipes, null, $env + getenv());
    $out = '';
    while (!feof($pipes[1]) && ($chunk = @fread($pipes[1], 8192)) !== false && $chunk !== '') {
        $out .= $chunk;
    }
    proc_close($proc);
    return $out;
}
$env = getenv();
unset($env['NO_COLOR']);
foreach ([[[], []], [[], ['NO_COLOR' => '1']], [['--no-color'], []]] as [$args, $set]) {
    $out = on_terminal(['ptr', '198.51.100.30', ...$args], $set);
    echo json_encode([$args, $set]), ': ', str_contains($out, "\e[32m[ok]") ? 'green [ok]' : 'no colour', ', ',
        str_contains($out, "\e") ? 'escape codes' : 'no escape codes', "\n";
}
[, $out] = mailcheck_cli(['ptr', '198.51.100.30']);
echo 'through a pipe: ', str_contains($out, "\e") ? 'escape codes' : 'no escape codes', "\n";
?>
--EXPECT--
[[],[]]: green [ok], escape codes
[[],{"NO_COLOR":"1"}]: no colour, no escape codes
[["--no-color"],[]]: no colour, no escape codes
through a pipe: no escape codes
