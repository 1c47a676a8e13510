#!/usr/bin/python3
"""Writes the seed corpora of the SPF and address targets:

  corpus/spf_record/  every distinct SPF and TXT record of the RFC 7208 test
                      suite (tests/conformance/rfc7208-tests.yml, all
                      scenarios' zonedata; a list of strings is one record,
                      joined) and of tests/dns/zones/spf.example.com.zone
                      (the character-strings of one RR joined, as a
                      receiver does), raw bytes
  corpus/spf_macro/   the input form of fuzz_spf_macro (see there): the
                      explanation texts of both sources (exp 1) and every
                      domain-spec and modifier value of their records
                      (exp 0), plus the examples of RFC 7208 7.4 and a few
                      with the sender taken from the input
  corpus/address/     the addresses of tests/sender_*.phpt and the forms of
                      RFC 5321/5322 the parser knows (display names, quoted
                      local parts, literals, IDN, comments, source routes)

File names are <source>-<sha1 prefix>, so re-running gives the same files.
Needs python3-yaml. Usage: fuzz/make-seeds.py
"""
import hashlib
import os
import re
import struct
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SUITE = os.path.join(ROOT, "tests/conformance/rfc7208-tests.yml")
ZONE = os.path.join(ROOT, "tests/dns/zones/spf.example.com.zone")


def suite_bytes(s):
    """The suite writes raw bytes as YAML escapes ("\\xEF"), which PyYAML
    decodes to U+00EF...: latin-1 gives the bytes back (as spfzone.py)."""
    s = "" if s is None else str(s)
    try:
        return s.encode("latin-1")
    except UnicodeEncodeError:
        return s.encode("utf-8")


def suite_records():
    """(bytes, is an SPF-type entry) of every SPF/TXT value in the suite."""
    out = []
    with open(SUITE, encoding="utf-8") as f:
        for doc in yaml.safe_load_all(f):
            for entries in (doc or {}).get("zonedata", {}).values():
                for entry in entries or []:
                    if not isinstance(entry, dict):
                        continue  # TIMEOUT
                    for rtype, value in entry.items():
                        if rtype not in ("SPF", "TXT") or value == "NONE":
                            continue
                        strings = value if isinstance(value, list) else [value]
                        out.append(b"".join(suite_bytes(s) for s in strings))
    return out


def zone_records():
    """The TXT (and SPF) RRs of the fixture zone, character-strings joined."""
    out = []
    with open(ZONE, encoding="utf-8") as f:
        for line in f:
            m = re.match(r'^\S*\s+IN\s+(TXT|SPF)\s+(.*)$', line)
            if not m:
                continue
            strings = re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(2))
            out.append("".join(strings).encode("utf-8"))
    return out


def domain_specs(record):
    """The domain-specs and modifier values of a record (text after ':' of
    include/exists/a/mx/ptr, after '=' of a modifier; CIDR lengths off)."""
    specs = []
    for term in record.split(b" ")[1:]:
        term = term.lstrip(b"+-~?")
        m = re.match(rb'^[A-Za-z][A-Za-z0-9_.-]*=(.*)$', term)
        if m:
            specs.append(m.group(1))
            continue
        m = re.match(rb'^(include|exists|a|mx|ptr):(.*)$', term, re.I)
        if m:
            specs.append(re.sub(rb'(/\d*)?(//\d*)?$', b"", m.group(2)))
    return [s for s in specs if s]


def write(directory, prefix, blobs):
    path = os.path.join(HERE, "corpus", directory)
    os.makedirs(path, exist_ok=True)
    seen = set()
    for blob in blobs:
        if blob in seen:
            continue
        seen.add(blob)
        name = f"{prefix}-{hashlib.sha1(blob).hexdigest()[:12]}"
        with open(os.path.join(path, name), "wb") as f:
            f.write(blob)
    return len(seen)


# fuzz_spf_macro's input: flags, sender length, sender, macro-string.
EXP, IP6, NO_HELO, VALIDATED, NO_RECEIVER, OWN_SENDER = 1, 2, 4, 8, 16, 32


def macro_input(text, flags=0, sender=b""):
    if sender:
        flags |= OWN_SENDER
    return struct.pack("BB", flags, len(sender)) + sender + text


RFC7208_EXAMPLES = [  # section 7.4
    b"%{s}", b"%{o}", b"%{d}", b"%{d4}", b"%{d3}", b"%{d2}", b"%{d1}", b"%{dr}",
    b"%{d2r}", b"%{l}", b"%{l-}", b"%{lr}", b"%{lr-}", b"%{l1r-}",
    b"%{ir}.%{v}._spf.%{d2}", b"%{lr}.%{lr-}.%{l1r-}", b"%{ir}.%{v}.%{l1r-}.lp._spf.%{d2}",
    b"%{d2}.trusted-domains.example.net", b"%{ir}.%{v}._spf.%{d2}",
    b"%{p}", b"%{h}", b"%{S}", b"%{L-}", b"%{Ir}.%{V}", b"%%%_%-",
]
EXPLANATIONS = [
    b"%{i} is not one of %{d}'s designated mail servers.",
    b"See http://%{d}/why.html?s=%{S}&i=%{C}&r=%{R}&t=%{T}",
    b"%{c} at %{t} asked %{r}: %{p} %{h} %{v}",
]
SENDERS = [
    b"strong-bad@email.example.com", b"joe+tag.x@sub.example.org", b"@example.com",
    b"noat", b"\"a@b\"@example.net", b"a.b.c.d.e.f@x.y.z", b"caf\xc3\xa9@example.com",
]

