--TEST--
mailcheck --json: the function's result as JSON (same keys and values but the time), exit code as in text mode
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; require __DIR__ . '/cli.inc'; ?>
--FILE--
<?php
require __DIR__ . '/cli.inc';

foreach ([["ptr", "198.51.100.20"], ["dkim", "good.cli.example.org", "mc"], ["dmarc", "html.cli.example.org"]] as $args) {
    [$rc, $out] = mailcheck_cli([...$args, "--json"]);
    $json = json_decode($out, true, 512, JSON_THROW_ON_ERROR);
    ini_set("mailcheck.resolver", "127.0.0.1:53535");
    $direct = ("mail_check_" . $args[0])(...array_slice($args, 1, 1), ...(count($args) > 2 ? [array_slice($args, 2)] : []));
    unset($json["elapsed_ms"], $direct["elapsed_ms"]);
    echo implode(" ", $args), ": rc=$rc, ", $json === $direct ? "same as the function" : "DIFFERS: " . var_export([$json, $direct], true),
        str_contains($out, "\n    \"") ? ", pretty" : "", str_contains($out, "\\\\/") ? ", escaped slashes" : "", "\n";
}
?>
--EXPECT--
ptr 198.51.100.20: rc=2, same as the function, pretty
dkim good.cli.example.org mc: rc=0, same as the function, pretty
dmarc html.cli.example.org: rc=1, same as the function, pretty
