/* Table-driven test of ext/core/mc_spf_record.c, the RFC 7208 record parser,
 * run without PHP:
 *
 *   cc -Wall -Wextra -I ext/core tests/core/spf_record_test.c ext/core/mc_spf_record.c \
 *      -o /tmp/spf_record_test && /tmp/spf_record_test
 *
 * The table holds every SPF record of the RFC 7208 test suite
 * (tests/conformance/rfc7208-tests.yml): those whose permerror comes from
 * syntax are invalid, the others valid. Then the details of terms, the
 * errors' wording, the explanation strings, and robustness: large hostile
 * records must parse in linear time, and random ones without a crash.
 *
 * Prints each failure and "N passed, M failed"; exits non-zero on a failure. */
#define _POSIX_C_SOURCE 200809L   /* clock_gettime, also under -std=c99 */
#include "mc_spf_record.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define ANY_POS -1L

typedef struct {
	const char *txt;
	size_t len;           /* from sizeof: records may hold NUL bytes */
	int valid;
	int dns_terms;
	long error_pos;       /* ANY_POS: not checked */
	const char *error;    /* the static reason, NULL: not checked */
} record_case;

#define OK(txt, dns) { (txt), sizeof(txt) - 1, 1, (dns), ANY_POS, NULL }
#define BAD(txt, dns, pos, why) { (txt), sizeof(txt) - 1, 0, (dns), (pos), (why) }

