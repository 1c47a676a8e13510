/* Known findings the targets can be told to fuzz past, until ext/ fixes
 * them: MC_FUZZ_TOLERATE is a comma-separated list of their names (see
 * fuzz/README.md, "Bugs found"). Without it every finding is fatal, and
 * fuzz/run replays fuzz/crashers/ without it. */
#ifndef FUZZ_KNOWN_H
#define FUZZ_KNOWN_H

#include <stdlib.h>
#include <string.h>

static inline int fuzz_tolerate(const char *name)
{
	const char *list = getenv("MC_FUZZ_TOLERATE");
	size_t n = strlen(name);
	for (const char *p = list; p && *p; ) {
		size_t len = strcspn(p, ", ");
		if (len == n && memcmp(p, name, n) == 0) {
			return 1;
		}
		p += len;
		p += strspn(p, ", ");
	}
	return 0;
}

/* macro-digits: a macro with more than three transformer digits
 * ("%{d1000}", "%{d0001}"), valid by RFC 7208 7.1 and for
 * mc_spf_macro_string_valid(), refused by mc_spf_macro_expand(). */
static inline int fuzz_has_many_digits(const char *s, size_t len)
{
	for (size_t i = 0; i + 2 < len; i++) {
		if (s[i] == '%' && s[i + 1] != '{') {
			i++; /* "%%", "%_", "%-": the next byte is not a macro start */
			continue;
		}
		if (s[i] == '%') {
			size_t j = i + 3, d = 0;
			while (j < len && s[j] >= '0' && s[j] <= '9') {
				j++;
				d++;
			}
			if (d > 3) {
				return 1;
			}
		}
	}
	return 0;
}

/* identity-control: mc_spf_check() refuses a sender, HELO or receiver
 * with a control byte (spf_invalid_identity) but still writes it into
 * received_spf and into the spf_missing message: fuzz_spf_path lets
 * control bytes through in those when an identity holds one. */

/* permerror-reason: mc_spf_check() adds its generic spf_permerror only
 * when no other problem was found, so a permerror whose only other
 * problem is a warning (spf_void_lookups_strict) has no problem of
 * severity fail saying why: fuzz_spf_path skips that check. */

#endif
