#include "mc_dmarc_record.h"
#include "mc_tags.h"
#include "mc_name.h"

#include <stdio.h>
#include <string.h>

#define SHOWN_BUF 200   /* a value as quoted in a message */

static int lower(int c)
{
	return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

static int is_wsp(int c)
{
	return c == ' ' || c == '\t';
}

int mc_dmarc_is_record(const char *txt, size_t len)
{
	size_t i = 0;
	while (i < len && is_wsp((unsigned char)txt[i])) {
		i++;
	}
	if (i == len || lower((unsigned char)txt[i]) != 'v') {
		return 0;
	}
	i++;
	while (i < len && is_wsp((unsigned char)txt[i])) {
		i++;
	}
	if (i == len || txt[i] != '=') {
		return 0;
	}
	i++;
	while (i < len && is_wsp((unsigned char)txt[i])) {
		i++;
	}
	if (len - i < 6 || memcmp(txt + i, "DMARC1", 6) != 0) {
		return 0;
	}
	i += 6;
	while (i < len && is_wsp((unsigned char)txt[i])) {
		i++;
	}
	return i == len || txt[i] == ';';
}

static int starts_ci(const char *s, size_t len, const char *word)
{
	size_t n = strlen(word);
	if (len < n) {
		return 0;
	}
	for (size_t i = 0; i < n; i++) {
		if (lower((unsigned char)s[i]) != word[i]) {
			return 0;
		}
	}
	return 1;
}

static mc_dmarc_policy read_policy(const mc_tag *t)
{
	if (!t) {
		return MC_DMARC_UNSET;
	}
	if (mc_tag_value_is(t, "none")) {
		return MC_DMARC_NONE;
	}
	if (mc_tag_value_is(t, "quarantine")) {
		return MC_DMARC_QUARANTINE;
	}
	if (mc_tag_value_is(t, "reject")) {
		return MC_DMARC_REJECT;
	}
	return MC_DMARC_BAD;
}

const char *mc_dmarc_near_miss(const char *txt, size_t len)
{
	mc_tag_list tags;
	if (mc_dmarc_is_record(txt, len)) {
		return NULL;
	}
	mc_tags_parse(txt, len, &tags);
	if (tags.count > 0 && mc_tag_name_is(&tags.tags[0], "v") && tags.tags[0].pos == 0) {
		const mc_tag *v = &tags.tags[0];
		if (mc_tag_value_is(v, "dmarc1")) {
			return "the version must be written v=DMARC1, in upper case (RFC 9989 §4.7: the value is case-sensitive)";
		}
		if (starts_ci(v->value, v->value_len, "dmarc1")) {
			return "v=DMARC1 must be followed by \";\" before the next tag";
		}
		if (starts_ci(v->value, v->value_len, "dmarc")) {
			return "its version is not DMARC1, the only one there is";
		}
	}
	int has_policy = 0;
	for (size_t i = 0; i < tags.count; i++) {
		const mc_tag *t = &tags.tags[i];
		if (mc_tag_name_is(t, "v") && starts_ci(t->value, t->value_len, "dmarc1")) {
			return "v=DMARC1 is not its first tag, and must be (RFC 9989 §4.7)";
		}
		if (mc_tag_name_is(t, "p") && read_policy(t) != MC_DMARC_BAD) {
			has_policy = 1;
		}
	}
	return has_policy ? "it has a p= tag but does not start with v=DMARC1" : NULL;
}

const char *mc_dmarc_policy_name(mc_dmarc_policy p)
{
	switch (p) {
		case MC_DMARC_NONE: return "none";
		case MC_DMARC_QUARANTINE: return "quarantine";
		case MC_DMARC_REJECT: return "reject";
		default: return NULL;
	}
}

/* ---- URIs (RFC 3986, as RFC 9989 §4.7 takes them) ---------------------- */

static int is_alnum(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static int is_hex(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* Why s is not a URI receivers can use, or NULL. *size7489: it ends in
 * RFC 7489's "!size" limit ("!10m"). */
static const char *uri_problem(const char *s, size_t len, int *mailto, int *size7489)
{
	size_t i = 0;
	*mailto = 0;
	*size7489 = 0;
	if (len == 0) {
		return "an empty URI";
	}
	if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z'))) {
		return "not a URI: it needs a scheme, as in mailto:dmarc@example.com";
	}
	while (i < len && (is_alnum((unsigned char)s[i]) || s[i] == '+' || s[i] == '-' || s[i] == '.')) {
		i++;
	}
	if (i == len || s[i] != ':') {
		return "not a URI: it needs a scheme, as in mailto:dmarc@example.com";
	}
	size_t scheme_len = i++;
	for (size_t j = i; j < len; j++) {
		unsigned char c = (unsigned char)s[j];
		if (c == '%') {
			if (j + 2 >= len || !is_hex((unsigned char)s[j + 1]) || !is_hex((unsigned char)s[j + 2])) {
				return "a \"%\" not followed by two hex digits";
			}
		} else if (c <= 0x20 || c >= 0x7f || strchr("\"<>\\^`{|}", c)) {
			return "a character URIs cannot hold (write it %-encoded)";
		}
	}
	/* "!" followed by digits and an optional unit, at the end. */
	const char *bang = memchr(s + i, '!', len - i);
	if (bang) {
		size_t k = (size_t)(bang - s) + 1, digits = 0;
		while (k < len && s[k] >= '0' && s[k] <= '9') {
			k++;
			digits++;
		}
		if (k < len && strchr("kmgtKMGT", s[k])) {
			k++;
		}
		*size7489 = digits > 0 && k == len;
		len = *size7489 ? (size_t)(bang - s) : len;
	}
	if (scheme_len == 6 && starts_ci(s, len, "mailto")) {
		/* mailto:local@domain, then perhaps ?headers. */
		const char *q = memchr(s + i, '?', len - i);
		size_t end = q ? (size_t)(q - s) : len;
		const char *at = memchr(s + i, '@', end - i);
		char domain[MC_NAME_MAX + 2];
		size_t dlen = at ? end - (size_t)(at - s) - 1 : 0;
		if (!at || at == s + i || dlen == 0 || dlen > MC_NAME_MAX) {
			return "a mailto: URI without an address local@domain";
		}
		memcpy(domain, at + 1, dlen);
		domain[dlen] = '\0';
		if (!mc_name_is_hostname(domain, 1)) {
			return "a mailto: URI whose address has no valid domain";
		}
		*mailto = 1;
	}
	return NULL;
}

/* Splits a URI list at commas (RFC 9989: *WSP "," *WSP) and checks each. */
static void read_uris(mc_dmarc_record *r, const char *txt, const mc_tag *t, const char *where,
		mc_dmarc_uri *uris, size_t *n)
{
	char a[SHOWN_BUF];
	const char *u;
	size_t pos = 0, ulen, dropped = 0;
	while (mc_tags_next_item(t->value, t->value_len, ',', &pos, &u, &ulen)) {
		int mailto, size7489;
		const char *why = uri_problem(u, ulen, &mailto, &size7489);
		if (why) {
			mc_problems_add(&r->problems, MC_STATUS_WARN, "dmarc_syntax",
				"%s: %.*s= \"%s\" is %s: receivers ignore it", where, (int)t->name_len, t->name,
				mc_tags_shown(u, ulen, a, sizeof(a)), why);
		} else if (size7489) {
			mc_problems_add(&r->problems, MC_STATUS_WARN, "dmarc_syntax",
				"%s: %.*s= \"%s\" ends in RFC 7489's \"!size\" limit, which RFC 9989 dropped (\"!\" must be written %%21): "
				"RFC 7489 readers honour it, RFC 9989 readers may take it as part of the address; drop the limit",
				where, (int)t->name_len, t->name, mc_tags_shown(u, ulen, a, sizeof(a)));
		}
		if (*n < MC_DMARC_MAX_URIS) {
			mc_dmarc_uri *entry = &uris[(*n)++];
			entry->pos = (size_t)(u - txt);
			entry->len = ulen;
			entry->valid = why == NULL;
			entry->mailto = why == NULL && mailto;
		} else {
			dropped++;
		}
	}
	if (dropped) {
		mc_problems_add(&r->problems, MC_STATUS_WARN, "dmarc_syntax",
			"%s: %.*s= lists more than %d URIs; the %zu after them are not shown (receivers send to a few at most)",
			where, (int)t->name_len, t->name, MC_DMARC_MAX_URIS, dropped);
	}
}

/* ---- the record ------------------------------------------------------- */

/* A one-letter tag among allowed ("rs"); dflt for a missing or bad one. */
static char read_letter(mc_dmarc_record *r, const mc_tag *t, const char *allowed, char dflt,
		const char *where, const char *meaning)
{
	char a[SHOWN_BUF];
	if (!t) {
		return dflt;
	}
	if (t->value_len == 1 && strchr(allowed, lower((unsigned char)t->value[0]))) {
		return (char)lower((unsigned char)t->value[0]);
	}
	mc_problems_add(&r->problems, MC_STATUS_WARN, "dmarc_syntax",
		"%s: %.*s=%s is not %s: receivers use the default, %c", where, (int)t->name_len, t->name,
		mc_tags_shown(t->value, t->value_len, a, sizeof(a)), meaning, dflt);
	return dflt;
}

static void check_fo(mc_dmarc_record *r, const mc_tag *t, const char *where)
{
	char a[SHOWN_BUF];
	const char *item;
	size_t pos = 0, len;
	while (t && mc_tags_next_item(t->value, t->value_len, ':', &pos, &item, &len)) {
		if (len != 1 || !strchr("01ds", lower((unsigned char)item[0]))) {
			mc_problems_add(&r->problems, MC_STATUS_WARN, "dmarc_syntax",
				"%s: fo=%s is not a list of 0, 1, d and s separated by \":\": receivers use the default, 0",
				where, mc_tags_shown(t->value, t->value_len, a, sizeof(a)));
			return;
		}
	}
}

static void check_obsolete(mc_dmarc_record *r, const mc_tag *t, const char *where)
{
	char a[SHOWN_BUF];
	mc_tags_shown(t->value, t->value_len, a, sizeof(a));
	if (mc_tag_name_is(t, "pct")) {
		mc_problems_add(&r->problems, MC_STATUS_WARN, "dmarc_obsolete_tag",
			"%s: pct=%s is not part of RFC 9989, which removed it (use t=y to test a policy): RFC 9989 readers apply the "
			"policy to all failing mail, RFC 7489 readers still apply it to only %s%% of it; remove pct=",
			where, a, a);
	} else {
		mc_problems_add(&r->problems, MC_STATUS_WARN, "dmarc_obsolete_tag",
			"%s: %.*s=%s is not part of RFC 9989 (the %s moved to the reporting documents): RFC 9989 readers ignore it, "
			"RFC 7489 readers may still honour it; remove it",
			where, (int)t->name_len, t->name, a, mc_tag_name_is(t, "rf") ? "failure report format" : "aggregate report interval");
	}
}

/* RFC 9989 §4.10.1: a record without a valid p=, or with a bad sp= or
 * np=, is read as p=none when rua= has a valid URI; else it is no policy. */
static void resolve_policy(mc_dmarc_record *r, const mc_tag *p, const mc_tag *sp, const mc_tag *np, const char *where)
{
	char a[SHOWN_BUF];
	int rua_valid = 0;
	for (size_t i = 0; i < r->nrua; i++) {
		rua_valid |= r->rua[i].valid;
	}
	const mc_tag *bad = r->p == MC_DMARC_BAD ? p : r->sp == MC_DMARC_BAD ? sp : r->np == MC_DMARC_BAD ? np : NULL;
	if (!bad && r->p != MC_DMARC_UNSET) {
		r->policy = r->p;
		r->subdomain_policy = r->sp != MC_DMARC_UNSET ? r->sp : r->p;
		r->nonexistent_policy = r->np != MC_DMARC_UNSET ? r->np : r->subdomain_policy;
		return;
	}
	char what[SHOWN_BUF + 64];
	if (bad) {
		snprintf(what, sizeof(what), "%.*s=%s is not none, quarantine or reject", (int)bad->name_len, bad->name,
			mc_tags_shown(bad->value, bad->value_len, a, sizeof(a)));
	} else {
		snprintf(what, sizeof(what), "it has no p= tag");
	}
	if (rua_valid) {
		r->policy = r->subdomain_policy = r->nonexistent_policy = MC_DMARC_NONE;
		mc_problems_add(&r->problems, MC_STATUS_WARN, "dmarc_syntax",
			"%s: %s: because rua= is valid, receivers act as if it said p=none (RFC 9989 §4.10.1, RFC 7489 §6.6.3)%s; "
			"write p=none, p=quarantine or p=reject",
			where, what, bad && bad != p ? ", whatever p= says" : "");
	} else {
		mc_problems_add(&r->problems, MC_STATUS_FAIL, "dmarc_syntax",
			"%s: %s, and there is no valid rua=: receivers apply no DMARC at all, as if no record were published "
			"(RFC 9989 §4.10.1, RFC 7489 §6.6.3); write p=none, p=quarantine or p=reject",
			where, what);
	}
}

void mc_dmarc_record_parse(const char *txt, size_t len, const char *where, mc_dmarc_record *out)
{
	mc_tag_list tags;
	char a[SHOWN_BUF];
	memset(out, 0, sizeof(*out));
	mc_problems_init(&out->problems);
	mc_tags_parse(txt, len, &tags);

	for (size_t i = 0; i < tags.nbad && i < MC_TAGS_BAD_SHOWN; i++) {
		mc_problems_add(&out->problems, MC_STATUS_WARN, "dmarc_syntax",
			"%s: the tag at byte %zu is malformed (%s): receivers ignore it (RFC 9989 §4.7)",
			where, tags.bad[i].pos + 1, tags.bad[i].why);
	}
	if (tags.nbad > MC_TAGS_BAD_SHOWN) {
		mc_problems_add(&out->problems, MC_STATUS_WARN, "dmarc_syntax", "%s: %zu more malformed tags, ignored by receivers",
			where, tags.nbad - MC_TAGS_BAD_SHOWN);
	}
	if (tags.truncated) {
		mc_problems_add(&out->problems, MC_STATUS_WARN, "dmarc_syntax",
			"%s: more than %d tags; the rest were not read", where, MC_TAGS_MAX);
	}
	const mc_tag *twice = mc_tags_repeated(&tags, 1);
	if (twice) {
		mc_problems_add(&out->problems, MC_STATUS_FAIL, "dmarc_syntax",
			"%s: the tag %.*s= appears twice: RFC 6376 §3.2 tag lists, which DMARC records are, make that invalid, and "
			"receivers differ (the first, the last, or the record discarded); keep one",
			where, (int)twice->name_len, twice->name);
	}

	const mc_tag *p = mc_tags_find(&tags, "p", 1), *sp = mc_tags_find(&tags, "sp", 1), *np = mc_tags_find(&tags, "np", 1);
	out->p = read_policy(p);
	out->sp = read_policy(sp);
	out->np = read_policy(np);
	out->adkim = read_letter(out, mc_tags_find(&tags, "adkim", 1), "rs", 'r', where, "r (relaxed) or s (strict)");
	out->aspf = read_letter(out, mc_tags_find(&tags, "aspf", 1), "rs", 'r', where, "r (relaxed) or s (strict)");
	out->psd = read_letter(out, mc_tags_find(&tags, "psd", 1), "ynu", 'u', where, "y, n or u");
	out->testing = read_letter(out, mc_tags_find(&tags, "t", 1), "yn", 'n', where, "y or n") == 'y';
	check_fo(out, mc_tags_find(&tags, "fo", 1), where);

	const mc_tag *rua = mc_tags_find(&tags, "rua", 1), *ruf = mc_tags_find(&tags, "ruf", 1);
	if (rua) {
		read_uris(out, txt, rua, where, out->rua, &out->nrua);
	}
	if (ruf) {
		read_uris(out, txt, ruf, where, out->ruf, &out->nruf);
	}
	for (size_t i = 0; i < tags.count; i++) {
		const mc_tag *t = &tags.tags[i];
		if (mc_tag_name_is(t, "pct") || mc_tag_name_is(t, "rf") || mc_tag_name_is(t, "ri")) {
			check_obsolete(out, t, where);
		}
	}
	resolve_policy(out, p, sp, np, where);

	if (p && out->p != MC_DMARC_BAD && tags.count > 1 && p != &tags.tags[1]) {
		mc_problems_add(&out->problems, MC_STATUS_WARN, "dmarc_p_not_second",
			"%s: p= is not the second tag: fine by RFC 9989, but RFC 7489's grammar puts it right after v=DMARC1 and strict "
			"RFC 7489 readers discard the record; write \"v=DMARC1; p=%s; ...\"",
			where, mc_tags_shown(p->value, p->value_len, a, sizeof(a)));
	}
	if (out->testing && (out->policy > MC_DMARC_NONE || out->subdomain_policy > MC_DMARC_NONE || out->nonexistent_policy > MC_DMARC_NONE)) {
		mc_problems_add(&out->problems, MC_STATUS_WARN, "dmarc_testing",
			"%s: t=y: RFC 9989 readers apply one step less than the policy (quarantine for reject, none for quarantine) while "
			"you test; RFC 7489 readers ignore t= and apply p=%s in full; remove t=y when the reports show your mail aligned",
			where, mc_dmarc_policy_name(out->policy) ? mc_dmarc_policy_name(out->policy) : "none");
	}
	int mailto = 0;
	for (size_t i = 0; i < out->nrua; i++) {
		mailto |= out->rua[i].mailto;
	}
	if (!rua) {
		mc_problems_add(&out->problems, MC_STATUS_WARN, "dmarc_no_reports",
			"%s has no rua=: nobody receives the aggregate reports that show which servers send as this domain and whether "
			"they align, which you need before p=quarantine or p=reject; add rua=mailto:dmarc-reports@<your domain>", where);
	} else if (!mailto) {
		mc_problems_add(&out->problems, MC_STATUS_WARN, "dmarc_no_reports",
			"%s: rua= has no valid mailto: URI, the only scheme receivers must support (RFC 9989 §4.7): you get no aggregate "
			"reports; add rua=mailto:dmarc-reports@<your domain>", where);
	}
}

void mc_dmarc_record_free(mc_dmarc_record *r)
{
	mc_problems_free(&r->problems);
}
