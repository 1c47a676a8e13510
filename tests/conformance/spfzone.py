#!/usr/bin/python3
"""Authoritative DNS server for one scenario of the RFC 7208 test suite.

Serves the `zonedata` of one scenario of rfc7208-tests.yml over UDP and TCP
(python3-dnslib; one thread per UDP query and per TCP connection, so a query
that is never answered holds up nothing else). Used in-process by `run`
(ZoneServer.load() switches scenario atomically) or standalone:

    spfzone.py --port 53537 --scenario "Record lookup"
    dig @127.0.0.1 -p 53537 txt spftimeout.example.net

Zone semantics (those of the suite's reference driver, pyspf's testspf.py):

* `SPF: "..."` is served as type SPF (99) and, unless the name has an
  explicit `TXT` entry (`TXT: NONE` counts and adds nothing), also as TXT.
  `SPF`/`TXT` given as a list of strings is one RR with several
  character-strings.
* `TIMEOUT` in a name's list: queries for a type that has no records at that
  name are never answered (UDP and TCP); a name that is only `TIMEOUT` never
  answers at all. Types that do have records are answered (the suite's
  `spftimeout` case: TXT answers, SPF times out).
* A name with records answers NOERROR with the records of the asked type,
  or NODATA (empty, SOA in authority); an absent name is NXDOMAIN + SOA.
* CNAME: the CNAME is answered and, when the target is in the zone, the
  target's records follow (chains followed, loops cut), as an authoritative
  server does; a target not in the zone makes the answer NXDOMAIN (RFC 6604).
* Names are matched case-insensitively; owner names echo the query's case.
* UDP answers bigger than 512 bytes (or the client's EDNS size) come back
  empty with TC set; TCP answers are whole.

Control: when started with --control, a TXT query for
`<n>.load.spfzone.control.` loads scenario n (0-based, from --suite) and
answers a TXT with the scenario's description.
"""

import argparse
import ipaddress
import signal
import socket
import struct
import sys
import threading

from dnslib import (A, AAAA, CNAME, DNSLabel, DNSRecord, EDNS0, MX, PTR,
                    QTYPE, RCODE, RR, SOA, TXT)

TTL = 60
NEG_TTL = 60
TYPE_SPF = 99
CONTROL_SUFFIX = (b"load", b"spfzone", b"control")

DROP = object()  # resolve(): never answer this query


def txt_bytes(s):
    """A suite string as DNS bytes.

    The suite writes raw bytes as YAML escapes ("\\xEF\\xBB\\xBF"), which
    PyYAML decodes to U+00EF...: latin-1 gives the intended bytes back.
    """
    s = "" if s is None else str(s)
    try:
        return s.encode("latin-1")
    except UnicodeEncodeError:
        return s.encode("utf-8")


def txt_rdata(value):
    strings = value if isinstance(value, list) else [value]
    out = []
    for s in strings:
        b = txt_bytes(s)
        out.append(b[:255])
        # a character-string holds at most 255 bytes: split longer ones
        for i in range(255, len(b), 255):
            out.append(b[i:i + 255])
    if not out:
        # `SPF: [ ]`: RFC 1035 TXT rdata needs at least one character-string
        # (BIND's parsers reject an empty one); one empty string is the same
        # empty record once joined.
        out.append(b"")
    return TXT(out)


def key_of(name):
    """Case-insensitive lookup key: tuple of lowercased label bytes."""
    if not isinstance(name, DNSLabel):
        name = DNSLabel(str(name))
    return tuple(label.lower() for label in name.label)


class Entry:
    __slots__ = ("records", "timeout", "cname")

    def __init__(self):
        self.records = {}   # qtype (int) -> [rdata]
        self.timeout = False
        self.cname = None   # DNSLabel target