static const record_case record_cases[] = {
	/* --- RFC 7208 test suite: Initial processing --- */
	OK("v=spf1 -all exp=exp.example.net", 0),
	OK("v=spf1 -all", 0),
	BAD("v=spf1 a:\xEF\xBB\xBFgarbage.example.net -all", 0, 9, "invalid character"),   /* non-ascii-policy */
	BAD("v=spf1 \x80" "a:example.net -all", 0, 7, "invalid character"),                 /* non-ascii-mech */
	BAD("v=spf1 a:example.net \x96" "all", 1, 21, "invalid character"),                 /* non-ascii-result */
	OK("v=spf1 a:example.net -all", 1),                                                 /* non-ascii-non-spf */
	BAD("v=spf1 a:ctrl.example.com\rptr -all", 0, 25, "invalid character"),             /* control-char-policy */
	OK("v=spf1 a  -all", 1),                                                            /* two-spaces */
	OK("v=spf1 a -all ", 1),                                                            /* trailing-space */
	OK("v=spf1 ip4:192.0.2.5 -all", 0),                                                 /* null-text, joined */
	BAD("v=spf1 ip4:192.0.2.5\n include:spf.protection.outlook.com ~all", 0, 20, "invalid character"), /* badip4 */
	/* --- Record lookup / Selecting records --- */
	BAD("v=spf3 !a:yahoo.com -all", 0, 0, "not an SPF record"),
	BAD("v=spf10", 0, 6, "not an SPF record"),                                          /* nospace2 */
	OK("v=spf1 mx", 1),
	OK("v=spf1", 0),                                                                    /* empty */
	BAD("v=spf1mx", 0, 6, "not an SPF record"),                                         /* nospace1 */
	OK("v=spf1 +all", 0),
	OK("V=sPf1 +all", 0),                                                               /* multitxt2 */
	OK("V=spf1 -all", 0),
	OK("v=SpF1 ~all", 0),                                                               /* case-insensitive */
	/* --- Record evaluation --- */
	BAD("v=spf1 ip4:1.2.3.4 -all moo", 0, 24, "unknown mechanism"),                     /* detect-errors-anywhere */
	OK("v=spf1 moo.cow-far_out=man:dog/cat ip4:1.2.3.4 -all", 0),                       /* modifier-charset-good */
	BAD("v=spf1 moo.cow/far_out=man:dog/cat ip4:1.2.3.4 -all", 0, 7, "unknown mechanism"), /* modifier-charset-bad1 */
	BAD("v=spf1 moo.cow:far_out=man:dog/cat ip4:1.2.3.4 -all", 0, 7, "unknown mechanism"), /* modifier-charset-bad2 */
	OK("v=spf1 redirect=t5.example.com ~all", 1),
	OK("v=spf1 ip4:1.2.3.4 redirect=t2.example.com", 1),
	OK("v=spf1 ip4:1.2.3.4", 0),
	BAD("v=spf1 ip4:1.2.3.4 redirect:t2.example.com", 0, 19, "unknown mechanism"),     /* redirect-is-modifier */
	BAD("v=spf1 a:foo-bar -all", 0, 9, "invalid domain-spec"),                          /* invalid-domain */
	/* invalid-domain-empty-label and -long: valid domain-spec syntax (the
	 * suite accepts fail), a no-match at evaluation */
	OK("v=spf1 a:mail.example...com -all", 1),
	OK("v=spf1 a:a123456789012345678901234567890123456789012345678901234567890123.example.com -all", 1),
	OK("v=spf1 a:%{H}.bar -all", 1),
	/* --- ALL mechanism syntax --- */
	BAD("v=spf1 -all.", 0, 8, "unknown mechanism"),                                     /* all-dot */
	BAD("v=spf1 -all:foobar", 0, 11, "unexpected argument"),                            /* all-arg */
	BAD("v=spf1 -all/8", 0, 11, "unexpected argument"),                                 /* all-cidr */
	OK("v=spf1 ?all", 0),
	OK("v=spf1 all -all", 0),
	/* --- PTR mechanism syntax --- */
	BAD("v=spf1 ptr/0 -all", 0, 10, "unexpected argument"),                             /* ptr-cidr */
	OK("v=spf1 ptr:example.com -all", 1),
	OK("v=spf1 ptr -all", 1),
	BAD("v=spf1 ptr:", 0, 11, "empty domain-spec"),                                     /* ptr-empty-domain */
	OK("v=spf1 ptr:example.Com -all", 1),
	OK("v=spf1 ptr", 1),
	/* --- A mechanism syntax --- */
	OK("v=spf1 a/0 -all", 1),
	OK("v=spf1 a//0 -all", 1),
	OK("v=spf1 a -all", 1),
	BAD("v=spf1 a:foo.example.com\0", 0, 24, "invalid character"),                     /* a-null */
	BAD("v=spf1 a:111.222.33.44", 0, 9, "invalid domain-spec"),                         /* a-numeric */
	BAD("v=spf1 a:abc.123", 0, 9, "invalid domain-spec"),                               /* a-numeric-toplabel */
	BAD("v=spf1 a:museum", 0, 9, "invalid domain-spec"),                                /* a-only-toplabel */
	BAD("v=spf1 a:museum.", 0, 9, "invalid domain-spec"),                               /* a-only-toplabel-trailing-dot */
	OK("v=spf1 a//33 -all", 1),                                                         /* a-cidr6 */
	BAD("v=spf1 a/33 -all", 0, 8, "invalid CIDR length"),                               /* a-bad-cidr4 */
	BAD("v=spf1 a//129 -all", 0, 8, "invalid CIDR length"),                             /* a-bad-cidr6 */
	OK("v=spf1 a/24//64 -all", 1),
	BAD("v=spf1 a/24/64 -all", 0, 8, "invalid CIDR length"),                            /* a-dual-cidr-ip4-err */
	OK("v=spf1 a/24 -all", 1),
	OK("v=spf1 a//64 -all", 1),
	BAD("v=spf1 a:example.com:8080", 0, 9, "invalid domain-spec"),                      /* a-bad-domain */
	OK("v=spf1 a:foo.example.com/24", 1),
	OK("v=spf1 a:foo:bar/baz.example.com", 1),                                          /* a-colon-domain */
	BAD("v=spf1 a:example.-com", 0, 9, "invalid domain-spec"),                          /* a-bad-toplabel */
	BAD("v=spf1 a:", 0, 9, "empty domain-spec"),                                        /* a-empty-domain */
	OK("v=spf1 a:foo.example.xn--zckzah -all", 1),                                      /* a-dash-in-toplabel */
	/* --- Include mechanism semantics and syntax --- */
	OK("v=spf1 ip4:1.2.3.5 -all", 0),
	OK("v=spf1 ip4:1.2.3.6 ~all", 0),
	OK("v=spf1 ip4:1.2.3.7 ?all", 0),
	BAD("v=spfl am not an SPF record", 0, 0, "not an SPF record"),
	OK("v=spf1 include:ip5.example.com ~all", 1),
	OK("v=spf1 include:ip6.example.com all", 1),
	OK("v=spf1 include:ip7.example.com -all", 1),
	OK("v=spf1 include:ip8.example.com -all", 1),
	OK("v=spf1 include:e6.example.com -all", 1),
	BAD("v=spf1 include +all", 0, 14, "missing domain-spec"),                           /* include-syntax-error */
	OK("v=spf1 include:erehwon.example.com -all", 1),
	BAD("v=spf1 include: -all", 0, 15, "empty domain-spec"),                            /* include-empty-domain */
	BAD("v=spf1 include:ip5.example.com/24 -all", 0, 15, "invalid domain-spec"),        /* include-cidr */
	/* --- MX mechanism syntax --- */
	OK("v=spf1 mx/0 -all", 1),
	OK("v=spf1 mx//0 -all", 1),
	BAD("v=spf1 mx:foo.example.com\0", 0, 25, "invalid character"),                    /* mx-null */
	BAD("v=spf1 mx:abc.123", 0, 10, "invalid domain-spec"),                             /* mx-numeric-top-label */
	OK("v=spf1 mx//33 -all", 1),
	BAD("v=spf1 mx/33 -all", 0, 9, "invalid CIDR length"),                              /* mx-bad-cidr4 */
	BAD("v=spf1 mx//129 -all", 0, 9, "invalid CIDR length"),                            /* mx-bad-cidr6 */
	BAD("v=spf1 mx:example.com:8080", 0, 10, "invalid domain-spec"),                    /* mx-bad-domain */
	OK("v=spf1 mx:foo.example.com/24", 1),
	OK("v=spf1 mx:foo:bar/baz.example.com", 1),                                         /* mx-colon-domain */
	BAD("v=spf1 mx:example.-com", 0, 10, "invalid domain-spec"),                        /* mx-bad-toplab */
	BAD("v=spf1 mx: -all", 0, 10, "empty domain-spec"),                                 /* mx-empty-domain */
	/* --- EXISTS mechanism syntax --- */
	BAD("v=spf1 exists:", 0, 14, "empty domain-spec"),                                  /* exists-empty-domain */
	BAD("v=spf1 exists", 0, 13, "missing domain-spec"),                                 /* exists-implicit */
	BAD("v=spf1 exists:mail.example.com/24", 0, 14, "invalid domain-spec"),             /* exists-cidr */
	OK("v=spf1 exists:mail.example.com", 1),
	OK("v=spf1 exists:mail6.example.com -all", 1),
	OK("v=spf1 exists:err.example.com -all", 1),
	/* --- IP4 mechanism syntax --- */
	OK("v=spf1 ip4:1.1.1.1/0 -all", 0),
	OK("v=spf1 ip4:1.2.3.4/32 -all", 0),
	BAD("v=spf1 ip4:1.2.3.4/33 -all", 0, 18, "invalid CIDR length"),                    /* cidr4-33 */
	BAD("v=spf1 ip4:1.2.3.4/032 -all", 0, 18, "invalid CIDR length"),                   /* cidr4-032 */
	BAD("v=spf1 ip4", 0, 10, "missing address"),                                        /* bare-ip4 */
	BAD("v=spf1 ip4:1.2.3.4//32", 0, 18, "invalid CIDR length"),                        /* ip4-dual-cidr */
	OK("v=spf1 -ip4:1.2.3.4 ip6:::FFFF:1.2.3.4", 0),
	BAD("v=spf1 ip4:1.2.3.4:8080", 0, 11, "invalid IPv4 address"),                      /* bad-ip4-port */
	BAD("v=spf1 ip4:1.2.3", 0, 11, "invalid IPv4 address"),                             /* bad-ip4-short */
	/* --- IP6 mechanism syntax --- */
	BAD("v=spf1 -all ip6", 0, 15, "missing address"),                                   /* bare-ip6 */
	OK("v=spf1 ip6:::1.1.1.1/0", 0),
	BAD("v=spf1 ip6:::1.1.1.1/129", 0, 20, "invalid CIDR length"),                      /* cidr6-129 */
	BAD("v=spf1 ip6:::1.1.1.1//33", 0, 20, "invalid CIDR length"),                      /* cidr6-bad */
	OK("v=spf1 ip6:Cafe:Babe:8000::/33", 0),
	BAD("v=spf1 ip6::CAFE::BABE", 0, 11, "invalid IPv6 address"),                       /* ip6-bad1 */
	/* --- Semantics of exp and other modifiers --- */
	OK("v=spf1 exp=exp1.example.com redirect=e2.example.com", 1),
	OK("v=spf1 exp=exp1.example.com redirect=e4.example.com", 1),
	OK("v=spf1 -all exp=exp2.example.com", 0),
	BAD("v=spf1 1up=foo", 0, 7, "invalid modifier name"),                               /* invalid-modifier */
	BAD("v=spf1 =all", 0, 7, "invalid modifier name"),                                  /* empty-modifier-name */
	OK("v=spf1 include:e3.example.com -all exp=exp3.example.com", 1),
	OK("v=spf1 -all exp=exp4.example.com", 0),
	BAD("v=spf1 -all foo=%abc", 0, 16, "invalid macro"),                                /* unknown-modifier-syntax */
	OK("v=spf1 redirect=erehwon.example.com", 1),
	OK("v=spf1 -all exp=e11msg.example.com", 0),
	BAD("v=spf1 exp= -all", 0, 11, "empty domain-spec"),                                /* exp-empty-domain */
	OK("v=spf1 exp=e13msg.example.com -all", 0),
	BAD("v=spf1 exp=e13msg.example.com -all exp=e11msg.example.com", 0, 35, "exp= given twice"), /* exp-twice */
	BAD("v=spf1 redirect=e12.example.com -all redirect=e12.example.com", 1, 37, "redirect= given twice"), /* redirect-twice */
	BAD("v=spf1 exp=-all", 0, 11, "invalid domain-spec"),                               /* exp-syntax-error */
	BAD("v=spf1 redirect=-all ?all", 0, 16, "invalid domain-spec"),                     /* redirect-syntax-error */
	BAD("v=spf1 ?all redirect=", 0, 21, "empty domain-spec"),                           /* redirect-empty-domain */
	OK("v=spf1 default=pass", 0),                                                       /* default-modifier-obsolete */
	OK("v=spf1 default=+", 0),
	OK("v=spf1 exp=e21msg.example.com -all", 0),
	OK("v=spf1 exp=mail.example.com -all", 0),
	OK("v=spf1 exp=badexp.example.com -all", 0),
	OK("v=spf1 exp=twoexp.example.com -all", 0),
	OK("v=spf1 a:erehwon.example.com a:foobar.com exp=nxdomain.com -all", 2),
	OK("v=spf1 redirect=testimplicit.example.com", 1),
	/* --- Macro expansion rules --- */
	OK("v=spf1 redirect=a.spf.example.com", 1),
	OK("v=spf1 include:o.spf.example.com. ~all", 1),
	OK("v=spf1 ip4:192.168.218.40", 0),
	OK("v=spf1 redirect=%{d}.d.spf.example.com.", 1),
	OK("v=spf1 exp=msg.example.com. -all", 0),
	BAD("v=spf1 -exists:%(ir).sbl.example.com ?all", 0, 15, "invalid macro"),           /* invalid-macro-char */
	BAD("v=spf1 exists:foo%(ir).sbl.example.com ?all", 0, 17, "invalid macro"),         /* invalid-embedded-macro-char */
	BAD("v=spf1 exists:foo%.sbl.example.com ?all", 0, 17, "invalid macro"),             /* invalid-trailing-macro-char */
	OK("v=spf1 a:macro%%percent%_%_space%-url-space.example.com -all", 1),              /* macro-mania-in-domain */
	BAD("v=spf1 -all exp=%{r}.example.com", 0, 16, "invalid macro"),                    /* exp-only-macro-char */
	OK("v=spf1 -all exp=%{ir}.example.com", 0),
	OK("v=spf1 -all exp=foobar.%{o}.%{o}.%{o}.%{o}.%{o}.%{o}.%{o}.%{o}.example.com", 0),
	OK("v=spf1 -all exp=e4msg.example.com", 0),
	BAD("v=spf1 a:%{a}.example.com -all", 0, 9, "invalid macro"),                       /* undef-macro */
	OK("v=spf1 -all exp=e6msg.example.com", 0),
	OK("v=spf1 exists:%{p}.should.example.com ~exists:%{p}.ok.example.com", 2),
	OK("v=spf1 -all exp=msg8.%{D2}", 0),
	OK("v=spf1 a:%{H} -all", 1),
	OK("v=spf1 -include:_spfh.%{d2} ip4:1.2.3.0/24 -all", 1),
	OK("v=spf1 -a:%{h} +all", 1),
	OK("v=spf1 exists:%{i}.%{l2r-}.user.%{d2}", 1),
	OK("v=spf1 exists:%{l2r+-}.user.%{d2}", 1),                                        /* macro-multiple-delimiters */
	/* --- Processing limits: the count is the caller's, syntax is fine --- */
	OK("v=spf1 ip4:1.1.1.1 redirect=e1.example.com", 1),
	OK("v=spf1 include:e3.example.com", 1),
	OK("v=spf1 include:e2.example.com", 1),
	OK("v=spf1 a mx a mx a mx a mx a ptr ip4:1.2.3.4 -all", 10),                      /* mech-at-limit */
	OK("v=spf1 a mx a mx a mx a mx a ptr a ip4:1.2.3.4 -all", 11),                    /* mech-over-limit */
	OK("v=spf1 a include:inc.example.com ip4:1.2.3.4 mx -all", 3),
	OK("v=spf1 a a a a a a a a", 8),
	OK("v=spf1 a include:inc.example.com a ip4:1.2.3.4 -all", 3),
	OK("v=spf1 a:err.example.com a:err1.example.com a:err2.example.com ?all", 3),
	OK("v=spf1 a:err.example.com a:err1.example.com ?all", 2),
	/* --- Test cases from implementation bugs --- */
	OK("v=spf1 mx redirect=_spf.example.com", 2),
	OK("v=spf1 ptr:fe.example.org ptr:sgp.example.com exp=_expspf.example.org -all", 2),
	OK("v=spf1 ip4:192.0.2.225 ?include:webmail.pair.com ?include:relay.pair.com -all", 2),
	OK("v=spf1 include:a.example.org include:b.example.org -all", 2),
	OK("v=spf1 ip4:66.39.3.0/24 ip4:209.68.6.94/32", 0),
	OK("v=spf1 ip4:209.68.5.9/32 ip4:209.68.5.15/32 a -all", 1),

	/* --- version and separators --- */
	OK("v=spf1 ", 0),
	OK("v=spf1          ", 0),
	BAD("v=spf1\t-all", 0, 6, "not an SPF record"),
	BAD(" v=spf1 -all", 0, 0, "not an SPF record"),
	BAD("", 0, 0, "not an SPF record"),
	BAD("v=spf", 0, 0, "not an SPF record"),
	BAD("spf1 -all", 0, 0, "not an SPF record"),
	BAD("v=spf1 a:foo.example.com\tmx", 0, 24, "invalid character"),
	BAD("v=spf1 -all\r\n", 0, 11, "invalid character"),
	BAD("v=spf1 ip4:192.0.2.1 \x7f", 0, 21, "invalid character"),
	/* --- names are case-insensitive --- */
	OK("v=spf1 -ALL", 0),
	OK("v=spf1 MX:Example.COM/24//64 A PTR Exists:x.example.com Include:_spf.example.com", 5),
	OK("v=spf1 IP4:192.0.2.0/24 IP6:2001:DB8::/32", 0),
	OK("v=spf1 REDIRECT=_spf.example.com EXP=explain.example.com", 1),
	/* --- qualifiers and terms --- */
	OK("v=spf1 ?mx:mail.example.com ~a -ptr +all", 3),
	BAD("v=spf1 +", 0, 7, "unknown mechanism"),
	BAD("v=spf1 a -", 1, 9, "unknown mechanism"),
	BAD("v=spf1 :example.com", 0, 7, "unknown mechanism"),
	BAD("v=spf1 /24", 0, 7, "unknown mechanism"),
	BAD("v=spf1 allx", 0, 7, "unknown mechanism"),
	BAD("v=spf1 ip4:192.0.2.1 a -all include", 1, 35, "missing domain-spec"),
	BAD("v=spf1 all:", 0, 10, "unexpected argument"),
	BAD("v=spf1 a include", 1, 16, "missing domain-spec"),
	BAD("v=spf1 a+mx", 0, 7, "unknown mechanism"),
	BAD("v=spf1 a.b", 0, 7, "unknown mechanism"),
	BAD("v=spf1 exp:explain.example.com", 0, 7, "unknown mechanism"),
	/* --- ip4 --- */
	OK("v=spf1 ip4:0.0.0.0/0 ip4:255.255.255.255/32 ip4:10.0.0.0/8 ip4:192.0.2.9/9", 0),
	BAD("v=spf1 ip4:256.1.1.1", 0, 11, "invalid IPv4 address"),
	BAD("v=spf1 ip4:01.2.3.4", 0, 11, "invalid IPv4 address"),
	BAD("v=spf1 ip4:1.2.3.4.5", 0, 11, "invalid IPv4 address"),
	BAD("v=spf1 ip4:1.2.3.", 0, 11, "invalid IPv4 address"),
	BAD("v=spf1 ip4:1.2.3.0004", 0, 11, "invalid IPv4 address"),
	BAD("v=spf1 ip4:example.com", 0, 11, "invalid IPv4 address"),
	BAD("v=spf1 ip4:", 0, 10, "missing address"),
	BAD("v=spf1 ip4/24", 0, 10, "missing address"),
	BAD("v=spf1 ip4:1.2.3.4/", 0, 18, "invalid CIDR length"),
	BAD("v=spf1 ip4:1.2.3.4/8a", 0, 18, "invalid CIDR length"),
	BAD("v=spf1 ip4:1.2.3.4/99999999999999999999", 0, 18, "invalid CIDR length"),
	BAD("v=spf1 ip4:2001:db8::1", 0, 11, "invalid IPv4 address"),
	/* --- ip6 --- */
	OK("v=spf1 ip6:2001:db8::/32 ip6:2001:db8::1/128 ip6:::/0 ip6:::1 ip6:1:2:3:4:5:6:7:8", 0),
	BAD("v=spf1 ip6:2001:db8::/0128", 0, 21, "invalid CIDR length"),
	BAD("v=spf1 ip6:2001:db8::/1280", 0, 21, "invalid CIDR length"),
	BAD("v=spf1 ip6:2001:db8::1%eth0", 0, 11, "invalid IPv6 address"),
	BAD("v=spf1 ip6:1.2.3.4", 0, 11, "invalid IPv6 address"),
	BAD("v=spf1 ip6:2001:db8:::1", 0, 11, "invalid IPv6 address"),
	BAD("v=spf1 ip6:1:2:3:4:5:6:7:8:9", 0, 11, "invalid IPv6 address"),
	BAD("v=spf1 ip6:[2001:db8::1]", 0, 11, "invalid IPv6 address"),
	BAD("v=spf1 ip6:", 0, 10, "missing address"),
	/* --- a / mx CIDR lengths --- */
	OK("v=spf1 a:example.com/24//128 mx:example.com//0 a/0//0 mx/32", 4),
	BAD("v=spf1 a:example.com/24//0128", 0, 23, "invalid CIDR length"),
	BAD("v=spf1 a/024", 0, 8, "invalid CIDR length"),
	BAD("v=spf1 a/", 0, 8, "invalid CIDR length"),
	BAD("v=spf1 a//", 0, 8, "invalid CIDR length"),
	BAD("v=spf1 a//24//64", 0, 8, "invalid CIDR length"),
	BAD("v=spf1 a/24:example.com", 0, 8, "invalid CIDR length"),
	BAD("v=spf1 mx:example.com/x", 0, 10, "invalid domain-spec"),
	OK("v=spf1 a:%{d}/24 mx:%{d}//64", 2),
	/* --- domain-spec --- */
	OK("v=spf1 a:%{d}", 1),
	OK("v=spf1 a:%%", 1),
	OK("v=spf1 a:foo.example.com%_", 1),
	OK("v=spf1 a:.com", 1),                 /* empty macro-string, then domain-end */
	OK("v=spf1 a:host.1-2", 1),             /* an all-digit toplabel with a hyphen */
	OK("v=spf1 a:host.example.com.", 1),
	OK("v=spf1 exists:%{ir}.%{l1r+-}._spf.%{d}", 1),
	OK("v=spf1 include:%{ir}.%{v}._spf.%{d2}", 1),
	OK("v=spf1 a:%{S}.x.example mx:%{d}", 2),
	BAD("v=spf1 a:host.c-", 0, 9, "invalid domain-spec"),
	BAD("v=spf1 a:host.example.com..", 0, 9, "invalid domain-spec"),
	BAD("v=spf1 a:%{d}x", 0, 9, "invalid domain-spec"),
	BAD("v=spf1 a:host.%-com", 0, 9, "invalid domain-spec"),
	BAD("v=spf1 ptr:192.0.2.1", 0, 11, "invalid domain-spec"),
	/* --- macros --- */
	OK("v=spf1 exists:%{d10r.-+,/_=}.example.com", 1),
	OK("v=spf1 exists:%{S}.%{L}.%{O}.%{D}.%{I}.%{P}.%{H}.%{V}.example.com", 1),
	OK("v=spf1 exists:%{L}.%{Ir}.%{dR}.example.com", 1),
	OK("v=spf1 exists:%{i01}.example.com", 1),
	BAD("v=spf1 exists:%{d0}.example.com", 0, 14, "invalid macro"),
	BAD("v=spf1 exists:%{d00r}.example.com", 0, 14, "invalid macro"),
	BAD("v=spf1 exists:%{dr2}.example.com", 0, 14, "invalid macro"),
	BAD("v=spf1 exists:%{d", 0, 14, "invalid macro"),
	BAD("v=spf1 exists:%{", 0, 14, "invalid macro"),
	BAD("v=spf1 exists:x%", 0, 15, "invalid macro"),
	BAD("v=spf1 exists:%{}.example.com", 0, 14, "invalid macro"),
	BAD("v=spf1 exists:%{d:}.example.com", 0, 14, "invalid macro"),
	BAD("v=spf1 exists:%{c}.example.com", 0, 14, "invalid macro"),
	BAD("v=spf1 exists:%{T}.example.com", 0, 14, "invalid macro"),
	BAD("v=spf1 a:x.example.com ptr:%{x}.example.com", 1, 27, "invalid macro"),
	/* --- modifiers --- */
	OK("v=spf1 foo=", 0),
	OK("v=spf1 x.y_z-1=%{l}%%:/bar", 0),
	OK("v=spf1 include=example.com", 0),    /* an unknown modifier by the grammar */
	OK("v=spf1 -all redirect=_spf.example.com", 1),
	BAD("v=spf1 -foo=bar", 0, 7, "qualifier before a modifier"),
	BAD("v=spf1 ~redirect=_spf.example.com", 0, 7, "qualifier before a modifier"),
	BAD("v=spf1 foo=%{c}", 0, 11, "invalid macro"),
	BAD("v=spf1 _foo=bar", 0, 7, "invalid modifier name"),
	BAD("v=spf1 exp=foo.example.com EXP=bar.example.com", 0, 27, "exp= given twice"),
	BAD("v=spf1 redirect=a.example.com Redirect=b.example.com", 1, 30, "redirect= given twice"),
	BAD("v=spf1 redirect=example.com/24", 0, 16, "invalid domain-spec"),
	BAD("v=spf1 foo=bar=baz%", 0, 18, "invalid macro"),
};

