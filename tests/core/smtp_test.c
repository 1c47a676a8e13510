/* The SMTP probe against the live loopback fixtures (tests/smtp/serve start):
 * Postfix on 2525/2526, the scripted peers of tests/smtp/peer.py on 2527-2540.
 *   cc -Wall -Wextra -I ext/core tests/core/smtp_test.c ext/core/mc_smtp.c -o /tmp/smtp_test
 * Prints each failed check and "N passed, M failed"; exits non-zero on a failure. */
#include "mc_smtp.h"
#include "mc_clock.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static int passed, failed;
static const char *current;

#define CHECK(cond) check_((cond), #cond, __LINE__)

static void check_(int ok, const char *what, int line)
{
	if (ok) {
		passed++;
	} else {
		failed++;
		printf("FAIL %s (line %d): %s\n", current, line, what);
	}
}

static int streq(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

static int starts(const char *s, const char *prefix)
{
	return s && strncmp(s, prefix, strlen(prefix)) == 0;
}

static int has_ext(const mc_smtp_probe *p, const char *ext)
{
	for (size_t i = 0; i < p->extension_count; i++) {
		if (streq(p->extensions[i], ext)) {
			return 1;
		}
	}
	return 0;
}

static size_t count_lines(const char *s)
{
	size_t n = s && *s ? 1 : 0;
	for (; s && *s; s++) {
		n += *s == '\n';
	}
	return n;
}

static char ehlo_name[64];

/* An address written as text, for the tables below. */
static mc_ip ip(const char *text)
{
	mc_ip out;
	memset(&out, 0, sizeof(out));
	out.family = strchr(text, ':') ? AF_INET6 : AF_INET;
	if (inet_pton(out.family, text, out.addr) != 1) {
		printf("bad address in the test: %s\n", text);
		exit(2);
	}
	return out;
}

static const mc_ip *ip4_loopback(void)
{
	static mc_ip lo;
	lo = ip("127.0.0.1");
	return &lo;
}

/* Runs one probe with a budget; *elapsed_ms gets the wall time it took. */
static int probe_list(const char *label, const mc_ip *addrs, size_t count, int port, int budget_ms, mc_smtp_probe *p,
		int64_t *elapsed_ms)
{
	current = label;
	int64_t start = mc_now_ms();
	int rc = mc_smtp_probe_run(addrs, count, port, ehlo_name, start + budget_ms, p);
	*elapsed_ms = mc_now_ms() - start;
	if (getenv("SMTP_TEST_VERBOSE")) {
		printf("-- %s: rc=%d connected=%d address=%s greeting=%d hostname=%s ehlo=%d ehlo_hostname=%s "
			"extensions=%zu starttls=%d quit=%d greeting_ms=%lld failure=%s timed_out=%d elapsed=%lld\n",
			label, rc, p->connected, p->address, p->greeting_code, p->hostname ? p->hostname : "(null)",
			p->ehlo_code, p->ehlo_hostname ? p->ehlo_hostname : "(null)", p->extension_count, p->starttls,
			p->quit_code, (long long)p->greeting_ms, p->failure ? p->failure : "(null)", p->timed_out,
			(long long)*elapsed_ms);
	}
	return rc;
}

static int probe(const char *label, const char *address, int port, int budget_ms, mc_smtp_probe *p, int64_t *elapsed_ms)
{
	mc_ip addr = ip(address);
	return probe_list(label, &addr, 1, port, budget_ms, p, elapsed_ms);
}

static void test_postfix(int port, int tls)
{
	mc_smtp_probe p;
	int64_t ms;
	int rc = probe(tls ? "postfix STARTTLS 2526" : "postfix plain 2525", "127.0.0.1", port, 3000, &p, &ms);
	CHECK(rc == 0);
	CHECK(p.failure == NULL);
	CHECK(p.connected == 1);
	CHECK(streq(p.address, "127.0.0.1"));
	CHECK(p.greeting_code == 220);
	CHECK(streq(p.banner, "220 mx.mailcheck.test ESMTP Postfix"));
	CHECK(streq(p.hostname, "mx.mailcheck.test"));
	CHECK(p.ehlo_code == 250);
	CHECK(starts(p.ehlo_reply, "250-mx.mailcheck.test\n250-PIPELINING\n"));
	CHECK(streq(p.ehlo_hostname, "mx.mailcheck.test"));
	CHECK(has_ext(&p, "PIPELINING"));
	CHECK(has_ext(&p, "SIZE 10240000"));
	CHECK(has_ext(&p, "CHUNKING"));
	CHECK(!has_ext(&p, "mx.mailcheck.test"));
	CHECK(p.starttls == tls);
	CHECK(has_ext(&p, "STARTTLS") == tls);
	CHECK(p.quit_code == 221);
	CHECK(p.greeting_ms >= 0 && p.greeting_ms < 3000);
	CHECK(p.timed_out == 0);
	CHECK(ms < 3000);
	mc_smtp_probe_free(&p);
}

static int have_ipv6_loopback(void)
{
	int fd = socket(AF_INET6, SOCK_STREAM, 0);
	if (fd < 0) {
		return 0;
	}
	struct sockaddr_in6 sa;
	memset(&sa, 0, sizeof(sa));
	sa.sin6_family = AF_INET6;
	sa.sin6_addr = in6addr_loopback;
	int ok = bind(fd, (struct sockaddr *)&sa, sizeof(sa)) == 0;
	close(fd);
	return ok;
}

static void test_ipv6_refused(void)
{
	mc_smtp_probe p;
	int64_t ms;
	if (!have_ipv6_loopback()) {
		printf("skip: no ::1\n");
		return;
	}
	/* Postfix listens on IPv4 only: ::1 must be tried and refused. */
	int rc = probe("[::1]:2525 refused", "::1", 2525, 2000, &p, &ms);
	CHECK(rc == -1);
	CHECK(streq(p.failure, "connection refused"));
	CHECK(p.connected == 0);
	CHECK(streq(p.address, "::1"));
	CHECK(p.timed_out == 0);
	mc_smtp_probe_free(&p);
}

/* localhost as mc_mta gives it: ::1 refused (Postfix listens on IPv4),
 * then 127.0.0.1 with the rest of the time. */
static void test_address_list(void)
{
	mc_smtp_probe p;
	int64_t ms;
	if (!have_ipv6_loopback()) {
		printf("skip: no ::1\n");
		return;
	}
	mc_ip addrs[2] = { ip("::1"), ip("127.0.0.1") };
	int rc = probe_list("[::1] refused, then 127.0.0.1", addrs, 2, 2525, 3000, &p, &ms);
	CHECK(rc == 0);
	CHECK(p.connected == 1);
	CHECK(streq(p.address, "127.0.0.1"));
	CHECK(p.greeting_code == 220);
	CHECK(streq(p.hostname, "mx.mailcheck.test"));
	CHECK(ms < 1000);
	mc_smtp_probe_free(&p);
}

static int free_port(void)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in sa;
	socklen_t len = sizeof(sa);
	memset(&sa, 0, sizeof(sa));
	sa.sin_family = AF_INET;
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0
			|| getsockname(fd, (struct sockaddr *)&sa, &len) < 0) {
		return 1; /* port 1 on loopback: nothing listens there either */
	}
	close(fd);
	return ntohs(sa.sin_port);
}

