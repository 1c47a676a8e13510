--TEST--
mailcheck: control bytes from DNS reach the terminal as \xHH, never raw; no colour when stdout is not a terminal
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; require __DIR__ . '/cli.inc'; ?>
--FILE--
<?php
require __DIR__ . '/cli.inc';

[$rc, $out] = mailcheck_cli(["dmarc", "esc.cli.example.org"]);
echo "rc=$rc, raw ESC: ", var_export(str_contains($out, "\e"), true), "\n";
foreach (explode("\n", $out) as $line) {
    if (str_contains($line, "x=")) {
        echo preg_replace("/  \\(\\d+\\.\\d ms\\)$/", "", trim($line)), "\n";
    }
}
?>
--EXPECT--
rc=1, raw ESC: false
[warn]  dmarc  p=none at esc.cli.example.org: v=DMARC1; p=none; rua=mailto:dmarc@esc.cli.example.org; x=\x1b[2J\x1b[31mred
record:            v=DMARC1; p=none; rua=mailto:dmarc@esc.cli.example.org; x=\x1b[2J\x1b[31mred
