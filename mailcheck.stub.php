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