static void test_refused(void)
{
	mc_smtp_probe p;
	int64_t ms;
	int rc = probe("nothing listening", "127.0.0.1", free_port(), 2000, &p, &ms);
	CHECK(rc == -1);
	CHECK(streq(p.failure, "connection refused"));
	CHECK(p.connected == 0);
	CHECK(p.greeting_code == 0 && p.banner == NULL);
	CHECK(ms < 1000);
	mc_smtp_probe_free(&p);
}

static void test_554(void)
{
	mc_smtp_probe p;
	int64_t ms;
	int rc = probe("2527 greets 554", "127.0.0.1", 2527, 2000, &p, &ms);
	CHECK(rc == 0);
	CHECK(p.failure == NULL);
	CHECK(p.greeting_code == 554);
	CHECK(streq(p.banner, "554 5.3.2 mailgate busy"));
	CHECK(p.hostname == NULL);
	CHECK(p.ehlo_code == 0 && p.ehlo_reply == NULL && p.extension_count == 0);
	CHECK(p.quit_code == 221);
	mc_smtp_probe_free(&p);
}

static void test_long_greeting(void)
{
	mc_smtp_probe p;
	int64_t ms;
	int rc = probe("2528 200-line greeting", "127.0.0.1", 2528, 2000, &p, &ms);
	CHECK(rc == 0);
	CHECK(p.greeting_code == 220);
	CHECK(count_lines(p.banner) == 200);
	CHECK(starts(p.banner, "220-mailgate.example.com ESMTP\n220-line 002 "));
	CHECK(p.banner && strlen(p.banner) > 10 && streq(p.banner + strlen(p.banner) - 10, "\n220 ready"));
	CHECK(p.banner && !strchr(p.banner, '\r'));
	CHECK(streq(p.hostname, "mailgate.example.com"));
	CHECK(p.ehlo_code == 250);
	CHECK(streq(p.ehlo_hostname, "mailgate.example.com"));
	CHECK(p.extension_count == 5);
	CHECK(has_ext(&p, "SIZE 10240000"));
	CHECK(p.starttls == 0);
	CHECK(p.quit_code == 221);
	mc_smtp_probe_free(&p);
}

