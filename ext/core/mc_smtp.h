/* SMTP banner probe: the core of mail_check_mta(). Connects like the
 * classic "telnet host 25", reads the greeting, says EHLO, says QUIT. It
 * never sends MAIL, RCPT or DATA, so no mail can ever leave through it. */
#ifndef MC_SMTP_H
#define MC_SMTP_H

#include <stddef.h>
#include <stdint.h>
#include "mc_ip.h"

/* RFC 5321 §4.5.3.1.5: a reply line is at most 512 octets with its CRLF;
 * servers overshoot, so we take up to the 1000 of a text line
 * (§4.5.3.1.6). A whole reply is bounded too: an EHLO answer of a
 * thousand lines is legitimate, megabytes are not. */
#define MC_SMTP_MAX_LINE 998          /* octets, without the CRLF */
#define MC_SMTP_MAX_REPLY 65536       /* octets of one reply's lines joined with \n */
/* The QUIT reply is politeness: waiting for it never takes longer than this,
 * whatever is left of the deadline. */
#define MC_SMTP_QUIT_GRACE_MS 1000

typedef struct {
	int connected;          /* a TCP connection was made */
	char address[MC_IP_STRLEN]; /* the IP connected to (else the last one tried), or "" */
	int greeting_code;      /* e.g. 220, 554; 0 if no complete greeting */
	char *banner;           /* the greeting's raw lines (codes included) joined with "\n", no CRLF; NULL if none */
	char *hostname;         /* 220 only: the first word after "220 "/"220-" on the first line, or NULL */
	int ehlo_code;          /* 0 if EHLO was not sent or not answered */
	char *ehlo_reply;       /* the EHLO reply's raw lines joined with "\n", or NULL */
	char *ehlo_hostname;    /* 250 only: the first word of the first reply line, or NULL */
	char **extensions;      /* 250 only: the lines after the first, without the code, as sent ("SIZE 10240000") */
	size_t extension_count;
	int starttls;           /* an extension's keyword is STARTTLS (case-insensitive) */
	int quit_code;          /* the reply to QUIT (221), 0 if none came within the grace */
	int64_t greeting_ms;    /* from the TCP connection to the complete greeting; -1 if none */
	const char *failure;    /* NULL, or a static reason (see mc_smtp_probe_run) */
	int timed_out;          /* the deadline ended the probe */
} mc_smtp_probe;

/* Probes the MTA at port on each of addrs in turn, each with an even share
 * of the time left, until one connects; every connect, read and write ends
 * by deadline_ms (absolute, mc_now_ms()). Names are the caller's to
 * resolve, within the same deadline (mc_mta does): the probe never looks
 * anything up. ehlo_name: what to announce (NULL: "localhost"); no spaces
 * or control characters, at most 255 octets.
 *
 * A greeting other than 220 is recorded, answered with QUIT, and is not a
 * failure: what the server says is for the caller to judge. failure is set
 * only when the dialogue could not take place:
 *   "invalid port", "invalid EHLO name", "out of memory",
 *   "no address to connect to" (count is 0),
 *   "connection refused", "network unreachable", "connect failed", "timed out connecting",
 *   "timed out waiting for the greeting", "connection closed before the greeting",
 *   "malformed greeting (not an SMTP server?)",
 *   "timed out sending EHLO", "timed out waiting for the EHLO reply",
 *   "connection closed before the EHLO reply", "malformed EHLO reply",
 *   "connection reset", "read error",
 *   "reply line too long" (over MC_SMTP_MAX_LINE), "reply too long" (over MC_SMTP_MAX_REPLY).
 * The fields read before the failure stay filled in (e.g. the greeting when
 * the EHLO reply timed out). Returns 0, or -1 when failure is set.
 * mc_smtp_probe_free() is needed in both cases. */
int mc_smtp_probe_run(const mc_ip *addrs, size_t count, int port, const char *ehlo_name, int64_t deadline_ms,
		mc_smtp_probe *out);
void mc_smtp_probe_free(mc_smtp_probe *p);

#endif