static int passed, failed;

static void check(int ok, const char *what, const char *txt, size_t len)
{
	if (ok) {
		passed++;
		return;
	}
	failed++;
	printf("FAIL: %s: \"", what);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)txt[i];
		if (c >= 0x20 && c < 0x7f) {
			putchar(c);
		} else {
			printf("\\x%02X", c);
		}
	}
	printf("\"\n");
}

static void run_record_cases(void)
{
	for (size_t k = 0; k < sizeof(record_cases) / sizeof(record_cases[0]); k++) {
		const record_case *c = &record_cases[k];
		mc_spf_record rec;
		if (mc_spf_record_parse(c->txt, c->len, &rec) != 0) {
			check(0, "parse failed", c->txt, c->len);
			continue;
		}
		int ok = rec.valid == c->valid && rec.dns_terms == c->dns_terms;
		if (c->valid) {
			ok = ok && rec.error == NULL && rec.error_detail == NULL;
		} else {
			ok = ok && rec.error != NULL && rec.error_detail != NULL;
			if (c->error_pos != ANY_POS) {
				ok = ok && rec.error_pos == (size_t)c->error_pos;
			}
			if (c->error && rec.error) {
				ok = ok && strcmp(rec.error, c->error) == 0;
			}
		}
		if (!ok) {
			check(0, "record", c->txt, c->len);
			printf("      got valid=%d dns_terms=%d error_pos=%zu error=%s (%s)\n", rec.valid, rec.dns_terms,
					rec.error_pos, rec.error ? rec.error : "-", rec.error_detail ? rec.error_detail : "-");
		} else {
			passed++;
		}
		int is_record = mc_spf_is_record(c->txt, c->len);
		check(is_record == !(rec.error && strcmp(rec.error, "not an SPF record") == 0),
				"is_record agrees with parse", c->txt, c->len);
		mc_spf_record_free(&rec);
	}
}

