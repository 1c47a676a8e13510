#!/usr/bin/python3
"""Scriptable DNS server for mailcheck's fault-injection tests.

Answers a fixed set of names under fault.test., 2.0.192.in-addr.arpa. and
hostile.example.net. with drops, error rcodes, malformed messages,
truncation, delays and plain records (see README.md).
Every query is handled on its own thread so a slow or never-answered query
never holds up another one, over UDP or over a shared TCP connection.
"""

import argparse
import os
import signal
import socket
import struct
import sys
import threading
import time

from dnslib import A, DNSLabel, DNSRecord, MX, PTR, QTYPE, RCODE, RR, SOA, TXT

FAULT_ZONE = "fault.test."
REVERSE_ZONE = "2.0.192.in-addr.arpa."
HOSTILE_ZONE = "hostile.example.net."
# Only the PTR of 203.0.113.77: tests/dns_007 relies on faultd refusing
# the rest of 203.0.113.0/24.
HOSTILE_REVERSE = "77.113.0.203.in-addr.arpa."
NEG_TTL = 30
TTL = 300

# Sentinel: handler decided never to reply.
DROP = object()


def soa_rr(zone):
    return RR(zone, QTYPE.SOA, ttl=NEG_TTL,
              rdata=SOA("ns." + FAULT_ZONE, "hostmaster." + FAULT_ZONE,
                        (1, 3600, 600, 86400, NEG_TTL)))


def zone_of(qname):
    for zone in (FAULT_ZONE, REVERSE_ZONE, HOSTILE_ZONE, HOSTILE_REVERSE):
        if qname == zone or qname.endswith("." + zone):
            return zone
    return None


BIG_PTRS = ["pad-%02d-%s.fault.test." % (n, "a" * 36) for n in range(1, 31)] \
    + ["big.fault.test."]
BIG_TXT = ["a" * 255, "b" * 255, "c" * 255, "d" * 255]


class Fixture:
    """What one name answers: per-qtype rdata lists, an error rcode, or drop.

    Names in the table exist, so a qtype without data gets NOERROR/NODATA.
    """

    def __init__(self, records=None, rcode=None, rcode_types="*", drop=(),
                 delay=0.0, force_tc=False, malformed=False):
        self.records = records or {}
        self.rcode = rcode
        self.rcode_types = rcode_types  # qtypes getting rcode; "*" = all
        self.drop = drop                # qtypes never answered; "*" = all
        self.delay = delay
        self.force_tc = force_tc  # always TC over UDP, whatever the EDNS size
        self.malformed = malformed  # claims an answer record it does not carry


def ptr(target):
    return {"PTR": [PTR(target)]}


# Hostile-input fixtures (issue 8): a zone of their own whose names, unlike
# fault.test's, are not reserved, so the mail() guard judges them like any
# sender's. 203.0.113.77 is the guard tests' sending IP.
HOSTILE_MAIL = "mail." + HOSTILE_ZONE
HOSTILE_IP = "203.0.113.77"
# Names whose server answers an error rcode, or a broken message: never
# "no data" for SPF (item 2).
HOSTILE_BROKEN = {
    "formerr": dict(rcode=RCODE.FORMERR),
    "notimp": dict(rcode=RCODE.NOTIMP),
    "yxdomain": dict(rcode=RCODE.YXDOMAIN),
    "malformed": dict(malformed=True),
}
# The MX target of mx-space: one label "a b", written a\032b in presentation form.
SPACE_HOST = DNSLabel([b"a b"] + HOSTILE_ZONE.encode().split(b".")[:-1])


def sending_domain(spf, **more):
    """Its SPF record and an MX, as the guard wants of a sender's domain."""
    return dict({"TXT": [TXT([spf])], "MX": [MX(HOSTILE_MAIL)]}, **more)


def hostile_fixtures():
    pass_spf = "v=spf1 ip4:%s -all" % HOSTILE_IP
    fx = {
        HOSTILE_REVERSE: Fixture(ptr(HOSTILE_MAIL)),
        HOSTILE_MAIL: Fixture({"A": [A(HOSTILE_IP)]}),
        "pass." + HOSTILE_ZONE: Fixture(sending_domain(pass_spf)),
        "fail." + HOSTILE_ZONE: Fixture(sending_domain("v=spf1 -all")),
        "slow." + HOSTILE_ZONE: Fixture(
            sending_domain(pass_spf, A=[A(HOSTILE_IP)]), delay=0.5),
        "silent." + HOSTILE_ZONE: Fixture(drop="*"),
        "mx-space." + HOSTILE_ZONE: Fixture(
            {"MX": [MX(SPACE_HOST)], "TXT": [TXT(["v=spf1 mx -all"])]}),
        str(SPACE_HOST).lower(): Fixture({"A": [A("203.0.113.78")]}),
        # What a lossy unescaping of a\032b asks instead.
        "a032b." + HOSTILE_ZONE: Fixture({"A": [A("203.0.113.79")]}),
    }
    for name, fault in HOSTILE_BROKEN.items():
        fx[name + "." + HOSTILE_ZONE] = Fixture(**fault)
        for mech in ("a", "mx", "include"):
            fx["spf-%s-%s.%s" % (mech, name, HOSTILE_ZONE)] = Fixture(
                sending_domain("v=spf1 %s:%s.%s -all"
                               % (mech, name, HOSTILE_ZONE)))
    return fx


