#!/usr/bin/python3
"""Writes the seed corpus of fuzz_dmarc_dkim:

  corpus/dmarc_dkim/  every TXT record of the DMARC and DKIM fixture zones
                      (tests/dns/zones/dmarc.zone, psd.dmarc.zone,
                      dkim.test.zone; the character-strings of one RR
                      joined, as a receiver does), raw bytes, plus a few
                      edge cases of the tag-list and base64 syntax

File names are <source>-<sha1 prefix>, so re-running gives the same files.
Needs python3-dnslib (the system python). Usage: fuzz/make-tag-seeds.py
"""
import hashlib
import os
import sys

from dnslib import QTYPE, RR

HERE = os.path.dirname(os.path.abspath(__file__))
ZONES = os.path.join(os.path.dirname(HERE), "tests/dns/zones")
OUT = os.path.join(HERE, "corpus/dmarc_dkim")

EXTRA = [
    b"", b";", b"v=DMARC1", b"v=DMARC1;", b"v = DMARC1 ; p = reject ;", b"v=DMARC1;p=none;p=reject",
    b"v=DMARC1; p=none; rua=mailto:a@example.com!10m, mailto:%41@example.com",
    b"v=DMARC1; p=reject; psd=y; np=quarantine; t=y; pct=0",
    b"v=DKIM1; p=", b"v=DKIM1; k=ed25519; p=AAAA", b"p=TQ==", b"p=T W\r\n F u",
    b"v=DKIM1; h=sha1:sha256; s=email:*; t=y:s; p=",
    b"a=\x00b; c\x80=d", b"=;=;=", b"a" * 70 + b"=1",
]


def zone_records(name):
    with open(os.path.join(ZONES, name), encoding="utf-8") as fh:
        for rr in RR.fromZone(fh.read()):
            if rr.rtype == QTYPE.TXT:
                yield b"".join(rr.rdata.data)


def write(prefix, blobs):
    n = 0
    for blob in blobs:
        digest = hashlib.sha1(blob).hexdigest()[:12]
        path = os.path.join(OUT, "%s-%s" % (prefix, digest))
        if not os.path.exists(path):
            with open(path, "wb") as fh:
                fh.write(blob)
            n += 1
    return n


def main():
    os.makedirs(OUT, exist_ok=True)
    n = 0
    for zone in ("dmarc.zone", "psd.dmarc.zone", "dkim.test.zone"):
        n += write("zone", zone_records(zone))
    n += write("edge", EXTRA)
    print("corpus/dmarc_dkim: %d new inputs" % n, file=sys.stderr)


if __name__ == "__main__":
    main()
