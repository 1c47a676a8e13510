#!/usr/bin/python3
"""Writes corpus/spf_path/, the seeds of fuzz_spf_path: one input per case
below, in the target's text form (README.md, "fuzz_spf_path"):

  PATH IP SENDER HELO REST          header (REST: receiver, or From:)
  OWNER TYPE FLAGS RDATA            one zone entry a line

The cases cover each item of issue 8 that reaches this path (1, 2, 6, 7,
9 and the stand-in names), and the shapes the evaluation takes: MX hosts
without addresses, CNAME chains and loops, PTR names, redirect chains
with exp=, macros with %{p} and odd %{l}, CIDR /0, limits, raw and
broken responses, the guard and the record check. File names say what a
seed is; re-running the script gives the same files.
Usage: fuzz/make-path-seeds.py
"""
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "corpus", "spf_path")

IP4 = "192.0.2.2"
REV4 = "2.2.0.192.in-addr.arpa"
IP6 = "2001:db8::cb01"
REV6 = ".".join(reversed("20010db8000000000000000000000cb01")) + ".ip6.arpa"
HEAD = "spf {ip} user@{d} mx.example.org receiver.example.net"

SEEDS = {}
FINDINGS = {}


def seed(name, header, *entries, finding=None):
    """finding: the input hits a known, open finding (known.h): it goes
    to crashers/spf_path-<finding>-<name>, replayed by fuzz/run."""
    text = "\n".join((header,) + entries) + "\n"
    if finding:
        FINDINGS[f"spf_path-{finding}-{name}"] = text
    else:
        SEEDS[name] = text


def spf(d, ip=IP4, sender=None, helo="mx.example.org", rest="receiver.example.net", path="spf"):
    return f"{path} {ip} {sender if sender is not None else 'user@' + d} {helo} {rest}"


def both(d, **kw):
    return spf(d, path="both", **kw)


def guard(envelope, from_, ip=IP4, helo="mx.example.org"):
    return f"guard {ip} {envelope} {helo} {from_}"


def record(d):
    return f"record - {d} - -"


# Item 1: exp= at a TXT of many %{d} and letters (CVE-2023-42118 in
# libspf2's compiler); within the 500-octet limit and far past it.
for n, letters in ((100, 300), (25, 60), (400, 500)):
    d = "item1.example.com"
    for head, kind in ((spf(d), "spf"), (guard(f"user@{d}", f"user@{d}"), "guard")):
        seed(f"item1-exp-{n}d-{letters}-{kind}", head,
             f"{d} TXT 0 v=spf1 -all exp=x.{d}",
             f"x.{d} TXT 0 " + "%{d}" * n + "a" * letters)
seed("item1-exp-macros-everywhere", spf("item1.example.com"),
     "item1.example.com TXT 0 v=spf1 -all exp=%{l}.%{d3}.x.%{d}",
     "user.item1.example.com.x.item1.example.com TXT 0 %{s} %{l} %{o} %{d} %{i} %{p} %{v} %{h} %{c} %{r} %{t} %{ir}.%{d1r-} %% %_ %-")

# Item 2: DNS errors of a:/mx:/include: targets are temperror, not fail.
for rcode, what in ((1, "formerr"), (4, "notimp"), (9, "rcode9"), (2, "servfail"), (5, "refused"), (15, "rcode15")):
    d = "item2.example.com"
    seed(f"item2-a-{what}", spf(d), f"{d} TXT 0 v=spf1 a:broken.{d} -all", f"broken.{d} A {rcode}")
seed("item2-mx-formerr", spf("item2.example.com"),
     "item2.example.com TXT 0 v=spf1 mx:broken.item2.example.com -all", "broken.item2.example.com MX 1")
seed("item2-mx-host-notimp", spf("item2.example.com"),
     "item2.example.com TXT 0 v=spf1 mx -all", "item2.example.com MX 0 10 mx1.item2.example.com", "mx1.item2.example.com A 4")