FIXTURES = {
    "1.2.0.192.in-addr.arpa.": Fixture(drop="*"),
    "2.2.0.192.in-addr.arpa.": Fixture(rcode=RCODE.SERVFAIL),
    "3.2.0.192.in-addr.arpa.": Fixture(rcode=RCODE.REFUSED),
    "4.2.0.192.in-addr.arpa.": Fixture({"PTR": [PTR(n) for n in BIG_PTRS]},
                                       force_tc=True),
    "5.2.0.192.in-addr.arpa.": Fixture(ptr("slow.fault.test."), delay=0.3),
    "6.2.0.192.in-addr.arpa.": Fixture(ptr("late.fault.test."), delay=5.0),
    "7.2.0.192.in-addr.arpa.": Fixture(ptr("fwd-timeout.fault.test.")),
    "8.2.0.192.in-addr.arpa.": Fixture(ptr("cached.fault.test.")),
    "9.2.0.192.in-addr.arpa.": Fixture(ptr("servfail-fwd.fault.test.")),
    "big.fault.test.": Fixture({"A": [A("192.0.2.4")]}),
    "slow.fault.test.": Fixture({"A": [A("192.0.2.5")]}),
    "late.fault.test.": Fixture({"A": [A("192.0.2.6")]}),
    "fwd-timeout.fault.test.": Fixture(drop=("A", "AAAA")),
    "cached.fault.test.": Fixture({"A": [A("192.0.2.8")]}),
    "servfail-fwd.fault.test.": Fixture(rcode=RCODE.SERVFAIL,
                                        rcode_types=("A", "AAAA")),
    "big-txt.fault.test.": Fixture({"TXT": [TXT(BIG_TXT)]}, force_tc=True),
    "a.fault.test.": Fixture({"A": [A("192.0.2.100")]}),
    # SPF whose evaluation meets a silent name, or a SERVFAIL, mid-way.
    "spf-timeout.fault.test.": Fixture(
        {"TXT": [TXT(["v=spf1 a:fwd-timeout.fault.test -all"])]}),
    "spf-servfail.fault.test.": Fixture(
        {"TXT": [TXT(["v=spf1 a:servfail-fwd.fault.test -all"])]}),
    **hostile_fixtures(),
}


class QueryLog:
    def __init__(self, path):
        self.fh = open(path, "a", encoding="utf-8") if path else None
        self.lock = threading.Lock()

    def write(self, proto, qname, qtype):
        if not self.fh:
            return
        with self.lock:
            self.fh.write("%s %s %s\n" % (proto, qname, qtype))
            self.fh.flush()


def resolve(request, proto):
    """Return (reply_bytes or DROP, delay_seconds)."""
    reply = request.reply(ra=0, aa=1)  # copies id, opcode, RD and question
    reply.header.ad = 0  # no DNSSEC here; don't echo the client's AD bit
    q = request.q
    qname = str(q.qname).lower()
    qtype = QTYPE.get(q.qtype, "TYPE%d" % q.qtype)
    zone = zone_of(qname)
    fx = FIXTURES.get(qname)

    if zone is None and qname.startswith("_dmarc."):
        # The DMARC tree walk (RFC 9989) asks _dmarc.<parent> up to the
        # top-level domain: above these zones none has a record, as a real
        # resolver would say.
        reply.header.rcode = RCODE.NXDOMAIN
        return reply.pack(), 0.0
    if zone is None:
        reply.header.rcode = RCODE.REFUSED
        return reply.pack(), 0.0

    if fx is None and qname == zone:
        fx = Fixture({"SOA": [soa_rr(zone).rdata]})
    if fx is None:
        reply.header.rcode = RCODE.NXDOMAIN
        reply.add_auth(soa_rr(zone))
        return reply.pack(), 0.0

    if fx.drop == "*" or qtype in fx.drop:
        return DROP, 0.0
    if fx.rcode is not None and (fx.rcode_types == "*"
                                 or qtype in fx.rcode_types):
        reply.header.rcode = fx.rcode
        return reply.pack(), fx.delay

    rdatas = fx.records.get(qtype, [])
    if fx.malformed:
        packed = bytearray(reply.pack())
        packed[6:8] = struct.pack("!H", 1)  # ANCOUNT 1, and no record follows
        return bytes(packed), fx.delay
    if not rdatas:
        reply.add_auth(soa_rr(zone))
        return reply.pack(), fx.delay
    for rd in rdatas:
        reply.add_answer(RR(q.qname, q.qtype, rdata=rd, ttl=TTL))

    packed = reply.pack()
    if proto == "udp" and (fx.force_tc or len(packed) > udp_limit(request)):
        reply.rr = []
        reply.auth = []
        reply.ar = []
        reply.header.tc = 1
        packed = reply.pack()
    return packed, fx.delay