/* --- mc_spf_is_record --- */
static void run_is_record(void)
{
	static const struct { const char *txt; int yes; } cases[] = {
		{"v=spf1", 1}, {"v=spf1 ", 1}, {"v=spf1 -all", 1}, {"V=SPF1 -all", 1}, {"v=Spf1 a", 1},
		{"v=spf1-all", 0}, {"v=spf10", 0}, {"v=spf1\t-all", 0}, {"v=spf2.0/pra -all", 0},
		{" v=spf1", 0}, {"v=spf", 0}, {"", 0}, {"v=DMARC1; p=none", 0}, {"spf1", 0},
	};
	for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		check(mc_spf_is_record(cases[k].txt, strlen(cases[k].txt)) == cases[k].yes,
				"is_record", cases[k].txt, strlen(cases[k].txt));
	}
	check(mc_spf_is_record("v=spf1\0 -all", 12) == 0, "is_record NUL after version", "v=spf1\\0 -all", 13);
}

/* --- explanation strings and macro-strings on their own --- */
static void run_macro_strings(void)
{
	static const struct { const char *s; size_t len; int exp; int valid; size_t pos; } cases[] = {
#define M(s, exp, valid, pos) { (s), sizeof(s) - 1, (exp), (valid), (pos) }
		/* the explanations of the test suite */
		M("%{l} in implementation", 1, 1, 0),
		M("The %{x}-files.", 1, 0, 4),                               /* explanation-syntax-error */
		M("Connections from %{c} not authorized.", 1, 1, 0),
		M("%{c} is queried as %{ir}.%{v}.arpa", 1, 1, 0),
		M("connect from %{p}", 1, 1, 0),
		M("http://example.com/why.html?l=%{L}", 1, 1, 0),
		M("Sender domain not allowed from this host. Please see http://www.example.org/Why?s=mfrom&id=%{S}&ip=%{C}&r=%{R}", 1, 1, 0),
		M("\xEF\xBB\xBF" "Explanation", 1, 0, 0),                    /* non-ascii-exp */
		M("This is a test.", 1, 1, 0),
		M("Answer a fool according to his folly.", 1, 1, 0),
		M("See me.", 1, 1, 0),
		M("Congratulations!  That was tricky.", 1, 1, 0),
		M("", 1, 1, 0),
		M("100%", 1, 0, 3),
		M("100%%", 1, 1, 0),
		M("%{t}%{T}%{r10r.}", 1, 1, 0),
		M("tab\there", 1, 0, 3),
		M("nul\0here", 1, 0, 3),
		/* in a record, c, r, t and spaces are not allowed */
		M("%{c}", 0, 0, 0),
		M("a %{d}", 0, 0, 1),
		M("%{d}.%{i}.%{l1r}", 0, 1, 0),
		M("x%{d0}", 0, 0, 1),
		M("%{d25r+}", 0, 1, 0),
		M("%{d25r+}x%", 0, 0, 9),
#undef M
	};
	for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		size_t pos = (size_t)-1;
		int r = mc_spf_macro_string_valid(cases[k].s, cases[k].len, cases[k].exp, &pos);
		int ok = cases[k].valid ? r == 0 : (r == -1 && pos == cases[k].pos);
		check(ok, cases[k].exp ? "explanation string" : "macro-string", cases[k].s, cases[k].len);
		if (!ok) {
			printf("      got %d pos %zu\n", r, pos);
		}
	}
}

