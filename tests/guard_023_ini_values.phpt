--TEST--
guard: mailcheck.guard On/yes/true/1 mean warn, Off/no/none mean off; an unknown value (a typo) is warn, never off: said at startup, in phpinfo() and in every mail_check_last() report (guard_ini_invalid), quoting what php.ini says
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.guard=blok
mailcheck.ip=203.0.113.5
mailcheck.resolver=127.0.0.1:53535
sendmail_path="{PWD}/guard/capture-sendmail -C {TMP}/mailcheck-guard_023.mbox"
--FILE--
<?php
require __DIR__ . '/guard/guard.inc';
$path = capture_path('guard_023');
@unlink($path);

// This process: mailcheck.guard=blok. The mail block mode would stop goes out, warned.
ob_start();
phpinfo(INFO_MODULES);
preg_match('/^mail\(\) guard => (.*)$/m', ob_get_clean(), $m);
echo $m[1], "\n";
var_dump(ini_get('mailcheck.guard'));
var_dump(@mail('to@example.org', 'Reset', 'Hello', '', '-f www-data@localhost'), count(captured($path)));
$r = mail_check_last();
var_dump($r['blocked']);
echo codes($r), "\n", $r['problems'][0]['severity'], ': ', $r['problems'][0]['message'], "\n";
echo error_get_last()['message'], "\n";
// A clean mail is warned too: the setting is to be fixed.
var_dump(@mail('to@example.org', 'Hi', 'Hello', 'From: news@example.net', '-fnews@example.net'));
echo codes(mail_check_last()), "\n", error_get_last()['message'], "\n";

// Other values, each in a PHP of its own (PHP_INI_SYSTEM): from -d, and from
// a php.ini file where On/yes/true are bare words PHP's parser turns into "1".
$script = 'ob_start(); phpinfo(INFO_MODULES); preg_match("/^mail\\(\\) guard => (.*)$/m", ob_get_clean(), $m);'
    . ' $sent = @mail("to@example.org", "Reset", "Hello", "", "-f www-data@localhost"); $r = mail_check_last();'
    . ' echo json_encode([ini_get("mailcheck.guard"), $m[1], $sent, $r === null ? null : $r["blocked"],'
    . ' $r !== null && in_array("guard_ini_invalid", array_column($r["problems"], "code"))]);';
$sendmail = __DIR__ . "/guard/capture-sendmail -C $path";
$ini = ['mailcheck.ip' => '203.0.113.5', 'mailcheck.resolver' => '127.0.0.1:53535', 'sendmail_path' => $sendmail];
foreach (['On', 'yes', 'true', '1', 'Off', 'none', 'block', 'BLOCK', '"on"', 'sometimes'] as $v) {
    echo str_pad("-d $v", 16), trim((string)shell_exec(php_with_mailcheck($ini + ['mailcheck.guard' => $v]) . ' -r ' . escapeshellarg($script) . ' 2>&1')), "\n";
}
$so = dirname(__DIR__) . '/modules/mailcheck.so';
$file = sys_get_temp_dir() . '/mailcheck-guard_023.ini';
foreach (['On', 'yes', 'TRUE', 'no', 'blok'] as $v) {
    file_put_contents($file, "extension=$so\nmailcheck.guard = $v\nmailcheck.ip = 203.0.113.5\nmailcheck.resolver = 127.0.0.1:53535\nsendmail_path = \"$sendmail\"\n");
    echo str_pad("php.ini $v", 16), trim((string)shell_exec('PHP_INI_SCAN_DIR= ' . escapeshellarg(PHP_BINARY) . ' -c ' . escapeshellarg($file) . ' -r ' . escapeshellarg($script) . ' 2>&1')), "\n";
}
@unlink($file);
@unlink($path);
?>
--EXPECTF--
Warning: PHP Startup: Invalid mailcheck.guard "blok": must be off, warn or block; the guard warns and never blocks until it is fixed in Unknown on line 0
warn (mailcheck.guard "blok" is not off, warn or block)
string(4) "blok"
bool(true)
int(1)
bool(false)
guard_ini_invalid,sender_system_account,sender_reserved_domain,spf_invalid_identity
warn: mailcheck.guard is "blok", which is not off, warn or block: the guard warns and never blocks until php.ini says which
mail(): mailcheck: fix php.ini: guard_ini_invalid; likely to be marked as spam: sender_system_account, sender_reserved_domain, spf_invalid_identity (+3.5 at rspamd's defaults) — mailcheck.guard is "blok", which is not off, warn or block: the guard warns and never blocks u…; see mail_check_last()
bool(true)
guard_ini_invalid
mail(): mailcheck: fix php.ini: guard_ini_invalid — mailcheck.guard is "blok", which is not off, warn or block: the guard warns and never blocks until php.ini says which; see mail_check_last()
-d On           ["1","warn",true,false,false]
-d yes          ["1","warn",true,false,false]
-d true         ["1","warn",true,false,false]
-d 1            ["1","warn",true,false,false]
-d Off          ["","off",true,null,false]
-d none         ["","off",true,null,false]
-d block        ["block","block",false,true,false]
-d BLOCK        ["BLOCK","block",false,true,false]
-d "on"         ["on","warn",true,false,false]
-d sometimes    Warning: PHP Startup: Invalid mailcheck.guard "sometimes": must be off, warn or block; the guard warns and never blocks until it is fixed in Unknown on line 0
["sometimes","warn (mailcheck.guard \"sometimes\" is not off, warn or block)",true,false,true]
php.ini On      ["1","warn",true,false,false]
php.ini yes     ["1","warn",true,false,false]
php.ini TRUE    ["1","warn",true,false,false]
php.ini no      ["","off",true,null,false]
php.ini blok    Warning: PHP Startup: Invalid mailcheck.guard "blok": must be off, warn or block; the guard warns and never blocks until it is fixed in Unknown on line 0
["blok","warn (mailcheck.guard \"blok\" is not off, warn or block)",true,false,true]