seed("item2-include-rcode9", spf("item2.example.com"),
     "item2.example.com TXT 0 v=spf1 include:broken.item2.example.com -all", "broken.item2.example.com TXT 9")
seed("item2-exists-formerr-v6", spf("item2.example.com", ip=IP6),
     "item2.example.com TXT 0 v=spf1 exists:%{ir}.e.item2.example.com -all", "* A 1")
seed("item2-a-formerr-guard", guard("user@item2.example.com", "Shop <news@item2.example.com>"),
     "item2.example.com TXT 0 v=spf1 a:broken.item2.example.com -all", "broken.item2.example.com A 1",
     "item2.example.com MX 0 10 mx.item2.example.com", "mx.item2.example.com A 0 198.51.100.7")
seed("item2-top-txt-formerr-record", record("item2.example.com"), "item2.example.com TXT 1")

# Item 6: queries that get no answer (timeouts) in mid-evaluation.
d = "item6.example.com"
seed("item6-timeout-second-a", spf(d),
     f"{d} TXT 0 v=spf1 a:one.{d} a:two.{d} include:three.{d} -all",
     f"one.{d} A 0 198.51.100.1", f"two.{d} A T", f"three.{d} TXT 0 v=spf1 ip4:{IP4} -all")
seed("item6-timeout-top-txt", spf(d), f"{d} TXT T")
seed("item6-timeout-mx-hosts", spf(d),
     f"{d} TXT 0 v=spf1 mx -all", f"{d} MX 0 10 a.{d}", f"{d} MX 0 20 b.{d}", f"a.{d} A T", f"b.{d} A T")
seed("item6-timeout-include", both(d),
     f"{d} TXT 0 v=spf1 include:slow.{d} -all", f"slow.{d} TXT T")
seed("item6-timeout-exp", spf(d), f"{d} TXT 0 v=spf1 -all exp=e.{d}", f"e.{d} TXT T")
seed("item6-timeout-ptr", spf(d), f"{d} TXT 0 v=spf1 ptr -all", f"{REV4} PTR T")
seed("item6-timeout-in-order", spf(d),
     f"{d} TXT 0 v=spf1 a:x.{d} mx:y.{d} exists:z.{d} -all", "* * 0 198.51.100.1", "* * T", "* * 3")
seed("item6-timeout-guard", guard(f"user@{d}", f"user@{d}"),
     f"{d} TXT 0 v=spf1 a:one.{d} -all", f"one.{d} A T", f"{d} MX T", f"{REV4} PTR T")

# Item 7: names first seen as MX hosts, named again by a:.
d = "item7.example.com"
inc = "v=spf1 mx a:mx.item7.example.com a:mx.item7.example.com a:mx.item7.example.com a:mx.item7.example.com ?all"
for kind, head in (("both", both(d)), ("record", record(d)), ("guard", guard(f"user@{d}", f"user@{d}"))):
    seed(f"item7-include-mx-a-{kind}", head,
         f"{d} TXT 0 v=spf1 include:i1.{d} include:i2.{d} -all",
         f"i1.{d} TXT 0 {inc}", f"i2.{d} TXT 0 {inc}",
         f"i1.{d} MX 0 10 mx.{d}", f"i2.{d} MX 0 10 mx.{d}", f"mx.{d} A 0 198.51.100.9")
seed("item7-mx-hosts-void-strict", both(d),
     f"{d} TXT 0 v=spf1 mx a:gone.{d} ?all", f"{d} MX 0 10 h1.{d}", f"{d} MX 0 20 h2.{d}",
     f"{d} MX 0 30 h3.{d}", f"h1.{d} A 3", f"h2.{d} AAAA 0 2001:db8::1")

# Item 9: control bytes in the identities.
d = "item9.example.com"
seed("crlf-sender", spf(d, sender=f"user\\x0d\\x0aX-Injected:\\x20yes@{d}"), f"{d} TXT 0 v=spf1 -all",
     finding="identity-control")
