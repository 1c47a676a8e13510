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