ADDRESSES = [
    # tests/sender_001_table.phpt
    "noreply@example.net", "Shop <noreply@example.net>", '"Shop, Inc." <noreply@example.net>',
    "<noreply@example.net>", "NoReply@EXAMPLE.net.", '"john doe"@example.net',
    "info@bücher.example.net", "www-data@localhost", "root@web01.internal", "apache@shop.local",
    "nobody@example.net", "x@mail.test", "x@printer.lan", "x@router.home.arpa",
    "x@localhost.localdomain", "x@intranet", "x@[192.0.2.1]",
    # tests/sender_002_syntax.phpt
    "@", "a@", "@example.net", "plainaddress", "a@example.net\0.evil.com",
    "a@example.net\r\nBcc: victim@example.org", "Name <a@example.net>\nX-Injected: 1",
    "a..b@example.net", ".a@example.net", "a.@example.net", "a@b@example.net",
    "l" * 65 + "@example.net",
    "x@" + "a" * 63 + "." + "b" * 63 + "." + "c" * 63 + "." + "d" * 60 + ".net",
    "Name <a@example.net", "a b@example.net", "a@exa mple.net", "a@-example.net", "",
    # more forms
    "John Q. Public <john.q.public@example.com>", '"Doe, John" <jd@example.org>',
    "Name (comment (nested)) <a@example.org>", "=?utf-8?q?J=C3=B6rg?= <j@example.org>",
    "Jörg Müller <joerg@example.org>", '"quoted \\" escape" <a@example.org>',
    '"a\\"b"@example.org', '"@"@example.org', '"root"@example.org',
    "user@[IPv6:2001:db8::1]", "user@[ipv6:::ffff:192.0.2.1]", "user@[192.0.2.256]",
    "user@[2001:db8::1]", "user@192.0.2.1", "<@relay.example:user@example.org>",
    "user@example.com (Name)", "user@xn--bcher-kva.example", "user@xn--zz.example",
    "user@faß.de", "user@bücher。example", "user@例え.テスト", "user@ＥＸＡＭＰＬＥ.com",
    "user@a.b..", "user@.", "user@..", "user@ex_ample.com", "user@a-.com",
    "üser@example.com", "\tuser@example.com\t", "  <  user@example.com  >  ",
    "Name <>", "a@b.c>", "<a@b.c", "a@b.c <d@e.f>", "ROOT@Example.COM", "Ubuntu@web01",
    "a@" + "x" * 64 + ".com", "a" * 64 + "@" + "b" * 63 + "." + "c" * 63 + "." + "d" * 60 + ".com",
    # IDNA corner cases: CONTEXTJ (ZWJ/ZWNJ), deviations (final sigma, sharp
    # s), full stops mapped to ".", mapped-away soft hyphen, leading
    # combining mark, bidi, CONTEXTO, characters that map to "1." or "_"
    "a@\u200dx.com", "a@x\u200d.com", "a@\u03c2.com", "a@\u00df\u200c.de", "a@\u2488com",
    "a@\u00adexample.com", "a@\u0301a.com", "a@\u05d0\u0031.com", "a@a\u05d0.com",
    "a@\u30fb.com", "a@\u0375\u03b1.com", "a@\uff45\uff58\uff41\uff4d\uff50\uff4c\uff45\uff0e\uff43\uff4f\uff4d",
    "a@example\uff61com", "a@\u1e9e.de", "a@x.\u0661\u0662", "a@\uff3f.com", "a@\u3002",
    "a@x.\u4f8b\u3002", "a@x.\u4f8b\u3002.", "\u00e9 <a@\u00e9.com>", "a@\u212a.com", "a@\u0130.com",
    "a@XN--TDA.com", "a@\u00fc.ab--c.example", "a@ab--c.example",
]


def main():
    suite = suite_records()
    zone = [r for r in zone_records() if r not in set(suite)]
    records = suite + zone
    n = write("spf_record", "rfc7208", suite)
    n2 = write("spf_record", "zone", zone)
    print(f"corpus/spf_record: {n} suite + {n2} zone records", file=sys.stderr)

    macros = []
    for rec in records:
        if re.match(rb"(?i)^v=spf1( |$)", rec):
            for spec in domain_specs(rec):
                macros.append(macro_input(spec))
        else:
            macros.append(macro_input(rec, EXP))
    for i, ex in enumerate(RFC7208_EXAMPLES):
        macros.append(macro_input(ex, IP6 if i % 3 == 0 else 0))
    for i, ex in enumerate(EXPLANATIONS):
        macros.append(macro_input(ex, EXP | (IP6 if i else 0) | (VALIDATED if i == 2 else 0)))
    for i, sender in enumerate(SENDERS):
        macros.append(macro_input(b"%{s}.%{l}.%{o}.%{lr-}.%{o1r}", NO_HELO if i % 2 else 0, sender))
    n = write("spf_macro", "seed", macros)
    print(f"corpus/spf_macro: {n} inputs", file=sys.stderr)

    n = write("address", "seed", [a.encode("utf-8") for a in ADDRESSES])
    print(f"corpus/address: {n} inputs", file=sys.stderr)


if __name__ == "__main__":
    main()