class Zone:
    """One scenario's zonedata, compiled for lookups."""

    def __init__(self, zonedata=None, description="", literal=False):
        self.description = description
        self.names = {}
        for name, items in (zonedata or {}).items():
            self.names[key_of(name)] = self._entry(name, items or [], literal)

    @staticmethod
    def _entry(name, items, literal=False):
        e = Entry()
        spf = []
        explicit_txt = False

        def add(qtype, rdata):
            e.records.setdefault(qtype, []).append(rdata)

        for item in items:
            if item == "TIMEOUT":
                e.timeout = True
                continue
            if not isinstance(item, dict):
                raise ValueError("%s: unknown zone entry %r" % (name, item))
            for rtype, value in item.items():
                if rtype == "SPF":
                    if value == "NONE":
                        continue
                    add(TYPE_SPF, txt_rdata(value))
                    spf.append(value)
                elif rtype == "TXT":
                    explicit_txt = True
                    if value != "NONE":
                        add(QTYPE.TXT, txt_rdata(value))
                elif rtype == "A":
                    add(QTYPE.A, A(str(ipaddress.IPv4Address(value))))
                elif rtype == "AAAA":
                    add(QTYPE.AAAA, AAAA(str(ipaddress.IPv6Address(value))))
                elif rtype == "MX":
                    pref, host = value
                    add(QTYPE.MX, MX(str(host), int(pref)))
                elif rtype == "PTR":
                    add(QTYPE.PTR, PTR(str(value)))
                elif rtype == "CNAME":
                    e.cname = DNSLabel(str(value))
                    add(QTYPE.CNAME, CNAME(str(value)))
                else:
                    raise ValueError("%s: unknown record type %r"
                                     % (name, rtype))
        if literal:
            # --literal: every SPF entry is also TXT, a TIMEOUT name is
            # silent for every type. Not what the suite means (5 cases of
            # "Record lookup"/"Selecting records" become unpassable for a
            # TXT-only checker); kept to compare with measurements made so.
            explicit_txt = False
        if not explicit_txt:
            for value in spf:
                add(QTYPE.TXT, txt_rdata(value))
        if literal and e.timeout:
            e.records = {}
        return e

    def soa(self, qname):
        labels = DNSLabel(qname).label
        apex = DNSLabel(labels[-2:] if len(labels) >= 2 else labels)
        return RR(apex, QTYPE.SOA, ttl=NEG_TTL,
                  rdata=SOA("ns.spfzone.invalid.", "hostmaster.spfzone.invalid.",
                            (1, 3600, 600, 86400, NEG_TTL)))

    def resolve(self, qname, qtype):
        """(rcode, answers, authority) or DROP."""
        entry = self.names.get(key_of(qname))
        if entry is None:
            return RCODE.NXDOMAIN, [], [self.soa(qname)]
        answers = []
        owner = qname
        seen = set()
        while True:
            if entry.cname is not None and qtype not in (QTYPE.CNAME, QTYPE.ANY):
                answers.append(RR(owner, QTYPE.CNAME, ttl=TTL,
                                  rdata=CNAME(entry.cname)))
                seen.add(key_of(owner))
                owner = entry.cname
                if key_of(owner) in seen:      # loop: stop here
                    return RCODE.NOERROR, answers, []
                entry = self.names.get(key_of(owner))
                if entry is None:
                    return RCODE.NXDOMAIN, answers, [self.soa(owner)]
                continue
            if qtype == QTYPE.ANY:
                found = [(t, rd) for t, rds in entry.records.items() for rd in rds]
            else:
                found = [(qtype, rd) for rd in entry.records.get(qtype, [])]
            if not found:
                if entry.timeout:
                    return DROP
                return RCODE.NOERROR, answers, [self.soa(owner)]
            for t, rd in found:
                answers.append(RR(owner, t, ttl=TTL, rdata=rd))
            return RCODE.NOERROR, answers, []


