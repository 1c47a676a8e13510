/* Table-driven test of the parsers behind mail_check_dmarc(),
 * mail_check_dkim() and mail_check_dnsbl(), run without PHP or DNS:
 * ext/core/mc_tags.c (RFC 6376 tag lists), mc_dmarc_record.c (DMARC
 * records), mc_dkim_key.c (DKIM key records, keys decoded with OpenSSL),
 * and the pure parts of mc_dmarc.c (the tree walk's names) and mc_dnsbl.c
 * (return codes, query names, mailcheck.dnsbl_zones).
 *
 *   cc -Wall -Wextra -Werror -I ext/core tests/core/tags_test.c ext/core/mc_tags.c ext/core/mc_dmarc_record.c \
 *      ext/core/mc_dmarc.c ext/core/mc_dkim_key.c ext/core/mc_dnsbl.c ext/core/mc_dns.c ext/core/mc_dns_msg.c \
 *      ext/core/mc_dns_cache.c ext/core/mc_problems.c ext/core/mc_name.c ext/core/mc_ip.c -lcares -lcrypto \
 *      -o /tmp/tags_test && /tmp/tags_test
 *
 * Records are handed over in exact-size heap copies with no NUL after
 * them, so valgrind (or ASan) sees any read past len. Prints each failure
 * and "N passed, M failed"; exits non-zero on a failure. */
#include "mc_tags.h"
#include "mc_dmarc_record.h"
#include "mc_dmarc.h"
#include "mc_dkim_key.h"
#include "mc_dnsbl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int passed, failed;

static void check(int ok, const char *what, const char *input, const char *detail)
{
	if (ok) {
		passed++;
		return;
	}
	failed++;
	printf("FAIL %s: \"%s\"%s%s\n", what, input, detail ? ": " : "", detail ? detail : "");
}

static char *heap(const char *s, size_t len)
{
	char *c = malloc(len ? len : 1);
	memcpy(c, s, len);
	return c;
}

/* "code:severity code:severity", in the order the problems were added. */
static const char *signature(const mc_problems *p, char *out, size_t len)
{
	size_t o = 0;
	out[0] = '\0';
	for (size_t i = 0; i < p->count && o < len; i++) {
		o += (size_t)snprintf(out + o, len - o, "%s%s:%s", i ? " " : "", p->items[i].code, mc_status_name(p->items[i].severity));
	}
	return out;
}

/* ---- tag lists ------------------------------------------------------- */

static void test_tags(void)
{
	static const struct {
		const char *text;
		size_t count, nbad;
		const char *last_name, *last_value;
	} cases[] = {
		{ "a=1; b = 2 ;c=", 3, 0, "c", "" },
		{ "a=1;;b=2;", 2, 0, "b", "2" },
		{ " a = x  y ", 1, 0, "a", "x  y" },
		{ "a=1; =2", 1, 1, "a", "1" },
		{ "a=1; 1a=2", 1, 1, "a", "1" },
		{ "a=1; b", 1, 1, "a", "1" },
		{ "a=1; a b=1", 1, 1, "a", "1" },
		{ "a=1; x-y=1", 1, 1, "a", "1" },
		{ "a_1=\r\n  v", 1, 0, "a_1", "v" },
		{ "a=1; b=\x7f", 1, 1, "a", "1" },
		{ "", 0, 0, NULL, NULL },
		{ ";;;", 0, 0, NULL, NULL },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		mc_tag_list l;
		size_t len = strlen(cases[i].text);
		char *t = heap(cases[i].text, len);
		mc_tags_parse(t, len, &l);
		int ok = l.count == cases[i].count && l.nbad == cases[i].nbad && !l.truncated;
		if (ok && cases[i].last_name) {
			const mc_tag *last = &l.tags[l.count - 1];
			ok = last->name_len == strlen(cases[i].last_name) && memcmp(last->name, cases[i].last_name, last->name_len) == 0
				&& last->value_len == strlen(cases[i].last_value) && memcmp(last->value, cases[i].last_value, last->value_len) == 0;
		}
		check(ok, "tag list", cases[i].text, NULL);
		free(t);
	}

	char many[MC_TAGS_MAX * 8 + 16];
	size_t o = 0;
	for (int i = 0; i <= MC_TAGS_MAX; i++) {
		o += (size_t)sprintf(many + o, "t%d=1;", i);
	}
	mc_tag_list l;
	mc_tags_parse(many, o, &l);
	check(l.count == MC_TAGS_MAX && l.truncated, "more tags than MC_TAGS_MAX are cut and said", "t0=1;...", NULL);

	const char *dup = "A=1; b=2; a=3";
	mc_tags_parse(dup, strlen(dup), &l);
	check(mc_tags_repeated(&l, 1) == &l.tags[2] && mc_tags_repeated(&l, 0) == NULL
		&& mc_tags_find(&l, "a", 1) == &l.tags[0] && mc_tags_find(&l, "a", 0) == &l.tags[2],
		"repeated names and case", dup, NULL);

	char shown[16];
	mc_tags_shown("abc\x01\xff" "defghijklmnop", 18, shown, sizeof(shown));
	check(strcmp(shown, "abc\\x01\\xFF...") == 0, "shown text is escaped and cut", "abc\\x01\\xffdef...", shown);
}