seed("crlf-helo", spf(d, sender="-", helo=f"mx.{d}\\x0d\\x0aX:\\x20y"), f"{d} TXT 0 v=spf1 -all",
     finding="identity-control")
seed("item9-tab-receiver", spf(d, rest="recv\\x09.example.com"), f"{d} TXT 0 v=spf1 -all")

# The lead's stand-in names answered back by hostile DNS.
d = "standin.example.com"
seed("standin-mx-answer", spf(d),
     f"{d} TXT 0 v=spf1 mx -all", f"{d} MX 0 10 mc0.alias.mailcheck.invalid",
     f"{d} MX 0 20 mc1.alias.mailcheck.invalid", f"mc0.alias.mailcheck.invalid A 0 {IP4}")
seed("standin-ptr-answer", spf(d),
     f"{d} TXT 0 v=spf1 ptr:{d} -all", f"{REV4} PTR 0 mc0.alias.mailcheck.invalid",
     f"{REV4} PTR 0 mc2.alias.mailcheck.invalid")
seed("standin-in-record", spf(d),
     f"{d} TXT 0 v=spf1 a:mc0.alias.mailcheck.invalid include:mc1.alias.mailcheck.invalid -all",
     f"mc0.alias.mailcheck.invalid A 0 198.51.100.1", "mc1.alias.mailcheck.invalid TXT 0 v=spf1 +all")
seed("standin-sender-domain", spf("mc0.alias.mailcheck.invalid"), "mc0.alias.mailcheck.invalid TXT 0 v=spf1 mx -all")
seed("standin-cname", spf(d), f"{d} TXT 0 v=spf1 a -all", f"{d} CNAME 0 mc0.alias.mailcheck.invalid",
     f"mc0.alias.mailcheck.invalid A 0 {IP4}")

# MX hosts without addresses, too many MX hosts, MX without names.
d = "mx.example.com"
seed("mx-hosts-without-addresses", both(d),
     f"{d} TXT 0 v=spf1 mx mx:other.{d} -all", f"{d} MX 0 10 h1.{d}", f"{d} MX 0 20 h2.{d}",
     f"other.{d} MX 0 10 h3.{d}", f"h1.{d} A 0", f"h2.{d} A 3", f"h3.{d} AAAA 0 2001:db8::3")
seed("mx-eleven-hosts", spf(d),
     f"{d} TXT 0 v=spf1 mx -all", *[f"{d} MX 0 {i} h{i}.{d}" for i in range(11)],
     *[f"h{i}.{d} A 0 198.51.100.{i + 1}" for i in range(11)])
seed("eleven-mx-hosts-without-addresses", spf(d),
     f"{d} TXT 0 v=spf1 mx -all", *[f"{d} MX 0 {i} h{i}.{d}" for i in range(11)], finding="permerror-reason")
seed("include-nxdomain-void-strict", spf(d),
     f"{d} TXT 0 v=spf1 mx include:gone.{d} -all", f"{d} MX 0 10 h1.{d}", f"{d} MX 0 20 h2.{d}",
     f"{d} MX 0 30 h3.{d}", finding="permerror-reason")
seed("mx0-eleven-hosts", spf(d),
     f"{d} TXT 0 v=spf1 mx/0 -all", *[f"{d} MX 0 {i} h{i}.{d}" for i in range(11)],
     *[f"h{i}.{d} A 0 198.51.100.{i + 1}" for i in range(11)])
seed("mx-null-mx", spf(d), f"{d} TXT 0 v=spf1 mx -all", f"{d} MX 0 0 .")
seed("mx-cidr-v6", spf(d, ip=IP6), f"{d} TXT 0 v=spf1 mx//64 a//0 -all", f"{d} MX 0 10 h.{d}",
     f"h.{d} AAAA 0 2001:db8::1")

