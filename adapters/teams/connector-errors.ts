import {
  type FailedAttempt,
  networkFailureOf,
  retryAfterMsOf,
  verdictOf,
} from '../../src/server/retry-policy.ts';

/** What a failed Bot Connector call says: its HTTP status (if it got one) and how to go on. */
export interface ConnectorFailure extends FailedAttempt {
  status: number | undefined;
}

/**
 * Reads whatever the connector client threw: the HTTP status and Retry-After of an error answer, or
 * a timeout / reset / unreachable service (no answer: `unknown`). Anything else (a bug, a refused
 * address) is `refused`: retrying it cannot help.
 */
export function readConnectorFailure(e: unknown, nowMs: number): ConnectorFailure {
  const err = e as { statusCode?: unknown; response?: { status?: unknown; headers?: unknown } } | undefined;
  const status =
    typeof err?.statusCode === 'number'
      ? err.statusCode
      : typeof err?.response?.status === 'number'
        ? err.response.status
        : undefined;
  const headers = err?.response?.headers as
    | { get?: (name: string) => string | undefined }
    | Record<string, string>
    | undefined;
  const raw =
    typeof headers?.get === 'function'
      ? headers.get('retry-after')
      : (headers as Record<string, string> | undefined)?.['retry-after'];
  const retryAfterMs = retryAfterMsOf(raw, nowMs);
  if (status !== undefined) {
    const verdict = verdictOf(status);
    return {
      status,
      verdict: verdict === 'sent' ? 'refused' : verdict,
      reason: String(status),
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    };
  }
  const network = networkFailureOf(e) ?? msalNetworkFailure(e);
  return network
    ? { status: undefined, verdict: 'unknown', reason: network }
    : { status: undefined, verdict: 'refused', reason: 'error' };
}

/**
 * MSAL (the token client for https login endpoints) wraps a failed or timed-out token request in its
 * own error with an `errorCode`; those are unclear like any network failure. Not reproducible on
 * loopback (MSAL refuses plain-http authorities), so read by its documented codes.
 */
function msalNetworkFailure(e: unknown): 'unreachable' | undefined {
  const code = (e as { errorCode?: unknown } | undefined)?.errorCode;
  return typeof code === 'string' && /network|request_failed|timed_out|endpoints_resolution/.test(code)
    ? 'unreachable'
    : undefined;
}
