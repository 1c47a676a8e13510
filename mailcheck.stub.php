<?php

/** @generate-function-entries */

/**
 * Reverse DNS of a sending IP: its PTR names, whether one of them resolves
 * back to the IP (forward-confirmed reverse DNS), and whether it matches
 * the HELO name.
 *
 * @return array{status: string, problems: list<array{code: string, severity: string, message: string}>, elapsed_ms: float, ip: string, ptr: list<string>, hostname: ?string, forward_confirmed: ?bool, helo: ?string, helo_matches: ?bool}
 */
function mail_check_ptr(string $ip, ?string $helo = null): array {}

/**
 * RFC 7208 check_host() of the MAIL FROM identity (the HELO identity when
 * $sender is empty) for a client IP, with libspf2 behind the extension's
 * resolver and record validator.
 *
 * @return array{status: string, problems: list<array{code: string, severity: string, message: string}>, elapsed_ms: float, result: string, domain: ?string, identity: string, record: ?string, explanation: ?string, received_spf: ?string, dns_lookups: int, void_lookups: int}
 */
function mail_check_spf(string $ip, string $sender, ?string $helo = null): array {}

/**
 * Fetches and validates a domain's SPF policy without a client IP: the
 * record, its include:/redirect= tree, the DNS lookups and void lookups it
 * needs, and its weak spots. With $record, that draft is checked as if the
 * domain published it (its includes resolved, its lookups counted).
 *
 * @return array{status: string, problems: list<array{code: string, severity: string, message: string}>, elapsed_ms: float, domain: string, record: ?string, records_found: int, valid: bool, dns_lookups: int, void_lookups: int, includes: list<array>}
 */
function mail_check_spf_record(string $domain, ?string $record = null): array {}

/**
 * Is the address one receivers accept mail from: RFC 5321 syntax (also
 * "Name <addr>" forms), IDN to A-labels, a domain that receives mail (MX,
 * null MX, implicit MX), reserved names, system accounts.
 *
 * @return array{status: string, problems: list<array{code: string, severity: string, message: string}>, elapsed_ms: float, address: ?string, local: ?string, domain: ?string, display_name: ?string, mx: list<array{host: string, preference: int}>, null_mx: bool}
 */
function mail_check_sender(string $address): array {}

/**
 * Is the HELO/EHLO name a resolving FQDN that matches the sending IP and
 * its forward-confirmed PTR name?
 *
 * @return array{status: string, problems: list<array{code: string, severity: string, message: string}>, elapsed_ms: float, helo: string, fqdn: bool, addresses: list<string>, matches_ip: ?bool, matches_ptr: ?bool}
 */
function mail_check_helo(string $helo, ?string $ip = null): array {}

/**
 * Connects to an MTA like a receiver (or the classic telnet to port 25):
 * greeting, announced name, EHLO extensions, STARTTLS. Never sends mail.
 *
 * @return array{status: string, problems: list<array{code: string, severity: string, message: string}>, elapsed_ms: float, host: string, port: int, address: ?string, banner: ?string, hostname: ?string, ehlo_hostname: ?string, extensions: list<string>, starttls: bool, greeting_ms: ?int}
 */
function mail_check_mta(string $host = "localhost", int $port = 25): array {}

/**
 * A domain's DMARC policy, found as RFC 9989 finds it (the DNS tree walk,
 * at most eight names, asked in one parallel batch), with its
 * organizational domain and what is wrong with the record.
 *
 * @return array{status: string, problems: list<array{code: string, severity: string, message: string}>, elapsed_ms: float, domain: string, record: ?string, found_at: ?string, org_domain: ?string, policy: ?string, subdomain_policy: ?string, nonexistent_policy: ?string, testing: ?bool, adkim: ?string, aspf: ?string, rua: list<string>, ruf: list<string>}
 */
function mail_check_dmarc(string $domain): array {}

/**
 * The DKIM key records of a domain at <selector>._domainkey.<domain> (the
 * common selectors when none are given), all asked in parallel, each key
 * decoded for its type and size.
 *
 * @return array{status: string, problems: list<array{code: string, severity: string, message: string}>, elapsed_ms: float, domain: string, selectors: list<array{selector: string, found: ?bool, record: ?string, key_type: ?string, key_bits: ?int, testing: ?bool}>}
 */
function mail_check_dkim(string $domain, string|array|null $selectors = null): array {}

/**
 * An IP on DNS blocklists (IPv4 reversed octets, IPv6 reversed nibbles),
 * or a domain on domain blocklists, every zone asked in one parallel batch;
 * a list's refusal or error answer is an error, never a listing.
 *
 * @return array{status: string, problems: list<array{code: string, severity: string, message: string}>, elapsed_ms: float, ip: ?string, domain: ?string, listed: bool, zones: list<array{zone: string, listed: bool, codes: list<string>, reason: ?string, error: ?string}>}
 */
function mail_check_dnsbl(string $ip_or_domain, ?array $zones = null): array {}

/**
 * The doctor: every check for this host and a sender at once (PTR, HELO,
 * SPF, the SPF record, the sender, DMARC, DKIM, blocklists, the local
 * MTA), resolved ahead together under one deadline, with what Gmail, Yahoo
 * and Outlook.com require of senders and whether it is met. $options:
 * ip (string), helo (string), mta ("host:port" or false), dnsbl (bool or a
 * list of zones), dkim_selectors (string or list), timeout (int, ms).
 *
 * @return array{status: string, sender: string, ip: ?string, ip_source: string, helo: ?string, helo_source: string, problems: list<array{code: string, severity: string, message: string, check: string}>, checks: array<string, array>, skipped: array<string, string>, receivers: array<string, array{name: string, since: string, requirements: list<array{id: string, text: string, bulk_only: bool, status: string, check: ?string}>}>, elapsed_ms: float}
 */
function mail_check(string $sender, array $options = []): array {}

/**
 * The mail() guard's verdict on a mail sent another way (an SMTP mailer):
 * the same checks and cache, the same report as mail_check_last(), from
 * the sending IP, the envelope sender ("" or "<>" for a bounce), the
 * header section (its From: is judged) and the HELO name (default
 * mailcheck.helo). Works whatever mailcheck.guard is.
 *
 * @return array{status: string, problems: list<array{code: string, severity: string, message: string}>, elapsed_ms: float, function: string, blocked: bool, checked: bool, cached: bool, envelope_sender: ?string, envelope_source: string, from: ?string, ip: ?string, ip_source: string, helo: ?string}
 */
function mail_check_message(string $ip, string $envelope_sender, string $headers, ?string $helo = null): array {}

/**
 * The report of the last mail() or mb_send_mail() the guard checked in this
 * process (mailcheck.guard = warn or block), or null when there was none.
 *
 * @return array{status: string, problems: list<array{code: string, severity: string, message: string}>, elapsed_ms: float, function: string, blocked: bool, checked: bool, cached: bool, envelope_sender: ?string, envelope_source: string, from: ?string, ip: ?string, ip_source: string, helo: ?string}|null
 */
function mail_check_last(): ?array {}