/* --- the terms themselves --- */
static mc_spf_record parse_ok(const char *txt)
{
	mc_spf_record rec;
	if (mc_spf_record_parse(txt, strlen(txt), &rec) != 0 || !rec.valid) {
		check(0, "parse_ok", txt, strlen(txt));
	}
	return rec;
}

static int str_is(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a && b && strcmp(a, b) == 0);
}

static void run_terms(void)
{
	const char *txt = "v=spf1 ~MX:%{d}.example.com/24//64 ip4:192.0.2.0/24 -ip6:2001:db8::/48 "
		"?include:_spf.example.org a ptr exists:%{i}.bl.example ip4:192.0.2.1 "
		"v-note=hello%_world exp=why.%{d} redirect=_spf.example.net -all";
	mc_spf_record rec = parse_ok(txt);
	check(rec.count == 12, "term count", txt, strlen(txt));
	if (rec.count == 12) {
		mc_spf_term *t = rec.terms;
		check(t[0].kind == MC_SPF_M_MX && t[0].qualifier == MC_SPF_Q_SOFTFAIL && t[0].explicit_qualifier
				&& str_is(t[0].name, "MX") && str_is(t[0].domain_spec, "%{d}.example.com")
				&& t[0].has_macros && t[0].cidr4 == 24 && t[0].cidr6 == 64 && t[0].ip == NULL
				&& t[0].value == NULL && t[0].pos == 7 && t[0].len == 27,
				"term 0 ~MX:%{d}.example.com/24//64", txt, strlen(txt));
		check(t[1].kind == MC_SPF_M_IP4 && t[1].qualifier == MC_SPF_Q_PASS && !t[1].explicit_qualifier
				&& str_is(t[1].ip, "192.0.2.0") && t[1].cidr4 == 24 && t[1].cidr6 == -1
				&& t[1].domain_spec == NULL && str_is(t[1].name, "ip4"),
				"term 1 ip4:192.0.2.0/24", txt, strlen(txt));
		check(t[2].kind == MC_SPF_M_IP6 && t[2].qualifier == MC_SPF_Q_FAIL
				&& str_is(t[2].ip, "2001:db8::") && t[2].cidr6 == 48 && t[2].cidr4 == -1,
				"term 2 -ip6:2001:db8::/48", txt, strlen(txt));
		check(t[3].kind == MC_SPF_M_INCLUDE && t[3].qualifier == MC_SPF_Q_NEUTRAL
				&& str_is(t[3].domain_spec, "_spf.example.org") && !t[3].has_macros,
				"term 3 ?include", txt, strlen(txt));
		check(t[4].kind == MC_SPF_M_A && t[4].domain_spec == NULL && t[4].cidr4 == -1 && t[4].cidr6 == -1
				&& str_is(t[4].name, "a"), "term 4 a", txt, strlen(txt));
		check(t[5].kind == MC_SPF_M_PTR && t[5].domain_spec == NULL, "term 5 ptr", txt, strlen(txt));
		check(t[6].kind == MC_SPF_M_EXISTS && str_is(t[6].domain_spec, "%{i}.bl.example") && t[6].has_macros,
				"term 6 exists", txt, strlen(txt));
		check(t[7].kind == MC_SPF_M_IP4 && str_is(t[7].ip, "192.0.2.1") && t[7].cidr4 == -1,
				"term 7 ip4 without length", txt, strlen(txt));
		check(t[8].kind == MC_SPF_MOD_UNKNOWN && str_is(t[8].name, "v-note") && str_is(t[8].value, "hello%_world")
				&& t[8].domain_spec == NULL, "term 8 unknown modifier", txt, strlen(txt));
		check(t[9].kind == MC_SPF_MOD_EXP && str_is(t[9].domain_spec, "why.%{d}") && str_is(t[9].value, "why.%{d}")
				&& t[9].has_macros, "term 9 exp", txt, strlen(txt));
		check(t[10].kind == MC_SPF_MOD_REDIRECT && str_is(t[10].domain_spec, "_spf.example.net")
				&& str_is(t[10].name, "redirect"), "term 10 redirect", txt, strlen(txt));
		check(t[11].kind == MC_SPF_M_ALL && t[11].qualifier == MC_SPF_Q_FAIL && str_is(t[11].name, "all")
				&& t[11].pos == strlen(txt) - 4 && t[11].len == 4, "term 11 -all", txt, strlen(txt));
	}
	check(rec.dns_terms == 6 && rec.has_all && rec.all_qualifier == '-' && rec.has_ptr
			&& rec.has_redirect && rec.redirect_index == 10 && rec.exp_index == 9,
			"record summary", txt, strlen(txt));
	mc_spf_record_free(&rec);
	check(rec.terms == NULL && rec.count == 0 && rec.buf == NULL, "free resets", txt, strlen(txt));

	txt = "v=spf1 +all all -all";
	rec = parse_ok(txt);
	check(rec.has_all && rec.all_qualifier == '+' && !rec.has_ptr && !rec.has_redirect
			&& rec.redirect_index == -1 && rec.exp_index == -1, "first all counts", txt, strlen(txt));
	mc_spf_record_free(&rec);

	txt = "v=spf1";
	rec = parse_ok(txt);
	check(rec.count == 0 && !rec.has_all && rec.dns_terms == 0, "empty record", txt, strlen(txt));
	mc_spf_record_free(&rec);

	/* An invalid record keeps the terms before the error. */
	txt = "v=spf1 a mx foo -all";
	mc_spf_record_parse(txt, strlen(txt), &rec);
	check(!rec.valid && rec.count == 2 && rec.dns_terms == 2 && rec.error_pos == 12,
			"terms before an error", txt, strlen(txt));
	mc_spf_record_free(&rec);
	mc_spf_record_free(&rec);   /* twice is harmless */
}

