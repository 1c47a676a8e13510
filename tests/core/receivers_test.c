/* The receivers' requirements against every combination of facts.
 *   cc -Wall -Wextra -I ext/core tests/core/receivers_test.c ext/core/mc_receivers.c -o /tmp/receivers_test
 * Prints each failed check and "N passed, M failed"; exits non-zero on a failure. */
#include "mc_receivers.h"

#include <stdio.h>
#include <string.h>

static int passed, failed;

static void expect(const char *id, mc_receiver_facts f, mc_tri want, const char *want_check, int line)
{
	const char *check;
	mc_tri got = mc_requirement_met(id, &f, &check);
	if (got == want && ((!check && !want_check) || (check && want_check && strcmp(check, want_check) == 0))) {
		passed++;
	} else {
		failed++;
		printf("FAIL line %d: %s gave %d (%s), want %d (%s)\n", line, id, got, check ? check : "NULL", want, want_check ? want_check : "NULL");
	}
}

#define EXPECT(id, facts, want, check) expect(id, facts, want, check, __LINE__)
#define Y MC_TRI_YES
#define N MC_TRI_NO
#define U MC_TRI_UNKNOWN
/* spf_pass, dkim_key, dmarc, fcrdns, tls */
#define FACTS(s, k, d, p, t) ((mc_receiver_facts){ s, k, d, p, t })

int main(void)
{
	/* Either SPF or DKIM: one met is enough, both not met is not met,
	 * anything else cannot be told; the check named is the deciding one. */
	EXPECT("spf_or_dkim", FACTS(Y, N, U, U, U), Y, "spf");
	EXPECT("spf_or_dkim", FACTS(N, Y, U, U, U), Y, "dkim");
	EXPECT("spf_or_dkim", FACTS(U, Y, U, U, U), Y, "dkim");
	EXPECT("spf_or_dkim", FACTS(N, N, U, U, U), N, "dkim");
	EXPECT("spf_or_dkim", FACTS(N, U, U, U, U), U, "dkim");
	EXPECT("spf_or_dkim", FACTS(U, N, U, U, U), U, "spf");
	EXPECT("aligned", FACTS(Y, U, U, U, U), Y, "spf");
	EXPECT("aligned", FACTS(N, N, Y, Y, Y), N, "dkim");
	/* Single facts pass through, named by their check. */
	EXPECT("spf", FACTS(N, Y, Y, Y, Y), N, "spf");
	EXPECT("dkim", FACTS(Y, U, Y, Y, Y), U, "dkim");
	EXPECT("dmarc", FACTS(U, U, Y, U, U), Y, "dmarc");
	EXPECT("ptr", FACTS(Y, Y, Y, N, Y), N, "ptr");
	EXPECT("tls", FACTS(U, U, U, U, Y), Y, "mta");
	EXPECT("no such requirement", FACTS(Y, Y, Y, Y, Y), U, NULL);

	/* Every requirement of every receiver is one the function knows, and
	 * Outlook.com's are for bulk senders only. */
	for (size_t i = 0; i < mc_receivers_count; i++) {
		for (size_t j = 0; j < mc_receivers[i].count; j++) {
			const char *check;
			mc_requirement_met(mc_receivers[i].requirements[j]->id, &FACTS(Y, Y, Y, Y, Y), &check);
			if (check && (strcmp(mc_receivers[i].key, "outlook") != 0 || mc_receivers[i].requirements[j]->bulk_only)) {
				passed++;
			} else {
				failed++;
				printf("FAIL %s: %s\n", mc_receivers[i].key, mc_receivers[i].requirements[j]->id);
			}
		}
	}
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
