import { deadlineSignal, isDeadlineError } from './deadline.ts';

/**
 * One retry policy for every outbound call (docs/reliability.md, "Retries"). An attempt ends
 * `sent` (2xx), `refused` (a 4xx other than 408, 412 and 429: retrying cannot help) or `unknown`
 * (429, 408, 412, 5xx, a timeout, a reset, no answer): only `unknown` is retried, and nothing is
 * recorded delivered without a 2xx. 429 waits what Retry-After asks; the rest back off exponentially
 * with jitter; every retry stays within the policy's bounded total.
 */
export interface RetryPolicy {
  /** First back-off; each further one doubles, up to `maxDelayMs`. */
  baseMs: number;
  maxDelayMs: number;
  /** Retries stop once the time spent plus the next wait would pass this. */
  totalMs: number;
  /** And after this many attempts, when set. */
  maxAttempts?: number;
}

/** The three places calls are retried, each with its bound (seconds in a turn, hours for reminders). */
export const RETRY = {
  /** A reply or notification inside a turn: the platform wants its answer within seconds. */
  inTurn: { baseMs: 250, maxDelayMs: 2_000, totalMs: 4_000 },
  /** The short retries inside one proactive send, before it hands the wait back to its caller. */
  inSend: { baseMs: 500, maxDelayMs: 4_000, totalMs: 10_000, maxAttempts: 4 },
  /** A queued reminder, across claims of the queue. */
  reminders: { baseMs: 30_000, maxDelayMs: 30 * 60_000, totalMs: 12 * 3_600_000 },
} as const satisfies Record<string, RetryPolicy>;

export type Verdict = 'sent' | 'refused' | 'unknown';

/** The verdict of an HTTP status; no status (no answer at all) is `unknown`. */
export function verdictOf(status: number | undefined): Verdict {
  if (status === undefined) return 'unknown';
  if (status >= 200 && status < 300) return 'sent';
  if (status === 408 || status === 412 || status === 429 || status >= 500) return 'unknown';
  return 'refused';
}

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'REQUEST_SEND_ERROR',
]);

/** Why an attempt without an HTTP answer failed, for logs and metrics; undefined if it is not that. */
export function networkFailureOf(e: unknown): 'timeout' | 'reset' | 'unreachable' | undefined {
  if (isDeadlineError(e)) return 'timeout';
  for (let cause: unknown = e, depth = 0; cause && depth < 5; depth++) {
    const { code, name } = cause as { code?: unknown; name?: unknown };
    if (name === 'AbortError' || name === 'TimeoutError') return 'timeout';
    if (typeof code === 'string' && NETWORK_CODES.has(code)) {
      if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code.endsWith('UNREACH')) return 'unreachable';
      return code.includes('TIMEOUT') || code === 'ETIMEDOUT' ? 'timeout' : 'reset';
    }
    cause = (cause as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The `attempt`-th back-off (1-based): exponential, capped, with "equal jitter" (between half and all of it). */
export function backoffMs(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const full = Math.min(policy.maxDelayMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(full / 2 + random() * (full / 2));
}

/** The wait before the next attempt: Retry-After when the platform gave one, else the back-off. */
export function waitBefore(
  policy: RetryPolicy,
  attempt: number,
  retryAfterMs: number | undefined,
  random?: () => number,
): number {
  return retryAfterMs !== undefined && retryAfterMs >= 0 ? retryAfterMs : backoffMs(policy, attempt, random);
}

/** Whether another attempt after `waitMs` fits when `attempts` took `spentMs` so far. */
export function fits(policy: RetryPolicy, spentMs: number, waitMs: number, attempts = 0): boolean {
  if (policy.maxAttempts !== undefined && attempts >= policy.maxAttempts) return false;
  return spentMs + waitMs <= policy.totalMs;
}

/** Parses Retry-After (seconds or an HTTP date) into ms; undefined when absent or unreadable. */
export function retryAfterMsOf(raw: string | null | undefined, nowMs: number): number | undefined {
  if (raw === undefined || raw === null || raw.trim() === '') return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/** One failed attempt, as a platform adapter reads it. */
export interface FailedAttempt {
  verdict: 'refused' | 'unknown';
  /** What the platform asked to wait (429 / 503 with Retry-After). */
  retryAfterMs?: number;
  /** For logs and metrics: an HTTP status, `timeout`, `reset`, `unreachable` or `error`. */
  reason: string;
}

export interface RetryDeps {
  sleep: (ms: number) => Promise<void>;
  /** Milliseconds of the clock the sleeps move (the injected one in tests). */
  now: () => number;
  random?: () => number;
  /** The enclosing deadline: no further attempt once it has fired (default: the ambient one). */
  signal?: AbortSignal | undefined;
  /** Called before each wait (logging, metrics). */
  onRetry?: (failure: FailedAttempt, waitMs: number, attempt: number) => void;
}

/**
 * Calls `call` until it succeeds, fails `refused`, the next wait would pass the policy's total, or
 * the enclosing deadline (withDeadline) has fired; rethrows the last error then. `read` says what a
 * failure was. Stopping at the deadline matters: work its caller has already given up on (a Teams
 * turn answered 503, its lease given back) must not go on to post a late answer.
 */
export async function retrying<T>(
  policy: RetryPolicy,
  call: () => Promise<T>,
  read: (e: unknown) => FailedAttempt,
  deps: RetryDeps,
): Promise<T> {
  const started = deps.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (e) {
      const failure = read(e);
      if (failure.verdict === 'refused' || (deps.signal ?? deadlineSignal())?.aborted) throw e;
      const wait = waitBefore(policy, attempt, failure.retryAfterMs, deps.random);
      if (!fits(policy, deps.now() - started, wait, attempt)) throw e;
      deps.onRetry?.(failure, wait, attempt);
      await deps.sleep(wait);
    }
  }
}
