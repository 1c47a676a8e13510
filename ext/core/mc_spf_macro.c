#include "mc_spf_macro.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
	char *buf;
	size_t len, cap;
} strbuf;

static int put(strbuf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = (b->len + n + 1) * 2;
		char *nb = realloc(b->buf, cap);
		if (!nb) {
			return -1;
		}
		b->buf = nb;
		b->cap = cap;
	}
	memcpy(b->buf + b->len, s, n);
	b->len += n;
	b->buf[b->len] = '\0';
	return 0;
}

/* The value of a macro letter, written into out. */
static int letter_value(char letter, int exp, const mc_spf_macro_env *env, char *out, size_t outlen)
{
	const char *at = strrchr(env->sender, '@');
	switch (letter) {
		case 's': snprintf(out, outlen, "%s", env->sender); return 0;
		case 'l':
			snprintf(out, outlen, "%.*s", at ? (int)(at - env->sender) : 0, env->sender);
			if (!at || at == env->sender) snprintf(out, outlen, "postmaster");
			return 0;
		case 'o': snprintf(out, outlen, "%s", at ? at + 1 : env->sender); return 0;
		case 'd': snprintf(out, outlen, "%s", env->domain); return 0;
		case 'h': snprintf(out, outlen, "%s", env->helo ? env->helo : ""); return 0;
		case 'p': snprintf(out, outlen, "%s", env->validated ? env->validated : "unknown"); return 0;
		case 'v': snprintf(out, outlen, "%s", env->ip->family == AF_INET ? "in-addr" : "ip6"); return 0;
		case 'i':
			if (env->ip->family == AF_INET) {
				mc_ip_format(env->ip, out);
			} else {
				/* §7.3: IPv6 as dot-separated nibbles, upper case as in §7.4 */
				static const char hex[] = "0123456789ABCDEF";
				size_t o = 0;
				for (int k = 0; k < 16 && o + 4 < outlen; k++) {
					out[o++] = hex[env->ip->addr[k] >> 4];
					out[o++] = '.';
					out[o++] = hex[env->ip->addr[k] & 0x0f];
					out[o++] = k == 15 ? '\0' : '.';
				}
			}
			return 0;
		case 'c':
			if (!exp) return -1;
			mc_ip_format(env->ip, out);
			return 0;
		case 'r':
			if (!exp) return -1;
			snprintf(out, outlen, "%s", env->receiver && *env->receiver ? env->receiver : "unknown");
			return 0;
		case 't':
			if (!exp) return -1;
			snprintf(out, outlen, "%lld", env->now);
			return 0;
	}
	return -1;
}

/* Splits on the delimiters, reverses when asked, keeps the rightmost
 * `keep` parts and joins them with dots (§7.3). */
static int transform(strbuf *b, const char *value, unsigned long keep, int reverse, const char *delims, int escape)
{
	/* A value of L bytes has at most L + 1 parts. */
	size_t max = strlen(value) + 1, n = 0;
	const char **parts = malloc(max * sizeof(*parts));
	size_t *lens = malloc(max * sizeof(*lens));
	if (!parts || !lens) {
		free(parts);
		free(lens);
		return -1;
	}
	const char *p = value;
	for (;;) {
		size_t l = strcspn(p, delims);
		parts[n] = p;
		lens[n++] = l;
		if (!p[l]) break;
		p += l + 1;
	}
	if (reverse) {
		for (size_t i = 0; i < n / 2; i++) {
			const char *tp = parts[i]; parts[i] = parts[n - 1 - i]; parts[n - 1 - i] = tp;
			size_t tl = lens[i]; lens[i] = lens[n - 1 - i]; lens[n - 1 - i] = tl;
		}
	}
	size_t first = (keep && keep < n) ? n - keep : 0;
	int rc = 0;
	for (size_t i = first; i < n && rc == 0; i++) {
		if (i > first) {
			rc = put(b, ".", 1);
		}
		for (size_t k = 0; k < lens[i] && rc == 0; k++) {
			unsigned char c = (unsigned char)parts[i][k];
			int unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
				|| c == '-' || c == '.' || c == '_' || c == '~';
			if (escape && !unreserved) {
				char pct[4];
				snprintf(pct, sizeof(pct), "%%%02X", c);
				rc = put(b, pct, 3);
			} else {
				rc = put(b, (const char *)&c, 1);
			}
		}
	}
	free(parts);
	free(lens);
	return rc;
}

char *mc_spf_macro_expand(const char *s, size_t len, int exp, const mc_spf_macro_env *env)
{
	strbuf b = {0};
	if (put(&b, "", 0) < 0) {
		return NULL;
	}
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c > 0x7e) {
			goto bad;
		}
		if (c != '%') {
			if (put(&b, (const char *)&c, 1) < 0) goto bad;
			continue;
		}
		if (++i >= len) goto bad;
		if (s[i] == '%') { if (put(&b, "%", 1) < 0) goto bad; continue; }
		if (s[i] == '_') { if (put(&b, " ", 1) < 0) goto bad; continue; }
		if (s[i] == '-') { if (put(&b, "%20", 3) < 0) goto bad; continue; }
		if (s[i] != '{' || ++i >= len) goto bad;

		char letter = s[i];
		int escape = letter >= 'A' && letter <= 'Z';
		char lower = escape ? (char)(letter + 32) : letter;
		char value[1100];
		if (letter_value(lower, exp, env, value, sizeof(value)) < 0) goto bad;
		i++;
		/* §7.1 allows any number of digits; past the value's length they
		 * all mean "every part", so the count saturates there. */
		unsigned long keep = 0;
		size_t digits = 0;
		while (i < len && s[i] >= '0' && s[i] <= '9') {
			digits++;
			keep = keep * 10 + (unsigned long)(s[i++] - '0');
			if (keep > sizeof(value)) {
				keep = sizeof(value);
			}
		}
		if (digits && keep == 0) goto bad;
		int reverse = 0;
		if (i < len && (s[i] == 'r' || s[i] == 'R')) { reverse = 1; i++; }
		char delims[8] = "";
		size_t nd = 0;
		while (i < len && strchr(".-+,/_=", s[i]) && s[i]) {
			if (nd < sizeof(delims) - 1 && !strchr(delims, s[i])) { delims[nd++] = s[i]; delims[nd] = '\0'; }
			i++;
		}
		if (i >= len || s[i] != '}') goto bad;
		if (transform(&b, value, keep, reverse, nd ? delims : ".", escape) < 0) goto bad;
	}
	return b.buf;
bad:
	free(b.buf);
	return NULL;
}
