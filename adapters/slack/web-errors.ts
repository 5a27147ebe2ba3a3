import { type FailedAttempt, networkFailureOf, verdictOf } from '../../src/server/retry-policy.ts';

/** Reading @slack/web-api errors by their stable codes instead of their messages. */

function field(e: unknown, name: string): unknown {
  return typeof e === 'object' && e !== null && name in e ? (e as Record<string, unknown>)[name] : undefined;
}

/** Slack's `error` string of an `ok: false` answer (e.g. `channel_not_found`), if that is what failed. */
export function platformErrorOf(e: unknown): string | undefined {
  if (field(e, 'code') !== 'slack_webapi_platform_error') return undefined;
  const error = field(field(e, 'data'), 'error');
  return typeof error === 'string' ? error : undefined;
}

/** Seconds from Retry-After when the call was rate limited (clients built with rejectRateLimitedCalls). */
export function retryAfterOf(e: unknown): number | undefined {
  if (field(e, 'code') !== 'slack_webapi_rate_limited_error') return undefined;
  const seconds = field(e, 'retryAfter');
  return typeof seconds === 'number' ? seconds : 0;
}

/** The HTTP status when Slack answered the call with a non-200 status (it did not post). */
export function httpStatusOf(e: unknown): number | undefined {
  if (field(e, 'code') !== 'slack_webapi_http_error') return undefined;
  const status = field(e, 'statusCode');
  return typeof status === 'number' ? status : undefined;
}

/** Errors that mean the conversation is no longer reachable: reminders for it should stop. */
export const GONE_ERRORS: ReadonlySet<string> = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'account_inactive',
  'user_not_found',
  'cannot_dm_bot',
]);

/** The message reference format of this adapter: channel and ts, so an update needs no lookup. */
export function messageRefOf(channel: string, ts: string): string {
  return `${channel}/${ts}`;
}

export function parseMessageRef(ref: string | undefined): { channel: string; ts: string } | null {
  const m = /^([A-Z0-9]+)\/(\d+\.\d+)$/.exec(ref ?? '');
  return m?.[1] && m[2] ? { channel: m[1], ts: m[2] } : null;
}

/** Slack `error` strings that mean "try again later", not "this message is wrong". */
const TRANSIENT_ERRORS: ReadonlySet<string> = new Set([
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
  'ratelimited',
  'team_added_to_org',
]);

/**
 * The retry policy's reading of a Web API failure (src/server/retry-policy.ts): a 429, an HTTP error
 * status (Slack answers 200 to everything it handled), a transient `error` or no answer at all
 * (`slack_webapi_request_error`: a timeout or a reset) is `unknown`; any other `ok: false` is `refused`.
 */
export function readSlackFailure(e: unknown): FailedAttempt {
  const seconds = retryAfterOf(e);
  if (seconds !== undefined) return { verdict: 'unknown', retryAfterMs: seconds * 1000, reason: '429' };
  const status = httpStatusOf(e);
  if (status !== undefined) {
    const verdict = verdictOf(status);
    return { verdict: verdict === 'sent' ? 'unknown' : verdict, reason: String(status) };
  }
  const error = platformErrorOf(e);
  if (error !== undefined)
    return { verdict: TRANSIENT_ERRORS.has(error) ? 'unknown' : 'refused', reason: error };
  if (field(e, 'code') === 'slack_webapi_request_error')
    return { verdict: 'unknown', reason: networkFailureOf(field(e, 'original')) ?? 'reset' };
  const network = networkFailureOf(e);
  return network ? { verdict: 'unknown', reason: network } : { verdict: 'refused', reason: 'error' };
}