# CNAME chains, loops and follow-ups.
d = "cname.example.com"
seed("cname-loop-a", both(d), f"{d} TXT 0 v=spf1 a:loop.{d} -all", f"loop.{d} CNAME 0 loop2.{d}",
     f"loop2.{d} CNAME 0 loop.{d}")
seed("cname-loop-follow", spf(d), f"{d} TXT 0 v=spf1 a:loop.{d} -all", f"loop.{d} CNAME 0N loop2.{d}",
     f"loop2.{d} CNAME 0N loop.{d}")
seed("cname-chain-txt", both(d), f"{d} CNAME 0 c1.{d}", f"c1.{d} CNAME 0 c2.{d}",
     f"c2.{d} TXT 0 v=spf1 a:c1.{d} -all", f"c2.{d} A 0 {IP4}")
seed("cname-follow-out-of-zone", spf(d), f"{d} TXT 0 v=spf1 include:alias.{d} -all",
     f"alias.{d} CNAME 0N target.other.example.com", f"target.other.example.com.com TXT 0 v=spf1 ip4:{IP4} -all")
seed("cname-nxdomain-target", spf(d), f"{d} TXT 0 v=spf1 a:alias.{d} -all", f"alias.{d} CNAME 3 gone.{d}")
seed("cname-all-types", spf(d), f"{d} TXT 0X v=spf1 a -all", f"{d} A 0 198.51.100.1", f"{d} MX 0 10 m.{d}")

# PTR names: ptr, ptr:, %{p}, more than 10 names, IPv6.
d = "ptr.example.com"
seed("ptr-mechanism", both(d), f"{d} TXT 0 v=spf1 ptr -all", f"{REV4} PTR 0 mail.{d}",
     f"mail.{d} A 0 {IP4}")
seed("ptr-twelve-names", spf(d), f"{d} TXT 0 v=spf1 ptr:{d} -all",
     *[f"{REV4} PTR 0 h{i}.{d}" for i in range(12)], f"h11.{d} A 0 {IP4}", f"h3.{d} A 2")
seed("ptr-v6", spf(d, ip=IP6), f"{d} TXT 0 v=spf1 ptr ?all", f"{REV6} PTR 0 mail.{d}",
     f"mail.{d} AAAA 0 {IP6}")
seed("ptr-macro-p", spf(d), f"{d} TXT 0 v=spf1 exists:%{{p}}.%{{d}} -all exp=e.{d}",
     f"{REV4} PTR 0 mail.{d}", f"mail.{d} A 0 {IP4}", f"e.{d} TXT 0 %{{p}} %{{P}} is not allowed")
seed("ptr-macro-p-unknown", spf(d), f"{d} TXT 0 v=spf1 a:%{{p2}}.x.{d} -all", f"{REV4} PTR 3")
seed("ptr-name-escapes", spf(d), f"{d} TXT 0 v=spf1 ptr -all", f"{REV4} PTR 0 a\\032b.{d}",
     f"{REV4} PTR 0 a\\.b.{d}", f"a\\032b.{d} A 0 {IP4}")

# redirect= chains with exp= (the explanation of the record that decided).
d = "redirect.example.com"
seed("redirect-chain-exp", both(d), f"{d} TXT 0 v=spf1 redirect=r1.{d} exp=e0.{d}",
     f"r1.{d} TXT 0 v=spf1 redirect=r2.{d} exp=e1.{d}", f"r2.{d} TXT 0 v=spf1 -all exp=e2.{d}",
     f"e0.{d} TXT 0 zero %{{d}}", f"e1.{d} TXT 0 one %{{d}}", f"e2.{d} TXT 0 two %{{d}} %{{o}}")
seed("redirect-with-all-ignored", both(d), f"{d} TXT 0 v=spf1 -all redirect=r1.{d} exp=e0.{d}",
     f"r1.{d} TXT 0 v=spf1 +all", f"e0.{d} TXT 0 denied")
