/* What the mail() guard needs from what PHP's mail() hands to sendmail:
 * the From: header's value from the header text, the envelope sender from
 * sendmail's -f on the command line, and whether two domains are aligned.
 * Plain C core: no Zend types, no DNS, no address syntax
 * (mc_address_parse() takes what these return).
 *
 * Every function takes any bytes, NULs included (len is what counts, and
 * nothing past it is read), runs in time linear in len and does not
 * recurse. A NUL is read as a space: PHP 7 replaced each NUL in these
 * arguments by a space before use, PHP 8 refuses such a call with a
 * ValueError, so the answer only has to be safe, and a space keeps it from
 * ending early at a clean-looking address. */
#ifndef MC_MAILMSG_H
#define MC_MAILMSG_H

#include <stddef.h>

/* The value of the first header field called name (case-insensitive,
 * "From" for the guard) in the header text mail() writes (its
 * additional_headers).
 *
 * Lines end in CRLF, LF, or a CR on its own. PHP lets a lone CR through
 * (php_mail_detect_multiple_crlf() skips the byte after it); MTAs differ
 * on it, so it ends the line here, and a value never carries a CR and what
 * an injection put after it.
 * A field is name, optional SP/HTAB, ":" (RFC 5322 4.5.3 obs-optional,
 * which postfix's is_header() also takes: "From :" is From). The name must
 * equal name exactly: "Resent-From", "X-From", "From-Foo" are other fields.
 * Lines starting with SP or HTAB continue the field before them (RFC 5322
 * 2.2.3) and are unfolded: the line break goes, the white space stays.
 * The header section ends at an empty line, or at a line that is neither a
 * field nor a continuation: the MTA takes the rest as the body (postfix
 * does; PHP refuses an empty line in the middle), so a From: there is not
 * a header.
 * The first field of that name wins.
 *
 * Returns the unfolded value, SP/HTAB trimmed at both ends, malloc'd (free
 * it): e.g. "\"Shop, Inc.\" <news@example.com>". "" when the field is there
 * but empty. NULL when there is none, when headers or name is NULL or name
 * is empty, or when out of memory. */
char *mc_mailmsg_header_value(const char *headers, size_t len, const char *name);
/* How many fields of that name the header section holds, read as
 * mc_mailmsg_header_value() reads it; 0 when headers or name is NULL. */
size_t mc_mailmsg_header_count(const char *headers, size_t len, const char *name);

/* The envelope sender a sendmail-compatible program will use, from the
 * command line PHP runs it with: sendmail_path, and when mail() has a 5th
 * argument (or mail.force_extra_parameters, which replaces it) a space and
 * that argument as escapeshellcmd() left it. The caller builds that line
 * as php_mail() does; this reads it as /bin/sh -c does: quotes,
 * backslashes, redirections such as 2>>/var/log/x are no argument, and it
 * ends at ; & | or a newline. Leading NAME=value assignments and the first
 * word, the program, are skipped. Then -f sender, -fsender, -r sender
 * (postfix, exim, ssmtp and sendmail take -r as the old name of -f), and
 * msmtp's --from=sender.
 *
 * Options are read the way getopt() in sendmail, postfix (with its "+":
 * stop at the first word that is not an option) and exim do: a cluster
 * such as "-tif a@x" is -t -i -f a@x; an option that takes an argument
 * (A B C F L M N O R V X a b d e f h o p r, e.g. "-F 'Name'", "-oi",
 * msmtp's "-a account") takes the rest of its word or, if none, the next
 * word, so "-F -fake" is a full name, not a sender; -q and -Q take only
 * the rest of their word; "--" or a word that is not an option (a
 * recipient) ends the options. When there are several, the last -f wins,
 * as in postfix and exim (sendmail 8 refuses the command instead).
 *
 * The sender is then taken as postfix takes it: the address inside
 * "<...>" when it ends in one ("<a@x>", "Name <a@x>" give a@x), and "<>"
 * is the null sender; a < or > escaped with a backslash or inside "..." is
 * no bracket. Note that mail("-f '<>'") is not the null sender:
 * escapeshellcmd() escapes < and > inside single quotes too, the MTA gets
 * \<\>, and so does the caller. "-f<>" and "-f ''" are.
 *
 * Returns the sender, malloc'd (free it), SP/HTAB trimmed; "" for the null
 * sender; NULL when there is no -f or -r (or cmd is NULL, or out of
 * memory). When at is not NULL and a sender is returned, *at is the offset
 * in cmd of the word it came from ("-fa@x", or "a@x" after "-f"): the
 * caller tells sendmail_path's sender from the 5th argument's by it.
 * Not emulated: $variables, `commands`, globs and ~ (kept as written). */
char *mc_mailmsg_envelope_from(const char *cmd, size_t len, size_t *at);

/* Relaxed alignment as DMARC has it, without a public-suffix list: 1 when
 * the domains are equal, or one is a subdomain of the other; else 0.
 * ASCII case-insensitive, one trailing dot ignored; give A-labels.
 * A single-label parent ("com") never aligns with its subdomains, since no
 * organizational domain has one label; longer public suffixes ("co.uk")
 * are not known, so "shop.co.uk" and "co.uk" count as aligned. Siblings
 * ("bounce.example.com", "news.example.com"), aligned under DMARC through
 * their organizational domain, are not aligned here. NULL or empty: 0. */
int mc_mailmsg_domains_aligned(const char *a, const char *b);

#endif