/* ---- DMARC records --------------------------------------------------- */

static void test_dmarc_is_record(void)
{
	static const struct { const char *txt; int yes; } cases[] = {
		{ "v=DMARC1", 1 }, { "v=DMARC1;", 1 }, { " v = DMARC1 ;p=none", 1 }, { "v=DMARC1 ", 1 },
		{ "\tV=DMARC1; p=none", 1 }, { "v=dmarc1", 0 }, { "v=DMARC10", 0 }, { "v=DMARC1p=none", 0 },
		{ "v=DMARC1 p=none", 0 }, { "p=none; v=DMARC1", 0 }, { "", 0 }, { "v=", 0 }, { "v=spf1 -all", 0 },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		size_t len = strlen(cases[i].txt);
		char *t = heap(cases[i].txt, len);
		check(mc_dmarc_is_record(t, len) == cases[i].yes, "mc_dmarc_is_record", cases[i].txt, NULL);
		free(t);
	}
}

static void test_dmarc_near_miss(void)
{
	static const struct { const char *txt; const char *why_has; } cases[] = {
		{ "v=dmarc1; p=none", "upper case" },
		{ "p=none; v=DMARC1", "not its first tag" },
		{ "v=DMARC1 p=none", "followed by" },
		{ "v=DMARC2; p=none", "not DMARC1" },
		{ "p=reject; rua=mailto:a@example.com", "p= tag" },
		{ "google-site-verification=abc", NULL },
		{ "v=spf1 -all", NULL },
		{ "p=bogus", NULL },
		{ "v=DMARC1; p=none", NULL },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		size_t len = strlen(cases[i].txt);
		char *t = heap(cases[i].txt, len);
		const char *why = mc_dmarc_near_miss(t, len);
		check(cases[i].why_has ? why && strstr(why, cases[i].why_has) : why == NULL, "mc_dmarc_near_miss", cases[i].txt, why);
		free(t);
	}
}

#define RUA "rua=mailto:a@example.com"
#define N MC_DMARC_NONE
#define Q MC_DMARC_QUARANTINE
#define R MC_DMARC_REJECT
#define U MC_DMARC_UNSET