seed("redirect-loop", both(d), f"{d} TXT 0 v=spf1 redirect=r1.{d}", f"r1.{d} TXT 0 v=spf1 redirect={d}")
seed("redirect-include-exp-unused", spf(d), f"{d} TXT 0 v=spf1 include:i.{d} -all exp=e.{d}",
     f"i.{d} TXT 0 v=spf1 -all exp=bad.{d}", f"e.{d} TXT 0 top", f"bad.{d} TXT 0 %{{z}}")
seed("redirect-macro-target", both(d), f"{d} TXT 0 v=spf1 redirect=%{{l}}.r.{d}",
     f"user.r.{d} TXT 0 v=spf1 -all")

# Macros with odd %{l} local parts.
d = "macro.example.com"
for name, local in (("quoted-space", '"a\\x20b"'), ("high-bytes", "a\\x80\\xff\\xc3\\xa9"),
                    ("percent", "a%2F%{d}"), ("dots", "a.b.c.d.e.f.g.h.i.j.k"),
                    ("delims", "a-b+c,d/e_f=g"), ("long", "x" * 64), ("escapes", "a\\\\.b")):
    seed(f"macro-l-{name}", spf(d, sender=f"{local}@{d}"),
         f"{d} TXT 0 v=spf1 exists:%{{l}}.%{{lr-}}.%{{l1}}.x.{d} exists:%{{L}}.y.{d} -all exp=e.{d}",
         f"e.{d} TXT 0 %{{l}} %{{L}} %{{s}} %{{S}}")
seed("macro-no-local", spf(d, sender=f"@{d}"), f"{d} TXT 0 v=spf1 exists:%{{l}}.%{{o}} -all")
seed("macro-helo-identity", spf(d, sender="-", helo=f"h.{d}"), f"h.{d} TXT 0 v=spf1 exists:%{{h}}.%{{l}} -all")
seed("macro-long-expansion", spf(d), f"{d} TXT 0 v=spf1 a:%{{d}}.%{{d}}.%{{d}}.%{{d}}.%{{d}}.%{{d}}.%{{d}}.%{{d}}.%{{d}}.%{{d}}.%{{d}}.%{{d}}.%{{d}}.%{{d}}.%{{d}}.%{{d}}.%{{d}} -all")
seed("macro-digits", spf(d), f"{d} TXT 0 v=spf1 a:%{{d1000}}.%{{ir9}}.%{{l0001r-}}.x.{d} -all")

# Limits: lookups, void lookups, CIDR /0, all terms.
d = "limits.example.com"
seed("limits-eleven-a", both(d), f"{d} TXT 0 v=spf1 " + " ".join(f"a:h{i}.{d}" for i in range(11)) + " -all",
     *[f"h{i}.{d} A 0 198.51.100.{i + 1}" for i in range(11)])
seed("limits-three-void", both(d), f"{d} TXT 0 v=spf1 a:v1.{d} mx:v2.{d} exists:v3.{d} -all")
seed("limits-cidr-zero", both(d), f"{d} TXT 0 v=spf1 a/0 mx/0 ip4:0.0.0.0/0 ip6:::/0 -all", f"{d} A 0 198.51.100.1")
seed("limits-cidr-zero-v6", spf(d, ip=IP6), f"{d} TXT 0 v=spf1 a//0 mx//0 -all", f"{d} MX 0 10 m.{d}",
     f"m.{d} AAAA 0 2001:db8::99")
seed("limits-every-term", both(d),
     f"{d} TXT 0 v=spf1 +ip4:198.51.100.0/24 -ip6:2001:db8::/32 ~a ?mx ptr exists:e.{d} include:i.{d} -all",
     f"i.{d} TXT 0 v=spf1 ?all", f"e.{d} A 3")