/* --- what the errors say --- */
static void run_messages(void)
{
	static const struct { const char *txt; size_t len; const char *detail; } cases[] = {
#define D(txt, detail) { (txt), sizeof(txt) - 1, (detail) }
		D("v=spf1 foo -all", "unknown mechanism \"foo\""),
		D("v=spf1 ip4:192.0.2.1/33", "ip4 CIDR length 33 is greater than 32"),
		D("v=spf1 ip6:2001:db8::/129", "ip6 CIDR length 129 is greater than 128"),
		D("v=spf1 ip4:192.0.2.1/032", "ip4 CIDR length \"032\" has a leading zero"),
		D("v=spf1 a:foo.%{x}.com", "invalid macro \"%{x}\""),
		D("v=spf1 redirect=a.example redirect=b.example", "redirect= given twice"),
		D("v=spf1 exp=a.example exp=b.example", "exp= given twice"),
		D("v=spf1 a:192.0.2.1", "write ip4:192.0.2.1"),
		D("v=spf1 include:_spf.example.com/24", "\"include\" takes no CIDR length"),
		D("v=spf1 redirect:_spf.example.com", "\"redirect\" is a modifier"),
		D("v=spf1 a:abc.123", "last label \"123\""),
		D("v=spf1 a:example.com\x01", "byte 0x01"),
		D("v=spf1 a:\xC3\xA9t\xC3\xA9.example", "not ASCII"),
		D("v=spf1 a:example.com\t-all", "a tab"),
		D("v=spf1 exists:%{c}.example", "only in explanation text"),
		D("v=spf1 -foo=bar", "takes no qualifier"),
		D("v=spf1 1up=foo", "must start with a letter"),
		D("v=spf1 a:%{d0}.example", "must not be zero"),
		D("v=spf10", "must start with \"v=spf1\" followed by a space"),
		D("v=spf1 unknown\x1b[31m", "byte 0x1B after \"unknown\""),
#undef D
	};
	for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		mc_spf_record rec;
		mc_spf_record_parse(cases[k].txt, cases[k].len, &rec);
		int ok = !rec.valid && rec.error_detail && strstr(rec.error_detail, cases[k].detail);
		check(ok, "error detail", cases[k].txt, cases[k].len);
		if (!ok) {
			printf("      got: %s\n", rec.error_detail ? rec.error_detail : "(null)");
		}
		/* Messages never carry raw control or non-ASCII bytes. */
		for (const char *d = rec.error_detail; d && *d; d++) {
			if ((unsigned char)*d < 0x20 || (unsigned char)*d >= 0x7f) {
				check(0, "error detail is printable ASCII", cases[k].txt, cases[k].len);
				break;
			}
		}
		mc_spf_record_free(&rec);
	}
}

