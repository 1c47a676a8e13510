/*
 * The peer for bench/spf.php: libspf2 with its own resolver, evaluating one
 * (ip, sender, helo) N times. Built at run time by bench/run-spf:
 *
 *   cc -O2 -o spf_peer bench/spf_peer.c -lspf2
 *   spf_peer [--raw] [--fork] [--gap-us=N] [--warm=SENDER] resolv|cache N IP SENDER HELO EXPECTED
 *
 *   resolv  SPF_server_new(SPF_DNS_RESOLV, 0): libspf2's res_query()-based
 *           resolver (glibc, /etc/resolv.conf, port 53 only), no cache, so
 *           every evaluation asks the server again ("cold").
 *   cache   SPF_server_new(SPF_DNS_CACHE, 0): libspf2's cache on top of the
 *           same resolver; the first evaluation fills it and is not counted
 *           ("cached").
 *   --warm=SENDER  one untimed evaluation of IP/SENDER first (another name,
 *           so the resolver is initialised but nothing of the measured name
 *           is known) - as the warm-up of ours in bench/spf.php.
 *   --gap-us=N     timed evaluations start at least N µs apart (the wait is
 *           not timed): back-to-back loopback UDP queries slow down on the
 *           VM after about a thousand (see bench/README.md, run-ptr).
 *   --fork  every timed evaluation in a fresh fork()ed child (after the
 *           warm-up, which then runs in that child too): the peer's state
 *           starts empty, like ours in bench/spf.php (pcntl_fork() per
 *           sample). Without it all evaluations run in this one process.
 *   --raw   also print every evaluation's time, one "t <µs>" line each.
 *
 * Each evaluation - SPF_request_new() to SPF_response_free() and
 * SPF_request_free(), the server made once before - is timed with
 * clock_gettime(CLOCK_MONOTONIC); its SPF_strresult() must be EXPECTED
 * every time, or the program says so and exits 1. The last line is
 *   summary <mode>[ fork] n=<N> median=<µs> p90=<µs> result=<EXPECTED>
 * libspf2 prints some errors to stderr itself; that is left alone.
 */
#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/nameser.h>
#include <spf2/spf.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static void sleep_us(double us)
{
	if (us <= 0) {
		return;
	}
	struct timespec ts = { (time_t)(us / 1e6), (long)((us - (double)(time_t)(us / 1e6) * 1e6) * 1e3) };
	while (nanosleep(&ts, &ts) != 0) {
	}
}

/* One evaluation; returns its result string (static storage of libspf2),
 * or NULL when libspf2 could not even start. */
static const char *evaluate(SPF_server_t *server, const char *ip, const char *sender, const char *helo)
{
	SPF_request_t *req = SPF_request_new(server);
	if (!req) {
		return NULL;
	}
	SPF_response_t *resp = NULL;
	const char *res = NULL;
	if (SPF_request_set_ipv4_str(req, ip) == SPF_E_SUCCESS
			&& SPF_request_set_env_from(req, sender) == 0) {
		if (helo && *helo) {
			SPF_request_set_helo_dom(req, helo);
		}
		SPF_request_query_mailfrom(req, &resp);
		if (resp) {
			res = SPF_strresult(SPF_response_result(resp));
		}
	}
	if (resp) {
		SPF_response_free(resp);
	}
	SPF_request_free(req);
	return res;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* nearest rank, as bench/spf.php */
static double pct(const double *sorted, long n, double p)
{
	long k = (long)(p * (double)n + 0.999999) - 1;
	if (k < 0) {
		k = 0;
	}
	if (k > n - 1) {
		k = n - 1;
	}
	return sorted[k];
}

static void usage(void)
{
	fprintf(stderr, "usage: spf_peer [--raw] [--fork] [--gap-us=N] [--warm=SENDER] resolv|cache N IP SENDER HELO EXPECTED\n");
	exit(2);
}

/* What one timed evaluation reports (from a child in --fork mode). */
typedef struct {
	double us;
	char result[32];
} sample;

static sample timed(SPF_server_t *server, const char *ip, const char *sender, const char *helo)
{
	sample s;
	memset(&s, 0, sizeof(s));
	double t0 = now_us();
	const char *r = evaluate(server, ip, sender, helo);
	s.us = now_us() - t0;
	snprintf(s.result, sizeof(s.result), "%s", r ? r : "(none)");
	return s;
}

/* --fork: the warm-up and one timed evaluation in a fresh child. */
static sample timed_in_child(SPF_server_t *server, const char *warm, const char *ip, const char *sender, const char *helo)
{
	sample s;
	memset(&s, 0, sizeof(s));
	snprintf(s.result, sizeof(s.result), "(child failed)");
	int fd[2];
	if (pipe(fd) != 0) {
		perror("spf_peer: pipe");
		exit(1);
	}
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0) {
		perror("spf_peer: fork");
		exit(1);
	}
	if (pid == 0) {
		close(fd[0]);
		if (warm) {
			evaluate(server, ip, warm, helo);
		}
		sample c = timed(server, ip, sender, helo);
		ssize_t w = write(fd[1], &c, sizeof(c));
		_exit(w == (ssize_t)sizeof(c) ? 0 : 1);
	}
	close(fd[1]);
	sample c;
	size_t got = 0;
	while (got < sizeof(c)) {
		ssize_t r = read(fd[0], (char *)&c + got, sizeof(c) - got);
		if (r < 0 && errno == EINTR) {
			continue;
		}
		if (r <= 0) {
			break;
		}
		got += (size_t)r;
	}
	close(fd[0]);
	int status;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
	}
	if (got == sizeof(c) && WIFEXITED(status) && WEXITSTATUS(status) == 0) {
		s = c;
	}
	return s;
}

