--TEST--
mail_check_dmarc(): obsolete pct/rf/ri (dmarc_obsolete_tag), no rua (dmarc_no_reports), p= not second, t=y (dmarc_testing), unknown tags ignored, split strings joined, other TXT records ignored
--SKIPIF--
<?php $needs_dns = 'zones'; require __DIR__ . '/skipif.inc'; ?>
--INI--
mailcheck.resolver=127.0.0.1:53535
--FILE--
<?php
foreach (['obsolete', 'norua', 'https', 'porder', 'testing', 'unknown', 'split', 'other'] as $name) {
    $r = mail_check_dmarc("$name.dmarc");
    printf("%s: %s, record \"%s\", policy %s, testing %s, rua %s\n", $name, $r['status'], $r['record'], $r['policy'],
        var_export($r['testing'], true), json_encode($r['rua'], JSON_UNESCAPED_SLASHES));
    foreach ($r['problems'] as $p) {
        echo "  {$p['code']} ({$p['severity']}): {$p['message']}\n";
    }
}
?>
--EXPECT--
obsolete: warn, record "v=DMARC1; p=quarantine; pct=25; rf=afrf; ri=3600; rua=mailto:agg@reports.dmarc", policy quarantine, testing false, rua ["mailto:agg@reports.dmarc"]
  dmarc_obsolete_tag (warn): _dmarc.obsolete.dmarc: pct=25 is not part of RFC 9989, which removed it (use t=y to test a policy): RFC 9989 readers apply the policy to all failing mail, RFC 7489 readers still apply it to only 25% of it; remove pct=
  dmarc_obsolete_tag (warn): _dmarc.obsolete.dmarc: rf=afrf is not part of RFC 9989 (the failure report format moved to the reporting documents): RFC 9989 readers ignore it, RFC 7489 readers may still honour it; remove it
  dmarc_obsolete_tag (warn): _dmarc.obsolete.dmarc: ri=3600 is not part of RFC 9989 (the aggregate report interval moved to the reporting documents): RFC 9989 readers ignore it, RFC 7489 readers may still honour it; remove it
norua: warn, record "v=DMARC1; p=reject", policy reject, testing false, rua []
  dmarc_no_reports (warn): _dmarc.norua.dmarc has no rua=: nobody receives the aggregate reports that show which servers send as this domain and whether they align, which you need before p=quarantine or p=reject; add rua=mailto:dmarc-reports@<your domain>
https: warn, record "v=DMARC1; p=none; rua=https://reports.example/dmarc", policy none, testing false, rua ["https://reports.example/dmarc"]
  dmarc_no_reports (warn): _dmarc.https.dmarc: rua= has no valid mailto: URI, the only scheme receivers must support (RFC 9989 §4.7): you get no aggregate reports; add rua=mailto:dmarc-reports@<your domain>
porder: warn, record "v=DMARC1; rua=mailto:agg@reports.dmarc; p=reject", policy reject, testing false, rua ["mailto:agg@reports.dmarc"]
  dmarc_p_not_second (warn): _dmarc.porder.dmarc: p= is not the second tag: fine by RFC 9989, but RFC 7489's grammar puts it right after v=DMARC1 and strict RFC 7489 readers discard the record; write "v=DMARC1; p=reject; ..."
testing: warn, record "v=DMARC1; p=reject; t=y; rua=mailto:agg@reports.dmarc", policy reject, testing true, rua ["mailto:agg@reports.dmarc"]
  dmarc_testing (warn): _dmarc.testing.dmarc: t=y: RFC 9989 readers apply one step less than the policy (quarantine for reject, none for quarantine) while you test; RFC 7489 readers ignore t= and apply p=reject in full; remove t=y when the reports show your mail aligned
unknown: ok, record "v=DMARC1; p=reject; rua=mailto:agg@reports.dmarc; foo=bar; zz=1", policy reject, testing false, rua ["mailto:agg@reports.dmarc"]
split: ok, record "v=DMARC1; p=reject; rua=mailto:agg@reports.dmarc", policy reject, testing false, rua ["mailto:agg@reports.dmarc"]
other: ok, record "v=DMARC1; p=quarantine; rua=mailto:agg@reports.dmarc", policy quarantine, testing false, rua ["mailto:agg@reports.dmarc"]
