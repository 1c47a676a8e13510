#include "mc_smtp.h"
#include "mc_clock.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

/* A server that closes the connection must not kill PHP with SIGPIPE.
 * Linux has a per-call flag; BSDs and macOS a socket option instead. */
#ifndef MSG_NOSIGNAL
#define MSG_NOSIGNAL 0
#endif

/* Outcomes of one read or write, mapped to a failure text by the phase
 * (greeting, EHLO) that was waiting. */
typedef enum {
	IO_OK = 0,
	IO_TIMEOUT,
	IO_CLOSED,
	IO_RESET,
	IO_ERROR,
	IO_LINE_TOO_LONG,
	IO_REPLY_TOO_LONG,
	IO_MALFORMED,
	IO_NOMEM
} io_status;

typedef struct {
	int fd;
	/* Room for one longest line with its CRLF and one more octet: a line
	 * that has not ended by then is too long, whatever follows. */
	char buf[MC_SMTP_MAX_LINE + 3];
	size_t start, end;
} conn;

typedef struct {
	int code;
	char *text;   /* raw lines joined with \n */
	size_t len;
} reply;

/* Waits until fd is ready for events or the deadline passes. */
static io_status wait_fd(int fd, short events, int64_t deadline_ms)
{
	for (;;) {
		int64_t left = deadline_ms - mc_now_ms();
		if (left <= 0) {
			return IO_TIMEOUT;
		}
		struct pollfd pfd = { fd, events, 0 };
		int n = poll(&pfd, 1, left > 60000 ? 60000 : (int)left);
		if (n > 0) {
			return IO_OK; /* errors and hangups show up in the next recv/send */
		}
		if (n < 0 && errno != EINTR) {
			return IO_ERROR;
		}
	}
}

static io_status fill(conn *c, int64_t deadline_ms)
{
	if (c->start > 0) {
		memmove(c->buf, c->buf + c->start, c->end - c->start);
		c->end -= c->start;
		c->start = 0;
	}
	for (;;) {
		ssize_t n = recv(c->fd, c->buf + c->end, sizeof(c->buf) - c->end, 0);
		if (n > 0) {
			c->end += (size_t)n;
			return IO_OK;
		}
		if (n == 0) {
			return IO_CLOSED;
		}
		if (errno == EINTR) {
			continue;
		}
		if (errno == ECONNRESET) {
			return IO_RESET;
		}
		if (errno != EAGAIN && errno != EWOULDBLOCK) {
			return IO_ERROR;
		}
		io_status st = wait_fd(c->fd, POLLIN, deadline_ms);
		if (st != IO_OK) {
			return st;
		}
	}
}

/* One line without its line end; bare LF is taken as CRLF, since enough
 * servers and middleboxes send it to be worth understanding. */
static io_status read_line(conn *c, int64_t deadline_ms, const char **line, size_t *len)
{
	size_t scanned = 0;
	for (;;) {
		char *lf = memchr(c->buf + c->start + scanned, '\n', c->end - c->start - scanned);
		if (lf) {
			size_t n = (size_t)(lf - (c->buf + c->start));
			*line = c->buf + c->start;
			c->start += n + 1;
			if (n > 0 && (*line)[n - 1] == '\r') {
				n--;
			}
			if (n > MC_SMTP_MAX_LINE) {
				return IO_LINE_TOO_LONG;
			}
			*len = n;
			return IO_OK;
		}
		scanned = c->end - c->start;
		if (scanned > MC_SMTP_MAX_LINE + 1) {
			return IO_LINE_TOO_LONG;
		}
		io_status st = fill(c, deadline_ms);
		if (st != IO_OK) {
			return st;
		}
	}
}

/* "250-...", "250 ...", or a bare "250": the code, and whether more lines follow. */
static int parse_reply_line(const char *line, size_t len, int *code, int *more)
{
	if (len < 3 || line[0] < '2' || line[0] > '5' || line[1] < '0' || line[1] > '9'
			|| line[2] < '0' || line[2] > '9') {
		return -1;
	}
	if (len > 3 && line[3] != '-' && line[3] != ' ') {
		return -1;
	}
	/* A NUL would cut the text short for every C string reader after us. */
	if (memchr(line, '\0', len)) {
		return -1;
	}
	*code = (line[0] - '0') * 100 + (line[1] - '0') * 10 + (line[2] - '0');
	*more = len > 3 && line[3] == '-';
	return 0;
}

