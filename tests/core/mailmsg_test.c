/* Table-driven test of ext/core/mc_mailmsg.c, what the mail() guard reads from
 * mail()'s arguments, run without PHP:
 *
 *   cc -Wall -Wextra -Werror -I ext/core tests/core/mailmsg_test.c ext/core/mc_mailmsg.c \
 *      -o /tmp/mailmsg_test && /tmp/mailmsg_test
 *
 * Every input is handed over in an exact-size heap copy with no NUL after
 * it, so valgrind (or ASan) sees any read past len. Prints each failure
 * and "N passed, M failed"; exits non-zero on a failure. */
#include "mc_mailmsg.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int passed, failed;

/* Inputs are shown with their control bytes escaped. */
static void show(const char *s, size_t len)
{
	size_t n = len > 120 ? 120 : len;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '\r') {
			fputs("\\r", stdout);
		} else if (c == '\n') {
			fputs("\\n", stdout);
		} else if (c == '\t') {
			fputs("\\t", stdout);
		} else if (c < 32 || c >= 127) {
			printf("\\x%02x", c);
		} else {
			putchar(c);
		}
	}
	if (n < len) {
		printf("... (%zu bytes)", len);
	}
}

static void result(int ok, const char *what, const char *in, size_t len, const char *want, const char *got)
{
	if (ok) {
		passed++;
		return;
	}
	failed++;
	printf("FAIL %s: \"", what);
	show(in, len);
	printf("\"\n  want: %s%s%s\n  got:  %s%s%s\n",
		want ? "\"" : "", want ? want : "NULL", want ? "\"" : "",
		got ? "\"" : "", got ? got : "NULL", got ? "\"" : "");
}

