#!/usr/bin/env python3
"""Scripted misbehaving SMTP peers on 127.0.0.1 for the mail_check_mta() tests.

One listening socket per behaviour (ports in tests/smtp/README.md), one thread
per connection. Python 3 standard library only. Nothing here accepts mail:
every command but EHLO, HELO and QUIT gets 502.

Usage: peer.py [--host 127.0.0.1] [--base 2527] [--pidfile FILE] [--log FILE]
"""
import argparse
import os
import signal
import socket
import sys
import threading
import time

LOG = None
LOG_LOCK = threading.Lock()


def log(msg):
    if LOG is None:
        return
    with LOG_LOCK:
        LOG.write(time.strftime("%H:%M:%S ") + msg + "\n")
        LOG.flush()


def send(conn, lines, eol=b"\r\n"):
    conn.sendall(b"".join(l.encode() + eol for l in lines))


def reply(code, lines):
    """The lines of one multi-line reply: "code-..." then "code ..."."""
    return ["%d-%s" % (code, l) for l in lines[:-1]] + ["%d %s" % (code, lines[-1])]


NORMAL_EHLO = ["mailgate.example.com", "PIPELINING", "SIZE 10240000", "8BITMIME",
               "ENHANCEDSTATUSCODES", "SMTPUTF8"]


def read_lines(conn):
    """Yields the lines the client sends (without line end) until it closes."""
    buf = b""
    while True:
        try:
            data = conn.recv(4096)
        except OSError:
            return
        if not data:
            return
        buf += data
        while b"\n" in buf:
            line, buf = buf.split(b"\n", 1)
            yield line.rstrip(b"\r").decode("latin-1")


def dialogue(conn, ehlo_lines, eol=b"\r\n", answer_ehlo=True):
    """Answers commands until QUIT or the client closes."""
    for line in read_lines(conn):
        verb = line.split(" ", 1)[0].upper()
        log("  < %s" % line)
        if verb == "EHLO":
            if not answer_ehlo:
                continue  # hold the silence until the client gives up
            send(conn, reply(250, ehlo_lines), eol)
        elif verb == "HELO":
            send(conn, ["250 %s" % ehlo_lines[0]], eol)
        elif verb == "QUIT":
            send(conn, ["221 2.0.0 bye"], eol)
            return
        else:
            send(conn, ["502 5.5.2 not here: this peer accepts no mail"], eol)


def hold(conn):
    """Never speaks; returns when the client closes."""
    for _ in read_lines(conn):
        pass


# --- the behaviours, by offset from the base port -----------------------

def busy_554(conn):  # 2527
    send(conn, ["554 5.3.2 mailgate busy"])
    dialogue(conn, NORMAL_EHLO)


def long_greeting(conn):  # 2528
    lines = ["mailgate.example.com ESMTP"]
    lines += ["line %03d of a greeting split over 200 lines" % i for i in range(2, 200)]
    lines += ["ready"]
    send(conn, reply(220, lines))
    dialogue(conn, NORMAL_EHLO)


def silent(conn):  # 2529
    hold(conn)


def close_at_once(conn):  # 2530
    pass  # the caller closes


def bad_banner(conn):  # 2531
    send(conn, ["220 ESMTP mailgate"])
    dialogue(conn, ["mailgate", "PIPELINING", "8BITMIME"])


def slow_greeting(conn):  # 2532
    time.sleep(1.5)
    send(conn, ["220 slow.example.com ESMTP"])
    dialogue(conn, ["slow.example.com", "PIPELINING", "STARTTLS"])


def many_extensions(conn):  # 2533
    send(conn, ["220 big.example.com ESMTP"])
    dialogue(conn, ["big.example.com"] + ["X-EXT-%04d" % i for i in range(1, 999)] + ["STARTTLS"])


def bare_lf(conn):  # 2534
    send(conn, reply(220, ["lf.example.com ESMTP", "bare LF line ends"]), b"\n")
    dialogue(conn, ["lf.example.com", "SIZE 1000000", "starttls"], b"\n")


def overlong_line(conn):  # 2535
    send(conn, ["220 " + "a" * 1200])
    hold(conn)


def overlong_reply(conn):  # 2536
    # 1000 lines of 80 octets: every line is fine, the reply (~80 KiB) is not.
    line = "huge.example.com " + "x" * 59
    send(conn, reply(220, [line] * 1000))
    hold(conn)


def mute_after_greeting(conn):  # 2537
    send(conn, ["220 mute.example.com ESMTP"])
    dialogue(conn, NORMAL_EHLO, answer_ehlo=False)


def not_smtp(conn):  # 2538
    send(conn, ["SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3"])
    hold(conn)


def greet_then_close(conn):  # 2539
    send(conn, ["220 gone.example.com ESMTP"])


BEHAVIOURS = [busy_554, long_greeting, silent, close_at_once, bad_banner,
              slow_greeting, many_extensions, bare_lf, overlong_line,
              overlong_reply, mute_after_greeting, not_smtp, greet_then_close]
# base + len(BEHAVIOURS): a listener whose accept queue is kept full, so a
# connect to it is never answered (SYNs dropped): "timed out connecting".
NO_HANDSHAKE_OFFSET = len(BEHAVIOURS)


def handle(conn, behaviour, port):
    log("%d: connection (%s)" % (port, behaviour.__name__))
    try:
        behaviour(conn)
    except OSError as e:
        log("%d: %s" % (port, e))
    finally:
        try:
            conn.close()
        except OSError:
            pass
    log("%d: closed" % port)


def serve(sock, behaviour, port):
    while True:
        try:
            conn, _ = sock.accept()
        except OSError:
            return
        threading.Thread(target=handle, args=(conn, behaviour, port), daemon=True).start()


def listener(host, port, backlog=64):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((host, port))
    s.listen(backlog)
    return s


def no_handshake(host, port):
    """Listens with a backlog of 0 and never accepts; fills the accept queue
    with our own connections. Linux then drops further SYNs."""
    s = listener(host, port, 0)
    fillers = []
    for _ in range(4):
        c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        c.setblocking(False)
        try:
            c.connect((host, port))
        except BlockingIOError:
            pass
        fillers.append(c)
        time.sleep(0.05)
    return s, fillers


def main():
    global LOG
    ap = argparse.ArgumentParser()
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--base", type=int, default=2527)
    ap.add_argument("--pidfile")
    ap.add_argument("--log")
    args = ap.parse_args()
    if args.log:
        LOG = open(args.log, "a")

    socks = []
    for i, behaviour in enumerate(BEHAVIOURS):
        port = args.base + i
        s = listener(args.host, port)
        socks.append(s)
        threading.Thread(target=serve, args=(s, behaviour, port), daemon=True).start()
    held = no_handshake(args.host, args.base + NO_HANDSHAKE_OFFSET)

    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    signal.signal(signal.SIGINT, lambda *_: done.set())
    # Written last: the pidfile means "all ports are listening".
    if args.pidfile:
        with open(args.pidfile + ".tmp", "w") as f:
            f.write("%d\n" % os.getpid())
        os.rename(args.pidfile + ".tmp", args.pidfile)
    log("listening on %s:%d-%d" % (args.host, args.base, args.base + NO_HANDSHAKE_OFFSET))
    while not done.wait(1):
        pass
    for s in socks + [held[0]] + held[1]:
        s.close()
    if args.pidfile:
        try:
            os.unlink(args.pidfile)
        except OSError:
            pass
    log("stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
