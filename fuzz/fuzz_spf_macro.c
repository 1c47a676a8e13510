/* libFuzzer target for SPF macro expansion (mc_spf_macro.c):
 * mc_spf_macro_expand(s, len, exp, env), against the validator
 * mc_spf_macro_string_valid() of mc_spf_record.c and against an expander
 * written here from RFC 7208 section 7.
 *
 * Input: byte 0 is flags, byte 1 a length n; with OWN_SENDER the next n
 * bytes (+256 with SENDER_LONG) are the sender, the rest is the
 * macro-string, in an exact-size heap copy.
 *   bit 0  exp: expand as an explanation (c, r, t allowed)
 *   bit 1  the client IP is 2001:db8::cb01 (else 192.0.2.3)
 *   bit 2  no HELO name (env.helo NULL)
 *   bit 3  a validated PTR name (env.validated "mx.example.org", else NULL)
 *   bit 4  env.receiver "" (expands to "unknown")
 *   bit 5  OWN_SENDER: the sender from the input (cut at a NUL: it is a C
 *          string), else "strong-bad@email.example.com"
 *   bit 6  SENDER_LONG: n + 256 bytes of sender, up to the 599 that
 *          mc_spf.c's identity buffer holds
 *
 * Checks:
 *  - the result is NULL or a NUL-terminated string (strlen under ASan);
 *  - consistency: mc_spf_macro_string_valid(s, len, exp) == 0 (what the
 *    record parser accepts, and so what reaches the expander in mc_spf.c)
 *    implies the expansion is not NULL;
 *  - an independent expansion (RFC 7208 7.3: split on the delimiters,
 *    reverse, keep the rightmost N parts, join with ".", URL-escape for
 *    upper-case letters) gives the same string whenever the validator
 *    accepts the input;
 *  - with the fixed sender, the expansion is printable ASCII.
 *
 * MC_FUZZ_STRICT=1 also fails when the expander returns a string for input
 * the validator rejects (the lenient direction; off by default), except
 * when the validator stopped at a space with exp 0, which the expander
 * takes (harmless: record terms hold no space).
 * MC_FUZZ_TOLERATE=macro-digits,macro-parts skips the known findings (see
 * fuzz/README.md) to fuzz past them until they are fixed: macro-digits,
 * inputs with a macro of more than three transformer digits ("%{d1000}");
 * macro-parts, the comparison with the RFC expansion when a value splits
 * into more than 256 parts. */
#include "mc_spf_macro.h"
#include "mc_spf_record.h"
#include "mc_ip.h"
#include "known.h"

#include <arpa/inet.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHECK(cond) do { \
	if (!(cond)) { \
		fprintf(stderr, "fuzz_spf_macro: check failed at line %d: %s\n", __LINE__, #cond); \
		abort(); \
	} \
} while (0)

enum {
	F_EXP = 1, F_IP6 = 2, F_NO_HELO = 4, F_VALIDATED = 8, F_NO_RECEIVER = 16,
	F_OWN_SENDER = 32, F_SENDER_LONG = 64
};

#define SENDER_MAX 599   /* mc_spf.c: char identity[600] */
#define NOW 1700000000LL

static mc_ip ip4, ip6;
static int strict, tolerate_digits, tolerate_parts;

static void init(void)
{
	static int done;
	const char *why;
	if (done) {
		return;
	}
	CHECK(mc_ip_parse("192.0.2.3", strlen("192.0.2.3"), &ip4, &why) == 0);
	CHECK(mc_ip_parse("2001:db8::cb01", strlen("2001:db8::cb01"), &ip6, &why) == 0);
	const char *e = getenv("MC_FUZZ_STRICT");
	strict = e && *e == '1';
	tolerate_digits = fuzz_tolerate("macro-digits");
	tolerate_parts = fuzz_tolerate("macro-parts");
	done = 1;
}

typedef struct {
	char *buf;
	size_t len, cap;
	int oom;
} sbuf;

static void put(sbuf *b, const char *s, size_t n)
{
	if (b->oom) {
		return;
	}
	if (b->len + n + 1 > b->cap) {
		size_t cap = (b->len + n + 1) * 2;
		char *nb = realloc(b->buf, cap);
		if (!nb) {
			b->oom = 1;
			return;
		}
		b->buf = nb;
		b->cap = cap;
	}
	memcpy(b->buf + b->len, s, n);
	b->len += n;
	b->buf[b->len] = '\0';
}