/* A whole reply (RFC 5321 §4.2.1): continuation lines "NNN-", the last "NNN ". */
static io_status read_reply(conn *c, int64_t deadline_ms, reply *r)
{
	size_t cap = 0;
	int more = 1;
	r->code = 0;
	r->text = NULL;
	r->len = 0;

	while (more) {
		const char *line;
		size_t len;
		io_status st = read_line(c, deadline_ms, &line, &len);
		if (st != IO_OK) {
			return st;
		}
		int code;
		if (parse_reply_line(line, len, &code, &more) < 0) {
			return IO_MALFORMED;
		}
		/* Servers disagree on whether the code may change between lines;
		 * the last line ends the reply, so its code is the reply's. */
		r->code = code;

		size_t need = r->len + (r->len ? 1 : 0) + len;
		if (need > MC_SMTP_MAX_REPLY) {
			return IO_REPLY_TOO_LONG;
		}
		if (need + 1 > cap) {
			size_t ncap = cap ? cap * 2 : 256;
			while (ncap < need + 1) {
				ncap *= 2;
			}
			char *p = realloc(r->text, ncap);
			if (!p) {
				return IO_NOMEM;
			}
			r->text = p;
			cap = ncap;
		}
		if (r->len) {
			r->text[r->len++] = '\n';
		}
		memcpy(r->text + r->len, line, len);
		r->len += len;
		r->text[r->len] = '\0';
	}
	return IO_OK;
}

static io_status send_all(int fd, const char *data, size_t len, int64_t deadline_ms)
{
	while (len > 0) {
		ssize_t n = send(fd, data, len, MSG_NOSIGNAL);
		if (n > 0) {
			data += n;
			len -= (size_t)n;
			continue;
		}
		if (n < 0 && errno == EINTR) {
			continue;
		}
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
			io_status st = wait_fd(fd, POLLOUT, deadline_ms);
			if (st != IO_OK) {
				return st;
			}
			continue;
		}
		return (n < 0 && (errno == EPIPE || errno == ECONNRESET)) ? IO_CLOSED : IO_ERROR;
	}
	return IO_OK;
}

/* The first word of text (up to a space or the line's end), as a new string;
 * NULL when there is none. */
static char *first_word(const char *text, size_t len)
{
	while (len > 0 && (*text == ' ' || *text == '\t')) {
		text++;
		len--;
	}
	size_t n = 0;
	while (n < len && text[n] != ' ' && text[n] != '\t' && text[n] != '\n') {
		n++;
	}
	if (n == 0) {
		return NULL;
	}
	char *word = malloc(n + 1);
	if (word) {
		memcpy(word, text, n);
		word[n] = '\0';
	}
	return word;
}

static int is_starttls(const char *ext)
{
	size_t n = 0;
	while (ext[n] && ext[n] != ' ' && ext[n] != '\t') {
		n++;
	}
	return n == 8 && strncasecmp(ext, "STARTTLS", 8) == 0;
}

/* Fills the EHLO fields from a 250 reply: the first line names the server,
 * every further line is one extension. */
static int parse_ehlo(mc_smtp_probe *out, const reply *r)
{
	const char *line = r->text;
	const char *end = r->text + r->len;
	const char *nl = memchr(line, '\n', (size_t)(end - line));
	size_t first_len = (size_t)((nl ? nl : end) - line);

	if (first_len > 4) {
		out->ehlo_hostname = first_word(line + 4, first_len - 4);
		if (!out->ehlo_hostname) {
			return -1;
		}
	}
	size_t lines = 0;
	for (const char *p = line; p < end; p++) {
		lines += *p == '\n';
	}
	if (lines == 0) {
		return 0;
	}
	out->extensions = calloc(lines, sizeof(char *));
	if (!out->extensions) {
		return -1;
	}
	while (nl) {
		line = nl + 1;
		nl = memchr(line, '\n', (size_t)(end - line));
		size_t len = (size_t)((nl ? nl : end) - line);
		if (len <= 4) {
			continue; /* "250-" with nothing after it names no extension */
		}
		char *ext = malloc(len - 4 + 1);
		if (!ext) {
			return -1;
		}
		memcpy(ext, line + 4, len - 4);
		ext[len - 4] = '\0';
		out->extensions[out->extension_count++] = ext;
		if (is_starttls(ext)) {
			out->starttls = 1;
		}
	}
	return 0;
}