static void test_silent(void)
{
	mc_smtp_probe p;
	int64_t ms;
	int rc = probe("2529 never speaks", "127.0.0.1", 2529, 500, &p, &ms);
	CHECK(rc == -1);
	CHECK(streq(p.failure, "timed out waiting for the greeting"));
	CHECK(p.timed_out == 1);
	CHECK(p.connected == 1);
	CHECK(p.greeting_code == 0 && p.banner == NULL && p.greeting_ms == -1);
	CHECK(ms >= 490 && ms < 900);
	mc_smtp_probe_free(&p);
}

static void test_closes(void)
{
	mc_smtp_probe p;
	int64_t ms;
	int rc = probe("2530 closes at once", "127.0.0.1", 2530, 2000, &p, &ms);
	CHECK(rc == -1);
	CHECK(streq(p.failure, "connection closed before the greeting"));
	CHECK(p.connected == 1);
	CHECK(p.timed_out == 0);
	CHECK(ms < 1000);
	mc_smtp_probe_free(&p);
}

static void test_bad_banner(void)
{
	mc_smtp_probe p;
	int64_t ms;
	int rc = probe("2531 bad banner", "127.0.0.1", 2531, 2000, &p, &ms);
	CHECK(rc == 0);
	CHECK(streq(p.banner, "220 ESMTP mailgate"));
	CHECK(streq(p.hostname, "ESMTP"));   /* the first word, for the caller to find wanting */
	CHECK(p.ehlo_code == 250);
	CHECK(streq(p.ehlo_reply, "250-mailgate\n250-PIPELINING\n250 8BITMIME"));
	CHECK(streq(p.ehlo_hostname, "mailgate"));
	CHECK(p.extension_count == 2);
	CHECK(p.extension_count == 2 && streq(p.extensions[0], "PIPELINING") && streq(p.extensions[1], "8BITMIME"));
	CHECK(p.starttls == 0);
	CHECK(p.quit_code == 221);
	mc_smtp_probe_free(&p);
}

static void test_slow(void)
{
	mc_smtp_probe p;
	int64_t ms;
	int rc = probe("2532 slow greeting, enough time", "127.0.0.1", 2532, 4000, &p, &ms);
	CHECK(rc == 0);
	CHECK(streq(p.hostname, "slow.example.com"));
	CHECK(p.greeting_ms >= 1400 && p.greeting_ms < 3000);
	CHECK(p.starttls == 1);
	mc_smtp_probe_free(&p);

	rc = probe("2532 slow greeting, too little time", "127.0.0.1", 2532, 500, &p, &ms);
	CHECK(rc == -1);
	CHECK(streq(p.failure, "timed out waiting for the greeting"));
	CHECK(p.timed_out == 1);
	CHECK(ms >= 490 && ms < 900);
	mc_smtp_probe_free(&p);
}

static void test_many_extensions(void)
{
	mc_smtp_probe p;
	int64_t ms;
	int rc = probe("2533 1000-line EHLO reply", "127.0.0.1", 2533, 3000, &p, &ms);
	CHECK(rc == 0);
	CHECK(p.ehlo_code == 250);
	CHECK(count_lines(p.ehlo_reply) == 1000);
	CHECK(streq(p.ehlo_hostname, "big.example.com"));
	CHECK(p.extension_count == 999);
	CHECK(p.extension_count == 999 && streq(p.extensions[0], "X-EXT-0001") && streq(p.extensions[997], "X-EXT-0998")
		&& streq(p.extensions[998], "STARTTLS"));
	CHECK(p.starttls == 1);
	CHECK(p.quit_code == 221);
	mc_smtp_probe_free(&p);
}

