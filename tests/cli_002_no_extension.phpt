--TEST--
mailcheck command: without the extension it says how to load it and exits 3; --version still answers
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; require __DIR__ . '/cli.inc'; ?>
--FILE--
<?php
require __DIR__ . '/cli.inc';

[$rc, $out, $err] = mailcheck_cli(["ptr", "203.0.113.5"], [], null, false);
echo "rc=$rc stdout=", strlen($out), " bytes\n$err";
[$rc, $out] = mailcheck_cli(["--version"], [], null, false);
echo "rc=$rc ", preg_replace("/PHP [0-9.]+\S*/", "PHP x", $out);
?>
--EXPECTF--
rc=3 stdout=0 bytes
mailcheck: the mailcheck extension is not loaded in this PHP (%s, %s).
  For one run:  php -d extension=mailcheck %sbin/mailcheck ...
                (or -d extension=/path/to/mailcheck.so for a build that is not installed)
  For good:     add "extension=mailcheck" to %s
  Install it:   pecl install mailcheck
rc=0 mailcheck (extension not loaded), PHP x
