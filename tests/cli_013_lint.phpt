--TEST--
bin/mailcheck and every examples/*.php pass php -l (the mailer examples need frameworks that are not here, so they are only linted)
--FILE--
<?php
$files = [__DIR__ . '/../bin/mailcheck', ...glob(__DIR__ . '/../examples/*.php')];
echo count($files) > 4 ? "files: enough\n" : "files: only " . count($files) . "\n";
foreach ($files as $file) {
    exec(escapeshellarg(PHP_BINARY) . ' -n -l ' . escapeshellarg($file) . ' 2>&1', $out, $rc);
    if ($rc !== 0) {
        echo basename($file), ": ", implode("\n", $out), "\n";
    }
}
echo "done\n";
?>
--EXPECT--
files: enough
done