static void test_bare_lf(void)
{
	mc_smtp_probe p;
	int64_t ms;
	int rc = probe("2534 bare LF", "127.0.0.1", 2534, 2000, &p, &ms);
	CHECK(rc == 0);
	CHECK(streq(p.banner, "220-lf.example.com ESMTP\n220 bare LF line ends"));
	CHECK(streq(p.hostname, "lf.example.com"));
	CHECK(p.ehlo_code == 250);
	CHECK(streq(p.ehlo_hostname, "lf.example.com"));
	CHECK(p.extension_count == 2 && streq(p.extensions[0], "SIZE 1000000") && streq(p.extensions[1], "starttls"));
	CHECK(p.starttls == 1);
	CHECK(p.quit_code == 221);
	mc_smtp_probe_free(&p);
}

static void test_too_long(void)
{
	mc_smtp_probe p;
	int64_t ms;
	int rc = probe("2535 1204-octet line", "127.0.0.1", 2535, 2000, &p, &ms);
	CHECK(rc == -1);
	CHECK(streq(p.failure, "reply line too long"));
	CHECK(p.greeting_code == 0 && p.banner == NULL);
	CHECK(p.timed_out == 0 && ms < 1000);
	mc_smtp_probe_free(&p);

	rc = probe("2536 80 KiB greeting", "127.0.0.1", 2536, 2000, &p, &ms);
	CHECK(rc == -1);
	CHECK(streq(p.failure, "reply too long"));
	CHECK(p.greeting_code == 0 && p.banner == NULL);
	CHECK(p.timed_out == 0 && ms < 1000);
	mc_smtp_probe_free(&p);
}

static void test_mute_after_greeting(void)
{
	mc_smtp_probe p;
	int64_t ms;
	int rc = probe("2537 no EHLO reply", "127.0.0.1", 2537, 700, &p, &ms);
	CHECK(rc == -1);
	CHECK(streq(p.failure, "timed out waiting for the EHLO reply"));
	CHECK(p.timed_out == 1);
	CHECK(p.greeting_code == 220 && streq(p.hostname, "mute.example.com"));
	CHECK(p.ehlo_code == 0 && p.ehlo_reply == NULL);
	CHECK(ms >= 690 && ms < 1100);
	mc_smtp_probe_free(&p);
}

static void test_not_smtp(void)
{
	mc_smtp_probe p;
	int64_t ms;
	int rc = probe("2538 SSH banner", "127.0.0.1", 2538, 2000, &p, &ms);
	CHECK(rc == -1);
	CHECK(streq(p.failure, "malformed greeting (not an SMTP server?)"));
	CHECK(p.greeting_code == 0 && p.banner == NULL);
	CHECK(ms < 1000);
	mc_smtp_probe_free(&p);
}

static void test_greet_then_close(void)
{
	mc_smtp_probe p;
	int64_t ms;
	/* Also proves no SIGPIPE: this process keeps the default action. */
	int rc = probe("2539 greets and closes", "127.0.0.1", 2539, 2000, &p, &ms);
	CHECK(rc == -1);
	CHECK(streq(p.failure, "connection closed before the EHLO reply") || streq(p.failure, "connection reset"));
	CHECK(p.greeting_code == 220 && streq(p.hostname, "gone.example.com"));
	CHECK(p.ehlo_code == 0);
	CHECK(ms < 1000);
	mc_smtp_probe_free(&p);
}

static void test_no_handshake(void)
{
	mc_smtp_probe p;
	int64_t ms;
	int rc = probe("2540 SYN dropped", "127.0.0.1", 2540, 600, &p, &ms);
	CHECK(rc == -1);
	CHECK(streq(p.failure, "timed out connecting"));
	CHECK(p.timed_out == 1);
	CHECK(p.connected == 0);
	CHECK(ms >= 590 && ms < 1000);
	mc_smtp_probe_free(&p);
}