# DMARC, DKIM and blocklist lookups meeting silence or SERVFAIL
# (tests/dmarc_*, dkim_*, dnsbl_* fault tests).
DKIM_2048 = ("v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA7V84mmsHzYgVGH94+FzTRgvfsP1Ob5RtIyuuypO8xpK83R6X488S5CHU2I/YCkoA/cuf/tSNG8oVmkwqVxZmy2bfgSB8SUXWsyhwjMSn6hf/CmsgWY3iHxTG5xYlxWUz9GfN5pi8XC"
             "M22z+LHY1TfmL9xp+dzicmmqhiIJe3ZadOMuY8ammPwS98OOd8YuVlWMKdXagEVU8uJ0i92Lmbuu2t79ls7oZWwjS2C9bQe0aI6sZ+mbT5l9KyRLNHXlqMzuK81Y20LnTzssF/80+U54bPQUuT/ySkKr45NDEa3GiWh0IFNiUykn4LiZ1jMAgPXDfVuKGlluah3Q+76ypukQIDAQAB")
FIXTURES.update({
    "_dmarc.dmarc-timeout.fault.test.": Fixture(drop="*"),
    "_dmarc.dmarc-servfail.fault.test.": Fixture(rcode=RCODE.SERVFAIL),
    # A record of its own, and a parent that fails: the policy is known,
    # the organizational domain is not.
    "_dmarc.sub.dmarc-parent.fault.test.": Fixture(
        {"TXT": [TXT(["v=DMARC1; p=reject; rua=mailto:agg@dmarc-parent.fault.test"])]}),
    "_dmarc.dmarc-parent.fault.test.": Fixture(rcode=RCODE.SERVFAIL),
    "slow._domainkey.keys.fault.test.": Fixture(drop="*"),
    "broken._domainkey.keys.fault.test.": Fixture(rcode=RCODE.SERVFAIL),
    "ok._domainkey.keys.fault.test.": Fixture(
        {"TXT": [TXT([DKIM_2048[i:i + 255] for i in range(0, len(DKIM_2048), 255)])]}),
    "66.113.0.203.drop.bl.fault.test.": Fixture(drop="*"),
    "66.113.0.203.servfail.bl.fault.test.": Fixture(rcode=RCODE.SERVFAIL),
    "66.113.0.203.listed.bl.fault.test.": Fixture(
        {"A": [A("127.0.0.2")], "TXT": [TXT(["listed.bl.fault.test lists it"])]}),
})


class ZoneFile:
    """--zone mode: the records of one zone file (NSD syntax, as in zones/),
    answered authoritatively: exact names, wildcards (*.name), empty
    non-terminals (NODATA), NXDOMAIN with the SOA, REFUSED outside."""

    def __init__(self, path):
        with open(path, encoding="utf-8") as fh:
            rrs = list(RR.fromZone(fh.read()))
        soa = [rr for rr in rrs if rr.rtype == QTYPE.SOA]
        if not soa:
            raise SystemExit("faultd: %s has no SOA record" % path)
        self.soa = soa[0]
        self.origin = str(self.soa.rname).lower()
        self.records = {}
        for rr in rrs:
            name = str(rr.rname).lower()
            self.records.setdefault(name, []).append(rr)
            # every name between a record and the apex exists
            while name != self.origin and "." in name.rstrip("."):
                name = name.split(".", 1)[1]
                self.records.setdefault(name, [])

    def find(self, qname):
        if qname in self.records:
            return self.records[qname], qname
        name = qname
        while name != self.origin and "." in name.rstrip("."):
            name = name.split(".", 1)[1]
            if "*." + name in self.records:
                return self.records["*." + name], None
            if name in self.records:
                break
        return None, None

    def resolve(self, request, proto):
        reply = request.reply(ra=0, aa=1)
        reply.header.ad = 0
        q = request.q
        qname = str(q.qname).lower()
        if qname != self.origin and not qname.endswith("." + self.origin):
            reply.header.rcode = RCODE.REFUSED
            return reply.pack(), 0.0
        rrs, _ = self.find(qname)
        if rrs is None:
            reply.header.rcode = RCODE.NXDOMAIN
            reply.add_auth(self.soa)
            return reply.pack(), 0.0
        answers = [rr for rr in rrs if rr.rtype == q.qtype]
        if not answers:
            reply.add_auth(self.soa)
        for rr in answers:
            reply.add_answer(RR(q.qname, rr.rtype, ttl=rr.ttl, rdata=rr.rdata))
        packed = reply.pack()
        if proto == "udp" and len(packed) > udp_limit(request):
            reply.rr, reply.auth, reply.ar = [], [], []
            reply.header.tc = 1
            packed = reply.pack()
        return packed, 0.0


