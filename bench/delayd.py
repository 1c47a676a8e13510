#!/usr/bin/python3
"""Authoritative DNS server for benchmarks: zone files, every answer late.

    delayd.py --listen 127.53.53.55:53 --delay 20 [--log FILE] [--pidfile F] ZONE...
    delayd.py --chain DOMAIN [--ip IP] ZONE...

Serves the zone files (dnslib's zone parser: $ORIGIN, $TTL, one zone per
SOA) over UDP and TCP and holds every answer until --delay ms after the query
came in, each query on its own worker thread, so parallel queries wait in
parallel: a client pays one delay per round trip, as with a remote resolver. Names
without the type get NODATA, unknown names NXDOMAIN, both with the zone's
SOA; names outside every zone REFUSED (but _dmarc names: NXDOMAIN). No CNAME chasing, no wildcards, no
EDNS in answers (an answer over 512 bytes, or the client's EDNS size, is
truncated: TC). --log appends "<unix time> <udp|tcp> <qname> <qtype>" per
query as it arrives.

--chain prints the SPF dependency levels of DOMAIN's record as the zones
answer them, one line per level (level, names asked); see bench/README.md.
"""

import argparse
import os
import queue
import signal
import socket
import struct
import sys
import threading
import time

from dnslib import DNSRecord, QTYPE, RCODE, RR

WORKERS = 64  # answers held at once; more wait for a free worker


class Zones:
    def __init__(self, paths):
        self.rrs = {}      # name -> qtype -> [RR]
        self.soa = {}      # apex -> SOA RR
        for path in paths:
            with open(path, encoding="utf-8") as fh:
                for rr in RR.fromZone(fh.read()):
                    name = str(rr.rname).lower()
                    self.rrs.setdefault(name, {}).setdefault(rr.rtype, []).append(rr)
                    if rr.rtype == QTYPE.SOA:
                        self.soa[name] = rr
        # empty non-terminals exist (NODATA, not NXDOMAIN)
        for name in list(self.rrs):
            apex = self.apex(name)
            while apex and name != apex and "." in name.rstrip("."):
                name = name.split(".", 1)[1]
                self.rrs.setdefault(name, {})

    def apex(self, name):
        best = None
        for apex in self.soa:
            if (name == apex or name.endswith("." + apex)) and (best is None or len(apex) > len(best)):
                best = apex
        return best

    def get(self, name, qtype):
        return self.rrs.get(name.lower(), {}).get(qtype, [])


def answer(zones, request, proto):
    reply = request.reply(ra=0, aa=1)
    q = request.q
    name = str(q.qname).lower()
    apex = zones.apex(name)
    if apex is None and name.startswith("_dmarc."):
        # The DMARC tree walk asks up to the top-level domain: above the
        # zones none has a record, as a real resolver would say.
        reply.header.rcode = RCODE.NXDOMAIN
        return reply.pack()
    if apex is None:
        reply.header.rcode = RCODE.REFUSED
        return reply.pack()
    found = zones.get(name, q.qtype)
    if not found:
        if name not in zones.rrs:
            reply.header.rcode = RCODE.NXDOMAIN
        reply.add_auth(zones.soa[apex])
    for rr in found:
        reply.add_answer(RR(q.qname, rr.rtype, rr.rclass, rr.ttl, rr.rdata))
    packed = reply.pack()
    limit = 512
    for rr in request.ar:
        if rr.rtype == QTYPE.OPT:
            limit = max(512, rr.rclass)
    if proto == "udp" and len(packed) > limit:
        reply.rr, reply.auth, reply.ar = [], [], []
        reply.header.tc = 1
        packed = reply.pack()
    return packed


