<?php
/*
 * examples/report.php - this host's mail doctor report (mail_check()) as one
 * self-contained HTML page, for hosting accounts without a shell: put it in
 * a web folder, open it, enter the address your site sends mail from.
 *
 * It shows your server's IP, its MTA's greeting and your DNS records, and
 * each visit asks DNS and connects to the MTA: protect the folder (a
 * password, an IP allow-list) or delete the file when you are done.
 *
 * Settings (edit below, or set these environment variables):
 *   MAILCHECK_REPORT_MTA             host:port of the MTA to probe, or "off" (default: localhost:25)
 *   MAILCHECK_REPORT_DKIM_SELECTORS  comma-separated DKIM selectors you sign with (default: the common ones)
 *   MAILCHECK_REPORT_DNSBL           "off", or comma-separated blocklist zones (default: mailcheck.dnsbl_zones, else public lists)
 * The sending IP and HELO name come from php.ini (mailcheck.ip, mailcheck.helo) or are found out.
 */

declare(strict_types=1);

function setting(string $name): ?string
{
    $value = getenv($name);
    return $value === false || $value === '' ? null : $value;
}

function list_setting(string $name): ?array
{
    $value = setting($name);
    return $value === null ? null : array_values(array_filter(array_map('trim', explode(',', $value)), 'strlen'));
}

function doctor_options(): array
{
    $options = [];
    $mta = setting('MAILCHECK_REPORT_MTA');
    if ($mta !== null) {
        $options['mta'] = $mta === 'off' ? false : $mta;
    }
    $selectors = list_setting('MAILCHECK_REPORT_DKIM_SELECTORS');
    if ($selectors !== null) {
        $options['dkim_selectors'] = $selectors;
    }
    $dnsbl = list_setting('MAILCHECK_REPORT_DNSBL');
    if ($dnsbl !== null) {
        $options['dnsbl'] = $dnsbl === ['off'] ? false : $dnsbl;
    }
    return $options;
}

/* Everything on this page that did not come from this file goes through
 * h(): a TXT record, a banner or the sender may hold markup. */
function h(mixed $value): string
{
    if ($value === null) {
        return '—';
    }
    if (is_bool($value)) {
        return $value ? 'yes' : 'no';
    }
    if (is_float($value)) {
        $value = sprintf('%.1f', $value);
    }
    return htmlspecialchars((string)$value, ENT_QUOTES | ENT_SUBSTITUTE | ENT_HTML5, 'UTF-8');
}

function badge(string $status): string
{
    $labels = ['ok' => 'ok', 'warn' => 'warning', 'fail' => 'fail', 'error' => 'could not tell',
               'met' => 'met', 'not_met' => 'not met', 'unknown' => 'unknown', 'skipped' => 'skipped'];
    return '<span class="badge ' . h($status) . '" data-status="' . h($status) . '">' . h($labels[$status] ?? $status) . '</span>';
}

/* the raw values of a result: scalars, lists, and lists of records as small tables */
function raw_fields(array $r): string
{
    $html = '<dl class="raw">';
    foreach ($r as $key => $value) {
        if (in_array($key, ['status', 'problems', 'elapsed_ms'], true)) {
            continue;
        }
        $html .= '<dt>' . h($key) . '</dt><dd>';
        if (is_array($value) && $value !== [] && is_array(reset($value))) {
            foreach ($value as $item) {
                $html .= raw_fields($item);
            }
        } elseif (is_array($value)) {
            $html .= $value === [] ? '—' : '<code>' . implode('</code><br><code>', array_map('h', $value)) . '</code>';
        } else {
            $html .= '<code>' . h($value) . '</code>';
        }
        $html .= '</dd>';
    }
    return $html . '</dl>';
}