seed("limits-include-tree", record(d), f"{d} TXT 0 v=spf1 " + " ".join(f"include:n{i}.{d}" for i in range(8)) + " -all",
     *[f"n{i}.{d} TXT 0 v=spf1 " + " ".join(f"include:m{i}{j}.{d}" for j in range(8)) + " ?all" for i in range(8)])

# Records: several, split strings, none, broken, type 99, +all, too long.
d = "records.example.com"
seed("records-multiple", both(d), f"{d} TXT 0 v=spf1 -all", f"{d} TXT 0 v=spf1 +all")
seed("records-split-strings", both(d), f"{d} TXT 0 v=spf1 ip4:{IP4}\\| -all\\|", f"{d} TXT 0 not spf")
seed("records-syntax", both(d), f"{d} TXT 0 v=spf1 a:: -all")
seed("records-nul-byte", both(d), f"{d} TXT 0 v=spf1 -all\\x00 +all")
seed("records-none", both(d), f"{d} TXT 0 google-site-verification=x", f"{d} SPF 0 v=spf1 -all")
seed("records-too-long", record(d), f"{d} TXT 0 v=spf1 " + " ".join(f"ip4:198.51.100.{i}" for i in range(40)) + " -all")
seed("records-plus-all-include", record(d), f"{d} TXT 0 v=spf1 include:p.{d} -all", f"p.{d} TXT 0 v=spf1 all")
seed("records-nxdomain", both(d))
seed("records-loopback", spf(d, ip="127.0.0.1"), f"{d} TXT 0 v=spf1 -all")
seed("records-invalid-domain", both("-bad-.example.com"), "-bad-.example.com TXT 0 v=spf1 -all")

# Explanations receivers cannot use.
d = "exp.example.com"
for name, text in (("crlf", "denied\\x0d\\x0aX-Injected: yes"), ("nul", "denied\\x00more"),
                   ("bad-macro", "denied %{z}"), ("empty", "\\|"), ("percent-end", "denied %"),
                   ("utf8", "d\\xc3\\xa9nied %{i}")):
    seed(f"exp-{name}", spf(d), f"{d} TXT 0 v=spf1 -all exp=e.{d}", f"e.{d} TXT 0 {text}")
seed("exp-two-records", spf(d), f"{d} TXT 0 v=spf1 -all exp=e.{d}", f"e.{d} TXT 0 one", f"e.{d} TXT 0 two")
seed("exp-nxdomain", spf(d), f"{d} TXT 0 v=spf1 -all exp=e.{d}")
seed("exp-long-name", spf(d), f"{d} TXT 0 v=spf1 -all exp=%{{d}}.%{{d}}.%{{d}}.%{{d}}.%{{d}}.%{{d}}.%{{d}}.%{{d}}.%{{d}}.%{{d}}.%{{d}}.%{{d}}.%{{d}}.%{{d}}.%{{d}}.%{{d}}.%{{d}}.%{{d}}.%{{d}}.%{{d}}")

# DNS errors RFC 7208 lets pass: a PTR name's address (§5.5), the exp=
# TXT, an MX host beside one that matches mx/0; and one it does not.
d = "excused.example.com"
seed("excused-ptr-name-servfail-exp-servfail", spf(d), f"{d} TXT 0 v=spf1 ptr -all exp=e.{d}",
     f"{REV4} PTR 0 n.{d}", f"n.{d} A 2", f"e.{d} TXT 2")
seed("excused-mx0-host-servfail", spf(d), f"{d} TXT 0 v=spf1 -mx/0 ?all", f"{d} MX 0 1 a.{d}",
     f"{d} MX 0 2 b.{d}", f"a.{d} A 2", f"b.{d} A 0 198.51.100.1")
seed("excused-not-mx-host-servfail", spf(d), f"{d} TXT 0 v=spf1 -mx ?all", f"{d} MX 0 1 a.{d}",
     f"{d} MX 0 2 b.{d}", f"a.{d} A 2", f"b.{d} A 0 {IP4}")

