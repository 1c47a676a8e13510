#!/usr/bin/python3
"""One DNS address for the receiver comparison: NSD's zones and faultd's faults.

rspamd takes one set of name servers and asks every name of every
scenario there; so does mailcheck's mailcheck.resolver. The fixture zones
live on NSD (127.0.0.1:53535), the scripted faults on faultd
(127.0.0.1:53536), and each refuses what the other serves. This forwards
every query to NSD and, when NSD refuses it, to faultd, and relays
faultd's answer as it comes (late, or never, as faultd decides): a name
times out here exactly when it times out at faultd. hostile.example.net,
which faultd serves inside NSD's example.net, goes to faultd first. A name
both refuse does not exist (NXDOMAIN), as a recursive resolver answers for
made-up and reserved names (webshop.local). Each query on its own thread,
over UDP and TCP. Nothing is cached; answers are relayed unchanged.
"""

import argparse
import os
import signal
import socket
import struct
import sys
import threading

RCODE_NXDOMAIN = 3
RCODE_REFUSED = 5
# Names faultd serves below a zone of NSD's.
FAULTD_FIRST = (b"hostile.example.net",)
# Longer than faultd's longest scripted delay (5 s): a dropped query is
# simply never answered, as the client would see it at faultd.
UPSTREAM_WAIT = 6.0


def ask_udp(server, query):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.settimeout(UPSTREAM_WAIT)
    try:
        s.sendto(query, server)
        while True:
            data, _ = s.recvfrom(65535)
            if data[:2] == query[:2]:
                return data
    except OSError:
        return None
    finally:
        s.close()


def recv_exact(conn, n):
    buf = b""
    while len(buf) < n:
        chunk = conn.recv(n - len(buf))
        if not chunk:
            return None
        buf += chunk
    return buf


def ask_tcp(server, query):
    try:
        with socket.create_connection(server, timeout=UPSTREAM_WAIT) as s:
            s.sendall(struct.pack("!H", len(query)) + query)
            head = recv_exact(s, 2)
            return recv_exact(s, struct.unpack("!H", head)[0]) if head else None
    except OSError:
        return None


def question(query):
    """The question's name (lower-case, no trailing dot) and where the question ends."""
    labels, pos = [], 12
    while pos < len(query) and query[pos] != 0:
        n = query[pos]
        labels.append(query[pos + 1:pos + 1 + n])
        pos += 1 + n
    return b".".join(labels).lower(), pos + 5


def refused(answer):
    return answer is not None and len(answer) >= 12 and answer[3] & 0x0F == RCODE_REFUSED


def nxdomain(query):
    """The reply a recursive resolver gives for a name nobody serves: the
    question echoed, QR RD RA set, rcode NXDOMAIN, no records."""
    end = question(query)[1]
    flags = 0x8080 | (query[2] & 0x01) << 8 | RCODE_NXDOMAIN
    return query[:2] + struct.pack("!HHHHH", flags, 1, 0, 0, 0) + query[12:end]


def route(query, ask, zones, faults):
    name = question(query)[0]
    first, second = (faults, zones) if any(name == z or name.endswith(b"." + z) for z in FAULTD_FIRST) \
        else (zones, faults)
    answer = ask(first, query)
    if refused(answer):
        answer = ask(second, query)
        if refused(answer):
            return nxdomain(query)
    return answer


def serve_udp(sock, zones, faults):
    def one(data, peer):
        answer = route(data, ask_udp, zones, faults)
        if answer is not None:
            sock.sendto(answer, peer)
    while True:
        data, peer = sock.recvfrom(65535)
        threading.Thread(target=one, args=(data, peer), daemon=True).start()


def serve_tcp(sock, zones, faults):
    def conn_loop(conn):
        lock = threading.Lock()

        def one(query):
            answer = route(query, ask_tcp, zones, faults)
            if answer is not None:
                with lock:
                    try:
                        conn.sendall(struct.pack("!H", len(answer)) + answer)
                    except OSError:
                        pass
        with conn:
            while True:
                head = recv_exact(conn, 2)
                query = recv_exact(conn, struct.unpack("!H", head)[0]) if head else None
                if query is None:
                    return
                threading.Thread(target=one, args=(query,), daemon=True).start()
    while True:
        conn, _ = sock.accept()
        threading.Thread(target=conn_loop, args=(conn,), daemon=True).start()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--port", type=int, default=53537)
    ap.add_argument("--zones", type=int, default=53535, help="NSD's port")
    ap.add_argument("--faults", type=int, default=53536, help="faultd's port")
    ap.add_argument("--pidfile")
    args = ap.parse_args()
    zones, faults = ("127.0.0.1", args.zones), ("127.0.0.1", args.faults)

    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    udp.bind(("127.0.0.1", args.port))
    tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    tcp.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    tcp.bind(("127.0.0.1", args.port))
    tcp.listen(64)
    if args.pidfile:
        with open(args.pidfile, "w") as f:
            f.write("%d\n" % os.getpid())
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    threading.Thread(target=serve_tcp, args=(tcp, zones, faults), daemon=True).start()
    serve_udp(udp, zones, faults)


if __name__ == "__main__":
    main()
