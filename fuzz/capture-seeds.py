#!/usr/bin/env python3
"""Captures real responses from the DNS fixture servers (tests/dns) as seed
inputs for fuzz_dns_msg. Each seed is the 2 selector bytes fuzz_dns_msg.c
reads (qtype index, qname index) followed by the raw DNS message; the
"-qname" variants, and names not in QNAMES, use the target's own-qname form
instead: qtype index, 0x80, length, the qname bytes, the message.

Needs the fixtures running (tests/dns/serve start). Plain sockets only.
Usage: fuzz/capture-seeds.py [outdir]   (default: fuzz/corpus/dns_msg)
"""
import os
import random
import socket
import struct
import sys

NSD = ("127.0.0.1", 53535)
FAULTD = ("127.0.0.1", 53536)

# Must match QTYPES[] and QNAMES[] in fuzz_dns_msg.c.
QTYPES = {"A": 1, "AAAA": 28, "PTR": 12, "TXT": 16, "MX": 15, "CNAME": 5, "SOA": 6}
QTYPE_ORDER = ["A", "AAAA", "PTR", "TXT", "MX", "CNAME", "SOA"]
QNAMES = [
    "9.113.0.203.in-addr.arpa",
    "11.113.0.203.in-addr.arpa",
    "6.113.0.203.in-addr.arpa",
    "4.2.0.192.in-addr.arpa",
    "chain1.example.com",
    "alias.example.com",
    "dual.example.com",
    "big-txt.fault.test",
    "example.com",
    "nope.fault.test",
    "5.2.0.192.in-addr.arpa",
    "2.2.0.192.in-addr.arpa",
    "MAIL.Example.COM.",
]

# (file, server, qname, qtype, transport)
SEEDS = [
    ("ptr-two-compressed", NSD, "9.113.0.203.in-addr.arpa", "PTR", "udp"),
    ("ptr-classless-cname", NSD, "11.113.0.203.in-addr.arpa", "PTR", "udp"),
    ("ptr-nxdomain-soa", NSD, "6.113.0.203.in-addr.arpa", "PTR", "udp"),
    ("a-cname-chain", NSD, "chain1.example.com", "A", "udp"),
    ("a-cname-alias", NSD, "alias.example.com", "A", "udp"),
    ("cname-only", NSD, "chain1.example.com", "CNAME", "udp"),
    ("aaaa-dual", NSD, "dual.example.com", "AAAA", "udp"),
    ("soa-apex", NSD, "example.com", "SOA", "udp"),
    ("mx-nodata", NSD, "example.com", "MX", "udp"),
    ("a-mixed-case", NSD, "MAIL.Example.COM.", "A", "udp"),
    ("ptr-big-tcp", FAULTD, "4.2.0.192.in-addr.arpa", "PTR", "tcp"),
    ("ptr-big-udp-tc", FAULTD, "4.2.0.192.in-addr.arpa", "PTR", "udp"),
    ("txt-big-tcp", FAULTD, "big-txt.fault.test", "TXT", "tcp"),
    ("txt-nxdomain-soa", FAULTD, "nope.fault.test", "TXT", "udp"),
    ("ptr-slow", FAULTD, "5.2.0.192.in-addr.arpa", "PTR", "udp"),
    ("ptr-servfail", FAULTD, "2.2.0.192.in-addr.arpa", "PTR", "udp"),
    # Targets with a space in a label (wire "a b"): unusable, never asked for.
    ("mx-unusable-target", NSD, "badmx.example.net", "MX", "udp"),
    ("mx-one-unusable-target", NSD, "mixedmx.example.net", "MX", "udp"),
    ("ptr-unusable-target", NSD, "40.113.0.203.in-addr.arpa", "PTR", "udp"),
    ("ptr-cname-unusable-target", NSD, "41.113.0.203.in-addr.arpa", "PTR", "udp"),
    ("a-cname-unusable-target", NSD, "badcname.example.net", "A", "udp"),
]

# (seed file, qname in the own-qname form): names as callers pass them,
# in presentation form with escapes, for responses captured above.
CUSTOM = [
    ("ptr-two-compressed", "9.113.0.203.IN-ADDR.ARPA."),
    ("a-mixed-case", "\\077ail.example.com"),     # \077 is "M"
    ("a-cname-chain", "chain1.example.com"),
    ("ptr-classless-cname", "11.113.0.203.in-addr.arpa"),
]


def query(qname, qtype, qid):
    msg = struct.pack("!HHHHHH", qid, 0x0100, 1, 0, 0, 0)  # RD
    for label in qname.split("."):
        if label:
            msg += bytes([len(label)]) + label.encode("ascii")
    return msg + b"\0" + struct.pack("!HH", QTYPES[qtype], 1)


def ask(server, qname, qtype, transport):
    qid = random.randrange(65536)
    q = query(qname, qtype, qid)
    if transport == "udp":
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.settimeout(3)
            s.sendto(q, server)
            data = s.recv(65535)
    else:
        with socket.create_connection(server, timeout=3) as s:
            s.sendall(struct.pack("!H", len(q)) + q)
            buf = b""
            while len(buf) < 2 or len(buf) < 2 + struct.unpack("!H", buf[:2])[0]:
                chunk = s.recv(65535)
                if not chunk:
                    raise OSError("TCP connection closed early")
                buf += chunk
            data = buf[2:2 + struct.unpack("!H", buf[:2])[0]]  # strip the length prefix
    if data[:2] != struct.pack("!H", qid):
        raise OSError("reply with the wrong id")
    return data


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    outdir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "corpus", "dns_msg")
    os.makedirs(outdir, exist_ok=True)
    captured = {}
    for fname, server, qname, qtype, transport in SEEDS:
        data = ask(server, qname, qtype, transport)
        captured[fname] = (qtype, data)
        if qname in QNAMES:
            selector = bytes([QTYPE_ORDER.index(qtype), QNAMES.index(qname)])
        else:  # the own-qname form
            raw = qname.encode("ascii")
            selector = bytes([QTYPE_ORDER.index(qtype), 0x80, len(raw)]) + raw
        with open(os.path.join(outdir, fname), "wb") as f:
            f.write(selector + data)
        print(f"{fname}: {qtype} {qname} via {transport} {server[1]}: "
              f"{len(data)} bytes, rcode {data[3] & 15}, an {struct.unpack('!H', data[6:8])[0]}"
              f"{', TC' if data[2] & 2 else ''}")
    for fname, qname in CUSTOM:
        qtype, data = captured[fname]
        raw = qname.encode("ascii")
        with open(os.path.join(outdir, fname + "-qname"), "wb") as f:
            f.write(bytes([QTYPE_ORDER.index(qtype), 0x80, len(raw)]) + raw + data)
        print(f"{fname}-qname: {qtype} {qname}")


if __name__ == "__main__":
    main()