static void test_arguments(void)
{
	mc_smtp_probe p;
	int64_t start = mc_now_ms();

	current = "port 0";
	CHECK(mc_smtp_probe_run(ip4_loopback(), 1, 0, "x.example", start + 1000, &p) == -1);
	CHECK(streq(p.failure, "invalid port") && p.connected == 0);
	mc_smtp_probe_free(&p);

	current = "port 65536";
	CHECK(mc_smtp_probe_run(ip4_loopback(), 1, 65536, "x.example", start + 1000, &p) == -1);
	CHECK(streq(p.failure, "invalid port"));
	mc_smtp_probe_free(&p);

	/* A CRLF in the name would smuggle a command after EHLO. */
	current = "EHLO name with CRLF";
	CHECK(mc_smtp_probe_run(ip4_loopback(), 1, 2525, "x\r\nMAIL FROM:<a@b.example>", start + 1000, &p) == -1);
	CHECK(streq(p.failure, "invalid EHLO name") && p.connected == 0);
	mc_smtp_probe_free(&p);

	current = "EHLO name with a space";
	CHECK(mc_smtp_probe_run(ip4_loopback(), 1, 2525, "two words", start + 1000, &p) == -1);
	CHECK(streq(p.failure, "invalid EHLO name"));
	mc_smtp_probe_free(&p);

	current = "empty EHLO name";
	CHECK(mc_smtp_probe_run(ip4_loopback(), 1, 2525, "", start + 1000, &p) == -1);
	CHECK(streq(p.failure, "invalid EHLO name"));
	mc_smtp_probe_free(&p);

	current = "NULL EHLO name means localhost";
	CHECK(mc_smtp_probe_run(ip4_loopback(), 1, 2525, NULL, mc_now_ms() + 3000, &p) == 0);
	CHECK(p.ehlo_code == 250);
	mc_smtp_probe_free(&p);

	current = "deadline already passed";
	CHECK(mc_smtp_probe_run(ip4_loopback(), 1, 2525, "x.example", mc_now_ms() - 1, &p) == -1);
	CHECK(streq(p.failure, "timed out connecting") && p.timed_out == 1 && p.connected == 0);
	mc_smtp_probe_free(&p);

	current = "no address";
	CHECK(mc_smtp_probe_run(NULL, 0, 25, "x.example", mc_now_ms() + 3000, &p) == -1);
	CHECK(streq(p.failure, "no address to connect to"));
	CHECK(p.connected == 0 && p.timed_out == 0 && p.address[0] == '\0');
	mc_smtp_probe_free(&p);

	current = "free twice";
	CHECK(mc_smtp_probe_run(ip4_loopback(), 1, 2531, "x.example", mc_now_ms() + 2000, &p) == 0);
	mc_smtp_probe_free(&p);
	mc_smtp_probe_free(&p);
	mc_smtp_probe_free(NULL);
	CHECK(p.extensions == NULL && p.banner == NULL);
}

/* peer.py logs what it receives: the probe must say exactly EHLO <name> and
 * QUIT, nothing else. */
static void test_wire(void)
{
	const char *rundir = getenv("MC_SMTP_RUNDIR");
	char path[512], line[1024], want[128];
	snprintf(path, sizeof(path), "%s/peer.log", rundir && *rundir ? rundir : "/tmp/mailcheck-smtp");
	FILE *f = fopen(path, "r");
	current = "peer.log: what the probe sent";
	if (!f) {
		printf("skip: cannot read %s\n", path);
		return;
	}
	snprintf(want, sizeof(want), "  < EHLO %s\n", ehlo_name);
	int ehlo = 0, quit = 0, other = 0;
	while (fgets(line, sizeof(line), f)) {
		const char *cmd = strstr(line, "  < ");
		if (!cmd) {
			continue;
		}
		if (strcmp(cmd, want) == 0) {
			ehlo++;
		} else if (strcmp(cmd, "  < QUIT\n") == 0) {
			quit++;
		} else if (strncmp(cmd, "  < EHLO ", 9) != 0) {
			other++;
		}
	}
	fclose(f);
	CHECK(ehlo >= 6);
	CHECK(quit >= 5);
	CHECK(other == 0);
}

int main(void)
{
	snprintf(ehlo_name, sizeof(ehlo_name), "probe-%ld.mailcheck.test", (long)getpid());

	test_postfix(2525, 0);
	test_postfix(2526, 1);
	test_ipv6_refused();
	test_address_list();
	test_refused();
	test_554();
	test_long_greeting();
	test_silent();
	test_closes();
	test_bad_banner();
	test_slow();
	test_many_extensions();
	test_bare_lf();
	test_too_long();
	test_mute_after_greeting();
	test_not_smtp();
	test_greet_then_close();
	test_no_handshake();
	test_arguments();
	test_wire();

	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