class ZoneServer:
    """UDP+TCP DNS server; load() swaps the served scenario atomically."""

    def __init__(self, address="127.0.0.1", port=0, log=None, suite=None):
        self.zone = Zone()
        self.literal = False      # for --control loads
        self.log = log            # callable(proto, qname, qtype) or None
        self.suite = suite        # list of scenario dicts, for --control
        family = socket.AF_INET6 if ":" in address else socket.AF_INET
        # Same port for UDP and TCP; with port 0, retry until both bind.
        for _ in range(50):
            udp = socket.socket(family, socket.SOCK_DGRAM)
            udp.bind((address, port))
            chosen = udp.getsockname()[1]
            tcp = socket.socket(family, socket.SOCK_STREAM)
            tcp.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                tcp.bind((address, chosen))
            except OSError:
                udp.close()
                tcp.close()
                if port:
                    raise
                continue
            break
        else:
            raise OSError("no free port for UDP+TCP on %s" % address)
        tcp.listen(128)
        self.udp, self.tcp = udp, tcp
        self.address, self.port = address, chosen

    def load(self, zonedata, description="", literal=False):
        self.zone = Zone(zonedata, description, literal)

    def start(self):
        for target in (self._serve_udp, self._serve_tcp):
            threading.Thread(target=target, daemon=True).start()
        return self

    def close(self):
        for s in (self.udp, self.tcp):
            try:
                s.close()
            except OSError:
                pass

    # -- request handling -------------------------------------------------

    def _control(self, request, labels):
        reply = request.reply(ra=0, aa=1)
        reply.header.ad = 0
        try:
            n = int(labels[0])
            sc = self.suite[n]
            self.load(sc.get("zonedata"), sc.get("description", ""),
                      self.literal)
            reply.add_answer(RR(request.q.qname, QTYPE.TXT, ttl=0,
                                rdata=TXT(txt_bytes(sc.get("description", "")))))
        except (ValueError, IndexError, TypeError):
            reply.header.rcode = RCODE.REFUSED
        return reply.pack()

    def answer(self, data, proto):
        try:
            request = DNSRecord.parse(data)
        except Exception:
            return None
        if request.header.qr or request.header.opcode != 0 or not request.questions:
            return None
        q = request.q
        if self.log:
            self.log(proto, str(q.qname), QTYPE.get(q.qtype, "TYPE%d" % q.qtype))
        labels = key_of(q.qname)
        if self.suite is not None and labels[1:] == CONTROL_SUFFIX:
            return self._control(request, labels)

        zone = self.zone  # one snapshot for the whole answer
        res = zone.resolve(q.qname, q.qtype)
        if res is DROP:
            return None
        rcode, answers, authority = res
        reply = request.reply(ra=0, aa=1)
        reply.header.ad = 0
        reply.header.rcode = rcode
        for rr in answers:
            reply.add_answer(rr)
        for rr in authority:
            reply.add_auth(rr)
        limit = 512
        for rr in request.ar:
            if rr.rtype == QTYPE.OPT:
                limit = max(512, rr.rclass)
                reply.add_ar(EDNS0(udp_len=1232))
        packed = reply.pack()
        if proto == "udp" and len(packed) > limit:
            reply.rr, reply.auth = [], []
            reply.header.tc = 1
            packed = reply.pack()
        return packed

    def _handle(self, data, proto, send):
        try:
            packed = self.answer(data, proto)
        except Exception as exc:  # never let one odd query kill the server
            sys.stderr.write("spfzone: %s: %r\n" % (proto, exc))
            try:
                req = DNSRecord.parse(data)
                rep = req.reply(ra=0, aa=1)
                rep.header.rcode = RCODE.SERVFAIL
                packed = rep.pack()
            except Exception:
                return
        if packed is None:
            return
        try:
            send(packed)
        except OSError:
            pass

    def _serve_udp(self):
        while True:
            try:
                data, peer = self.udp.recvfrom(65535)
            except OSError:
                if self.udp.fileno() < 0:
                    return
                continue
            threading.Thread(
                target=self._handle, daemon=True,
                args=(data, "udp", lambda b, p=peer: self.udp.sendto(b, p)),
            ).start()

    def _serve_tcp(self):
        while True:
            try:
                conn, _ = self.tcp.accept()
            except OSError:
                if self.tcp.fileno() < 0:
                    return
                continue
            threading.Thread(target=self._serve_conn, args=(conn,),
                             daemon=True).start()

    def _serve_conn(self, conn):
        # Queries are answered as they complete; a dropped one just leaves
        # the connection open until the client gives up.
        lock = threading.Lock()

        def send(payload):
            with lock:
                conn.sendall(struct.pack("!H", len(payload)) + payload)

        try:
            while True:
                head = _recv_exact(conn, 2)
                if head is None:
                    break
                data = _recv_exact(conn, struct.unpack("!H", head)[0])
                if data is None:
                    break
                threading.Thread(target=self._handle, daemon=True,
                                 args=(data, "tcp", send)).start()
        except OSError:
            pass
        finally:
            conn.close()


def _recv_exact(conn, n):
    buf = b""
    while len(buf) < n:
        chunk = conn.recv(n - len(buf))
        if not chunk:
            return None
        buf += chunk
    return buf


def load_suite(path):
    import yaml  # python3-yaml
    with open(path, "rb") as fh:
        return [d for d in yaml.safe_load_all(fh) if d]


def main():
    here = __file__.rsplit("/", 1)[0] if "/" in __file__ else "."
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--address", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=53537)
    ap.add_argument("--suite", default=here + "/rfc7208-tests.yml")
    ap.add_argument("--scenario", default="0",
                    help="index (0-based) or description of the scenario")
    ap.add_argument("--control", action="store_true",
                    help="accept TXT <n>.load.spfzone.control. to switch")
    ap.add_argument("--literal", action="store_true",
                    help="SPF entries always also TXT; TIMEOUT silences the "
                         "whole name (not the suite's meaning, see above)")
    ap.add_argument("--log", action="store_true", help="log queries to stderr")
    ap.add_argument("--pidfile")
    args = ap.parse_args()

    suite = load_suite(args.suite)
    if args.scenario.isdigit():
        scenario = suite[int(args.scenario)]
    else:
        matches = [s for s in suite if s.get("description") == args.scenario]
        if not matches:
            ap.error("no scenario %r; have: %s" % (
                args.scenario, ", ".join(s.get("description", "") for s in suite)))
        scenario = matches[0]

    def log(proto, qname, qtype):
        sys.stderr.write("%s %s %s\n" % (proto, qname, qtype))
        sys.stderr.flush()

    server = ZoneServer(args.address, args.port, log=log if args.log else None,
                        suite=suite if args.control else None)
    server.literal = args.literal
    server.load(scenario.get("zonedata"), scenario.get("description", ""),
                args.literal)
    server.start()
    if args.pidfile:
        with open(args.pidfile, "w") as fh:
            fh.write("%d\n" % __import__("os").getpid())
    sys.stderr.write("spfzone: serving %r on %s port %d\n"
                     % (scenario.get("description"), server.address, server.port))
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        signal.pause()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