static const char *read_failure(io_status st, int greeting)
{
	switch (st) {
		case IO_TIMEOUT: return greeting ? "timed out waiting for the greeting" : "timed out waiting for the EHLO reply";
		case IO_CLOSED: return greeting ? "connection closed before the greeting" : "connection closed before the EHLO reply";
		case IO_MALFORMED: return greeting ? "malformed greeting (not an SMTP server?)" : "malformed EHLO reply";
		case IO_RESET: return "connection reset";
		case IO_LINE_TOO_LONG: return "reply line too long";
		case IO_REPLY_TOO_LONG: return "reply too long";
		case IO_NOMEM: return "out of memory";
		default: return "read error";
	}
}

static int valid_ehlo_name(const char *name)
{
	size_t n = strlen(name);
	if (n == 0 || n > 255) {
		return 0;
	}
	/* Anything that could end the command line early would let the caller
	 * smuggle a second command (a MAIL FROM) into the dialogue. */
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)name[i];
		if (ch <= ' ' || ch == 0x7f) {
			return 0;
		}
	}
	return 1;
}

static const char timed_out_connecting[] = "timed out connecting";

/* Connects fd to one address by attempt_deadline; returns NULL or the reason. */
static const char *connect_one(int fd, const struct sockaddr *sa, socklen_t salen, int64_t attempt_deadline)
{
	if (connect(fd, sa, salen) == 0) {
		return NULL;
	}
	int err = errno;
	if (err == EINPROGRESS || err == EINTR) {
		io_status st = wait_fd(fd, POLLOUT, attempt_deadline);
		if (st == IO_TIMEOUT) {
			return timed_out_connecting;
		}
		if (st != IO_OK) {
			return "connect failed";
		}
		socklen_t len = sizeof(err);
		if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0) {
			err = errno;
		}
		if (err == 0) {
			return NULL;
		}
	}
	switch (err) {
		case ECONNREFUSED: return "connection refused";
		case ENETUNREACH:
		case EHOSTUNREACH: return "network unreachable";
		case ETIMEDOUT: return timed_out_connecting;
		default: return "connect failed";
	}
}

static int open_socket(int family)
{
	int fd = socket(family, SOCK_STREAM, IPPROTO_TCP);
	if (fd < 0) {
		return -1;
	}
	int flags = fcntl(fd, F_GETFL, 0);
	if (flags < 0 || fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0
			|| fcntl(fd, F_SETFD, FD_CLOEXEC) < 0) {
		close(fd);
		return -1;
	}
#ifdef SO_NOSIGPIPE
	int one = 1;
	setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, sizeof(one));
#endif
	return fd;
}

/* The socket address of ip:port; returns its length. */
static socklen_t to_sockaddr(const mc_ip *ip, int port, struct sockaddr_storage *ss)
{
	memset(ss, 0, sizeof(*ss));
	if (ip->family == AF_INET6) {
		struct sockaddr_in6 *sa = (struct sockaddr_in6 *)ss;
		sa->sin6_family = AF_INET6;
		sa->sin6_port = htons((uint16_t)port);
		memcpy(&sa->sin6_addr, ip->addr, 16);
		return sizeof(*sa);
	}
	struct sockaddr_in *sa = (struct sockaddr_in *)ss;
	sa->sin_family = AF_INET;
	sa->sin_port = htons((uint16_t)port);
	memcpy(&sa->sin_addr, ip->addr, 4);
	return sizeof(*sa);
}

/* Tries each address with an even share of the time left, so that one
 * address that swallows SYNs does not use up the time of the next. The
 * failure reported is the last address's. */
static int connect_any(const mc_ip *addrs, size_t count, int port, int64_t deadline_ms, mc_smtp_probe *out)
{
	out->failure = "no address to connect to";
	for (size_t i = 0; i < count; i++) {
		int64_t now = mc_now_ms();
		if (now >= deadline_ms) {
			out->failure = timed_out_connecting;
			break;
		}
		int64_t attempt_deadline = now + (deadline_ms - now) / (int64_t)(count - i);
		if (!inet_ntop(addrs[i].family, addrs[i].addr, out->address, sizeof(out->address))) {
			out->address[0] = '\0';
		}
		struct sockaddr_storage ss;
		socklen_t sslen = to_sockaddr(&addrs[i], port, &ss);
		int fd = open_socket(addrs[i].family);
		if (fd < 0) {
			out->failure = "connect failed";
			continue;
		}
		out->failure = connect_one(fd, (const struct sockaddr *)&ss, sslen, attempt_deadline);
		if (!out->failure) {
			out->connected = 1;
			return fd;
		}
		close(fd);
	}
	out->timed_out = out->failure == timed_out_connecting;
	return -1;
}