# What answers queries (resolve, or a ZoneFile's) and the delay added to
# every answer (--delay).
RESOLVER = resolve
EXTRA_DELAY = 0.0


def udp_limit(request):
    for rr in request.ar:
        if rr.rtype == QTYPE.OPT:
            return max(512, rr.rclass)
    return 512


def handle(data, proto, log, send):
    try:
        request = DNSRecord.parse(data)
    except Exception:
        return  # unparseable: ignore
    if request.header.qr or not request.questions:
        return
    q = request.q
    log.write(proto, str(q.qname).lower(),
              QTYPE.get(q.qtype, "TYPE%d" % q.qtype))
    packed, delay = RESOLVER(request, proto)
    if packed is DROP:
        return
    delay += EXTRA_DELAY
    if delay:
        time.sleep(delay)
    try:
        send(packed)
    except OSError:
        pass  # client went away


def spawn(target, *args):
    threading.Thread(target=target, args=args, daemon=True).start()


def serve_udp(sock, log):
    while True:
        try:
            data, peer = sock.recvfrom(65535)
        except OSError:
            continue
        spawn(handle, data, "udp", log, lambda b, p=peer: sock.sendto(b, p))


def recv_exact(conn, n):
    buf = b""
    while len(buf) < n:
        chunk = conn.recv(n - len(buf))
        if not chunk:
            return None
        buf += chunk
    return buf


def serve_tcp_conn(conn, log):
    # Queries on one connection are answered out of order as they complete;
    # unanswered ones just leave the connection open until the client closes.
    lock = threading.Lock()

    def send(payload):
        with lock:
            conn.sendall(struct.pack("!H", len(payload)) + payload)

    try:
        while True:
            head = recv_exact(conn, 2)
            if head is None:
                break
            data = recv_exact(conn, struct.unpack("!H", head)[0])
            if data is None:
                break
            spawn(handle, data, "tcp", log, send)
    except OSError:
        pass
    finally:
        conn.close()


def serve_tcp(sock, log):
    while True:
        conn, _ = sock.accept()
        spawn(serve_tcp_conn, conn, log)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--address", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=53536)
    ap.add_argument("--log", help="append one line per query received")
    ap.add_argument("--pidfile")
    ap.add_argument("--zone", metavar="FILE",
                    help="serve this zone file instead of the fault fixtures")
    ap.add_argument("--delay", type=float, default=0.0, metavar="MS",
                    help="hold every answer this many milliseconds")
    args = ap.parse_args()

    global RESOLVER, EXTRA_DELAY
    # A thread woken from its delay waits for the GIL up to the switch
    # interval (5 ms by default): sixteen delayed answers at once would
    # queue for several round trips.
    sys.setswitchinterval(0.0005)
    if args.zone:
        RESOLVER = ZoneFile(args.zone).resolve
    EXTRA_DELAY = args.delay / 1000.0

    family = socket.AF_INET6 if ":" in args.address else socket.AF_INET
    udp = socket.socket(family, socket.SOCK_DGRAM)
    udp.bind((args.address, args.port))
    tcp = socket.socket(family, socket.SOCK_STREAM)
    tcp.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    tcp.bind((args.address, args.port))
    tcp.listen(128)

    log = QueryLog(args.log)
    if args.pidfile:
        with open(args.pidfile, "w") as fh:
            fh.write("%d\n" % os.getpid())

    def stop(*_):
        if args.pidfile:
            try:
                os.unlink(args.pidfile)
            except OSError:
                pass
        os._exit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)

    spawn(serve_tcp, tcp, log)
    serve_udp(udp, log)


if __name__ == "__main__":
    sys.exit(main())