static int same(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* An exact-size copy: nothing readable after len. */
static char *exact(const char *s, size_t len)
{
	char *p = malloc(len ? len : 1);
	if (p == NULL) {
		abort();
	}
	memcpy(p, s, len);
	return p;
}

/* ------------------------------------------------------------------ */

typedef struct {
	const char *headers;
	size_t len;           /* 0: strlen(headers); set it for inputs with NUL bytes */
	const char *name;
	const char *want;     /* NULL: no such header */
} header_case;

#define H(in, want) { (in), 0, "From", (want) }
#define HN(in, name, want) { (in), 0, (name), (want) }
#define HLEN(in, len, want) { (in), (len), "From", (want) }

static const header_case header_cases[] = {
	/* what applications hand to mail() */
	/* WordPress through PHPMailer's mail transport */
	H("Date: Mon, 3 Jun 2024 10:00:00 +0000\r\nFrom: WordPress <wordpress@example.com>\r\n"
	  "Message-ID: <abc@example.com>\r\nX-Mailer: PHPMailer 6.9.1\r\nMIME-Version: 1.0\r\n"
	  "Content-Type: text/plain; charset=UTF-8\r\n",
	  "WordPress <wordpress@example.com>"),
	/* a plain wp_mail()-style header */
	H("From: Shop Name <shop@example.com>\r\n", "Shop Name <shop@example.com>"),
	/* Drupal's PhpMail joins with LF and puts From last */
	H("MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8; format=flowed; delsp=yes\n"
	  "Content-Transfer-Encoding: 8Bit\nX-Mailer: Drupal\nSender: site@example.com\n"
	  "Return-Path: site@example.com\nFrom: Example site <site@example.com>",
	  "Example site <site@example.com>"),
	HN("MIME-Version: 1.0\nX-Mailer: Drupal\nSender: site@example.com\nFrom: Example <site@example.com>",
	   "Sender", "site@example.com"),
	/* array headers, as php_mail_build_headers() joins them */
	H("From: \"Shop, Inc.\" <news@example.com>\r\nReply-To: help@example.com\r\nX-Mailer: PHP/8.2.7",
	  "\"Shop, Inc.\" <news@example.com>"),
	HN("From: a@example.com\r\nReply-To: help@example.com\r\nX-Mailer: PHP/8.2.7", "reply-to", "help@example.com"),
	H("Reply-To: r@example.com\r\nFrom: f@example.com", "f@example.com"),
	H("From: a@example.com", "a@example.com"),
	H("From:a@example.com", "a@example.com"),
	H("From: =?UTF-8?B?U2hvcA==?= <shop@example.com>", "=?UTF-8?B?U2hvcA==?= <shop@example.com>"),
	H("From: \"Re: news\" <a@example.com>\r\n", "\"Re: news\" <a@example.com>"),

	/* folding (RFC 5322 2.2.3): unfolded, the white space kept */
	H("From: \"Shop, Inc.\"\r\n <news@example.com>\r\nX-A: b", "\"Shop, Inc.\" <news@example.com>"),
	H("From: Name\r\n\t<a@example.com>", "Name\t<a@example.com>"),
	H("From: A\r\n B\r\n  C <a@example.com>\r\nTo2: x", "A B  C <a@example.com>"),
	H("From:\r\n a@example.com\r\n", "a@example.com"),
	H("From: Name\n <a@example.com>\nX-B: c", "Name <a@example.com>"),
	H("From: Name\r\n \r\n <a@example.com>", "Name  <a@example.com>"),
	/* a fold of another field is not a field, even when it reads like one */
	H("Subject-X: hi\r\n From: evil@example.com\r\nFrom: real@example.com", "real@example.com"),
	/* a fold before any field belongs to nothing */
	H(" stray\r\nFrom: a@example.com", "a@example.com"),

	/* names: case-insensitive, exact, WSP before the colon allowed */
	H("FROM: a@example.com", "a@example.com"),
	H("from: a@example.com", "a@example.com"),
	H("fRoM:a@example.com", "a@example.com"),
	H("From : a@example.com", "a@example.com"),
	H("From\t: a@example.com", "a@example.com"),
	H("Resent-From: a@example.com\r\nX-From: b@example.com\r\nFrom-Foo: c@example.com", NULL),
	H("Resent-From: a@example.com\r\nX-Original-From: b@example.com\r\nFrom: d@example.com", "d@example.com"),
	H("Fro: a@example.com\r\nFromm: b@example.com", NULL),
	H("X-From : a@example.com", NULL),

	/* comments and white space */
	H("From: (Shop) news@example.com (Newsletter)", "(Shop) news@example.com (Newsletter)"),
	H("From:    a@example.com  \t\r\n", "a@example.com"),
	H("From:\r\nX-A: b", ""),
	H("From:   \t", ""),

	/* missing */
	H("Reply-To: r@example.com\r\nX-Mailer: PHP/8.2", NULL),
	H("", NULL),
	H("\r\n", NULL),
	HN("From: a@example.com", "", NULL),

	/* duplicates: the first wins */
	H("From: first@example.com\r\nFrom: second@example.com", "first@example.com"),
	H("from: first@example.com\nFROM: second@example.com", "first@example.com"),

	/* injection attempts: the value stops at the line break */
	H("From: a@example.com\r\nBcc: victim@example.org", "a@example.com"),
	H("From: a@example.com\nBcc: victim@example.org", "a@example.com"),
	H("From: a@example.com\rBcc: victim@example.org", "a@example.com"),
	H("From: a@example.com\r\rBcc: victim@example.org", "a@example.com"),
	H("From: a@example.com\n\rBcc: victim@example.org", "a@example.com"),
	/* a fold is part of the value, injected or not: the address parser judges it */
	H("From: a@example.com\r\n Bcc: victim@example.org", "a@example.com Bcc: victim@example.org"),
	/* NUL is a space, never the end of the value */
	HLEN("From: a@example.com\0Bcc: v@example.org", 39, "a@example.com Bcc: v@example.org"),
	HLEN("From\0: a@example.com", 20, "a@example.com"),
	/* ...a space that makes this line a fold of nothing */
	HLEN("\0From: a@example.com", 20, NULL),

	/* the end of the header section */
	H("X-A: b\r\n\r\nFrom: a@example.com", NULL),
	H("X-A: b\n\nFrom: a@example.com", NULL),
	H("X-A: b\r\nthis is not a header\r\nFrom: a@example.com", NULL),
	H("X-A: b\r\nFrom a@example.com", NULL),
	H(":From: a@example.com", NULL),
	H("X-A: 1\nFrom: a@example.com\r\nX-B: 2", "a@example.com"),

	/* len is what counts */
	HLEN("From: a@example.com", 10, "a@ex"),
	HLEN("From: a@example.com\r\nFrom: b@x", 6, ""),
	HLEN("From", 4, NULL),
};

static void run_headers(void)
{
	for (size_t i = 0; i < sizeof(header_cases) / sizeof(header_cases[0]); i++) {
		const header_case *c = &header_cases[i];
		size_t len = c->len ? c->len : strlen(c->headers);
		char *in = exact(c->headers, len);
		char *got = mc_mailmsg_header_value(in, len, c->name);
		char what[64];

		snprintf(what, sizeof(what), "header_value(%s)", c->name);
		result(same(got, c->want), what, c->headers, len, c->want, got);
		free(got);
		free(in);
	}
	{
		char *got = mc_mailmsg_header_value(NULL, 0, "From");
		result(got == NULL, "header_value", "(NULL)", 6, NULL, got);
		free(got);
		got = mc_mailmsg_header_value("From: a@x", 9, NULL);
		result(got == NULL, "header_value(NULL name)", "From: a@x", 9, NULL, got);
		free(got);
	}
}

/* ------------------------------------------------------------------ */

/* How many From: fields, read as header_value() reads them: a second one
 * is what an injected line break adds. */
static const struct {
	const char *headers;
	size_t want;
} count_cases[] = {
	{ "From: a@example.com", 1 },
	{ "From: first@example.com\r\nFrom: second@example.com", 2 },
	{ "from: a@example.com\nFROM : b@example.com\rFrom:c@example.com", 3 },
	{ "Subject: x\rFrom: a@example.com", 1 },
	{ "Subject: x\r\n From: a@example.com\r\nFrom: b@example.com", 1 },
	{ "From: a@example.com\r\n\r\nFrom: b@example.com", 1 },
	{ "From: a@example.com\r\nnot a header\r\nFrom: b@example.com", 1 },
	{ "Resent-From: a@example.com\r\nX-From: b@example.com", 0 },
	{ "", 0 },
};

static void run_counts(void)
{
	for (size_t i = 0; i < sizeof(count_cases) / sizeof(count_cases[0]); i++) {
		const char *in = count_cases[i].headers;
		size_t got = mc_mailmsg_header_count(in, strlen(in), "From");
		char want_text[24], got_text[24];
		snprintf(want_text, sizeof(want_text), "%zu", count_cases[i].want);
		snprintf(got_text, sizeof(got_text), "%zu", got);
		result(got == count_cases[i].want, "header_count(From)", in, strlen(in), want_text, got_text);
	}
	result(mc_mailmsg_header_count(NULL, 0, "From") == 0, "header_count", "(NULL)", 6, "0", NULL);
	result(mc_mailmsg_header_count("From: a@x", 9, NULL) == 0, "header_count(NULL name)", "From: a@x", 9, "0", NULL);
}

typedef struct {
	const char *cmd;
	size_t len;           /* 0: strlen(cmd) */
	int from_argument;    /* a P case: the sender must come from after PATH */
	const char *want;     /* NULL: no -f */
} envelope_case;

/* P: mail()'s 5th argument as php_mail() appends it to sendmail_path,
 * after escapeshellcmd() (what the argument was before, when it differs,
 * in the comment). S: a whole command line, sendmail_path alone. */
#define PATH "/usr/sbin/sendmail -t -i"
#define P(in, want) { PATH " " in, 0, 1, (want) }
#define S(in, want) { (in), 0, 0, (want) }
#define SLEN(in, len, want) { (in), (len), 0, (want) }

static const envelope_case envelope_cases[] = {
	/* mail()'s 5th argument, the forms people write */
	P("-fuser@example.com", "user@example.com"),
	P("-f user@example.com", "user@example.com"),
	P("-f'user@example.com'", "user@example.com"),
	P("-f \"user@example.com\"", "user@example.com"),
	P("-f 'user@example.com'", "user@example.com"),
	P("-r user@example.com", "user@example.com"),
	P("-ruser@example.com", "user@example.com"),
	P("-oi -f user@example.com -t", "user@example.com"),
	P("-F 'Name' -f user@example.com", "user@example.com"),
	P("-F 'Shop Name' -fuser@example.com", "user@example.com"),
	P("-F\"Shop Name\" -f user@example.com", "user@example.com"),
	P("  -f   user@example.com  ", "user@example.com"),
	P("-f\tuser@example.com", "user@example.com"),
	P("-tif user@example.com", "user@example.com"),
	P("-O DeliveryMode=b -f user@example.com", "user@example.com"),
	P("-odb -f user@example.com", "user@example.com"),
	P("-X /tmp/mail.log -f user@example.com", "user@example.com"),
	P("--from=user@example.com", "user@example.com"),
	P("--from user@example.com", "user@example.com"),

	/* no -f */
	P("", NULL),
	P("-oi", NULL),
	P("-t -i", NULL),
	P("-f", NULL),
	/* -F takes the next word, whatever it looks like */
	P("-F -fake", NULL),
	P("-F -fake -f user@example.com", "user@example.com"),
	/* a word that is no option ends the options (postfix's "+" getopt, exim) */
	P("user@example.org -f a@example.com", NULL),
	P("-- -f a@example.com", NULL),
	P("- -f a@example.com", NULL),

	/* the null sender */
	P("-f ''", ""),
	P("-f \"\"", ""),
	P("-f\\<\\>", ""), /* mail() got "-f<>" */
	P("-f \\<\\>", ""), /* mail() got "-f <>" */
	/* escapeshellcmd() escapes < and > inside quotes too, and in single
	 * quotes the backslashes reach the MTA: not the null sender */
	P("-f '\\<\\>'", "\\<\\>"), /* mail() got "-f '<>'" */
	P("-f \"\\<\\>\"", "\\<\\>"), /* mail() got "-f \"<>\"" */
	/* angle brackets and names, as postfix reads -f */
	P("-f \\<user@example.com\\>", "user@example.com"), /* mail() got "-f <user@example.com>" */
	P("-f Shop\\<shop@example.com\\>", "shop@example.com"), /* mail() got "-f Shop<shop@example.com>" */
	P("-f 'Shop \\<shop@example.com\\>'", "Shop \\<shop@example.com\\>"), /* mail() got "-f 'Shop <shop@example.com>'" */
	P("-f ' user@example.com '", "user@example.com"),

	/* the last one wins */
	P("-f a@example.com -f b@example.com", "b@example.com"),
	P("-f a@example.com -r b@example.com", "b@example.com"),
	P("-ra@example.com -fb@example.com", "b@example.com"),

	/* escapeshellcmd(): metacharacters stay in the word */
	P("-f a@example.com\\; rm -rf /", "a@example.com;"), /* mail() got "-f a@example.com; rm -rf /" */
	P("-f a@example.com\\|cat", "a@example.com|cat"), /* mail() got "-f a@example.com|cat" */
	P("-f a@example.com 2\\>/dev/null", "a@example.com"), /* mail() got "-f a@example.com 2>/dev/null" */
	P("-f \\$\\(id\\)@example.com", "$(id)@example.com"), /* mail() got "-f $(id)@example.com" */
	/* inside a pair of double quotes the escaping backslash goes again... */
	P("-f \"a\\$b@example.com\"", "a$b@example.com"), /* mail() got "-f \"a$b@example.com\"" */
	P("-f \"a\\#b@example.com\"", "a\\#b@example.com"), /* mail() got "-f \"a#b@example.com\"" */
	/* ...inside single quotes it stays */
	P("-f 'a\\$b@example.com'", "a\\$b@example.com"), /* mail() got "-f 'a$b@example.com'" */
	/* a quote without its pair is escaped: a literal quote */
	P("-f \\'user@example.com", "'user@example.com"), /* mail() got "-f 'user@example.com" */
	P("-f user\\'s@example.com", "user's@example.com"), /* mail() got "-f user's@example.com" */
	/* a backslash is escaped: literal */
	P("-f a\\\\b@example.com", "a\\b@example.com"), /* mail() got "-f a\\b@example.com" */
	/* a newline is escaped, and an escaped newline joins lines */
	P("-f\\\nuser@example.com", "user@example.com"), /* mail() got "-f\nuser@example.com" */
	/* NUL is a space (PHP 8 refuses it in the argument, and an ini value ends at one) */
	SLEN("sendmail -fa@example.com\0-fb@example.com", 40, "b@example.com"),
	SLEN("sendmail -f\0a@example.com", 25, "a@example.com"),
	SLEN("sendmail\0-fa@example.com", 24, "a@example.com"),

	/* sendmail_path: the first word is the program, read as sh would */
	S("/usr/sbin/sendmail -t -i", NULL),
	S("/usr/sbin/sendmail -t -i -f www@example.com", "www@example.com"),
	S("/usr/sbin/sendmail -t -i -fwww@example.com", "www@example.com"),
	S("/usr/sbin/sendmail -t -i -f 'www@example.com'", "www@example.com"),
	S("/usr/sbin/sendmail -t -i -f www@example.com -f other@example.com", "other@example.com"),
	S("/usr/sbin/ssmtp -t -r www@example.com", "www@example.com"),
	S("/usr/bin/msmtp -C /etc/msmtprc -a default -t --from=site@example.com", "site@example.com"),
	S("/usr/bin/msmtp -a default -t -f site@example.com", "site@example.com"),
	S("\"/opt/my mail/sendmail\" -t -f a@example.com", "a@example.com"),
	S("MAILRC=/dev/null LANG=C /usr/sbin/sendmail -t -f a@example.com", "a@example.com"),
	S("/usr/sbin/sendmail -t -f a@example.com 2>>/var/log/mail.err", "a@example.com"),
	S("/usr/sbin/sendmail -t 2>/dev/null -f a@example.com", "a@example.com"),
	S("/usr/sbin/sendmail -t >/dev/null 2>&1 -f a@example.com", "a@example.com"),
	S("/usr/sbin/sendmail -t -f a@example.com2>/dev/null", "a@example.com2"),
	S("/usr/sbin/sendmail -t -f a@example.com; logger sent", "a@example.com"),
	S("/usr/sbin/sendmail -t -f a@example.com | tee -a /tmp/x", "a@example.com"),
	S("/usr/sbin/sendmail -t -f a@example.com && true", "a@example.com"),
	S("/usr/sbin/sendmail -t; /bin/other -f b@example.com", NULL),
	S("/usr/sbin/sendmail -t -f a@example.com # -f b@example.com", "a@example.com"),
	S("/usr/sbin/sendmail -t -f a@example.com\n/bin/x -f b@example.com", "a@example.com"),
	S("/usr/sbin/sendmail -t -f \\<\\>", ""),
	S("/usr/sbin/sendmail -t -f '<>'", ""),
	S("/usr/sbin/sendmail -t -f 'Shop <shop@example.com>'", "shop@example.com"),
	S("/usr/sbin/sendmail -t -f '\"a>b\" <shop@example.com>'", "shop@example.com"),
	S("/usr/sbin/sendmail -t -f 'a\\>b@example.com'", "a\\>b@example.com"),
	S("/usr/sbin/sendmail -t -f \"\"", ""),
	S("/usr/sbin/sendmail -t -f \"a\\\"b\"@example.com", "a\"b@example.com"),
	S("/usr/sbin/sendmail -t -f a\\ b@example.com", "a b@example.com"),
	S("/usr/sbin/sendmail -t -f $USER@example.com", "$USER@example.com"),
	S("/usr/sbin/sendmail -t -f 'a@example.com", "a@example.com"),
	S("/usr/sbin/sendmail", NULL),
	S("", NULL),
	/* "-f" where the program belongs is the program */
	S("-f a@example.com", NULL),
};

static void run_envelopes(void)
{
	for (size_t i = 0; i < sizeof(envelope_cases) / sizeof(envelope_cases[0]); i++) {
		const envelope_case *c = &envelope_cases[i];
		size_t len = c->len ? c->len : strlen(c->cmd);
		char *in = exact(c->cmd, len);
		size_t at = SIZE_MAX;
		char *got = mc_mailmsg_envelope_from(in, len, &at);
		/* a sender from the argument is found there */
		int at_ok = got == NULL || (at < len && (!c->from_argument || at >= strlen(PATH) + 1));

		result(same(got, c->want) && at_ok, at_ok ? "envelope_from" : "envelope_from (at)", c->cmd, len, c->want, got);
		free(got);
		free(in);
	}
	{
		char *got = mc_mailmsg_envelope_from(NULL, 0, NULL);
		result(got == NULL, "envelope_from", "(NULL)", 6, NULL, got);
		free(got);
	}
	{
		/* where the sender's word begins */
		static const struct { const char *cmd; size_t at; } where[] = {
			{ "sendmail -t -fa@example.com", 12 },
			{ "sendmail -t -f  a@example.com", 16 },
			{ "sendmail -f a@example.com -f 'b@example.com'", 29 },
			{ "sendmail --from=a@example.com", 9 },
		};
		for (size_t i = 0; i < sizeof(where) / sizeof(where[0]); i++) {
			size_t at = SIZE_MAX;
			char *got = mc_mailmsg_envelope_from(where[i].cmd, strlen(where[i].cmd), &at);
			char want[32], was[32];
			snprintf(want, sizeof(want), "at %zu", where[i].at);
			snprintf(was, sizeof(was), "at %zu", at);
			result(got != NULL && at == where[i].at, "envelope_from (at)", where[i].cmd, strlen(where[i].cmd), want, was);
			free(got);
		}
	}
}

/* ------------------------------------------------------------------ */

typedef struct {
	const char *a, *b;
	int want;
} aligned_case;

static const aligned_case aligned_cases[] = {
	{ "example.com", "example.com", 1 },
	{ "Example.COM", "example.com.", 1 },
	{ "example.com.", "EXAMPLE.com", 1 },
	{ "mail.example.com", "example.com", 1 },
	{ "example.com", "mail.example.com", 1 },
	{ "a.b.example.com", "example.com", 1 },
	{ "a.b.example.com.", "B.Example.Com", 1 },
	{ "xn--bcher-kva.example", "shop.XN--BCHER-KVA.example", 1 },
	{ "shop.example.co.uk", "example.co.uk", 1 },
	{ "localhost", "localhost", 1 },
	{ "com", "com", 1 },
	/* documented limits: no public-suffix list, no siblings */
	{ "example.co.uk", "co.uk", 1 },
	{ "bounce.example.com", "news.example.com", 0 },
	{ "badexample.com", "example.com", 0 },
	{ "ample.com", "example.com", 0 },
	{ "example.com", "example.org", 0 },
	{ "example.com", "example.com.au", 0 },
	{ "example.com", "com", 0 },
	{ "com", "example.com", 0 },
	{ "", "example.com", 0 },
	{ "example.com", "", 0 },
	{ ".", ".", 0 },
	{ NULL, "example.com", 0 },
	{ "example.com", NULL, 0 },
};

static void run_aligned(void)
{
	for (size_t i = 0; i < sizeof(aligned_cases) / sizeof(aligned_cases[0]); i++) {
		const aligned_case *c = &aligned_cases[i];
		int got = mc_mailmsg_domains_aligned(c->a, c->b);
		char in[256];

		snprintf(in, sizeof(in), "%s | %s", c->a ? c->a : "(NULL)", c->b ? c->b : "(NULL)");
		result(got == c->want, "domains_aligned", in, strlen(in), c->want ? "1" : "0", got ? "1" : "0");
	}
}

/* ------------------------------------------------------------------ */
/* 1 MB inputs: each must finish in linear time. A quadratic pass over
 * 1 MB would take hours; the bound is loose enough for valgrind. */

#define BIG (1024 * 1024)
#define BIG_SECONDS 30.0

static char *repeat(const char *unit, size_t times, const char *tail, size_t *len)
{
	size_t ul = strlen(unit), tl = strlen(tail);
	char *s = malloc(ul * times + tl + 1);

	if (s == NULL) {
		abort();
	}
	for (size_t i = 0; i < times; i++) {
		memcpy(s + i * ul, unit, ul);
	}
	memcpy(s + ul * times, tail, tl);
	*len = ul * times + tl;
	s[*len] = '\0';
	return s;
}

static void big_header(const char *label, const char *head, const char *unit, const char *tail,
	const char *want_prefix, size_t want_len)
{
	size_t ul = strlen(unit), len;
	char *body = repeat(unit, BIG / ul, tail, &len);
	size_t hl = strlen(head);
	char *all = malloc(hl + len);
	clock_t t0;
	char *got;
	double secs;
	int ok;

	if (all == NULL) {
		abort();
	}
	memcpy(all, head, hl);
	memcpy(all + hl, body, len);
	free(body);
	len += hl;
	t0 = clock();
	got = mc_mailmsg_header_value(all, len, "From");
	secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	ok = secs < BIG_SECONDS && got != NULL && strncmp(got, want_prefix, strlen(want_prefix)) == 0
		&& (want_len == 0 || strlen(got) == want_len);
	result(ok, label, all, len, want_prefix, got ? "(other value or too slow)" : NULL);
	free(got);
	free(all);
}

static void big_envelope(const char *label, const char *head, const char *unit, const char *tail,
	const char *want)
{
	size_t len, hl = strlen(head);
	char *body = repeat(unit, BIG / strlen(unit), tail, &len);
	char *all = malloc(hl + len + 1);
	char *in;

	if (all == NULL) {
		abort();
	}
	memcpy(all, head, hl);
	memcpy(all + hl, body, len + 1);
	free(body);
	len += hl;
	in = exact(all, len);
	clock_t t0 = clock();
	char *got = mc_mailmsg_envelope_from(in, len, NULL);
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;

	/* want "*": any sender (the point is the time it takes) */
	int ok = strcmp(want ? want : "", "*") == 0 ? got != NULL : same(got, want);

	result(secs < BIG_SECONDS && ok, label, all, len, want, got && strlen(got) > 80 ? "(a long sender)" : got);
	free(got);
	free(in);
	free(all);
}

static void run_big(void)
{
	/* many fields before From */
	big_header("big: 1 MB of fields", "", "X-Filler: yyyyyyyyyyyyyyyyyyyyy\r\n", "From: a@example.com",
		"a@example.com", 13);
	/* a From folded over 1 MB: the whole value, unfolded */
	big_header("big: 1 MB fold", "From: a@example.com", "\r\n b", "\r\nX-A: b",
		"a@example.com b b", 13 + 2 * (BIG / 4));
	/* one 1 MB line */
	big_header("big: 1 MB line", "From: ", "x", "", "xxxxxxxx", BIG);
	/* 1 MB of lone CRs: empty lines, the header section ends at once */
	{
		size_t len;
		char *all = repeat("\r", BIG, "", &len);
		char *got = mc_mailmsg_header_value(all, len, "From");
		result(got == NULL, "big: 1 MB of CR", all, len, NULL, got);
		free(got);
		free(all);
	}

	/* options before -f */
	big_envelope("big: 1 MB of -t", "sendmail ", "-t ", "-f a@example.com", "a@example.com");
	/* every option -f: the last wins */
	big_envelope("big: 1 MB of -f", "sendmail ", "-fa@example.com ", "-fz@example.com", "z@example.com");
	/* quotes that open and close all along one word */
	big_envelope("big: quotes", "sendmail -f ", "\"'\"'", "", "*");
	big_envelope("big: unterminated quote", "sendmail -f '", "x", "", "*");
	/* escaped metacharacters, as escapeshellcmd() leaves them */
	big_envelope("big: metacharacters", "sendmail -f ", "\\;\\|\\&\\<\\>", "", "*");
	/* sh: redirections and quotes */
	big_envelope("big: redirections", "/usr/sbin/sendmail ", "2>/dev/null ", "-f a@example.com", "a@example.com");
	big_envelope("big: quoted words", "/usr/sbin/sendmail -t ", "'x' ", "-f a@example.com", NULL);
	{
		/* one -f with a 1 MB sender */
		size_t len;
		char *word = repeat("a", BIG, "", &len);
		char *all = malloc(len + 6);
		char *got;

		if (all == NULL) {
			abort();
		}
		memcpy(all, "sh -f ", 6);
		memcpy(all + 6, word, len);
		got = mc_mailmsg_envelope_from(all, len + 6, NULL);
		result(got != NULL && strlen(got) == BIG && memcmp(got, word, BIG) == 0,
			"big: 1 MB sender", all, len + 6, "a... (1 MB)", got ? "(other)" : NULL);
		free(got);
		free(all);
		free(word);
	}
}

int main(void)
{
	run_headers();
	run_counts();
	run_envelopes();
	run_aligned();
	run_big();

	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