static int lower(int c)
{
	return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

/* The value of a letter, RFC 7208 7.3 (and 4.3: no local part is
 * "postmaster"); NULL for a letter not allowed here. */
static const char *value_of(int letter, int exp, const mc_spf_macro_env *env, char *tmp)
{
	const char *at = strrchr(env->sender, '@');
	switch (letter) {
	case 's':
		return env->sender;
	case 'l':
		if (!at || at == env->sender) {
			return "postmaster";
		}
		memcpy(tmp, env->sender, (size_t)(at - env->sender));
		tmp[at - env->sender] = '\0';
		return tmp;
	case 'o':
		return at ? at + 1 : env->sender;
	case 'd':
		return env->domain;
	case 'i':
		if (env->ip->family == AF_INET) {
			inet_ntop(AF_INET, env->ip->addr, tmp, 64);
		} else {
			/* dot-format nibbles; mc_spf_macro.c writes them in upper case
			 * (RFC 7208's own 7.4 example is lower case; DNS does not mind) */
			char *o = tmp;
			for (int k = 0; k < 16; k++) {
				o += sprintf(o, "%s%X.%X", k ? "." : "", env->ip->addr[k] >> 4, env->ip->addr[k] & 15);
			}
		}
		return tmp;
	case 'p':
		return env->validated ? env->validated : "unknown";
	case 'v':
		return env->ip->family == AF_INET ? "in-addr" : "ip6";
	case 'h':
		return env->helo ? env->helo : "";
	case 'c':
		if (!exp) {
			return NULL;
		}
		inet_ntop(env->ip->family, env->ip->addr, tmp, 64);
		return tmp;
	case 'r':
		if (!exp) {
			return NULL;
		}
		return env->receiver && *env->receiver ? env->receiver : "unknown";
	case 't':
		if (!exp) {
			return NULL;
		}
		sprintf(tmp, "%lld", env->now);
		return tmp;
	}
	return NULL;
}

/* RFC 7208 7.3: split on any of the delimiters, reverse, keep the rightmost
 * `keep` (0: all), join with "."; escape what is not unreserved (RFC 3986). */
static void transform(sbuf *b, const char *value, unsigned long keep, int reverse, const char *delims, int escape,
		int *many_parts)
{
	size_t n = 1;
	for (const char *p = value; *p; p++) {
		n += strchr(delims, *p) != NULL;
	}
	*many_parts |= n > 256;
	const char **parts = malloc(n * sizeof(*parts));
	size_t *lens = malloc(n * sizeof(*lens));
	if (!parts || !lens) {
		free(parts);
		free(lens);
		b->oom = 1;
		return;
	}
	size_t k = 0;
	const char *p = value;
	for (;;) {
		size_t l = strcspn(p, delims);
		parts[k] = p;
		lens[k++] = l;
		if (!p[l]) {
			break;
		}
		p += l + 1;
	}
	CHECK(k == n);
	size_t first = keep && keep < n ? n - keep : 0;
	for (size_t i = first; i < n; i++) {
		/* reversed, the list is r[j] = parts[n-1-j]; r[first..n) are kept */
		size_t idx = reverse ? n - 1 - i : i;
		if (i > first) {
			put(b, ".", 1);
		}
		for (size_t c = 0; c < lens[idx]; c++) {
			unsigned char ch = (unsigned char)parts[idx][c];
			int unreserved = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')
				|| ch == '-' || ch == '.' || ch == '_' || ch == '~';
			if (escape && !unreserved) {
				char pct[4];
				snprintf(pct, sizeof(pct), "%%%02X", ch);
				put(b, pct, 3);
			} else {
				put(b, (const char *)&ch, 1);
			}
		}
	}
	free(parts);
	free(lens);
}

/* The expansion by RFC 7208 7, for input the validator accepted; NULL when
 * out of memory. *many_parts is set when a value splits into more than 256
 * parts. */
static char *oracle_expand(const char *s, size_t len, int exp, const mc_spf_macro_env *env, int *many_parts)
{
	sbuf b = {0};
	char tmp[SENDER_MAX + 128];
	*many_parts = 0;
	put(&b, "", 0);
	for (size_t i = 0; i < len; i++) {
		if (s[i] != '%') {
			put(&b, s + i, 1);
			continue;
		}
		i++;
		if (s[i] == '%') {
			put(&b, "%", 1);
			continue;
		}
		if (s[i] == '_') {
			put(&b, " ", 1);
			continue;
		}
		if (s[i] == '-') {
			put(&b, "%20", 3);
			continue;
		}
		i++; /* the '{' */
		int escape = s[i] >= 'A' && s[i] <= 'Z';
		const char *value = value_of(lower((unsigned char)s[i]), exp, env, tmp);
		CHECK(value != NULL);
		i++;
		unsigned long keep = 0;
		while (s[i] >= '0' && s[i] <= '9') {
			if (keep < 100000) {
				keep = keep * 10 + (unsigned long)(s[i] - '0');
			}
			i++;
		}
		int reverse = 0;
		if (s[i] == 'r' || s[i] == 'R') {
			reverse = 1;
			i++;
		}
		char delims[8] = "";
		size_t nd = 0;
		while (s[i] != '}') {
			if (!strchr(delims, s[i])) {
				delims[nd++] = s[i];
			}
			i++;
		}
		transform(&b, value, keep, reverse, nd ? delims : ".", escape, many_parts);
	}
	if (b.oom) {
		free(b.buf);
		return NULL;
	}
	return b.buf;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	init();
	if (size < 2) {
		return 0;
	}
	unsigned flags = data[0];
	size_t n = data[1] + ((flags & F_SENDER_LONG) ? 256u : 0u);
	data += 2;
	size -= 2;

	char own_sender[SENDER_MAX + 1];
	const char *sender = "strong-bad@email.example.com";
	if (flags & F_OWN_SENDER) {
		if (n > size) {
			n = size;
		}
		if (n > SENDER_MAX) {
			n = SENDER_MAX;
		}
		memcpy(own_sender, data, n);
		own_sender[n] = '\0';
		sender = own_sender;
		data += n;
		size -= n;
	}

	int exp = flags & F_EXP;
	mc_spf_macro_env env = {
		.sender = sender,
		.domain = "email.example.com",
		.helo = (flags & F_NO_HELO) ? NULL : "mx.example.org",
		.receiver = (flags & F_NO_RECEIVER) ? "" : "receiver.example.net",
		.validated = (flags & F_VALIDATED) ? "mx.example.org" : NULL,
		.ip = (flags & F_IP6) ? &ip6 : &ip4,
		.now = NOW,
	};

	char *s = malloc(size ? size : 1);
	if (!s) {
		return 0;
	}
	memcpy(s, data, size);

	char *out = mc_spf_macro_expand(s, size, exp, &env);
	size_t outlen = out ? strlen(out) : 0;

	size_t pos;
	int valid = mc_spf_macro_string_valid(s, size, exp, &pos) == 0;

	if (valid && !(tolerate_digits && fuzz_has_many_digits(s, size))) {
		/* What the record parser accepts, the expander must expand. */
		CHECK(out != NULL);
		int many_parts;
		char *want = oracle_expand(s, size, exp, &env, &many_parts);
		if (want && !(tolerate_parts && many_parts)) {
			if (strcmp(out, want) != 0) {
				fprintf(stderr, "fuzz_spf_macro: expansion differs\n  got:  \"%s\"\n  want: \"%s\"\n", out, want);
			}
			CHECK(strcmp(out, want) == 0);
		}
		free(want);
		if (!(flags & F_OWN_SENDER)) {
			for (size_t i = 0; i < outlen; i++) {
				CHECK((unsigned char)out[i] >= 0x20 && (unsigned char)out[i] <= 0x7e);
			}
		}
	}
	/* Strict: refused by the validator, refused by the expander; but for
	 * the one known leniency, a space with exp 0 (see the README's notes). */
	if (strict && !valid && !(!exp && s[pos] == ' ')) {
		CHECK(out == NULL);
	}
	free(out);
	free(s);
	return 0;
}