int main(int argc, char **argv)
{
	int raw = 0, forked = 0;
	double gap = 0;
	const char *warm = NULL;
	int i = 1;
	for (; i < argc && strncmp(argv[i], "--", 2) == 0; i++) {
		if (strcmp(argv[i], "--raw") == 0) {
			raw = 1;
		} else if (strcmp(argv[i], "--fork") == 0) {
			forked = 1;
		} else if (strncmp(argv[i], "--gap-us=", 9) == 0) {
			gap = atof(argv[i] + 9);
		} else if (strncmp(argv[i], "--warm=", 7) == 0) {
			warm = argv[i] + 7;
		} else {
			usage();
		}
	}
	if (argc - i != 6) {
		usage();
	}
	const char *mode = argv[i];
	long n = atol(argv[i + 1]);
	const char *ip = argv[i + 2], *sender = argv[i + 3], *helo = argv[i + 4], *expect = argv[i + 5];
	SPF_server_dnstype_t type;
	if (strcmp(mode, "resolv") == 0) {
		type = SPF_DNS_RESOLV;
	} else if (strcmp(mode, "cache") == 0) {
		type = SPF_DNS_CACHE;
	} else {
		usage();
	}
	if (n < 1 || (forked && type != SPF_DNS_RESOLV)) {
		usage();   /* --fork: only "resolv" (a fresh cache would be empty) */
	}

	SPF_server_t *server = SPF_server_new(type, 0);
	if (!server) {
		fprintf(stderr, "spf_peer: SPF_server_new(%s) failed\n", mode);
		return 1;
	}
	if (warm && !forked) {
		evaluate(server, ip, warm, helo);   /* untimed; its result does not matter */
	}
	if (type == SPF_DNS_CACHE) {
		const char *r = evaluate(server, ip, sender, helo);   /* fills the cache, not counted */
		if (!r || strcmp(r, expect) != 0) {
			fprintf(stderr, "spf_peer: %s %s %s (cache fill) gave '%s', expected '%s'\n", mode, ip, sender, r ? r : "(none)", expect);
			return 1;
		}
	}

	double *t = malloc((size_t)n * sizeof(double));
	if (!t) {
		return 1;
	}
	double last_end = 0;
	for (long k = 0; k < n; k++) {
		if (gap > 0 && last_end > 0) {
			sleep_us(gap - (now_us() - last_end));
		}
		sample c = forked ? timed_in_child(server, warm, ip, sender, helo) : timed(server, ip, sender, helo);
		last_end = now_us();
		if (strcmp(c.result, expect) != 0) {
			fprintf(stderr, "spf_peer: %s %s %s (evaluation %ld) gave '%s', expected '%s'\n", mode, ip, sender, k + 1, c.result, expect);
			return 1;
		}
		t[k] = c.us;
		if (raw) {
			printf("t %.3f\n", t[k]);
		}
	}
	qsort(t, (size_t)n, sizeof(double), cmp_double);
	printf("summary %s%s n=%ld median=%.1f p90=%.1f result=%s\n", mode, forked ? " fork" : "", n, pct(t, n, 0.5), pct(t, n, 0.9), expect);
	free(t);
	SPF_server_free(server);
	return 0;
}
