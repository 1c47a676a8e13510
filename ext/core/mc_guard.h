/* The verdict of the mail() guard on one mail: the checks receivers make,
 * from this host's IP, on the envelope sender and the From: address.
 * Plain C core; the hook, the modes and the caching are in guard.c. */
#ifndef MC_GUARD_H
#define MC_GUARD_H

#include <stdint.h>
#include "mc_dns.h"
#include "mc_ip.h"
#include "mc_problems.h"

typedef struct {
	const char *envelope;    /* the envelope sender, "" for the null sender */
	const char *from;        /* the From: header's value, or NULL */
	size_t from_fields;      /* how many From: fields the header section holds */
	const mc_ip *ip;         /* this host's public IP, or NULL: IP checks skipped */
	const char *helo;        /* the MTA's name, or NULL */
	const char *process_user;
	const char *dkim_selector; /* the selector this host's MTA signs with, or NULL */
} mc_guard_mail;

typedef struct {
	mc_problems problems;
	mc_status status;
	int dns_trouble;         /* a lookup failed: the verdict is incomplete */
	int blockable;           /* a definite failure (a fail-severity problem) */
} mc_guard_verdict;

void mc_guard_evaluate(mc_dns *dns, const mc_guard_mail *mail, int64_t deadline_ms, mc_guard_verdict *out);
void mc_guard_verdict_free(mc_guard_verdict *verdict);
/* Copies the problems of src not already in dst (same code and message). */
void mc_guard_merge_problems(mc_problems *dst, const mc_problems *src);

/* The guard's warning about a mail, short enough for one log line: the codes
 * (only the failures when the mail was blocked), grouped as settings to fix,
 * what receivers will hold against the mail (with what those problems cost
 * at rspamd's default scores) and what could not be checked (DNS trouble),
 * then the advice of the most serious problem and a pointer
 * to mail_check_last() for the rest. Writes at most len bytes with the NUL,
 * cutting the advice (at a character) and then the code list to fit. */
void mc_guard_summary(const mc_problems *problems, int blocked, char *buf, size_t len);

#endif