static void test_dmarc_records(void)
{
	static const struct {
		const char *txt;
		size_t len;                     /* 0: strlen */
		mc_dmarc_policy policy, sp, np;
		char psd, adkim, aspf;
		int testing;
		size_t nrua, nruf;
		const char *problems;
	} cases[] = {
		{ "v=DMARC1; p=reject; " RUA, 0, R, R, R, 'u', 'r', 'r', 0, 1, 0, "" },
		{ "v=DMARC1;p=none;" RUA, 0, N, N, N, 'u', 'r', 'r', 0, 1, 0, "" },
		{ "V = DMARC1 ; P = Quarantine ; RUA = mailto:a@example.com", 0, Q, Q, Q, 'u', 'r', 'r', 0, 1, 0, "" },
		{ "v=DMARC1; p=reject; sp=none; np=quarantine; " RUA, 0, R, N, Q, 'u', 'r', 'r', 0, 1, 0, "" },
		{ "v=DMARC1; p=reject; sp=none; " RUA, 0, R, N, N, 'u', 'r', 'r', 0, 1, 0, "" },
		{ "v=DMARC1; p=reject; adkim=S; aspf=s; psd=n; " RUA, 0, R, R, R, 'n', 's', 's', 0, 1, 0, "" },
		{ "v=DMARC1; p=reject", 0, R, R, R, 'u', 'r', 'r', 0, 0, 0, "dmarc_no_reports:warn" },
		{ "v=DMARC1", 0, U, U, U, 'u', 'r', 'r', 0, 0, 0, "dmarc_syntax:fail dmarc_no_reports:warn" },
		{ "v=DMARC1; " RUA, 0, N, N, N, 'u', 'r', 'r', 0, 1, 0, "dmarc_syntax:warn" },
		{ "v=DMARC1; p=block; " RUA, 0, N, N, N, 'u', 'r', 'r', 0, 1, 0, "dmarc_syntax:warn" },
		{ "v=DMARC1; p=reject; sp=bogus; " RUA, 0, N, N, N, 'u', 'r', 'r', 0, 1, 0, "dmarc_syntax:warn" },
		{ "v=DMARC1; p=reject; np=bogus", 0, U, U, U, 'u', 'r', 'r', 0, 0, 0, "dmarc_syntax:fail dmarc_no_reports:warn" },
		{ "v=DMARC1; p=reject; t=y; " RUA, 0, R, R, R, 'u', 'r', 'r', 1, 1, 0, "dmarc_testing:warn" },
		{ "v=DMARC1; p=none; t=y; " RUA, 0, N, N, N, 'u', 'r', 'r', 1, 1, 0, "" },
		{ "v=DMARC1; p=none; sp=reject; t=y; " RUA, 0, N, R, R, 'u', 'r', 'r', 1, 1, 0, "dmarc_testing:warn" },
		{ "v=DMARC1; p=reject; psd=y; " RUA, 0, R, R, R, 'y', 'r', 'r', 0, 1, 0, "" },
		{ "v=DMARC1; p=reject; adkim=x; aspf=; t=2; psd=q; fo=2; " RUA, 0, R, R, R, 'u', 'r', 'r', 0, 1, 0,
			"dmarc_syntax:warn dmarc_syntax:warn dmarc_syntax:warn dmarc_syntax:warn dmarc_syntax:warn" },
		{ "v=DMARC1; p=reject; fo=0:1:d:s; ruf=mailto:c@example.com; " RUA, 0, R, R, R, 'u', 'r', 'r', 0, 1, 1, "" },
		{ "v=DMARC1; p=reject; pct=50; rf=afrf; ri=86400; " RUA, 0, R, R, R, 'u', 'r', 'r', 0, 1, 0,
			"dmarc_obsolete_tag:warn dmarc_obsolete_tag:warn dmarc_obsolete_tag:warn" },
		{ "v=DMARC1; p=reject; " RUA "; p=none", 0, R, R, R, 'u', 'r', 'r', 0, 1, 0, "dmarc_syntax:fail" },
		{ "v=DMARC1; " RUA "; p=reject", 0, R, R, R, 'u', 'r', 'r', 0, 1, 0, "dmarc_p_not_second:warn" },
		{ "v=DMARC1; " RUA "; p=bogus", 0, N, N, N, 'u', 'r', 'r', 0, 1, 0, "dmarc_syntax:warn" },
		{ "v=DMARC1; p=reject; rua=mailto:a@example.com!10m", 0, R, R, R, 'u', 'r', 'r', 0, 1, 0, "dmarc_syntax:warn" },
		{ "v=DMARC1; p=reject; rua=https://x.example/r", 0, R, R, R, 'u', 'r', 'r', 0, 1, 0, "dmarc_no_reports:warn" },
		{ "v=DMARC1; p=reject; rua=mailto:%zz@example.com", 0, R, R, R, 'u', 'r', 'r', 0, 1, 0, "dmarc_syntax:warn dmarc_no_reports:warn" },
		{ "v=DMARC1; p=reject; rua=a@example.com", 0, R, R, R, 'u', 'r', 'r', 0, 1, 0, "dmarc_syntax:warn dmarc_no_reports:warn" },
		{ "v=DMARC1; p=reject; rua=mailto:a@example.com?subject=x", 0, R, R, R, 'u', 'r', 'r', 0, 1, 0, "" },
		{ "v=DMARC1; p=reject; rua=mailto:a@bad_domain", 0, R, R, R, 'u', 'r', 'r', 0, 1, 0, "dmarc_syntax:warn dmarc_no_reports:warn" },
		{ "v=DMARC1; p=reject; rua=mailto:a@example.com , mailto:b@example.net ;ruf=mailto:c@example.com", 0, R, R, R, 'u', 'r', 'r', 0, 2, 1, "" },
		{ "v=DMARC1; p=reject; rua=mailto:a@example.com,", 0, R, R, R, 'u', 'r', 'r', 0, 2, 0, "dmarc_syntax:warn" },
		{ "v=DMARC1; p=reject; " RUA "; ; ;", 0, R, R, R, 'u', 'r', 'r', 0, 1, 0, "" },
		{ "v=DMARC1; p=reject; " RUA "; foo=bar; zz9=1", 0, R, R, R, 'u', 'r', 'r', 0, 1, 0, "" },
		{ "v=DMARC1; p=reject; " RUA "; x=\x01", 0, R, R, R, 'u', 'r', 'r', 0, 1, 0, "dmarc_syntax:warn" },
		{ "v=DMARC1; p=re\0ject; " RUA, 45, N, N, N, 'u', 'r', 'r', 0, 1, 0, "dmarc_syntax:warn dmarc_syntax:warn" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		size_t len = cases[i].len ? cases[i].len : strlen(cases[i].txt);
		char *t = heap(cases[i].txt, len);
		char sig[512], detail[600];
		mc_dmarc_record r;
		mc_dmarc_record_parse(t, len, "_dmarc.example.com", &r);
		signature(&r.problems, sig, sizeof(sig));
		snprintf(detail, sizeof(detail), "policy %d/%d/%d psd %c adkim %c aspf %c t %d rua %zu ruf %zu problems [%s]",
			r.policy, r.subdomain_policy, r.nonexistent_policy, r.psd, r.adkim, r.aspf, r.testing, r.nrua, r.nruf, sig);
		check(r.policy == cases[i].policy && r.subdomain_policy == cases[i].sp && r.nonexistent_policy == cases[i].np
			&& r.psd == cases[i].psd && r.adkim == cases[i].adkim && r.aspf == cases[i].aspf && r.testing == cases[i].testing
			&& r.nrua == cases[i].nrua && r.nruf == cases[i].nruf && strcmp(sig, cases[i].problems) == 0,
			"DMARC record", cases[i].txt, detail);
		for (size_t k = 0; k < r.problems.count; k++) {
			check(strstr(r.problems.items[k].message, "_dmarc.example.com") != NULL, "DMARC problems name the record",
				cases[i].txt, r.problems.items[k].message);
		}
		mc_dmarc_record_free(&r);
		free(t);
	}

	char many[MC_DMARC_MAX_URIS * 24 + 64];
	size_t o = (size_t)sprintf(many, "v=DMARC1; p=none; rua=");
	for (int i = 0; i < MC_DMARC_MAX_URIS + 2; i++) {
		o += (size_t)sprintf(many + o, "%smailto:r%d@example.com", i ? "," : "", i);
	}
	mc_dmarc_record r;
	char sig[256];
	mc_dmarc_record_parse(many, o, "_dmarc.example.com", &r);
	check(r.nrua == MC_DMARC_MAX_URIS && strcmp(signature(&r.problems, sig, sizeof(sig)), "dmarc_syntax:warn") == 0,
		"rua= past MC_DMARC_MAX_URIS is cut and said", "v=DMARC1; p=none; rua=mailto:r0@...", sig);
	mc_dmarc_record_free(&r);
}

static void test_walk_names(void)
{
	static const struct { const char *domain; int n; const char *second, *last; } cases[] = {
		{ "example.com", 2, "com", "com" },
		{ "a.mail.example.com", 4, "mail.example.com", "com" },
		{ "a.b.c.d.e.f.g", 7, "b.c.d.e.f.g", "g" },
		{ "a.b.c.d.e.f.g.h", 8, "b.c.d.e.f.g.h", "h" },
		{ "a.b.c.d.e.f.g.h.i.j.mail.example.com", 8, "g.h.i.j.mail.example.com", "com" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		size_t off[MC_DMARC_MAX_QUERIES];
		int n = mc_dmarc_walk_names(cases[i].domain, off);
		check(n == cases[i].n && off[0] == 0 && strcmp(cases[i].domain + off[1], cases[i].second) == 0
			&& strcmp(cases[i].domain + off[n - 1], cases[i].last) == 0, "tree walk names (RFC 9989 §4.10)", cases[i].domain, NULL);
	}
}

/* ---- DKIM key records ------------------------------------------------ */

#define K512 "MFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBAOejq/Il90vREJ2zO28OkVHng7SHRuIkODtmdy8wu4IyjRKwgw7gX5dq4M4ZbqM8uv8sxf1alqFJKO1dDKCvPbcCAwEAAQ=="
#define K1024 "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDNXufPi9aODwOInnOeixnBoORLM1SGrzbqGlgI+YZZGg3TmcUcQprKYNCLkzjMDTP3RuYETUxEOg8VwE9KDiMrEZRlOwr99Rsl9KZysHedvBArbpWJEYHCGEktcmIJSKtunZe8eWwnoLHueYtSQzPSfr2EAhd1AWz3n8Y0RoNImwIDAQAB"
#define K2048 "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA7V84mmsHzYgVGH94+FzTRgvfsP1Ob5RtIyuuypO8xpK83R6X488S5CHU2I/YCkoA/cuf/tSNG8oVmkwqVxZmy2bfgSB8SUXWsyhwjMSn6hf/CmsgWY3iHxTG5xYlxWUz9GfN5pi8XCM22z+LHY1TfmL9xp+dzicmmqhiIJe3ZadOMuY8ammPwS98OOd8YuVlWMKdXagEVU8uJ0i92Lmbuu2t79ls7oZWwjS2C9bQe0aI6sZ+mbT5l9KyRLNHXlqMzuK81Y20LnTzssF/80+U54bPQUuT/ySkKr45NDEa3GiWh0IFNiUykn4LiZ1jMAgPXDfVuKGlluah3Q+76ypukQIDAQAB"
#define KED "Gd1pGcXpjxtt8XJv+NH47tzUQFinc++gtwI2S4Hwick="

static void test_dkim_keys(void)
{
	static const struct {
		const char *txt;
		int given, is_key, usable;
		const char *type;
		int bits, testing, revoked;
		const char *problems;
	} cases[] = {
		{ "v=DKIM1; k=rsa; p=" K2048, 1, 1, 1, "rsa", 2048, 0, 0, "" },
		{ "p=" K2048, 1, 1, 1, "rsa", 2048, 0, 0, "" },
		{ "v=DKIM1; k=ed25519; p=" KED, 1, 1, 1, "ed25519", 256, 0, 0, "" },
		{ "v=DKIM1; k=ED25519; p=" KED, 1, 1, 1, "ed25519", 256, 0, 0, "" },
		{ "v=DKIM1; p=" K1024, 1, 1, 1, "rsa", 1024, 0, 0, "dkim_key_weak:warn" },
		{ "v=DKIM1; p=" K512, 1, 1, 0, "rsa", 512, 0, 0, "dkim_key_weak:fail" },
		{ "v=DKIM1; p=", 1, 1, 0, "rsa", 0, 0, 1, "dkim_key_revoked:fail" },
		{ "v=DKIM1; p=", 0, 1, 0, "rsa", 0, 0, 1, "dkim_key_revoked:warn" },
		{ "v=DKIM1; t=y; p=" K2048, 1, 1, 1, "rsa", 2048, 1, 0, "dkim_testing:warn" },
		{ "v=DKIM1; t=s : y; p=" K2048, 1, 1, 1, "rsa", 2048, 1, 0, "dkim_testing:warn" },
		{ "v=DKIM1; t=s; x=unknown; n=a note; p=" K2048, 1, 1, 1, "rsa", 2048, 0, 0, "" },
		{ "v=DKIM1; h=sha1; p=" K2048, 1, 1, 0, "rsa", 2048, 0, 0, "dkim_key_weak:fail" },
		{ "v=DKIM1; h=sha1:sha256; p=" K2048, 1, 1, 1, "rsa", 2048, 0, 0, "" },
		{ "v=DKIM1; s=email:other; p=" K2048, 1, 1, 1, "rsa", 2048, 0, 0, "" },
		{ "v=DKIM1; s=*; p=" K2048, 1, 1, 1, "rsa", 2048, 0, 0, "" },
		{ "v=DKIM1; s=other; p=" K2048, 1, 1, 0, "rsa", 2048, 0, 0, "dkim_syntax:fail" },
		{ "v=DKIM1; k=dsa; p=" K2048, 1, 1, 0, NULL, 0, 0, 0, "dkim_syntax:fail" },
		{ "v=DKIM1; p=AAAA@", 1, 1, 0, "rsa", 0, 0, 0, "dkim_syntax:fail" },
		{ "v=DKIM1; p=" "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA7V84mmsHzYgVGH94+FzTRgvfsP1Ob5RtIyuuypO8xpK83R6X488S5CHU2I/YCkoA/cuf/tSNG8oV"
			"mkwqVxZmy2bfgSB8SUXWsyhwjMSn6hf/CmsgWY3iHxTG5xYlxWUz9GfN5pi8XCM22z+LHY1TfmL9xp+dzicmmqhiIJe3ZadOMuY8ammPwS98OOd8YuVlWMKdXagEVU8uJ0i92L\r\n "
			"mbuu2t79ls7oZWwjS2C9bQe0aI6sZ+mbT5l9KyRLNHXlqMzuK81Y20LnTzssF/80+U54bPQUuT/ySkKr45NDEa3GiWh0IFNiUykn4LiZ1jMAgPXDfVuKGlluah3Q+76ypukQIDAQAB",
			1, 1, 1, "rsa", 2048, 0, 0, "" },
		{ "hello, this is no key", 1, 0, 0, NULL, 0, 0, 0, "" },
		{ "v=spf1 -all", 1, 0, 0, NULL, 0, 0, 0, "" },
		{ "v=DKIM1", 1, 1, 0, "rsa", 0, 0, 0, "dkim_syntax:fail" },
		{ "v=DKIM1; P=" K2048, 1, 1, 0, "rsa", 0, 0, 0, "dkim_syntax:fail" },
		{ "v=DKIM2; p=" K2048, 1, 1, 0, "rsa", 2048, 0, 0, "dkim_syntax:fail" },
		{ "k=rsa; v=DKIM1; p=" K2048, 1, 1, 0, "rsa", 2048, 0, 0, "dkim_syntax:fail" },
		{ "v=DKIM1; p=" KED, 1, 1, 0, "rsa", 0, 0, 0, "dkim_syntax:fail" },
		{ "v=DKIM1; k=ed25519; p=" K2048, 1, 1, 0, "ed25519", 0, 0, 0, "dkim_syntax:fail" },
		{ "v=DKIM1; k=ed25519; p=" K512, 1, 1, 0, "ed25519", 0, 0, 0, "dkim_syntax:fail" },
		{ "v=DKIM1; 1x=y; p=" K2048, 1, 1, 0, "rsa", 2048, 0, 0, "dkim_syntax:fail" },
		{ "v=DKIM1; p=" K2048 "; p=" K2048, 1, 1, 0, "rsa", 2048, 0, 0, "dkim_syntax:fail" },
		{ "v=DKIM1; p=" K2048 "; s=other; h=md5", 1, 1, 0, "rsa", 2048, 0, 0, "dkim_key_weak:fail dkim_syntax:fail" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		size_t len = strlen(cases[i].txt);
		char *t = heap(cases[i].txt, len);
		char sig[512], detail[600];
		mc_dkim_key k;
		mc_dkim_key_parse(t, len, "sel._domainkey.example.com", cases[i].given, &k);
		signature(&k.problems, sig, sizeof(sig));
		snprintf(detail, sizeof(detail), "is_key %d usable %d type %s bits %d testing %d revoked %d problems [%s]",
			k.is_key, k.usable, k.key_type ? k.key_type : "NULL", k.key_bits, k.testing, k.revoked, sig);
		check(k.is_key == cases[i].is_key && k.usable == cases[i].usable
			&& (k.key_type && cases[i].type ? strcmp(k.key_type, cases[i].type) == 0 : k.key_type == cases[i].type)
			&& k.key_bits == cases[i].bits && k.testing == cases[i].testing && k.revoked == cases[i].revoked
			&& strcmp(sig, cases[i].problems) == 0, "DKIM key record", cases[i].txt, detail);
		mc_dkim_key_free(&k);
		free(t);
	}
}

static void test_base64(void)
{
	static const struct { const char *in; long len; const char *out; } cases[] = {
		{ "", 0, "" }, { "TWFu", 3, "Man" }, { "TWE=", 2, "Ma" }, { "TQ==", 1, "M" }, { "TWE", 2, "Ma" },
		{ "TQ", 1, "M" }, { "T WF\r\n u", 3, "Man" }, { "TQ = =", 1, "M" }, { "T", -1, NULL }, { "TQ=", -1, NULL },
		{ "TQ===", -1, NULL }, { "TW=E", -1, NULL }, { "TW@u", -1, NULL }, { "TWFuTWFu", 6, "ManMan" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		unsigned char out[32];
		size_t len = strlen(cases[i].in);
		char *t = heap(cases[i].in, len);
		long n = mc_dkim_base64_decode(t, len, out);
		check(n == cases[i].len && (n < 0 || memcmp(out, cases[i].out, (size_t)n) == 0), "base64", cases[i].in, NULL);
		free(t);
	}
}

/* ---- DNSBL ----------------------------------------------------------- */

static void test_dnsbl(void)
{
	static const struct { unsigned char a[4]; mc_dnsbl_code code; } codes[] = {
		{ {127, 0, 0, 2}, MC_DNSBL_LISTED }, { {127, 0, 1, 2}, MC_DNSBL_LISTED }, { {127, 0, 0, 10}, MC_DNSBL_LISTED },
		{ {127, 0, 0, 1}, MC_DNSBL_REFUSED }, { {127, 255, 255, 254}, MC_DNSBL_REFUSED }, { {127, 255, 255, 255}, MC_DNSBL_REFUSED },
		{ {127, 255, 255, 252}, MC_DNSBL_QUERY_ERROR }, { {10, 0, 0, 1}, MC_DNSBL_QUERY_ERROR }, { {192, 0, 2, 1}, MC_DNSBL_QUERY_ERROR },
	};
	for (size_t i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
		const char *why = NULL;
		char s[20];
		snprintf(s, sizeof(s), "%u.%u.%u.%u", codes[i].a[0], codes[i].a[1], codes[i].a[2], codes[i].a[3]);
		check(mc_dnsbl_classify(codes[i].a, &why) == codes[i].code && why, "return code", s, why);
	}

	static const struct { const char *subject; int ip; const char *zone, *name; } names[] = {
		{ "192.0.2.1", 1, "zen.example", "1.2.0.192.zen.example" },
		{ "2001:db8::66", 1, "bl.example", "6.6.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.bl.example" },
		{ "::ffff:192.0.2.1", 1, "zen.example", "1.2.0.192.zen.example" },
		{ "spammy.example", 0, "dbl.example", "spammy.example.dbl.example" },
	};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		mc_ip ip;
		const char *why;
		char out[1024];
		int ok = !names[i].ip || mc_ip_parse(names[i].subject, strlen(names[i].subject), &ip, &why) == 0;
		ok = ok && mc_dnsbl_query_name(names[i].ip ? &ip : NULL, names[i].ip ? NULL : names[i].subject, names[i].zone, out, sizeof(out)) == 0
			&& strcmp(out, names[i].name) == 0;
		check(ok, "query name", names[i].subject, out);
	}
	char label[64], longzone[300], out[1024];
	memset(label, 'a', 63);
	label[63] = '\0';
	snprintf(longzone, sizeof(longzone), "%s.%s.%s.example", label, label, label);
	mc_ip ip;
	const char *why;
	mc_ip_parse("2001:db8::1", 11, &ip, &why);
	check(mc_dnsbl_query_name(&ip, NULL, longzone, out, sizeof(out)) < 0, "a query name over 253 octets is refused", longzone, NULL);

	static const struct { const char *text; int ok; size_t nip, ndomain; const char *first_ip; } sets[] = {
		{ "", 1, 0, 0, NULL }, { "  ", 1, 0, 0, NULL },
		{ "zen.example, domain:dbl.example", 1, 1, 1, "zen.example" },
		{ "A.Example., DOMAIN:b.example,c.example", 1, 2, 1, "a.example" },
		{ "a.example,a.example", 0, 0, 0, NULL }, { "a.example, domain:a.example", 1, 1, 1, "a.example" },
		{ "foo", 0, 0, 0, NULL }, { "a.example,,b.example", 0, 0, 0, NULL }, { "domain:", 0, 0, 0, NULL },
		{ "a.example,", 0, 0, 0, NULL }, { "192.0.2.1", 0, 0, 0, NULL }, { "a_b.example", 0, 0, 0, NULL },
	};
	for (size_t i = 0; i < sizeof(sets) / sizeof(sets[0]); i++) {
		mc_dnsbl_zone_set set;
		char err[256] = "";
		int rc = mc_dnsbl_parse_zone_set(sets[i].text, &set, err, sizeof(err));
		check(rc == (sets[i].ok ? 0 : -1) && (rc < 0 ? err[0] != '\0' : set.nip == sets[i].nip && set.ndomain == sets[i].ndomain
			&& (!sets[i].first_ip || strcmp(set.ip[0], sets[i].first_ip) == 0)), "mailcheck.dnsbl_zones", sets[i].text, err);
		mc_dnsbl_zone_set_free(&set);
	}
	char many[MC_DNSBL_MAX_ZONES * 16 + 16];
	size_t o = 0;
	for (int i = 0; i <= MC_DNSBL_MAX_ZONES; i++) {
		o += (size_t)sprintf(many + o, "%sz%d.example", i ? "," : "", i);
	}
	mc_dnsbl_zone_set set;
	char err[256];
	check(mc_dnsbl_parse_zone_set(many, &set, err, sizeof(err)) < 0, "more than 32 zones of a kind", "z0.example,...", err);
}

int main(void)
{
	test_tags();
	test_dmarc_is_record();
	test_dmarc_near_miss();
	test_dmarc_records();
	test_walk_names();
	test_dkim_keys();
	test_base64();
	test_dnsbl();
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