/* --- robustness --- */
static unsigned long long rng_state = 0x2545F4914F6CDD1DULL;

static unsigned rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (unsigned)(rng_state >> 11);
}

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Under valgrind everything is some 50 times slower: the bounds are then only
 * there to catch work that is not linear. */
static double slowdown(void)
{
	const char *preload = getenv("LD_PRELOAD");
	return preload && strstr(preload, "valgrind") ? 100.0 : 1.0;
}

static void invariants(const char *what, const char *txt, size_t len, const mc_spf_record *rec)
{
	int ok = 1;
	if (rec->valid) {
		ok = rec->error == NULL && rec->error_detail == NULL;
	} else {
		ok = rec->error != NULL && rec->error_detail != NULL && rec->error_pos <= len;
	}
	int dns = 0;
	for (size_t i = 0; ok && i < rec->count; i++) {
		const mc_spf_term *t = &rec->terms[i];
		ok = t->pos + t->len <= len && t->name != NULL && t->len > 0;
		if (t->kind == MC_SPF_M_INCLUDE || t->kind == MC_SPF_M_EXISTS || t->kind == MC_SPF_MOD_REDIRECT
				|| t->kind == MC_SPF_MOD_EXP) {
			ok = ok && t->domain_spec != NULL;
		}
		if (t->kind == MC_SPF_M_IP4 || t->kind == MC_SPF_M_IP6) {
			ok = ok && t->ip != NULL;
		}
		if (t->kind == MC_SPF_M_INCLUDE || t->kind == MC_SPF_M_A || t->kind == MC_SPF_M_MX
				|| t->kind == MC_SPF_M_PTR || t->kind == MC_SPF_M_EXISTS || t->kind == MC_SPF_MOD_REDIRECT) {
			dns++;
		}
		ok = ok && t->cidr4 <= 32 && t->cidr6 <= 128;
	}
	ok = ok && dns == rec->dns_terms;
	if (!ok) {
		check(0, what, txt, len > 200 ? 200 : len);
	} else {
		passed++;
	}
}