# Names with backslashes and bytes outside LDH, as records and answers
# write them.
d = "names.example.com"
seed("names-backslash-dot-both", both(d), f"{d} TXT 0 v=spf1 a:foo\\.bar.{d} -all", f"foo\\.bar.{d} A 0 {IP4}")
seed("names-mx-space-label-both", both(d), f"{d} TXT 0 v=spf1 mx -all", f"{d} MX 0 10 a\\032b.{d}",
     f"a\\032b.{d} A 0 {IP4}")
seed("names-mx-space-label-guard", guard(f"user@{d}", f"user@{d}"), f"{d} TXT 0 v=spf1 mx -all",
     f"{d} MX 0 10 a\\032b.{d}", f"a\\032b.{d} A 0 {IP4}", f"{REV4} PTR 0 a\\032b.{d}")

# Raw and broken responses.
d = "raw.example.com"
seed("raw-garbage-top", spf(d), f"{d} RAW 0 \\x12\\x34\\x81\\x80\\x00\\x01\\x00\\x01\\x00\\x00\\x00\\x00\\xc0\\x0c")
seed("raw-pointer-loop", spf(d), f"{d} TXT 0 v=spf1 a:x.{d} -all",
     f"x.{d} RAW 0 \\x12\\x34\\x81\\x80\\x00\\x01\\x00\\x01\\x00\\x00\\x00\\x00\\xc0\\x0c\\x00\\x01\\x00\\x01\\xc0\\x0c\\x00\\x01\\x00\\x01\\x00\\x00\\x00\\x3c\\x00\\x04\\xc0\\x00\\x02\\x02")
seed("raw-short-a", spf(d), f"{d} TXT 0 v=spf1 a -all", f"{d} A 0 \\xc0\\x00\\x02")
seed("raw-wrong-type", spf(d), f"{d} TXT 0 v=spf1 a -all", f"{d} 99 0 v=spf1 +all")
seed("raw-ttl-zero", both(d), f"{d} TXT 0/0 v=spf1 a a a -all", f"{d} A 0/0 198.51.100.1")

# The guard: envelope, From: forms, null sender, no IP.
d = "guard.example.com"
zone = (f"{d} TXT 0 v=spf1 mx -all", f"{d} MX 0 10 mx.{d}", f"mx.{d} A 0 {IP4}",
        f"{REV4} PTR 0 mx.{d}", f"other.example.com TXT 0 v=spf1 -all", f"other.example.com MX 0 10 mx.other.example.com",
        "mx.other.example.com A 0 198.51.100.5")
seed("guard-aligned", guard(f"user@{d}", f"Shop <news@{d}>"), *zone)
seed("guard-not-aligned", guard(f"user@{d}", "news@other.example.com (Example Shop)"), *zone)
seed("guard-null-sender", guard("-", f"news@{d}", helo=f"mx.{d}"), *zone, f"mx.{d} TXT 0 v=spf1 a -all")
seed("guard-no-ip", guard(f"user@{d}", f"news@{d}", ip="-"), *zone)
seed("guard-no-from", guard(f"root@{d}", "-"), *zone)
seed("guard-v6", guard(f"user@{d}", f"news@{d}", ip=IP6), *zone, f"{REV6} PTR 0 mx.{d}", f"mx.{d} AAAA 0 {IP6}")
seed("guard-from-group", guard(f"user@{d}", f"undisclosed-recipients:; \\x22a\\x22@{d}"), *zone)


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    for name, text in sorted(SEEDS.items()):
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(text.encode("latin-1"))
    for name, text in sorted(FINDINGS.items()):
        with open(os.path.join(HERE, "crashers", name), "wb") as f:
            f.write(text.encode("latin-1"))
    print(f"corpus/spf_path: {len(SEEDS)} seeds; crashers/: {len(FINDINGS)} reproducers")


if __name__ == "__main__":
    main()