class Server:
    def __init__(self, zones, delay_s, log_path):
        self.zones = zones
        self.delay = delay_s
        self.log = open(log_path, "a", encoding="utf-8") if log_path else None
        self.lock = threading.Lock()
        # A pool, not a thread per query: starting a thread takes long
        # enough to delay the next recvfrom() and so the arrival stamp.
        self.queue = queue.SimpleQueue()
        for _ in range(WORKERS):
            threading.Thread(target=self.work, daemon=True).start()

    def handle(self, data, proto, send, arrived):
        try:
            request = DNSRecord.parse(data)
        except Exception:
            return
        if request.header.qr or not request.questions:
            return
        if self.log:
            q = request.q
            with self.lock:
                self.log.write("%.6f %s %s %s\n" % (arrived, proto, str(q.qname).lower(),
                                                    QTYPE.get(q.qtype, "TYPE%d" % q.qtype)))
                self.log.flush()
        packed = answer(self.zones, request, proto)
        wait = arrived + self.delay - time.time()
        if wait > 0:
            time.sleep(wait)
        try:
            send(packed)
        except OSError:
            pass

    def spawn(self, *args):
        self.queue.put(args)

    def work(self):
        while True:
            self.handle(*self.queue.get())

    def serve_udp(self, sock):
        while True:
            data, peer = sock.recvfrom(65535)
            self.spawn(data, "udp", lambda b, p=peer: sock.sendto(b, p), time.time())

    def serve_tcp_conn(self, conn):
        lock = threading.Lock()

        def send(payload):
            with lock:
                conn.sendall(struct.pack("!H", len(payload)) + payload)

        with conn:
            while True:
                head = conn.recv(2, socket.MSG_WAITALL)
                if len(head) < 2:
                    return
                (n,) = struct.unpack("!H", head)
                data = conn.recv(n, socket.MSG_WAITALL)
                if len(data) < n:
                    return
                self.spawn(data, "tcp", send, time.time())

    def serve_tcp(self, sock):
        while True:
            conn, _ = sock.accept()
            threading.Thread(target=self.serve_tcp_conn, args=(conn,), daemon=True).start()


def spf_record(zones, domain):
    for rr in zones.get(domain + ".", QTYPE.TXT):
        text = b"".join(rr.rdata.data).decode()
        if text.lower() == "v=spf1" or text.lower().startswith("v=spf1 "):
            return text
    return None


def chain(zones, domain, ip):
    """The names an SPF evaluation of domain needs, by the level at which
    their lookup can first be sent: a record's terms one level after the
    record, an include's or redirect's record with them, MX hosts' and PTR
    names' addresses one level after the MX/PTR answer."""
    addr = QTYPE.AAAA if ":" in ip else QTYPE.A
    levels = {}

    def need(level, what):
        levels.setdefault(level, []).append(what)

    def names(level, name, qtype):
        need(level, "%s/%s" % (name, QTYPE[qtype]))
        for rr in zones.get(name + ".", qtype):
            need(level + 1, "%s/%s" % (str(rr.rdata.label).rstrip("."), QTYPE[addr]))

    def record(level, domain):
        need(level, domain + "/TXT")
        text = spf_record(zones, domain)
        if text is None:
            return
        for term in text.split()[1:]:
            term = term.lstrip("+-~?").lower()
            mech, _, arg = term.partition(":")
            if "=" in mech:
                mech, _, arg = term.partition("=")
            arg = arg.split("/")[0] or domain
            if "%" in arg:
                sys.exit("delayd.py --chain: macros are not expanded: " + term)
            if mech in ("include", "redirect"):
                record(level + 1, arg)
            elif mech in ("a", "exists"):
                need(level + 1, "%s/%s" % (arg, "A" if mech == "exists" else QTYPE[addr]))
            elif mech == "mx":
                names(level + 1, arg, QTYPE.MX)
            elif mech == "ptr":
                rev = ".".join(reversed(ip.split("."))) + ".in-addr.arpa"
                names(level + 1, rev, QTYPE.PTR)

    record(1, domain.lower().rstrip("."))
    return [levels[k] for k in sorted(levels)]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("zones", nargs="+")
    ap.add_argument("--listen", default="127.0.0.1:53")
    ap.add_argument("--delay", type=float, default=0, help="ms per answer")
    ap.add_argument("--log")
    ap.add_argument("--pidfile")
    ap.add_argument("--chain")
    ap.add_argument("--ip", default="192.0.2.1")
    args = ap.parse_args()
    zones = Zones(args.zones)

    if args.chain:
        for i, level in enumerate(chain(zones, args.chain, args.ip), 1):
            print(i, " ".join(level))
        return

    host, port = args.listen.rsplit(":", 1)
    host = host.strip("[]")
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    udp = socket.socket(family, socket.SOCK_DGRAM)
    udp.bind((host, int(port)))
    tcp = socket.socket(family, socket.SOCK_STREAM)
    tcp.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    tcp.bind((host, int(port)))
    tcp.listen(64)
    server = Server(zones, args.delay / 1000.0, args.log)
    threading.Thread(target=server.serve_udp, args=(udp,), daemon=True).start()
    threading.Thread(target=server.serve_tcp, args=(tcp,), daemon=True).start()
    if args.pidfile:
        with open(args.pidfile, "w", encoding="utf-8") as fh:
            fh.write("%d\n" % os.getpid())
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    signal.signal(signal.SIGINT, lambda *_: sys.exit(0))
    while True:
        signal.pause()


if __name__ == "__main__":
    main()