/* Says QUIT and waits briefly for the 221; neither outcome matters. */
static void say_quit(conn *c, int64_t deadline_ms, mc_smtp_probe *out)
{
	int64_t grace = mc_now_ms() + MC_SMTP_QUIT_GRACE_MS;
	if (grace < deadline_ms) {
		deadline_ms = grace;
	}
	static const char quit[] = "QUIT\r\n";
	if (send_all(c->fd, quit, sizeof(quit) - 1, deadline_ms) != IO_OK) {
		return;
	}
	reply r;
	if (read_reply(c, deadline_ms, &r) == IO_OK) {
		out->quit_code = r.code;
	}
	free(r.text);
}

int mc_smtp_probe_run(const mc_ip *addrs, size_t count, int port, const char *ehlo_name, int64_t deadline_ms,
		mc_smtp_probe *out)
{
	memset(out, 0, sizeof(*out));
	out->greeting_ms = -1;
	if (!ehlo_name) {
		ehlo_name = "localhost";
	}
	if (port < 1 || port > 65535) {
		out->failure = "invalid port";
		return -1;
	}
	if (!valid_ehlo_name(ehlo_name)) {
		out->failure = "invalid EHLO name";
		return -1;
	}
	conn *c = malloc(sizeof(*c));
	if (!c) {
		out->failure = "out of memory";
		return -1;
	}
	c->start = c->end = 0;
	c->fd = connect_any(addrs, count, port, deadline_ms, out);
	if (c->fd < 0) {
		free(c);
		return -1;
	}
	int64_t connected_us = mc_now_us();

	reply r;
	io_status st = read_reply(c, deadline_ms, &r);
	if (st != IO_OK) {
		free(r.text);
		out->failure = read_failure(st, 1);
		out->timed_out = st == IO_TIMEOUT;
		goto done;
	}
	out->greeting_ms = (mc_now_us() - connected_us) / 1000;
	out->greeting_code = r.code;
	out->banner = r.text;
	if (r.code == 220 && r.len > 4) {
		size_t first = strcspn(r.text, "\n");
		if (first > 4 && !(out->hostname = first_word(r.text + 4, first - 4))) {
			out->failure = "out of memory";
			goto done;
		}
	}
	if (r.code != 220) {
		/* 554 and friends: the server will not talk to us; RFC 5321 §3.1
		 * still expects a QUIT from the client. */
		say_quit(c, deadline_ms, out);
		goto done;
	}

	char cmd[5 + 255 + 3];
	int cmdlen = snprintf(cmd, sizeof(cmd), "EHLO %s\r\n", ehlo_name);
	st = send_all(c->fd, cmd, (size_t)cmdlen, deadline_ms);
	if (st == IO_OK) {
		st = read_reply(c, deadline_ms, &r);
		if (st == IO_OK) {
			out->ehlo_code = r.code;
			out->ehlo_reply = r.text;
			if (r.code == 250 && parse_ehlo(out, &r) < 0) {
				out->failure = "out of memory";
				goto done;
			}
		} else {
			free(r.text);
			out->failure = read_failure(st, 0);
		}
	} else {
		out->failure = st == IO_TIMEOUT ? "timed out sending EHLO"
			: st == IO_CLOSED ? "connection closed before the EHLO reply" : "connection reset";
	}
	out->timed_out = st == IO_TIMEOUT;
	if (st == IO_OK) {
		say_quit(c, deadline_ms, out);
	}

done:
	close(c->fd);
	free(c);
	return out->failure ? -1 : 0;
}

void mc_smtp_probe_free(mc_smtp_probe *p)
{
	if (!p) {
		return;
	}
	free(p->banner);
	free(p->hostname);
	free(p->ehlo_reply);
	free(p->ehlo_hostname);
	for (size_t i = 0; i < p->extension_count; i++) {
		free(p->extensions[i]);
	}
	free(p->extensions);
	p->banner = p->hostname = p->ehlo_reply = p->ehlo_hostname = NULL;
	p->extensions = NULL;
	p->extension_count = 0;
}