/* Parses a large record within limit_ms (times the slowdown of valgrind). */
static void timed(const char *what, const char *txt, size_t len, int expect_valid, double limit_ms)
{
	mc_spf_record rec;
	double start = now_ms();
	int r = mc_spf_record_parse(txt, len, &rec);
	double ms = now_ms() - start;
	printf("  %-44s %8zu bytes %7.2f ms  valid=%d terms=%zu%s%s\n", what, len, ms, rec.valid, rec.count,
			rec.error ? "  error: " : "", rec.error ? rec.error : "");
	check(r == 0 && (expect_valid < 0 || rec.valid == expect_valid), what, txt, len > 60 ? 60 : len);
	check(ms < limit_ms * slowdown(), "parse time within the limit", what, strlen(what));
	invariants(what, txt, len, &rec);
	mc_spf_record_free(&rec);
}

static void run_robustness(void)
{
	const size_t big = 1 << 20;
	char *buf = malloc(big + 16);
	if (!buf) {
		check(0, "malloc", "", 0);
		return;
	}
	printf("robustness:\n");

	for (size_t i = 0; i < big; i++) {
		buf[i] = (char)(rnd() & 0xff);
	}
	timed("1 MB of random bytes", buf, big, 0, 50);
	memcpy(buf, "v=spf1 ", 7);
	timed("v=spf1 + 1 MB of random bytes", buf, big, 0, 50);

	static const char alphabet[] = "     aaxmip46:/%{}.-=+~?0123456789dlrs";
	for (size_t i = 7; i < big; i++) {
		buf[i] = alphabet[rnd() % (sizeof(alphabet) - 1)];
	}
	timed("v=spf1 + 1 MB of SPF-ish characters", buf, big, -1, 50);

	memcpy(buf, "v=spf1", 6);
	memset(buf + 6, ' ', 100000);
	timed("v=spf1 + 100k spaces", buf, 100006, 1, 50);

	for (size_t i = 6; i + 1 < big; i += 2) {
		buf[i] = ' ';
		buf[i + 1] = 'a';
	}
	timed("v=spf1 + 512k \"a\" terms", buf, big, 1, 500);

	memcpy(buf, "v=spf1 a", 8);
	memset(buf + 8, '/', big - 8);
	timed("v=spf1 a + 1 MB of \"/\"", buf, big, 0, 50);

	memcpy(buf, "v=spf1 a/", 9);
	memset(buf + 9, '9', big - 9);
	timed("v=spf1 a/ + 1 MB of digits", buf, big, 0, 50);

	memcpy(buf, "v=spf1 a:", 9);
	memset(buf + 9, 'x', big - 9);
	memcpy(buf + big - 4, ".com", 4);
	timed("v=spf1 a: + a 1 MB domain", buf, big, 1, 50);

	memcpy(buf, "v=spf1 exists:", 14);
	for (size_t i = 14; i + 4 <= big; i += 4) {
		memcpy(buf + i, "%{d}", 4);
	}
	timed("v=spf1 exists: + 256k macros", buf, big - (big - 14) % 4, 1, 50);

	memcpy(buf, "v=spf1 exists:", 14);
	for (size_t i = 14; i < big; i++) {
		buf[i] = (i & 1) ? '{' : '%';
	}
	timed("v=spf1 exists: + %{%{%{...", buf, big, 0, 50);

	memcpy(buf, "v=spf1 x=", 9);
	memset(buf + 9, '=', big - 9);
	timed("v=spf1 x= + 1 MB of \"=\"", buf, big, 1, 50);

	memcpy(buf, "v=spf1 ip6:", 11);
	memset(buf + 11, ':', big - 11);
	timed("v=spf1 ip6: + 1 MB of \":\"", buf, big, 0, 50);

	/* Random short records, most of them nearly right: no crash, no leak,
	 * and results that hold together. */
	static const char *const pieces[] = {
		" ", "  ", "a", "mx", "ptr", "all", "include", "exists", "ip4", "ip6", "redirect", "exp",
		"foo", ":", "=", "/", "//", "-", "+", "~", "?", ".", "%", "%{", "}", "%%", "%_", "%-",
		"d", "i", "l", "r", "c", "1", "24", "32", "33", "128", "0", "192.0.2.1", "2001:db8::",
		"::", "example.com", ".com", "x", "\t", "\0", "\x80", "1.2.3", "%{d}", "%{ir}.",
	};
	const size_t npieces = sizeof(pieces) / sizeof(pieces[0]);
	int valid = 0, fuzz_failed_before = failed;
	double start = now_ms();
	for (int n = 0; n < 200000; n++) {
		size_t len = 7;
		memcpy(buf, "v=spf1 ", 7);
		int count = 1 + (int)(rnd() % 12);
		for (int k = 0; k < count; k++) {
			const char *p = pieces[rnd() % npieces];
			size_t plen = *p ? strlen(p) : 1;
			memcpy(buf + len, p, plen);
			len += plen;
		}
		mc_spf_record rec;
		if (mc_spf_record_parse(buf, len, &rec) != 0) {
			check(0, "random record: out of memory", buf, len);
			continue;
		}
		valid += rec.valid;
		int before = failed;
		invariants("random record invariants", buf, len, &rec);
		passed -= failed == before;   /* count the fuzz loop as one test below */
		mc_spf_record_free(&rec);
		if (failed - fuzz_failed_before > 10) {
			break;
		}
	}
	printf("  200k random records: %d valid, %.0f ms\n", valid, now_ms() - start);
	check(failed == fuzz_failed_before, "random records", "", 0);
	free(buf);
}

int main(void)
{
	run_record_cases();
	run_is_record();
	run_macro_strings();
	run_terms();
	run_messages();
	run_robustness();
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
