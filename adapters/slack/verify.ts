import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** Slack's replay window: a request signed more than five minutes away from now is refused. */
export const MAX_SKEW_SECONDS = 5 * 60;

export type VerifyResult =
  | { ok: true }
  | { ok: false; reason: 'missing-headers' | 'bad-timestamp' | 'stale' | 'future' | 'bad-signature' };

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{raw body}` with the signing secret. */
export function signSlackRequest(
  secret: string,
  timestamp: number | string,
  rawBody: Buffer | string,
): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:`).update(rawBody).digest('hex')}`;
}

/**
 * Checks Slack's v0 signature over the exact bytes received, before anything is parsed. The compare
 * is constant-time so an attacker learns nothing from response timing.
 */
export function verifySlackSignature(
  headers: IncomingHttpHeaders,
  rawBody: Buffer,
  secret: string,
  now: Date,
): VerifyResult {
  const timestamp = header(headers, 'x-slack-request-timestamp');
  const signature = header(headers, 'x-slack-signature');
  if (!timestamp || !signature) return { ok: false, reason: 'missing-headers' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'bad-timestamp' };
  const skew = Math.floor(now.getTime() / 1000) - Number(timestamp);
  if (skew > MAX_SKEW_SECONDS) return { ok: false, reason: 'stale' };
  if (skew < -MAX_SKEW_SECONDS) return { ok: false, reason: 'future' };
  const expected = Buffer.from(signSlackRequest(secret, timestamp, rawBody), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'bad-signature' };
  return { ok: true };
}