/* the record or value a person looks at first, per check */
function headline(string $check, array $r): string
{
    $code = fn($v) => '<code>' . h($v) . '</code>';
    switch ($check) {
        case 'ptr':
            return $r['ptr'] ? implode(', ', array_map($code, $r['ptr'])) . ($r['forward_confirmed'] ? ' (forward-confirmed)' : '') : 'no PTR name';
        case 'helo':
            return $code($r['helo']) . ($r['addresses'] ? ' → ' . implode(', ', array_map($code, $r['addresses'])) : '');
        case 'spf':
            return h($r['result']) . ($r['record'] !== null ? ': ' . $code($r['record']) : '');
        case 'spf_record':
            return ($r['record'] !== null ? $code($r['record']) : 'no SPF record') . ' · ' . h($r['dns_lookups']) . '/10 lookups';
        case 'sender':
            return $code($r['address']) . ($r['mx'] ? ' · MX ' . implode(', ', array_map($code, array_column($r['mx'], 'host'))) : '');
        case 'dmarc':
            return $r['record'] !== null ? $code($r['record']) : 'no DMARC record';
        case 'dkim':
            $found = array_filter($r['selectors'], fn($s) => $s['found']);
            return $found ? implode('<br>', array_map(fn($s) => h($s['selector']) . ': ' . $code($s['record']), $found)) : 'no key found';
        case 'dnsbl':
            $listed = array_column(array_filter($r['zones'], fn($z) => $z['listed']), 'zone');
            return $listed ? 'listed on ' . implode(', ', array_map($code, $listed))
                : 'not listed on ' . count($r['zones']) . (count($r['zones']) === 1 ? ' list' : ' lists');
        case 'mta':
            return $r['banner'] !== null ? $code($r['banner']) . ($r['starttls'] ? ' · STARTTLS' : ' · no STARTTLS') : 'no greeting';
    }
    return '';
}

$error = null;
$report = null;
$sender = $_GET['sender'] ?? '';
if (!extension_loaded('mailcheck') || !function_exists('mail_check')) {
    http_response_code(500);
    $error = 'The mailcheck extension (with mail_check()) is not loaded in this PHP: install it (pecl install mailcheck) and add extension=mailcheck to php.ini.';
} elseif (!is_string($sender) || strlen($sender) > 320 || preg_match('/[\x00-\x1f\x7f]/', $sender)) {
    http_response_code(400);
    $error = 'That is not an address: give one address, such as noreply@example.com.';
    $sender = '';
} elseif (($sender = trim($sender)) !== '') {
    try {
        $report = mail_check($sender, doctor_options());
    } catch (ValueError $e) {
        http_response_code(400);
        $error = $e->getMessage();
    }
}

