--TEST--
guard under php-fpm: a pool's php_admin_value[mailcheck.guard] = blok (a typo) runs the worker as warn, not off: the mail is checked and sent, mail_check_last() and phpinfo() say why, the worker's log has the warning
--SKIPIF--
<?php
$needs_dns = 'zones';
require __DIR__ . '/skipif.inc';
if (!is_executable('/usr/sbin/php-fpm8.2')) die('skip php-fpm8.2 is not installed');
// The extension under test must load there: the same PHP build as this one.
if (PHP_ZTS || PHP_DEBUG || !str_starts_with((string)shell_exec('/usr/sbin/php-fpm8.2 -n -v'), 'PHP ' . PHP_VERSION . ' (fpm-fcgi)')) die('skip php-fpm8.2 is another PHP build than this one');
if (function_exists('posix_geteuid') ? posix_geteuid() !== 0 : trim((string)shell_exec('id -u')) !== '0') die('skip php-fpm -R needs root');
?>
--FILE--
<?php
require __DIR__ . '/guard/guard.inc';
$dir = sys_get_temp_dir() . '/mailcheck-guard_025-' . getmypid();
@mkdir($dir);
$path = "$dir/capture.mbox";
$so = dirname(__DIR__) . '/modules/mailcheck.so';
$sendmail = __DIR__ . "/guard/capture-sendmail -C $path";
file_put_contents("$dir/php.ini", "extension=$so\n");
file_put_contents("$dir/php-fpm.conf", <<<CONF
[global]
pid = $dir/php-fpm.pid
error_log = $dir/php-fpm.log
daemonize = no
[www]
user = root
group = root
listen = $dir/php-fpm.sock
pm = static
pm.max_children = 1
catch_workers_output = yes
; php-fpm applies these from the last line to the first: the log is set up first
php_admin_value[mailcheck.guard] = blok
php_admin_value[mailcheck.resolver] = 127.0.0.1:53535
php_admin_value[mailcheck.ip] = 203.0.113.5
php_admin_value[sendmail_path] = "$sendmail"
php_admin_value[error_log] = $dir/php-error.log
php_admin_flag[log_errors] = on
php_admin_flag[display_errors] = off
CONF);
file_put_contents("$dir/mail.php", <<<'PHP'
<?php
$sent = mail('to@example.org', 'Reset', 'Hello', '', '-f www-data@localhost');
$r = mail_check_last();
ob_start();
phpinfo(INFO_MODULES);
preg_match('~>mail\(\) guard\s*</td><td class="v">(.*?)\s*</td>~', ob_get_clean(), $m);
echo json_encode([PHP_SAPI, ini_get('mailcheck.guard'), html_entity_decode($m[1] ?? '?'), $sent, $r['blocked'] ?? null,
    implode(',', array_column($r['problems'] ?? [], 'code'))]);
PHP);
$fpm = proc_open(['/usr/sbin/php-fpm8.2', '-R', '-F', '-y', "$dir/php-fpm.conf", '-c', "$dir/php.ini", '-p', $dir],
    [0 => ['file', '/dev/null', 'r'], 1 => ['file', "$dir/stdout", 'w'], 2 => ['file', "$dir/stdout", 'w']], $pipes, $dir, ['PHP_INI_SCAN_DIR' => '']);

// A FastCGI request: BEGIN_REQUEST, PARAMS, empty PARAMS, empty STDIN.
function record(int $type, string $content): string
{
    return pack('CCnnCC', 1, $type, 1, strlen($content), 0, 0) . $content;
}
function pair(string $k, string $v): string
{
    $len = fn($s) => strlen($s) < 128 ? chr(strlen($s)) : pack('N', strlen($s) | 0x80000000);
    return $len($k) . $len($v) . $k . $v;
}
$sock = false;
for ($i = 0; $i < 100 && !$sock; $i++) {
    usleep(50000);
    $sock = @stream_socket_client("unix://$dir/php-fpm.sock", $errno, $errstr, 1);
}
$out = '';
if ($sock) {
    $params = pair('SCRIPT_FILENAME', "$dir/mail.php") . pair('REQUEST_METHOD', 'GET') . pair('SCRIPT_NAME', '/mail.php');
    fwrite($sock, record(1, pack('nCx5', 1, 0)) . record(4, $params) . record(4, '') . record(5, ''));
    stream_set_timeout($sock, 10);
    while (strlen($head = (string)fread($sock, 8)) === 8) {
        $h = unpack('Cversion/Ctype/nid/nlength/Cpadding', $head);
        $body = $h['length'] + $h['padding'] ? (string)stream_get_contents($sock, $h['length'] + $h['padding']) : '';
        if ($h['type'] === 6) {
            $out .= substr($body, 0, $h['length']);
        } elseif ($h['type'] === 3) {
            break;
        }
    }
    fclose($sock);
} else {
    echo "php-fpm did not start: ", @file_get_contents("$dir/stdout"), @file_get_contents("$dir/php-fpm.log"), "\n";
}
proc_terminate($fpm);
proc_close($fpm);
echo substr($out, strpos($out, "\r\n\r\n") + 4), "\n";
echo count(captured($path)), " sent\n";
$log = (string)@file_get_contents("$dir/php-fpm.log") . @file_get_contents("$dir/php-error.log");
echo preg_match('/Invalid mailcheck\.guard &quot;blok&quot;|Invalid mailcheck\.guard "blok"/', $log) ? 'the log has the warning' : "no warning in the log: $log", "\n";
array_map('unlink', glob("$dir/*"));
rmdir($dir);
?>
--EXPECT--
["fpm-fcgi","blok","warn (mailcheck.guard \"blok\" is not off, warn or block)",true,false,"guard_ini_invalid,sender_system_account,sender_reserved_domain,spf_invalid_identity"]
1 sent
the log has the warning
