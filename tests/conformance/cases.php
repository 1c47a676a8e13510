<?php
/*
 * Evaluates RFC 7208 suite cases with mail_check_spf() for tests/conformance/run.
 *
 * stdin:  {"cases": [{"id": "...", "ip": "...", "sender": "...", "helo": "..."}, ...]}
 * stdout: one line per case, as soon as it is done (so that a crash in one
 *         case loses nothing before it):
 *         @@mc-case {"id": ..., "result": ..., "explanation": ..., "ms": ...}
 *         or, when the call threw, "result": null and "error": "Class: message".
 * exit 3: mail_check_spf() is not available (extension not loaded / too old).
 *
 * Run by `run` as
 *   php -n -d extension=$MAILCHECK_SO -d mailcheck.resolver=127.0.0.1:PORT \
 *       -d mailcheck.timeout=2000 tests/conformance/cases.php
 */

if (!function_exists('mail_check_spf')) {
    fwrite(STDERR, "cases.php: mail_check_spf() does not exist: "
        . (extension_loaded('mailcheck')
            ? "the mailcheck extension is loaded but has no mail_check_spf() (not implemented yet?)"
            : "the mailcheck extension is not loaded (check MAILCHECK_SO / the -d extension= path)")
        . "\n");
    exit(3);
}

$input = json_decode(stream_get_contents(STDIN), true);
if (!is_array($input) || !isset($input['cases']) || !is_array($input['cases'])) {
    fwrite(STDERR, "cases.php: expected {\"cases\": [...]} as JSON on stdin\n");
    exit(2);
}

foreach ($input['cases'] as $case) {
    $out = ['id' => $case['id'], 'result' => null, 'explanation' => null];
    $helo = ($case['helo'] ?? '') === '' ? null : (string)$case['helo'];
    $t0 = hrtime(true);
    try {
        $r = mail_check_spf((string)$case['ip'], (string)$case['sender'], $helo);
        if (!is_array($r)) {
            $out['error'] = 'mail_check_spf() returned ' . get_debug_type($r) . ', not an array';
        } else {
            $out['result'] = $r['result'] ?? null;
            $out['explanation'] = $r['explanation'] ?? null;
            if (!array_key_exists('result', $r)) {
                $out['error'] = "no 'result' key in the returned array";
            }
        }
    } catch (Throwable $e) {
        $out['error'] = get_class($e) . ': ' . $e->getMessage();
    }
    $out['ms'] = round((hrtime(true) - $t0) / 1e6, 1);
    $json = json_encode($out, JSON_UNESCAPED_SLASHES | JSON_INVALID_UTF8_SUBSTITUTE);
    echo "@@mc-case ", $json, "\n";
    flush();
}