header('Content-Type: text/html; charset=utf-8');
header("Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'; form-action 'self'");
header('X-Content-Type-Options: nosniff');
header('Cache-Control: no-store');
?>
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Mail check<?= $report ? ' · ' . h($report['sender']) . ' · ' . h($report['status']) : '' ?></title>
<style>
  body { font: 15px/1.45 system-ui, sans-serif; color: #1d2330; background: #f4f5f7; margin: 0; }
  main { max-width: 64rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
  h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
  h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; }
  .meta { color: #5a6272; margin: 0 0 1rem; }
  form { display: flex; gap: .5rem; margin: 1rem 0; }
  input[type=text] { flex: 1; font: inherit; padding: .45rem .6rem; border: 1px solid #b8bfcc; border-radius: 6px; }
  button { font: inherit; padding: .45rem 1rem; border: 0; border-radius: 6px; background: #2d5bd7; color: #fff; cursor: pointer; }
  table { width: 100%; border-collapse: collapse; background: #fff; border-radius: 8px; overflow: hidden; box-shadow: 0 1px 2px #0002; }
  th, td { text-align: left; vertical-align: top; padding: .5rem .7rem; border-bottom: 1px solid #e6e8ee; }
  th { background: #eceef3; font-weight: 600; }
  td.name { font-weight: 600; white-space: nowrap; }
  code { font: 13px/1.4 ui-monospace, monospace; background: #f0f1f5; padding: 0 .25rem; border-radius: 3px; overflow-wrap: anywhere; }
  .badge { display: inline-block; min-width: 5.5rem; text-align: center; padding: .1rem .5rem; border-radius: 999px; font-size: 13px; font-weight: 600; color: #fff; white-space: nowrap; }
  .badge.ok, .badge.met { background: #1f8a4c; }
  .badge.warn { background: #c27c0e; }
  .badge.fail, .badge.not_met { background: #c62f2f; }
  .badge.error, .badge.unknown { background: #6b4fbb; }
  .badge.skipped { background: #8a91a0; }
  .big { font-size: 16px; padding: .2rem .8rem; vertical-align: middle; }
  ul.problems { list-style: none; padding: 0; margin: 0; }
  ul.problems li { background: #fff; margin: 0 0 .5rem; padding: .6rem .8rem; border-radius: 8px; border-left: 5px solid #8a91a0; box-shadow: 0 1px 2px #0002; }
  ul.problems li.fail { border-color: #c62f2f; } ul.problems li.error { border-color: #6b4fbb; } ul.problems li.warn { border-color: #c27c0e; }
  ul.problems .code { font-weight: 600; margin: 0 .4rem; }
  ul.problems .check { color: #5a6272; }
  ul.problems p { margin: .3rem 0 0; }
  .receivers { display: grid; grid-template-columns: repeat(auto-fit, minmax(19rem, 1fr)); gap: 1rem; align-items: start; }
  .since { font-weight: normal; color: #5a6272; font-size: 13px; }
  .receivers td { font-size: 14px; }
  .bulk { color: #5a6272; font-size: 12px; }
  details { margin: .35rem 0; background: #fff; border-radius: 8px; padding: .4rem .8rem; box-shadow: 0 1px 2px #0002; }
  summary { cursor: pointer; font-weight: 600; }
  dl.raw { display: grid; grid-template-columns: max-content 1fr; gap: .15rem .8rem; margin: .4rem 0; }
  dl.raw dt { color: #5a6272; } dl.raw dd { margin: 0; }
  dl.raw dl.raw { border-left: 2px solid #e6e8ee; padding-left: .6rem; }
  .error-box { background: #fdecec; border: 1px solid #c62f2f; padding: .7rem 1rem; border-radius: 8px; }
  .note { color: #5a6272; font-size: 13px; }
</style>
</head>
<body>
<main>
<h1>Mail check<?php if ($report): ?> for <?= h($report['sender']) ?> <?= str_replace('class="badge', 'class="big badge', badge($report['status'])) ?><?php endif ?></h1>
<?php if ($report): ?>
<p class="meta" id="host">Sending IP <code><?= h($report['ip']) ?></code> (<?= h($report['ip_source']) ?>) · HELO <code><?= h($report['helo']) ?></code> (<?= h($report['helo_source']) ?>) · <?= h($report['elapsed_ms']) ?> ms</p>
<?php else: ?>
<p class="meta">Will the mail this host sends look like spam to Gmail, Yahoo and Outlook.com — and why?</p>
<?php endif ?>
<form method="get">
  <input type="text" name="sender" value="<?= h($sender) ?>" placeholder="the address your site sends from, e.g. noreply@example.com" aria-label="sender address">
  <button type="submit">Check</button>
</form>
<?php if ($error !== null): ?>
<p class="error-box" id="error"><?= h($error) ?></p>
<?php endif ?>
<?php if ($report): ?>

<h2>Checks</h2>
<table id="checks">
<tr><th>check</th><th>status</th><th>what was found</th></tr>
<?php foreach ($report['checks'] as $name => $check): ?>
<tr data-check="<?= h($name) ?>"><td class="name"><?= h($name) ?></td><td><?= badge($check['status']) ?></td><td><?= headline($name, $check) ?></td></tr>
<?php endforeach ?>
<?php foreach ($report['skipped'] as $name => $reason): ?>
<tr data-check="<?= h($name) ?>"><td class="name"><?= h($name) ?></td><td><?= badge('skipped') ?></td><td><?= h($reason) ?></td></tr>
<?php endforeach ?>
</table>

<h2>Problems<?= $report['problems'] ? ', worst first' : '' ?></h2>
<?php if (!$report['problems']): ?>
<p id="no-problems">None: receivers will find nothing to hold against this host and sender in DNS.</p>
<?php endif ?>
<ul class="problems" id="problems">
<?php foreach ($report['problems'] as $p): ?>
<li class="<?= h($p['severity']) ?>" data-code="<?= h($p['code']) ?>" data-severity="<?= h($p['severity']) ?>"><?= badge($p['severity']) ?><span class="code"><?= h($p['code']) ?></span><span class="check">(<?= h($p['check']) ?>)</span>
<p><?= h($p['message']) ?></p></li>
<?php endforeach ?>
</ul>

<h2>What the big receivers require</h2>
<div class="receivers" id="receivers">
<?php foreach ($report['receivers'] as $id => $receiver): ?>
<table data-receiver="<?= h($id) ?>">
<tr><th colspan="2"><?= h($receiver['name']) ?> <span class="since">since <?= h($receiver['since']) ?></span></th></tr>
<?php foreach ($receiver['requirements'] as $q): ?>
<tr data-requirement="<?= h($q['id']) ?>"><td><?= badge($q['status']) ?></td><td><?= h($q['text']) ?><?= $q['bulk_only'] ? ' <span class="bulk">bulk senders</span>' : '' ?></td></tr>
<?php endforeach ?>
</table>
<?php endforeach ?>
</div>
<p class="note">DNS and the MTA cannot show the rest of these rules: the spam rate people report, one-click unsubscribe, the message format.</p>

<h2>Raw results</h2>
<div id="raw">
<?php foreach ($report['checks'] as $name => $check): ?>
<details data-check="<?= h($name) ?>"><summary><?= h($name) ?> <?= badge($check['status']) ?></summary><?= raw_fields($check) ?></details>
<?php endforeach ?>
</div>
<?php endif ?>
</main>
</body>
</html>
