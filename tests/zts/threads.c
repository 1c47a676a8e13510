/* Checks from several threads at once, in one ZTS PHP process, through the
 * embed SAPI: what a threaded server (Apache's worker MPM with mod_php,
 * FrankenPHP) does. Each thread runs requests one after another; each
 * request runs tests/zts/round.inc, which checks PTR, SPF and DMARC
 * against the fixture DNS servers and sends mail through the guard, and
 * returns what came out other than expected.
 *
 *   threads PHP_INI ROUND_INC THREADS ROUNDS
 *
 * PHP_INI loads mailcheck and sets the guard (block), mailcheck.ip and a
 * capturing sendmail_path. Prints "sent N" (the mails the guard let
 * through, to compare with the capture file) and exits 0 when every round
 * of every thread came out right, 1 otherwise. scripts/test-matrix builds
 * and runs it against its PHP 8.2 ZTS debug ASan build. */
#include <sapi/embed/php_embed.h>
#include <zend_exceptions.h>

#include <pthread.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct {
	int id;
	int rounds;
	const char *round_inc;
	const char *sender;   /* what the guard must take for the default sender */
	int failures;
	long sent;
} worker;

/* One request: round.inc returns [mails sent, list of what went wrong]. */
static void run_round(worker *w, int round)
{
	char code[4096];
	snprintf(code, sizeof(code), "(require '%s')(%d, %d, '%s')", w->round_inc, w->id, round, w->sender);

	if (php_request_startup() == FAILURE) {
		fprintf(stderr, "thread %d round %d: request startup failed\n", w->id, round);
		w->failures++;
		return;
	}
	SG(headers_sent) = 1;
	SG(request_info).no_headers = 1;
	zend_first_try {
		zval result;
		ZVAL_UNDEF(&result);
		if (zend_eval_stringl(code, strlen(code), &result, "round") == FAILURE || EG(exception)
				|| Z_TYPE(result) != IS_ARRAY) {
			fprintf(stderr, "thread %d round %d: round.inc did not return its array\n", w->id, round);
			w->failures++;
			if (EG(exception)) {
				zend_exception_error(EG(exception), E_WARNING);
			}
		} else {
			zval *sent = zend_hash_index_find(Z_ARRVAL(result), 0);
			zval *wrong = zend_hash_index_find(Z_ARRVAL(result), 1);
			if (sent && Z_TYPE_P(sent) == IS_LONG) {
				w->sent += Z_LVAL_P(sent);
			}
			if (!wrong || Z_TYPE_P(wrong) != IS_ARRAY) {
				fprintf(stderr, "thread %d round %d: round.inc returned no list of problems\n", w->id, round);
				w->failures++;
			} else {
				zval *line;
				ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(wrong), line) {
					if (Z_TYPE_P(line) == IS_STRING) {
						fprintf(stderr, "thread %d round %d: %s\n", w->id, round, Z_STRVAL_P(line));
					}
					w->failures++;
				} ZEND_HASH_FOREACH_END();
			}
		}
		zval_ptr_dtor(&result);
	} zend_catch {
		fprintf(stderr, "thread %d round %d: bailout (fatal error)\n", w->id, round);
		w->failures++;
	} zend_end_try();
	php_request_shutdown(NULL);
}

static void *run_worker(void *arg)
{
	worker *w = arg;
	/* This thread's copy of every global, PHP's and mailcheck's. */
	(void)ts_resource(0);
	for (int round = 0; round < w->rounds; round++) {
		run_round(w, round);
	}
	ts_free_thread();
	return NULL;
}

int main(int argc, char **argv)
{
	if (argc != 5) {
		fprintf(stderr, "usage: %s PHP_INI ROUND_INC THREADS ROUNDS\n", argv[0]);
		return 64;
	}
	int nthreads = atoi(argv[3]), rounds = atoi(argv[4]);
	if (nthreads < 1 || nthreads > 64 || rounds < 1) {
		fprintf(stderr, "THREADS must be 1 to 64, ROUNDS at least 1\n");
		return 64;
	}

	/* The default sender, found here the way an MTA finds it. */
	char host[256], sender[600];
	struct passwd *pw = getpwuid(geteuid());
	if (!pw || gethostname(host, sizeof(host)) != 0) {
		fprintf(stderr, "no user name or host name\n");
		return 1;
	}
	host[sizeof(host) - 1] = '\0';
	snprintf(sender, sizeof(sender), "%s@%s", pw->pw_name, host);

	php_embed_module.php_ini_path_override = argv[1];
	if (php_embed_init(1, argv) == FAILURE) {
		fprintf(stderr, "PHP did not start\n");
		return 1;
	}
	int failures = 0;
	if (!zend_hash_str_exists(&module_registry, "mailcheck", sizeof("mailcheck") - 1)) {
		fprintf(stderr, "mailcheck is not loaded (%s)\n", argv[1]);
		failures++;
	}

	worker *workers = calloc((size_t)nthreads, sizeof(*workers));
	pthread_t *ids = calloc((size_t)nthreads, sizeof(*ids));
	int started = 0;
	for (int i = 0; workers && ids && !failures && i < nthreads; i++) {
		workers[i] = (worker){ .id = i, .rounds = rounds, .round_inc = argv[2], .sender = sender };
		if (pthread_create(&ids[i], NULL, run_worker, &workers[i]) != 0) {
			fprintf(stderr, "thread %d did not start\n", i);
			failures++;
			break;
		}
		started++;
	}
	long sent = 0;
	for (int i = 0; i < started; i++) {
		pthread_join(ids[i], NULL);
		failures += workers[i].failures;
		sent += workers[i].sent;
	}
	free(workers);
	free(ids);
	php_embed_shutdown();

	printf("sent %ld\n", sent);
	printf("%d threads x %d rounds: %d wrong\n", started, rounds, failures);
	return failures || started != nthreads ? 1 : 0;
}
